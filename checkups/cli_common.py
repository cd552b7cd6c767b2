"""What the command-line modules share (``cli.py``, ``cli_needs.py``, ``cli_costs.py``), kept
apart from ``cli.py`` so that they can import it at module level without a cycle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import CheckupsError, clip

__all__ = ["read_json"]


def read_json(path: str | Path, field: str, noun: str = "JSON file") -> Any:
    """A JSON file's content; a missing, unreadable or broken file is a :class:`CheckupsError`
    naming the file (``field``: the argument it came from; ``noun``: what the file should be)."""
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CheckupsError(f"no such file: {p}", field=field) from None
    except IsADirectoryError:
        raise CheckupsError(f"{p} is a folder, not a {noun}", field=field) from None
    except OSError as exc:
        raise CheckupsError(f"cannot read {p}: {exc.strerror or exc}", field=field) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise CheckupsError(f"{p} is not a {noun} ({clip(str(exc), 80)})", field=field) from None
