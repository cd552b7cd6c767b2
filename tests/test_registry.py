"""The registry: articles, rules and names by code."""

from __future__ import annotations

import pytest

import checkups
from checkups.registry import UnknownNameError, area_name, article, parameter_description, region_name, rule, rules


class TestRegistry:
    def test_article(self) -> None:
        """An article comes with its verbatim Chinese text, English summary and instrument name."""
        art = article("LCL", 82)
        assert art.zh.startswith("用人单位自用工之日起超过一个月不满一年")
        assert "double" in art.en.lower() or "twice" in art.en.lower()
        assert art.law_name["zh"] == "中华人民共和国劳动合同法" and art.verified

    def test_rule(self) -> None:
        """The one-month written-contract rule is a high-severity contracts rule per employee, citing LCL 82."""
        r = rule("contracts.written_within_one_month")
        assert (r.area, r.scope, r.severity, str(r.citation)) == ("contracts", "employee", "high", "LCL 82")
        assert r.citation.anchor == "lcl-82"

    def test_rules_are_in_service_area_order(self) -> None:
        """Rules come in service-area order (onboarding, contracts, consultation) and filter by scope (company)."""
        areas = [r.area for r in rules()]
        assert areas.index("onboarding") < areas.index("contracts") < areas.index("consultation")
        assert all(r.scope == "company" for r in rules(scope="company"))

    def test_names(self) -> None:
        """Area, region and parameter names come from the registry, e.g. 薪酬福利管理 for wages."""
        assert area_name("wages")["zh"] == "薪酬福利管理"
        assert region_name("shenzhen") == {"zh": "深圳市", "en": "Shenzhen"}
        assert parameter_description("hours.weekly_max")["en"]

    def test_unknown_names_are_named(self) -> None:
        """An unknown law code, article number or rule id raises UnknownNameError naming it."""
        with pytest.raises(UnknownNameError, match="LCX"):
            article("LCX", 1)
        with pytest.raises(UnknownNameError, match="999"):
            article("LCL", 999)
        with pytest.raises(UnknownNameError, match=r"no\.such"):
            rule("no.such")

    def test_public_api(self) -> None:
        """Everything in __all__ is importable from the package."""
        for name in checkups.__all__:
            assert hasattr(checkups, name), name
