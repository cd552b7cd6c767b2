"""Agency scorecard: the service evaluation (``quality/evaluation_scorecard.yaml``: indicators,
weights, evidence) gives a score out of the weights' total and the subsidy band it falls in;
the qualification review (``quality/qualification_review.yaml``) says whether every item the
law requires is met.  The bands are the bureau's example, replaceable by the user's own.

One agency is a row: ``agency``, one column per indicator (the points given, 0 to its
weight) and, optionally, one ``q_<item>`` column per review item (yes / no, or "does not
apply" where the item allows it).  A bureau scores many agencies from one CSV; a row with
a bad cell is listed unscored with each bad cell (line, column, expected, got), never dropped.
An agency that fails a legal requirement of the review keeps its score but gets no band.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import CheckupsError, InputError, clip
from ..registry import catalog
from ..tables import read_table
from ..text import Text, to_number
from .scorecard_items import AGENCY, QUALIFICATION, Band, Requirement, bands, columns, header_ids, indicators, requirements

__all__ = ["AGENCY", "AgencyScore", "RowError", "Scorecard", "read_csv", "score_rows", "template_csv"]

_HEADERS = {"机构名称": AGENCY, "托管机构": AGENCY}  # and every column's id and titles (header_ids)
_YES = {"yes", "y", "true", "1", "是", "符合", "√"}
_NO = {"no", "n", "false", "0", "否", "不符合", "×"}
_NA = {"n/a", "na", "不适用", "-"}

# what a bad cell should hold, in plain words (the report's language)
SAY = {
    "name": Text("应填写机构名称", "the agency's name is needed"),
    "points": Text("应填0到{max}之间的分数", "points from 0 to {max} are expected"),
    "yes_no": Text("应填“是”或“否”", "yes or no is expected"),
    "yes_no_na": Text("应填“是”“否”或“不适用”", "yes, no or n/a is expected"),
    "same": Text("与第{line}行的机构名称相同", "the same name as on line {line}"),
    "quote": Text('这一格的引号（"）没有闭合', 'the quote (") of this cell is not closed'),
}


#: the format of the scorecard's results (``--format json``), which the bureau view reads
FORMAT = "checkups-scorecard-results/1"


@dataclass(frozen=True, slots=True)
class RowError:
    """A cell that cannot be used: its line (header = line 1), column, what was expected and what it held."""

    row: int | None
    column: str
    expected: str
    got: str | None
    say: Text | None = None  # the problem in plain words, both languages

    def text(self, lang: str) -> str:
        """The problem in ``lang``: what the cell should hold and what it held."""
        say = (self.say or Text(self.expected, self.expected)).get(lang)
        if lang == "zh":
            return f"{say}（{'这一格是空的' if self.got is None else f'填的是“{clip(self.got)}”'}）"
        return f"{say} (got {'nothing' if self.got is None else repr(clip(self.got))})"

    def as_dict(self) -> dict[str, Any]:
        where = "" if self.row is None else f" on line {self.row}"
        got = "nothing" if self.got is None else repr(clip(self.got))
        message = f"{self.column!r} must be {self.expected} (got {got}){where}"
        return {"row": self.row, "column": self.column, "expected": self.expected, "got": self.got, "message": message}


@dataclass(slots=True)
class AgencyScore:
    """One agency's result; ``score`` is None when a cell of its row is bad (see ``errors``)."""

    agency: str
    row: int | None
    points: dict[str, Decimal]
    answers: dict[str, str]  # review item → yes / no / n/a (empty: not reviewed)
    errors: list[RowError] = field(default_factory=list)
    score: Decimal | None = None
    band: Band | None = None
    rank: int | None = None

    @property
    def failed(self) -> list[str]:
        """The review items the law requires that are not met."""
        legal = {r.id for r in requirements() if r.legal}
        return [k for k, v in self.answers.items() if v == "no" and k in legal]

    @property
    def qualified(self) -> bool | None:
        """Whether every legal requirement of the review is met (None: not reviewed, or a bad cell)."""
        return None if not self.answers or self.errors else not self.failed

    @property
    def withheld(self) -> bool:
        """Scored, but given no subsidy band because a legal requirement of the review is not met."""
        return self.score is not None and self.qualified is False

    def as_dict(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "row": self.row,
            "rank": self.rank,
            "score": None if self.score is None else str(self.score),
            "tier": None if self.band is None else self.band.id,
            "tier_withheld": self.withheld,
            "points": {k: str(v) for k, v in self.points.items()},
            "qualification": dict(self.answers) or None,
            "qualified": self.qualified,
            "failed_requirements": self.failed,
            "errors": [e.as_dict() for e in self.errors],
        }


@dataclass(slots=True)
class Scorecard:
    """Every agency in ranking order (eligible, then withheld, then unscored), the bands used and the columns not used."""

    agencies: list[AgencyScore]
    bands: list[Band]
    ignored_columns: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON output of ``python -m checkups scorecard --format json`` (``scorecard.schema.json``)."""
        tiers = catalog()["quality"]["evaluation_scorecard"]["subsidy_tiers"]
        example = {b["id"]: Decimal(str(b["min"])) for b in tiers["bands"]}
        return {
            "format": FORMAT,
            "maximum": str(sum(i.weight for i in indicators())),
            "tiers": {
                "example": all(example[b.id] == b.min for b in self.bands),
                "note": tiers["note"],
                "bands": [{"id": b.id, "min": str(b.min), "label": b.label.as_dict()} for b in self.bands],
            },
            "agencies": [a.as_dict() for a in self.agencies],
            "scored": sum(a.score is not None for a in self.agencies),
            "ignored_columns": self.ignored_columns,
        }


def _answer(raw: Any, req: Requirement) -> str | None:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    text = str(raw).strip().lower()
    if text in _YES:
        return "yes"
    if text in _NO:
        return "no"
    return "n/a" if text in _NA and req.may_not_apply else None


def _cell(raw: Any) -> str | None:
    return None if raw is None or str(raw).strip() == "" else str(raw)


def score_one(values: Mapping[str, Any], row: int | None, found_bands: Sequence[Band], review: bool) -> AgencyScore:
    """One agency's row (column → cell): its points, review answers and bad cells, then its score."""
    out = AgencyScore(str(values.get(AGENCY) or "").strip(), row, {}, {})
    if not out.agency:
        out.errors.append(RowError(row, AGENCY, "the agency's name", _cell(values.get(AGENCY)), SAY["name"]))
    for ind in indicators():
        raw = values.get(ind.id)
        expected = f"points from 0 to {ind.weight}"
        say = Text(SAY["points"].zh.format(max=ind.weight), SAY["points"].en.format(max=ind.weight))
        try:
            points = to_number(raw, ind.id)
        except InputError:
            out.errors.append(RowError(row, ind.id, expected, _cell(raw), say))
            continue
        if points > ind.weight:
            out.errors.append(RowError(row, ind.id, expected, _cell(raw), say))
        else:
            out.points[ind.id] = points
    for req in requirements() if review else []:
        column, raw = QUALIFICATION + req.id, values.get(QUALIFICATION + req.id)
        answer = None if raw is None else _answer(raw, req)
        if answer is None:
            na = req.may_not_apply
            say = SAY["yes_no_na" if na else "yes_no"]
            out.errors.append(RowError(row, column, "yes, no or n/a" if na else "yes or no", _cell(raw), say))
        else:
            out.answers[req.id] = answer
    if not out.errors:
        out.score = sum(out.points.values(), Decimal(0))
        # an agency that fails a legal requirement is not eligible for any band (its score is kept)
        out.band = None if out.failed else next(b for b in found_bands if out.score >= b.min)
    return out


def _ranked(agencies: list[AgencyScore]) -> list[AgencyScore]:
    """The eligible scored agencies by score, ranked (ties share a rank, in input order); then
    those withheld for a failed legal requirement, by score but with no rank (they "should not
    be selected"); then the unscored ones."""
    by_score = sorted((a for a in agencies if a.score is not None), key=lambda a: -a.score)
    ranked = [a for a in by_score if not a.withheld]
    for n, a in enumerate(ranked):
        a.rank = ranked[n - 1].rank if n and ranked[n - 1].score == a.score else n + 1
    withheld = [a for a in by_score if a.withheld]
    for a in withheld:
        a.rank = None
    return ranked + withheld + [a for a in agencies if a.score is None]


def score_rows(
    rows: Sequence[Mapping[str, Any]], *, lines: Sequence[int | None] | None = None, tiers: Mapping[str, Any] | None = None
) -> Scorecard:
    """Score agencies given as column → cell mappings (``lines``: their line numbers, for messages)."""
    found_bands = bands(tiers)
    columns = {str(c) for r in rows for c in r}
    wanted = {i.id for i in indicators()}
    review = {QUALIFICATION + r.id for r in requirements()}
    missing = sorted((wanted | {AGENCY}) - columns) + (sorted(review - columns) if review & columns else [])
    if missing:
        raise CheckupsError(
            f"the scorecard has no column {', '.join(missing[:6])}{' …' if len(missing) > 6 else ''} (the template has every column)",
            field="columns",
            got=missing,
        )
    names: dict[str, int | None] = {}
    agencies = []
    for n, values in enumerate(rows):
        line = lines[n] if lines else None
        a = score_one(values, line, found_bands, bool(review & columns))
        if a.agency in names:
            first = names[a.agency]
            same = Text(SAY["same"].zh.format(line=first), SAY["same"].en.format(line=first))
            a.errors.append(RowError(line, AGENCY, f"a name not used on another line (line {first})", a.agency, same))
            a.score = a.band = None
        names.setdefault(a.agency, line)
        agencies.append(a)
    return Scorecard(_ranked(agencies), found_bands, sorted(columns - wanted - review - {AGENCY}))


def read_csv(source: str | Path | bytes, *, tiers: Mapping[str, Any] | None = None) -> Scorecard:
    """Score every agency of a scorecard CSV or .xlsx (one row per agency, one column per indicator)."""
    table = read_table(source)
    head = next((i for i, r in enumerate(table.head()) if any(c.strip() for c in r)), 0)
    known = header_ids() | _HEADERS
    header = [known.get(c.strip(), c.strip()) for c in table.head()[head]]
    cells, lines = table.columns(head, list(range(len(header))))
    if not lines:
        raise CheckupsError("the scorecard has no rows: one row per agency under the header", field="rows")
    rows = [{h: cells[p][n] for p, h in enumerate(header) if h} for n in range(len(lines))]
    card = score_rows(rows, lines=lines, tiers=tiers)
    where = {line: a for a in card.agencies for line in [a.row]}
    for index, (position, cell) in table.broken.items():
        a = where.get(index + 1)
        if a is not None:
            a.errors.append(RowError(a.row, header[position], 'a cell whose quote (") closes in it', cell, SAY["quote"]))
            a.score = a.band = a.rank = None
    if table.broken:
        card.agencies = _ranked(card.agencies)
    return card


def template_csv(*, review: bool = True, lang: str = "en") -> str:
    """The scorecard template: the header (the column ids, or for ``lang="zh"`` their Chinese
    titles, which read back the same) and one example row with every cell empty but the name."""
    header = [c if lang == "en" else title.zh for c, title in columns(review)]
    return "\ufeff" + ",".join(header) + "\r\n" + ",".join(["示例机构 Example agency"] + [""] * (len(header) - 1)) + "\r\n"
