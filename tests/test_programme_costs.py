"""The cost-benefit estimate: the hand-worked cases of ``tests/cases/programme/costs.yaml``,
the assumptions' rules, the findings JSON it reads and the chart it draws."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from checkups.errors import InputError
from checkups.programme import costs, costs_report
from checkups.programme.chart import bar_chart

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "programme" / "costs.yaml").read_text(encoding="utf-8"))


def _document(findings: list[dict]) -> dict:
    """A findings JSON as ``evaluate --format json`` writes it, with only what the estimate reads."""
    rows = []
    for f in findings:
        rng = f.get("range")
        rows.append({"amount": f.get("amount"), "amount_range": None if rng is None else {"low": rng[0], "high": rng[1]}})
    return {"as_of": "2025-06-30", "region": None, "findings": rows}


def _estimate(spec: dict) -> costs.Estimate:
    data = spec["answers"] if "answers" in spec else _document(spec["findings"])
    return costs.estimate(costs.read_input(data, as_of="2025-06-30"), spec.get("assume"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict) -> None:
    """The estimate gives the risk, cost and balance worked out by hand in the case."""
    est = _estimate(case["costs"])
    for part in ("risk", "cost", "balance"):
        for scenario, want in (case.get(part) or {}).items():
            got = est.scenarios[scenario]
            if want is None:
                assert got is None, f"{scenario}: worked out although a figure is missing"
            else:
                assert got is not None and getattr(got, part) == Decimal(want), f"{part} {scenario}: {got}"
    missing = " ".join(m.en for m in est.missing)
    for words in case.get("missing") or []:
        assert words in missing, missing


def test_every_assumption_says_where_its_figure_comes_from() -> None:
    """Each assumption has a bilingual label and source, and a default only where the data explains it."""
    for a in costs.spec()["assumptions"]:
        assert a["label"]["zh"] and a["label"]["en"] and a["source"]["zh"] and a["source"]["en"], a["key"]
        if "default" not in a:
            assert "Enter your own" in a["source"]["en"], a["key"]


def test_the_fee_is_never_assumed() -> None:
    """Without a fee no case is worked out and the fee is named as missing."""
    est = costs.estimate(costs.read_input(_document([{"amount": "100.00"}])), {"share.central": 0.5})
    assert est.scenarios == dict.fromkeys(costs.SCENARIOS)
    assert any("Yearly trusteeship fee" in m.en for m in est.missing)


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"fee": "abc"}, "fee"),
        ({"fee": -1}, "fee"),
        ({"share.central": "130%"}, "share.central"),
        ({"share.central": 1.5}, "share.central"),
        ({"wage": 1}, "assume"),
        ({"fee.middle": 1}, "assume"),
        ({"share.low": 0.6, "share.central": 0.3}, "share"),
    ],
)
def test_bad_figures_are_refused_with_their_name(given: dict, field: str) -> None:
    """A figure that is not a number, out of its range, unknown or out of order is an InputError naming it."""
    with pytest.raises(InputError) as info:
        costs.assumptions(given)
    assert info.value.field == field


def test_a_percentage_and_a_share_are_the_same() -> None:
    """30% and 0.3 give the same share."""
    a = {x.key: x for x in costs.assumptions({"share.central": "30%"})}["share"]
    b = {x.key: x for x in costs.assumptions({"share.central": "0.3"})}["share"]
    assert a.values == b.values and a.values["central"] == Decimal("0.3") and a.entered == ("central",)


def test_a_broken_findings_json_is_refused() -> None:
    """A finding whose amount is not a decimal string is an InputError naming the finding."""
    with pytest.raises(InputError) as info:
        costs.read_input({"findings": [{"amount": 12.5}]})
    assert info.value.field == "findings[1].amount"


def test_an_audit_json_is_read_as_the_audit_wrote_it(tmp_path: Path) -> None:
    """The estimate's money at risk is the audit summary's total, from the audit's own JSON."""
    from checkups.audit import audit_roster

    result = audit_roster(Path(__file__).parents[1] / "samples" / "roster.csv", as_of="2025-06-30", region="guangzhou")
    doc = json.loads(json.dumps(result.as_dict()))
    risk = costs.read_input(doc)
    assert risk.kind == "audit" and risk.findings == len(result.findings)
    assert str(risk.owed) == doc["summary"]["amount_at_risk"]


def test_the_page_shows_every_assumption_and_a_chart() -> None:
    """The HTML page has the chart (SVG, no script), each assumption's label and source, and the missing figures."""
    est = costs.estimate(costs.read_input(_document([{"amount": "1000.00"}])), {"fee": 100})
    page = costs_report.to_html(est, "en")
    assert page.count("<svg") == 1 and "<script" not in page
    for a in est.assumptions:
        assert a.label.en in page and a.source.en.split(":")[0] in page
    assert "not entered (central case)" in page
    text = costs_report.to_text(est, "zh")
    assert "托管服务年费" in text and "未填写" in text


def test_the_chart_scales_bars_to_the_largest_value() -> None:
    """The longest bar belongs to the largest value, a missing value is a dash, a negative one goes left of zero."""
    svg = bar_chart("t", ["a", "b"], [("x", [Decimal(100), Decimal(50)]), ("y", [None, Decimal(-50)])])
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="16"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.2) and widths[1] == pytest.approx(widths[2], abs=0.2)
    assert "—" in svg and "-50.00" in svg


def test_the_command_line_reads_an_audit_json_and_writes_each_format(tmp_path: Path, capsys) -> None:
    """``costs FINDINGS.json --fee`` runs on an audit's JSON in text, JSON and HTML, with its assumptions."""
    from checkups.cli import main

    roster = Path(__file__).parents[1] / "samples" / "roster.csv"
    findings = tmp_path / "audit.json"
    assert (
        main(["audit", str(roster), "--as-of", "2025-06-30", "--region", "guangzhou", "--format", "json", "-o", str(findings)])
        == 0
    )
    args = [str(findings), "--fee", "12000", "--subsidy", "2000", "--assume", "share.central=25%"]
    assert main(["costs", *args, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    # 0.25 × 100,570.06 = 25,142.515 → 25,142.52; net cost 10,000
    assert doc["scenarios"]["central"] == {"risk": "25142.52", "cost": "10000.00", "balance": "15142.52"}
    assert main(["costs", *args, "--format", "html", "--lang", "en", "-o", str(tmp_path / "c.html")]) == 0
    assert "<svg" in (tmp_path / "c.html").read_text(encoding="utf-8")
    assert main(["costs", *args]) == 0 and "收支差额" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["missing.json", "--fee", "1"],
        ["{dir}", "--fee", "1"],
        ["{bad}", "--fee", "1"],
        ["{ok}", "--fee", "x"],
        ["{ok}", "--fee", "1", "--assume", "share"],
    ],
)
def test_the_command_line_refuses_bad_input_with_one_line(args: list[str], tmp_path: Path, capsys) -> None:
    """A missing or broken file, a bad figure or a malformed --assume exits 2 with one line, no traceback."""
    from checkups.cli import main

    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "ok.json").write_text('{"findings": []}', encoding="utf-8")
    paths = {"{dir}": str(tmp_path), "{bad}": str(tmp_path / "bad.json"), "{ok}": str(tmp_path / "ok.json")}
    assert main([("costs"), *(paths.get(a, a) for a in args)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("checkups: ") and err.count("\n") == 1


def test_the_json_follows_its_schema_in_every_case() -> None:
    """Every case's JSON output validates against ``costs.schema.json``; a broken one does not."""
    import jsonschema

    from checkups import schemas

    validator = jsonschema.Draft202012Validator(schemas.load("costs"), format_checker=jsonschema.FormatChecker())
    for case in CASES:
        doc = json.loads(json.dumps(_estimate(case["costs"]).as_dict()))
        validator.validate(doc)
    doc["scenarios"]["low"]["balance"] = -12.5
    assert not validator.is_valid(doc)
