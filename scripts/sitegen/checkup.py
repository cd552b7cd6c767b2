"""The check-up page: what the questionnaire asks (a printable copy, from the rule
catalog), the roster columns, and the calculators."""

from __future__ import annotations

from urllib.parse import quote

from checkups.registry import ADVICE, Rule, catalog, rules
from checkups.roster import COLUMNS

from .common import Site, header, link, print_footer, rule_anchor, site_prefix, table, tr, words
from .instant import instant_form

#: the in-browser check-ups: notebook key, checkups.ui builder, Chinese and English names
LAUNCHERS = [
    ("company", "questionnaire_app", "企业合规体检", "Company compliance check-up"),
    ("roster", "roster_app", "员工名册体检", "Employee roster audit"),
    ("calculators", "calculators_app", "劳动法计算器", "Labour-law calculators"),
]


KINDS = {
    "text": ("文本", "text"),
    "date": ("日期", "date"),
    "number": ("数字", "number"),
    "choice": ("选项", "choice"),
    "bool": ("是/否", "yes/no"),
}


def checkup_pages(site: Site) -> None:
    site.add("check-up/index", {lang: _index(lang) for lang in ("en", "zh")}, section="check-up")
    for key, builder, zh, en in LAUNCHERS:
        site.add(
            f"check-up/{key}",
            {lang: _launcher(key, builder, words(zh, en, lang), lang) for lang in ("en", "zh")},
            section="check-up",
        )
    site.add("check-up/questionnaire", {lang: _questionnaire(lang) for lang in ("en", "zh")}, section="check-up")


def _index(lang: str) -> str:
    page = "check-up/index"
    lines = [
        header("checkups/data (questionnaire, rules) and checkups/roster.py"),
        f"# {words('合规体检', 'Compliance check-up', lang)}",
        "",
    ]
    lines.append(
        words(
            "合规体检有三部分：企业问卷（按服务领域分组，按企业情况跳过不适用的问题）、员工名册体检（上传 CSV 或 Excel 名册，逐人检查）和计算器（经济补偿、赔偿金、二倍工资、加班费、年休假、试用期）。所有计算都在本机完成，员工数据不会离开你的电脑。",
            "The check-up has three parts: the company questionnaire (grouped by service area, skipping what does "
            "not apply), the employee roster audit (a CSV or Excel roster checked employee by employee) and the "
            "calculators (severance, compensation for unlawful termination, double wage, overtime pay, annual "
            "leave, probation). Everything is computed on your own computer; no employee data leaves it.",
            lang,
        )
    )
    lines += ["", f"## {words('在浏览器中开始', 'Start in the browser', lang)}", ""]
    lines.append(
        words(
            "每个体检页面打开即可填写；检查在本浏览器中进行，所用的 Python 运行环境由本站自带（约 16 MB，首次加载需要几秒，之后由浏览器缓存），在你填写时于后台加载。不需要安装任何软件；页面不会从其他网站加载任何内容。",
            "Each check-up page can be filled in as soon as it opens; the check runs in this browser, with the "
            "Python runtime this site carries (about 16 MB, some seconds the first time, then kept in the "
            "browser's cache), loaded in the background while you fill in the form. Nothing to install; "
            "nothing is loaded from any other site.",
            lang,
        )
    )
    lines.append("")
    for key, _builder, zh, en in LAUNCHERS:
        lines.append(f"- [{words(zh, en, lang)}]({link(page, 'check-up/' + key)})")
    lines += ["", f"- [{words('打印版企业问卷', 'The questionnaire, printable', lang)}]({link(page, 'check-up/questionnaire')})"]
    lines += ["", f"## {words('员工名册的列', 'Roster columns', lang)}", ""]
    lines.append(
        words(
            "只有工号和入职日期是必填列；其余列有则检查，没有则跳过并提示。日期可写作 2025-03-01、2025/3/1 或 2025年3月1日。",
            "Only employee_id and hire_date are required; other columns are checked when present and reported as not checked when absent. Dates may be written 2025-03-01, 2025/3/1 or 2025年3月1日.",
            lang,
        )
    )
    lines += [
        "",
        table(
            [
                words("英文列名", "Column", lang),
                words("中文列名", "Chinese header", lang),
                words("类型", "Kind", lang),
                words("说明", "Notes", lang),
            ],
            ([name, c.zh, words(*KINDS[c.kind], lang), c.note.get(lang)] for name, c in COLUMNS.items()),
        ),
    ]
    lines += ["", f"## {words('在电脑上运行', 'Run it on your computer', lang)}", ""]
    lines += [
        "```bash",
        "python -m checkups audit roster.csv --region guangzhou --format html -o report.html",
        "python -m checkups calc severance 8000 2019-03-01 2025-06-30 --region guangzhou",
        "```",
    ]
    lines += ["", f"## {words('检查的规则', 'Rules checked on a roster', lang)}", ""]
    lines += [
        f"- [{r.title[lang]}]({link(page, 'services/' + r.area.replace('_', '-'), rule_anchor(r.id))})"
        for r in rules(scope="employee")
    ]
    return "\n".join(lines)


def app_url(builder: str, lang: str, root: str) -> str:
    """The JupyterLite REPL in app mode (code hidden) running one checkups.ui builder.

    The kernel starts with checkups and ipywidgets loaded (lite/jupyter-lite.json preloads
    them), so the one cell only imports and shows the form.
    """
    # the builders' site_base is the site root seen from lite/repl/ (Citation.href adds en/)
    cells = (f"from checkups.ui import {builder}\n{builder}({lang!r}).widget",)
    params = ["kernel=python", "showBanner=0", "hideCodeInput=1", "execute=1"] + ["code=" + quote(c, safe="") for c in cells]
    return root + "lite/repl/index.html?" + "&amp;".join(params)


def _launcher(key: str, builder: str, title: str, lang: str) -> str:
    """A page that starts one check-up in a frame when asked (other pages load no Python)."""
    root = "../" * (2 + site_prefix(lang).count("/"))  # from /[en/]check-up/<key>/ to the site root
    notebook = f"{root}lite/notebooks/index.html?path=checkup-{key}.{lang}.ipynb"
    lines = [header("scripts/sitegen/checkup.py (LAUNCHERS)"), f"# {title}", ""]
    lines.append(
        words(
            "表单打开即可填写，也可以打印。检查在本浏览器中进行：本站自带的 Python 运行环境在你填写时于后台加载（首次需要几秒，之后由浏览器缓存），表单上方显示加载进度；加载完成前按下“检查”也不会丢失，加载完成后自动检查。",
            "The form can be filled in, or printed, at once. The check runs in this browser: the Python runtime "
            "this site carries loads in the background while you fill in the form (some seconds the first time, "
            "then kept in the browser's cache), with its progress shown above the form; a check asked for before "
            "it has loaded runs as soon as it has.",
            lang,
        )
    )
    lines += ["", instant_form(key, lang, root), ""]
    lines.append(
        f'<a href="{notebook}">{words("以笔记本方式打开（显示全部代码）", "Open as notebook (shows all the code)", lang)}</a>'
        f" · "
        f'<a href="{app_url(builder, lang, root)}">{words("以应用方式打开（JupyterLite）", "Open as an app (JupyterLite)", lang)}</a>'
    )
    return "\n".join(lines)


def _questionnaire(lang: str) -> str:
    page = "check-up/questionnaire"
    data = catalog()
    lines = [
        header("checkups/data/questionnaire.yaml and checkups/data/rules"),
        f"# {words('企业合规体检问卷', 'Company compliance questionnaire', lang)}",
        "",
    ]
    lines.append(
        words(
            "先回答基本情况，再按服务领域逐题作答；标注“如适用”的问题只在基本情况相符时作答。",
            "Answer the screening questions first, then each area's questions; questions marked 'if applicable' are answered only when the screening answer fits.",
            lang,
        )
    )
    lines += ["", f"## {words('基本情况', 'About the enterprise', lang)}", ""]
    lines += [f"1. {tr(q['text'], lang)} {_answer(q, lang)}" for q in data["questionnaire"]["screening"]]
    screening = {q["id"]: q for q in data["questionnaire"]["screening"]}
    areas = {a["id"]: a for a in data["services"]["core"]}
    for area in data["questionnaire"]["areas"]:
        company = rules(scope="company", area=area)
        if not company:
            continue
        lines += ["", f"## {tr(areas[area]['name'], lang)}", ""]
        for r in company:
            cond = "".join(f" <small>（{n}）</small>" if lang == "zh" else f" <small>({n})</small>" for n in _notes(r, lang))
            if r.applies_if:
                when = (
                    "；".join(tr(screening[k]["text"], lang) for k in r.applies_if)
                    if lang == "zh"
                    else "; ".join(tr(screening[k]["text"], lang) for k in r.applies_if)
                )
                cond += words(f"（如适用：{when}）", f" (if applicable: {when})", lang)
            for q in r.questions:
                lines.append(
                    f"1. {tr(q['text'], lang)}{cond} {_answer(q, lang)} <small>[{words('规则', 'rule', lang)}]({link(page, 'services/' + r.area.replace('_', '-'), rule_anchor(r.id))})</small>"
                )
    lines.append(print_footer(lang))
    return "\n".join(lines)


def _notes(r: Rule, lang: str) -> list[str]:
    """The region condition and the 'good practice' mark of a rule, as shown beside its questions."""
    return [n for n in (r.where(lang), ADVICE[lang] if r.advice else None) if n]


def _answer(q: dict, lang: str) -> str:
    if q["type"] == "bool":
        return words("☐ 是　☐ 否", "☐ yes ☐ no", lang)
    if q["type"] == "money":
        return words("＿＿＿＿ 元", "______ yuan", lang)
    return "＿＿＿＿"
