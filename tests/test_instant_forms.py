"""The instant check-up forms made at build time (scripts/sitegen/instant.py): every question,
column and calculator field of the package's data is there, labelled, with its error line."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from sitegen.instant import CHECKUPS, KINDS, instant_form, skip_css, template_csv

from checkups import calc
from checkups.columns import COLUMNS
from checkups.evaluate import questions
from checkups.regions import children, provinces
from checkups.registry import rules

SETTINGS = {"province", "city", "as_of"}


class Page(HTMLParser):
    """Controls, labels, legends and data-field wrappers of a form."""

    def __init__(self, text: str):
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labels: set[str] = set()
        self.fields: list[str] = []
        self.errors: set[str] = set()
        self.stack: list[str] = []
        self.legend_open: list[bool] = []
        self.attrs_of: dict[str, dict[str, str]] = {}
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.attrs_of[a["id"]] = a
        if tag == "fieldset":
            self.legend_open.append(False)
        if tag == "legend" and self.legend_open:
            self.legend_open[-1] = True
        if tag in ("input", "select"):
            self.controls.append({"tag": tag, **a, "in_label": str("label" in self.stack), "legend": str(any(self.legend_open))})
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])
        if "data-field" in a:
            self.fields.append(a["data-field"])
        if "checkup-error" in a.get("class", ""):
            self.errors.add(a.get("id", ""))
        if tag not in ("input", "meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset" and self.legend_open:
            self.legend_open.pop()
        while self.stack and self.stack.pop() != tag:
            pass


@pytest.fixture(scope="module", params=[(k, lang) for k in KINDS for lang in ("zh", "en")], ids=lambda p: f"{p[0]}-{p[1]}")
def page(request) -> tuple[str, str, str, Page]:
    kind, lang = request.param
    text = instant_form(kind, lang, "../../")
    return kind, lang, text, Page(text)


class TestEveryForm:
    def test_contract_attributes(self, page) -> None:
        """The form carries data-checkup; the result area and the page's words are there."""
        kind, _, text, _ = page
        assert f'data-checkup="{kind}"' in text and 'class="checkup-result"' in text
        words = re.search(r'<script type="application/json" class="checkup-words">(.*?)</script>', text).group(1)
        assert json.loads(words)["ready"]

    def test_every_control_is_labelled_and_has_an_error_line(self, page) -> None:
        """Every control of a form is labelled, and every data-field wrapper has its error line (for messages).

        Text, date, select and check boxes have a <label for>; radios sit in a label inside a
        fieldset with a legend."""
        kind, _, _, parsed = page
        for c in parsed.controls:
            if c.get("type") == "radio":
                assert c["in_label"] == "True" and c["legend"] == "True", c
            elif c.get("data-action") != "import":
                assert c["id"] in parsed.labels, c
        for key in parsed.fields:
            assert f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]", "-", key) + "-error" in parsed.errors

    def test_one_raw_block(self, page) -> None:
        """No line breaks: the form goes into a Markdown page as a single raw HTML block."""
        assert "\n" not in page[2]

    def test_region_picker_from_the_region_data(self, page) -> None:
        """A check-up starts with the region picker (every province and city) and the date; a programme tool has neither."""
        kind, _, text, parsed = page
        if kind not in CHECKUPS:
            assert not {"province", "city", "as_of"} & {c.get("name") for c in parsed.controls}
            return
        values = set(re.findall(r'<option value="([a-z0-9.-]+)"', text))
        assert set(provinces()) <= values and {k for p in provinces() for k in children(p)} <= values
        assert {"province", "city", "as_of"} <= {c.get("name") for c in parsed.controls}


def names(kind: str) -> set[str]:
    return {c.get("name") for c in Page(instant_form(kind, "en", "../../")).controls if c.get("name")}


class TestCompany:
    def test_every_question_once(self) -> None:
        """The company form's named controls are exactly the questions and the region and date settings."""
        assert names("company") == set(questions()) | SETTINGS

    def test_yes_no_questions_have_three_answers(self) -> None:
        """Not answered (the default), yes and no: an answer can be taken back."""
        text = instant_form("company", "zh", "../../")
        qid = "insurance_all_staff_registered"
        found = re.findall(rf'name="{qid}" value="(\w*)"', text)
        assert found == ["", "true", "false"]

    def test_skip_logic_without_script(self) -> None:
        """Each rule's screening condition is on its block, and CSS hides it on the other answer."""
        css = skip_css()
        text = instant_form("company", "en", "../../")
        for r in rules(scope="company"):
            for key, wanted in (r.applies_if or {}).items():
                want, other = ("true", "false") if wanted else ("false", "true")
                assert f'input[name="{key}"][value="{other}"]:checked) .checkup-rule[data-if~="{key}={want}"]' in css
                assert re.search(rf'data-rule="{re.escape(r.id)}" data-if="[^"]*{key}={want}', text)
        assert css in text

    def test_notes_for_region_and_good_practice(self) -> None:
        """The company form notes a Guangdong-only rule and a good practice that is not a legal duty."""
        text = instant_form("company", "en", "../../")
        assert "Applies only in: Guangdong" in text and "Good practice, not a legal duty" in text


class TestRoster:
    def test_columns_table_and_templates(self) -> None:
        """The Chinese roster form lists each column's Chinese name and links both CSV templates."""
        text = instant_form("roster", "zh", "../../")
        for name, column in COLUMNS.items():
            assert f"<code>{name}</code></td><td>{column.zh}</td>" in text
        links = re.findall(r'href="data:text/csv;charset=utf-8,([^"]+)"', text)
        assert [unquote(x) for x in links] == ["\ufeff" + template_csv("zh"), "\ufeff" + template_csv("en")]

    def test_controls(self) -> None:
        """The roster form's controls are exactly the settings, the minimum wage and the file."""
        assert names("roster") == SETTINGS | {"min_wage", "file"}


class TestCalculators:
    def test_every_field_of_every_calculator_in_the_registry(self) -> None:
        """The calculators form has the settings and one control per field of each calculator shown."""
        shown = [c for c in calc.CALCULATORS if c.ui]
        assert names("calculators") == SETTINGS | {f"{c.name}.{f.name}" for c in shown for f in c.fields}

    def test_choices_start_at_their_default(self) -> None:
        """Each choice of the overtime calculator is a select with its default option selected."""
        text = instant_form("calculators", "en", "../../")
        spec = calc.find("overtime_pay")
        for f in spec.fields:
            if f.kind == "choice":
                assert re.search(rf'name="overtime_pay.{f.name}"[^>]*><option value="[^"]*"', text)
                assert f'<option value="{f.default}" selected>' in text

    def test_one_submit_button_per_calculator(self) -> None:
        """The calculators form has one submit button per calculator shown in the UI, in the registry's order."""
        text = instant_form("calculators", "zh", "../../")
        shown = [c.name for c in calc.CALCULATORS if c.ui]
        assert re.findall(r'<button type="submit"[^>]* name="calculator" value="(\w+)"', text) == shown
