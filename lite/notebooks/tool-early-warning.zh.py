# %% [markdown]
# # 风险预警和期限日历
#
# 把员工名册（CSV 或 .xlsx）上传到左侧文件栏，在下面填写文件名、检查日和地区，然后运行。得到 A/B/C 风险等级、触发的预警指标和今后的法定期限；期限另存为 `deadlines.ics`，可导入手机或 Outlook。所有计算都在本浏览器中完成。

# %%
from checkups.programme.ics import NO_DEADLINES, to_ics
from checkups.programme.warning import warn_roster
from checkups.programme.warning_report import to_text

ROSTER = "roster.csv"  # 名册文件名
AS_OF = "2025-06-30"  # 检查日
REGION = None  # 地区，例如 "广州"

w = warn_roster(ROSTER, as_of=AS_OF, region=REGION)
print(to_text(w, "zh"))
if w.deadlines:  # no deadline ahead: no calendar
    with open("deadlines.ics", "wb") as out:
        out.write(to_ics(w.deadlines, w.audit.as_of, "zh", ROSTER.rsplit(".", 1)[0]))
else:
    print(NO_DEADLINES.get("zh"))
