"""The company questionnaire as widgets: screening first, one section per service area,
skip logic from each rule's ``applies_if``, findings with fixes and linked citations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as w

from ..audit import summarize
from ..evaluate import Evaluation, evaluate, questions, why_not
from ..regions import resolve
from ..registry import ADVICE, area_name, catalog, rules
from ..report import to_html
from .common import data_link, esc, findings_html, region_dropdown, summary_line, t
from .saved import SavedAnswers, restore_settings
from .storage import FileStorage


class QuestionnaireApp:
    """Build with :func:`questionnaire_app`; ``widget`` is what the notebook displays."""

    def __init__(
        self, lang: str = "zh", *, storage: FileStorage | None = None, site_base: str = "../../", as_of: dt.date | None = None
    ):
        self.lang, self.storage, self.site_base = lang, storage, site_base
        self.questions = questions()
        self.inputs: dict[str, w.Widget] = {}
        self.rule_boxes: dict[str, w.Widget] = {}
        self.region = region_dropdown(lang)
        self.as_of = w.DatePicker(value=as_of or dt.date.today(), description="检查日" if lang == "zh" else "Audit date")
        screening = [self._input(q) for q in catalog()["questionnaire"]["screening"]]
        sections, titles = [], []
        for area in catalog()["questionnaire"]["areas"]:
            boxes = []
            for r in rules(scope="company", area=area):
                notes = [n for n in (r.where(lang), ADVICE[lang] if r.advice else None) if n]
                head = (
                    [w.HTML(f"<small><i>{esc('；'.join(notes) if lang == 'zh' else '; '.join(notes))}</i></small>")]
                    if notes
                    else []
                )
                box = w.VBox(head + [self._input(q) for q in r.questions])
                self.rule_boxes[r.id] = box
                boxes.append(box)
            if boxes:
                sections.append(w.VBox(boxes))
                titles.append(area_name(area)[lang])
        self.areas = w.Accordion(children=sections, titles=tuple(titles))
        self.check = w.Button(description=t("evaluate", lang), button_style="primary", icon="check")
        self.check.on_click(lambda _: self.run())
        self.saved = SavedAnswers(
            lang,
            "answers",
            "checkup-answers.json",
            storage=storage,
            get=lambda: {"answers": self.answers(), "settings": self.settings()},
            put=self._put,
            reset=self.reset,
            accept_bare=True,
        )
        self.message = self.saved.message
        self.links = w.HTML()
        self.result = w.HTML()
        self.widget = w.VBox(
            [
                w.HTML(f"<p><small>{t('privacy', lang)}</small></p>"),
                w.HBox([self.region, self.as_of]),
                w.HTML(f"<h3>{'基本情况' if lang == 'zh' else 'About the enterprise'}</h3>"),
                w.VBox(screening),
                self.areas,
                w.HBox([self.check, self.saved.buttons]),
                self.message,
                self.saved.link,
                self.links,
                self.result,
            ]
        )
        self.saved.restore()
        self._skip()
        for field in (self.region, self.as_of):
            field.observe(self._changed, names="value")

    def _input(self, q: dict[str, Any]) -> w.Widget:
        label = w.HTML(f"<div style='margin-top:.4em'>{esc(q['text'][self.lang])}</div>")
        if q["type"] == "bool":
            field = w.ToggleButtons(
                options=[(t("unanswered", self.lang), None), (t("yes", self.lang), True), (t("no", self.lang), False)], value=None
            )
        else:
            field = w.Text(placeholder="0", layout=w.Layout(width="12em"))
        field.observe(self._changed, names="value")
        self.inputs[q["id"]] = field
        return w.VBox([label, field])

    def answers(self) -> dict[str, Any]:
        """The answers given so far (unanswered questions left out)."""
        out = {}
        for qid, field in self.inputs.items():
            value = field.value
            if value is not None and value != "":
                out[qid] = value
        return out

    def set_answers(self, answers: dict[str, Any]) -> None:
        for qid, value in answers.items():
            field = self.inputs.get(qid)
            if field is None:
                continue
            if isinstance(field, w.ToggleButtons):
                field.value = value if value in (True, False) else None
            else:
                field.value = "" if value is None else str(value)
        self._skip()

    def settings(self) -> dict[str, Any]:
        return {"region": self.region.value, "as_of": self.as_of.value.isoformat() if self.as_of.value else None}

    def _put(self, saved: dict[str, Any]) -> None:
        restore_settings(saved["settings"], region=self.region, as_of=self.as_of)
        self.set_answers(saved["answers"])

    def reset(self, *, clear_storage: bool = False) -> None:
        """Empty the answers (and, with ``clear_storage``, remove the saved ones)."""
        if clear_storage:
            self.saved.clear_all()
            return
        self.set_answers({qid: None for qid in self.inputs})
        self.result.value = self.links.value = ""

    def _changed(self, _change: Any = None) -> None:
        self._skip()
        if hasattr(self, "saved"):
            self.saved.save()

    def _skip(self) -> None:
        """Hide the questions of rules that the screening answers, the region or the date rule out."""
        given = self.answers()
        region = resolve(self.region.value) if self.region.value else None
        day = self.as_of.value or dt.date.today()
        for r in rules(scope="company"):
            box = self.rule_boxes.get(r.id)
            if box is None:
                continue
            hidden = any(k in given and given[k] != v for k, v in (r.applies_if or {}).items())
            box.layout.display = "none" if hidden or why_not(r, region, day) else None

    def run(self) -> Evaluation:
        """Evaluate the answers and show findings, summary and the report link."""
        result = evaluate(self.answers(), as_of=self.as_of.value, region=self.region.value)
        notes = "".join(f"<li>{esc(e.message)}</li>" for e in result.errors)  # the message quotes the answer given
        self.message.value = f"<ul style='color:#b3261e'>{notes}</ul>" if notes else ""
        not_run = "".join(
            f"<li>{esc(r.title[self.lang])}: {esc(why.get(self.lang))}</li>" for r in rules() if (why := result.reasons.get(r.id))
        )
        self.result.value = (
            summary_line(summarize(result.findings), self.lang)
            + findings_html(result.findings, self.site_base, self.lang)
            + (
                f"<p><small>{'未检查：' if self.lang == 'zh' else 'Not checked:'}</small></p><ul><small>{not_run}</small></ul>"
                if not_run
                else ""
            )
        )
        self.links.value = data_link(to_html(result, self.lang), "checkup-report.html", t("report", self.lang), "text/html")
        return result

    def export_json(self) -> str:
        return self.saved.export_json()

    def import_json(self, text: str) -> bool:
        """Restore answers exported earlier; False (with a message) for anything else."""
        return self.saved.import_json(text)


def questionnaire_app(
    lang: str = "zh", *, storage_path: str | None = "checkups-answers.json", site_base: str = "../../"
) -> QuestionnaireApp:
    """The company check-up, saving answers in ``storage_path`` (None: not saved)."""
    storage = None if storage_path is None else FileStorage(storage_path)
    return QuestionnaireApp(lang, storage=storage, site_base=site_base)
