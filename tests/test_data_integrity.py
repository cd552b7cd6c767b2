"""The catalog is complete, consistent and fresh: every citation resolves to a verbatim
article text, every figure has a date, a source and a verified flag, every rule can run."""

from __future__ import annotations

import datetime as dt
import re
import string
import sys
from pathlib import Path

import pytest

from checkups.registry import catalog, rules
from checkups.rules import CHECKS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import compile_data  # noqa: E402
import law_text  # noqa: E402

#: the instruments the project cites: one statute text each in laws/ (a mirror of ../shared/laws)
LAW_CODES = {p.stem for p in (ROOT / "laws").glob("*.md")} - {"README", "COPY"}
AREAS = {"onboarding", "contracts", "social_insurance", "wages", "workplace_rules", "disputes", "consultation"}


class TestCatalogFile:
    def test_compiled_catalog_is_fresh(self) -> None:
        """catalog.json is exactly what compiling the YAML gives now (run scripts/compile_data.py)."""
        assert compile_data.CATALOG.read_text(encoding="utf-8") == compile_data.render()

    def test_samples_are_fresh(self) -> None:
        """The GB18030 Chinese-header sample is the UTF-8 sample, re-encoded (run scripts/make_samples.py)."""
        import make_samples

        assert make_samples.TARGET.read_bytes() == make_samples.render()


class TestLaws:
    def test_every_instrument_is_registered(self) -> None:
        """The registry holds each of the 28 instruments the project cites."""
        assert set(catalog()["laws"]) == LAW_CODES

    def test_laws_have_names_versions_and_sources(self) -> None:
        """Each instrument has bilingual names, a version date and an official source."""
        for code, law in catalog()["laws"].items():
            assert law["name"]["zh"] and law["name"]["en"], code
            dt.date.fromisoformat(str(law["version"]))
            assert law["source"].startswith("http"), code
            assert isinstance(law["text_verified"], bool), code

    @pytest.mark.parametrize("code", sorted(LAW_CODES))
    def test_article_texts_are_verbatim(self, code: str) -> None:
        """Every Chinese article text equals the statute text in laws/, character for character."""
        directory = law_text.laws_dir()
        assert (directory / f"{code}.md").exists(), f"statute texts not found in {directory} (set LAWS_DIR)"
        source = law_text.articles(code, directory)
        for number, article in catalog()["laws"][code]["articles"].items():
            assert article["zh"] == source[number], f"{code} {number} differs from the statute text"

    def test_statute_copy_matches_shared(self) -> None:
        """laws/ is a faithful copy of the shared statute texts (compared whenever ../shared/laws is present)."""
        repo = sorted(p.name for p in law_text.REPO_LAWS.glob("*.md") if p.name != "COPY.md")
        assert len(repo) >= 21
        if law_text.SHARED_LAWS.exists():
            assert repo == sorted(p.name for p in law_text.SHARED_LAWS.glob("*.md"))
            for name in repo:
                assert (law_text.REPO_LAWS / name).read_bytes() == (law_text.SHARED_LAWS / name).read_bytes(), name

    def test_secondary_texts_are_marked(self) -> None:
        """Instruments that laws/README.md calls secondary or incomplete ship unverified, with a note naming the source."""
        readme = (law_text.REPO_LAWS / "README.md").read_text(encoding="utf-8")
        marked = {
            line.split("|")[1].strip()
            for line in readme.splitlines()
            if line.startswith("| ") and ("**secondary**" in line or "**incomplete**" in line)
        }
        assert marked == {"MWP", "WTS", "SIL-PT", "RETIRE-D"}
        for code, law in catalog()["laws"].items():
            assert law["text_verified"] is (code not in marked), code
        for code in marked:
            law = catalog()["laws"][code]
            assert law["text_verified"] is False
            assert law["note"]["zh"] and law["note"]["en"]

    def test_every_article_has_an_english_summary(self) -> None:
        """Each cited article has a non-empty English summary."""
        for code, law in catalog()["laws"].items():
            for number, article in law["articles"].items():
                assert len(article["en"]) > 20, f"{code} {number}"


class TestParameters:
    def test_every_value_has_date_source_and_flag(self) -> None:
        """Every parameter value carries an effective date, a source and a verified flag."""
        for name, param in catalog()["parameters"].items():
            for region, entries in param["values"].items():
                assert region in catalog()["regions"], f"{name}: unknown region {region}"
                for entry in entries:
                    dt.date.fromisoformat(entry["effective"])
                    assert entry["source"].strip(), f"{name} {region} {entry['effective']}"
                    assert isinstance(entry["verified"], bool)

    def test_required_regions_exist(self) -> None:
        """The six regions of the issue resolve, each city falling back to its province and the nation."""
        regions = catalog()["regions"]
        for code in ("national", "guangdong", "guangzhou", "shenzhen", "beijing", "shanghai"):
            assert code in regions
        assert regions["guangzhou"]["parent"] == "guangdong" and regions["shenzhen"]["parent"] == "guangdong"

    def test_parameter_references_cite_registered_articles(self) -> None:
        """A parameter's reference names an article that is in the registry."""
        laws = catalog()["laws"]
        for name, param in catalog()["parameters"].items():
            ref = param.get("reference")
            if ref:
                assert ref["article"] in laws[ref["law"]]["articles"], name


class TestRules:
    def test_enough_rules_in_every_area(self) -> None:
        """The catalog has 40+ rules and covers all seven service areas."""
        everything = rules()
        assert len(everything) >= 40
        assert {r.area for r in everything} == AREAS

    def test_every_citation_resolves(self) -> None:
        """Every rule cites articles whose text is in the registry."""
        laws = catalog()["laws"]
        for r in rules():
            for c in r.citations:
                assert c.law in laws, f"{r.id}: unknown law {c.law}"
                assert c.article in laws[c.law]["articles"], f"{r.id}: {c} is not in the registry"

    def test_every_notice_citation_resolves(self) -> None:
        """The roster audit's notices cite articles whose text is in the registry."""
        laws = catalog()["laws"]
        for key, notice in catalog()["notices"].items():
            for c in notice["citations"]:
                assert c["article"] in laws[c["law"]]["articles"], f"notice {key}: {c}"

    def test_question_ids_are_unique(self) -> None:
        """No question id is used twice across the questionnaire."""
        ids = [q["id"] for q in catalog()["questionnaire"]["screening"]]
        ids += [q["id"] for r in rules(scope="company") for q in r.questions]
        assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})

    def test_skip_logic_uses_screening_questions(self) -> None:
        """applies_if only names screening questions, with yes/no answers."""
        screening = {q["id"]: q for q in catalog()["questionnaire"]["screening"]}
        for r in rules(scope="company"):
            for key, value in (r.applies_if or {}).items():
                assert key in screening, f"{r.id}: {key}"
                assert isinstance(value, bool)

    def test_review_point_20_severities(self) -> None:
        """Rules that decide every disciplinary dismissal are high; one obligation has one severity on both surfaces."""
        severity = {r.id: r.severity for r in rules()}
        assert severity["workplace_rules.rules_democratic_procedure"] == "high"  # SPC-I 50; LCL 87
        registration = ("social_insurance.housing_fund_registered", "social_insurance.housing_fund_not_registered")
        assert {severity[r] for r in registration} == {"medium"}  # HPF 37: a fine only after an ignored order
        assert severity["social_insurance.housing_fund_late"] == "low"  # registered, late: already put right
        # LL 41: normally at most 1 hour a day; the 3-hour ceiling is the exception for special reasons
        assert severity["workplace_rules.overtime_daily_limit"] == "high"
        assert severity["workplace_rules.overtime_beyond_one_hour_justified"] == "medium"

    def test_condition_parameters_exist(self) -> None:
        """Every {param: …} in a condition or amount names a catalog parameter."""
        params = catalog()["parameters"]
        for r in rules(scope="company"):
            for cond in r.fails_when:
                for key, value in cond.items():
                    if isinstance(value, dict) and key != "share":
                        assert value["param"] in params, r.id

    def test_employee_rules_and_checks_match(self) -> None:
        """Every employee rule has a roster check, and every check's rules are in the catalog."""
        checked = {rule_id for check in CHECKS for rule_id in check.rules}
        assert checked == {r.id for r in rules(scope="employee")}

    def test_message_placeholders_are_declared(self) -> None:
        """An employee rule's message uses only the placeholders it declares, in both languages."""
        for r in rules(scope="employee"):
            declared = set(catalog()["rules"][r.id].get("placeholders", []))
            for lang in ("zh", "en"):
                used = {f for _, f, _, _ in string.Formatter().parse(r.message[lang]) if f}
                assert used <= declared, f"{r.id} ({lang}): {used - declared}"

    def test_company_messages_have_no_placeholders(self) -> None:
        """Company findings are shown as written: no unfilled {placeholders}."""
        for r in rules(scope="company"):
            for lang in ("zh", "en"):
                assert not re.search(r"\{[a-z_]+\}", r.message[lang]), r.id
