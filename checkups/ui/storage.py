"""Where a notebook keeps the user's answers between visits.

In JupyterLite the kernel's working directory is the browser's own storage, so a file
there survives a page reload and never leaves the computer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class FileStorage:
    """A JSON document in a file (in JupyterLite: the browser's storage)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def load(self) -> dict[str, Any]:
        """The saved document, or an empty one (a damaged file counts as empty)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self, data: dict[str, Any]) -> None:
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
