"""The roster audit as widgets: download a template, upload a CSV or XLSX roster, see
findings per employee and the rows that could not be audited, download the printable
report and the full list of findings (CSV, XLSX). The settings and the last roster are
kept in the browser's storage, so a reload shows the audit again."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import html
from typing import Any

import ipywidgets as w

from ..audit import AuditResult, audit_roster
from ..exports import findings_csv, findings_xlsx
from ..registry import UnknownNameError
from ..report import to_html
from ..report_parts import notices
from ..roster import RosterError
from ..templates import template_bytes, template_xlsx
from ..text import InputError, Text
from ..timeline import DateError, MissingFigureError
from .common import data_link, findings_html, region_dropdown, summary_line, t
from .saved import SavedAnswers, restore_settings
from .storage import FileStorage

PROBLEMS = (RosterError, InputError, DateError, MissingFigureError, UnknownNameError)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_XLSX = Text("名册模板（Excel）", "roster template (Excel)")
LISTS = ("roster-findings.csv", "roster-findings.xlsx")  # the full list, as the report names the files
LIST_LINKS = (Text("全部问题清单（CSV）", "All findings (CSV)"), Text("全部问题清单（XLSX）", "All findings (XLSX)"))
KEPT = Text(
    "最近一次检查的名册和设置也只保存在本浏览器中，刷新页面后会重新显示检查结果；“清除我的数据”会删除它们。",
    "The last roster audited and its settings are also kept only in this browser, so a reload shows the "
    "audit again; “Clear my data” removes them.",
)


class RosterApp:
    """Build with :func:`roster_app`; ``widget`` is what the notebook displays."""

    def __init__(
        self,
        lang: str = "zh",
        *,
        storage: FileStorage | None = None,
        site_base: str = "../../",
        as_of: dt.date | None = None,
    ):
        self.lang, self.site_base = lang, site_base
        self.roster: tuple[str, bytes] | None = None  # (file name, content) of the last roster audited
        zh = lang == "zh"
        self.region = region_dropdown(lang)
        self.as_of = w.DatePicker(value=as_of or dt.date.today(), description="检查日" if zh else "Audit date")
        self.min_wage = w.Text(placeholder="2500", description="最低工资" if zh else "Min. wage")
        self.upload = w.FileUpload(accept=".csv,.xlsx", multiple=False, description="上传名册" if zh else "Upload roster")
        self.upload.observe(lambda change: self._uploaded(change["new"]), names="value")
        templates = " · ".join(
            [
                data_link(template_bytes(code), f"roster-template-{code}.csv", label, "text/csv")
                for code, label in (("zh", "名册模板（中文表头）"), ("en", "roster template (English headers)"))
            ]
            + [data_link(template_xlsx(lang), f"roster-template-{lang}.xlsx", TEMPLATE_XLSX.get(lang), XLSX)]
        )
        self.saved = SavedAnswers(
            lang,
            "roster",
            "roster-audit.json",
            storage=storage,
            get=self._document,
            put=self._put,
            reset=self._reset,
        )
        self.message = w.HTML()
        self.links = w.HTML()
        self.result = w.HTML()
        self.widget = w.VBox(
            [
                w.HTML(f"<p><small>{t('privacy', lang)} {KEPT.get(lang)}</small></p>"),
                w.HTML(f"<p>{'下载模板' if zh else 'Templates'}: {templates}</p>"),
                w.HBox([self.region, self.as_of, self.min_wage]),
                w.HBox([self.upload, self.saved.buttons]),
                self.saved.message,
                self.saved.link,
                self.message,
                self.links,
                self.result,
            ]
        )
        self.saved.restore()
        for field in (self.region, self.as_of, self.min_wage):
            field.observe(self._settings_changed, names="value")

    def _settings_changed(self, _change: Any = None) -> None:
        """Save the settings; with a roster already audited, audit it again under them."""
        if self.saved.paused:
            return
        if self.roster is not None:
            self.audit(self.roster[1], self.roster[0])
        else:
            self.saved.save()

    def _document(self) -> dict[str, Any]:
        settings = {
            "region": self.region.value,
            "as_of": self.as_of.value.isoformat() if self.as_of.value else None,
            "min_wage": self.min_wage.value,
        }
        answers = {}
        if self.roster is not None:
            answers["roster"] = {"name": self.roster[0], "content": base64.b64encode(self.roster[1]).decode("ascii")}
        return {"answers": answers, "settings": settings}

    def _put(self, saved: dict[str, Any]) -> None:
        settings = saved["settings"]
        restore_settings(settings, region=self.region, as_of=self.as_of)
        if isinstance(settings.get("min_wage"), str):
            self.min_wage.value = settings["min_wage"]
        roster = saved["answers"].get("roster")
        if isinstance(roster, dict) and isinstance(roster.get("name"), str):
            try:
                content = base64.b64decode(roster.get("content", ""), validate=True)
            except (binascii.Error, ValueError):
                return
            self.audit(content, roster["name"])

    def _reset(self) -> None:
        self.roster = None
        self.message.value = self.links.value = self.result.value = ""

    def _uploaded(self, files: Any) -> None:
        if files:
            self.audit(bytes(files[0]["content"]), files[0]["name"])

    def audit(self, data: bytes, name: str = "roster.csv") -> AuditResult | None:
        """Audit an uploaded roster; a file that cannot be used gets a clear message."""
        self.result.value = self.links.value = ""
        if not name.lower().endswith((".csv", ".xlsx", ".txt")):
            self.message.value = self._problem(
                "只能上传 .csv 或 .xlsx 名册。" if self.lang == "zh" else "Upload a .csv or .xlsx roster."
            )
            return None
        try:
            result = audit_roster(
                data, as_of=self.as_of.value, region=self.region.value, min_wage=self.min_wage.value.strip() or None
            )
        except PROBLEMS as exc:
            self.message.value = self._problem(str(exc))
            return None
        self.message.value = ""
        self.roster = (name, data)
        self.saved.save()
        parts = [
            f"<p>{'读取' if self.lang == 'zh' else 'Read'} {result.rows} · {'已检查' if self.lang == 'zh' else 'audited'} {result.audited}</p>",
            summary_line(result.summary, self.lang),
        ]
        if result.errors:
            rows = "".join(
                f"<tr><td>{e.row}</td><td>{html.escape(e.column)}</td><td>{html.escape(e.message)}</td></tr>"
                for e in result.errors
            )
            title = "未能检查的行" if self.lang == "zh" else "Rows not audited"
            parts.append(
                f"<h4>{title}</h4><table class='checkup-errors'><tr><th>行 Line</th><th>列 Column</th><th></th></tr>{rows}</table>"
            )
        notes = notices(result, self.lang)  # as the report gives them: with unused columns and unverified figures
        if notes:
            parts.append("<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
        parts.append(findings_html(result.findings, self.site_base, self.lang, show_employee=True))
        self.result.value = "".join(parts)
        self.links.value = " · ".join(
            [
                data_link(to_html(result, self.lang, full_list=LISTS), "roster-report.html", t("report", self.lang), "text/html"),
                data_link("".join(findings_csv(result.findings, self.lang)), LISTS[0], LIST_LINKS[0].get(self.lang), "text/csv"),
                data_link(
                    findings_xlsx(result.findings, self.lang),
                    LISTS[1],
                    LIST_LINKS[1].get(self.lang),
                    XLSX,
                ),
            ]
        )
        return result

    def _problem(self, text: str) -> str:
        return f"<p style='color:#b3261e'><b>{'无法检查' if self.lang == 'zh' else 'Cannot audit'}:</b> {html.escape(text)}</p>"


def roster_app(lang: str = "zh", *, storage_path: str | None = "checkups-roster.json", site_base: str = "../../") -> RosterApp:
    """The roster audit, keeping its settings and the last roster in ``storage_path`` (None: not kept)."""
    return RosterApp(lang, storage=None if storage_path is None else FileStorage(storage_path), site_base=site_base)
