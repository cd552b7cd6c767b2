# %% [markdown]
# # Programme totals for the labour bureau
#
# Upload the agencies' portfolio results (JSON) and scorecards to the file browser on the left, list their names below, and run: enterprises covered, findings fixed between two audits, grades moved and agencies by subsidy tier.

# %%
from checkups.programme.bureau import bureau, load, to_text

FILES = ["agency-a.json", "agency-b.json"]  # the agencies' result files

print(to_text(bureau([load(f) for f in FILES]), "en"))
