"""Parameters cite the provision they rest on (review point 25) and stop at the day a newer
figure is due (review point 23)."""

from __future__ import annotations

from datetime import date as D
from itertools import pairwise

import pytest

from checkups.registry import catalog
from checkups.timeline import MissingFigureError, add_months, value_at


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


AVG = "average_wage.monthly"

# Each row: region, the last day the old figure serves, that figure, the first day with no figure.
# The old figure's data year Y is superseded by Y+1's when that is due (1 July of Y+2, or a year
# after the old figure took effect if later); the data hold no Y+1 figure from that day.
STALE = [
    ("shenzhen", D(2021, 6, 30), 10646.42, D(2021, 7, 1)),  # data year 2019; 2020 figure not found
    ("shanghai", D(2025, 6, 30), 12307, D(2025, 7, 1)),  # data year 2023; 2024 figure only from a placeholder day
    ("beijing", D(2025, 6, 30), 15701.08, D(2025, 7, 1)),  # data year 2023; series no longer published
    ("liaoning", D(2025, 6, 30), 7121, D(2025, 7, 1)),  # data year 2023; 2024 figure only from a repost day
    ("guizhou", D(2025, 6, 30), 7272.25, D(2025, 7, 1)),  # data year 2023; 2024 figure's day unexplained
    ("guangzhou", D(2026, 6, 30), 13704, D(2026, 7, 1)),  # data year 2024; 2025 figure not found
    ("shenzhen", D(2026, 6, 30), 14755, D(2026, 7, 1)),
    ("shanghai", D(2026, 9, 17), 12434, D(2026, 9, 18)),  # a year after its own (late) start
    ("chengdu", D(2026, 7, 3), 10649.42, D(2026, 7, 4)),
    ("guangdong", D(2026, 6, 30), 9183, D(2026, 7, 1)),
]


class TestStaleAverageWages:
    @pytest.mark.parametrize(("region", "last", "value", "missing"), STALE, ids=[f"{r[0]}-{r[3]}" for r in STALE])
    def test_old_figure_ends_the_day_a_newer_one_is_due(self, region, last, value, missing) -> None:
        """The old figure serves the day before; on the due day the user is asked for the figure."""
        assert value_at(AVG, last, region).value == value
        with pytest.raises(MissingFigureError):
            value_at(AVG, missing, region)

    def test_the_gap_closes_when_the_newer_figure_is_recorded(self) -> None:
        """Shenzhen's 2021 figure and Shanghai's 2024 figure serve again from the day they are recorded."""
        assert value_at(AVG, D(2022, 6, 30), "shenzhen").value == 12964
        with pytest.raises(MissingFigureError):
            value_at(AVG, D(2025, 9, 17), "shanghai")
        assert value_at(AVG, D(2025, 9, 18), "shanghai").value == 12434

    def test_a_city_without_its_own_figure_falls_back_to_the_expired_province(self) -> None:
        """Dongguan uses Guangdong's provincial figure only while it is current."""
        assert value_at(AVG, D(2026, 6, 30), "dongguan").value == 9183
        with pytest.raises(MissingFigureError):
            value_at(AVG, D(2026, 7, 1), "dongguan")

    def test_a_figure_published_late_is_not_a_gap(self) -> None:
        """Shandong's 2024 figure was published on 2025-07-03: the 2023 figure is still the latest before."""
        assert value_at(AVG, D(2025, 7, 2), "shandong").value == 7359.42
        assert value_at(AVG, D(2025, 7, 3), "shandong").value == 7506

    def test_no_figure_is_served_after_a_newer_one_is_due(self) -> None:
        """No average wage is served after the next year's figure is due, unless that one was published late.

        Every figure of data year Y ends by the day Y+1's is due, up to the latest day in the data,
        except where Y+1's figure has a recorded publication date after that day."""
        published_late = {("shanghai", "2021-07-01"), ("shandong", "2024-07-01"), ("xinjiang", "2024-07-01"),
                          ("shanxi", "2025-07-01")}  # fmt: skip
        params = catalog()["parameters"]
        latest = max(e["effective"] for p in params.values() for es in p["values"].values() for e in es)
        stale = []
        for region, entries in params[AVG]["values"].items():
            for i, e in enumerate(entries):
                if e["value"] is None:
                    continue
                anniversary = add_months(D.fromisoformat(e["effective"]), 12)
                due = max(D(e["data_year"] + 2, 7, 1), anniversary).isoformat()
                ends = entries[i + 1]["effective"] if i + 1 < len(entries) else None
                if (ends is None and due <= latest) or (ends is not None and ends > due):
                    stale.append((region, e["effective"]))
        assert set(stale) == published_late

    def test_every_gap_says_what_is_missing(self) -> None:
        """A null entry after a figure names the missing data year in both languages."""
        for region, entries in catalog()["parameters"][AVG]["values"].items():
            for before, e in pairwise(entries):
                if e["value"] is None and before["value"] is not None:
                    year = str(before["data_year"] + 1)
                    assert year in e["note"]["zh"] and year in e["note"]["en"] and e["verified"] is False, region
