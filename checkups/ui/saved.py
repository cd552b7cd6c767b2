"""Saving a check-up's answers: in the browser's storage as they change, and as a JSON file
the user exports and imports again, with a control that clears them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .common import data_link, t
from .storage import FileStorage

#: the ``format`` of a saved document; ``checkups/schemas/saved.schema.json`` describes each kind
FORMAT = "checkups-{kind}/1"


class SavedAnswers:
    """Export, import and clear controls for one check-up, and its saving in ``storage``.

    The saved document is ``{"format": "checkups-<kind>/1", "answers": {...}, "settings":
    {...}}``: ``kind`` names the check-up, so that answers exported by one check-up are not
    taken by another; ``answers`` holds what the user entered and ``settings`` the region,
    audit date and the like. ``get`` returns ``{"answers": ..., "settings": ...}`` as
    JSON-ready data, ``put`` shows such a dict, ``reset`` empties the form.
    """

    def __init__(
        self,
        lang: str,
        kind: str,
        filename: str,
        *,
        storage: FileStorage | None,
        get: Callable[[], dict[str, Any]],
        put: Callable[[dict[str, Any]], None],
        reset: Callable[[], None],
        accept_bare: bool = False,
    ):
        self.lang, self.storage, self.filename = lang, storage, filename
        self.format = FORMAT.format(kind=kind)
        self._get, self._put, self._reset, self._accept_bare = get, put, reset, accept_bare
        self.export = w.Button(description=t("export", lang), icon="download")
        self.export.on_click(lambda _: self.show_export())
        self.upload = w.FileUpload(accept=".json", multiple=False, description=t("import", lang))
        self.upload.observe(self._uploaded, names="value")
        self.clear = w.Button(description=t("clear", lang), button_style="warning", icon="trash")
        self.clear.on_click(lambda _: self.clear_all())
        self.message = w.HTML()
        self.link = w.HTML()
        self.buttons = w.HBox([self.export, self.upload, self.clear])
        self.paused = False  # True while answers are being restored: nothing is saved meanwhile
        self.saves = 0  # documents saved so far, shown to tests as the class checkups-saves-N of the buttons

    def document(self) -> dict[str, Any]:
        return {"format": self.format, **self._get()}

    def save(self) -> None:
        """Keep the document in the browser's storage; then the buttons' class ``checkups-saves-N``
        counts the saves done (the page sees it once the file is written)."""
        if self.storage is not None and not self.paused:
            self.storage.save(self.document())
            self.saves += 1
            kept = tuple(c for c in self.buttons._dom_classes if not c.startswith("checkups-saves-"))
            self.buttons._dom_classes = (*kept, f"checkups-saves-{self.saves}")

    def restore(self) -> bool:
        """Show the answers saved in the browser's storage, if any."""
        if self.storage is None:
            return False
        answers = self._answers(self.storage.load())
        if answers is None:
            return False
        self._apply(answers)
        return True

    def export_json(self) -> str:
        return json.dumps(self.document(), ensure_ascii=False, indent=1)

    def show_export(self) -> None:
        self.link.value = data_link(self.export_json(), self.filename, t("export", self.lang), "application/json")

    def import_json(self, text: str) -> bool:
        """Restore answers exported earlier; False, with a message, for anything else."""
        try:
            answers = self._answers(json.loads(text))
        except ValueError:
            answers = None
        if answers is None:
            self.message.value = f"<p style='color:#b3261e'>{t('bad_import', self.lang)}</p>"
            return False
        self._reset()
        self._apply(answers)
        self.save()
        self.message.value = f"<p>{t('imported', self.lang)}</p>"
        return True

    def clear_all(self) -> None:
        """Empty the form and remove what is saved in the browser."""
        self.paused = True
        try:
            self._reset()
        finally:
            self.paused = False
        self.link.value = ""
        if self.storage is not None:
            self.storage.clear()
        self.message.value = f"<p>{t('cleared', self.lang)}</p>"

    def _answers(self, data: Any) -> dict[str, Any] | None:
        """``{"answers": ..., "settings": ...}`` from a saved document, or None if it is not one."""
        if not isinstance(data, dict):
            return None
        if data.get("format") == self.format and isinstance(data.get("answers"), dict):
            settings = data.get("settings")
            return {"answers": data["answers"], "settings": settings if isinstance(settings, dict) else {}}
        if self._accept_bare and "format" not in data:
            return {"answers": data, "settings": {}}
        return None

    def _apply(self, answers: dict[str, Any]) -> None:
        self.paused = True
        try:
            self._put(answers)
        finally:
            self.paused = False

    def _uploaded(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if files:
            try:
                self.import_json(bytes(files[0]["content"]).decode("utf-8-sig"))
            except UnicodeDecodeError:
                self.message.value = f"<p style='color:#b3261e'>{t('bad_import', self.lang)}</p>"


def restore_settings(settings: dict[str, Any], *, region: w.Widget, as_of: w.DatePicker | None = None) -> None:
    """Show a saved region and audit date; values that are not (or no longer) valid are left out."""
    if settings.get("region") in dict(region.options).values():
        region.value = settings["region"]
    if as_of is not None and isinstance(settings.get("as_of"), str):
        try:
            as_of.value = dt.date.fromisoformat(settings["as_of"])
        except ValueError:
            pass  # a damaged date keeps today's
