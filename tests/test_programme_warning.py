"""The risk early warning: deadlines ahead, grade from the data, and the iCalendar export."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from checkups.audit import audit_with_roster, records_csv
from checkups.cli import main
from checkups.errors import InputError
from checkups.programme import deadlines as deadlines_mod
from checkups.programme.deadlines import KINDS, deadlines
from checkups.programme.ics import fold, to_ics
from checkups.programme.warning import EarlyWarning, early_warning, grading, warn_roster
from checkups.registry import catalog

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "programme" / "warning.yaml").read_text(encoding="utf-8"))
SAMPLE = Path(__file__).parents[1] / "samples" / "roster.csv"


def _warn_records(records: list[dict], as_of: str) -> EarlyWarning:
    """Grade rows given as dicts, through the same CSV reader as a file."""
    return warn_roster(records_csv(records), as_of=as_of)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict) -> None:
    """Each lawyer-readable case gives exactly its deadlines, grade and drivers."""
    spec = case["warn"]
    w = _warn_records(spec.get("employees") or [spec["employee"]], spec["as_of"])
    got = [[d.kind, d.date] for d in w.deadlines]
    assert got == [[k, d if isinstance(d, dt.date) else dt.date.fromisoformat(d)] for k, d in case["deadlines"]]
    assert w.grade == case["grade"]
    assert sorted(d.id for d in w.drivers) == sorted(case["drivers"])


class TestGrading:
    def test_indicators_name_known_rules_and_deadlines(self) -> None:
        """Every indicator's rules exist and every trigger names a deadline kind (checked on load)."""
        spec = grading()
        assert spec["indicators"] and spec["grades"][-1]["grade"] == "A"
        assert {i["trigger"]["deadline"] for i in spec["indicators"] if i.get("trigger")} <= set(KINDS)

    def test_trigger_figures_match_their_threshold_text(self) -> None:
        """An amber trigger's day count is the number its threshold text states, in both languages."""
        for item in grading()["indicators"]:
            trigger = item.get("trigger")
            if trigger:
                n = str(trigger.get("from_start_day", trigger.get("days_before")))
                assert n in item["threshold"]["zh"] and n in item["threshold"]["en"], item["id"]

    def test_every_deadline_kind_has_texts(self) -> None:
        """Each deadline kind has a bilingual summary and description and cites registry articles."""
        texts = deadlines_mod.deadline_texts()
        assert set(texts) == set(KINDS)
        laws = catalog()["laws"]
        for kind in KINDS:
            for c in texts[kind]["citations"]:
                assert c["article"] in laws[c["law"]]["articles"]

    def test_red_beats_amber(self) -> None:
        """A red indicator gives C even when amber ones are also reached."""
        w = _warn_records(
            [
                {"employee_id": "R1", "hire_date": "2025-01-01", "contract_signed_date": None},
                {
                    "employee_id": "R2",
                    "hire_date": "2024-07-01",
                    "contract_signed_date": "2024-07-01",
                    "contract_term_months": 12,
                },
            ],
            "2025-06-15",
        )
        assert w.grade == "C"
        assert [d.level for d in w.drivers][:2] == ["red", "amber"]

    def test_audit_date_required(self) -> None:
        """The warning never takes the day from the clock: without an audit date it is an input error."""
        with pytest.raises(InputError, match="as_of"):
            warn_roster(SAMPLE)


def _unfold(data: bytes) -> list[str]:
    """RFC 5545 3.1: every line ends in CRLF, holds at most 75 octets, continuations start with a space."""
    assert data.endswith(b"\r\n")
    raw = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in raw)
    assert b"\n" not in b"".join(raw) and b"\r" not in b"".join(raw)
    lines: list[str] = []
    for line in raw:
        text = line.decode("utf-8")  # each physical line is valid UTF-8: no character split
        if text.startswith(" "):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse_ics(data: bytes) -> list[dict[str, str]]:
    """A strict small parser: one VCALENDAR of VEVENTs with the properties a phone needs."""
    lines = _unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    events, current = [], None
    for line in lines[1:-1]:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            for key in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION"):
                assert key in current, key
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice"
            current[name] = _unescape(value) if name in ("SUMMARY", "DESCRIPTION") else value
    assert current is None
    return events


class TestIcs:
    def test_every_deadline_is_an_event(self) -> None:
        """The sample roster's calendar parses back and holds every deadline, with its date, summary and basis."""
        w = warn_roster(SAMPLE, as_of="2025-06-30", region="guangzhou")
        assert len(w.deadlines) > 5
        for lang in ("zh", "en"):
            events = parse_ics(to_ics(w.deadlines, w.audit.as_of, lang, "甲公司"))
            assert len(events) == len(w.deadlines)
            assert len({e["UID"] for e in events}) == len(events)
            for d, e in zip(w.deadlines, events, strict=True):
                assert e["DTSTART;VALUE=DATE"] == d.date.strftime("%Y%m%d")
                assert e["DTEND;VALUE=DATE"] == (d.date + dt.timedelta(days=1)).strftime("%Y%m%d")
                assert e["DTSTAMP"] == "20250630T000000Z"
                assert e["SUMMARY"].startswith(d.summary.get(lang))
                assert d.description.get(lang) in e["DESCRIPTION"]
                assert all(c.label(lang) in e["DESCRIPTION"] for c in d.citations)
                assert lang == "en" or not any(str(c) in e["DESCRIPTION"] for c in d.citations)  # no raw codes

    def test_no_method(self) -> None:
        """The file is for import, not an iTIP message: it carries no METHOD property."""
        w = warn_roster(SAMPLE, as_of="2025-06-30")
        assert not any(line.startswith("METHOD") for line in _unfold(to_ics(w.deadlines, w.audit.as_of, "zh")))

    def test_same_audit_same_file(self) -> None:
        """Two exports of the same audit are byte for byte the same (no clock, stable UIDs)."""
        w = warn_roster(SAMPLE, as_of="2025-06-30")
        assert to_ics(w.deadlines, w.audit.as_of, "zh") == to_ics(w.deadlines, w.audit.as_of, "zh")

    @pytest.mark.parametrize("text", ["a" * 200, "汉" * 80, "a" + "汉" * 40, "é" * 100, "x;y,z\\w"])
    def test_fold_keeps_characters_whole(self, text: str) -> None:
        """Folding at 75 octets never splits a UTF-8 character and unfolds to the same text."""
        folded = fold("DESCRIPTION:" + text).encode("utf-8") + b"\r\n"
        assert _unfold(folded) == ["DESCRIPTION:" + text]

    def test_special_characters_escaped(self) -> None:
        """An employee name with a comma, semicolon or backslash survives the round trip."""
        w = _warn_records(
            [{"employee_id": "E1", "name": "王,五;\\x", "hire_date": "2025-06-20", "contract_signed_date": None}], "2025-06-30"
        )
        events = parse_ics(to_ics(w.deadlines, w.audit.as_of, "zh"))
        assert events and "王,五;\\x" in events[0]["SUMMARY"]


class TestCli:
    def test_ics_to_file(self, tmp_path: Path) -> None:
        """``warn --format ics -o FILE`` writes a calendar holding every deadline of the JSON output."""
        out = tmp_path / "d.ics"
        assert main(["warn", str(SAMPLE), "--as-of", "2025-06-30", "--format", "ics", "-o", str(out)]) == 0
        js = tmp_path / "d.json"
        assert main(["warn", str(SAMPLE), "--as-of", "2025-06-30", "--format", "json", "-o", str(js)]) == 0
        doc = json.loads(js.read_text(encoding="utf-8"))
        events = parse_ics(out.read_bytes())
        assert [e["DTSTART;VALUE=DATE"] for e in events] == [d["date"].replace("-", "") for d in doc["deadlines"]]

    def test_no_deadline_no_calendar(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With no deadline ahead the command says so, exits 0 and writes no calendar file."""
        roster = tmp_path / "r.csv"
        roster.write_bytes(records_csv([{"employee_id": "E1", "hire_date": "2025-01-01", "contract_signed_date": "2025-01-01"}]))
        out = tmp_path / "d.ics"
        assert main(["warn", str(roster), "--as-of", "2025-06-30", "--format", "ics", "-o", str(out), "--lang", "en"]) == 0
        assert not out.exists() and "No deadline ahead" in capsys.readouterr().err

    def test_as_of_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without an audit date the command exits 2 with a one-line reason (the tool never reads the clock)."""
        assert main(["warn", str(SAMPLE)]) == 2
        assert "--as-of" in capsys.readouterr().err

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing roster exits 2 with its reason, no traceback."""
        assert main(["warn", "no-such.csv", "--as-of", "2025-06-30"]) == 2
        assert "no such file" in capsys.readouterr().err


def test_drivers_account_for_every_finding() -> None:
    """Every employee with a finding appears under a driver, and amber drivers come only from deadlines."""
    audit, roster, ctx = audit_with_roster(SAMPLE, as_of="2025-06-30")
    w = early_warning(audit, deadlines(roster, ctx))
    named = {e for d in w.drivers if d.level != "amber" for e in d.employees}
    assert named == {f.employee_id for f in audit.findings}
    ahead = {d.employee_id for d in w.deadlines}
    assert {e for d in w.drivers if d.level == "amber" for e in d.employees} <= ahead


def test_text_and_page_views() -> None:
    """The terminal text and the printable page show the grade, each warning's level in words and every deadline."""
    from checkups.programme.warning_report import to_html, to_text

    w = warn_roster(SAMPLE, as_of="2025-06-30", region="guangzhou")
    text, page = to_text(w, "zh"), to_html(w, "en")
    assert f"风险等级: {w.grade}" in text and "[红色预警]" in text and "[黄色预警]" in text
    for d in w.deadlines:
        assert f"{d.date}  {d.summary.get('zh')}" in text
        assert d.date.isoformat() in page
    assert f'data-grade="{w.grade}"' in page


@pytest.mark.parametrize("column", ["contract_signed_date", "social_insurance_date", "housing_fund_date"])
def test_deadline_names_both_counts(column: str) -> None:
    """A deadline to sign or register is dated the earlier count's day and its description names both last days."""
    record = {"employee_id": "E1", "hire_date": "2025-06-01", "contract_signed_date": "2025-06-01", column: None}
    w = _warn_records([record], "2025-06-20")
    (d,) = [d for d in w.deadlines if d.kind != "contract_expiry"]
    assert d.date == dt.date(2025, 6, 30)  # Civil Code: 07-01; the hire day counted: 06-30
    for lang in ("zh", "en"):
        text = d.description.get(lang)
        assert "2025-07-01" in text and "2025-06-30" in text
    assert "2025-07-01" in to_ics(w.deadlines, w.audit.as_of, "en").decode("utf-8").replace("\r\n ", "")


class TestNothingAudited:
    BAD = b"employee_id,hire_date\nE1,2025-02-30\nE2,\n"

    def test_no_grade(self) -> None:
        """A roster none of whose rows could be audited is not graded (an A would say it is in order)."""
        w = warn_roster(self.BAD, as_of="2025-06-30")
        assert w.audit.audited == 0 and w.grade is None
        doc = w.as_dict()
        assert doc["grade"] is None and "not graded" in doc["grade_text"]["en"].lower()
        assert [(e["row"], e["column"]) for e in doc["errors"]] == [(2, "hire_date"), (3, "hire_date")]

    def test_one_good_row_is_graded(self) -> None:
        """With one row audited beside the bad ones the roster is graded as usual."""
        w = warn_roster(self.BAD + b"E3,2025-06-01\n", as_of="2025-06-30")
        assert w.audit.audited == 1 and w.grade == "A"

    def test_reports_list_rejected_rows(self) -> None:
        """The text and the page list every rejected row with its line, column and reason, in plain words."""
        from checkups.programme.warning_report import to_html, to_text

        w = warn_roster(SAMPLE.with_name("roster-with-errors.csv"), as_of="2025-06-30")
        assert len(w.audit.errors) > 3
        text, page = to_text(w, "zh"), to_html(w, "en")
        assert "未能检查的行" in text and "Rows that could not be audited" in page
        for e in w.audit.errors:
            assert f"行 {e.row}, " in text and f"<td>{e.row}</td>" in page
        bad = warn_roster(self.BAD, as_of="2025-06-30")
        assert 'data-grade="none"' in to_html(bad, "zh") and "未评级" in to_text(bad, "zh")


def test_citations_by_name_linked_and_quoted() -> None:
    """Reports name each citation as a reader does, the page links it, and every warning's and deadline's article is quoted at the end."""
    from checkups.programme.warning_report import to_html, to_text

    w = warn_roster(SAMPLE, as_of="2025-06-30", region="guangzhou")
    cited = {c for d in (*w.drivers, *w.deadlines) for c in d.citations}
    assert {c for d in w.drivers for c in d.citations} - {c for d in w.deadlines for c in d.citations}  # drivers add some
    text, page = to_text(w, "zh"), to_html(w, "zh")
    assert "LCL 10" not in text and "《劳动合同法》" in text
    for c in cited:
        assert f'<a href="#{c.anchor}">{c.label("zh")}</a>' in page
        assert f'<li id="{c.anchor}">' in page
