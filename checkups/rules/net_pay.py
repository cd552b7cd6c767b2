"""Pay that counts toward the minimum wage: the wage less the employee's own contributions
where the region's monthly minimum excludes them (Beijing, Shanghai, …; MWP 12).

With an ``employee_contributions`` column the amount given is deducted.  Without it, an
insured employee is taken to pay at least the lowest contribution the law allows (the
personal pension rate, and the housing-fund floor of HPF 18, on the wage): so pay that is
certainly below the minimum is found, and the assumption is said.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..registry import region_name
from ..roster import Roster
from ..text import Text, fmt_money
from ..timeline import ParamValue
from . import Context, column

__all__ = ["NetPay"]

SI_FLAG, HF_FLAG = "minimum_wage.excludes_employee_si", "minimum_wage.excludes_employee_hf"
PENSION_RATE, HF_RATE = "social_insurance.employee_pension_rate", "housing_fund.rate_min"


@dataclass
class NetPay:
    """One employee's pay toward the minimum wage, day by day (call with ordinals)."""

    ctx: Context
    wage: Decimal
    contributions: Decimal | None  # the roster's employee_contributions (None: not given)
    si_from: int | None  # social_insurance_date, if registered
    hf_from: int | None  # housing_fund_date, if registered
    si_known: bool = True  # whether the roster has the social-insurance column at all
    hf_known: bool = True

    @classmethod
    def for_roster(cls, r: Roster, ctx: Context) -> Callable[[int, Decimal], NetPay]:
        """A maker of each row's :class:`NetPay` from the roster's contribution and registration columns."""
        contributions, si, hf = (column(r, c) for c in ("employee_contributions", "social_insurance_date", "housing_fund_date"))
        known = ("social_insurance_date" in r.present, "housing_fund_date" in r.present)
        return lambda i, wage: cls(ctx, wage, contributions[i], si[i], hf[i], *known)

    def breaks(self) -> set[int]:
        """Days the pay toward the minimum may change."""
        days = {*self.ctx.breaks(SI_FLAG), *self.ctx.breaks(HF_FLAG)}
        if self.contributions is None:
            days |= {*self.ctx.breaks(PENSION_RATE), *self.ctx.breaks(HF_RATE)}
            days |= {d for d in (self.si_from, self.hf_from) if d is not None}
        return days

    def excluded(self, day: int) -> tuple[ParamValue | None, ParamValue | None]:
        """The flags in force that say the minimum excludes SI / HF contributions (None: included)."""
        si, hf = self.ctx.figure(SI_FLAG, day), self.ctx.figure(HF_FLAG, day)
        return (si if si is not None and si.value else None), (hf if hf is not None and hf.value else None)

    def _lowest(self, day: int, si: bool, hf: bool) -> tuple[Decimal, list[ParamValue]]:
        """The least the law lets an insured employee pay, on the wage (0 for a part not insured)."""
        total, used = Decimal(0), []
        for wanted, name, since in ((si, PENSION_RATE, self.si_from), (hf, HF_RATE, self.hf_from)):
            if wanted and since is not None and since <= day:
                rate = self.ctx.figure(name, day)
                if rate is not None:
                    total += rate.decimal * self.wage
                    used.append(rate)
        return total, used

    def deduction(self, day: int) -> Decimal:
        """What to take off the wage on a day before comparing it with the minimum."""
        si, hf = self.excluded(day)
        if si is None and hf is None:
            return Decimal(0)
        if self.contributions is not None:
            if si is not None and hf is not None:
                return self.contributions
            return min(self.contributions, self._lowest(day, si is not None, hf is not None)[0])
        return self._lowest(day, si is not None, hf is not None)[0]

    def paid(self, day: int) -> Decimal:
        return self.wage - self.deduction(day)

    def explain(self, day: int) -> tuple[tuple[Text, ...], tuple[ParamValue, ...]]:
        """The steps and figures that say what was deducted on a day, and on what assumption."""
        si, hf = self.excluded(day)
        flags = tuple(p for p in (si, hf) if p is not None)
        if not flags:
            return (), ()
        where = region_name(flags[0].region)
        parts = Text(
            "、".join(w for p, w in ((si, "社会保险费"), (hf, "住房公积金")) if p is not None),
            " and ".join(w for p, w in ((si, "social insurance"), (hf, "housing fund")) if p is not None),
        )
        steps = [
            Text(
                f"{where['zh']}的月最低工资标准不含劳动者个人缴纳的{parts.zh}（{flags[0].effective} 起）：比较前先从月工资中减去个人缴费。",
                f"{where['en']}'s monthly minimum wage excludes the employee's own {parts.en} contributions "
                f"(from {flags[0].effective}): they are taken off the wage before comparing.",
            )
        ]
        deducted = self.deduction(day)
        lowest, rates = self._lowest(day, si is not None, hf is not None)
        if self.contributions is not None and deducted == self.contributions:
            steps.append(
                Text(
                    f"名册所列个人缴费 {fmt_money(deducted)} 元：计入最低工资的工资为 {fmt_money(self.wage - deducted)} 元。",
                    f"Employee contributions in the roster: {fmt_money(deducted)}; pay toward the minimum: "
                    f"{fmt_money(self.wage - deducted)}.",
                )
            )
            return tuple(steps), flags
        shown = "、".join(f"{p.value:.0%}" if isinstance(p.value, float) else str(p.value) for p in rates) or "0"
        steps.append(
            Text(
                f"名册未填（或不能拆分）个人缴费：按法律允许的最低个人缴费估算，即已参保项目按工资的 {shown} 计 {fmt_money(lowest)} 元"
                f"（医疗、失业保险的个人缴费各地不一，未计入）；计入最低工资的工资至多 {fmt_money(self.wage - deducted)} 元。"
                + ("" if self.si_known and self.hf_known else "名册没有参保或缴存日期列，未参保的项目不扣除。"),
                f"No (or no separable) employee contributions in the roster: the least the law allows is assumed, "
                f"{shown} of the wage for what the employee is insured for, {fmt_money(lowest)} (medical and "
                f"unemployment contributions vary by place and are left out); pay toward the minimum is at most "
                f"{fmt_money(self.wage - deducted)}."
                + (
                    ""
                    if self.si_known and self.hf_known
                    else " The roster has no registration date column, so nothing is deducted for it."
                ),
            )
        )
        return tuple(steps), (*flags, *rates)
