"""The open formats on the built site: the schemas under ``schemas/`` as the package ships
them, the roster templates under ``downloads/``, and the pages that link them (every link
of the site is checked by ``tests/test_site.py``)."""

from __future__ import annotations

import io
import sys
from html.parser import HTMLParser
from pathlib import Path

import openpyxl

from checkups import schemas
from checkups.templates import header, template_bytes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.common import LANGS, filename  # noqa: E402
from sitegen.formats import PAGE, ROSTER_PAGE, TEMPLATES  # noqa: E402


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def built_page(site: Path, page: str, lang: str) -> Path:
    """Where the site serves ``page`` in ``lang`` (a language other than the default one in its folder)."""
    folder = "" if filename(page, lang) == f"{page}.md" else f"{lang}/"
    return site / folder / page / "index.html"


def links(path: Path) -> set[str]:
    """The targets of a built page's links, resolved to paths from the site root."""
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return {(path.parent / href).resolve().as_posix() for href in parser.links if "://" not in href}


def test_the_schemas_are_published_as_shipped(built_site: Path) -> None:
    """Each schema of the package is on the site under schemas/, byte for byte."""
    for name in schemas.names():
        assert (built_site / "schemas" / f"{name}.schema.json").read_bytes() == schemas.path(name).read_bytes(), name


def test_the_roster_templates_are_downloads(built_site: Path) -> None:
    """The CSV templates are the package's, and each XLSX template's one row is the header in its language."""
    for name, kind, lang in TEMPLATES:
        path = built_site / "downloads" / name
        if kind == "CSV":
            assert path.read_bytes() == template_bytes(lang), name
        else:
            rows = list(openpyxl.load_workbook(io.BytesIO(path.read_bytes())).active.iter_rows(values_only=True))
            assert rows == [tuple(header(lang))], name


def test_the_pages_link_the_formats(built_site: Path) -> None:
    """The formats page links every schema and template, and the roster check-up page every template and the formats page, in both languages."""
    files = {(built_site / "downloads" / name).resolve().as_posix() for name, _, _ in TEMPLATES}
    shown = {(built_site / "schemas" / f"{n}.schema.json").resolve().as_posix() for n in schemas.names()}
    for lang in LANGS:
        formats = built_page(built_site, PAGE, lang)
        assert files | shown <= links(formats), lang
        roster = links(built_page(built_site, ROSTER_PAGE, lang))
        assert files <= roster and formats.parent.resolve().as_posix() in {p.rstrip("/") for p in roster}, lang
