"""Redirect pages for the old Chinese addresses: the Chinese pages were served under
``zh/`` and now are at the site root, so ``zh/law/lcl/`` (a bookmark, a printed checklist's
footer, a link from the in-browser check-ups) forwards to ``law/lcl/``, keeping its
``#article`` anchor and query. Written at build time into ``docs/zh/`` (not committed)."""

from __future__ import annotations

import posixpath
import shutil
from html import escape
from pathlib import Path

from .common import DEFAULT_LANG, LANGS

#: the folder of the old Chinese addresses (under docs/, and so in the built site)
OLD = "zh"
#: every redirect page contains this, so that a rebuild knows what it may remove
STUB = "<!-- redirect page written by scripts/gen_pages.py --assets -->"


def page_url(page: str) -> str:
    """``law/lcl`` → ``law/lcl/``; ``law/index`` → ``law/``; ``index`` → ``""``."""
    head, _, name = page.rpartition("/")
    if name == "index":
        return head + "/" if head else ""
    return page + "/"


def redirect_html(old_dir: str, new_url: str) -> str:
    """The page at ``old_dir/index.html`` that forwards to ``new_url`` (both from the site root)."""
    target = escape(posixpath.relpath(new_url or ".", old_dir) + "/")
    return f"""<!doctype html>
{STUB}
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>本页已迁移 · This page has moved</title>
<link rel="canonical" href="{target}">
<script>location.replace("{target}" + location.search + location.hash);</script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>本页已迁移到<a href="{target}">新地址</a>。 <span lang="en">This page has moved to a <a href="{target}">new address</a>.</span></p>
</body>
</html>
"""


def chinese_pages(docs: Path) -> list[str]:
    """Every Chinese page under ``docs`` (``law/lcl``, ``index``…), from its file name."""
    other = tuple(f".{lang}.md" for lang in LANGS if lang != DEFAULT_LANG)
    return [
        path.relative_to(docs).as_posix().removesuffix(".md")
        for path in sorted(docs.rglob("*.md"))
        if not path.name.endswith(other) and path.relative_to(docs).parts[0] != OLD
    ]


def write_redirects(docs: Path) -> list[Path]:
    """Write ``docs/zh/<page>/index.html`` for every Chinese page; returns the files written."""
    out_dir = docs / OLD
    if out_dir.exists():
        for path in out_dir.rglob("*"):
            if path.is_file() and STUB not in path.read_text(encoding="utf-8", errors="replace"):
                raise SystemExit(f"gen_pages: {path} is not a redirect page; docs/{OLD}/ is for redirect pages only")
        shutil.rmtree(out_dir)
    written = []
    for page in chinese_pages(docs):
        url = page_url(page)
        old_dir = posixpath.join(OLD, url).rstrip("/")
        target = docs / old_dir / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_html(old_dir, url), encoding="utf-8")
        written.append(target)
    return written
