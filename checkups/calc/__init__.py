"""Statutory calculators: money as ``Decimal`` rounded once, to the fen, at the end.

Each calculator takes the date of the event it is about (``end`` for termination, ``as_of``
or ``on`` for the others) and uses the figures in force that day; none reads the clock.
A money calculator returns a :class:`Result` whose ``steps`` explain the computation in
both languages, with the citations and dated parameters it used; a limit (days, months, a
wage floor) is a :class:`Limit`.  Explicit ``avg_wage`` / ``min_wage`` override regional
figures; a missing regional figure that cannot change the result is not asked for (a step
says why), one that can raises :class:`~checkups.timeline.MissingFigureError`.

Modules by legal domain: ``termination`` (severance), ``contracts`` (double wage),
``hours`` (overtime), ``wages`` (all-in wage), ``leave``, ``probation``,
``social_insurance``; ``specs`` is the registry the command line and the UI read.
"""

from .contracts import DoubleWagePeriod, double_wage, double_wage_period, working_days
from .hours import overtime_pay
from .leave import annual_leave_days, leave_entitlement, pro_rata_leave_days, untaken_leave_pay
from .probation import max_probation_months, min_probation_wage, probation_limits
from .result import Limit, Result
from .social_insurance import social_insurance_arrears
from .specs import CALCULATORS, Calculator, Field, find
from .termination import severance, unlawful_termination
from .wages import all_in_wage

__all__ = [
    "CALCULATORS",
    "Calculator",
    "DoubleWagePeriod",
    "Field",
    "Limit",
    "Result",
    "all_in_wage",
    "annual_leave_days",
    "double_wage",
    "double_wage_period",
    "find",
    "leave_entitlement",
    "max_probation_months",
    "min_probation_wage",
    "overtime_pay",
    "pro_rata_leave_days",
    "probation_limits",
    "severance",
    "social_insurance_arrears",
    "unlawful_termination",
    "untaken_leave_pay",
    "working_days",
]
