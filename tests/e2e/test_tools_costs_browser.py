"""The cost-benefit and scorecard tool pages in a real browser: the package in the worker
gives the same cases as in CPython, a scorecard CSV with a bad row is scored with the row
reported, answers are kept across a reload, and nothing leaves 127.0.0.1."""

from __future__ import annotations

import pytest

from checkups.programme.scorecard import template_csv
from checkups.programme.scorecard_items import indicators
from tests.e2e.common import READY, page_url, site_address
from tests.e2e.common import open_ready as _open
from tests.e2e.common import shown_answer as _answer


@pytest.fixture(scope="session")
def tool_url(request):
    """(lang, slug) → the tool page's URL (Chinese at the root, English under en/)."""
    base = site_address(request)
    return lambda lang, slug: page_url(base, lang, f"tools/{slug}/")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cost_benefit_page_works_out_the_three_cases(page, tool_url, lang: str) -> None:
    """Typed totals, a fee for every case and a central share give the cases worked by hand, with the chart."""
    _open(page, tool_url(lang, "cost-benefit"), "costs")
    for name, value in {"owed": "10000", "fee": "12000", "share.central": "30%"}.items():
        page.fill(f'input[name="{name}"]', value)
    page.click('form[data-checkup="costs"] button[type="submit"]')
    out = _answer(page)
    # low 0 − 12,000; central 0.3 × 10,000 − 12,000 = −9,000; high 10,000 − 12,000 = −2,000
    assert [out["scenarios"][s]["balance"] for s in ("low", "central", "high")] == ["-12000.00", "-9000.00", "-2000.00"]
    assert page.locator(".checkup-result svg").count() == 1
    page.wait_for_function("(localStorage.getItem('checkups-costs/1') || '').includes('12000')")  # saving is debounced
    page.reload()
    page.locator('form[data-checkup="costs"]').wait_for()
    assert page.input_value('input[name="fee"]') == "12000"


def test_a_bad_figure_is_shown_next_to_its_field(page, tool_url) -> None:
    """A share above 100 % gets a plain message next to its box and the result says it needs fixing."""
    _open(page, tool_url("en", "cost-benefit"), "costs")
    page.fill('input[name="share.central"]', "150%")
    page.click('form[data-checkup="costs"] button[type="submit"]')
    page.locator('.checkup-result[data-result="error"]').wait_for(timeout=READY)
    line = page.locator('[data-field="share.central"] .checkup-error')
    assert line.is_visible() and "percentage" in line.text_content()


def test_the_scorecard_page_scores_one_agency_and_a_csv(page, tool_url, tmp_path) -> None:
    """One agency typed in gets its score, band and a results file to download; a CSV with a bad row keeps every agency and reports the row."""
    _open(page, tool_url("zh", "scorecard"), "scorecard")
    page.fill('input[name="agency"]', "甲机构")
    for i in indicators():
        page.fill(f'input[name="{i.id}"]', str(i.weight))
    page.fill('input[name="payroll_errors"]', "0")
    page.click('form[data-checkup="scorecard"] button[type="submit"]')
    out = _answer(page)
    assert out["ranking"] == [{"agency": "甲机构", "rank": 1, "score": "92", "tier": "full", "tier_withheld": False}]  # 100 − 8
    link = page.locator("a.checkup-download")
    link.wait_for()
    assert link.get_attribute("download") == "scorecard-results.json"
    text = page.evaluate("(href) => fetch(href).then((r) => r.text())", link.get_attribute("href"))
    assert '"format": "checkups-scorecard-results/1"' in text and '"tier": "full"' in text
    header = template_csv(review=False).lstrip("\ufeff").splitlines()[0]
    full = ",".join(str(i.weight) for i in indicators())
    csv = f"{header}\n乙,{full}\n丙,abc{full[full.index(',') :]}\n"
    (tmp_path / "agencies.csv").write_text(csv, encoding="utf-8")
    page.set_input_files('input[name="file"]', str(tmp_path / "agencies.csv"))
    page.click('form[data-checkup="scorecard"] button[type="submit"]')
    page.wait_for_function("document.querySelector('.checkup-result').checkupAnswer.ranking.length === 2", timeout=READY)
    out = page.evaluate("document.querySelector('.checkup-result').checkupAnswer")
    assert [(r["agency"], r["score"]) for r in out["ranking"]] == [("乙", "100"), ("丙", None)]
    assert (
        "总体满意度（satisfaction_overall）应填0到10之间的分数（填的是“abc”）" in page.locator(".checkup-result").text_content()
    )  # the bad cell, in the page's language
