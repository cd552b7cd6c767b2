"""The cost-benefit estimate and the agency scorecard on the instant pages: what the form
sends → the result as HTML (the package's printable page, cut to its body), with a plain
message next to each field that cannot be used."""

from __future__ import annotations

import json
from typing import Any

from ..errors import CheckupsError, InputError, RosterError
from ..programme import costs as est
from ..programme import costs_report, scorecard, scorecard_report
from ..programme.scorecard_items import QUALIFICATION, column_title, indicators, requirements
from ..text import Text, to_money
from .common import answer, failure, settings
from .fragment import fragment
from .messages import BAD_XLSX, EMPTY_FILE, GENERAL, NOT_TEXT, NUMBER, OLD_EXCEL, file_message

__all__ = ["costs", "score"]

SHARE = Text("请填写0到1之间的比例，或百分比，如 30%。", "Enter a share from 0 to 1, or a percentage such as 30%.")
ORDER = Text("低、中、高三种情形的数值不能依次减小。", "The low, central and high values must not go down.")
FINES = Text("罚款上限不能低于下限。", "The highest fine cannot be below the lowest.")
POINTS = Text("请填写0到{max}之间的分数。", "Enter points from 0 to {max}.")
ANSWER = Text("请选择一项。", "Choose one.")
NAME = Text("请填写机构名称。", "Enter the agency's name.")
RESULTS = Text("下载评分结果（JSON，可交人社部门汇总）", "Download the results (JSON, for the bureau's totals)")
COLUMNS = Text(
    "文件缺少以下列：{columns}。请对照模板（第一行为列名）。",
    "The file lacks these columns: {columns}. Compare it with the template (column names in the first row).",
)
NO_ROWS = Text("文件中没有机构：表头下每行填写一家机构。", "The file has no agencies: one row per agency under the header.")
BAD_FILE = Text(
    "这个文件无法作为评分表读取：请保存为 CSV（UTF-8）或 .xlsx，第一行为列名（可下载模板对照）。",
    "This file cannot be read as a scorecard: save it as CSV (UTF-8) or .xlsx with the column names in the first row "
    "(compare with the template).",
)
TIERS = Text("分档的最低分须从高到低排列，最后一档为0。", "Each band's lowest score must be below the one above, the last 0.")


def _page(kind: str, region: str | None, day: Any, report: str, site_root: str | None, lang: str, **parts: Any) -> dict[str, Any]:
    """The answer: the parts, the printable page and its body for the page (citations linked)."""
    html = fragment(report, site_root, lang)
    return answer(kind, region, day, **parts, html=html, report=report, filename=f"{kind}.html")


def _number(answers: dict[str, Any], key: str, errors: dict[str, Text]) -> Any:
    try:
        return to_money(answers.get(key) or 0, key)
    except InputError:
        errors[key] = NUMBER
        return 0


def costs(
    answers: dict[str, Any], region: Any = None, as_of: Any = None, lang: str = "zh", site_root: str | None = None
) -> dict[str, Any]:
    """The estimate from the amounts the check-up found (typed in) and the assumptions per case."""
    errors: dict[str, Text] = {}
    region_id, day = settings(region, as_of, errors)
    owed, low, high = (_number(answers, k, errors) for k in ("owed", "fine_low", "fine_high"))
    if high < low:
        errors["fine_high"] = FINES
    units = {a["key"]: a["unit"] for a in est.spec()["assumptions"]}
    given = {k: v for k, v in answers.items() if k.partition(".")[0] in units and str(v).strip()}
    for key, value in given.items():
        try:
            est.assumptions({key: value})
        except InputError:
            errors[key] = SHARE if units[key.partition(".")[0]] == "share" else NUMBER
    if not errors:
        try:
            est.assumptions(given)
        except InputError as exc:
            errors[f"{exc.field}.central"] = ORDER
    if errors or day is None:
        return failure(errors, lang)
    try:
        result = est.estimate(est.entered(owed, low, high), given)
    except CheckupsError:  # what the fields' checks above did not catch: plain words, never the exception's
        return failure({}, lang, GENERAL)
    report = costs_report.to_html(result, lang)
    scenarios = {s: None if c is None else c.as_dict() for s, c in result.scenarios.items()}
    return _page("costs", region_id, day, report, site_root, lang, scenarios=scenarios)


def _row(answers: dict[str, Any]) -> dict[str, Any]:
    """The form's answers as one agency's row; once one review item is answered, all are asked for."""
    row = {k: v for k, v in answers.items() if not k.startswith("tier.")}
    row = {c: "" for c in [scorecard.AGENCY] + [i.id for i in indicators()]} | row  # an empty field: a message next to it
    review = [QUALIFICATION + r.id for r in requirements()]
    if any(k in row for k in review):
        row = {k: "" for k in review} | row
    return row


def _messages(agency: scorecard.AgencyScore) -> dict[str, Text]:
    weights = {i.id: i.weight for i in indicators()}
    out = {}
    for e in agency.errors:
        if e.column in weights:
            out[e.column] = Text(POINTS.zh.format(max=weights[e.column]), POINTS.en.format(max=weights[e.column]))
        else:
            out[e.column] = NAME if e.column == scorecard.AGENCY else ANSWER
    return out


def _file_problem(exc: CheckupsError) -> Text:
    """Why the scorecard's file (or its form) cannot be scored, in plain words and both languages."""
    if exc.field == "columns" and isinstance(exc.got, list):
        zh, en = (("、" if lang == "zh" else ", ").join(column_title(c, lang) for c in exc.got) for lang in ("zh", "en"))
        return Text(COLUMNS.zh.format(columns=zh), COLUMNS.en.format(columns=en))
    if exc.field == "rows":
        return NO_ROWS
    if isinstance(exc, RosterError):
        found = file_message(exc)
        return found if found in (OLD_EXCEL, EMPTY_FILE, NOT_TEXT, BAD_XLSX) else BAD_FILE
    return GENERAL


def score(
    answers: dict[str, Any],
    region: Any = None,
    as_of: Any = None,
    lang: str = "zh",
    site_root: str | None = None,
    data: Any = None,
    filename: str = "",
) -> dict[str, Any]:
    """One agency scored from the form, or many from a chosen CSV or .xlsx (``data``)."""
    errors: dict[str, Text] = {}
    region_id, day = settings(region, as_of, errors)
    tiers = {k.removeprefix("tier."): v for k, v in answers.items() if k.startswith("tier.") and str(v).strip()}
    try:
        if data is not None:
            content = data if isinstance(data, bytes) else bytes(data.to_bytes() if hasattr(data, "to_bytes") else data)
            card = scorecard.read_csv(content, tiers=tiers)
        else:
            card = scorecard.score_rows([_row(answers)], tiers=tiers)
            errors |= _messages(card.agencies[0])
    except InputError as exc:
        if exc.field == "tiers" or str(exc.field).startswith("tiers."):
            errors["tier.full"] = TIERS
        else:
            return failure(errors, lang, GENERAL)
    except CheckupsError as exc:
        return failure({"file": _file_problem(exc)} if data is not None else {}, lang, _file_problem(exc))
    if errors or day is None:
        return failure(errors, lang)
    report = scorecard_report.to_html(card, lang)
    ranking = [
        {
            "agency": a.agency,
            "rank": a.rank,
            "score": None if a.score is None else str(a.score),
            "tier": None if a.band is None else a.band.id,
            "tier_withheld": a.withheld,
        }
        for a in card.agencies
    ]
    download = {
        "filename": "scorecard-results.json",
        "type": "application/json",
        "text": json.dumps(card.as_dict(), ensure_ascii=False, indent=2) + "\n",
        "label": RESULTS.get(lang),
    }  # the results (checkups-scorecard-results/1) the bureau page totals
    return _page("scorecard", region_id, day, report, site_root, lang, ranking=ranking, download=download)
