"""Case 2: kill -9 during a burst of small edits from a GUI-like process (reliability.editor).

The editor opens the file as the main window does (Session.open, which calls open_database) and
makes small edits through the session with desktop_app.store.records: commitments with parties,
a place and a first status, status updates, updates that rewrite the links, soft deletes; it
prints an acknowledgement after each commit. Each run reads a seeded number of acknowledgements,
waits a seeded few milliseconds more, and kills the editor. A fresh process must then
find every acknowledged edit on disk, a sound file, and no partial edit: every commitment of the
burst has its two parties and its first status update, and at most the one edit in flight when
the kill came is on disk without an acknowledgement.
"""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from reliability.common import PYTHON, Result, kill_group, probe, shorten, start
from reliability.editor import PREFIX

FAMILY = "2. kill -9 during an edit burst"
RUNS = 10
SEED = 20240129


def run_cases(work: Path, sample: Path) -> list[Result]:
    folder = work / "edit-kill"
    folder.mkdir()
    rng = random.Random(SEED)
    results = []
    for number in range(1, RUNS + 1):
        started = time.perf_counter()
        target = folder / f"burst-{number:02d}.db"
        shutil.copyfile(sample, target)
        wanted = rng.randint(1, 600)
        extra = rng.uniform(0, 0.02)
        process = start(editor_argv(target, SEED + number))
        lines: list[str] = []
        while len(lines) < wanted and (line := process.stdout.readline()):
            lines.append(line)
        ended_alone = len(lines) < wanted
        time.sleep(extra)
        kill_group(process)
        lines += process.stdout.readlines()  # acknowledgements still in the pipe
        errors = process.stderr.read()
        process.wait()
        action = f"kill -9 {extra * 1000:.0f} ms after reading acknowledgement {wanted}"
        problems, lost = check_acks(probe(target, "--commitments", "--status"), lines)
        if ended_alone:
            problems.append(f"the editor stopped before the kill: {shorten(errors)}")
        outcome = f"{sum(line.endswith(chr(10)) for line in lines)} edits acknowledged"
        results.append(
            Result(
                FAMILY,
                f"2.{number}",
                action,
                "FAIL" if problems else "PASS",
                outcome
                + ("; " + "; ".join(problems) if problems else "; all on disk, integrity ok"),
                lost,
                round(time.perf_counter() - started, 1),
            )
        )
    return results


def editor_argv(path: Path, seed: int, edits: int | None = None) -> list[str]:
    argv = [PYTHON, "-m", "reliability.editor", str(path), str(seed)]
    return argv + (["--edits", str(edits)] if edits is not None else [])


def check_acks(found: dict, lines: list[str]) -> tuple[list[str], str]:
    """What is wrong with a file after an edit burst acknowledged `lines`, and what was lost
    ("none" when nothing was)."""
    if "error" in found:
        return [f"a fresh process cannot read it: {found['error']}"], "the file cannot be read"
    acks = Acks([line.split() for line in lines if line.endswith("\n")])
    commitments: dict[str, list] = found["commitments"]
    statuses = set(found["status_uuids"])
    missing = [u for u in acks.added if u not in commitments]
    missing += [u for u in acks.statuses if u not in statuses]
    stale = [
        uuid
        for uuid, revision in acks.revisions.items()
        if uuid in commitments and not revision <= _revision(commitments[uuid][0]) <= revision + 1
    ]
    undeleted = [u for u in acks.deleted if u in commitments and not commitments[u][1]]
    burst = {u: c for u, c in commitments.items() if c[0].startswith(PREFIX)}
    partial = [u for u, c in burst.items() if c[2] != 2 or c[3] < 1]
    unacknowledged = set(burst) - set(acks.added)
    problems = []
    if found["integrity"] != "ok":
        problems.append(f"integrity_check: {found['integrity']}")
    if found["foreign_key_problems"]:
        problems.append(f"{found['foreign_key_problems']} foreign-key problems")
    for what, items in (
        ("acknowledged records missing", missing),
        ("acknowledged updates not on disk", stale),
        ("acknowledged deletes not on disk", undeleted),
        ("commitments without their two parties or first status", partial),
    ):
        if items:
            problems.append(f"{len(items)} {what}")
    if len(unacknowledged) > 1:
        problems.append(f"{len(unacknowledged)} commitments on disk were never acknowledged")
    lost = []
    if missing or stale or undeleted:
        lost.append(f"{len(missing) + len(stale) + len(undeleted)} acknowledged edits")
    if partial:
        lost.append(f"{len(partial)} partial edits")
    if found["integrity"] != "ok":
        lost.append("the file is damaged")
    return problems, "; ".join(lost) or "none"


class Acks:
    """The acknowledgement lines of reliability.editor, by kind."""

    def __init__(self, lines: list[list[str]]) -> None:
        self.added: list[str] = []
        self.statuses: list[str] = []
        self.revisions: dict[str, int] = {}
        self.deleted: list[str] = []
        for kind, *rest in lines:
            if kind == "add":
                self.added.append(rest[0])
                self.statuses.append(rest[1])
            elif kind == "status":
                self.statuses.append(rest[0])
            elif kind == "update":
                self.revisions[rest[0]] = int(rest[1])
            elif kind == "delete":
                self.deleted.append(rest[0])


def _revision(title: str) -> int:
    return int(title.rsplit(" rev ", 1)[1])
