"""An export stopped half-way leaves nothing behind: Ctrl+C removes its temporary files, a
killed parallel export leaves no worker running, and its leftover files are removed by the next
export into that folder."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop_app.exchange import csv_export
from desktop_app.store.bulk import insert_rows
from desktop_app.store.database import open_database
from tests.processes import child_env, run_cli


@pytest.fixture
def many_actors(tmp_path) -> Path:
    """A database of 6,000 actors (progress is reported every 5,000 rows)."""
    path = tmp_path / "many.db"
    db = open_database(path)
    insert_rows(db, "actors", ({"name": f"Group {n}", "kind": "armed_group"} for n in range(6000)))
    db.close()
    return path


def interrupt(written: int) -> bool:
    raise KeyboardInterrupt  # as Ctrl+C arriving while the export runs


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".export"))


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_during_an_export_leaves_no_file(many_actors, tmp_path, workers):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KeyboardInterrupt):
        csv_export.export_table(
            many_actors,
            "actors",
            out / "actors.csv",
            excel=True,
            progress=interrupt,
            workers=workers,
            parallel_from=1,
        )
    assert list(out.iterdir()) == []


EXPORTER = textwrap.dedent(
    """
    import sys, time
    from desktop_app.exchange import csv_export

    def progress(written):
        print("exporting", flush=True)
        time.sleep(60)  # killed meanwhile, its workers started and a part written
        return True

    csv_export.export_table(
        sys.argv[1], "events", sys.argv[2], False, progress, workers=2, parallel_from=1
    )
    """
)


def children(pid: int) -> list[int]:
    """The processes whose parent is pid, read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_parallel_export_leaves_no_worker_and_no_file_behind(sample_db, db_path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    env = child_env()
    exporter = subprocess.Popen(
        [sys.executable, "-c", EXPORTER, str(db_path), str(out / "events.csv")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    workers: list[int] = []
    try:
        ready, _, _ = select.select([exporter.stdout], [], [], 20)
        assert ready and exporter.stdout.readline().strip() == "exporting"
        workers = children(exporter.pid)
        assert len(workers) >= 2  # two workers (and multiprocessing's resource tracker)
        assert leftovers(out)  # a finished part, waiting to be joined
        exporter.send_signal(signal.SIGKILL)
        exporter.wait(timeout=10)
        deadline = time.monotonic() + 3
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in workers if running(pid)] == []
    finally:
        exporter.kill()
        exporter.stdout.close()
        for pid in workers:  # only if the test failed: end what it started
            if running(pid):
                os.kill(pid, signal.SIGKILL)

    # files a killed run left: one of a dead process, one of a live one (this one), one of an
    # earlier version (no process id in its name); all older than the next export's process
    stale = leftovers(out)
    live = out / f".export-{os.getpid()}-abcd1234.csv"
    earlier = out / ".export-abcd1234.csv"
    for path in (live, earlier):
        path.write_text("")
    an_hour_ago = time.time() - 3600
    for name in leftovers(out):
        os.utime(out / name, (an_hour_ago, an_hour_ago))
    target = str(out / "events.csv")
    exported = run_cli("export", "--db", str(db_path), "--table", "events", "-o", target, env=env)
    assert exported.returncode == 0, exported.stderr
    assert (out / "events.csv").exists()
    assert leftovers(out) == [live.name]  # a running export's file is not touched
    assert stale and all(name not in leftovers(out) for name in stale)
