# %% [markdown]
# # Company compliance check-up
#
# Everything is computed in this browser; no data leaves your computer. Run the cells below to start.

# %%
from checkups.ui import questionnaire_app

questionnaire_app("en", site_base="../../en/").widget  # English pages are under en/
