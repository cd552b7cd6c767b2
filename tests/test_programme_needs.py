"""The needs survey: answers → the areas to entrust with reasons (scenarios in tests/cases/needs/)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from checkups.errors import InputError
from checkups.programme import needs_report
from checkups.programme.needs import FORMAT, questions, recommend
from checkups.registry import catalog

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "needs" / "survey.yaml").read_text(encoding="utf-8"))
ALL_AREAS = [a["id"] for a in catalog()["services"]["core"] + catalog()["services"]["value_added"]]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_scenario(case: dict) -> None:
    """The survey recommends exactly the case's areas, in the case's order."""
    result = recommend(case["answers"])
    assert [p.area for p in result.core] == case["core"]
    assert [p.area for p in result.value_added] == case["value_added"]
    assert sorted(result.areas + list(result.not_indicated)) == sorted(ALL_AREAS)


class TestRecommend:
    def test_each_reason_names_the_answer_that_gave_it(self) -> None:
        """Every reason carries the question and the option chosen, and the option's label in both languages."""
        result = recommend({"sector": "it"})
        (pick,) = result.core
        assert pick.area == "contracts"
        (reason,) = pick.reasons
        assert (reason.question, reason.option) == ("sector", "it")
        assert reason.answer.zh == "行业：信息技术和软件服务"
        assert [str(c) for c in reason.citations] == ["LCL 23", "LCL 24"]

    @pytest.mark.parametrize("sector", ["manufacturing", "construction"])
    def test_work_injury_reason_cites_who_pays_without_insurance(self, sector: str) -> None:
        """The work-injury reason cites SIL 33 (the employer pays the premium) and SIL 41 (unpaid: the employer pays the benefits)."""
        (pick,) = [p for p in recommend({"sector": sector}).core if p.area == "social_insurance"]
        (reason,) = pick.reasons
        assert [str(c) for c in reason.citations] == ["SIL 33", "SIL 41"]
        assert "工伤保险待遇由企业自己支付" in reason.text.zh

    def test_settled_dispute_cites_the_settlement_article(self) -> None:
        """A dispute settled by talking cites LDMAL 4 (settlement agreement) before LDMAL 5."""
        (pick,) = recommend({"disputes": ["settled"]}).core
        assert [str(c) for c in pick.reasons[0].citations] == ["LDMAL 4", "LDMAL 5"]

    def test_saved_answers_are_read(self) -> None:
        """A saved ``checkups-needs/1`` file gives the same result as its answers."""
        answers = {"hr_capacity": "owner"}
        assert recommend({"format": FORMAT, "answers": answers}).areas == recommend(answers).areas

    def test_unanswered_questions_are_listed(self) -> None:
        """Questions left empty are named, in the survey's order."""
        result = recommend({"sector": "retail", "pain_points": []})
        assert result.unanswered == ("size", "staff_types", "hr_capacity", "disputes", "pain_points")

    @pytest.mark.parametrize(
        "answers, field",
        [
            ({"colour": "red"}, "answers"),
            ({"size": "7"}, "size"),
            ({"size": ["1_9", "10_19"]}, "size"),
            ({"disputes": ["none", "settled"]}, "disputes"),
            ({"staff_types": [3]}, "staff_types"),
            ({"staff_types": [["full_time"]]}, "staff_types"),
            ({"pain_points": [{"id": "wages"}]}, "pain_points"),
            ({"disputes": {"none": True}}, "disputes"),
            ({"size": [["1_9"]]}, "size"),
            (["size"], "answers"),
        ],
    )
    def test_bad_answers_are_refused(self, answers, field) -> None:
        """An unknown question or option, a list or object where an option id belongs, two answers to a one-choice question, or "none" with others is an InputError."""
        with pytest.raises(InputError) as err:
            recommend(answers)
        assert err.value.field == field

    def test_every_option_of_every_question_is_accepted(self) -> None:
        """Each option of the data can be answered on its own."""
        for q in questions():
            for o in q["options"]:
                recommend({q["id"]: o["id"] if q["kind"] == "one" else [o["id"]]})


class TestReport:
    # onboarding (size), contracts and wages (part-time), training (skills): one reason each, so services.yaml order
    ANSWERS: ClassVar[dict] = {"size": "10_19", "staff_types": ["part_time"], "pain_points": ["skills"]}

    def test_markdown_links_each_area_and_the_agreement(self) -> None:
        """The Markdown links each recommended area's service page and the builder with those areas chosen."""
        md = needs_report.to_markdown(recommend(self.ANSWERS), "en", base="../../")
        assert "](../../en/services/contracts/)" in md
        assert "](../../en/services/training/)" in md
        assert "(../../en/tools/agreement/?areas=onboarding,contracts,wages,training)" in md

    def test_html_marks_each_area(self) -> None:
        """The HTML fragment has one item per recommended area and the draft-the-agreement link."""
        html = needs_report.to_html(recommend(self.ANSWERS), "zh", base="../")
        assert html.count("data-area=") == 4
        assert 'href="../tools/agreement/?areas=onboarding,contracts,wages,training"' in html

    def test_nothing_to_recommend_says_so(self) -> None:
        """With no pointer the text says where to start instead of listing areas."""
        text = needs_report.to_text(recommend({"disputes": ["none"]}), "zh")
        assert catalog()["programme"]["needs"]["nothing"]["zh"] in text

    def test_json_is_plain_data(self) -> None:
        """The result's dict round-trips through JSON and lists the areas for the builder."""
        data = recommend(self.ANSWERS).as_dict()
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        assert data["areas"] == ["onboarding", "contracts", "wages", "training"]


class TestCommandLine:
    def test_needs_json_feeds_the_agreement(self, tmp_path, capsys) -> None:
        """``needs --format json`` writes the result, and ``agreement`` builds from it for the same areas."""
        from checkups.cli import main

        answers = tmp_path / "answers.json"
        answers.write_text(json.dumps({"sector": "construction", "pain_points": ["policy"]}), encoding="utf-8")
        out = tmp_path / "result.json"
        assert main(["needs", str(answers), "--format", "json", "-o", str(out)]) == 0
        # construction: social_insurance and wages (one reason each); policy: consultation
        assert json.loads(out.read_text(encoding="utf-8"))["areas"] == ["social_insurance", "wages", "consultation"]
        assert main(["agreement", str(out), "--format", "md", "--lang", "en"]) == 0
        assert (
            "Service areas entrusted under this Agreement: Social insurance and housing fund, Wages and benefits, Labour-law consultation"
            in capsys.readouterr().out
        )

    @pytest.mark.parametrize("content", ["{not json", '{"size": "huge"}', "[]"])
    def test_bad_file_exits_2_with_one_line(self, tmp_path, capsys, content) -> None:
        """A file that is not JSON or holds an unusable answer exits 2 with a one-line reason."""
        from checkups.cli import main

        path = tmp_path / "a.json"
        path.write_text(content, encoding="utf-8")
        assert main(["needs", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("checkups: ") and err.count("\n") == 1


class TestSchemas:
    @staticmethod
    def _validator(name: str):
        from jsonschema import Draft202012Validator as V

        from checkups import schemas

        return V(schemas.load(name), format_checker=V.FORMAT_CHECKER)

    @pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
    def test_every_scenario_validates(self, case: dict) -> None:
        """Each scenario's answers and its JSON result validate against their schemas."""
        self._validator("needs-answers").validate(case["answers"])
        self._validator("needs-answers").validate({"format": FORMAT, "answers": case["answers"]})
        self._validator("needs").validate(recommend(case["answers"]).as_dict())

    @pytest.mark.parametrize(
        "answers", [{"size": "huge"}, {"colour": "red"}, {"disputes": "none"}, {"format": "checkups-x/1", "answers": {}}]
    )
    def test_broken_answers_are_rejected(self, answers: dict) -> None:
        """An unknown option, question or format, or a single value for a many-choice question, fails the schema."""
        assert not self._validator("needs-answers").is_valid(answers)

    def test_a_result_without_reasons_is_rejected(self) -> None:
        """A recommended area must carry at least one reason."""
        data = recommend({"sector": "it"}).as_dict()
        data["core"][0]["reasons"] = []
        assert not self._validator("needs").is_valid(data)


class TestInstantPage:
    def test_form_has_every_question_and_option(self) -> None:
        """The survey form has one field per question and one control per option (plus "not answered" for one-choice)."""
        from sitegen.instant import instant_form

        html = instant_form("needs", "zh", "../../")
        for q in questions():
            assert f'data-field="{q["id"]}"' in html
            for o in q["options"]:
                kind = "radio" if q["kind"] == "one" else "checkbox"
                assert re.search(f'<input type="{kind}"[^>]* name="{q["id"]}" value="{o["id"]}"', html), (q["id"], o["id"])

    def test_answer_links_from_the_page(self) -> None:
        """The worker's answer has the areas and the HTML with links from the page to the service pages and the builder."""
        from checkups.instant import handle

        args = {
            "answers": {"staff_types": ["retirees"]},
            "lang": "en",
            "site_root": "../../../",
            "region": "national",
            "as_of": "",
        }
        out = json.loads(handle(json.dumps({"op": "needs", "args": args})))
        assert out["ok"] and out["areas"] == ["contracts"]
        assert 'href="../../../en/services/contracts/"' in out["html"]
        assert 'href="../../../en/tools/agreement/?areas=contracts"' in out["html"]

    def test_none_with_a_dispute_is_marked_on_its_field(self) -> None:
        """Choosing "none" and a dispute gives a plain message on the disputes field, in the page's language."""
        from checkups.instant import handle

        out = json.loads(
            handle(json.dumps({"op": "needs", "args": {"answers": {"disputes": ["none", "mediated"]}, "lang": "zh"}}))
        )
        assert not out["ok"]
        assert out["errors"] == {"disputes": "“没有发生”不能与其他选项同时选择。"}
