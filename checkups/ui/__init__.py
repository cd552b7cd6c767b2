"""ipywidgets front ends for the notebooks: the company questionnaire, the roster audit
and the calculators.  Imported only in the notebooks (it needs ipywidgets); all logic
stays in the package, so the tests drive these builders without a browser.

    from checkups.ui import questionnaire_app
    questionnaire_app(lang="zh").widget     # display it
"""

from .calculators import CalculatorsApp, calculators_app
from .questionnaire import QuestionnaireApp, questionnaire_app
from .roster_audit import RosterApp, roster_app
from .storage import FileStorage

__all__ = [
    "CalculatorsApp",
    "FileStorage",
    "QuestionnaireApp",
    "RosterApp",
    "calculators_app",
    "questionnaire_app",
    "roster_app",
]
