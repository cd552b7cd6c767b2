"""A report page as a fragment of a site page: the report's body, its headings one level
down (the site page has its own title), its citation links pointing at the site's law pages."""

from __future__ import annotations

import re
from functools import cache

from ..registry import Citation, catalog

__all__ = ["fragment"]

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
_HEADING = re.compile(r"<(/?)h([1-5])\b")
_ANCHOR = re.compile(r'href="#([a-z0-9-]+)"')


@cache
def _laws() -> tuple[tuple[str, str], ...]:
    """(anchor prefix, law code), longest prefix first (``lcl-ir-`` before ``lcl-``)."""
    codes = sorted(catalog()["laws"], key=len, reverse=True)
    return tuple((Citation(code, "").anchor, code) for code in codes)


def _citation(anchor: str) -> Citation | None:
    for prefix, code in _laws():
        if anchor.startswith(prefix) and len(anchor) > len(prefix):
            return Citation(code, anchor[len(prefix) :])
    return None


def fragment(report: str, site_root: str | None, lang: str) -> str:
    """The body of ``report`` (a standalone HTML page made by :mod:`checkups.report` or
    :mod:`checkups.calc_report`) to place inside a site page.

    Headings move one level down; each link to a cited article's anchor goes to that
    article on the site's law page (``site_root`` is the site's root as the page links
    it, e.g. ``../../``; None keeps the report's own anchors).
    """
    found = _BODY.search(report)
    body = found.group(1) if found else report
    body = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)
    if site_root is None:
        return body.strip()

    done: dict[str, str] = {}  # a large report links the same few articles thousands of times

    def link(m: re.Match) -> str:
        anchor = m.group(1)
        if anchor not in done:
            cite = _citation(anchor)
            done[anchor] = m.group(0) if cite is None else f'href="{cite.href(site_root, lang=lang)}"'
        return done[anchor]

    return _ANCHOR.sub(link, body).strip()
