# %% [markdown]
# # 托管需求自测
#
# 在下面的单元格中填写回答（每个问题的选项编号见 `questions()` 的输出），运行后得到建议委托的服务领域和理由。所有计算都在本浏览器中完成。

# %%
from IPython.display import HTML

from checkups.programme import needs_report
from checkups.programme.needs import questions, recommend

{q["id"]: [o["id"] for o in q["options"]] for q in questions()}

# %%
answers = {"size": "10_19", "sector": "catering", "staff_types": ["part_time"], "hr_capacity": "owner"}
result = recommend(answers)
HTML(needs_report.to_html(result, "zh", base="../../"))

# %% [markdown]
# 按建议的服务领域起草协议：打开笔记本 `tool-agreement.zh.ipynb`，把下面的列表填入 `areas`。

# %%
result.areas
