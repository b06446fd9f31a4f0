"""Case 1: kill -9 at ten points of a 100,000-row CSV import.

The import runs as the CLI does (`python -m desktop_app import`); it is timed to the end twice,
then killed at 5%, 15%, ..., 95% of the shorter time on fresh copies of the sample database. A
fresh process must then find a sound file holding the whole import or none of it, and the app's
`check` must call it healthy.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from reliability.common import Result, app, app_argv, finish, kill_group, probe, start

FAMILY = "1. kill -9 during a 100,000-row import"
POINTS = tuple(p / 100 for p in range(5, 100, 10))


def run_cases(work: Path, sample: Path, events_csv: Path, rows: int) -> list[Result]:
    folder = work / "import-kill"
    folder.mkdir()
    before = probe(sample)["counts"]["events"]

    def fresh(name: str) -> Path:
        target = folder / name
        shutil.copyfile(sample, target)
        return target

    # Timed twice to the end (both must hold the whole import); the kills are spread over the
    # shorter time, so that the one at 95% still lands inside the import.
    results = []
    durations = []
    for number in (1, 2):
        timed = fresh(f"timed-{number}.db")
        started = time.perf_counter()
        argv = app_argv("import", "--db", timed, "--table", "events", events_csv)
        whole = finish(start(argv), 300)
        durations.append(time.perf_counter() - started)
        results.append(
            _judge(
                f"1.0{'ab'[number - 1]}",
                f"import run to the end (timed: {durations[-1]:.1f} s)",
                timed,
                before,
                rows,
                started,
                whole.describe() if whole.code != 0 else "finished, exit 0",
                must_be_whole=True,
            )
        )
    duration = min(durations)
    for number, point in enumerate(POINTS, start=1):
        started = time.perf_counter()
        target = fresh(f"killed-{number:02d}.db")
        process = start(app_argv("import", "--db", target, "--table", "events", events_csv))
        time.sleep(point * duration)
        ended_alone = process.poll() is not None
        kill_group(process)
        process.communicate()
        when = f"{point * duration:.2f} s ({point:.0%})"
        note = f"finished before the kill at {when}" if ended_alone else f"killed at {when}"
        results.append(
            _judge(
                f"1.{number}",
                f"kill -9 at {when} of the import",
                target,
                before,
                rows,
                started,
                note,
            )
        )
    return results


def _judge(
    case: str,
    action: str,
    path: Path,
    before: int,
    rows: int,
    started: float,
    note: str,
    must_be_whole: bool = False,
) -> Result:
    found = probe(path)
    check = app("check", "--db", path)
    problems = []
    events = found.get("counts", {}).get("events")
    if "error" in found:
        problems.append(f"a fresh process cannot read it: {found['error']}")
    elif found["integrity"] != "ok":
        problems.append(f"integrity_check: {found['integrity']}")
    if events == before:
        held = "nothing imported"
        if must_be_whole:
            problems.append("the finished import is not there")
    elif events == before + rows:
        held = "the whole import"
    else:
        held = f"{events} events: neither {before} nor {before + rows}"
        problems.append("a partial import")
    if check.code != 0:
        problems.append(f"check: {check.describe()}")
    outcome = f"{note}; {held}; integrity {found.get('integrity', '?')}; check exit {check.code}"
    lost = "none"
    if "partial import" in " ".join(problems):
        lost = f"partial import ({events - before} of {rows} rows)"
    elif "error" in found or found.get("integrity") != "ok":
        lost = "the file is damaged"
    return Result(
        FAMILY,
        case,
        action,
        "FAIL" if problems else "PASS",
        outcome + ("; " + "; ".join(problems) if problems else ""),
        lost,
        round(time.perf_counter() - started, 1),
    )
