"""Case 5: the app's commands on hostile files.

`check`, `export`, `import --dry-run`, `import` and `render` run on a fresh copy of each file of
reliability.hostile_files, each with a 20 s timeout. A command must end with exit 0 and correct
output, or exit 2 with one sentence on stderr; never a traceback or a hang. The file's bytes
(and those of a -wal beside it) must be unchanged after every refused or read-only command.
Where no correct answer exists (a text file, another program's database, a newer version,
`export -o` onto the database itself) the command must refuse; sound files under awkward names
must work; for the other files a correct answer (checked against what the file holds) or a
clean refusal both pass. An empty -wal and -shm left beside a refused file are noted, not
failed.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

from reliability.common import Result, Run, app, csv_rows, hashes, make_events_csv, probe
from reliability.hostile_files import Hostile, make_all

FAMILY = "5. hostile files"
AS_OF = "2024-12-31"
IMPORT_ROWS = 20
READ_ONLY = ("check", "export", "dry-run", "render")


def run_cases(work: Path) -> list[Result]:
    folder = work / "hostile"
    files = make_all(folder / "templates")
    events_csv = make_events_csv(folder / "events-20.csv", IMPORT_ROWS, seed=3)
    results = []
    for hostile in files:
        for command in hostile.commands:
            started = time.perf_counter()
            status, outcome, lost = _run_one(
                folder / hostile.key / command, hostile, command, events_csv
            )
            results.append(
                Result(
                    FAMILY,
                    f"5.{hostile.key}.{command}",
                    f"`{command}` on {hostile.description}",
                    status,
                    outcome,
                    lost,
                    round(time.perf_counter() - started, 1),
                )
            )
    return results


def _argv(command: str, path: Path, out: Path, events_csv: Path) -> list[str | Path]:
    table = ["--db", path, "--table", "events"]
    return {
        "check": ["check", "--db", path],
        "export": ["export", *table, "-o", out / "events.csv"],
        "export-self": ["export", *table, "-o", path],
        "dry-run": ["import", *table, "--dry-run", events_csv],
        "import": ["import", *table, events_csv],
        "render": [
            "render",
            "--db",
            path,
            "--chart",
            "status-over-time",
            "-o",
            out / "chart.png",
            "--as-of",
            AS_OF,
        ],
    }[command]


def _run_one(
    folder: Path, hostile: Hostile, command: str, events_csv: Path
) -> tuple[str, str, str]:
    """(status, outcome, data lost) of one command on a fresh copy of the file."""
    path = _copy(hostile.path, folder)
    pristine = _copy(hostile.path, folder / "pristine")
    sidecars = _sidecars(path)
    before = hashes(path)
    ran = app(*_argv(command, path, folder, events_csv))
    changed = _changed(path, before)
    left = sorted(_sidecars(path) - sidecars)
    problems: list[str] = []
    if ran.hung:
        problems.append("a hang is a failure")
    elif ran.traceback or ran.code not in (0, 2):
        problems.append("not a clean exit")
    elif ran.code == 2:
        if not ran.clean_failure():
            problems.append(f"{len(ran.stderr_lines)} lines on stderr, not one sentence")
        if hostile.must == "succeed":
            problems.append("a sound file was refused")
    else:
        if hostile.must == "refuse":
            problems.append("accepted a file it must refuse")
        else:
            problems += _output_problems(command, hostile, ran, path, folder, events_csv)
    if changed and (ran.code != 0 or command in READ_ONLY):
        problems.append("the file's bytes changed")
    notes = [f"left {', '.join(left)} beside the file"] if left else []
    lost = _data_lost(hostile, command, pristine, path, ran) if changed else "none"
    if problems:
        return "FAIL", "; ".join([ran.describe(), *problems, *notes]), lost
    unchanged = "file changed" if changed else "file unchanged"
    return "PASS", "; ".join([ran.describe(), unchanged, *notes]), lost


def _copy(template: Path, folder: Path) -> Path:
    """A copy of template (and of a -wal beside it) in folder."""
    folder.mkdir(parents=True)
    path = folder / template.name
    for suffix in ("", "-wal"):
        source = template.with_name(template.name + suffix)
        if source.exists():
            shutil.copyfile(source, path.with_name(path.name + suffix))
    return path


def _sidecars(path: Path) -> set[str]:
    return {s for s in ("-wal", "-shm") if path.with_name(path.name + s).exists()}


def _changed(path: Path, before: dict[str, str | None]) -> bool:
    """Whether the file changed: its bytes, a -wal that was beside it, or a new -wal holding
    frames (a new empty -wal only notes that a connection was opened)."""
    after = hashes(path)
    if after[""] != before[""]:
        return True
    if before["-wal"] is not None:
        return after["-wal"] != before["-wal"]
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _output_problems(
    command: str, hostile: Hostile, ran: Run, path: Path, folder: Path, events_csv: Path
) -> list[str]:
    """What is wrong with the output of a command that ended with exit 0."""
    expected = hostile.expected
    if expected is None:
        return ["exit 0 where no correct output exists"]
    live = expected["live"]["events"]
    if command == "check":
        try:
            report = json.loads(ran.stdout)
        except ValueError:
            return ["check printed no JSON report"]
        if report.get("healthy") != hostile.intact:
            state = "sound" if hostile.intact else "damaged"
            return [f"check says healthy={report.get('healthy')} of a {state} file"]
        counts = report.get("counts", {})
        wrong = {t: (counts.get(t), n) for t, n in expected["live"].items() if counts.get(t) != n}
        return [f"check reports wrong counts (found, expected): {wrong}"] if wrong else []
    if command == "export":
        written = folder / "events.csv"
        rows = csv_rows(written) if written.exists() else None
        return [] if rows == live else [f"exported {rows} rows of {live}"]
    if command == "render":
        chart = folder / "chart.png"
        good = chart.exists() and chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        return [] if good else ["no PNG was written"]
    added = re.search(r"(\d+) added", ran.stdout)
    if not added or int(added.group(1)) != IMPORT_ROWS:
        return [f"reported {ran.stdout.strip()!r}, not {IMPORT_ROWS} added"]
    if command == "dry-run":
        return []
    after = probe(path, "--csv", str(events_csv))
    problems = []
    if "error" in after or after["integrity"] != "ok":
        problems.append(f"after the import: {after.get('error') or after['integrity']}")
    elif after["csv_uuids_present"] != IMPORT_ROWS:
        problems.append(f"{after['csv_uuids_present']} of {IMPORT_ROWS} imported rows are there")
    problems += [f"{what} after the import" for what in _losses(expected, after)]
    return problems


def _losses(expected: dict, after: dict) -> list[str]:
    """Rows of expected that are not in after (imports only add)."""
    if "counts" not in after:
        return ["the file cannot be read"]
    return [
        f"{table} {count} -> {after['counts'][table]}"
        for table, count in expected["counts"].items()
        if count is not None and (after["counts"][table] is None or after["counts"][table] < count)
    ]


def _data_lost(hostile: Hostile, command: str, pristine: Path, path: Path, ran: Run) -> str:
    """What a command that changed the file lost, against what the file held: the content the
    file should show when it is sound, else what a fresh process found in it before."""
    if command == "export-self" and ran.code == 0:
        return "the database was overwritten by the export"
    baseline = hostile.expected if hostile.intact and hostile.expected else probe(pristine)
    if "counts" not in baseline or baseline.get("integrity") != "ok":
        return "unknown: it wrote into a file that was already damaged"
    after = probe(path)
    damaged = "error" in after or after["integrity"] != "ok"
    losses = _losses(baseline, after)
    if damaged and baseline.get("integrity", "ok") == "ok":
        losses.append("the file is damaged")
    return "; ".join(losses) or "none"
