"""The built site: complete, generated pages fresh, every internal link and anchor working,
nothing loaded from another host, downloads and feed valid."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from checkups.registry import catalog, rules

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.common import article_anchor, is_generated, law_page, rule_anchor  # noqa: E402


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.lang = ""
        self.hreflang: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "link" and a.get("hreflang"):
            self.hreflang.add(a["hreflang"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("alternate", "canonical"):
            self.resources.append(a["href"])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, _Page]:
    """The mkdocs pages (the JupyterLite app under lite/ is tested in test_lite_build.py)."""
    return {
        p.relative_to(built_site).as_posix(): parse(p)
        for p in built_site.rglob("*.html")
        if not p.relative_to(built_site).as_posix().startswith("lite/")
    }


def text_of(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


class TestGenerated:
    def test_generated_pages_are_fresh(self) -> None:
        """Regenerating would change nothing (run python scripts/gen_pages.py)."""
        proc = subprocess.run([sys.executable, "scripts/gen_pages.py", "--check"], cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr

    def test_generated_pages_say_so(self) -> None:
        """Each generated page starts with a comment naming its generator and source."""
        generated = [p for p in (ROOT / "docs").rglob("*.md") if is_generated(p.read_text(encoding="utf-8"))]
        assert len(generated) > 80

    def test_every_page_in_both_languages(self) -> None:
        """Every page has a Chinese (x.md) and an English (x.en.md) version."""
        for path in (ROOT / "docs").rglob("*.md"):
            if path.name.endswith(".en.md"):
                assert path.with_name(path.name[:-6] + ".md").exists(), path
            else:
                assert path.with_name(path.stem + ".en.md").exists(), path

    def test_citations_in_hand_written_pages_are_links(self) -> None:
        """A citation written by hand ('art. 82', '第八十二条') links to its article like generated ones."""
        pattern = re.compile(r"\bart\. \d+|第[一二三四五六七八九十百零〇\d]+条")
        for path in (ROOT / "docs").rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            if is_generated(text):
                continue
            unlinked = pattern.findall(re.sub(r"\[[^\]]*\]\([^)]*\)", "", text))
            assert unlinked == [], f"{path.relative_to(ROOT)}: {unlinked}"


class TestCompleteness:
    def test_every_rule_is_on_its_service_page(self, built_site: Path, pages) -> None:
        for lang_prefix in ("", "en/"):
            for r in rules():
                page = pages[f"{lang_prefix}services/{r.area.replace('_', '-')}/index.html"]
                assert rule_anchor(r.id) in page.ids, f"{lang_prefix}{r.id}"

    def test_every_article_has_its_anchor(self, pages) -> None:
        for lang_prefix in ("", "en/"):
            for code, law in catalog()["laws"].items():
                page = pages[f"{lang_prefix}{law_page(code)}/index.html"]
                for number in law["articles"]:
                    assert article_anchor(code, number) in page.ids, f"{lang_prefix}{code} {number}"

    def test_every_parameter_is_listed(self, built_site: Path) -> None:
        for rel in ("law/parameters/index.html", "en/law/parameters/index.html"):
            html = text_of(built_site, rel)
            for name in catalog()["parameters"]:
                assert f"<code>{name}</code>" in html, f"{rel}: {name}"

    def test_checklists_hold_every_rule(self, built_site: Path) -> None:
        html = text_of(built_site, "checklists/annual/index.html")
        for r in rules():
            assert r.title["zh"] in html, r.id


class TestLinks:
    def test_no_broken_internal_link_or_anchor(self, built_site: Path, pages) -> None:
        """Every relative link resolves to a built file, and every #fragment to an id on it."""
        broken = []
        for rel, page in pages.items():
            for href in page.links:
                parts = urlsplit(href)
                if parts.scheme or parts.netloc or href.startswith("mailto:"):
                    continue
                if parts.path.startswith("/"):  # only 404.html: absolute under site_url, "/" when built for tests
                    target = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
                else:
                    target = (
                        posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path))) if parts.path else rel
                    )
                if target.startswith(".."):
                    broken.append((rel, href, "leaves the site"))
                    continue
                path = built_site / target
                if path.is_dir() or not parts.path or parts.path.endswith("/"):
                    path = path / "index.html" if path.is_dir() or parts.path.endswith("/") else path
                if not path.exists():
                    broken.append((rel, href, "missing"))
                    continue
                if parts.fragment and path.suffix == ".html":
                    key = path.relative_to(built_site).as_posix()
                    if parts.fragment not in pages[key].ids:
                        broken.append((rel, href, "no such anchor"))
        assert broken == [], broken[:20]

    def test_nothing_from_another_host(self, built_site: Path) -> None:
        """No script, style, font, image or frame of any page (JupyterLite's too) comes from another host."""
        external = [
            (p.relative_to(built_site).as_posix(), r)
            for p in built_site.rglob("*.html")
            for r in parse(p).resources
            if re.match(r"^(https?:)?//", r)
        ]
        assert external == []

    def test_both_languages_and_switch(self, pages) -> None:
        """Chinese pages (at the root) are lang=zh, English ones (under en/) lang=en, each linking the other language."""
        for rel, page in pages.items():
            if rel == "404.html" or rel.endswith("/404.html"):
                continue
            assert page.lang == ("en" if rel.startswith("en/") else "zh"), rel
            assert {"en", "zh"} <= page.hreflang, rel


class TestDownloads:
    def test_docx_files(self, built_site: Path) -> None:
        """Each model agreement and document is a .docx with its title, in both languages."""
        from docx import Document

        data = catalog()
        names = list(data["agreement"]) + list(data["documents"])
        assert len(names) >= 9
        for name in names:
            doc = data["agreement"].get(name) or data["documents"][name]
            for lang, folder in (("zh", ""), ("en", "en/")):  # x.en.docx is served as en/downloads/x.docx
                path = built_site / f"{folder}downloads" / f"{name.replace('_', '-')}.docx"
                text = "\n".join(p.text for p in Document(path).paragraphs)
                assert doc["title"][lang] in text, path

    def test_atom_feed(self, built_site: Path) -> None:
        root = ET.parse(built_site / "feed.xml").getroot()
        entries = root.findall("{http://www.w3.org/2005/Atom}entry")
        assert len(entries) == len(catalog()["updates"]) > 0
