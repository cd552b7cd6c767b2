# %% [markdown]
# # 托管协议生成
#
# 在 `areas` 中列出委托的服务领域，运行后得到只含相应条款的协议，并在当前文件夹中保存 Word（.docx）和 Markdown 版本。所有计算都在本浏览器中完成。

# %%
from pathlib import Path

from IPython.display import HTML

from checkups.programme import agreement_page
from checkups.programme.agreement import blocks, build
from checkups.programme.docx import to_docx

areas = ["onboarding", "contracts", "social_insurance", "wages"]
options = []  # ["programme"]：属于政府主导的托管服务项目
agreement = build(areas, options)

# %%
Path("托管服务协议.docx").write_bytes(to_docx(blocks(agreement, "zh"), agreement.title.zh, "zh"))
Path("托管服务协议.md").write_text(agreement_page.to_markdown(agreement, "zh"), encoding="utf-8")
HTML(agreement_page.to_html_body(agreement, "zh", base="../../", shift=1))
