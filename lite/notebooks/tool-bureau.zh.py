# %% [markdown]
# # 人社部门项目汇总
#
# 把各托管机构导出的批量检查结果（JSON）和评分结果上传到左侧文件栏，在下面列出文件名，然后运行：覆盖企业数、两次检查之间已整改的问题、风险等级的变化和按补贴档次的机构。

# %%
from checkups.programme.bureau import bureau, load, to_text

FILES = ["agency-a.json", "agency-b.json"]  # 各机构的结果文件

print(to_text(bureau([load(f) for f in FILES]), "zh"))
