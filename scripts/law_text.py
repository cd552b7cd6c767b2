"""Read article texts from the statute files in ``laws/`` (a copy of ``../shared/laws``; or ``$LAWS_DIR``).

Used to author ``checkups/data/laws/*.yaml`` and by the tests that check every
Chinese article text in the registry is verbatim.  Run
``python scripts/law_text.py LCL 82`` to print one article.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ARTICLE = re.compile(r"^第([零〇一二两三四五六七八九十百]+)条(?:\s+|　|$)(.*)$")
_SECTION = re.compile(r"^##\s*([零〇一二两三四五六七八九十百]+)、?(.*)$")
_ITEM = re.compile(r"^(\d+)[.．](.*)$")


def cn_number(text: str) -> int:
    """Convert a Chinese numeral up to 999 (``八十二`` → 82)."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


REPO_LAWS = Path(__file__).resolve().parents[1] / "laws"
SHARED_LAWS = Path(__file__).resolve().parents[2] / "shared" / "laws"


def laws_dir() -> Path:
    """Where the statute texts are: ``$LAWS_DIR``, else the copy kept in the repo's ``laws/``."""
    env = os.environ.get("LAWS_DIR")
    return Path(env) if env else REPO_LAWS


def articles(code: str, directory: Path | None = None) -> dict[str, str]:
    """All articles of one instrument: number → text (label removed, paragraphs joined by newlines).

    Notices without ``第…条`` articles are split on their numbered items (``12.`` in
    SIL-PT, cited as ``SIL-PT 12``) or, without those, on their ``## 一、`` headings (WTC).
    """
    path = (directory or laws_dir()) / f"{code}.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    body_start = next((i + 1 for i, line in enumerate(lines) if "INFO END" in line), 0)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    body = [line.strip() for line in lines[body_start:]]
    if any(_ARTICLE.match(line) for line in body):
        pattern = _ARTICLE
    else:
        pattern = _ITEM if any(_ITEM.match(line) for line in body) else _SECTION
    by_section = pattern is _SECTION
    for raw in lines[body_start:]:
        line = raw.strip().strip("\u3000").strip()
        if not line:
            continue
        match = pattern.match(line)
        if match:
            number = match.group(1)
            current = found.setdefault(number if number.isdigit() else str(cn_number(number)), [])
            rest = match.group(2).strip()
            if rest and not by_section:
                current.append(rest)
            continue
        if line.startswith("#"):
            current = None
            continue
        if current is not None:
            current.append(line)
    return {number: "\n".join(paragraphs) for number, paragraphs in found.items()}


if __name__ == "__main__":
    code, *numbers = sys.argv[1:]
    texts = articles(code)
    for number in numbers:
        print(f"{code} {number}: {texts[number]}")
