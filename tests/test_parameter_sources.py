"""Parameters cite the provision they rest on (review point 25) and stop at the day a newer
figure is due (review point 23)."""

from __future__ import annotations

from checkups.registry import catalog


class TestMinimumWageBasis:
    def test_minimum_wage_rests_on_the_labour_law(self) -> None:
        """The monthly minimum wage rests on LL 48 (provinces set it), not on LCL-IR 27 (severance)."""
        params = catalog()["parameters"]
        assert params["minimum_wage.monthly"]["reference"] == {"law": "LL", "article": "48"}
        assert params["minimum_wage.hourly"]["reference"] == {"law": "LCL", "article": "72"}

    def test_no_parameter_cites_the_severance_article_for_the_minimum_wage(self) -> None:
        """No minimum-wage parameter names LCL-IR 27, in its reference or in a national source."""
        for name, param in catalog()["parameters"].items():
            if not name.startswith("minimum_wage."):
                continue
            assert param.get("reference", {}).get("law") != "LCL-IR", name
            for entry in param["values"]["national"]:
                assert "LCL-IR 27" not in entry["source"], name
