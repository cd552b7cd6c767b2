"""The early warning and the portfolio audit on the instant pages: worker ops and forms."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from checkups.instant import handle
from tests.test_programme_warning import parse_ics

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))

from sitegen.instant import instant_form
from sitegen.tools import TOOLS, tools_pages

SAMPLE = (Path(__file__).parents[1] / "samples" / "roster.csv").read_bytes()


def _ask(op: str, args: dict, data: bytes | None = None) -> dict:
    return json.loads(handle(json.dumps({"op": op, "args": args}), data))


class TestWarn:
    def test_grade_deadlines_and_calendar(self) -> None:
        """The page gets the grade, every deadline, and a calendar holding each of them."""
        a = _ask("warn", {"filename": "r.csv", "as_of": "2025-06-30", "region": "guangzhou", "lang": "en"}, SAMPLE)
        assert a["ok"] and a["grade"] == "C" and a["deadlines"]
        events = parse_ics(a["download"]["text"].encode("utf-8"))
        assert [e["DTSTART;VALUE=DATE"] for e in events] == [d["date"].replace("-", "") for d in a["deadlines"]]
        assert a["download"]["filename"].endswith(".ics") and "warn" not in a["download"]["label"]

    def test_two_clients_calendars_keep_apart(self) -> None:
        """Two rosters with the same rows give calendars named for their files, whose events have different UIDs."""
        uids = []
        for name in ("acme.csv", "bravo.csv"):
            a = _ask("warn", {"filename": name, "as_of": "2025-06-30", "lang": "zh"}, SAMPLE)
            assert name[:-4] in a["download"]["filename"]
            uids.append({e["UID"] for e in parse_ics(a["download"]["text"].encode("utf-8"))})
        assert uids[0] and not uids[0] & uids[1]

    def test_no_deadline_no_download(self) -> None:
        """A roster with no deadline ahead gets its answer but no calendar to download."""
        roster = b"employee_id,hire_date,contract_signed_date\nE1,2025-01-01,2025-01-01\n"
        a = _ask("warn", {"filename": "r.csv", "as_of": "2025-06-30", "lang": "en"}, roster)
        assert a["ok"] and a["deadlines"] == [] and a["download"] is None

    def test_nothing_audited(self) -> None:
        """A roster of bad rows only gets no grade, and each rejected row by line, column and plain reason."""
        a = _ask("warn", {"filename": "r.csv", "as_of": "2025-06-30", "lang": "zh"}, b"employee_id,hire_date\nE1,x\nE2,\n")
        assert a["ok"] and a["grade"] is None and a["audited"] == 0
        assert [(e["row"], e["column"]) for e in a["row_errors"]] == [(2, "入职日期"), (3, "入职日期")]
        assert "未评级" in a["html"] and all(e["message"] in a["html"] for e in a["row_errors"])

    def test_plain_messages(self) -> None:
        """A missing date and an old Excel file get plain messages by field, with no rule ids or flags."""
        a = _ask("warn", {"filename": "r.xls", "as_of": "", "lang": "zh"}, b"x")
        assert not a["ok"] and set(a["errors"]) == {"file", "as_of"}
        assert "--" not in json.dumps(a, ensure_ascii=False)


class TestPortfolio:
    def test_each_file_kept(self) -> None:
        """Files chosen at once are split by their sizes; one that is not a roster keeps its row with a reason."""
        bad = "姓名\n张三\n".encode()
        files = [
            {"name": "a.csv", "size": len(SAMPLE)},
            {"name": "b.csv", "size": len(bad)},
            {"name": "c.csv", "size": len(SAMPLE)},
        ]
        a = _ask("portfolio", {"files": files, "as_of": "2025-06-30", "agency": "甲机构", "lang": "zh"}, SAMPLE + bad + SAMPLE)
        assert a["ok"] and [c["file"] for c in a["clients"]] == ["a.csv", "b.csv", "c.csv"]
        assert [c["status"] for c in a["clients"]] == ["audited", "failed", "audited"]
        assert a["clients"][1]["reason"] and a["totals"]["audited"] == 2 and a["totals"]["failed"] == 1
        assert a["clients"][0]["rows"] == a["clients"][0]["audited"] + a["clients"][0]["rejected"]

    def test_no_files(self) -> None:
        """Asking with no file chosen says so next to the file field."""
        a = _ask("portfolio", {"files": [], "as_of": "2025-06-30", "agency": "A", "lang": "en"}, b"")
        assert not a["ok"] and set(a["errors"]) == {"file"}

    def test_agency_required(self) -> None:
        """An empty agency name gets a plain message next to its field (the bureau matches clients by agency)."""
        files = [{"name": "a.csv", "size": len(SAMPLE)}]
        for agency in (None, "", "  "):
            a = _ask("portfolio", {"files": files, "as_of": "2025-06-30", "agency": agency, "lang": "zh"}, SAMPLE)
            assert not a["ok"] and set(a["errors"]) == {"agency"} and "托管机构名称" in a["errors"]["agency"]


class TestPages:
    def test_forms(self) -> None:
        """The early-warning form takes one file, the portfolio form several; both keep the page contract."""
        one, many = instant_form("early-warning", "zh", "../../"), instant_form("portfolio", "en", "../../../")
        assert 'data-checkup="early-warning"' in one and "multiple" not in one
        assert 'data-checkup="portfolio"' in many and " multiple " in many
        for html in (one, many):
            assert (
                'data-action="export"' in html and 'data-action="clear"' in html and "http" not in html.split("checkup-words")[0]
            )

    def test_tool_pages(self) -> None:
        """The tools section has an index and a page per tool with its command line, in both languages."""
        from sitegen.common import Site

        site = Site()
        tools_pages(site)
        for slug, kind, *_ in TOOLS:
            for name in (f"{slug}.md", f"{slug}.en.md"):
                text = site.pages[name]
                assert "python -m checkups" in text
                assert f'data-checkup="{kind}"' in text


class TestBureau:
    def test_portfolio_download_feeds_the_bureau_page(self) -> None:
        """The portfolio page's JSON download is a valid portfolio document, and the bureau page totals it."""
        import jsonschema

        from checkups.schemas import load

        files = [{"name": "a.csv", "size": len(SAMPLE)}]
        a = _ask("portfolio", {"files": files, "as_of": "2025-06-30", "agency": "某机构", "lang": "zh"}, SAMPLE)
        doc = a["download"]["text"].encode("utf-8")
        jsonschema.Draft202012Validator(load("portfolio")).validate(json.loads(doc))
        assert json.loads(doc)["agency"] == "某机构"
        b = _ask("bureau", {"files": [{"name": "p.json", "size": len(doc)}], "lang": "en"}, doc)
        assert b["ok"] and b["totals"]["enterprises"] == 1 and b["totals"]["agencies"] == 1

    def test_wrong_file_named_in_plain_words(self) -> None:
        """A file that is not a result is named next to the file field, in the page's language."""
        b = _ask("bureau", {"files": [{"name": "x.json", "size": 2}], "lang": "zh"}, b"{}")
        assert not b["ok"] and "x.json" in b["errors"]["file"] and "checkups-" not in b["errors"]["file"]
