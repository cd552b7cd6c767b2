# %% [markdown]
# # Risk early warning and deadlines calendar
#
# Upload an employee roster (CSV or .xlsx) to the file browser on the left, fill in its name, the audit date and the region below, and run. You get an A/B/C grade, the warnings that drove it and the legal deadlines ahead; the deadlines are saved as `deadlines.ics`, which a phone or Outlook imports. Everything is computed in this browser.

# %%
from checkups.programme.ics import NO_DEADLINES, to_ics
from checkups.programme.warning import warn_roster
from checkups.programme.warning_report import to_text

ROSTER = "roster.csv"  # the roster's file name
AS_OF = "2025-06-30"  # the audit date
REGION = None  # the region, e.g. "guangzhou"

w = warn_roster(ROSTER, as_of=AS_OF, region=REGION)
print(to_text(w, "en"))
if w.deadlines:  # no deadline ahead: no calendar
    with open("deadlines.ics", "wb") as out:
        out.write(to_ics(w.deadlines, w.audit.as_of, "en", ROSTER.rsplit(".", 1)[0]))
else:
    print(NO_DEADLINES.get("en"))
