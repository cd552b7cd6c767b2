# %% [markdown]
# # Labour-law calculators
#
# Everything is computed in this browser; no data leaves your computer. Run the cells below to start.

# %%
from checkups.ui import calculators_app

calculators_app("en").widget
