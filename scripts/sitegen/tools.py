"""The programme tools section (``docs/tools/``): an index and one page per tool, each with
what it is for and who uses it, its instant form, its notebook and its command line."""

from __future__ import annotations

from checkups.text import Text

from .common import Site, header, link, print_footer, site_prefix, table, words
from .instant import instant_form

#: (page slug, instant kind, title, one-sentence summary, who uses it, the command line)
TOOLS = [
    (
        "tools/needs",
        "needs",
        Text("托管需求自测", "Needs survey"),
        Text(
            "回答六个问题，看看哪些服务领域和增值服务值得委托，以及为什么。",
            "Answer six questions to see which service areas and value-added services are worth entrusting, and why.",
        ),
        Text(
            "企业负责人自测；托管机构和人社局在签约前了解企业需要。结果列出建议委托的领域、每项建议来自哪条回答和理由，并链接到服务内容页面；可以一键按这些领域起草协议。",
            "An owner checking on their own; an agency or a bureau learning what an enterprise needs before signing. "
            "The result lists the areas to entrust, the answer and reason behind each, links to the service pages, "
            "and drafts the agreement for those areas in one click.",
        ),
        "python -m checkups needs ANSWERS.json [--format text|json|md] [--lang zh|en]",
    ),
    (
        "tools/agreement",
        "agreement",
        Text("托管协议生成", "Agreement builder"),
        Text(
            "选择委托的服务领域，得到只含相应条款、责任分工和服务水平的托管服务协议（网页、Markdown、Word）。",
            "Choose the service areas to entrust and get the trusteeship agreement with only their clauses, "
            "responsibility matrix and service levels (web page, Markdown, Word).",
        ),
        Text(
            "企业和托管机构签约前使用。协议只保留所选领域的条款、风险预警情形、差错赔偿事项、责任分工矩阵和服务水平，其余条款照示范文本保留；下划线处由双方填写。",
            "An enterprise and an agency before they sign. The agreement keeps only the chosen areas' clauses, "
            "warning cases, error-compensation items, responsibility matrix and service levels, and the rest of the "
            "model text; the parties fill in the blanks.",
        ),
        "python -m checkups agreement CHOICES.json [--format html|md|docx] [--lang zh|en] [-o FILE]",
    ),
    (
        "tools/cost-benefit",
        "costs",
        Text("托管成本收益估算", "Cost-benefit estimate"),
        Text(
            "把体检发现的涉及金额、可能的罚款和争议费用与托管服务费、补贴对比，估算每年的收支（低、中、高三种情形），所有假设都可以修改，并画出费用与风险对比图。",
            "Sets the money at risk, the likely fines and the cost of disputes that a check-up found against the "
            "trusteeship fee and any subsidy: the yearly balance in a low, a central and a high case, every "
            "assumption editable, with a chart of cost against risk.",
        ),
        Text(
            "企业负责人决定是否托管；托管机构向企业说明服务价值；人社局测算补贴。",
            "An owner deciding on trusteeship; an agency showing what its service is worth; a bureau weighing a subsidy.",
        ),
        "python -m checkups costs FINDINGS.json --fee 12000 --subsidy 3000 --assume share.central=30% --format html -o costs.html",
    ),
    (
        "tools/scorecard",
        "scorecard",
        Text("托管机构评分", "Agency scorecard"),
        Text(
            "按资质审核清单和服务评价评分表为托管机构打分，得出总分和对应的补贴分档（分档是示例，可以修改）；一次上传一个表格即可为多家机构评分并排名。",
            "Scores a trustee agency on the qualification review and the service evaluation: the score and the "
            "subsidy band it falls in (the bands are an example you can change); one spreadsheet scores and ranks "
            "many agencies at once.",
        ),
        Text("人社局评价托管机构；企业评价自己的托管机构。", "A bureau rating agencies; an enterprise rating its own."),
        "python -m checkups scorecard --template > agencies.csv\npython -m checkups scorecard agencies.csv --format html -o scorecard.html",
    ),
    (
        "tools/early-warning",
        "early-warning",
        Text("风险预警和期限日历", "Risk early warning and deadlines calendar"),
        Text(
            "上传一份员工名册，得到 A/B/C 风险等级、触发的预警指标和今后的法定期限，并可导出为手机或 Outlook 可导入的日历。",
            "Upload an employee roster to get an A/B/C risk grade, the warnings that drove it and the legal deadlines ahead, "
            "exported as a calendar a phone or Outlook imports.",
        ),
        Text(
            "托管机构跟踪每家托管企业的风险和期限；企业负责人自查。",
            "An agency following each client's risks and deadlines; an owner checking their own.",
        ),
        "python -m checkups warn ROSTER --as-of 2025-06-30 --region guangzhou --format ics -o deadlines.ics",
    ),
    (
        "tools/portfolio",
        "portfolio",
        Text("托管企业名册批量检查", "Portfolio audit of client rosters"),
        Text(
            "托管机构一次选择各托管企业的名册，得到每家企业一行的汇总（员工、问题、涉及金额、风险等级、最近的期限）和图表。",
            "An agency chooses its clients' rosters at once and gets one row per client (employees, findings, money at "
            "risk, grade, nearest deadline), with totals and charts.",
        ),
        Text(
            "托管机构检查全部托管企业，向人社局报送结果。",
            "An agency auditing all its client enterprises and reporting to the bureau.",
        ),
        "python -m checkups portfolio DIR --as-of 2025-06-30 --jobs 2 --format html -o portfolio.html",
    ),
    (
        "tools/bureau",
        "bureau",
        Text("人社部门项目汇总", "Programme totals for the labour bureau"),
        Text(
            "汇总各托管机构的批量检查结果：覆盖企业数、两次检查之间已整改的问题、风险等级的变化和按补贴档次的机构。",
            "Totals of the agencies' portfolio audits: enterprises covered, findings fixed between two audits, grades "
            "moved and agencies by subsidy tier.",
        ),
        Text("人社局评估托管项目的成效。", "A bureau evaluating what its trusteeship programme achieves."),
        "python -m checkups bureau agency-a.json agency-b.json --format html -o programme.html",
    ),
]


def tools_pages(site: Site) -> None:
    """The section's index and one page per tool, in both languages."""
    site.add("tools/index", {lang: _index(lang) for lang in ("en", "zh")}, section="tools")
    for slug, kind, title, summary, who, command in TOOLS:
        site.add(slug, {lang: _tool(slug, kind, title, summary, who, command, lang) for lang in ("en", "zh")}, section="tools")


def _index(lang: str) -> str:
    lines = [header("scripts/sitegen/tools.py (TOOLS)"), f"# {words('项目工具', 'Programme tools', lang)}", ""]
    lines.append(
        words(
            "这些工具用企业、托管机构或人社局自己的数据进行计算，全部在本浏览器中完成，数据不会上传。",
            "These tools compute on the enterprise's, the agency's or the bureau's own data, all in this browser; "
            "nothing is uploaded.",
            lang,
        )
    )
    rows = [[f"[{t.get(lang)}]({link('tools/index', slug)})", s.get(lang)] for slug, _, t, s, _, _ in TOOLS]
    lines += ["", table([words("工具", "Tool", lang), words("用途", "What it does", lang)], rows), "", print_footer(lang)]
    return "\n".join(lines)


def _tool(slug: str, kind: str, title: Text, summary: Text, who: Text, command: str, lang: str) -> str:
    root = "../" * (2 + site_prefix(lang).count("/"))  # from /[en/]tools/<slug>/ to the site root
    notebook = f"{root}lite/notebooks/index.html?path=tool-{slug.removeprefix('tools/')}.{lang}.ipynb"
    lines = [header("scripts/sitegen/tools.py (TOOLS)"), f"# {title.get(lang)}", "", summary.get(lang), ""]
    lines += [
        f"**{words('谁使用', 'Who uses it', lang)}**：{who.get(lang)}" if lang == "zh" else f"**Who uses it**: {who.get(lang)}",
        "",
    ]
    lines += [instant_form(kind, lang, root), ""]
    lines.append(
        f'<a href="{notebook}">{words("以笔记本方式打开（显示全部代码）", "Open as notebook (shows all the code)", lang)}</a>'
    )
    lines += [
        "",
        f'!!! note "{words("托管机构和开发者", "For agencies and developers", lang)}"',
        "",
        f"    {words('命令行：', 'On the command line:', lang)}",
        "",
        "    ```bash",
        *(f"    {line}" for line in command.splitlines()),
        "    ```",
        "",
        print_footer(lang),
    ]
    return "\n".join(lines)
