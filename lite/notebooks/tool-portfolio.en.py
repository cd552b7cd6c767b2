# %% [markdown]
# # Portfolio audit of client rosters
#
# Make a folder in the file browser on the left and upload your clients' rosters into it (one file per client; a `clients.csv` beside them may give each file's client number, name and region), fill in the folder's name and the audit date below, and run. The result is saved as `portfolio.html`.

# %%
from checkups.programme.portfolio import portfolio
from checkups.programme.portfolio_report import to_html, to_text

FOLDER = "rosters"  # the folder of rosters
AS_OF = "2025-06-30"  # the audit date

doc = portfolio(FOLDER, as_of=AS_OF)
print(to_text(doc, "en"))
with open("portfolio.html", "w", encoding="utf-8") as out:
    out.write(to_html(doc, "en"))
