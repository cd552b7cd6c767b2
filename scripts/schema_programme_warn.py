"""The schemas of the early warning, the portfolio audit (and its clients.csv) and the bureau view."""

from __future__ import annotations

from schema_parts import Schema, array, closed, mapping, nullable, ref, row_error, rule_ids

from checkups.programme.bureau import FORMAT as BUREAU
from checkups.programme.deadlines import KINDS
from checkups.programme.portfolio import CLIENT_COLUMNS
from checkups.programme.portfolio import FORMAT as PORTFOLIO
from checkups.programme.warning import grading

COUNT = {"type": "integer", "minimum": 0}
GRADE = {"enum": [g["grade"] for g in grading()["grades"]], "description": "The early-warning grade (A: in order, C: high risk)."}
LEVEL = {
    "enum": ["red", "amber", "high", "medium", "low", "info"],
    "description": "red or amber indicator, or a finding's severity.",
}
NAME = {"type": "string", "minLength": 1}


def _deadline() -> Schema:
    return closed(
        {
            "kind": {"enum": list(KINDS)},
            "date": ref("date"),
            "employee_id": NAME,
            "name": nullable({"type": "string"}),
            "row": {"type": "integer", "minimum": 2},
            "summary": ref("text"),
            "description": ref("text"),
            "citations": array(ref("citation")),
        }
    )


def warning() -> tuple[Schema, dict[str, Schema]]:
    driver = closed(
        {
            "id": NAME,
            "level": LEVEL,
            "text": ref("text"),
            "citations": array(ref("citation")),
            "employees": array({"type": "string"}),
        }
    )
    root = closed(
        {
            "as_of": ref("date"),
            "region": nullable(ref("region")),
            "rows": {**COUNT, "minimum": 1},
            "audited": COUNT,
            "rejected": COUNT,
            "errors": array(ref("row_error"), description="Every rejected row's problem: line, column, reason."),
            "grade": nullable(GRADE),
            "grade_text": ref("text"),
            "drivers": array(driver),
            "deadlines": array(ref("deadline"), description="Every deadline on or after the audit date, by day."),
            "summary": ref("summary"),
        }
    )
    return root, {"deadline": _deadline(), "row_error": row_error()}


def portfolio() -> tuple[Schema, dict[str, Schema]]:
    who = {"file": NAME, "client_id": NAME, "client_name": nullable({"type": "string"}), "region": nullable({"type": "string"})}
    nearest = closed({"date": ref("date"), "kind": {"enum": list(KINDS)}, "employee_id": NAME, "summary": ref("text")})
    audited = closed(
        {
            **who,
            "status": {"const": "audited"},
            "rows": {**COUNT, "minimum": 1, "description": "Data rows read: audited + rejected."},
            "audited": COUNT,
            "rejected": COUNT,
            "employees": COUNT,
            "by_severity": mapping(ref("severity"), COUNT),
            "findings": COUNT,
            "amount_at_risk": ref("decimal"),
            "amount_range": closed({"low": ref("decimal"), "high": ref("decimal")}),
            "grade": {**nullable(GRADE), "description": "null: no row of the roster could be audited."},
            "drivers": array(NAME),
            "deadlines": COUNT,
            "nearest_deadline": nullable(nearest),
            "keys": array(
                {"type": "array", "prefixItems": [ref("rule_id"), {"type": "string"}], "minItems": 2, "maxItems": 2},
                description="Each (rule, employee) pair found: what the bureau view matches between two audits.",
            ),
        }
    )
    failed = closed({**who, "status": {"const": "failed"}, "reason": NAME}, required=["file", "client_id", "status", "reason"])
    skipped = closed(
        {**who, "status": {"const": "skipped"}, "reason": NAME},
        required=["file", "client_id", "status", "reason"],
        description="A subfolder: a folder, not a roster.",
    )
    totals = closed(
        {
            "files": COUNT,
            "audited": COUNT,
            "failed": COUNT,
            "skipped": {**COUNT, "description": "Subfolders named, not audited."},
            "employees": COUNT,
            "rows": COUNT,
            "rejected_rows": COUNT,
            "findings": COUNT,
            "by_severity": mapping(ref("severity"), COUNT),
            "amount_at_risk": ref("decimal"),
            "amount_range": closed({"low": ref("decimal"), "high": ref("decimal")}),
            "grades": mapping(GRADE, COUNT),
            "not_graded": {**COUNT, "description": "Clients audited of which no row could be audited (no grade)."},
            "nearest_deadline": nullable(ref("date")),
        }
    )
    root = closed(
        {
            "format": {"const": PORTFOLIO},
            "agency": NAME,
            "as_of": ref("date"),
            "region": nullable(ref("region")),
            "clients": array(
                {"oneOf": [audited, failed, skipped]}, description="Every file and subfolder of the folder, and of clients.csv."
            ),
            "totals": totals,
        }
    )
    return root, {"rule_id": rule_ids("employee")}


def bureau() -> tuple[Schema, dict[str, Schema]]:
    client = closed(
        {
            "client_id": NAME,
            "agency": NAME,
            "audits": {**COUNT, "minimum": 1},
            "first": ref("date"),
            "last": ref("date"),
            "grade_first": GRADE,
            "grade_last": GRADE,
            "fixed": COUNT,
            "new": COUNT,
        }
    )
    totals = closed(
        {
            k: COUNT
            for k in (
                "agencies",
                "enterprises",
                "employees",
                "compared",
                "findings_fixed",
                "findings_new",
                "improved",
                "worsened",
                "unchanged",
            )
        }
        | {"amount_at_risk": ref("decimal"), "grades_moved": mapping({"pattern": "^[A-Z]→[A-Z]$"}, COUNT)}
    )
    names = array({"type": "string"})
    tier = closed(
        {
            "agencies": COUNT,
            "names": names,
            "label": ref("text"),
            "subsidy": {
                **nullable(ref("decimal")),
                "description": "The subsidy amounts given, totalled; null when none was given.",
            },
        }
    )
    root = closed(
        {
            "format": {"const": BUREAU},
            "totals": totals,
            "subsidy_tiers": mapping({"type": "string"}, tier, description="Scored agencies by band id."),
            "not_scored": closed({"agencies": COUNT, "names": names}, description="Agencies a scorecard left unscored."),
            "clients": array(client),
        }
    )
    return root, {}


def clients() -> tuple[Schema, dict[str, Schema]]:
    row = closed(
        {
            c.name: {
                **({"type": "string", "minLength": 1} if c.required else nullable({"type": "string"})),
                "description": c.en_help,
                "x-header-zh": c.zh,
            }
            for c in CLIENT_COLUMNS
        },
        required=[c.name for c in CLIENT_COLUMNS if c.required],
    )
    return array(row), {}


def documents(document: type) -> dict:
    """The schema files of these tools, as ``compile_schemas.Document`` entries by file name."""
    return {
        "warning": document(
            "Risk early warning",
            "风险预警",
            "python -m checkups warn ROSTER --format json: the grade, the indicators that drove it and every deadline ahead "
            "of the audit date (the same deadlines as --format ics).",
            warning,
        ),
        "portfolio": document(
            "Portfolio audit (checkups-portfolio-results/1)",
            "托管企业名册检查汇总（checkups-portfolio-results/1）",
            "python -m checkups portfolio DIR --format json: one entry per file (audited, or failed with its reason) and "
            "the totals; for an audited file rows = audited + rejected.",
            portfolio,
        ),
        "clients": document(
            "Client list of a portfolio folder (clients.csv)",
            "托管企业清单（clients.csv）",
            "clients.csv beside the rosters as JSON rows: each roster file's client number, name and region "
            "(headed in English or Chinese, x-header-zh).",
            clients,
        ),
        "bureau": document(
            "Bureau view (checkups-bureau-results/1)",
            "人社部门汇总（checkups-bureau-results/1）",
            "python -m checkups bureau FILE.json ... --format json: enterprises covered, findings fixed between two audits "
            "of a client (matched by client id, rule and employee), grades moved, agencies and subsidy by tier.",
            bureau,
        ),
    }
