"""The needs survey and the agreement builder on their instant pages: the form's answers
→ the result's HTML, and the printable page, Markdown and .docx to download."""

from __future__ import annotations

import base64
from typing import Any

from ..errors import InputError
from ..programme import agreement_page, needs_report
from ..programme.agreement import blocks, build, choices_from
from ..programme.docx import to_docx
from ..programme.needs import questions, recommend
from ..text import Text
from .common import failure

__all__ = ["agreement", "needs"]

CHOOSE = Text("请从列出的选项中选择。", "Choose from the options listed.")
ONE_CORE = Text(
    "请至少选择一个核心服务领域；增值服务与核心服务一起委托。",
    "Choose at least one core service area; value-added services are entrusted together with a core area.",
)
DOWNLOADS = {
    "docx": Text("下载 Word 版（.docx）", "Download as Word (.docx)"),
    "md": Text("下载 Markdown 版", "Download as Markdown"),
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _alone(field: str, lang: str) -> Text:
    """The message for an option that excludes the others (``none`` with a dispute)."""
    q = next((q for q in questions() if q["id"] == field), None)
    alone = next((o for o in (q or {}).get("options", []) if o.get("exclusive")), None)
    if not alone:
        return CHOOSE
    zh, en = alone["text"]["zh"], alone["text"]["en"]
    return Text(f"“{zh}”不能与其他选项同时选择。", f'"{en}" cannot be chosen together with another option.')


def _page(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-Hans" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{agreement_page.CSS}</style></head><body>{body}</body></html>\n"
    )


def needs(answers: Any = None, lang: str = "zh", site_root: str | None = None, **_: Any) -> dict[str, Any]:
    """The survey's answers (question id → option id, or a list) → the recommended areas."""
    try:
        result = recommend(answers or {})
    except InputError as exc:
        message = _alone(exc.field, lang) if "alone" in (exc.expected or "") else CHOOSE
        return failure({exc.field or "answers": message}, lang)
    base = site_root or ""
    title = needs_report.survey()["title"][lang]
    return {
        "ok": True,
        "kind": "needs",
        "areas": result.areas,
        "result": result.as_dict(),
        "html": needs_report.to_html(result, lang, base),
        "report": _page(title, needs_report.to_html(result, lang, base), lang),
        "filename": "needs-survey.html" if lang == "en" else "托管需求自测.html",
    }


def agreement(answers: Any = None, lang: str = "zh", site_root: str | None = None, **_: Any) -> dict[str, Any]:
    """The builder's choices (``areas``, ``options``) → the agreement, to read, print and download."""
    try:
        built = build(*choices_from({"areas": [], **(answers or {})}))
    except InputError as exc:
        return failure({exc.field or "areas": ONE_CORE if "core" in (exc.expected or "") else CHOOSE}, lang)
    name = "trusteeship-agreement" if lang == "en" else "托管服务协议"
    docx = to_docx(blocks(built, lang), built.title.get(lang), lang)
    buttons = "".join(
        f'<button type="button" class="md-button" data-download="{key}">{label.get(lang)}</button> '
        for key, label in DOWNLOADS.items()
    )
    return {
        "ok": True,
        "kind": "agreement",
        "areas": list(built.areas),
        "options": list(built.options),
        "html": f'<p class="checkup-downloads">{buttons}</p>'
        + agreement_page.to_html_body(built, lang, site_root or "", shift=1),
        "report": agreement_page.to_html(built, lang, site_root or ""),
        "filename": f"{name}.html",
        "parts": {
            "docx": {"report": base64.b64encode(docx).decode("ascii"), "filename": f"{name}.docx", "mime": DOCX, "base64": True},
            "md": {"report": agreement_page.to_markdown(built, lang), "filename": f"{name}.md", "mime": "text/markdown"},
        },
    }
