"""The agency scorecard: the hand-worked cases of ``tests/cases/programme/scorecard.yaml``,
the data's weights and bands, the CSV a bureau fills in (bad rows reported, never dropped),
the ranking and the printable page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from checkups.errors import CheckupsError, InputError
from checkups.programme import scorecard, scorecard_report
from checkups.programme.scorecard_items import QUALIFICATION, bands, check_data, indicators, requirements
from checkups.registry import catalog

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "programme" / "scorecard.yaml").read_text(encoding="utf-8"))


def _row(name: str = "A", spec: dict | None = None, review: bool = True) -> dict:
    """One agency's row: full points unless ``except`` says otherwise, review answered yes unless ``review`` says."""
    spec = spec or {}
    row = {"agency": name, **{i.id: str(i.weight) for i in indicators()}, **spec.get("except", {})}
    if review:
        row |= {QUALIFICATION + r.id: "yes" for r in requirements()}
        row |= {QUALIFICATION + k: v for k, v in (spec.get("review") or {}).items()}
    return row


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict) -> None:
    """The scorecard gives the score, band, review outcome and bad cells worked out by hand in the case."""
    spec = case["scorecard"]
    (agency,) = scorecard.score_rows([_row(spec=spec)], lines=[2], tiers=spec.get("tiers")).agencies
    if "score" in case:
        assert agency.score == (None if case["score"] is None else Decimal(case["score"]))
    if "tier" in case:
        assert (None if agency.band is None else agency.band.id) == case["tier"]
        assert agency.withheld is (case["tier"] is None and agency.score is not None)
    if "qualified" in case:
        assert agency.qualified is case["qualified"]
    assert [e.column for e in agency.errors] == case.get("errors", [])


def test_the_weights_add_up_to_100_and_the_check_notices_when_not() -> None:
    """The scorecard's weights total 100; the compile-time check refuses data whose weights do not."""
    assert sum(i.weight for i in indicators()) == 100
    card, review = catalog()["quality"]["evaluation_scorecard"], catalog()["quality"]["qualification_review"]
    check_data(card, review)
    broken = {**card, "sections": [{**card["sections"][0], "items": card["sections"][0]["items"][1:]}, *card["sections"][1:]]}
    with pytest.raises(ValueError, match="add up to 100"):
        check_data(broken, review)


def test_the_bands_are_the_bureaus_example_and_can_be_replaced() -> None:
    """The example bands come from the data, marked as an example; bands given in the wrong order are refused."""
    assert [(b.id, b.min) for b in bands()] == [("full", 85), ("proportional", 70), ("suspended", 0)]
    card = scorecard.score_rows([_row()])
    assert card.as_dict()["tiers"]["example"] is True
    assert scorecard.score_rows([_row()], tiers={"full": 90}).as_dict()["tiers"]["example"] is False
    with pytest.raises(InputError):
        bands({"proportional": 90})
    with pytest.raises(InputError):
        bands({"top": 90})


def test_a_csv_with_bad_rows_reports_each_cell_and_drops_no_agency() -> None:
    """Every agency of the CSV is in the result; a bad row is unscored with each bad cell's line and column."""
    ids = [i.id for i in indicators()]
    full = [str(i.weight) for i in indicators()]
    lines = [
        ",".join(["agency", *ids]),
        ",".join(["甲机构", *full]),
        ",".join(["乙机构", "abc", *full[1:]]),  # line 3: not a number
        "",
        ",".join(["丙机构", "11", *full[1:-1], ""]),  # line 5: above the weight, and an empty cell
        ",".join(["丁机构", "9", *full[1:]]),
        ",".join(["甲机构", *full]),  # line 7: the same name again
    ]
    card = scorecard.read_csv("\n".join(lines).encode())
    got = {a.agency + str(a.row): a for a in card.agencies}
    assert len(card.agencies) == 5
    assert [(a.agency, a.rank, a.score) for a in card.agencies[:2]] == [("甲机构", 1, 100), ("丁机构", 2, 99)]
    assert [(e.row, e.column) for e in got["乙机构3"].errors] == [(3, ids[0])]
    assert [(e.row, e.column) for e in got["丙机构5"].errors] == [(5, ids[0]), (5, ids[-1])]
    assert [(e.row, e.column) for e in got["甲机构7"].errors] == [(7, "agency")]
    assert all(a.score is None and a.rank is None for a in card.agencies[2:])
    assert "line 3" in got["乙机构3"].errors[0].as_dict()["message"]


def test_ties_share_a_rank() -> None:
    """Two agencies with the same score share rank 1 and the next is rank 3."""
    low = _row("C", {"except": {"satisfaction_overall": 0}})
    card = scorecard.score_rows([_row("A"), low, _row("B")])
    assert [(a.agency, a.rank) for a in card.agencies] == [("A", 1), ("B", 1), ("C", 3)]


def test_a_withheld_agency_takes_no_rank_above_an_eligible_one() -> None:
    """An agency that fails a legal requirement is listed after every eligible one, unranked, whatever its score."""
    low = _row("C", {"except": {"satisfaction_overall": 0}})
    card = scorecard.score_rows([_row("A", {"review": {"filed": "no"}}), low, _row("B")])
    assert [(a.agency, a.rank, a.withheld) for a in card.agencies] == [("B", 1, False), ("C", 2, False), ("A", None, True)]


def test_a_missing_column_is_a_file_error() -> None:
    """A CSV without an indicator's column is refused as a whole, naming the column."""
    row = _row(review=False)
    del row["payroll_errors"]
    with pytest.raises(CheckupsError, match="payroll_errors"):
        scorecard.score_rows([row])


def test_the_template_has_every_column_and_reads_back_as_one_unscored_row() -> None:
    """The template CSV has the agency, every indicator and every review item, and reading it reports the empty cells."""
    text = scorecard.template_csv()
    header = text.lstrip("\ufeff").splitlines()[0].split(",")
    assert header == ["agency"] + [i.id for i in indicators()] + [QUALIFICATION + r.id for r in requirements()]
    (agency,) = scorecard.read_csv(text.encode("utf-8")).agencies
    assert agency.score is None and len(agency.errors) == len(header) - 1


def test_the_page_prints_the_ranking_the_example_bands_and_one_agencys_items() -> None:
    """The HTML page names the bands as an example and, for one agency, lists every item with its evidence."""
    card = scorecard.score_rows([_row(spec={"review": {"filed": "no"}})])
    page = scorecard_report.to_html(card, "zh")
    assert "示例分档" in page and "<script" not in page
    assert all(i.evidence.zh in page for i in indicators())
    assert "不符合的法定要求" in page
    assert scorecard_report.to_csv(card, "en").splitlines()[1].startswith('"—","A","100"')  # withheld: no rank
    assert "Subsidy paid in full" in scorecard_report.to_text(card, "en")


def test_a_failed_legal_requirement_withholds_the_band_in_every_output() -> None:
    """An agency not filed keeps its score but shows "not eligible" and the failed item, never a band, in every format."""
    import json

    bad, good = _row("甲", {"review": {"filed": "no"}}), _row("乙", {"review": {"local_office": "no"}})
    card = scorecard.score_rows([bad, good])
    eligible, withheld = card.agencies  # the eligible agency is ranked first, the withheld one after it, unranked
    assert (eligible.agency, eligible.rank, eligible.band.id, eligible.withheld) == ("乙", 1, "full", False)
    assert (withheld.agency, withheld.score, withheld.rank, withheld.band, withheld.withheld) == ("甲", 100, None, None, True)
    filed = next(r.text for r in requirements() if r.id == "filed")
    doc = json.loads(json.dumps(card.as_dict()))
    got = [(a["rank"], a["score"], a["tier"], a["tier_withheld"]) for a in doc["agencies"]]
    assert got == [(1, "100", "full", False), (None, "100", None, True)]
    text = scorecard_report.to_text(card, "en")
    line = next(x for x in text.splitlines() if x.startswith("—\t甲"))
    assert "not eligible: fails a required qualification item" in line and "Subsidy paid in full" not in line
    assert filed.en in text
    page = scorecard_report.to_html(card, "zh")
    assert "不能获得补贴：有法定资质要求不符合" in page and filed.zh in page
    rows = scorecard_report.to_csv(card, "zh").splitlines()
    assert "全额拨付补贴" in rows[1]
    assert "不能获得补贴" in rows[2] and filed.zh in rows[2] and "全额拨付补贴" not in rows[2]
    one = scorecard_report.to_html(scorecard.score_rows([bad]), "en")
    ranking = one.split("<thead>")[1].split("</tbody>")[0]  # the first table: the ranking
    assert "not eligible: fails a required qualification item" in ranking and "Subsidy paid in full" not in ranking


def test_bad_cells_are_named_by_title_and_said_in_the_reports_language() -> None:
    """A bad cell is shown with its indicator's title and a plain problem in the report's language, not only its id."""
    ids = [i.id for i in indicators()]
    full = [str(i.weight) for i in indicators()]
    text = "\n".join([",".join(["agency", *ids]), ",".join(["乙机构", "abc", *full[1:]])]).encode()
    card = scorecard.read_csv(text)
    zh = scorecard_report.to_html(card, "zh")
    assert "总体满意度（satisfaction_overall）" in zh and "应填0到10之间的分数（填的是“abc”）" in zh
    assert "must be" not in zh
    en = scorecard_report.to_text(card, "en")
    assert "! Line 2, Overall satisfaction (satisfaction_overall): points from 0 to 10 are expected (got 'abc')" in en
    assert "第2行 总体满意度（satisfaction_overall）：" in scorecard_report.to_csv(card, "zh")


def test_a_template_with_chinese_headers_reads_the_same_as_the_ids() -> None:
    """The Chinese template heads each column with its title, and a file with those headers scores as one with the ids."""
    zh = scorecard.template_csv(lang="zh").lstrip("\ufeff").splitlines()[0].split(",")
    en = scorecard.template_csv().lstrip("\ufeff").splitlines()[0].split(",")
    assert zh[:2] == ["机构", "总体满意度"] and "资质审核：已向人社部门备案" in zh and not set(zh) & set(en)
    row = _row("甲", {"except": {"payroll_errors": 0}, "review": {"filed": "no"}})
    values = [str(row[c]) for c in en]
    for header in (zh, en):
        (agency,) = scorecard.read_csv((",".join(header) + "\n" + ",".join(values) + "\n").encode()).agencies
        assert (agency.score, agency.failed, agency.errors) == (92, ["filed"], [])


def test_the_command_line_scores_a_csv_and_a_json(tmp_path: Path, capsys) -> None:
    """``scorecard`` reads the bureau's CSV and an enterprise's JSON answers, in every format."""
    import json

    from checkups.cli import main

    assert main(["scorecard", "--template", "-o", str(tmp_path / "t.csv")]) == 0
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").startswith("机构,总体满意度,")
    assert main(["scorecard", "--template", "--lang", "en", "-o", str(tmp_path / "t.csv")]) == 0
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").startswith("agency,satisfaction_overall,")
    row = _row("机构甲", {"except": {"payroll_errors": 0}})
    header = list(row)
    (tmp_path / "s.csv").write_text(",".join(header) + "\n" + ",".join(str(row[h]) for h in header) + "\n", encoding="utf-8")
    for fmt in ("text", "json", "html", "csv"):
        assert main(["scorecard", str(tmp_path / "s.csv"), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "机构甲" in out and "92" in out
    (tmp_path / "a.json").write_text(
        json.dumps({"format": "checkups-scorecard/1", "answers": row, "settings": {"tiers": {"full": 95}}}), encoding="utf-8"
    )
    assert main(["scorecard", str(tmp_path / "a.json"), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["agencies"][0]["tier"] == "proportional" and doc["tiers"]["example"] is False
    assert main(["scorecard", str(tmp_path / "a.json"), "--tier", "full=bad"]) == 2
    assert main(["scorecard"]) == 2
    assert capsys.readouterr().err.count("\n") == 2


def test_rows_results_and_the_template_follow_their_schemas() -> None:
    """Rows validate against ``scorecard-row`` (review columns all or none), results against ``scorecard``."""
    import json

    import jsonschema

    from checkups import schemas

    row_schema = jsonschema.Draft202012Validator(schemas.load("scorecard-row"))
    result_schema = jsonschema.Draft202012Validator(schemas.load("scorecard"))
    row_schema.validate(_row())
    row_schema.validate(_row(review=False))
    partial = _row(review=False) | {"q_filed": "yes"}
    assert not row_schema.is_valid(partial)
    for case in CASES:
        card = scorecard.score_rows([_row(spec=case["scorecard"])], lines=[2], tiers=case["scorecard"].get("tiers"))
        result_schema.validate(json.loads(json.dumps(card.as_dict())))
    header = scorecard.template_csv().lstrip("\ufeff").splitlines()[0].split(",")
    assert header == list(schemas.load("scorecard-row")["properties"])
