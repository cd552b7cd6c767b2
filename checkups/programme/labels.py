"""The programme reports' own words: a table of bilingual labels, looked up by key and language."""

from __future__ import annotations

from typing import Any

from ..text import Text

__all__ = ["Labels"]


class Labels(dict[str, Any]):
    """Key → :class:`Text` (or a table of them); ``labels(key, lang)`` is the text in that language."""

    def __call__(self, key: str, lang: str) -> str:
        text: Text = self[key]
        return text.get(lang)
