"""The instant check-up forms, as HTML made from the package's data at build time.

- ``company``: the questionnaire (``checkups/data/questionnaire.yaml`` and the company
  rules' questions), screening first; skip logic from each rule's ``applies_if`` works in
  CSS alone (``:has``), so the form is usable and prints as the paper checklist without
  the page script;
- ``roster``: the roster upload with its column table and templates (``checkups.columns``);
- ``calculators``: each calculator's fields from the registry (``checkups.calc.specs``).

:func:`form` returns one check-up as a raw HTML block for a Markdown page; the page script
(``docs/javascripts/instant/``) sends what is entered to the package in a Web Worker.

    python scripts/sitegen/instant.py --preview DIR   # standalone pages, to try the forms
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkups import calc
from checkups.columns import COLUMNS
from checkups.registry import ADVICE, Rule, area_name, catalog, rules
from checkups.text import Text
from sitegen import instant_costs, instant_needs, instant_warn
from sitegen.instant_html import buttons, described, e, field, form, ident, radios, settings, submit, text_input

KINDS = ("company", "roster", "calculators", "needs", "agreement", "costs", "scorecard", "early-warning", "portfolio", "bureau")
#: the forms that start with the region and the audit date (the needs survey and the agreement builder need neither)
CHECKUPS = tuple(k for k in KINDS if k not in ("needs", "agreement"))
#: the saved document's kind for each check-up: the notebooks' names (checkups.ui), so files move between them
STORAGE = {
    "company": "answers",
    "roster": "roster",
    "calculators": "calculators",
    "needs": "needs",
    "agreement": "agreement",
    "costs": "costs",
    "scorecard": "scorecard",
    "early-warning": "early-warning",
    "portfolio": "portfolio",
    "bureau": "bureau",
}
LABELS = {
    "unanswered": Text("未答", "Not answered"),
    "yes": Text("是", "Yes"),
    "no": Text("否", "No"),
    "screening": Text("基本情况", "About the enterprise"),
    "check": Text("检查", "Check"),
    "if": Text("如适用：", "if applicable: "),
    "yuan": Text("元", "yuan"),
    "min_wage": Text("当地月最低工资（可不填）", "Local monthly minimum wage (optional)"),
    "min_wage_help": Text("填写后代替所选地区的数字", "Used instead of the region's figure; leave empty to use the region's"),
    "file": Text("名册文件（CSV 或 Excel .xlsx）", "Roster file (CSV or Excel .xlsx)"),
    "drop": Text(
        "也可以把文件拖放到这里。文件只在本浏览器中读取，不会上传。",
        "Or drop the file here. It is read in this browser only, never uploaded.",
    ),
    "templates": Text("下载模板：", "Templates: "),
    "template_zh": Text("名册模板（中文表头）", "roster template (Chinese headers)"),
    "template_en": Text("名册模板（英文表头）", "roster template (English headers)"),
    "columns": Text("名册的列", "The roster's columns"),
    "column": Text("英文列名", "Column"),
    "header": Text("中文列名", "Chinese header"),
    "notes": Text("说明", "Notes"),
    "audit": Text("检查名册", "Audit the roster"),
    "compute": Text("计算", "Compute"),
    "calculators": Text("计算器：", "Calculators: "),
    "on_help": Text("留空则用页首的日期", "empty: the date at the top of the page"),
    "required": Text("（必填）", " (required)"),
}


def _t(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


def _sep(lang: str) -> str:
    return "；" if lang == "zh" else "; "


# --- the company questionnaire ---------------------------------------------------------


def _question(q: dict, lang: str, note: str = "") -> str:
    kind, text = "company", q["text"][lang]
    help_ = " ".join(x for x in ((q.get("help") or {}).get(lang), note) if x)
    if q["type"] == "bool":
        options = [("", _t("unanswered", lang)), ("true", _t("yes", lang)), ("false", _t("no", lang))]
        return radios(kind, q["id"], text, options, note=help_)
    unit = {"money": _t("yuan", lang), "percent": "%"}.get(q["type"], "")
    return field(kind, q["id"], text, text_input(kind, q["id"], numeric=True, help_=bool(help_)), help_=help_, unit=unit)


def _rule(r: Rule, screening: dict[str, dict], lang: str) -> str:
    notes = [n for n in (r.where(lang), ADVICE[lang] if r.advice else None) if n]
    if r.applies_if:
        notes.append(_t("if", lang) + _sep(lang).join(screening[k]["text"][lang] for k in r.applies_if))
    when = " ".join(f"{k}={'true' if v else 'false'}" for k, v in (r.applies_if or {}).items())
    note = f'<p class="checkup-note"><small>{e(_sep(lang).join(notes))}</small></p>' if notes else ""
    return (
        f'<div class="checkup-rule" data-rule="{e(r.id)}"{f" data-if={chr(34)}{when}{chr(34)}" if when else ""}>'
        f'{note}<p class="checkup-skip" hidden></p>{"".join(_question(q, lang) for q in r.questions)}</div>'
    )


def skip_css() -> str:
    """Hide a rule's questions when a screening answer rules it out (no script needed)."""
    pairs = sorted({(k, v) for r in rules(scope="company") for k, v in (r.applies_if or {}).items()})
    out = []
    for key, wanted in pairs:
        other = "false" if wanted else "true"
        want = "true" if wanted else "false"
        out.append(f'.checkup-form:has(input[name="{key}"][value="{other}"]:checked) .checkup-rule[data-if~="{key}={want}"]')
    return "<style>" + ",".join(out) + "{display:none}</style>" if out else ""


def company(lang: str) -> tuple[str, str]:
    data = catalog()["questionnaire"]
    screening = {q["id"]: q for q in data["screening"]}
    parts = [settings("company", lang), skip_css()]
    parts.append(
        f'<fieldset class="checkup-screening"><legend>{e(_t("screening", lang))}</legend>'
        + "".join(_question(q, lang) for q in data["screening"])
        + "</fieldset>"
    )
    for area in data["areas"]:
        found = rules(scope="company", area=area)
        if found:
            parts.append(
                f'<section class="checkup-area" data-area="{area}"><h2>{e(area_name(area)[lang])}</h2>'
                + "".join(_rule(r, screening, lang) for r in found)
                + "</section>"
            )
    return "".join(parts), submit(_t("check", lang))


# --- the roster audit ------------------------------------------------------------------


def template_csv(lang: str) -> str:
    """An empty roster with every column, headed in ``lang`` (as the notebook's template)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow([c.zh if lang == "zh" else name for name, c in COLUMNS.items()])
    return buffer.getvalue()


def _kind_name(kind: str, lang: str) -> str:
    names = {"text": ("文本", "text"), "date": ("日期", "date"), "number": ("数字", "number"),
             "choice": ("选项", "choice"), "bool": ("是/否", "yes/no")}  # fmt: skip
    zh, en = names[kind]
    return zh if lang == "zh" else en


def columns_table(lang: str) -> str:
    head = "".join(f'<th scope="col">{e(_t(k, lang))}</th>' for k in ("column", "header", "notes"))
    rows = "".join(
        f"<tr><td><code>{e(name)}</code></td><td>{e(c.zh)}</td><td>{e(_kind_name(c.kind, lang))}"
        f"{'；' if lang == 'zh' else '; '}{e(c.note.get(lang))}</td></tr>"
        for name, c in COLUMNS.items()
    )
    return (
        f'<details class="checkup-columns"><summary>{e(_t("columns", lang))}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></details>"
    )


def roster(lang: str) -> tuple[str, str]:
    kind = "roster"
    wage = field(
        kind,
        "min_wage",
        _t("min_wage", lang),
        text_input(kind, "min_wage", numeric=True, help_=True),
        help_=_t("min_wage_help", lang),
        unit=_t("yuan", lang),
    )
    upload = '<input type="file" id="roster-file" name="file" accept=".csv,.xlsx,.txt,text/csv" aria-describedby="roster-file-error roster-file-help">'
    templates = " · ".join(
        f'<a download="roster-template-{code}.csv" href="data:text/csv;charset=utf-8,{quote(chr(0xFEFF) + template_csv(code))}">'
        f"{e(_t('template_' + code, lang))}</a>"
        for code in ("zh", "en")
    )
    body = [
        settings(kind, lang, wage),
        f'<div class="checkup-drop">{field(kind, "file", _t("file", lang), upload, help_=_t("drop", lang))}</div>',
        f'<p class="checkup-templates">{e(_t("templates", lang))}{templates}</p>',
        columns_table(lang),
    ]
    return "".join(body), submit(_t("audit", lang))


# --- the calculators -------------------------------------------------------------------


def _calc_field(spec: calc.Calculator, f: calc.Field, lang: str) -> str:
    kind, key = "calculators", f"{spec.name}.{f.name}"
    label = f.label.get(lang) + (_t("required", lang) if f.required else "")
    help_ = _t("on_help", lang) if f.today else (f.help.get(lang) if f.help else "")
    cid = ident(kind, key)
    if f.kind == "bool":
        box = f'<input type="checkbox" id="{cid}" name="{e(key)}" value="true"{described(kind, key, bool(help_))}>'
        return field(kind, key, label, box, help_=help_, css="checkup-check")
    if f.kind == "choice":
        options = "".join(
            f'<option value="{e(v)}"{" selected" if v == f.default else ""}>{e(t.get(lang))}</option>' for v, t in f.choices
        )
        control = f'<select id="{cid}" name="{e(key)}"{described(kind, key, bool(help_))}>{options}</select>'
        return field(kind, key, label, control, help_=help_)
    if f.kind == "date":
        control = f'<input type="date" id="{cid}" name="{e(key)}"{described(kind, key, bool(help_))}>'
        return field(kind, key, label, control, help_=help_)
    unit = _t("yuan", lang) if f.kind == "money" else ""
    return field(kind, key, label, text_input(kind, key, numeric=f.kind != "term", help_=bool(help_)), help_=help_, unit=unit)


def calculators(lang: str) -> tuple[str, str]:
    shown = [c for c in calc.CALCULATORS if c.ui]
    toc = " · ".join(f'<a href="#calc-{c.name}">{e(c.title.get(lang))}</a>' for c in shown)
    parts = [settings("calculators", lang), f'<p class="checkup-toc">{e(_t("calculators", lang))}{toc}</p>']
    for c in shown:
        parts.append(
            f'<section class="checkup-calculator" id="calc-{c.name}" data-calculator="{c.name}">'
            f"<h2>{e(c.title.get(lang))}</h2><p>{e(c.help.get(lang))}</p>"
            + "".join(_calc_field(c, f, lang) for f in c.fields)
            + f'<div class="checkup-actions">{submit(_t("compute", lang), "calculator", c.name)}</div></section>'
        )
    return "".join(parts), ""


BUILDERS = {"company": company, "roster": roster, "calculators": calculators}
BUILDERS.update(needs=instant_needs.needs, agreement=instant_needs.agreement)
BUILDERS |= {"costs": instant_costs.costs, "scorecard": instant_costs.scorecard}
BUILDERS |= {"early-warning": instant_warn.early_warning, "portfolio": instant_warn.portfolio, "bureau": instant_warn.bureau}


def instant_form(kind: str, lang: str, root: str, links: str | None = None) -> str:
    """One check-up's form, its result area and its words; ``root`` is the site root from the
    page, ``links`` the base of the results' citation links (default ``root``)."""
    body, button = BUILDERS[kind](lang)
    return form(kind, lang, root, body + buttons(lang, button), storage=STORAGE[kind], links=links)


def preview(out: Path) -> list[Path]:
    """Standalone pages at ``out/[en/]check-up/<kind>/index.html`` (the site's layout: Chinese at
    the root, English under ``en/``), linking ``stylesheets/instant.css`` and the page script."""
    written = []
    for kind in KINDS:
        for lang in ("zh", "en"):
            page = out / ("en" if lang == "en" else "") / "check-up" / kind / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            root = "../../" if lang == "zh" else "../../../"
            page.write_text(
                f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{e(kind)}</title></head>"
                f'<body><main class="md-typeset"><h1>{e(kind)}</h1>{instant_form(kind, lang, root)}</main>'
                "</body></html>\n",
                encoding="utf-8",
            )
            written.append(page)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", type=Path, required=True, help="write standalone pages under this folder")
    args = parser.parse_args(argv)
    for page in preview(args.preview):
        print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
