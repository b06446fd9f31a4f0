"""Case 4: a full disk, on a 2 MB tmpfs mounted for the purpose (root only).

The sample database is put on the small file system, which is then filled (completely, or all
but a little so the disk fills in the middle of the work), and an import or an edit burst is run
on it. It must end with exit 2 and one sentence saying the disk is full (or succeed for real);
once space is freed the file must pass integrity_check and hold what it held before, plus any
edit acknowledged before the disk filled. Where mounting is not allowed the cases are skipped,
with the reason.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import time
from pathlib import Path

from reliability.common import Result, Run, app, app_argv, finish, probe, start
from reliability.edit_kill import check_acks, editor_argv

FAMILY = "4. disk full"
SIZE = "2M"
NAMES_THE_CAUSE = ("full", "space")  # a sentence that blames the file misleads the user
CASES = (
    ("4.1", "import", 0),
    ("4.2", "import", 256 * 1024),
    ("4.3", "edits", 0),
    ("4.4", "edits", 256 * 1024),
)


def run_cases(work: Path, sample: Path, events_csv: Path, rows: int) -> list[Result]:
    mount = work / "tmpfs"
    mount.mkdir()
    reason = _cannot_mount(mount)
    results = []
    for case, kind, leave in CASES:
        action = _action(kind, rows, leave)
        if reason:
            results.append(Result(FAMILY, case, action, "SKIPPED", reason, "n/a"))
            continue
        started = time.perf_counter()
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(mount)])
        try:
            result = _case(mount, sample, events_csv, rows, kind, leave)
        finally:
            subprocess.run(["umount", "-l", str(mount)])
        results.append(
            Result(FAMILY, case, action, *result, round(time.perf_counter() - started, 1))
        )
    return results


def _action(kind: str, rows: int, leave: int) -> str:
    work = f"import of {rows:,} events" if kind == "import" else "a burst of up to 2,000 edits"
    space = "completely full" if not leave else f"{leave // 1024} KB left free"
    return f"{work} on a {SIZE}B tmpfs, {space}"


def _cannot_mount(mount: Path) -> str:
    """Why a tmpfs cannot be mounted here ("" when it can)."""
    if os.geteuid() != 0:
        return "skipped: mounting a small tmpfs needs root, and this run is not root"
    trial = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if trial.returncode != 0:
        return f"skipped: mounting a tmpfs is not allowed here ({trial.stderr.strip()})"
    subprocess.run(["umount", str(mount)])
    return ""


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system at folder, then free `leave` bytes again."""
    filler = folder / "filler"
    block = b"\0" * 65536
    with filler.open("wb") as out:
        try:
            while True:
                out.write(block)
                out.flush()
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
        if leave:
            out.truncate(max(out.tell() - leave, 0))


def _case(
    mount: Path, sample: Path, events_csv: Path, rows: int, kind: str, leave: int
) -> tuple[str, str, str]:
    """(status, outcome, data lost) of one case."""
    target = mount / "tracker.db"
    shutil.copyfile(sample, target)
    before = probe(target, "--digest", "--commitments", "--status")
    _fill(mount, leave)
    if kind == "import":
        argv = app_argv("import", "--db", target, "--table", "events", events_csv)
    else:
        argv = editor_argv(target, 4000 + leave, 2000)
    run: Run = finish(start(argv), timeout=120)
    (mount / "filler").unlink()
    after = probe(target, "--digest", "--commitments", "--status", "--csv", str(events_csv))
    check = app("check", "--db", target)
    problems = []
    lost = []
    if run.hung or run.traceback or run.code not in (0, 2):
        problems.append("did not end cleanly")
    elif run.code == 2 and not run.clean_failure():
        problems.append("more than one sentence on stderr")
    elif run.code == 2 and not _names_the_cause(run.stderr.replace(str(target), "FILE")):
        problems.append("the sentence does not say the disk is full")
    if "error" in after or after["integrity"] != "ok":
        problems.append(f"integrity: {after.get('error') or after['integrity']}")
        lost.append("the file is damaged")
    elif kind == "import":
        if run.code == 0 and after["csv_uuids_present"] != rows:
            problems.append(f"exit 0 but {after['csv_uuids_present']} of {rows} rows are there")
            lost.append("the import it reported")
        if run.code != 0 and after["digest"] != before["digest"]:
            problems.append("the content changed although the import failed")
            lost.append(_difference(before, after))
    else:
        edit_problems, edit_lost = check_acks(after, run.stdout.splitlines(keepends=True))
        problems += edit_problems
        if edit_lost != "none":
            lost.append(edit_lost)
        kept = [u for u in before["commitments"] if u not in after["commitments"]]
        if kept:
            problems.append(f"{len(kept)} commitments held before are gone")
            lost.append(f"{len(kept)} commitments")
    if check.code != 0:
        problems.append(f"check afterwards: {check.describe()}")
    edits = f"; {len(run.stdout.splitlines())} edits acknowledged" if kind == "edits" else ""
    outcome = f"{run.describe()}{edits}; after freeing space: integrity {after.get('integrity')}"
    if problems:
        return "FAIL", outcome + "; " + "; ".join(problems), "; ".join(lost) or "none"
    kept = "content as before" if kind == "import" else "every acknowledged edit there, no other"
    return "PASS", f"{outcome}, {kept}", "none"


def _names_the_cause(sentence: str) -> bool:
    return any(word in sentence.lower() for word in NAMES_THE_CAUSE)


def _difference(before: dict, after: dict) -> str:
    changed = [
        f"{table} {before['counts'][table]} -> {after['counts'][table]}"
        for table in before["counts"]
        if before["counts"][table] != after["counts"][table]
    ]
    return "content changed: " + (", ".join(changed) or "same counts, different rows")
