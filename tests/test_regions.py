"""The region model: every province and prefecture-level city, names and codes that resolve,
dated minimum-wage tiers, regional figures on the dates the audits need, the figures
command, and the MOHRSS-table update script on a fixture in the table's layout."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checkups import calc, figures, regions
from checkups.cli import main
from checkups.registry import catalog
from checkups.timeline import MissingFigureError, value_at

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import compile_regions  # noqa: E402
import update_figures  # noqa: E402

D = dt.date
DATES = (D(2025, 1, 1), D(2026, 12, 1))
#: (province, day) with no figure in any source found; each must really have none (see the data README)
KNOWN_GAPS = {("guangxi", D(2025, 1, 1))}
REGIONS = catalog()["regions"]


def _tiers(province: str) -> list[str]:
    return [k for k, v in REGIONS.items() if v["level"] == "tier" and v["parent"] == province]


class TestModel:
    def test_all_provinces_and_prefecture_level_cities(self) -> None:
        """31 provincial-level regions and the 333 prefecture-level units of GB/T 2260, each with a parent."""
        levels = [v["level"] for v in REGIONS.values()]
        assert levels.count("province") == 31 and levels.count("city") == 333
        for rid, v in REGIONS.items():
            if v["level"] in ("city", "county", "tier"):
                assert REGIONS[v["parent"]]["level"] == "province", rid

    def test_codes_unique_and_well_formed(self) -> None:
        """6-digit codes, unique, and a unit's code starts with its province's two digits."""
        codes = [v["code"] for v in REGIONS.values() if "code" in v]
        assert len(codes) == len(set(codes))
        for rid, v in REGIONS.items():
            if "code" in v:
                assert re.fullmatch(r"[1-9]\d{5}", v["code"]), rid
                if v["level"] in ("city", "county"):
                    assert v["code"][:2] == REGIONS[v["province"]]["code"][:2], rid

    def test_names_in_both_languages(self) -> None:
        """Every region has a Chinese name in Chinese characters and an English name in ASCII."""
        for rid, v in REGIONS.items():
            assert v["name"]["zh"] and v["name"]["en"], rid
            assert re.search(r"[\u4e00-\u9fff]", v["name"]["zh"]) and v["name"]["en"].isascii(), rid


class TestResolve:
    @pytest.mark.parametrize("text", ["成都", "成都市", "510100", "chengdu", "Chengdu"])
    def test_city_by_name_code_or_id(self, text: str) -> None:
        """Chengdu resolves from 成都, 成都市, its code 510100, its id and its English name."""
        assert regions.resolve(text) == "chengdu"

    @pytest.mark.parametrize(("text", "expected"), [("四川", "sichuan"), ("四川省", "sichuan"), ("新疆维吾尔自治区", "xinjiang"),
                                                    ("广西", "guangxi"), ("阿克苏地区", "aksu"), ("阿克苏", "aksu"), ("凉山", "liangshan"),
                                                    ("吉林省", "jilin"), ("吉林市", "jilin-jilin"), ("海南", "hainan"), ("仙桃", "xiantao")])  # fmt: skip
    def test_suffixes_and_short_forms(self, text: str, expected: str) -> None:
        """Regions resolve with or without suffixes like 省, 市 and 地区, and 吉林省 and 吉林市 stay apart."""
        assert regions.resolve(text) == expected

    def test_ambiguous_names_the_candidates(self) -> None:
        """An ambiguous name (吉林) raises RegionError listing the province and the city, with the city's code."""
        with pytest.raises(regions.RegionError) as err:
            regions.resolve("吉林")
        assert err.value.candidates == ["jilin", "jilin-jilin"] and "220200" in str(err.value)

    def test_unknown(self) -> None:
        """An unknown region (Atlantis) raises RegionError quoting the name."""
        with pytest.raises(regions.RegionError, match="unknown region 'Atlantis'"):
            regions.resolve("Atlantis")


class TestFigures:
    @pytest.mark.parametrize("day", DATES)
    def test_every_province_has_figures(self, day: dt.date) -> None:
        """On both dates each province (or each of its tiers) has monthly and hourly figures, or a documented gap."""
        gaps = set()
        for province in regions.provinces():
            targets = _tiers(province) or [province]
            found = []
            for t in targets:
                try:
                    found.append(value_at("minimum_wage.monthly", day, t).value)
                except MissingFigureError:
                    pass
            if not found:
                gaps.add((province, day))
        assert gaps == {g for g in KNOWN_GAPS if g[1] == day}

    @pytest.mark.parametrize("day", DATES)
    def test_every_city_has_a_tier_or_the_unconfirmed_mark(self, day: dt.date) -> None:
        """A city resolves to a figure, or asks for it saying its tier is not confirmed; never a guess."""
        for province in regions.provinces():
            if (province, day) in KNOWN_GAPS:
                continue
            for city in regions.children(province):
                status = regions.tier_status(city, day)
                try:
                    value_at("minimum_wage.monthly", day, city)
                except MissingFigureError as exc:
                    assert not status.confirmed and "not confirmed" in str(exc), city
                else:
                    assert status.confirmed or city in catalog()["parameters"]["minimum_wage.monthly"]["values"], city

    def test_tier_evidence_travels_with_the_city(self) -> None:
        """A city's own note on its tier (Chengdu: counties on the lower tier) reaches the lookup."""
        status = regions.tier_status("chengdu", D(2026, 12, 1))
        assert status.tier == "sichuan.t1" and "2200" in status.note["en"] and status.note["zh"]

    def test_tiers_are_ordered(self) -> None:
        """Tier 1 ≥ tier 2 ≥ … on every standard's date, monthly and hourly."""
        params = catalog()["parameters"]
        for province in regions.provinces():
            tiers = sorted(_tiers(province), key=lambda t: REGIONS[t]["tier"])
            days = {e["effective"] for t in tiers for e in params["minimum_wage.monthly"]["values"][t]}
            for day in sorted(days):
                for name in ("minimum_wage.monthly", "minimum_wage.hourly"):
                    got = []
                    for t in tiers:
                        try:
                            got.append(value_at(name, D.fromisoformat(day), t).value)
                        except MissingFigureError:
                            pass
                    assert got == sorted(got, reverse=True), (province, day, name, got)

    def test_hourly_and_monthly_from_the_same_notice(self) -> None:
        """Every monthly value has an hourly one (possibly null) of the same date, notice and source."""
        params = catalog()["parameters"]
        monthly, hourly = params["minimum_wage.monthly"]["values"], params["minimum_wage.hourly"]["values"]
        assert set(monthly) == set(hourly)
        for region, entries in monthly.items():
            if region == "national":
                continue  # the legal note that there is no national figure, worded per parameter
            pairs = zip(entries, hourly[region], strict=True)
            for m, h in pairs:
                assert (m["effective"], m.get("notice"), m["source"]) == (h["effective"], h.get("notice"), h["source"]), region

    def test_average_wages_say_their_basis_and_year(self) -> None:
        """Every published average wage states a known basis and a data year from 2015 to the year it takes effect."""
        bases = {"全口径城镇单位就业人员", "城镇非私营单位", "城镇非私营单位在岗职工", "法人单位", "other"}
        for region, entries in catalog()["parameters"]["average_wage.monthly"]["values"].items():
            for e in entries:
                if e["value"] is not None:
                    assert e["basis"] in bases and 2015 <= e["data_year"] < int(e["effective"][:4]) + 1, region

    def test_net_minimum_wage_flags(self) -> None:
        """Beijing and Shanghai exclude the employee's own contributions; the national rule includes them."""
        for name in ("minimum_wage.excludes_employee_si", "minimum_wage.excludes_employee_hf"):
            assert value_at(name, D(2026, 12, 1), "beijing").value is True
            assert value_at(name, D(2026, 12, 1), "shanghai").value is True
            assert value_at(name, D(2026, 12, 1)).value is False

    def test_bounds_are_derived_from_the_data(self) -> None:
        """Minimum wage bounds are the lowest and highest figures in force; Sichuan's are 2,200 and 2,330."""
        low, high = figures.bounds("minimum_wage.monthly", D(2026, 12, 1))
        stored = [f.value for f in figures.in_force(D(2026, 12, 1), parameter="minimum_wage.monthly") if f.value is not None]
        assert (low.value, high.value) == (min(stored), max(stored))
        low, high = figures.bounds("minimum_wage.monthly", D(2026, 12, 1), within="sichuan")
        assert (low.value, high.value) == (2200, 2330)


class TestInterfaces:
    @pytest.mark.parametrize("region", ["成都", "510100"])
    def test_chengdu_severance(self, region: str, capsys) -> None:
        """calc severance of 9,000 for 成都 or 510100, 2018-03 to 2025-10, prints 72,000.00."""
        assert main(["calc", "severance", "9000", "2018-03-01", "2025-10-31", "--region", region]) == 0
        assert "72,000.00" in capsys.readouterr().out

    def test_api_takes_names(self) -> None:
        """The API takes a region's Chinese name or its code: 成都市 and 510100 both find Chengdu's figures."""
        assert calc.severance(9000, "2018-03-01", "2025-10-31", region="成都市").amount == 72000
        assert value_at("minimum_wage.monthly", D(2026, 12, 1), "510100").region == "sichuan.t1"

    def test_ambiguous_region_exits_2(self, capsys) -> None:
        """An ambiguous --region (suzhou) exits 2 naming both candidates, suzhou-jiangsu and suzhou-anhui."""
        assert main(["calc", "severance", "9000", "2018-03-01", "2025-10-31", "--region", "suzhou"]) == 2
        err = capsys.readouterr().err
        assert "suzhou-jiangsu" in err and "suzhou-anhui" in err

    def test_figures_json(self, capsys) -> None:
        """figures --format json for 成都 on 2026-12-01 gives one row with every key: Sichuan's tier 1 at 2,330."""
        assert main(["figures", "minimum_wage.monthly", "--region", "成都", "--on", "2026-12-01", "--format", "json"]) == 0
        (row,) = json.loads(capsys.readouterr().out)
        assert set(row) == {"region", "name", "level", "parameter", "value", "unit", "effective", "verified", "source"}
        assert (row["region"], row["level"], row["value"]) == ("sichuan.t1", "tier", 2330)

    def test_figures_whole_country(self, capsys) -> None:
        """Hourly figures for the whole country give national, province and tier rows, that parameter only."""
        assert main(["figures", "minimum_wage.hourly", "--on", "2025-01-01", "--format", "json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert {r["level"] for r in rows} >= {"national", "province", "tier"}
        assert all(r["parameter"] == "minimum_wage.hourly" for r in rows)


class TestUpdateFigures:
    FIXTURE = ROOT / "tests" / "fixtures" / "mohrss-minimum-wage.html"

    def test_reads_the_table_layout(self) -> None:
        """read_table reads the fixture's date (2026-01-01) and rows, first Beijing's 2,540 and 27.7 from 2025-09-01."""
        rows, stamp = update_figures.read_table(self.FIXTURE)
        assert stamp == D(2026, 1, 1)
        assert rows[0] == {"region": "北京", "date": D(2025, 9, 1), "monthly": [2540.0], "hourly": [27.7]}

    def test_prints_differences_and_exits_1(self) -> None:
        """update_figures.py prints Sichuan as new, Shanghai changed, Tianjin missing, not Beijing, and exits 1."""
        out = subprocess.run(
            [sys.executable, "scripts/update_figures.py", str(self.FIXTURE)], cwd=ROOT, capture_output=True, text=True
        )
        assert out.returncode == 1
        kinds = {line.split("\t")[1].split(":")[0]: line.split("\t")[0] for line in out.stdout.splitlines() if "\t" in line}
        assert kinds["sichuan"] == "new" and kinds["shanghai"] == "changed" and kinds["tianjin"] == "missing"
        assert "beijing" not in kinds and "shenzhen" not in kinds

    def test_write_adds_unverified_standards(self, tmp_path: Path) -> None:
        """--write adds Sichuan's new standard as unverified with no cities, and it compiles to 2,400."""
        data = tmp_path / "data"
        shutil.copytree(ROOT / "checkups" / "data" / "regions", data / "regions")
        update_figures.main([str(self.FIXTURE), "--write", "--data", str(data)])
        added = yaml.safe_load((data / "regions" / "sichuan.yaml").read_text(encoding="utf-8"))["minimum_wage"][-1]
        assert added["effective"] == D(2026, 1, 1) and added["verified"] is False and added["effective_confirmed"] is False
        assert [t["monthly"] for t in added["tiers"]] == [2400, 2270] and all(t["units"] == [] for t in added["tiers"])
        _, tiers, values = compile_regions.build(data, lambda p: compile_regions_plain(p))
        assert tiers["sichuan"][-1]["members"] == {}
        assert values["minimum_wage.monthly"]["sichuan.t1"][-1]["value"] == 2400


def compile_regions_plain(path: Path):
    import compile_data

    return compile_data._plain(yaml.safe_load(path.read_text(encoding="utf-8")))
