# %% [markdown]
# # 劳动法计算器
#
# 所有计算都在本浏览器中完成，数据不会离开你的电脑。运行下面的单元格即可开始。

# %%
from checkups.ui import calculators_app

calculators_app("zh").widget
