"""Bilingual text and the small value parsers shared by calculators and the roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .errors import InputError

__all__ = ["FEN", "LARGEST", "InputError", "Text", "fmt_money", "round_fen", "to_money", "to_number"]

FEN = Decimal("0.01")
LARGEST = Decimal(10) ** 12  # no number the package takes is larger (a sanity bound, not a legal figure)


@dataclass(frozen=True, slots=True)
class Text:
    """A text in Simplified Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``zh`` or ``en``)."""
        return self.zh if lang == "zh" else self.en

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}

    def __str__(self) -> str:
        return self.en


def round_fen(value: Decimal) -> Decimal:
    """Round money to the fen (0.01 yuan), half up."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def to_number(value: Any, field: str) -> Decimal:
    """A finite number from 0 to 10^12 from int, float, str or Decimal (``"6,000"`` and ``"6000元"`` too)."""
    if isinstance(value, bool) or value is None:
        raise InputError(field, "a number >= 0", value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, (int, float)):
        number = Decimal(str(value))
    else:
        cleaned = str(value).strip().replace(",", "").replace("，", "")
        cleaned = cleaned.removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise InputError(field, "a number >= 0", value) from None
    if not number.is_finite() or number < 0:
        raise InputError(field, "a number >= 0", value)
    if number > LARGEST:
        raise InputError(field, "a number from 0 to 10^12", value)
    return number


def to_money(value: Any, field: str) -> Decimal:
    """Money in yuan as ``Decimal`` (not rounded: rounding happens once, at the end)."""
    return to_number(value, field)


def fmt_money(amount: Decimal | None) -> str:
    """``12,345.60`` (or an em dash for no amount)."""
    return "—" if amount is None else f"{round_fen(amount):,.2f}"


def iso(day: dt.date) -> str:
    return day.isoformat()
