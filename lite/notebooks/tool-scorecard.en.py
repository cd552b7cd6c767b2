# %% [markdown]
# # Agency scorecard
#
# Scores a trustee agency on the service evaluation: the score and the subsidy band it falls in
# (the bands are an example you can change). Enter each item's points (0 to its weight) in the
# cell below and run it again; many agencies can be scored from the scorecard CSV (one row each).
# Everything is computed in this browser; no data leaves your computer.

# %%
from IPython.display import HTML

from checkups.programme import scorecard, scorecard_report
from checkups.programme.scorecard_items import indicators

# Every item at full points to start with: change them to the points given
row = {"agency": "Example agency", **{i.id: i.weight for i in indicators()}}
# Your programme's bands (lowest score), e.g. {"full": 90}; empty: the example bands
tiers = {}

HTML(scorecard_report.to_html(scorecard.score_rows([row], tiers=tiers), "en"))
