# %% [markdown]
# # 员工名册体检
#
# 所有计算都在本浏览器中完成，数据不会离开你的电脑。运行下面的单元格即可开始。

# %%
from checkups.ui import roster_app

roster_app("zh").widget
