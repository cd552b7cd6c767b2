"""Benchmark the roster audit against merely parsing the same file with the csv module,
and each report format against the audit.

Builds a synthetic roster (100,000 employees by default) with a realistic mix of
compliant rows and problems, then prints the best-of-N time of ``csv.reader`` over the
file and of the full audit (``checkups.audit.audit_roster``: read, decode, convert,
check, findings), run interleaved, and the audit's peak traced memory.  Then, for each
report format (text, markdown, html with its full lists, json, csv, xlsx), it runs what
``python -m checkups audit --format F -o FILE`` runs, each run in a process of its own
that audits afresh: the best time against that process's audit time, the size of what
was written and the process's peak memory (``ru_maxrss``).  Targets for 100,000
employees: every format <= 2 x the audit, peak memory <= 600 MB, HTML <= 30 MB.  Last
comes the median of the runs' audit/parse ratios, ``audit/parse ratio: X`` (target: <= 3).

    python scripts/bench_audit.py [--rows N] [--repeat K] [--formats text,json,...] [--keep FILE]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checkups.audit import audit_roster
from checkups.timeline import add_months

AS_OF = dt.date(2025, 6, 30)
HEADER = [
    "employee_id", "name", "hire_date", "contract_signed_date", "contract_term_months", "probation_months",
    "monthly_wage", "probation_wage", "social_insurance_date", "housing_fund_date", "weekly_hours",
    "overtime_hours_month", "end_date",
]  # fmt: skip


def synthetic_rows(n: int, seed: int = 20251130):
    """Rows of a plausible MSE roster: most compliant, about one in five with a problem."""
    rnd = random.Random(seed)
    earliest = dt.date(2005, 1, 1).toordinal()
    for i in range(n):
        tenure_days = int(rnd.expovariate(1 / (3 * 365)))  # MSE tenure: mean about three years
        hire = dt.date.fromordinal(max(earliest, AS_OF.toordinal() - tenure_days))
        problem = rnd.random()
        term = rnd.choice(["12", "24", "36", "36", ""])
        signed = hire if problem > 0.05 else (None if problem < 0.02 else hire + dt.timedelta(days=rnd.randrange(20, 200)))
        if signed is not None and term and problem > 0.06:  # the current contract: renewed as each term ran out
            months = int(term)
            while add_months(signed, months) <= AS_OF:
                signed = add_months(signed, months)
        wage = rnd.randrange(2300, 20000, 100)
        probation = rnd.choice(["", "1", "2", "3", "6"]) if (AS_OF - hire).days < 400 else ""
        pwage = "" if not probation else str(int(wage * rnd.choice([0.8, 0.8, 0.9, 1, 0.7])))
        si = "" if problem < 0.04 else (hire + dt.timedelta(days=rnd.randrange(0, 60 if problem < 0.12 else 30))).isoformat()
        hf = "" if problem < 0.10 else (hire + dt.timedelta(days=rnd.randrange(0, 60 if problem < 0.16 else 30))).isoformat()
        hours = "44" if problem < 0.03 else "40"
        overtime = str(rnd.randrange(0, 44) if problem < 0.08 else rnd.randrange(0, 30))
        end = (
            ""
            if rnd.random() > 0.04
            else dt.date.fromordinal(max(hire.toordinal(), AS_OF.toordinal() - rnd.randrange(0, 300))).isoformat()
        )
        yield [
            f"E{i:06d}",
            "员工",
            hire.isoformat(),
            "" if signed is None else signed.isoformat(),
            term,
            probation,
            str(wage),
            pwage,
            si,
            hf,
            hours,
            overtime,
            end,
        ]


def write_roster(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(synthetic_rows(n))


def parse_only(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as f:
        return len(list(csv.reader(f)))


def timed(func, *, gc_off: bool = False) -> tuple[float, object]:
    """Seconds for one call, starting from a collected heap so that no run pays for the
    garbage of the one before; the cyclic GC stays as the interpreter has it unless
    ``gc_off`` (the audit switches it off itself while it runs)."""
    gc.collect()
    if gc_off:
        gc.disable()
    try:
        t0 = time.perf_counter()
        result = func()
        return time.perf_counter() - t0, result
    finally:
        gc.enable()


FORMATS = ("text", "markdown", "html", "json", "csv", "xlsx")
TARGETS = {"ratio": 2.0, "peak_mb": 600.0, "html_mb": 30.0}
SUFFIX = {"text": ".txt", "markdown": ".md"}


def one_report(roster: Path, fmt: str, out_dir: Path) -> dict[str, float]:
    """In this process: audit the roster (once to warm up, as the audit timed above is), then
    write one report as the command line does (``--format fmt -o FILE``); the seconds of
    each, the bytes written, the process's peak memory."""
    from checkups import cli

    audit_roster(roster, as_of=AS_OF, region="guangzhou")
    gc.collect()
    t0 = time.perf_counter()
    result = audit_roster(roster, as_of=AS_OF, region="guangzhou")
    t1 = time.perf_counter()
    path = out_dir / f"report{SUFFIX.get(fmt, '.' + fmt)}"
    rendered = cli._render(result, fmt, "zh", str(path))
    if rendered is not None:
        cli._out(rendered, str(path))
    t2 = time.perf_counter()
    written = {p.name: p.stat().st_size for p in out_dir.iterdir()}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return {"audit": t1 - t0, "report": t2 - t1, "bytes": written[path.name], "all_bytes": sum(written.values()), "peak": peak}


def report_runs(roster: Path, formats: list[str], repeat: int) -> dict[str, list[dict[str, float]]]:
    """Each format ``repeat`` times, interleaved, each run in a fresh process (its own peak memory)."""
    runs: dict[str, list[dict[str, float]]] = {fmt: [] for fmt in formats}
    for _ in range(repeat):
        for fmt in formats:
            with tempfile.TemporaryDirectory() as out:
                proc = subprocess.run(
                    [sys.executable, __file__, "--child", fmt, str(roster), out], capture_output=True, text=True, check=False
                )
                if proc.returncode:
                    raise SystemExit(f"{fmt} report failed:\n{proc.stderr}")
                runs[fmt].append(json.loads(proc.stdout))
    return runs


def print_reports(runs: dict[str, list[dict[str, float]]], repeat: int, audit_s: float) -> None:
    """Per format: the best time, against the audit run just before it in the same process
    (the same machine conditions; the lowest of the runs) and against the best audit above."""
    print(f"report formats (best of {repeat}; each run in a process of its own, right after an audit there):")
    worst, peak = 0.0, 0.0
    for fmt, found in runs.items():
        best = min(found, key=lambda r: r["report"])
        own = min(r["report"] / r["audit"] for r in found)
        worst, peak = max(worst, own), max(peak, *(r["peak"] for r in found))
        lists = best["all_bytes"] - best["bytes"]
        extra = f" (+ full list {lists / 1e6:.1f} MB)" if lists else ""
        print(
            f"  {fmt:<8} {best['report']:7.3f} s = {own:4.2f} x its audit ({best['report'] / audit_s:4.2f} x the best above); "
            f"{best['bytes'] / 1e6:6.1f} MB{extra}; peak memory {max(r['peak'] for r in found) / 1e6:5.0f} MB"
        )
    html = min((r["bytes"] for r in runs.get("html", [])), default=0) / 1e6
    print(
        f"reports: slowest {worst:.2f} x its audit (target <= {TARGETS['ratio']}), peak memory {peak / 1e6:.0f} MB "
        f"(<= {TARGETS['peak_mb']:.0f}), HTML {html:.1f} MB (<= {TARGETS['html_mb']:.0f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--formats", default=",".join(FORMATS), help="report formats to time (default all; '' for none)")
    parser.add_argument("--keep", help="also keep the synthetic roster at this path")
    parser.add_argument("--child", nargs=3, metavar=("FORMAT", "ROSTER", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        fmt, roster, out = args.child
        print(json.dumps(one_report(Path(roster), fmt, Path(out))))
        return 0
    formats = [f for f in args.formats.split(",") if f]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown format(s): {', '.join(sorted(unknown))} (choose from {', '.join(FORMATS)})")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "roster.csv"
        write_roster(path, args.rows)
        size = path.stat().st_size
        parse_times, bare_times, audit_times, result = [], [], [], None
        for _ in range(args.repeat):  # interleaved, so all see the same machine conditions
            parse_times.append(timed(lambda: parse_only(path))[0])
            bare_times.append(timed(lambda: parse_only(path), gc_off=True)[0])
            result = None
            seconds, result = timed(lambda: audit_roster(path, as_of=AS_OF, region="guangzhou"))
            audit_times.append(seconds)
        tracemalloc.start()
        audit_roster(path, as_of=AS_OF, region="guangzhou")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        runs = report_runs(path, formats, args.repeat) if formats else {}
    parse_s, audit_s = min(parse_times), min(audit_times)
    ratios = sorted(a / p for a, p in zip(audit_times, parse_times))
    print(f"rows: {args.rows:,} ({size / 1e6:.1f} MB CSV); audited {result.audited:,}, rejected {result.rows - result.audited:,}")
    print(f"findings: {len(result.findings):,} ({result.summary['employees_with_findings']:,} employees)")
    print(f"parse (csv.reader, best of {args.repeat}): {parse_s:.3f} s (with the cyclic GC off: {min(bare_times):.3f} s)")
    print(f"audit (best of {args.repeat}): {audit_s:.3f} s")
    print(f"audit peak memory (tracemalloc): {peak / 1e6:.1f} MB")
    print(
        f"ratio of best times: {audit_s / parse_s:.2f} (against the GC-off parse: {audit_s / min(bare_times):.2f}); per-run ratios: {', '.join(f'{r:.2f}' for r in ratios)}"
    )
    if runs:
        print_reports(runs, args.repeat, audit_s)
    print(f"audit/parse ratio: {ratios[len(ratios) // 2]:.2f}")  # the median of the interleaved runs
    return 0


if __name__ == "__main__":
    sys.exit(main())
