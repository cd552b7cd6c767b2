# %% [markdown]
# # 托管企业名册批量检查
#
# 在左侧文件栏新建一个文件夹，上传各托管企业的名册（每家一个文件；可另放 `clients.csv` 写明每个文件的企业编号、名称和地区），在下面填写文件夹名和检查日，然后运行。结果另存为 `portfolio.html`。

# %%
from checkups.programme.portfolio import portfolio
from checkups.programme.portfolio_report import to_html, to_text

FOLDER = "rosters"  # 名册所在的文件夹
AS_OF = "2025-06-30"  # 检查日

doc = portfolio(FOLDER, as_of=AS_OF)
print(to_text(doc, "zh"))
with open("portfolio.html", "w", encoding="utf-8") as out:
    out.write(to_html(doc, "zh"))
