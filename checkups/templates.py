"""Empty roster templates made from the columns of ``checkups/columns.py``: a CSV headed in
Chinese or in English, and an Excel workbook (offered by the roster check-up and the site)."""

from __future__ import annotations

import csv
import io

from .columns import COLUMNS
from .exports import sheet_xlsx

__all__ = ["header", "template_bytes", "template_csv", "template_xlsx"]

SHEET = {"zh": "名册", "en": "roster"}


def header(lang: str) -> list[str]:
    """Every column's header: the Chinese header (``zh``) or the English name."""
    return [c.zh if lang == "zh" else name for name, c in COLUMNS.items()]


def template_csv(lang: str) -> str:
    """An empty roster with every column, headed in ``lang`` (a spreadsheet wants it saved
    as UTF-8 with a byte-order mark, as :func:`template_bytes` does)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(header(lang))
    return buffer.getvalue()


def template_bytes(lang: str) -> bytes:
    """:func:`template_csv` as a file: UTF-8 with a byte-order mark, so that Excel reads the Chinese."""
    return ("\ufeff" + template_csv(lang)).encode("utf-8")


def template_xlsx(lang: str) -> bytes:
    """An empty roster as an Excel workbook: one sheet with the header row in ``lang``."""
    return sheet_xlsx(SHEET[lang], [header(lang)], [False] * len(COLUMNS))
