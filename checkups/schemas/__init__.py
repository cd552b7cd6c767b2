"""JSON Schemas (draft 2020-12) of the package's open formats, one file each:
``roster`` (the roster's columns), ``saved`` (a check-up's saved answers,
``checkups-<kind>/1``) and the JSON that ``python -m checkups`` writes: ``audit``,
``evaluation``, ``calc``, ``figures`` and ``rules``.

The files are written by ``scripts/compile_schemas.py`` from the package's own definitions
(the columns, the questionnaire, the calculator registry, the rule catalog); the tests fail
when one is stale and validate every JSON output against its schema.  The package itself
never validates at run time (it needs no dependency).

    from checkups import schemas
    schemas.load("audit")       # the schema as a dict
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from ..errors import UnknownNameError

__all__ = ["load", "names", "path"]


def names() -> list[str]:
    """The schemas shipped, by name (``audit`` for ``audit.schema.json``)."""
    return sorted(p.name.removesuffix(".schema.json") for p in files(__name__).iterdir() if p.name.endswith(".schema.json"))


def path(name: str) -> Traversable:
    """One schema's file (``.read_text()`` gives it as shipped)."""
    if name not in names():
        raise UnknownNameError("schema", name, names())
    return files(__name__).joinpath(f"{name}.schema.json")


def load(name: str) -> dict[str, Any]:
    """One schema as a dict."""
    return json.loads(path(name).read_text(encoding="utf-8"))
