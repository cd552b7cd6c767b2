# %% [markdown]
# # 托管成本收益估算
#
# 把体检发现的金额与托管服务费、补贴对比，估算每年的收支（低、中、高三种情形）。
# 修改下面单元格中的数字后重新运行即可；空着的假设使用页面列出的默认值，没有来源的数字须自己填写。
# 所有计算都在本浏览器中完成，数据不会离开你的电脑。

# %%
from IPython.display import HTML

from checkups.programme import costs, costs_report

# 体检发现的金额（元）：确定涉及金额，可能另加的罚款下限和上限
risk = costs.entered(owed=10000, fine_low=0, fine_high=0)
# 假设：键名见下方列表；"share.central" 只改中间情形
mine = {"fee": 12000, "subsidy": 0, "share.central": "30%"}

HTML(costs_report.to_html(costs.estimate(risk, mine), "zh"))
