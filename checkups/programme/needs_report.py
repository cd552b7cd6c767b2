"""The needs survey's result as text, Markdown and an HTML fragment, in either language.

Links go to the site's pages from ``base`` (the site root as seen from where the text is
shown; empty: relative to the site root): each area's service page, and the agreement
builder with the recommended areas chosen (``tools/agreement/?areas=…``).  Every text comes from the package's data (the answers are
option ids checked against it), so nothing here needs escaping for Markdown.
"""

from __future__ import annotations

from html import escape

from ..text import Text
from .needs import NeedsResult, Pick, survey

__all__ = ["agreement_link", "to_html", "to_markdown", "to_text"]

HEADINGS = {
    "core": Text("建议委托的服务领域", "Service areas to entrust"),
    "value_added": Text("建议增加的增值服务", "Value-added services to add"),
    "not_indicated": Text("回答未指向的领域", "Areas your answers do not point to"),
    "unanswered": Text("未回答的问题", "Questions not answered"),
}
DRAFT = Text("按这些服务领域起草托管协议", "Draft the agreement for these areas")
BASIS = Text("依据", "Basis")
SEP = {"zh": "；", "en": "; "}
COLON = {"zh": "：", "en": ": "}


def _prefix(lang: str) -> str:
    return "" if lang == "zh" else "en/"


def agreement_link(result: NeedsResult, lang: str, base: str = "") -> str:
    """The agreement builder's address with the recommended areas chosen."""
    return f"{base}{_prefix(lang)}tools/agreement/?areas={','.join(result.areas)}"


def _title(lang: str) -> str:
    return survey()["title"][lang]


def _name(area: str, lang: str) -> str:
    from ..registry import area_name

    return area_name(area)[lang]


def _question(qid: str, lang: str) -> str:
    return next(q["text"][lang] for q in survey()["questions"] if q["id"] == qid)


def _groups(result: NeedsResult) -> list[tuple[str, tuple[Pick, ...]]]:
    return [(k, picks) for k, picks in (("core", result.core), ("value_added", result.value_added)) if picks]


def to_text(result: NeedsResult, lang: str = "zh") -> str:
    """Plain text for the terminal."""
    lines = [_title(lang), ""]
    if not result.areas:
        lines += [survey()["nothing"][lang], ""]
    for key, picks in _groups(result):
        lines.append(HEADINGS[key].get(lang))
        for n, p in enumerate(picks, 1):
            lines.append(f"{n}. {p.name.get(lang)}")
            for r in p.reasons:
                cites = SEP[lang].join(c.label(lang) for c in r.citations)
                lines.append(f"   - {r.text.get(lang)}" + (f" [{cites}]" if cites else ""))
                lines.append(f"     ({r.answer.get(lang)})")
        lines.append("")
    if result.not_indicated:
        lines.append(
            f"{HEADINGS['not_indicated'].get(lang)}{COLON[lang]}" + SEP[lang].join(_name(a, lang) for a in result.not_indicated)
        )
    if result.unanswered:
        lines.append(
            f"{HEADINGS['unanswered'].get(lang)}{COLON[lang]}" + SEP[lang].join(_question(q, lang) for q in result.unanswered)
        )
    lines += ["", survey()["note"][lang]]
    return "\n".join(lines) + "\n"


def to_markdown(result: NeedsResult, lang: str = "zh", base: str = "") -> str:
    """Markdown: each area linked to its service page, and the link to draft the agreement."""
    lines = [f"# {_title(lang)}", ""]
    if not result.areas:
        lines += [survey()["nothing"][lang], ""]
    for key, picks in _groups(result):
        lines += [f"## {HEADINGS[key].get(lang)}", ""]
        for n, p in enumerate(picks, 1):
            lines.append(f"{n}. [{p.name.get(lang)}]({base}{_prefix(lang)}{p.page})")
            for r in p.reasons:
                cites = SEP[lang].join(f"[{c.label(lang)}]({c.href(base, lang=lang)})" for c in r.citations)
                basis = f" {BASIS.get(lang)}{COLON[lang]}{cites}" if cites else ""
                lines.append(f"    - {r.text.get(lang)}{basis} *({r.answer.get(lang)})*")
        lines.append("")
    if result.areas:
        lines += [f"[{DRAFT.get(lang)}]({agreement_link(result, lang, base)})", ""]
    if result.not_indicated:
        names = SEP[lang].join(
            f"[{_name(a, lang)}]({base}{_prefix(lang)}services/{a.replace('_', '-')}/)" for a in result.not_indicated
        )
        lines += [f"{HEADINGS['not_indicated'].get(lang)}{COLON[lang]}{names}", ""]
    if result.unanswered:
        lines += [
            f"{HEADINGS['unanswered'].get(lang)}{COLON[lang]}" + SEP[lang].join(_question(q, lang) for q in result.unanswered),
            "",
        ]
    lines.append(f"*{survey()['note'][lang]}*")
    return "\n".join(lines) + "\n"


def to_html(result: NeedsResult, lang: str = "zh", base: str = "") -> str:
    """An HTML fragment for the instant page: the same content as :func:`to_markdown`."""

    def a(href: str, text: str) -> str:
        return f'<a href="{escape(href)}">{escape(text)}</a>'

    out = [f'<section class="needs-result" lang="{"zh-Hans" if lang == "zh" else "en"}">']
    if not result.areas:
        out.append(f"<p>{escape(survey()['nothing'][lang])}</p>")
    for key, picks in _groups(result):
        out.append(f"<h3>{escape(HEADINGS[key].get(lang))}</h3><ol>")
        for p in picks:
            items = []
            for r in p.reasons:
                cites = SEP[lang].join(a(c.href(base, lang=lang), c.label(lang)) for c in r.citations)
                basis = f" <small>{escape(BASIS.get(lang))}{COLON[lang]}{cites}</small>" if cites else ""
                items.append(f"<li>{escape(r.text.get(lang))}{basis} <em>({escape(r.answer.get(lang))})</em></li>")
            out.append(
                f'<li data-area="{p.area}">{a(base + _prefix(lang) + p.page, p.name.get(lang))}<ul>{"".join(items)}</ul></li>'
            )
        out.append("</ol>")
    if result.areas:
        out.append(
            f'<p><a class="md-button md-button--primary" data-draft href="{escape(agreement_link(result, lang, base))}">{escape(DRAFT.get(lang))}</a></p>'
        )
    if result.not_indicated:
        names = SEP[lang].join(
            a(f"{base}{_prefix(lang)}services/{x.replace('_', '-')}/", _name(x, lang)) for x in result.not_indicated
        )
        out.append(f"<p>{escape(HEADINGS['not_indicated'].get(lang))}{COLON[lang]}{names}</p>")
    if result.unanswered:
        out.append(
            f"<p>{escape(HEADINGS['unanswered'].get(lang))}{COLON[lang]}{escape(SEP[lang].join(_question(q, lang) for q in result.unanswered))}</p>"
        )
    out.append(f"<p><small>{escape(survey()['note'][lang])}</small></p></section>")
    return "".join(out)
