"""The open formats: every JSON the command line and the check-ups write validates against its
schema in ``checkups/schemas/``, the schemas are valid draft 2020-12 and fresh, they reject
what is not the format, and the roster schema agrees with the roster reader."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import openpyxl
import pytest
from test_cases import CASES, DEFAULT_AS_OF

from checkups import calc, cli, schemas
from checkups.audit import audit_records, audit_roster
from checkups.columns import CHOICES, COLUMNS, MEASURES, REQUIRED
from checkups.errors import UnknownNameError
from checkups.evaluate import evaluate, questions
from checkups.registry import rules
from checkups.roster import RosterError, read_roster
from checkups.templates import header, template_bytes, template_csv, template_xlsx
from checkups.timeline import FIRST_DAY, LAST_DAY
from checkups.ui import CalculatorsApp, FileStorage, QuestionnaireApp, RosterApp

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.csv"))
V = jsonschema.Draft202012Validator


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    return V(schemas.load(name), format_checker=V.FORMAT_CHECKER)


def problems(name: str, document: Any) -> list[str]:
    """What is wrong with ``document`` as a ``name`` document (empty: it is valid)."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in validator(name).iter_errors(document)]


def assert_valid(name: str, document: Any) -> None:
    found = problems(name, document)
    assert not found, "\n".join(found[:10])


def assert_references(document: dict[str, Any]) -> None:
    """What a schema cannot say: each finding's rule is under rules, each figure key under figures."""
    for f in document["findings"]:
        assert f["rule"] in document["rules"], f["rule"]
        assert set(f["trace"]["parameters"]) <= set(document["figures"]), f["trace"]["parameters"]
    assert set(document["rules"]) == {f["rule"] for f in document["findings"]}


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Run ``python -m checkups`` in this process; its standard output read as JSON."""
    assert cli.main(list(argv)) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def rendered(result: Any) -> Any:
    """An audit or evaluation as ``--format json`` writes it (the command line's own renderer)."""
    return json.loads("".join(cli._render(result, "json", "zh")))


class TestSchemaFiles:
    @pytest.mark.parametrize("name", schemas.names())
    def test_each_schema_is_valid_draft_2020_12(self, name: str) -> None:
        """Each shipped schema is itself a valid draft 2020-12 schema and declares that draft."""
        schema = schemas.load(name)
        V.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"{name}.schema.json"

    def test_schemas_are_fresh(self) -> None:
        """The committed schemas are exactly what the package's definitions give now (run scripts/compile_data.py)."""
        import compile_schemas

        files = compile_schemas.render()
        assert sorted(files) == sorted(f"{n}.schema.json" for n in schemas.names())
        for name, text in files.items():
            assert (compile_schemas.SCHEMAS / name).read_text(encoding="utf-8") == text, f"{name} is stale"

    def test_unknown_schema_is_a_clear_error(self) -> None:
        """Asking for a schema that is not shipped names the ones that are."""
        with pytest.raises(UnknownNameError, match=r"unknown schema .audits.*audit"):
            schemas.load("audits")


class TestCommandLine:
    @pytest.mark.parametrize("region", [None, "guangzhou", "beijing"])
    @pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
    def test_audit_json_of_every_sample(self, capsys, sample: Path, region: str | None) -> None:
        """``audit --format json`` of each shipped sample, with and without a region, validates."""
        argv = ["audit", str(sample), "--as-of", "2025-06-30", "--format", "json"] + (["--region", region] if region else [])
        document = cli_json(capsys, *argv)
        assert_valid("audit", document)
        assert_references(document)
        assert document["findings"] and document["rows"] == document["audited"] + len({e["row"] for e in document["errors"]})

    def test_audit_json_of_an_xlsx_roster(self, capsys, tmp_path: Path) -> None:
        """The JSON of an .xlsx roster (a workbook of several sheets) validates."""
        book = openpyxl.Workbook()
        book.active.title = "notes"
        sheet = book.create_sheet("roster")
        for row in csv.reader(io.StringIO((ROOT / "samples/roster.csv").read_text(encoding="utf-8-sig"))):
            sheet.append(row)
        book.save(tmp_path / "roster.xlsx")
        document = cli_json(capsys, "audit", str(tmp_path / "roster.xlsx"), "--as-of", "2025-06-30", "--format", "json")
        assert_valid("audit", document)
        assert any("roster" in n["en"] for n in document["notices"])

    def test_evaluate_json(self, capsys, tmp_path: Path) -> None:
        """``evaluate --format json`` validates, for a saved answers file with bad and unknown answers and a region."""
        answers = {"headcount": "12", "insurance_all_staff_registered": False, "insurance_unpaid_contributions": "1,000"}
        answers |= {"has_part_time": "maybe", "no_such_question": True}
        path = tmp_path / "answers.json"
        path.write_text(json.dumps({"format": "checkups-answers/1", "answers": answers, "settings": {}}), encoding="utf-8")
        document = cli_json(capsys, "evaluate", str(path), "--as-of", "2025-06-30", "--region", "guangzhou", "--format", "json")
        assert_valid("evaluation", document)
        assert_references(document)
        assert document["findings"] and document["errors"] and document["unknown"] == ["no_such_question"]

    #: one command line per calculator of the registry (a test checks that none is missing)
    EXAMPLES: ClassVar[dict[str, list[str]]] = {
        "severance": ["8000", "2019-03-01", "2025-06-30", "--region", "guangzhou"],
        "unlawful_termination": ["8000", "2019-03-01", "2025-06-30", "--avg-wage", "13704", "--min-wage", "2500"],
        "double_wage": ["6000", "2025-01-15", "--as-of", "2025-06-30"],
        "overtime_pay": ["34.48", "--workday-hours", "20", "--rest-day-hours", "8", "--on", "2025-06-30"],
        "all_in_wage": ["3000", "--workday-hours", "30", "--region", "guangzhou", "--on", "2025-06-30"],
        "leave_entitlement": ["12", "--joined", "2025-04-01", "--on", "2025-12-31"],
        "untaken_leave_pay": ["6000", "3", "--on", "2025-12-31"],
        "probation_limits": ["36", "--contract-wage", "5000", "--region", "guangzhou", "--on", "2025-06-30"],
        "social_insurance_arrears": ["10000", "2025-01-15", "--on", "2025-03-01"],
        "annual_leave_days": ["12", "--on", "2025-06-30"],
        "max_probation_months": ["open-ended", "--on", "2025-06-30"],
        "min_probation_wage": ["5000", "--min-wage", "2500", "--on", "2025-06-30"],
    }

    def test_every_calculator_has_an_example(self) -> None:
        """The examples below name every calculator of the registry, and nothing else."""
        assert sorted(self.EXAMPLES) == sorted(c.name for c in calc.CALCULATORS)

    @pytest.mark.parametrize("name", sorted(EXAMPLES))
    def test_calc_json(self, capsys, name: str) -> None:
        """``calc NAME --format json`` validates for every calculator of the registry."""
        assert_valid("calc", cli_json(capsys, "calc", name, *self.EXAMPLES[name], "--format", "json"))

    @pytest.mark.parametrize(
        "argv",
        [
            ["figures", "--on", "2025-01-01"],
            ["figures", "--region", "chengdu", "--on", "2025-01-01"],
            ["figures", "minimum_wage.monthly", "--region", "凉山", "--on", "2026-12-01"],
            ["rules"],
            ["rules", "--scope", "company"],
            ["rules", "--scope", "employee", "--area", "contracts"],
        ],
        ids=" ".join,
    )
    def test_figures_and_rules_json(self, capsys, argv: list[str]) -> None:
        """``figures`` and ``rules`` with ``--format json`` validate (and list something)."""
        document = cli_json(capsys, *argv, "--format", "json")
        assert document
        assert_valid(argv[0], document)


class TestScenarioCases:
    """Every scenario case of tests/cases rendered as the command line renders it."""

    def test_every_evaluate_case(self) -> None:
        """The JSON of every questionnaire case validates."""
        cases = [c["evaluate"] for _, c in CASES if "evaluate" in c]
        for spec in cases:
            result = evaluate(spec.get("answers") or {}, as_of=spec.get("as_of", DEFAULT_AS_OF), region=spec.get("region"))
            document = rendered(result)
            assert_valid("evaluation", document)
            assert_references(document)
        assert len(cases) > 100

    def test_every_audit_case(self) -> None:
        """The JSON of every roster case validates, rejected rows included."""
        cases = [c["audit"] for _, c in CASES if "audit" in c]
        for spec in cases:
            options = {k: spec[k] for k in ("region", "min_wage") if k in spec}
            employees = spec.get("employees") or [spec["employee"]]
            document = rendered(audit_records(employees, as_of=spec.get("as_of", DEFAULT_AS_OF), **options))
            assert_valid("audit", document)
            assert_references(document)
        assert len(cases) > 100

    def test_every_calculator_case(self) -> None:
        """The JSON of every case of a calculator of the registry validates (other cases test helpers)."""
        names = {c.name for c in calc.CALCULATORS}
        cases = [c for _, c in CASES if c.get("calc") in names]
        for case in cases:
            result = getattr(calc, case["calc"])(*case.get("args", []), **case.get("kwargs", {}))
            assert_valid("calc", json.loads(cli.calc_json(calc.find(case["calc"]), result)))
        assert len(cases) > 50 and {"severance", "double_wage", "overtime_pay", "annual_leave_days"} <= {c["calc"] for c in cases}


def _filled(f: calc.Field) -> Any:
    """A value for a calculator field as a user would type or pick it."""
    typed = {"money": "5000", "number": "3", "date": "2025-06-30", "term": "36"}
    return True if f.kind == "bool" else f.choices[-1][0] if f.kind == "choice" else typed[f.kind]


class TestCheckupExports:
    """The saved documents of the check-ups (``checkups-<kind>/1``), exported and kept in storage."""

    def test_questionnaire_answers(self, tmp_path: Path) -> None:
        """The questionnaire's export validates, empty, then with every case's answers as typed."""
        storage = FileStorage(tmp_path / "answers.json")
        app = QuestionnaireApp("en", storage=storage, as_of=DEFAULT_AS_OF)
        assert_valid("saved", json.loads(app.export_json()))
        known = questions()
        for answers in [c["evaluate"].get("answers") or {} for _, c in CASES if "evaluate" in c][::5]:
            app.set_answers({qid: None for qid in known})
            app.set_answers(answers)
            app.saved.save()
            exported = json.loads(app.export_json())
            assert exported["answers"] and exported["format"] == "checkups-answers/1"
            assert_valid("saved", exported)
            assert_valid("saved", storage.load())

    def test_roster_audit(self, tmp_path: Path) -> None:
        """The roster audit's export validates, before and after auditing each sample."""
        app = RosterApp("zh", storage=FileStorage(tmp_path / "roster.json"), as_of=DEFAULT_AS_OF)
        assert_valid("saved", json.loads(app.saved.export_json()))
        app.min_wage.value = "2500"
        for sample in SAMPLES:
            assert app.audit(sample.read_bytes(), sample.name) is not None
            exported = json.loads(app.saved.export_json())
            assert exported["answers"]["roster"]["name"] == sample.name
            assert_valid("saved", exported)

    def test_calculators(self, tmp_path: Path) -> None:
        """The calculators' export validates with every field of every calculator filled in."""
        app = CalculatorsApp("en", storage=FileStorage(tmp_path / "calculators.json"))
        assert_valid("saved", json.loads(app.saved.export_json()))
        for name, spec in app.specs.items():
            app.set(name, **{f.name: _filled(f) for f in spec.fields})
        exported = json.loads(app.saved.export_json())
        assert sorted(exported["answers"]) == sorted(app.specs)
        assert_valid("saved", exported)


def _audit_document() -> dict[str, Any]:
    return rendered(audit_roster(ROOT / "samples/roster-with-errors.csv", as_of=DEFAULT_AS_OF, region="guangzhou"))


def _parent(document: Any, path: str) -> tuple[Any, Any]:
    """The container of the item at ``path`` (keys and indexes joined by /) and its key there."""
    *parents, last = [int(p) if p.isdigit() else p for p in path.split("/")]
    for key in parents:
        document = document[key]
    return document, last


def _set(path: str, value: Any) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        parent, key = _parent(document, path)
        parent[key] = value

    return change


def _drop(path: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        parent, key = _parent(document, path)
        del parent[key]

    return change


COMPANY_RULE = rules(scope="company")[0].id
BOOL_QUESTION = next(qid for qid, q in questions().items() if q["type"] == "bool")
REJECTED = [
    ("audit", _set("findings/0/rule", COMPANY_RULE), "findings/0/rule"),
    ("audit", _set("findings/0/amount", 48596.67), "findings/0/amount"),
    ("audit", _set("as_of", (LAST_DAY + dt.timedelta(days=1)).isoformat()), "as_of"),
    ("audit", _set("as_of", "2025-02-30"), "as_of"),
    ("audit", _set("surprise", 1), ""),
    ("audit", _drop("summary/by_severity/high"), "summary/by_severity"),
    ("audit", _set("findings/0/trace/parameters/0", "minimum wage"), "findings/0/trace/parameters/0"),
    ("audit", _set("errors/0/row", 1), "errors/0/row"),
    ("saved", _set("format", "checkups-answers/2"), "format"),
    ("saved", _set("answers/no_such_question", True), "answers"),
    ("saved", _set(f"answers/{BOOL_QUESTION}", "yes"), f"answers/{BOOL_QUESTION}"),
    ("saved", _set("settings/as_of", "30/06/2025"), "settings/as_of"),
    ("calc", _set("amount", "-1"), ""),
    ("calc", _set("citations/0", "Labour Contract Law 47"), ""),
]


@pytest.mark.parametrize(("name", "change", "where"), REJECTED, ids=[f"{n}:{i}" for i, (n, _, _) in enumerate(REJECTED)])
def test_a_document_that_breaks_the_format_is_rejected(name: str, change: Callable[[Any], None], where: str) -> None:
    """A valid document changed in one place no longer validates (the validation can fail)."""
    valid = {
        "audit": _audit_document,
        "saved": lambda: {
            "format": "checkups-answers/1",
            "answers": {BOOL_QUESTION: True},
            "settings": {"region": "national", "as_of": None},
        },
        "calc": lambda: json.loads(
            cli.calc_json(calc.find("severance"), calc.severance(6000, "2022-01-01", "2024-12-31", avg_wage=13704, min_wage=2500))
        ),
    }[name]()
    assert_valid(name, valid)
    broken = copy.deepcopy(valid)
    change(broken)
    found = problems(name, broken)
    assert found and any(p.startswith(where) for p in found), found


class TestRosterSchema:
    """The roster schema says what the roster reader accepts, cell by cell."""

    @staticmethod
    def plain(value: Any, column: str) -> Any:
        """A value read by the package in its plain JSON form."""
        kind = COLUMNS[column].kind
        if value is None or kind in ("text", "choice", "bool"):
            return value
        if kind == "date":
            return dt.date.fromordinal(value).isoformat()
        return int(value) if MEASURES[COLUMNS[column].measure].whole else float(value)

    @pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
    def test_the_rows_the_reader_accepts_validate(self, sample: Path) -> None:
        """Each audited row of a shipped sample, as JSON, is a valid roster row."""
        roster = read_roster(sample)
        rows = [{name: self.plain(values[i], name) for name, values in roster.columns.items()} for i in range(roster.audited)]
        assert rows
        assert_valid("roster", rows)

    def test_templates_columns_are_the_schemas(self) -> None:
        """The schema's row has every column of checkups/columns.py, with its Chinese header, and requires the required ones."""
        row = schemas.load("roster")["$defs"]["row"]
        assert row["required"] == list(REQUIRED)
        assert {name: p["x-header-zh"] for name, p in row["properties"].items()} == {n: c.zh for n, c in COLUMNS.items()}

    @staticmethod
    def bounds() -> list[tuple[str, Any, str, bool]]:
        """(column, JSON value, CSV cell, valid?) on both sides of each bound, read from the package's definitions."""
        out: list[tuple[str, Any, str, bool]] = []
        for name, column in COLUMNS.items():
            if column.kind != "number":
                continue
            spec = MEASURES[column.measure]
            step = Decimal(1) if spec.whole else Decimal("0.01")
            for value, ok in ((Decimal(0), True), (spec.maximum, True), (spec.maximum + step, False), (Decimal(-1), False)):
                out.append((name, int(value) if spec.whole else float(value), str(value), ok))
            if spec.whole:
                out.append((name, 0.5, "0.5", False))
            else:
                out.append(
                    (
                        name,
                        5000.005 if column.measure == "money" else 1.005,
                        "5000.005" if column.measure == "money" else "1.005",
                        True,
                    )
                )
        day = dt.timedelta(days=1)
        for value, ok in ((FIRST_DAY, True), (FIRST_DAY - day, False), (LAST_DAY, True), (LAST_DAY + day, False)):
            out.append(("contract_signed_date", value.isoformat(), value.isoformat(), ok))
        out.append(("contract_signed_date", "2025-02-30", "2025-02-30", False))
        for name, accepted in CHOICES.items():
            out += [(name, code, code, True) for code in sorted(set(accepted.values()))]
            out.append((name, "contractor", "contractor", False))
        out += [("receives_pension", True, "yes", True), ("receives_pension", False, "否", True)]
        out += [("employee_id", " ", " ", False), ("name", "", "", True)]
        return out

    @pytest.mark.parametrize(("column", "value", "cell", "ok"), bounds(), ids=lambda v: str(v))
    def test_schema_and_reader_agree(self, column: str, value: Any, cell: str, ok: bool) -> None:
        """A cell the reader refuses is refused by the schema too, and one it takes is valid."""
        base = {"employee_id": "E1", "hire_date": "2020-01-01"}
        row = {**base, column: value}
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(list(row))
        writer.writerow(list({**base, column: cell}.values()))
        read = read_roster(text.getvalue().encode("utf-8"))
        assert (not read.errors, not problems("roster", [row])) == (ok, ok), (read.errors, problems("roster", [row]))

    def test_a_missing_required_column_is_refused(self) -> None:
        """A row without a hire date is not a valid roster row, and an empty roster is not a roster."""
        assert problems("roster", [{"employee_id": "E1"}])
        assert problems("roster", [])


class TestTemplates:
    """The roster templates (site downloads and the roster check-up's links) are rosters the audit reads."""

    @staticmethod
    def files(lang: str) -> dict[str, bytes]:
        return {f"roster-template-{lang}.csv": template_bytes(lang), f"roster-template-{lang}.xlsx": template_xlsx(lang)}

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_an_empty_template_is_a_header_without_rows(self, lang: str, tmp_path: Path) -> None:
        """Each empty template has every column's header, and reading it says there are no data rows yet."""
        for name, data in self.files(lang).items():
            (tmp_path / name).write_bytes(data)
            with pytest.raises(RosterError, match="no data rows"):
                read_roster(tmp_path / name)
        assert template_csv(lang).strip().split(",") == header(lang) == [c.zh if lang == "zh" else n for n, c in COLUMNS.items()]

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_a_filled_template_is_audited_with_every_column(self, lang: str, tmp_path: Path) -> None:
        """One employee typed into each template is audited, every column recognised and none ignored."""
        row = {"employee_id": "E1", "hire_date": "2025-01-15", "monthly_wage": "6000"}
        cells = [row.get(name, "") for name in COLUMNS]
        (tmp_path / "filled.csv").write_text(template_csv(lang) + ",".join(cells) + "\n", encoding="utf-8")
        book = openpyxl.load_workbook(io.BytesIO(template_xlsx(lang)))
        book.active.append(cells)
        book.save(tmp_path / "filled.xlsx")
        for name in ("filled.csv", "filled.xlsx"):
            roster = read_roster(tmp_path / name)
            assert (roster.rows, roster.audited, roster.ignored) == (1, 1, ()), name
            assert roster.present == frozenset(COLUMNS), name

    def test_the_roster_checkup_offers_the_templates(self) -> None:
        """The roster check-up links the CSV templates in both languages and the Excel one in its own."""
        links = "".join(getattr(child, "value", "") for child in RosterApp("zh").widget.children)
        for name in ("roster-template-zh.csv", "roster-template-en.csv", "roster-template-zh.xlsx"):
            assert f'download="{name}"' in links
