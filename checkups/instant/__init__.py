"""The package behind the instant check-up pages (run in the browser's Pyodide worker).

The pages' forms are plain HTML made at build time from the package's data; the worker
sends what the user entered to :func:`handle` as JSON and shows the HTML it gets back.
Each function takes and returns JSON-ready data:

- :func:`evaluate` — the company questionnaire's answers → findings and the report;
- :func:`hidden` — the questionnaire's rules that the region and date leave out;
- :func:`audit` — a roster file's bytes → findings per employee, rejected rows, the report;
- :func:`calculate` — one calculator of the registry → result, steps and the report;
- :func:`needs`, :func:`agreement` — the needs survey and the agreement builder.
- ``warn``, ``portfolio``, ``bureau`` (:mod:`checkups.instant.warn`) — the early warning of a
  roster (and its calendar), several rosters at once, several agencies' results at once.

A successful answer has ``ok: true``, the findings (or outcomes) as data, ``html`` (the
report's body for the page, citations linked to the site's law pages) and ``report`` (the
printable page).  Input that cannot be used gives ``ok: false``, ``errors`` (field →
plain message in the page's language) and ``message``; never a rule id, parameter name
or command-line flag.
"""

from __future__ import annotations

import importlib
import json
import traceback
from typing import Any

from .messages import GENERAL

__all__ = ["OPERATIONS", "agreement", "audit", "calculate", "evaluate", "handle", "hidden", "needs"]

#: each operation the page may ask for: the module of this package that holds it, its
#: function, and whether the file's bytes are its first argument.  A module is imported
#: when its first operation is asked for, so a page loads only what it uses.
OPERATIONS: dict[str, tuple[str, str, bool]] = {
    "evaluate": ("company", "evaluate", False),
    "hidden": ("company", "hidden", False),
    "audit": ("roster", "audit", True),
    "calculate": ("calculators", "calculate", False),
    "needs": ("needs", "needs", False),
    "agreement": ("needs", "agreement", False),
    "costs": ("costs", "costs", False),
    "scorecard": ("costs", "score", False),
    "warn": ("warn", "warn", True),  # the early warning and the portfolio audit (instant/warn.py)
    "portfolio": ("warn", "portfolio", True),
    "bureau": ("warn", "bureau", True),
}


def operation(name: str) -> tuple[Any, bool]:
    """The function of operation ``name`` (``KeyError`` if there is none) and whether it takes the file first."""
    module, function, file_first = OPERATIONS[name]
    return getattr(importlib.import_module(f".{module}", __name__), function), file_first


def __getattr__(name: str) -> Any:
    """``checkups.instant.evaluate`` and the other operations' functions, imported on first use."""
    if name in OPERATIONS:
        return operation(name)[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_REPORTS: dict[str, dict[str, str]] = {}  # the last printable report of each kind, until the page asks for it


def _report(kind: str = "", lang: str = "zh", part: str = "") -> dict[str, Any]:
    """The printable report of the last successful answer of ``kind`` (asked for on download),
    or another file of it (``part``: its ``parts`` key; ``base64: true`` for bytes)."""
    key = f"{kind}:{part}" if part else kind
    if key not in _REPORTS:
        return {"ok": False, "errors": {}, "message": GENERAL.get(lang)}
    return {"ok": True, **_REPORTS[key]}


def handle(request: str, data: Any = None) -> str:
    """Answer one request from the page, ``{"op": …, "args": {…}}``, as JSON text.

    ``data`` is the roster file's content for ``audit``.  The printable report is kept
    here rather than sent with the answer (a large roster's is megabytes); ``{"op":
    "report", "args": {"kind": …}}`` returns it.  An unexpected failure gives ``ok:
    false`` with a general message (the details under ``debug``, for the console).
    """
    lang = "zh"
    try:
        req = json.loads(request)
        args = dict(req.get("args") or {})
        lang = "en" if args.get("lang") == "en" else "zh"
        args["lang"] = lang
        if req["op"] == "report":
            return json.dumps(_report(**args), ensure_ascii=False)
        op, file_first = operation(req["op"])
        out = op(data, **args) if file_first else op(**args) if data is None else op(**args, data=data)
        if out.get("ok") and "report" in out:
            _REPORTS[out["kind"]] = {"report": out.pop("report"), "filename": out["filename"]}
            for part, file in out.pop("parts", {}).items():  # other downloads: {report, filename, mime, base64}
                _REPORTS[f"{out['kind']}:{part}"] = file
        return json.dumps(out, ensure_ascii=False, default=str)  # figures typed in are Decimals
    except Exception:  # a bug: the page says so in plain words and the console gets the details
        out = {"ok": False, "errors": {}, "message": GENERAL.get(lang), "debug": traceback.format_exc()}
        return json.dumps(out, ensure_ascii=False)
