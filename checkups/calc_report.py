"""The printable report of the calculators: what was entered, what came out, how, and why.

One :class:`Calculation` per calculator run; :func:`to_html` makes a standalone A4 HTML
page in the same style as the audit report, with each cited article's text at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calc import Limit, Result
from .registry import Citation
from .report_page import _cite, _e, _region, _t, meta_table, page_end, page_start
from .text import Text, fmt_money

__all__ = ["Calculation", "to_html"]

TITLE = Text("劳动用工计算结果", "Labour-law calculations")
ENTERED = Text("输入", "Entered")
RESULT = Text("结果", "Result")
AMOUNT = Text("金额（元）", "Amount (yuan)")
WARNINGS = Text("注意", "Note")
MADE = Text("生成日期", "Made on")


@dataclass(frozen=True)
class Calculation:
    """One calculator run: its name, the inputs as entered (label, value) and its outcomes."""

    title: Text
    inputs: tuple[tuple[Text, str], ...]
    outcomes: tuple[Result | Limit, ...]

    @property
    def citations(self) -> tuple[Citation, ...]:
        seen: dict[Citation, None] = {}
        for outcome in self.outcomes:
            for c in outcome.citations:
                seen[c] = None
        return tuple(seen)


def _outcome(outcome: Result | Limit, lang: str) -> str:
    if isinstance(outcome, Result):
        head = f"{_e(AMOUNT.get(lang))}: <strong>{_e(fmt_money(outcome.amount))}</strong>"
    else:
        head = f"{_e(outcome.label.get(lang))}: <strong>{_e(outcome.value.get(lang))}</strong>"
    notes = [w.get(lang) for w in outcome.warnings]  # the calculators warn of their unverified figures themselves
    cites = "；".join(f'<a href="#{_e(c.anchor)}">{_e(_cite(c.law, c.article, lang))}</a>' for c in outcome.citations)
    steps = "".join(f"<li>{_e(s.get(lang))}</li>" for s in outcome.steps)
    warn = "".join(f"<li>{_e(n)}</li>" for n in notes)
    return (
        f"<p>{head}</p><dl><dt>{_e(_t('how', lang))}</dt><dd><ol class='steps'>{steps}</ol></dd>"
        f"<dt>{_e(_t('basis', lang))}</dt><dd>{cites}</dd>"
        + (f"<dt>{_e(WARNINGS.get(lang))}</dt><dd><ul class='notes'>{warn}</ul></dd>" if warn else "")
        + "</dl>"
    )


def to_html(calculations: list[Calculation], lang: str = "zh", *, region: str | None = None, made: dt.date | None = None) -> str:
    """A standalone HTML report with A4 print styles (no external resources)."""
    meta = [(MADE.get(lang), (made or dt.date.today()).isoformat()), (_t("region", lang), _region(region, lang))]
    parts = page_start(TITLE.get(lang), lang, meta)
    if not calculations:
        parts.append(f"<p>{_e(_t('none', lang))}</p>")
    for calc in calculations:
        parts.append(
            f'<section class="finding info"><h2>{_e(calc.title.get(lang))}</h2><h3>{_e(ENTERED.get(lang))}</h3>'
            + meta_table((k.get(lang), v) for k, v in calc.inputs)
            + f"<h3>{_e(RESULT.get(lang))}</h3>"
            + "".join(_outcome(o, lang) for o in calc.outcomes)
            + "</section>"
        )
    cited: dict[Citation, None] = {}
    for calc in calculations:
        cited.update(dict.fromkeys(calc.citations))
    parts += page_end(((c.law, c.article) for c in cited), lang)
    return "\n".join(parts) + "\n"
