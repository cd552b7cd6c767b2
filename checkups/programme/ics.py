"""The deadlines as an iCalendar file (RFC 5545) that a phone or Outlook imports.

One all-day ``VEVENT`` a deadline (``DTSTART;VALUE=DATE`` and the next day as ``DTEND``),
its ``UID`` made from the calendar's name, the kind, the employee and the day (importing
an updated file replaces the events instead of doubling them), ``DTSTAMP`` the audit date
(never the clock, so the same audit gives the same file), texts escaped (RFC 5545 3.3.11),
lines folded at 75 octets without splitting a UTF-8 character (3.1) and ended by CRLF.
No ``METHOD`` (the file is imported, not sent as an iTIP message: RFC 5546 applies only then).

With no deadline ahead there is no calendar: the command line says so (:data:`NO_DEADLINES`),
exits 0 and writes no file, and the page offers no download (an empty calendar would import
as nothing and look like a failure).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from ..text import Text
from .deadlines import Deadline
from .warning_report import labels

__all__ = ["NO_DEADLINES", "escape", "fold", "to_ics"]

NO_DEADLINES = Text("检查日之后没有期限，不生成日历文件。", "No deadline ahead of the audit date: no calendar file written.")

PRODID = "-//Trusteeship Kit//checkups early warning//ZH"
_LIMIT = 75  # octets a line may hold, CRLF excluded (RFC 5545 3.1)


def escape(text: str) -> str:
    r"""A TEXT value: backslash, semicolon and comma escaped, line breaks as ``\n``."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """A content line folded into pieces of at most 75 octets, each further piece after CRLF and a space."""
    pieces: list[str] = []
    current, size, limit = [], 0, _LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, _LIMIT - 1  # the leading space of a continuation counts
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _day(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def _uid(calendar: str, d: Deadline) -> str:
    key = "\x1f".join((calendar, d.kind, d.employee_id, str(d.row), d.date.isoformat()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@checkups"


def to_ics(deadlines: Iterable[Deadline], as_of: dt.date, lang: str, name: str = "") -> bytes:
    """The calendar of ``deadlines`` (at least one: see the module) in ``lang`` (``zh`` or ``en``), stamped with the audit date.

    ``name`` (a client's name, a file name) goes into the calendar's name and each event's
    summary and UID, so that several clients' calendars can be imported side by side."""
    basis = "依据" if lang == "zh" else "Legal basis"
    title = ("劳动用工期限提醒" if lang == "zh" else "Employment deadlines") + (f" · {name}" if name else "")
    stamp = _day(as_of) + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape(title)}",
    ]
    for d in deadlines:
        summary = d.summary.get(lang) + (f" · {name}" if name else "")
        cites = labels(d.citations, lang)
        description = d.description.get(lang) + (f"\n{basis}: {cites}" if cites else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(name, d)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_day(d.date)}",
            f"DTEND;VALUE=DATE:{_day(d.date + dt.timedelta(days=1))}",
            f"SUMMARY:{escape(summary)}",
            f"DESCRIPTION:{escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
