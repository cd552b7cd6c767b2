"""The site in a real browser (Debian's chromium): both languages, Chinese search, A4
printing of checklists, no request leaving 127.0.0.1, and axe-core accessibility checks."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from checkups.registry import rules

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def only_local(requests: list[str]) -> list[str]:
    return [u for u in requests if not re.match(r"^(http://127\.0\.0\.1[:/]|data:|blob:|about:)", u)]


class TestPages:
    @pytest.mark.parametrize(("path", "lang", "heading"), [("", "zh", "托管"), ("en/", "en", "Trusteeship")])
    def test_home_renders_in_both_languages(self, page, site_url, path, lang, heading) -> None:
        page.goto(site_url + path)
        assert page.locator("html").get_attribute("lang") == lang
        assert heading in page.locator("h1").first.inner_text()
        assert page.locator(".md-select").count() > 0  # the language switch
        assert only_local(page.requests) == []

    def test_language_switch_goes_to_the_same_page(self, page, site_url) -> None:
        page.goto(site_url + "en/services/contracts/")
        href = page.locator('a[hreflang="zh"]').first.get_attribute("href")
        page.goto(page.evaluate("h => new URL(h, location.href).href", href))
        assert page.url == site_url + "services/contracts/"
        assert "劳动合同" in page.locator("h1").inner_text()


class TestSearch:
    @pytest.mark.parametrize("term", ["试用期", "经济补偿"])
    def test_chinese_search(self, page, site_url, term) -> None:
        page.goto(site_url)
        page.locator("label.md-search__icon, .md-search__input").first.click()
        box = page.locator("input.md-search__input")
        box.fill(term)
        box.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=20000)
        assert page.locator(".md-search-result__item").count() > 0
        assert only_local(page.requests) == []


class TestPrint:
    @pytest.mark.parametrize(("path", "lang"), [("en/checklists/contracts/", "en"), ("checklists/annual/", "zh")])
    def test_checklist_prints_on_a4_with_every_item(self, page, site_url, tmp_path, path, lang) -> None:
        page.goto(site_url + path)
        pdf = tmp_path / "checklist.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Page size:.*\(A4\)", info), info
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        flat = re.sub(r"\s+", "", text)
        wanted = rules(area="contracts") if "contracts" in path else rules()
        missing = [r.id for r in wanted if re.sub(r"\s+", "", r.title[lang])[:12] not in flat]
        assert missing == []
        assert ("Rules as of" if lang == "en" else "规则截至") in text
        assert "127.0.0.1" in text  # the page address in the footer
        assert "Search" not in text.split("\n")[0]  # no navigation printed


class TestAccessibility:
    @pytest.mark.parametrize("path", ["", "services/contracts/", "agreements/trusteeship/", "law/lcl/", "en/", "en/law/lcl/"])
    def test_no_serious_or_critical_violations(self, page, site_url, path) -> None:
        page.goto(site_url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == []
