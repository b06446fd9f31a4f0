"""Run the fault-injection suite: python -m reliability.run [--only 1,2,...] [--rows N]
[--keep DIR] [--app-at COMMIT]

A full run (every family, 100,000-row imports) writes docs/reliability.md (a table per case
family) and reliability/results.json; a partial one only prints its results. It exits 1 when
any case fails (data lost, a traceback, a hang, a wrong answer), 0 otherwise. Skipped cases (a
full disk where no tmpfs can be mounted) do not fail the run; the table says why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reliability import common, disk_full, edit_kill, hostile, import_kill, two_writers
from reliability.common import ROOT, Result, make_events_csv, make_sample

RESULTS_JSON = ROOT / "reliability" / "results.json"
REPORT = ROOT / "docs" / "reliability.md"
DEFAULT_ROWS = 100_000
APP_LABEL = ""  # set when the app runs from a commit instead of the working tree
FAMILIES = {
    "1": import_kill,
    "2": edit_kill,
    "3": two_writers,
    "4": disk_full,
    "5": hostile,
}


def run_suite(work: Path, only: set[str], rows: int, app_at: str | None) -> list[Result]:
    global APP_LABEL
    if app_at:
        commit = common.use_app_at(app_at, work / "app")
        APP_LABEL = f"{commit} (committed state, extracted with git archive)"
    sample = make_sample(work / "sample.db")
    needs_csv = only & {"1", "3", "4"}
    csv_a = make_events_csv(work / "events-a.csv", rows, seed=1) if needs_csv else None
    csv_b = make_events_csv(work / "events-b.csv", rows, seed=2) if "3" in only else None
    runners = {
        "1": lambda: import_kill.run_cases(work, sample, csv_a, rows),
        "2": lambda: edit_kill.run_cases(work, sample),
        "3": lambda: two_writers.run_cases(work, sample, csv_a, csv_b, rows),
        "4": lambda: disk_full.run_cases(work, sample, csv_a, rows),
        "5": lambda: hostile.run_cases(work),
    }
    results: list[Result] = []
    for key in sorted(only):
        started = time.perf_counter()
        print(f"--- {FAMILIES[key].FAMILY}", flush=True)
        for result in runners[key]():
            # the scratch folder changes every run; the report names it WORK
            result.outcome = result.outcome.replace(str(work), "WORK")
            print(f"{result.status:7} {result.case}: {result.outcome}", flush=True)
            results.append(result)
        print(f"    ({time.perf_counter() - started:.0f} s)", flush=True)
    return results


def write_report(results: list[Result], seconds: float, rows: int) -> None:
    summary = {s: sum(r.status == s for r in results) for s in ("PASS", "FAIL", "SKIPPED")}
    meta = {
        "date": dt.date.today().isoformat(),
        "seconds": round(seconds),
        "rows": rows,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}",
        "app": APP_LABEL or _app_version(),
        "summary": summary,
    }
    RESULTS_JSON.write_text(
        json.dumps({"run": meta, "results": [r.as_json() for r in results]}, indent=1) + "\n",
        encoding="utf-8",
    )
    lines = [
        "# Reliability: fault injection",
        "",
        "`make reliability` (or `.venv/bin/python -m reliability.run`) kills the app at",
        "awkward moments, runs two writers at once, fills the disk and hands the app hostile",
        "files; then it checks from a fresh process that no data was lost, nothing is",
        "half-written, and every failure was one sentence with exit 2, never a traceback or a",
        "hang. It is not part of `make test`. It writes this page and `reliability/results.json`,",
        "and exits 1 when any case fails. `--only 1,5` runs some families (and writes nothing);",
        "`--keep DIR` keeps the files it made; `--app-at HEAD` runs the app as committed",
        "instead of the working tree.",
        "",
        f"Last run: {meta['date']}, app at {meta['app']}; {meta['machine']}, Python "
        f"{meta['python']}, SQLite {meta['sqlite']}; {meta['seconds']} s in all. "
        f"**{summary['PASS']} passed, "
        f"{summary['FAIL']} failed, {summary['SKIPPED']} skipped.**",
        "",
        "A case passes when nothing was lost and every failure was clean; it fails on lost or",
        "half-written data, a damaged file, a traceback, a hang (20 s per command), a wrong",
        "answer, or a file changed by a command that refused it or only reads it. Paths under",
        "the run's scratch folder are written WORK.",
    ]
    failed = [r.case for r in results if r.status == "FAIL"]
    if failed:
        lines += ["", "Failing in this run: " + ", ".join(f"`{case}`" for case in failed) + "."]
    for module in FAMILIES.values():
        rows_of = [r for r in results if r.family == module.FAMILY]
        if not rows_of:
            continue
        intro = " ".join(module.__doc__.split("\n\n")[1].split()) if module.__doc__ else ""
        lines += ["", f"## {module.FAMILY}", "", intro, ""]
        lines += ["| case | what was done | outcome | data lost |", "|---|---|---|---|"]
        for r in rows_of:
            status = f"**{r.status}**" if r.status == "FAIL" else r.status
            cells = (r.case, r.action, f"{status}: {r.outcome}", r.data_lost)
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _app_version() -> str:
    """The commit the app was run at, and whether desktop_app/ had uncommitted changes."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--", "desktop_app"], capture_output=True, text=True
    )
    changed = len(dirty.stdout.splitlines())
    return head.stdout.strip() + (
        f" (+ {changed} uncommitted files in desktop_app/)" if changed else ""
    )


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="1,2,3,4,5", help="families to run, e.g. 1,5")
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="rows of the big imports")
    parser.add_argument("--keep", type=Path, help="make the files here and keep them")
    parser.add_argument(
        "--app-at",
        metavar="COMMIT",
        help="run the app as committed at COMMIT (e.g. HEAD), not the working tree",
    )
    options = parser.parse_args(argv)
    only = {part.strip() for part in options.only.split(",")} & set(FAMILIES)
    started = time.perf_counter()
    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=False)
        results = run_suite(options.keep.resolve(), only, options.rows, options.app_at)
    else:
        with tempfile.TemporaryDirectory(prefix="reliability-") as folder:
            results = run_suite(Path(folder), only, options.rows, options.app_at)
    failed = [r for r in results if r.status == "FAIL"]
    print(f"{len(failed)} of {len(results)} cases failed.")
    if only == set(FAMILIES) and options.rows == DEFAULT_ROWS:
        write_report(results, time.perf_counter() - started, options.rows)
        print(f"Written: {REPORT.relative_to(ROOT)} and {RESULTS_JSON.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
