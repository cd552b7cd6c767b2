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
    (tmp_path / "notes.txt").write_text(
        "a .txt is read as CSV: this one is not a roster, so it fails with its reason", encoding="utf-8"
    )
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

    def test_folder_txt_and_unexpected_failure(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A .txt roster is audited as the page does, a subfolder is named as skipped, and an unexpected error fails one file only (with --jobs too)."""
        from checkups.programme import portfolio as module

        shutil.copy(SAMPLES / "roster.csv", tmp_path / "a.txt")
        shutil.copy(SAMPLES / "roster.csv", tmp_path / "boom.csv")
        shutil.copy(SAMPLES / "roster.csv", tmp_path / "c.csv")
        (tmp_path / "old").mkdir()
        real = module.warn_roster

        def flaky(source, **options):
            if str(source).endswith("boom.csv"):
                raise RuntimeError("an unexpected bug")
            return real(source, **options)

        monkeypatch.setattr(module, "warn_roster", flaky)
        for jobs in (1, 2):  # the processes are forked: they see the patched function
            doc = portfolio(tmp_path, as_of="2025-06-30", jobs=jobs)
            rows = {c["file"]: c for c in doc["clients"]}
            assert [rows[f]["status"] for f in ("a.txt", "boom.csv", "c.csv", "old")] == [
                "audited",
                "failed",
                "audited",
                "skipped",
            ]
            assert "unexpected problem" in rows["boom.csv"]["reason"] and "RuntimeError" in rows["boom.csv"]["reason"]
            assert rows["old"]["reason"].startswith("a folder, not a roster")
            t = doc["totals"]
            assert (t["files"], t["audited"], t["failed"], t["skipped"]) == (4, 2, 1, 1)
        import jsonschema

        from checkups.schemas import load

        jsonschema.Draft202012Validator(load("portfolio")).validate(json.loads(json.dumps(doc)))

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


GOOD_PORTFOLIO = {
    "format": "checkups-portfolio-results/1", "agency": "X", "as_of": "2025-06-30",
    "clients": [{"status": "audited", "client_id": "K1", "grade": "A", "employees": 1, "amount_at_risk": "0.00", "keys": []}],
}  # fmt: skip
BROKEN = [
    {k: v for k, v in GOOD_PORTFOLIO.items() if k != "clients"},
    {k: v for k, v in GOOD_PORTFOLIO.items() if k != "agency"},
    {**GOOD_PORTFOLIO, "as_of": 20250630},
    {**GOOD_PORTFOLIO, "clients": {"K1": {}}},
    {**GOOD_PORTFOLIO, "clients": [{"status": "audited"}]},
    {**GOOD_PORTFOLIO, "clients": [{**GOOD_PORTFOLIO["clients"][0], "amount_at_risk": None}]},
    {**GOOD_PORTFOLIO, "clients": [{**GOOD_PORTFOLIO["clients"][0], "keys": [["r1"]]}]},
    {**GOOD_PORTFOLIO, "clients": [{**GOOD_PORTFOLIO["clients"][0], "employees": "3"}]},
    {"format": "checkups-scorecard-results/1"},
    {"format": "checkups-scorecard-results/1", "agencies": [{"agency": "A", "tier": 3}]},
    {"format": "checkups-scorecard-results/1", "agencies": [{"agency": "A", "subsidy": "lots"}]},
    {"format": "checkups-scorecard-results/1", "agencies": [], "tiers": ["full"]},
]


class TestBureauInput:
    def test_good_document_parses(self) -> None:
        """A document of the right shape is read and totalled."""
        doc = bureau.parse(json.dumps(GOOD_PORTFOLIO).encode(), "p.json")
        assert bureau.bureau([doc])["totals"]["enterprises"] == 1

    def test_results_exported_under_their_first_name_are_read(self) -> None:
        """Portfolio results exported as checkups-portfolio/1 (their name before the tool page's saved form took it) are totalled."""
        doc = bureau.parse(json.dumps({**GOOD_PORTFOLIO, "format": "checkups-portfolio/1"}).encode(), "p.json")
        assert doc["format"] == "checkups-portfolio-results/1"
        assert bureau.bureau([doc])["totals"]["enterprises"] == 1

    def test_the_portfolio_pages_saved_form_is_not_results(self) -> None:
        """The portfolio page's saved form (checkups-portfolio/1 with answers) is refused, naming the file and the formats read."""
        saved = {"format": "checkups-portfolio/1", "answers": {"agency": "X"}, "settings": {"as_of": "2025-06-30"}}
        with pytest.raises(InputError, match=r"p\.json.*checkups-portfolio-results/1"):
            bureau.parse(json.dumps(saved).encode(), "p.json")

    @pytest.mark.parametrize("doc", BROKEN, ids=range(len(BROKEN)))
    def test_wrong_shape_is_an_input_error(self, doc: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A document of the right format with missing or wrong keys is an input error naming the file, never an internal error."""
        with pytest.raises(InputError, match=r"p\.json"):
            bureau.parse(json.dumps(doc).encode(), "p.json")
        (tmp_path / "p.json").write_text(json.dumps(doc), encoding="utf-8")
        assert main(["bureau", str(tmp_path / "p.json")]) == 2
        assert "p.json" in capsys.readouterr().err


class TestBureau:
    def test_grades_and_tiers(self) -> None:
        """A client moving from C to A counts as improved; scorecards are counted by tier with their subsidy, a withheld band apart."""
        row = {"status": "audited", "employees": 1, "amount_at_risk": "0.00"}
        docs = [
            {"format": "checkups-portfolio-results/1", "agency": "X", "as_of": "2025-01-31",
             "clients": [{**row, "client_id": "K1", "grade": "C", "keys": [["r1", "E1"], ["r2", "E1"]]}]},
            {"format": "checkups-portfolio-results/1", "agency": "X", "as_of": "2025-06-30",
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
        assert doc["subsidy_tiers"]["not_eligible"]["names"] == ["Z"] and doc["not_scored"]["names"] == ["W"]
        assert "C→A" in bureau.to_text(doc, "zh") and "<svg" in bureau.to_html(doc, "en")

    def test_scorecard_tiers_in_words_without_invented_money(self) -> None:
        """Scorecard results show each band by its label in the page's language, no subsidy amount (none given), and the unscored agencies apart."""
        docs = [
            {"format": "checkups-scorecard-results/1",
             "tiers": {"bands": [{"id": "full", "min": "85", "label": {"zh": "全额拨付", "en": "Paid in full"}}]},
             "agencies": [{"agency": "X", "tier": "full"}, {"agency": "Y", "tier": None}, {"agency": "Z", "tier": "suspended"}]},
        ]  # fmt: skip
        doc = bureau.bureau(docs)
        assert set(doc["subsidy_tiers"]) == {"full", "suspended"} and doc["not_scored"] == {"agencies": 1, "names": ["Y"]}
        assert all(v["subsidy"] is None for v in doc["subsidy_tiers"].values())
        for lang, label, gone in (("zh", "全额拨付", "补贴金额"), ("en", "Paid in full", "(Subsidy")):
            for shown in (bureau.to_text(doc, lang), bureau.to_html(doc, lang)):
                assert label in shown and ": full" not in shown and gone not in shown
                assert ("未评分" if lang == "zh" else "not scored") in shown and "None" not in shown
        assert "暂停拨付" in bureau.to_text(doc, "zh")  # a band the document does not list: the data's label

    def test_clients_matched_by_agency_and_number(self) -> None:
        """Two agencies' clients with the same number (the same file name) stay two enterprises, never compared."""
        row = {"status": "audited", "employees": 1, "amount_at_risk": "0.00", "client_id": "a"}
        docs = [
            {"format": "checkups-portfolio-results/1", "agency": "X", "as_of": "2025-01-31",
             "clients": [{**row, "grade": "C", "keys": [["r1", "E1"]]}]},
            {"format": "checkups-portfolio-results/1", "agency": "Y", "as_of": "2025-06-30",
             "clients": [{**row, "grade": "A", "keys": []}]},
        ]  # fmt: skip
        doc = bureau.bureau(docs)
        assert doc["totals"]["enterprises"] == 2 and doc["totals"]["compared"] == 0
        assert [(c["agency"], c["client_id"]) for c in doc["clients"]] == [("X", "a"), ("Y", "a")]

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


def test_nothing_audited_not_graded_in_portfolio(tmp_path: Path) -> None:
    """A client none of whose rows could be audited has no grade in its row, is counted as not graded, and the bureau skips it."""
    (tmp_path / "k.csv").write_bytes(b"employee_id,hire_date\nE1,x\n")
    doc = portfolio(tmp_path, as_of="2025-06-30")
    assert doc["clients"][0]["grade"] is None and doc["totals"]["grades"] == {} and doc["totals"]["not_graded"] == 1
    assert "—" in to_text(doc, "en") and "None" not in to_html(doc, "en")
    assert bureau.bureau([json.loads(json.dumps(doc))])["totals"]["enterprises"] == 0


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
