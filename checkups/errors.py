"""The package's errors: one hierarchy under :class:`CheckupsError`.

Every error names what was wrong the way attrs does, and carries the parts as attributes
(``field``, ``expected``, ``got``, ``row``)::

    'monthly_wage' must be a number >= 0 (got 'abc') on line 4

The command line turns any :class:`CheckupsError` into exit status 2 and its message;
anything else is a bug.  Values are echoed cut to :data:`ECHO` characters plus their length,
so a 5 MB cell does not become a 5 MB message.  The older names (``InputError``,
``RosterError``, ``DateError``, ``MissingFigureError``, ``UnknownNameError``) are subclasses
and stay importable from where they always were.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "ECHO",
    "CheckupsError",
    "DateError",
    "InputError",
    "MissingFigureError",
    "RosterError",
    "UnknownNameError",
    "clip",
    "shown",
]

ECHO = 40  # characters of a value repeated in a message
_UNSET: Any = object()


def clip(text: str, limit: int = ECHO) -> str:
    """``text``, or its first ``limit`` characters and its length: ``'aaaa…(5242880 characters)'``."""
    return text if len(text) <= limit else f"{text[:limit]}…({len(text)} characters)"


def shown(value: Any) -> str:
    """A value as a message echoes it: ``repr`` of the value, long texts clipped."""
    if value is None or value == "":
        return "nothing"
    return repr(clip(value)) if isinstance(value, str) else clip(repr(value))


class CheckupsError(Exception):
    """An input, file, figure or name the package cannot use (never a bug).

    With ``field`` and ``expected`` the message is composed attrs-style; a plain
    ``message`` (a file that is not a roster, an unwritable output path) is used as given.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        field: str | None = None,
        expected: str | None = None,
        got: Any = _UNSET,
        row: int | None = None,
    ):
        self.field, self.expected, self.row = field, expected, row
        self.got = None if got is _UNSET else got
        if message is None:
            message = f"{field!r} must be {expected}" + ("" if got is _UNSET else f" (got {shown(got)})")
        super().__init__(message + (f" on line {row}" if row is not None else ""))


class InputError(CheckupsError, ValueError):
    """A value that a calculator, the questionnaire or the roster cannot use."""

    def __init__(self, field: str, expected: str, got: Any, row: int | None = None):
        super().__init__(field=field, expected=expected, got=got, row=row)


class DateError(InputError):
    """Text that is not a date in a supported form, or a date out of the supported range."""

    def __init__(self, got: Any, expected: str = "a date such as 2025-03-01", field: str = "date"):
        super().__init__(field, expected, got)


class RosterError(CheckupsError):
    """A file that cannot be read as a roster at all (the CLI exits with status 2)."""


class MissingFigureError(CheckupsError, LookupError):
    """A regional figure that is needed but not known for that region and date."""

    def __init__(self, name: str, region: str | None, on: dt.date, hint: str = ""):
        where = f"region {region!r}" if region else "no region given"
        self.name, self.region, self.on, self.hint = name, region, on, hint
        expected = f"a figure known for {where} on {on.isoformat()}"
        super().__init__(
            f"no figure for {name} ({where}, on {on.isoformat()}): {hint or 'give the figure explicitly'}",
            field=name,
            expected=expected,
        )


class UnknownNameError(CheckupsError, LookupError):
    """A law, article, rule, parameter, calculator or region that is not in the catalog."""

    def __init__(self, kind: str, name: str, known: list[str] | None = None, message: str | None = None):
        hint = f"; known: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}" if known else ""
        self.kind, self.name = kind, name
        super().__init__(
            message or f"unknown {kind} {shown(name)}{hint}",
            field=kind,
            expected=f"a known {kind}",
            got=name,
        )
