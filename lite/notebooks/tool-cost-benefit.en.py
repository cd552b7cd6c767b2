# %% [markdown]
# # Cost-benefit estimate of trusteeship
#
# Sets the money a check-up found against the trusteeship fee and any subsidy: the yearly
# balance in a low, a central and a high case. Change the figures in the cell below and run
# it again; an assumption left out uses the default listed, and a figure without a source is
# yours to enter. Everything is computed in this browser; no data leaves your computer.

# %%
from IPython.display import HTML

from checkups.programme import costs, costs_report

# What the check-up found (yuan): money certainly at risk, and the lowest and highest fines that may be added
risk = costs.entered(owed=10000, fine_low=0, fine_high=0)
# Assumptions: the keys are listed on the page below; "share.central" changes only the central case
mine = {"fee": 12000, "subsidy": 0, "share.central": "30%"}

HTML(costs_report.to_html(costs.estimate(risk, mine), "en"))
