"""The regional figures page: the national table (province × tier) and each province's
standards, city tiers, average wages and minimum-wage basis, from ``checkups/data/regions``."""

from __future__ import annotations

import datetime as dt

from checkups import figures, regions
from checkups.registry import catalog
from sitegen.common import Site, header, rules_as_of, table, tr, words

PAGE = "law/regions"
MONEY = ("minimum_wage.monthly", "minimum_wage.hourly")


def _mark(verified: bool, lang: str) -> str:
    return "✓" if verified else words("⚠ 未核实", "⚠ unverified", lang)


def _value(v) -> str:
    if v is None:
        return "—"
    return f"{v:.2f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


def national_table(on: dt.date, lang: str) -> str:
    """Province × tier: the monthly and hourly minimum wage in force on ``on``."""
    regs = catalog()["regions"]
    rows = []
    for province in regions.provinces():
        ids = [k for k, v in regs.items() if v["level"] == "tier" and v["parent"] == province] or [province]
        for rid in ids:
            got = {f.parameter: f for f in figures.in_force(on, rid) if f.parameter in MONEY}
            month, hour = got["minimum_wage.monthly"], got["minimum_wage.hourly"]
            if month.value is None and rid != province:
                continue  # a tier the standard in force no longer has
            tier = words(f"{regs[rid]['tier']}档", f"tier {regs[rid]['tier']}", lang) if rid != province else "—"
            rows.append(
                [
                    f"[{tr(regs[province]['name'], lang)}](#{province})",
                    tier,
                    _value(month.value),
                    _value(hour.value),
                    month.effective if month.value is not None else "—",
                    _mark(month.verified and hour.verified, lang),
                ]
            )
    heads = ["省份", "档次", "月最低工资（元）", "小时最低工资（元）", "生效日期", "核实"]
    heads_en = ["Province", "Tier", "Monthly (CNY)", "Hourly (CNY)", "From", "Verified"]
    return table(heads if lang == "zh" else heads_en, rows)


def _province_section(province: str, on: dt.date, lang: str) -> list[str]:
    regs = catalog()["regions"]
    name = tr(regs[province]["name"], lang)
    lines = ["", f"## {name} {{#{province}}}", ""]
    hourly = catalog()["parameters"]["minimum_wage.hourly"]["values"]
    monthly = catalog()["parameters"]["minimum_wage.monthly"]["values"]
    tiers = [k for k, v in regs.items() if v["level"] == "tier" and v["parent"] == province]
    own = [k for k in regions.children(province) if k in monthly]
    stds: dict[str, list[str]] = {}
    for rid in [province, *tiers, *own]:
        for m, h in zip(monthly.get(rid, []), hourly.get(rid, []), strict=True):
            if m["value"] is None and h["value"] is None and (rid == province or rid in tiers):
                continue  # "pick a city" for a tiered province, or a tier the standard dropped
            label = tr(regs[rid]["name"], lang)
            stds.setdefault(m["effective"], [m["notice"], m["source"], m["verified"], m.get("note")]).append(
                f"{label} {_value(m['value'])} / {_value(h['value'])}"
            )
    rows = [
        [eff, tr(s[0], lang), "；".join(s[4:]) if lang == "zh" else "; ".join(s[4:]), _mark(s[2], lang)]
        for eff, s in sorted(stds.items(), reverse=True)
    ]
    lines += [
        f"### {words('最低工资标准（月 / 小时，元）', 'Minimum wage standards (monthly / hourly, CNY)', lang)}",
        "",
        table(
            [
                words("生效日期", "From", lang),
                words("通知", "Notice", lang),
                words("数值", "Figures", lang),
                words("核实", "Verified", lang),
            ],
            rows,
        ),
        "",
    ]
    for eff, s in sorted(stds.items(), reverse=True):
        note = f" {tr(s[3], lang)}" if s[3] else ""
        lines.append(f"- {eff} — {words('来源', 'Source', lang)}: {s[1]}{note}")
    kids = regions.children(province)
    if kids:
        rows = []
        for kid in kids:
            status = regions.tier_status(kid, on)
            if kid in own:
                shown = words("本市单列标准", "own standard", lang)
            elif status.tier:
                shown = words(f"{regs[status.tier]['tier']}档", f"tier {regs[status.tier]['tier']}", lang)
            elif status.confirmed:
                shown = words("全省统一", "one rate for the province", lang)
            else:
                shown = words("⚠ 档次未确认：请填写当地标准", "⚠ tier unconfirmed: enter the local figure", lang)
            rows.append([tr(regs[kid]["name"], lang), regs[kid]["code"], shown, tr(status.note, lang) if status.note else ""])
        lines += ["", f"### {words('各市（区县）所属档次', 'Tier of each city (or county)', lang)}", ""]
        lines.append(words(f"按 {on.isoformat()} 执行的标准；城市一栏指该市市区，所辖县可能属于较低档次。",
                           f"Under the standard in force on {on.isoformat()}; a city means its urban districts, its counties may be in a lower tier.", lang))  # fmt: skip
        lines += [
            "",
            table(
                [
                    words("城市", "City", lang),
                    words("代码", "Code", lang),
                    words("档次", "Tier", lang),
                    words("说明", "Note", lang),
                ],
                rows,
            ),
        ]
    avg = catalog()["parameters"]["average_wage.monthly"]["values"]
    rows = []
    for rid in [province, *kids]:
        for e in avg.get(rid, []):
            if e["value"] is None:
                continue
            rows.append([tr(regs[rid]["name"], lang), str(e.get("data_year", "—")), e.get("basis", "—"), _value(e["value"]),
                         e["effective"], _mark(e["verified"], lang), e["source"]])  # fmt: skip
    if rows:
        lines += [
            "",
            f"### {words('上年度职工月平均工资（经济补偿封顶，劳动合同法第四十七条）', 'Average monthly wage (severance cap, LCL 47)', lang)}",
            "",
        ]
        heads = ["地区", "数据年度", "统计口径", "月平均工资（元）", "生效日期", "核实", "来源"]
        heads_en = ["Region", "Data year", "Series", "Monthly (CNY)", "From", "Verified", "Source"]
        lines.append(table(heads if lang == "zh" else heads_en, rows))
    flags = []
    for name, what in (("minimum_wage.excludes_employee_si", words("个人社保缴费", "employee social insurance", lang)),
                       ("minimum_wage.excludes_employee_hf", words("个人公积金缴费", "employee housing fund", lang))):  # fmt: skip
        f = next(x for x in figures.in_force(on, province, name))
        shown = words("不含（应剔除后比较）", "excluded (compare net pay)", lang) if f.value else words("包含", "included", lang)
        where = "" if f.region == province else words("（全国规则）", " (national rule)", lang)
        flags.append(f"{what}: {shown}{where} {_mark(f.verified, lang)}")
    lines += [
        "",
        f"**{words('最低工资是否包含个人缴费', 'Does the minimum wage include the employee contributions', lang)}:** "
        + "; ".join(flags),
    ]
    return lines


def regions_page(site: Site) -> None:
    """``law/regions``: the national table, then one section per province."""
    on = dt.date.fromisoformat(rules_as_of())
    texts = {}
    for lang in ("en", "zh"):
        lines = [
            header("checkups/data/regions"),
            f"# {words('各地最低工资与平均工资', 'Regional minimum and average wages', lang)}",
            "",
        ]
        lines.append(
            words(
                f"下表为 {on.isoformat()} 执行的各省最低工资标准（按档次）。每个数值都有生效日期、来源和是否已核实；"
                "标注 ⚠ 的数值来自二手资料，使用前请与当地官方通知核对，或在体检中直接填写。",
                f"The table gives each province's minimum wage by tier in force on {on.isoformat()}. Every figure has its "
                "effective date, source and whether it is verified; figures marked ⚠ come from secondary sources: check "
                "them against the local official notice, or type the figure into the check-up.",
                lang,
            )
        )
        lines += ["", national_table(on, lang)]
        for province in regions.provinces():
            lines += _province_section(province, on, lang)
        texts[lang] = "\n".join(lines) + "\n"
    site.add(PAGE, texts, section="law")
