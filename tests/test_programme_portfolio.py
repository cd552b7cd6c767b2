"""The portfolio audit of a folder of client rosters, and the bureau view built on it."""

from __future__ import annotations

import collections
import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from checkups.audit import audit_roster, records_csv
from checkups.cli import main
from checkups.errors import InputError
from checkups.programme import bureau
from checkups.programme.portfolio import CLIENT_COLUMNS, clients_template, portfolio, read_clients
from checkups.programme.portfolio_report import to_html, to_text

SAMPLES = Path(__file__).parents[1] / "samples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three rosters (one with bad rows), a CSV that is not a roster, a text file, a hidden file, and clients.csv naming a missing file."""
    shutil.copy(SAMPLES / "roster.csv", tmp_path / "a.csv")
    shutil.copy(SAMPLES / "roster-zh-gb18030.csv", tmp_path / "b.csv")
    shutil.copy(SAMPLES / "roster-with-errors.csv", tmp_path / "c.csv")
    (tmp_path / "d.csv").write_text("not,a,roster\n1,2,3\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a roster file type: listed as not audited", encoding="utf-8")
    (tmp_path / ".hidden.csv").write_text("a hidden file is not a client's roster", encoding="utf-8")
    (tmp_path / "clients.csv").write_text(
        "文件,客户编号,客户名称,地区\na.csv,K1,甲公司,guangzhou\nb.csv,K2,乙公司,成都\nzz.csv,K9,丙公司,\n", encoding="utf-8"
    )
    return tmp_path


class TestPortfolio:
    def test_every_file_and_row_accounted_for(self, folder: Path) -> None:
        """The JSON names every roster file and clients.csv entry; each audited file has rows == audited + rejected."""
        doc = portfolio(folder, as_of="2025-06-30")
        assert sorted(c["file"] for c in doc["clients"]) == ["a.csv", "b.csv", "c.csv", "d.csv", "notes.txt", "zz.csv"]
        for c in doc["clients"]:
            if c["status"] == "audited":
                assert c["rows"] == c["audited"] + c["rejected"]
            else:
                assert c["reason"]
        t = doc["totals"]
        assert (t["files"], t["audited"], t["failed"]) == (6, 3, 3)
        assert t["rows"] == t["employees"] + t["rejected_rows"]

    def test_rows_match_single_audits(self, folder: Path) -> None:
        """Each client's row gives what the roster audit of that file alone gives, in its clients.csv region."""
        doc = portfolio(folder, as_of="2025-06-30", region="beijing")
        rows = {c["file"]: c for c in doc["clients"]}
        for file, region in (("a.csv", "guangzhou"), ("b.csv", "chengdu"), ("c.csv", "beijing")):
            alone = audit_roster(folder / file, as_of="2025-06-30", region=region)
            assert rows[file]["region"] == region
            assert rows[file]["amount_at_risk"] == alone.summary["amount_at_risk"]
            assert rows[file]["by_severity"] == alone.summary["by_severity"]
            assert rows[file]["employees"] == alone.audited
        assert rows["a.csv"]["client_name"] == "甲公司" and rows["c.csv"]["client_id"] == "c"

    def test_jobs_give_the_same_document(self, folder: Path) -> None:
        """Auditing in two processes gives the same document as one."""
        assert portfolio(folder, as_of="2025-06-30", jobs=2) == portfolio(folder, as_of="2025-06-30", jobs=1)

    def test_totals_add_up(self, folder: Path) -> None:
        """The totals are the sums of the audited clients' rows."""
        doc = portfolio(folder, as_of="2025-06-30")
        done = [c for c in doc["clients"] if c["status"] == "audited"]
        assert doc["totals"]["findings"] == sum(c["findings"] for c in done) == sum(sum(c["by_severity"].values()) for c in done)
        assert sum(doc["totals"]["grades"].values()) == len(done)
        assert doc["totals"]["nearest_deadline"] == min(c["nearest_deadline"]["date"] for c in done if c["nearest_deadline"])

    def test_reports(self, folder: Path) -> None:
        """The text and HTML views list every file, the failed ones with their reason, and the HTML has its charts."""
        doc = portfolio(folder, as_of="2025-06-30")
        text, page = to_text(doc, "zh"), to_html(doc, "en")
        for c in doc["clients"]:
            assert c["file"] in text
        assert "no such roster file" in page and page.count("<svg") == 2

    def test_bad_folder_and_jobs(self, tmp_path: Path) -> None:
        """A missing folder or a jobs count below one is an input error."""
        with pytest.raises(InputError):
            portfolio(tmp_path / "missing", as_of="2025-06-30")
        with pytest.raises(InputError):
            portfolio(tmp_path, as_of="2025-06-30", jobs=0)


class TestClients:
    def test_template_headers_read_back(self, tmp_path: Path) -> None:
        """The clients.csv template, in either language, is read back as an empty list."""
        for lang in ("zh", "en"):
            path = tmp_path / f"c-{lang}.csv"
            path.write_bytes(clients_template(lang) + b"x.csv,,,\n")
            assert read_clients(path) == {"x.csv": {"client_id": None, "client_name": None, "region": None}}
        assert CLIENT_COLUMNS[0].name == "file"

    @pytest.mark.parametrize(
        "text",
        ["client_name\nacme\n", "file,region\na.csv,atlantis\n", "file\na.csv\na.csv\n", "file,client_name\n,acme\n"],
    )
    def test_bad_clients_file(self, text: str, tmp_path: Path) -> None:
        """No file column, an unknown region, a file twice or an empty file name is an input error."""
        path = tmp_path / "clients.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError):
            read_clients(path)


class TestCli:
    def test_portfolio_then_bureau(self, folder: Path, tmp_path: Path) -> None:
        """Two portfolio audits a day apart feed the bureau view: an employee removed from a roster has all findings fixed."""
        first, second = tmp_path / "p1.json", tmp_path / "p2.json"
        assert main(["portfolio", str(folder), "--as-of", "2025-06-30", "--format", "json", "-o", str(first)]) == 0
        fixed = folder / "a.csv"
        text = fixed.read_text(encoding="utf-8").splitlines()
        fixed.write_text("\n".join(line for line in text if not line.startswith("E002,")) + "\n", encoding="utf-8")
        assert (
            main(["portfolio", str(folder), "--as-of", "2025-07-01", "--jobs", "2", "--format", "json", "-o", str(second)]) == 0
        )
        out = tmp_path / "b.json"
        assert main(["bureau", str(second), str(first), "--format", "json", "-o", str(out)]) == 0
        doc = json.loads(out.read_text(encoding="utf-8"))
        docs = [json.loads(p.read_text(encoding="utf-8")) for p in (first, second)]
        before, after = ({tuple(k) for c in d["clients"] if c["file"] == "a.csv" for k in c["keys"]} for d in docs)
        e002 = {k for k in before if k[1] == "E002"}
        row = next(c for c in doc["clients"] if c["client_id"] == "K1")
        assert e002 and e002 <= before - after and row["fixed"] == len(before - after) and row["new"] == len(after - before)
        assert (row["first"], row["last"]) == ("2025-06-30", "2025-07-01")  # by date, whatever the order given
        assert doc["totals"]["enterprises"] == 3 and doc["totals"]["compared"] == 3

    def test_same_day_twice_is_not_a_comparison(self, folder: Path) -> None:
        """The same audit given twice is one audit day: nothing is counted as fixed or moved."""
        doc = json.loads(json.dumps(portfolio(folder, as_of="2025-06-30")))
        totals = bureau.bureau([doc, doc])["totals"]
        assert (totals["compared"], totals["findings_fixed"], totals["grades_moved"]) == (0, 0, {})

    def test_bureau_rejects_other_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not a portfolio or scorecard JSON exits 2 naming the file."""
        bad = tmp_path / "x.json"
        bad.write_text('{"format": "checkups-answers/1"}', encoding="utf-8")
        assert main(["bureau", str(bad)]) == 2
        assert "x.json" in capsys.readouterr().err


class TestBureau:
    def test_grades_and_tiers(self) -> None:
        """A client moving from C to A counts as improved; scorecards are counted by tier with their subsidy, a withheld band apart."""
        row = {"status": "audited", "employees": 1, "amount_at_risk": "0.00"}
        docs = [
            {"format": "checkups-portfolio/1", "agency": "X", "as_of": "2025-01-31",
             "clients": [{**row, "client_id": "K1", "grade": "C", "keys": [["r1", "E1"], ["r2", "E1"]]}]},
            {"format": "checkups-portfolio/1", "agency": "X", "as_of": "2025-06-30",
             "clients": [{**row, "client_id": "K1", "grade": "A", "keys": [["r3", "E2"]]}]},
            {"format": "checkups-scorecard-results/1",
             "agencies": [{"agency": "X", "tier": "full", "subsidy": "1000"}, {"agency": "Y", "tier": {"id": "full"}},
                          {"agency": "Z", "tier": None, "tier_withheld": True}, {"agency": "W", "tier": None}]},
        ]  # fmt: skip
        doc = bureau.bureau(docs)
        t = doc["totals"]
        assert (t["findings_fixed"], t["findings_new"], t["improved"], t["worsened"]) == (2, 1, 1, 0)
        assert t["grades_moved"] == {"C→A": 1}
        assert doc["subsidy_tiers"]["full"]["agencies"] == 2 and doc["subsidy_tiers"]["full"]["subsidy"] == "1000.00"
        assert doc["subsidy_tiers"]["not_eligible"]["names"] == ["Z"] and doc["subsidy_tiers"]["None"]["names"] == ["W"]
        assert "C→A" in bureau.to_text(doc, "zh") and "<svg" in bureau.to_html(doc, "en")

    def test_reads_the_scorecards_own_results(self, tmp_path: Path, run_cli) -> None:
        """The scorecard's JSON, as the command line writes it, gives the bureau view each agency's band."""
        from checkups.programme.scorecard import template_csv

        header = next(csv.reader(io.StringIO(template_csv())))
        rows = [header] + [
            [name] + ["yes" if c.startswith("q_") else points for c in header[1:]] for name, points in (("A", "1"), ("B", "2"))
        ]
        (tmp_path / "agencies.csv").write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
        done = run_cli("scorecard", tmp_path / "agencies.csv", "--format", "json")
        assert done.returncode == 0, done.stderr
        (tmp_path / "scores.json").write_text(done.stdout, encoding="utf-8")
        shown = run_cli("bureau", tmp_path / "scores.json", "--format", "json")
        assert shown.returncode == 0, shown.stderr
        tiers = json.loads(shown.stdout)["subsidy_tiers"]
        scored = json.loads(done.stdout)["agencies"]
        assert {t: v["agencies"] for t, v in tiers.items()} == dict(collections.Counter(a["tier"] for a in scored))
        assert sorted(n for v in tiers.values() for n in v["names"]) == ["A", "B"]


def test_records_roster_in_portfolio(tmp_path: Path) -> None:
    """A roster written from dicts (an employee unsigned past a month) is graded C in its row."""
    (tmp_path / "k.csv").write_bytes(
        records_csv([{"employee_id": "E1", "hire_date": "2025-01-01", "contract_signed_date": None}])
    )
    doc = portfolio(tmp_path, as_of="2025-06-30")
    assert doc["clients"][0]["grade"] == "C" and "contract_unsigned" in doc["clients"][0]["drivers"]


class TestSchemas:
    def test_outputs_validate(self, folder: Path, tmp_path: Path) -> None:
        """The warning, portfolio and bureau JSON outputs validate against their schemas; a broken one does not."""
        import jsonschema

        from checkups.programme.warning import warn_roster
        from checkups.schemas import load

        def check(name: str, doc: dict) -> None:
            jsonschema.Draft202012Validator(load(name), format_checker=jsonschema.FormatChecker()).validate(doc)

        check("warning", json.loads(json.dumps(warn_roster(SAMPLES / "roster.csv", as_of="2025-06-30").as_dict())))
        doc = json.loads(json.dumps(portfolio(folder, as_of="2025-06-30")))
        check("portfolio", doc)
        check("bureau", bureau.bureau([doc, doc]))
        check("clients", [{"file": "a.csv", "client_id": None, "client_name": "甲", "region": "成都"}])
        doc["clients"][0]["rows"] = -1
        with pytest.raises(jsonschema.ValidationError):
            check("portfolio", doc)
