# %% [markdown]
# # Needs survey
#
# Fill in the answers in the cell below (each question's option ids are listed by `questions()`), then run it to see the service areas worth entrusting and why. Everything is computed in this browser.

# %%
from IPython.display import HTML

from checkups.programme import needs_report
from checkups.programme.needs import questions, recommend

{q["id"]: [o["id"] for o in q["options"]] for q in questions()}

# %%
answers = {"size": "10_19", "sector": "catering", "staff_types": ["part_time"], "hr_capacity": "owner"}
result = recommend(answers)
HTML(needs_report.to_html(result, "en", base="../../"))

# %% [markdown]
# To draft the agreement for these areas, open the notebook `tool-agreement.en.ipynb` and put this list in `areas`.

# %%
result.areas
