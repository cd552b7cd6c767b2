# %% [markdown]
# # Agreement builder
#
# List the service areas to entrust in `areas` and run the cells: you get the agreement with only their clauses, and its Word (.docx) and Markdown versions saved in this folder. Everything is computed in this browser.

# %%
from pathlib import Path

from IPython.display import HTML

from checkups.programme import agreement_page
from checkups.programme.agreement import blocks, build
from checkups.programme.docx import to_docx

areas = ["onboarding", "contracts", "social_insurance", "wages"]
options = []  # ["programme"]: part of a government-led trusteeship programme
agreement = build(areas, options)

# %%
Path("trusteeship-agreement.docx").write_bytes(to_docx(blocks(agreement, "en"), agreement.title.en, "en"))
Path("trusteeship-agreement.md").write_text(agreement_page.to_markdown(agreement, "en"), encoding="utf-8")
HTML(agreement_page.to_html_body(agreement, "en", base="../../", shift=1))
