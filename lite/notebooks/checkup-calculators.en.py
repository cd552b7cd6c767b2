# %% [markdown]
# # Labour-law calculators
#
# Everything is computed in this browser; no data leaves your computer. Run the cells below to start.

# %%
# %pip install -q ipywidgets checkups

# %%
from checkups.ui import calculators_app

calculators_app("en").widget
