# %% [markdown]
# # 托管机构评分
#
# 按服务评价评分表为托管机构打分，得出总分和对应的补贴分档（分档是示例，可以修改）。
# 在下面的单元格中填写每一项的得分（0 到该项分值）后重新运行；多家机构可以用评分表 CSV（每家一行）。
# 所有计算都在本浏览器中完成，数据不会离开你的电脑。

# %%
from IPython.display import HTML

from checkups.programme import scorecard, scorecard_report
from checkups.programme.scorecard_items import indicators

# 每一项先按满分填写，再改成实际得分
row = {"agency": "示例机构", **{i.id: i.weight for i in indicators()}}
# 本地项目规则的分档（最低分），例如 {"full": 90}；空着使用示例分档
tiers = {}

HTML(scorecard_report.to_html(scorecard.score_rows([row], tiers=tiers), "zh"))
