"""The needs survey and the agreement builder in a real browser: the survey's result is the
package's, its "draft the agreement" link opens the builder with those areas chosen and
built, the .docx downloaded from the page holds exactly the chosen areas' matrix rows,
answers are kept, a bad answer is marked next to its question, nothing leaves 127.0.0.1,
and axe-core finds no serious or critical violation."""

from __future__ import annotations

import docx
import pytest

from checkups.programme.needs import recommend
from checkups.registry import catalog
from tests.e2e.common import READY, page_url, serious, shown_answer, site_address

ANSWERS = {"size": "10_19", "sector": "it", "staff_types": ["full_time", "part_time"], "disputes": ["complaint"]}


@pytest.fixture(scope="session")
def tool(request):
    """(lang, slug) → the tool page's URL (Chinese at the site root, English under en/)."""
    base = site_address(request)
    return lambda lang, slug, query="": page_url(base, lang, f"tools/{slug}/{query}")


def fill_survey(page, answers: dict) -> None:
    for qid, value in answers.items():
        for v in value if isinstance(value, list) else [value]:
            page.check(f'input[name="{qid}"][value="{v}"]')


def answer(page) -> dict:
    return shown_answer(page)


class TestSurvey:
    def test_result_is_the_packages_and_drafts_the_agreement(self, page, tool, tmp_path) -> None:
        """The survey recommends what the package does; its link opens the builder with those areas, built, and the .docx has their rows only."""
        page.goto(tool("zh", "needs"))
        page.locator('form[data-checkup="needs"]').wait_for()
        fill_survey(page, ANSWERS)
        page.get_by_role("button", name="看看建议委托哪些服务").click()
        got = answer(page)
        assert got["areas"] == recommend(ANSWERS).areas
        page.locator("a[data-draft]").click()
        page.locator('form[data-checkup="agreement"]').wait_for()
        built = answer(page)
        assert built["areas"] == sorted(recommend(ANSWERS).areas, key=_order)
        for area in built["areas"]:
            assert page.locator(f'input[name="areas"][value="{area}"]').is_checked()
        with page.expect_download() as download:
            page.locator('[data-download="docx"]').click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        matrix = docx.Document(saved).tables[2]
        wanted = [
            r["task"]["zh"] for r in catalog()["agreement"]["trusteeship"]["responsibility_matrix"] if r["area"] in built["areas"]
        ]
        assert [r.cells[0].text for r in matrix.rows[1:]] == wanted

    def test_none_with_a_dispute_is_marked_and_answers_are_kept(self, page, tool) -> None:
        """ "None" with a dispute is marked on the disputes question in plain words; the answers survive a reload."""
        page.goto(tool("en", "needs"))
        page.locator('form[data-checkup="needs"]').wait_for()
        fill_survey(page, {"sector": "retail", "disputes": ["none", "settled"]})
        page.get_by_role("button", name="See what to entrust").click()
        page.locator('.checkup-result[data-result="error"]').wait_for(timeout=READY)
        line = page.locator('[data-field="disputes"] .checkup-error')
        assert line.is_visible() and '"None" cannot be chosen' in line.inner_text()
        page.wait_for_timeout(600)  # saving is debounced
        page.reload()
        assert page.locator('input[name="sector"][value="retail"]').is_checked()
        assert page.locator('input[name="disputes"][value="settled"]').is_checked()


class TestBuilder:
    def test_printable_page_has_only_the_chosen_area(self, page, tool, tmp_path) -> None:
        """Choosing one area builds the agreement whose matrix lists that area's tasks, and the printable page downloads."""
        page.goto(tool("en", "agreement"))
        page.locator('form[data-checkup="agreement"]').wait_for()
        page.check('input[name="areas"][value="wages"]')
        page.get_by_role("button", name="Build the agreement").click()
        answer(page)
        rows = page.locator('.checkup-result [data-clause="responsibility-matrix"] tbody tr td:nth-child(2)').all_inner_texts()
        assert rows and set(rows) == {"Wages and benefits"}
        with page.expect_download() as download:
            page.locator(".checkup-report button").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert "Monthly payroll calculation" in saved.read_text(encoding="utf-8")

    def test_value_added_alone_is_refused_next_to_the_areas(self, page, tool) -> None:
        """Only a value-added service chosen: the message sits on the areas field, in Chinese."""
        page.goto(tool("zh", "agreement"))
        page.locator('form[data-checkup="agreement"]').wait_for()
        page.check('input[name="areas"][value="training"]')
        page.get_by_role("button", name="生成协议").click()
        page.locator('.checkup-result[data-result="error"]').wait_for(timeout=READY)
        assert "核心服务领域" in page.locator('[data-field="areas"] .checkup-error').inner_text()


@pytest.mark.parametrize(
    ("lang", "slug", "query"), [("zh", "needs", "?sector=it"), ("en", "agreement", "?areas=contracts,training")]
)
def test_no_serious_violations_at_375_px(page, tool, lang, slug, query) -> None:
    """The tool page with its result (filled from the address) has no serious or critical axe-core violation at 375 px."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(tool(lang, slug, query))
    answer(page)
    assert serious(page) == []


def _order(area: str) -> int:
    services = catalog()["services"]
    return [a["id"] for a in services["core"] + services["value_added"]].index(area)
