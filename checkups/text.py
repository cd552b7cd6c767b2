"""Bilingual text and the small value parsers shared by calculators and the roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

__all__ = ["FEN", "InputError", "Text", "fmt_money", "round_fen", "to_money", "to_number"]

FEN = Decimal("0.01")


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


class InputError(ValueError):
    """A value that a calculator or the roster cannot use; names field, expectation and value."""

    def __init__(self, field: str, expected: str, got: Any):
        self.field, self.expected, self.got = field, expected, got
        super().__init__(f"{field!r} must be {expected} (got {got!r})")


def round_fen(value: Decimal) -> Decimal:
    """Round money to the fen (0.01 yuan), half up."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def to_number(value: Any, field: str) -> Decimal:
    """A non-negative number from int, float, str or Decimal (``"6,000"`` and ``"6000元"`` too)."""
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
    return number


def to_money(value: Any, field: str) -> Decimal:
    """Money in yuan as ``Decimal`` (not rounded: rounding happens once, at the end)."""
    return to_number(value, field)


def fmt_money(amount: Decimal | None) -> str:
    """``12,345.60`` (or an em dash for no amount)."""
    return "—" if amount is None else f"{round_fen(amount):,.2f}"


def iso(day: dt.date) -> str:
    return day.isoformat()
