"""Case 3: two writers on one file at once.

Each writer either finishes (the later one waits on the busy timeout) or ends with exit 2 and
one sentence, having written nothing; no traceback; the file ends holding exactly the union of
what the writers that succeeded wrote.
"""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

from reliability.common import Result, Run, app_argv, finish, make_events_csv, probe, start
from reliability.edit_kill import check_acks, editor_argv

FAMILY = "3. two writers at once"
EDITS = 150


def run_cases(work: Path, sample: Path, csv_a: Path, csv_b: Path, rows: int) -> list[Result]:
    folder = work / "two-writers"
    folder.mkdir()
    long_csv = folder / "events-200k.csv"
    with long_csv.open("w", encoding="utf-8") as out:
        out.write(csv_a.read_text(encoding="utf-8"))
        out.write(csv_b.read_text(encoding="utf-8").split("\n", 1)[1])
    small_csv = make_events_csv(folder / "events-1k.csv", 1000, seed=9)
    import_a = ("import", csv_a, rows)
    return [
        _case(folder, sample, "3.1", [import_a, ("import", csv_b, rows)], 0.0),
        # the first holds the write lock longer than the busy timeout (5 s): the second must
        # either wait it out or give up cleanly
        _case(
            folder,
            sample,
            "3.2",
            [("import", long_csv, 2 * rows), ("import", small_csv, 1000)],
            1.0,
        ),
        _case(folder, sample, "3.3", [import_a, ("edits", None, EDITS)], 0.5),
        _case(folder, sample, "3.4", [("edits", None, EDITS), ("edits", None, EDITS)], 0.0),
    ]


def _uuids(csv_path: Path) -> set[str]:
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        return {row["uuid"] for row in csv.DictReader(handle)}


def _describe(writer: tuple) -> str:
    kind, csv_path, size = writer
    if kind == "import":
        return f"import of {size:,} events ({csv_path.name})"
    return f"{size} GUI-like edits"


def _case(folder: Path, sample: Path, case: str, writers: list[tuple], delay: float) -> Result:
    started = time.perf_counter()
    target = folder / f"{case}.db"
    shutil.copyfile(sample, target)
    before = probe(target)["counts"]["events"]
    processes = []
    for number, (kind, csv_path, size) in enumerate(writers):
        if number and delay:
            time.sleep(delay)
        if kind == "import":
            argv = app_argv("import", "--db", target, "--table", "events", csv_path)
        else:
            argv = editor_argv(target, 1000 + number, size)
        processes.append(start(argv))
    runs: list[Run] = [finish(p, timeout=120) for p in processes]
    found = probe(target, "--commitments", "--status")
    problems: list[str] = []
    lost: list[str] = []
    imported: set[str] = set()  # UUIDs of the imports that succeeded
    acknowledged: list[str] = []
    observed = []
    for number, ((kind, csv_path, size), run) in enumerate(zip(writers, runs, strict=True), 1):
        observed.append(f"writer {number}: {run.describe()}")
        if run.hung or run.traceback or run.code not in (0, 2):
            problems.append(f"writer {number} did not end cleanly")
        elif run.code == 2 and not run.clean_failure():
            problems.append(f"writer {number} failed without one sentence")
        if kind == "import":
            present = probe(target, "--csv", str(csv_path))["csv_uuids_present"]
            if run.code == 0:
                imported |= _uuids(csv_path)
                if present != size:
                    problems.append(
                        f"writer {number} succeeded but {present}/{size} rows are there"
                    )
                    lost.append(f"{size - present} imported rows")
            elif present:
                problems.append(f"writer {number} failed but left {present} rows")
        else:
            acknowledged += run.stdout.splitlines(keepends=True)
            if run.code == 0 and len(run.stdout.splitlines()) != size:
                problems.append(f"writer {number} ended with exit 0 before its {size} edits")
    if acknowledged:
        edit_problems, edit_lost = check_acks(found, acknowledged)
        problems += edit_problems
        if edit_lost != "none":
            lost.append(edit_lost)
    if "error" in found or found.get("integrity") != "ok":
        problems.append(f"integrity: {found.get('error') or found.get('integrity')}")
        lost.append("the file is damaged")
    elif found["counts"]["events"] != before + len(imported):
        events = found["counts"]["events"]
        problems.append(f"{events} events, not {before} + the {len(imported)} imported")
    else:
        observed.append(f"{before} + {len(imported)} events, as imported")
    start_gap = f"started {delay:.1f} s apart" if delay else "started together"
    return Result(
        FAMILY,
        case,
        f"{_describe(writers[0])} and {_describe(writers[1])}, {start_gap}",
        "FAIL" if problems else "PASS",
        "; ".join(observed + problems),
        "; ".join(lost) or "none",
        round(time.perf_counter() - started, 1),
    )
