"""The instant forms of the early warning (one roster) and the portfolio audit (several
rosters chosen at once), made from the package at build time."""

from __future__ import annotations

from checkups.text import Text
from sitegen.instant_html import field, ident, settings, submit

LABELS = {
    "file": Text("名册文件（CSV 或 Excel .xlsx）", "Roster file (CSV or Excel .xlsx)"),
    "files": Text("各托管企业的名册文件（可一次选择多个）", "The client enterprises' roster files (choose several at once)"),
    "drop": Text(
        "也可以把文件拖放到这里。文件只在本浏览器中读取，不会上传。",
        "Or drop the files here. They are read in this browser only, never uploaded.",
    ),
    "warn": Text("查看预警和期限", "Show warnings and deadlines"),
    "portfolio": Text("检查全部名册", "Audit all the rosters"),
}


def _upload(kind: str, lang: str, *, multiple: bool) -> str:
    cid = ident(kind, "file")
    control = (
        f'<input type="file" id="{cid}" name="file" accept=".csv,.xlsx,.txt,text/csv"{" multiple" if multiple else ""} '
        f'aria-describedby="{cid}-error {cid}-help">'
    )
    label = LABELS["files" if multiple else "file"].get(lang)
    return f'<div class="checkup-drop">{field(kind, "file", label, control, help_=LABELS["drop"].get(lang))}</div>'


def early_warning(lang: str) -> tuple[str, str]:
    """Region, audit date and one roster file."""
    return settings("early-warning", lang) + _upload("early-warning", lang, multiple=False), submit(LABELS["warn"].get(lang))


def portfolio(lang: str) -> tuple[str, str]:
    """Region, audit date and several roster files, one per client enterprise."""
    return settings("portfolio", lang) + _upload("portfolio", lang, multiple=True), submit(LABELS["portfolio"].get(lang))
