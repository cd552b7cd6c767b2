"""The notebook front ends, driven without a browser: the same widgets the notebooks show."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from checkups.roster import COLUMNS
from checkups.templates import template_csv
from checkups.ui import FileStorage, QuestionnaireApp, calculators_app, roster_app
from checkups.ui.calculators import CalculatorsApp
from checkups.ui.common import SHOWN
from checkups.ui.roster_audit import RosterApp

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
AS_OF = dt.date(2025, 6, 30)


@pytest.fixture
def storage(tmp_path: Path) -> FileStorage:
    return FileStorage(tmp_path / "answers.json")


class TestQuestionnaire:
    def test_answers_give_findings_with_linked_citations(self) -> None:
        """An uninsured-staff answer with 1,000 unpaid finds 1,000.00 (fine 1,000 to 3,000), its citation linked."""
        app = QuestionnaireApp("zh", as_of=AS_OF)
        app.inputs["insurance_all_staff_registered"].value = False
        app.inputs["insurance_unpaid_contributions"].value = "1,000"
        result = app.run()
        assert [(f.rule, f.amount) for f in result.findings] == [("social_insurance.all_staff_insured", Decimal("1000.00"))]
        fine = result.findings[0].amount_range
        assert (fine.low, fine.high) == (Decimal("1000.00"), Decimal("3000.00"))
        assert 'href="../../law/sil/#sil-58"' in app.result.value  # the Chinese page at the site root
        assert app.links.value.startswith('<a download="checkup-report.html" href="data:text/html;base64,')

    def test_skip_logic_hides_rules_that_do_not_apply(self) -> None:
        """Answering no to using probation hides the probation-once rule, and answering yes shows it again."""
        app = QuestionnaireApp("en", as_of=AS_OF)
        box = app.rule_boxes["contracts.probation_once_only"]
        assert box.layout.display is None
        app.inputs["uses_probation"].value = False
        assert box.layout.display == "none"
        app.inputs["uses_probation"].value = True
        assert box.layout.display is None

    def test_answers_survive_a_reload(self, storage: FileStorage) -> None:
        """Answers are saved as they are given; a new app on the same storage shows them again."""
        first = QuestionnaireApp("en", storage=storage, as_of=AS_OF)
        first.inputs["uses_probation"].value = True
        first.inputs["insurance_unpaid_contributions"].value = "500"
        first.region.value = "shenzhen"
        second = QuestionnaireApp("en", storage=storage)
        assert second.answers() == {"uses_probation": True, "insurance_unpaid_contributions": "500"}
        assert (second.region.value, second.as_of.value) == ("shenzhen", AS_OF)  # the settings too

    def test_saved_whole_and_only_when_changed(self, storage: FileStorage) -> None:
        """A save leaves the whole document and no part file behind; saving the same document again does not rewrite it."""
        storage.save({"answers": {"uses_probation": True}})
        assert storage.load() == {"answers": {"uses_probation": True}}
        assert sorted(p.name for p in storage.path.parent.iterdir()) == ["answers.json"]
        written = storage.path.stat().st_mtime_ns
        storage.path.touch()  # a later mtime, so a rewrite would show
        touched = storage.path.stat().st_mtime_ns
        storage.save({"answers": {"uses_probation": True}})
        assert storage.path.stat().st_mtime_ns == touched >= written
        storage.save({"answers": {"uses_probation": False}})
        assert storage.load() == {"answers": {"uses_probation": False}}

    def test_export_import_and_clear(self, storage: FileStorage) -> None:
        """Answers export as JSON, clear with storage and return on import; bad JSON is refused."""
        app = QuestionnaireApp("en", storage=storage, as_of=AS_OF)
        app.inputs["has_union"].value = False
        exported = app.export_json()
        assert json.loads(exported)["answers"] == {"has_union": False}
        app.reset(clear_storage=True)
        assert app.answers() == {} and not storage.path.exists()
        assert app.import_json(exported) and app.answers() == {"has_union": False}
        assert storage.load()["answers"] == {"has_union": False}
        assert not app.import_json("not json") and "Cannot import" in app.message.value

    def test_bad_answers_are_explained(self) -> None:
        """A non-numeric amount of unpaid contributions (lots) is explained in the message, naming its question."""
        app = QuestionnaireApp("en", as_of=AS_OF)
        app.inputs["insurance_unpaid_contributions"].value = "lots"
        app.run()
        assert "insurance_unpaid_contributions" in app.message.value


class TestRoster:
    @pytest.mark.parametrize("name", ["roster.csv", "roster-zh-gb18030.csv"])
    def test_sample_roster(self, name: str) -> None:
        """The sample gives the same per-employee findings as the command line."""
        from test_audit import expected

        app = roster_app("zh", storage_path=None)
        app.as_of.value, app.region.value = AS_OF, "guangzhou"
        result = app.audit((SAMPLES / name).read_bytes(), name)
        got = {}
        for f in result.findings:
            got.setdefault(f.employee_id, {})[f.rule] = f.amount
        assert got == expected()
        assert "E002" in app.result.value and "roster-report.html" in app.links.value

    def test_rows_with_errors_are_listed(self) -> None:
        """The rows of the roster with errors are listed as not audited, quoting the bad date 2025-02-30."""
        app = roster_app("en", storage_path=None)
        app.as_of.value = AS_OF
        app.audit((SAMPLES / "roster-with-errors.csv").read_bytes(), "r.csv")
        assert "Rows not audited" in app.result.value and "2025-02-30" in app.result.value

    @pytest.mark.parametrize(
        ("data", "name", "words"),
        [(b"%PDF-1.4", "roster.pdf", ".csv or .xlsx"), (b"", "r.csv", "empty"), (b"a,b\n1,2\n", "r.csv", "employee_id")],
    )
    def test_bad_files_get_a_message(self, data: bytes, name: str, words: str) -> None:
        """A PDF, an empty file or a CSV without employee_id is not audited and gets a message saying why."""
        app = roster_app("en", storage_path=None)
        assert app.audit(data, name) is None
        assert words in app.message.value and "Traceback" not in app.message.value

    def test_settings_and_roster_survive_a_reload(self, storage: FileStorage) -> None:
        """The settings and the last roster are saved; a new app on the same storage audits it again."""
        first = RosterApp("en", storage=storage)
        first.region.value, first.as_of.value, first.min_wage.value = "guangzhou", AS_OF, ""
        first.audit((SAMPLES / "roster.csv").read_bytes(), "roster.csv")
        second = RosterApp("en", storage=storage)
        assert (second.region.value, second.as_of.value) == ("guangzhou", AS_OF)
        assert second.result.value == first.result.value and "E002" in second.result.value

    def test_changed_settings_audit_the_roster_again(self) -> None:
        """Changing the region after an upload audits the same roster again under the new region."""
        roster = (SAMPLES / "roster.csv").read_bytes()
        app = roster_app("en", storage_path=None)
        app.as_of.value = AS_OF
        app.audit(roster, "roster.csv")
        national = app.result.value
        app.region.value = "guangzhou"
        direct = roster_app("en", storage_path=None)
        direct.as_of.value, direct.region.value = AS_OF, "guangzhou"
        direct.audit(roster, "roster.csv")
        assert app.result.value == direct.result.value != national

    def test_export_import_and_clear(self, storage: FileStorage) -> None:
        """A roster audit exports, clears and comes back on import; an answers file is refused."""
        app = RosterApp("en", storage=storage)
        app.region.value, app.as_of.value = "guangzhou", AS_OF
        app.audit((SAMPLES / "roster.csv").read_bytes(), "roster.csv")
        exported, shown = app.saved.export_json(), app.result.value
        assert json.loads(exported)["format"] == "checkups-roster/1"
        app.saved.clear_all()
        assert app.result.value == "" and app.roster is None and not storage.path.exists()
        assert app.saved.import_json(exported) and app.result.value == shown
        assert storage.load()["settings"]["region"] == "guangzhou"
        other = json.dumps({"format": "checkups-answers/1", "answers": {"has_union": False}})
        assert not app.saved.import_json(other) and "Cannot import" in app.saved.message.value

    @pytest.mark.parametrize(("n", "cut"), [(SHOWN, False), (SHOWN + 1, True)])
    def test_long_lists_point_to_the_download(self, n: int, cut: bool) -> None:
        """The page lists at most SHOWN findings, then says the full list is in the CSV/XLSX download."""
        roster = "employee_id,hire_date,contract_signed_date\n" + "".join(f"E{i:04d},2025-01-15,\n" for i in range(n))
        app = roster_app("en", storage_path=None)
        app.as_of.value = AS_OF
        app.audit(roster.encode(), "big.csv")
        assert app.result.value.count("<tr data-rule=") == min(n, SHOWN)
        assert ("Download the CSV or XLSX file for the full list" in app.result.value) is cut
        assert 'download="roster-findings.csv"' in app.links.value and 'download="roster-findings.xlsx"' in app.links.value

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_templates(self, lang: str) -> None:
        """The CSV template's header is the roster columns in order: Chinese names in zh, column ids in en."""
        header = template_csv(lang).strip().split(",")
        assert header == [c.zh if lang == "zh" else n for n, c in COLUMNS.items()]


class TestCalculators:
    def test_severance(self) -> None:
        """The severance tab gives 18,000.00 for 6,000 a month over three years and shows it with LCL 47."""
        app = calculators_app("en", storage_path=None)
        app.set("severance", monthly_wage=6000, start="2022-01-01", end="2024-12-31", avg_wage=13704, min_wage=2500)
        assert app.run("severance").amount == Decimal("18000.00")
        assert "18,000.00" in app.outputs["severance"].value and "LCL 47" in app.outputs["severance"].value

    def test_tabs_come_from_the_registry(self) -> None:
        """One tab per calculator of the registry shown in the UI, its inputs those of the registry, in order."""
        from checkups import calc

        app = calculators_app("en", storage_path=None)
        shown = [c for c in calc.CALCULATORS if c.ui]
        assert list(app.fields) == [c.name for c in shown]
        assert app.tabs.titles == tuple(c.title.en for c in shown)
        labels = [w.description for w in app.fields["severance"].values()]
        assert labels == [
            "Monthly wage",
            "Start date",
            "Last day",
            "Avg. monthly wage",
            "Min. wage",
        ]  # the browser test fills these

    def test_double_wage_and_probation(self) -> None:
        """The Chinese tabs give 27,000.00 double wage, and two months' probation with a 4,000.00 floor for 5,000."""
        app = calculators_app("zh", storage_path=None)
        app.set("double_wage", monthly_wage=6000, hire_date="2025-01-15", as_of="2025-06-30")
        assert app.run("double_wage").amount == Decimal("27000.00")
        app.set("probation_limits", contract_term_months=12, contract_wage=5000, min_wage=2500)
        longest = app.run("probation_limits")  # the first outcome: the longest probation
        assert longest.details["months"] == 2  # a one-year contract: at most two months (LCL 19)
        assert "2 个月" in app.outputs["probation_limits"].value and "4,000.00" in app.outputs["probation_limits"].value

    def test_empty_date_is_today_from_the_ui(self) -> None:
        """An empty date field takes today's date, passed in by the UI (the calculators never read the clock)."""
        import datetime as dt

        app = calculators_app("en", storage_path=None)
        app.set("double_wage", monthly_wage=6000, hire_date=(dt.date.today() - dt.timedelta(days=10)).isoformat())
        assert app.run("double_wage").amount == Decimal("0.00")

    def test_choices_and_tick_boxes(self) -> None:
        """An hours system is chosen from a list; a written refusal is a tick box."""
        app = calculators_app("en", storage_path=None)
        app.set("overtime_pay", hourly_wage=40, hours_system="flexible", holiday_hours=8, on="2025-06-30")
        assert app.run("overtime_pay").amount == Decimal("960.00")
        assert app.inputs()["overtime_pay"]["hours_system"] == "flexible"
        app.set("untaken_leave_pay", monthly_wage=6000, days=3, refused_in_writing=True, on="2025-06-30")
        assert app.run("untaken_leave_pay").amount == Decimal("0.00")

    def test_bad_input_message(self) -> None:
        """A negative monthly wage gives no severance, and the calculator's output says it must be a number."""
        app = calculators_app("en", storage_path=None)
        app.set("severance", monthly_wage="-5", start="2022-01-01", end="2024-12-31")
        assert app.run("severance") is None
        assert "must be a number" in app.outputs["severance"].value

    def test_report_of_the_calculations(self) -> None:
        """The report link holds every calculation made: inputs, amount, steps and cited articles."""
        import base64
        import re

        app = calculators_app("en", storage_path=None)
        app.set("severance", monthly_wage=6000, start="2022-01-01", end="2024-12-31", avg_wage=13704, min_wage=2500)
        app.run("severance")
        app.set("probation_limits", contract_term_months=12, contract_wage=5000, min_wage=2500)
        app.run("probation_limits")
        link = re.search(r'href="data:text/html;base64,([^"]+)"', app.report.value)
        report = base64.b64decode(link.group(1)).decode("utf-8")
        for words in ("Labour-law calculations", "Severance", "18,000.00", "2022-01-01", "Longest probation", "2 months",
                      "4,000.00 yuan", 'id="lcl-47"', 'id="lcl-19"', 'id="lcl-ir-15"'):  # fmt: skip
            assert words in report, words

    def test_inputs_survive_a_reload_export_import_and_clear(self, storage: FileStorage) -> None:
        """Inputs and region survive a reload, export, clear and import; a bad import is refused."""
        first = CalculatorsApp("en", storage=storage)
        first.region.value = "guangzhou"
        first.set("overtime_pay", hourly_wage=30, workday_hours=10, on="2025-06-30")
        second = CalculatorsApp("en", storage=storage)
        assert second.region.value == "guangzhou" and second.inputs() == {
            "overtime_pay": {"hourly_wage": "30", "workday_hours": "10", "on": "2025-06-30"}
        }
        assert second.run("overtime_pay").amount == Decimal("450.00")
        exported = second.saved.export_json()
        second.saved.clear_all()
        assert second.inputs() == {} and not storage.path.exists() and second.report.value == ""
        assert second.saved.import_json(exported) and second.inputs()["overtime_pay"]["hourly_wage"] == "30"
        assert not second.saved.import_json("[1, 2]") and "Cannot import" in second.saved.message.value


class TestRegionPicker:
    def test_province_then_city_then_search(self) -> None:
        """The picker: a province, then one of its cities; a search by Chinese name; a value set from outside."""
        from checkups.ui.common import region_dropdown

        picker = region_dropdown("zh")
        assert picker.value == "national" and picker.city.disabled
        picker.province.value = "sichuan"
        assert picker.value == "sichuan" and ("成都市", "chengdu") in picker.city.options
        picker.city.value = "chengdu"
        assert picker.value == "chengdu"
        picker.search.value = "凉山"
        assert (picker.value, picker.province.value, picker.city.value) == ("liangshan", "sichuan", "liangshan")
        picker.value = "guangzhou"
        assert (picker.province.value, picker.city.value) == ("guangdong", "guangzhou")
        assert ("深圳市", "shenzhen") in picker.options and len(picker.options) == 1 + 31 + 333 + 70
