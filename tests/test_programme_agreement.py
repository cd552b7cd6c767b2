"""The agreement builder: exactly the chosen areas' clauses and matrix rows, in the page,
the Markdown and the .docx alike (the .docx read back with python-docx)."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import docx
import pytest

from checkups.errors import InputError
from checkups.programme import agreement_page
from checkups.programme.agreement import FORMAT, _number, blocks, build, choices_from
from checkups.programme.docx import to_docx
from checkups.registry import area_name, catalog

DOC = catalog()["agreement"]["trusteeship"]
CORE = [a["id"] for a in catalog()["services"]["core"]]
EVERY = CORE + [a["id"] for a in catalog()["services"]["value_added"]]
CHOICES = [
    pytest.param(EVERY, ["programme"], id="all-areas-and-the-programme"),
    pytest.param(["contracts"], [], id="one-area"),
    pytest.param(["social_insurance", "wages"], [], id="two-areas"),
    pytest.param(["onboarding", "disputes", "training"], ["programme"], id="with-training"),
    pytest.param(["consultation", "performance"], [], id="consultation-and-performance"),
]


def _docx_texts(data: bytes) -> list[str]:
    """Every paragraph and table row of a .docx, in order (rows as cells joined by ' | ')."""
    d = docx.Document(io.BytesIO(data))
    out = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
            if text:
                out.append(text)
        elif tag == "tbl":
            table = docx.table.Table(child, d)
            out += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return out


def _block_texts(parts) -> list[str]:
    out = []
    for b in parts:
        if b.kind == "table":
            out += [" | ".join(r) for r in b.rows]
        elif b.kind != "pagebreak":
            out.append(b.text)
    return out


class _Sections(HTMLParser):
    """Texts of a page's ``<section data-clause>``: one entry per heading, paragraph or table row."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[str]] = {}
        self.clause, self.buf, self.cells, self.row = "", [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.clause = dict(attrs)["data-clause"]
            self.sections.setdefault(self.clause, [])
        elif tag == "tr":
            self.row = []
        elif tag in ("p", "h1", "h2", "h3", "td", "th"):
            self.buf = []

    def handle_endtag(self, tag):
        if tag in ("p", "h1", "h2", "h3"):
            self.sections[self.clause].append("".join(self.buf))
        elif tag in ("td", "th"):
            self.row.append("".join(self.buf))
        elif tag == "tr":
            self.sections[self.clause].append(" | ".join(self.row))

    def handle_data(self, data):
        self.buf.append(data)


def _by_clause(parts) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for b in parts:
        if b.kind != "pagebreak":
            out.setdefault(b.clause or "title", []).extend(_block_texts([b]))
    return out


@pytest.mark.parametrize("areas, options", CHOICES)
@pytest.mark.parametrize("lang", ["zh", "en"])
class TestSameContentEverywhere:
    def test_docx_holds_the_pages_text_clause_by_clause(self, areas, options, lang) -> None:
        """The .docx read back with python-docx has the page's clauses, citations, tables and signature block, in order."""
        agreement = build(areas, options)
        page = _Sections()
        page.feed(agreement_page.to_html(agreement, lang))
        texts = _docx_texts(to_docx(blocks(agreement, lang), agreement.title.get(lang), lang))
        assert texts == [t for clause in page.sections.values() for t in clause]
        assert page.sections == _by_clause(blocks(agreement, lang))

    def test_matrix_rows_are_exactly_the_chosen_areas(self, areas, options, lang) -> None:
        """The responsibility matrix lists every task of the chosen areas and no other, in the page and the .docx."""
        agreement = build(areas, options)
        wanted = [r["task"][lang] for r in DOC["responsibility_matrix"] if r["area"] in areas]
        page = _Sections()
        page.feed(agreement_page.to_html(agreement, lang))
        rows = [r.split(" | ")[0] for r in page.sections["responsibility-matrix"][3:]]
        assert rows == wanted
        d = docx.Document(io.BytesIO(to_docx(blocks(agreement, lang), "t", lang)))
        matrix = next(t for t in d.tables if t.rows[0].cells[0].text == ("事项" if lang == "zh" else "Task"))
        assert [r.cells[0].text for r in matrix.rows[1:]] == wanted
        assert {r.cells[1].text for r in matrix.rows[1:]} == {
            area_name(a)[lang] for a in areas if any(x["area"] == a for x in DOC["responsibility_matrix"])
        }

    def test_scope_lists_exactly_the_chosen_areas(self, areas, options, lang) -> None:
        """The scope clause has one numbered item per chosen area, naming it, numbered from one."""
        items = [b.text for b in blocks(build(areas, options), lang) if b.clause == "scope" and b.kind == "item"]
        assert len(items) == len(areas)
        assert items[0].startswith("（一）" if lang == "zh" else "(1)")

    def test_markdown_has_every_block(self, areas, options, lang) -> None:
        """The Markdown holds each heading, paragraph and table row of the agreement."""
        agreement = build(areas, options)
        md = agreement_page.to_markdown(agreement, lang)
        for b in blocks(agreement, lang):
            if b.kind in ("heading", "paragraph", "item"):
                assert b.text in md


class TestWhatIsKept:
    def test_one_area_keeps_only_its_warnings_and_errors(self) -> None:
        """With labour contracts alone, the warning list and the error list keep only the contract items and the general one."""
        parts = blocks(build(["contracts"]), "zh")
        warnings = [b.text for b in parts if b.clause == "risk_warning" and b.kind == "item"]
        assert warnings == [
            "（一）员工自用工之日起即将满一个月仍未订立书面劳动合同；",
            "（二）劳动合同将在＿＿＿＿＿＿＿＿日内期满，或者员工符合订立无固定期限劳动合同的条件；",
            "（三）员工投诉或者可能引发劳动争议的其他情形。",
        ]
        errors = [b.text for b in parts if b.clause == "error_compensation" and b.kind == "item"]
        assert errors == [
            "（一）未在约定时限内提供劳动合同文本或者未按约定提醒签订，致使甲方向员工支付二倍工资；",
            "（二）泄露员工个人信息或者甲方商业秘密。",
        ]
        cites = next(b for b in parts if b.clause == "error_compensation" and b.kind == "citations")
        assert [str(c) for c in cites.citations] == ["LCL 82"]

    def test_every_clause_stays_so_cross_references_hold(self) -> None:
        """Each clause of the model stays, in order, whatever is chosen (the text refers to clauses by number)."""
        ids = [c["id"] for c in build(["consultation"]).doc["clauses"]]
        assert ids == [c["id"] for c in DOC["clauses"]]

    def test_the_programme_option_adds_the_subsidy_paragraphs(self) -> None:
        """The subsidy and evaluation paragraphs appear only when the programme option is chosen."""

        def fees(options):
            return [b.text for b in blocks(build(["wages"], options), "en") if b.clause == "fees"]

        assert len(fees(["programme"])) == len(fees([])) + 2
        assert not any("government-led" in t for t in fees([]))

    def test_no_area_condition_left_out_of_the_full_agreement(self) -> None:
        """Choosing every area and option keeps every paragraph, matrix row and service level of the model."""
        full = build(EVERY, ["programme"]).doc
        assert sum(len(c["paragraphs"]) for c in full["clauses"]) == sum(len(c["paragraphs"]) for c in DOC["clauses"])
        assert len(full["matrix"]) == len(DOC["responsibility_matrix"])
        assert len(full["levels"]) == len(DOC["service_levels"])

    def test_signature_block_names_both_parties(self) -> None:
        """The signature block has a line for each party, its representative and the date."""
        sign = next(b for b in blocks(build(["contracts"]), "zh") if b.clause == "signatures" and b.kind == "table")
        assert [r[0] for r in sign.rows] == [
            "签署方",
            "企业（甲方）",
            "法定代表人或者授权代表",
            "托管机构（乙方）",
            "法定代表人或者授权代表",
            "签订日期",
        ]


class TestChoices:
    @pytest.mark.parametrize(
        "areas, options, field",
        [
            (["payroll"], [], "areas"),
            (["training"], [], "areas"),
            ([], [], "areas"),
            (["contracts"], ["gold"], "options"),
        ],
    )
    def test_bad_choices_are_refused(self, areas, options, field) -> None:
        """An unknown area or option, or no core area, is an InputError naming the field."""
        with pytest.raises(InputError) as err:
            build(areas, options)
        assert err.value.field == field

    def test_choices_from_every_form(self) -> None:
        """A choices object, a saved file, an options mapping and the survey's result all give areas and options."""
        assert choices_from({"areas": ["wages"], "options": {"programme": True}}) == (["wages"], ["programme"])
        assert choices_from({"format": FORMAT, "answers": {"areas": "wages,disputes"}}) == (["wages", "disputes"], [])
        assert choices_from({"format": "checkups-needs-result/1", "areas": ["contracts"], "core": []}) == (["contracts"], [])
        with pytest.raises(InputError):
            choices_from({"area": "wages"})

    @pytest.mark.parametrize(
        "data, field",
        [
            ({"areas": [["contracts"]]}, "areas"),
            ({"areas": [{"id": "wages"}]}, "areas"),
            ({"areas": ["wages"], "options": [["x"]]}, "options"),
        ],
    )
    def test_a_list_or_object_in_place_of_an_id_is_refused(self, data: dict, field: str) -> None:
        """A list or an object where an area or option id belongs is an InputError naming the field, not a crash."""
        with pytest.raises(InputError) as err:
            choices_from(data)
        assert err.value.field == field

    @pytest.mark.parametrize(
        "n, zh", [(1, "（一）"), (9, "（九）"), (10, "（十）"), (11, "（十一）"), (20, "（二十）"), (23, "（二十三）")]
    )
    def test_chinese_item_numbers(self, n, zh) -> None:
        """List items are numbered in Chinese numerals as legal texts write them."""
        assert _number(n, "zh") == zh
        assert _number(n, "en") == f"({n})"


class TestCommandLine:
    def test_docx_to_a_file(self, tmp_path) -> None:
        """``agreement --format docx -o FILE`` writes a .docx that python-docx opens, with the chosen area's rows."""
        from checkups.cli import main

        choices = tmp_path / "choices.json"
        choices.write_text('{"areas": ["wages"]}', encoding="utf-8")
        out = tmp_path / "a.docx"
        assert main(["agreement", str(choices), "--format", "docx", "--lang", "en", "-o", str(out)]) == 0
        texts = _docx_texts(out.read_bytes())
        assert "Monthly payroll calculation (overtime pay and deductions included) | Wages and benefits | R | A" in texts
        assert not any("Draft labour contracts" in t for t in texts)

    def test_docx_needs_a_file(self, tmp_path, capsys) -> None:
        """A .docx is never written to the terminal: without -o the command exits 2."""
        from checkups.cli import main

        choices = tmp_path / "choices.json"
        choices.write_text('{"areas": ["wages"]}', encoding="utf-8")
        assert main(["agreement", str(choices), "--format", "docx"]) == 2
        assert "-o" in capsys.readouterr().err

    def test_html_page_is_standalone(self, tmp_path, capsys) -> None:
        """The default output is a whole HTML page in the language asked for."""
        from checkups.cli import main

        choices = tmp_path / "choices.json"
        choices.write_text('{"areas": ["disputes"], "options": ["programme"]}', encoding="utf-8")
        assert main(["agreement", str(choices)]) == 0
        page = capsys.readouterr().out
        assert page.startswith("<!DOCTYPE html>") and 'lang="zh-Hans"' in page and "@page{size:A4" in page


class TestSchema:
    @pytest.mark.parametrize(
        "choices, valid",
        [
            ({"areas": ["contracts"]}, True),
            ({"areas": ["wages", "training"], "options": ["programme"]}, True),
            ({"format": FORMAT, "answers": {"areas": ["disputes"]}}, True),
            ({"areas": []}, False),
            ({"areas": ["payroll"]}, False),
            ({"areas": ["wages"], "options": ["gold"]}, False),
            ({"options": ["programme"]}, False),
        ],
    )
    def test_choices_schema(self, choices: dict, valid: bool) -> None:
        """The choices schema takes the areas and options the builder takes, and refuses unknown ones."""
        from jsonschema import Draft202012Validator as V

        from checkups import schemas

        assert V(schemas.load("agreement-choices")).is_valid(choices) is valid


class TestInstantPage:
    def test_form_offers_every_area_and_option(self) -> None:
        """The builder's form has a box for each service area and each option of the agreement."""
        from sitegen.instant import instant_form

        html = instant_form("agreement", "en", "../../../")
        for a in EVERY:
            assert f'name="areas" value="{a}"' in html
        for o in DOC["options"]:
            assert f'name="options" value="{o["id"]}"' in html

    def test_docx_from_the_page_is_the_command_lines(self) -> None:
        """The .docx the page downloads is the same file the command line writes for the same choices."""
        import base64
        import json

        from checkups.instant import handle

        choices = {"areas": ["contracts", "training"], "options": ["programme"]}
        out = json.loads(handle(json.dumps({"op": "agreement", "args": {"answers": choices, "lang": "en", "site_root": "../"}})))
        assert out["ok"] and out["areas"] == ["contracts", "training"]
        part = json.loads(handle(json.dumps({"op": "report", "args": {"kind": "agreement", "part": "docx", "lang": "en"}})))
        built = build(choices["areas"], choices["options"])
        assert base64.b64decode(part["report"]) == to_docx(blocks(built, "en"), built.title.en, "en")
        assert 'href="../en/law/lcl/#lcl-82"' in out["html"]

    def test_only_value_added_is_marked_on_the_areas(self) -> None:
        """Value-added services alone are refused with a message on the areas field."""
        import json

        from checkups.instant import handle

        out = json.loads(handle(json.dumps({"op": "agreement", "args": {"answers": {"areas": ["performance"]}, "lang": "zh"}})))
        assert not out["ok"] and set(out["errors"]) == {"areas"}


@pytest.mark.parametrize("name", ["tool-needs.zh", "tool-needs.en", "tool-agreement.zh", "tool-agreement.en"])
def test_notebook_runs(name: str, tmp_path, monkeypatch) -> None:
    """Each programme tool's notebook runs from top to bottom (in a scratch folder) and ends with its result."""
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "lite" / "notebooks" / f"{name}.py").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(source, name, "exec"), scope)
    if "agreement" in name:
        written = sorted(p.suffix for p in tmp_path.iterdir())
        assert written == [".docx", ".md"]
        docx.Document(next(tmp_path.glob("*.docx")))
    else:
        assert scope["result"].areas
