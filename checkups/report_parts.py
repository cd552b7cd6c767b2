"""What every report format says, before it is laid out: the facts of the run, the notes,
the summary rows, the checks not run, the cited articles, and the findings grouped by rule.

A rule's findings are one group: the rule's texts (consequence, fix, citations) are stated
once, then one line per employee.  A group of more than :data:`LIMIT` findings lists the
first :data:`LIMIT` (in roster order) and points to the full list in a CSV or XLSX file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .audit import AuditResult, summarize
from .evaluate import Evaluation
from .findings import Finding
from .registry import SEVERITY_ORDER, Rule, area_name, catalog, parse_cites, rule
from .report_page import _region, _sev, _t, _unverified
from .text import Text, fmt_money

LIMIT = 500  # findings of one rule listed in a report; beyond, the report points to the full list

CUT = Text(
    "共 {count} 条，这里列出按名册行序的前 {shown} 条。",
    "{count} findings; the first {shown} in roster order are listed here.",
)
FULL_LIST = Text(
    "完整名单见文件 {file}（与本报告放在同一文件夹）。",
    "The full list is in the file {file} (in the same folder as this report).",
)
ERRORS_CUT = Text(
    "未能检查的行共有 {count} 处问题，这里列出前 {shown} 处。",
    "The rows that could not be audited have {count} problems; the first {shown} are listed here.",
)
ERRORS_ELSEWHERE = Text(
    "全部问题见 JSON 格式的检查结果。",
    "Every problem is in the audit's JSON results.",
)
EXPORT = Text(
    "完整名单请将检查结果导出为 CSV 或 XLSX 文件查看。",
    "For the full list, export the findings as a CSV or XLSX file.",
)


@dataclass(frozen=True, slots=True)
class Group:
    """The findings of one rule, in roster order."""

    spec: Rule
    findings: list[Finding]

    @property
    def shown(self) -> list[Finding]:
        """The findings a report lists (at most :data:`LIMIT`)."""
        return self.findings[:LIMIT]

    @property
    def cut(self) -> bool:
        return len(self.findings) > LIMIT

    @property
    def per_employee(self) -> bool:
        """Whether the findings are about employees (a roster), not the company (a questionnaire)."""
        return any(f.employee_id is not None or f.row is not None for f in self.findings)

    def amount(self) -> Decimal | None:
        """The money certainly at risk in this group, or None if no finding has an amount."""
        amounts = [f.amount for f in self.findings if f.amount is not None]
        return sum(amounts, Decimal(0)) if amounts else None

    def span(self, lang: str) -> str | None:
        """The range that may be added, summed over the group (``3,000.00–9,000.00``) and what it
        is when all say the same, or None."""
        ranges = [f.amount_range for f in self.findings if f.amount_range is not None]
        if not ranges:
            return None
        low, high = fmt_money(sum((r.low for r in ranges), Decimal(0))), fmt_money(sum((r.high for r in ranges), Decimal(0)))
        labels = {r.label.get(lang) for r in ranges}
        return (low if low == high else f"{low}–{high}") + (f"（{labels.pop()}）" if len(labels) == 1 else "")

    def cut_note(self, lang: str, full_list: str | None) -> str:
        """What a report says above a cut list: how many are listed, and where the rest are."""
        where = FULL_LIST.get(lang).format(file=full_list) if full_list else EXPORT.get(lang)
        return CUT.get(lang).format(count=f"{len(self.findings):,}", shown=f"{LIMIT:,}") + where


def groups(findings: Iterable[Finding]) -> list[Group]:
    """The findings by rule: the most severe rules first, then in the order they were found."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    found = [Group(rule(rule_id), items) for rule_id, items in by_rule.items()]
    return sorted(found, key=lambda g: SEVERITY_ORDER[g.spec.severity])


def title(result: AuditResult | Evaluation, lang: str) -> str:
    return _t("title_audit" if isinstance(result, AuditResult) else "title_eval", lang)


def meta(result: AuditResult | Evaluation, lang: str) -> list[tuple[str, str]]:
    """The audit date, the region and, for a roster, the rows read, audited and rejected."""
    rows = [(_t("as_of", lang), result.as_of.isoformat()), (_t("region", lang), _region(result.region, lang))]
    if isinstance(result, AuditResult):
        rejected = len({e.row for e in result.errors})
        rows.append((_t("rows", lang), f"{result.rows} / {result.audited} / {rejected}"))
    return rows


def notices(result: AuditResult | Evaluation, lang: str) -> list[str]:
    """The run's notices, the roster's columns not used, every unverified figure a finding used
    (once), the answers not used."""
    notes = [n.get(lang) for n in getattr(result, "notices", [])]
    if isinstance(result, AuditResult) and result.ignored_columns:
        notes.append(_t("ignored", lang).format(columns=("、" if lang == "zh" else ", ").join(result.ignored_columns)))
    seen = set()
    for f in result.findings:
        for p in f.trace.parameters:
            if not p.verified and (p.name, p.region, p.effective) not in seen:
                seen.add((p.name, p.region, p.effective))
                notes.append(_unverified(p, lang))
    if isinstance(result, Evaluation) and result.errors:
        notes.extend(f"{e.question}: {e.message}" for e in result.errors)
    return notes


def headers(lang: str) -> list[str]:
    return [_t("area", lang)] + [_sev(s, lang) for s in SEVERITY_ORDER] + [_t("amount", lang), _t("range", lang)]


def summary_rows(findings: list[Finding], lang: str) -> tuple[list[list[str]], list[str]]:
    """One row per service area (counts by severity, money, range) and the total row."""
    summary = summarize(findings)
    order = [a["id"] for a in catalog()["services"]["core"]]
    rows = []
    for area in order:
        data = summary["by_area"].get(area)
        if not data:
            continue
        money = [fmt_money(Decimal(data["amount"])), span(data["amount_range"])]
        rows.append([area_name(area)[lang]] + [str(data[s]) for s in SEVERITY_ORDER] + money)
    total = [_t("total", lang)] + [str(summary["by_severity"][s]) for s in SEVERITY_ORDER]
    total += [fmt_money(Decimal(summary["amount_at_risk"])), span(summary["amount_range"])]
    return rows, total


def span(rng: dict[str, str]) -> str:
    low, high = fmt_money(Decimal(rng["low"])), fmt_money(Decimal(rng["high"]))
    return low if low == high else f"{low}–{high}"


def not_run(result: AuditResult | Evaluation, lang: str) -> list[str]:
    reasons = getattr(result, "reasons", {})
    return [f"{rule(rule_id).title[lang]}: {why.get(lang)}" for rule_id, why in reasons.items()]


def cited(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """Every article a finding cites, in its citations or its texts (``{cite: …}``)."""
    seen: dict[tuple[str, str], None] = {}
    for spec in {f.rule: f.spec for f in findings}.values():
        placed = [c for text in spec.source.values() for v in text.values() for group in parse_cites(v) for c in group]
        for c in [*spec.citations, *placed]:
            seen[(c.law, c.article)] = None
    return list(seen)


def rule_items(group: Group, lang: str) -> list[tuple[str, str]]:
    """What a rule's findings share, after its heading: money, range, consequence, fix, region."""
    spec, items = group.spec, []
    amount, rng = group.amount(), group.span(lang)
    if amount is not None:
        items.append((_t("amount", lang), fmt_money(amount)))
    if rng is not None:
        items.append((_t("range", lang), rng))
    items += [(_t("consequence", lang), spec.consequence[lang]), (_t("remediation", lang), spec.remediation[lang])]
    if spec.where(lang):
        items.append((_t("region", lang), spec.where(lang)))
    return items


def heading(number: int, group: Group, lang: str) -> str:
    """``3. 未在一个月内订立书面劳动合同（建议做法…） · 417``: number, title, advice mark, count."""
    advice = f"（{_t('advice', lang)}）" if group.spec.advice else ""
    count = " · " + _t("count", lang).format(n=f"{len(group.findings):,}") if group.per_employee else ""
    return f"{number}. {group.spec.title[lang]}{advice}{count}"


def money_cell(f: Finding, lang: str) -> tuple[str, str]:
    """A finding's own money: what is certainly owed, and the range that may be added with what it is."""
    amount = "" if f.amount is None else fmt_money(f.amount)
    rng = "" if f.amount_range is None else f"+{f.amount_range.show(lang)}（{f.amount_range.label.get(lang)}）"
    return amount, rng


def errors_shown(errors: list[Any]) -> list[Any]:
    """The problems of rejected rows that a report lists (at most :data:`LIMIT`)."""
    return errors[:LIMIT]


def errors_note(errors: list[Any], lang: str, full_list: str | None) -> str | None:
    """What a report says above a cut list of rejected rows' problems (None if not cut)."""
    if len(errors) <= LIMIT:
        return None
    where = FULL_LIST.get(lang).format(file=full_list) if full_list else ERRORS_ELSEWHERE.get(lang)
    return ERRORS_CUT.get(lang).format(count=f"{len(errors):,}", shown=f"{LIMIT:,}") + where
