"""Where a notebook keeps the user's answers between visits.

In JupyterLite the kernel's working directory is the browser's own storage, so a file
there survives a page reload and never leaves the computer.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


class FileStorage:
    """A JSON document in a file (in JupyterLite: the browser's storage)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._written: str | None = None  # the text last written, so an unchanged document is not rewritten

    def load(self) -> dict[str, Any]:
        """The saved document, or an empty one (a damaged file counts as empty)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self, data: dict[str, Any]) -> None:
        """Write the document, whole: into a file beside it, then moved over the old one, so a
        reload during the write finds the old answers or the new ones, never an empty file
        (where the file system cannot move over a file, it is written in place)."""
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if text == self._written and self.path.exists():
            return
        part = self.path.with_name(self.path.name + ".part")
        try:
            part.write_text(text, encoding="utf-8")
            os.replace(part, self.path)
        except OSError:
            part.unlink(missing_ok=True)
            self.path.write_text(text, encoding="utf-8")
        self._written = text

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        self._written = None
