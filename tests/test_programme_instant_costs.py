"""The instant pages of the cost-benefit estimate and the agency scorecard: the forms carry
every field of the data, and the worker ops answer with the result or a message per field."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest

from checkups import instant
from checkups.programme.costs import SCENARIOS, spec
from checkups.programme.scorecard import template_csv
from checkups.programme.scorecard_items import QUALIFICATION, indicators, requirements

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
from sitegen.instant import instant_form


def _ask(op: str, args: dict, data: bytes | None = None) -> dict:
    return json.loads(instant.handle(json.dumps({"op": op, "args": args}), data))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cost_form_has_every_assumption_and_case(lang: str) -> None:
    """The form names every assumption per case, with its source, and no parameter name in its visible text."""
    page = instant_form("costs", lang, "../../")
    assert 'data-checkup="costs"' in page
    for a in spec()["assumptions"]:
        assert a["source"][lang] in html.unescape(page)
        for key in (a["key"], *(f"{a['key']}.{s}" for s in SCENARIOS)):
            assert f'name="{key}"' in page
    visible = re.sub(r"<[^>]+>", " ", page)
    assert "fine_point" not in visible and "--fee" not in visible


def test_the_cost_op_works_out_the_cases_from_typed_amounts() -> None:
    """Typed amounts and a central share give the three cases (0.5 × (1,000 + 100 + 0.5 × 200) = 600)."""
    args = {"region": "national", "as_of": "2025-06-30"}
    answers = {
        "owed": "1000",
        "fine_low": "100",
        "fine_high": "300",
        "fee": "600",
        "fee.central": "500",
        "share.central": "50%",
    }
    out = _ask("costs", {**args, "answers": answers})
    assert out["ok"] and out["scenarios"]["central"] == {"risk": "600.00", "cost": "500.00", "balance": "100.00"}
    assert out["scenarios"]["high"] == {"risk": "1300.00", "cost": "600.00", "balance": "700.00"}  # 1,000 + 300
    assert "<svg" in out["html"]
    bad = _ask("costs", {**args, "answers": {**answers, "share.central": "150%", "fine_high": "50", "owed": "x"}, "lang": "en"})
    assert not bad["ok"] and set(bad["errors"]) == {"share.central", "fine_high", "owed"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_scorecard_form_has_every_indicator_review_item_and_band(lang: str) -> None:
    """The form has a points field per indicator, a choice per review item and the example bands as placeholders."""
    page = instant_form("scorecard", lang, "../../")
    for i in indicators():
        assert f'name="{i.id}"' in page
    for r in requirements():
        assert f'name="{QUALIFICATION + r.id}"' in page
    assert 'name="tier.full"' in page and 'placeholder="85"' in page and 'name="file"' in page


def test_the_scorecard_op_scores_one_agency_or_a_file() -> None:
    """One agency from the form gets its band; a bad cell is a message next to it; a CSV is scored whole."""
    args = {"region": "national", "as_of": "2025-06-30"}
    row = {"agency": "甲", **{i.id: str(i.weight) for i in indicators()}}
    out = _ask("scorecard", {**args, "answers": row})
    assert out["ok"] and out["ranking"] == [{"agency": "甲", "rank": 1, "score": "100", "tier": "full", "tier_withheld": False}]
    out = _ask("scorecard", {**args, "answers": {**row, "payroll_errors": "9", "q_filed": "yes"}})
    assert not out["ok"] and "payroll_errors" in out["errors"] and "q_registered" in out["errors"]
    out = _ask("scorecard", {**args, "answers": {**row, "tier.full": "60"}})
    assert not out["ok"] and "tier.full" in out["errors"]
    out = _ask("scorecard", {**args, "answers": {}}, template_csv().encode("utf-8"))
    assert out["ok"] and out["ranking"][0]["score"] is None


@pytest.mark.parametrize("name", ["tool-cost-benefit.zh", "tool-cost-benefit.en", "tool-scorecard.zh", "tool-scorecard.en"])
def test_the_notebooks_run_and_show_the_page(name: str) -> None:
    """Each tool notebook's code runs as written and ends with the package's page (a chart or a ranking)."""
    import runpy

    out = runpy.run_path(str(Path(__file__).parents[1] / "lite" / "notebooks" / f"{name}.py"))
    page = (
        out["HTML"](out["costs_report"].to_html(out["costs"].estimate(out["risk"], out["mine"]), name[-2:]))
        if "risk" in out
        else None
    )
    if page is not None:
        assert "<svg" in page.data
    else:
        card = out["scorecard"].score_rows([out["row"]], tiers=out["tiers"])
        assert card.agencies[0].score == 100


def test_what_the_tool_pages_save_follows_the_saved_schema() -> None:
    """A saved ``checkups-costs/1`` and ``checkups-scorecard/1`` validate; an unknown field does not."""
    import jsonschema

    from checkups import schemas

    validator = jsonschema.Draft202012Validator(schemas.load("saved"))
    settings = {"region": "national", "as_of": "2025-06-30"}
    costs_doc = {
        "format": "checkups-costs/1",
        "answers": {"owed": "1000", "fee": "500", "share.central": "30%"},
        "settings": settings,
    }
    score_doc = {
        "format": "checkups-scorecard/1",
        "answers": {"agency": "甲", "payroll_errors": "8", "q_licensed": "n/a", "tier.full": "90"},
        "settings": settings,
    }
    validator.validate(costs_doc)
    validator.validate(score_doc)
    assert not validator.is_valid({**costs_doc, "answers": {"wage": "1"}})
    assert not validator.is_valid({**score_doc, "answers": {"q_filed": "n/a"}})


def test_the_scorecard_download_is_its_results_and_feeds_the_bureau_page() -> None:
    """The scorecard page offers its results as JSON (checkups-scorecard-results/1, schema-valid), which the bureau page totals by band."""
    import jsonschema

    from checkups import schemas

    args = {"region": "national", "as_of": "2025-06-30", "lang": "en"}
    row = {"agency": "甲", **{i.id: str(i.weight) for i in indicators()}}
    out = _ask("scorecard", {**args, "answers": row})
    offered = out["download"]
    assert offered["filename"].endswith(".json") and offered["type"] == "application/json" and "JSON" in offered["label"]
    doc = json.loads(offered["text"])
    assert doc["format"] == "checkups-scorecard-results/1" and doc["agencies"][0]["tier"] == "full"
    jsonschema.Draft202012Validator(schemas.load("scorecard")).validate(doc)
    data = offered["text"].encode("utf-8")
    totals = _ask("bureau", {"files": [{"name": "scorecard-results.json", "size": len(data)}], "lang": "en"}, data)
    assert totals["ok"] and totals["subsidy_tiers"]["full"]["names"] == ["甲"]
    assert "download" not in _ask("scorecard", {**args, "answers": {**row, "payroll_errors": "x"}})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scorecard_file_problems_are_plain_words_in_the_pages_language(lang: str) -> None:
    """A file lacking columns, with no agencies or not a table gets a message in the page's language naming titles, not ids or English."""
    args = {"region": "national", "as_of": "2025-06-30", "lang": lang, "answers": {}}
    out = _ask("scorecard", args, b"agency,responsiveness\nA,5\n")
    title = {"zh": "总体满意度", "en": "Overall satisfaction"}[lang]
    assert not out["ok"] and title in out["message"] and out["errors"]["file"] == out["message"]
    assert ("must be" not in out["message"] and "the scorecard has no column" not in out["message"]) and (
        lang == "en" or not re.search("[a-z]{4} [a-z]{4}", out["message"])
    )
    header = ",".join(c for c in template_csv().lstrip("\ufeff").splitlines()[0].split(","))
    empty = _ask("scorecard", args, (header + "\n").encode())
    assert (
        empty["message"]
        == {
            "zh": "文件中没有机构：表头下每行填写一家机构。",
            "en": "The file has no agencies: one row per agency under the header.",
        }[lang]
    )
    binary = _ask("scorecard", args, b"\x00\x01\x02\x03" * 50)
    assert not binary["ok"] and ("表格" in binary["message"] if lang == "zh" else "table" in binary["message"])


def test_an_empty_scorecard_field_gets_a_message_next_to_it() -> None:
    """A points field left empty on the form is a message next to that field, not a missing-column error."""
    row = {"agency": "甲", **{i.id: str(i.weight) for i in indicators()}}
    del row["payroll_errors"]
    out = _ask("scorecard", {"region": "national", "as_of": "2025-06-30", "answers": row})
    assert not out["ok"] and out["errors"] == {"payroll_errors": "请填写0到8之间的分数。"}


def test_an_estimate_error_is_plain_words_in_the_pages_language(monkeypatch) -> None:
    """An error of the estimate itself reaches the page as the general message in its language, not the exception's English."""
    from checkups.errors import InputError
    from checkups.instant.messages import GENERAL
    from checkups.programme import costs as est

    def broken(*_args, **_kwargs):
        raise InputError("share.central", "low <= central <= high", "1/0/1")

    monkeypatch.setattr(est, "estimate", broken)
    out = _ask("costs", {"region": "national", "as_of": "2025-06-30", "answers": {"owed": "100"}, "lang": "zh"})
    assert not out["ok"] and out["message"] == GENERAL.zh
