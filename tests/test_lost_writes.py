"""Two real processes: the window's process keeps its edits while another process reads the file.

Under POSIX, closing any descriptor of a file drops every lock the process holds on it. If the
window's process ever opened and closed the database file outside SQLite (as a worker opening
its own connection used to, to read the header), a CLI export in another process would find no
lock, checkpoint, and delete the WAL; the window would then write into a deleted file.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

from desktop_app.store.sample import write_sample
from tests.processes import run_cli, script_process

HOLDER = textwrap.dedent(
    """
    import os, sys
    from desktop_app.store.database import connect_existing, open_database
    from desktop_app.store import records
    from desktop_app.domain.records import Actor

    db = open_database(sys.argv[1])
    worker = connect_existing(sys.argv[1])   # as a background task does
    worker.execute("SELECT COUNT(*) FROM commitments").fetchone()
    worker.close()
    print("ready", flush=True)
    sys.stdin.readline()                      # the other process exports meanwhile
    records.add(db, Actor(name="Written after the export", kind="organisation"))
    print("written", flush=True)
    os._exit(0)                               # dies without closing its connection
    """
)


READER = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "c.execute('SELECT COUNT(*) FROM commitments').fetchall(); c.close()"
)


def test_a_write_after_another_process_exported_is_on_disk(tmp_path):
    path = tmp_path / "shared.db"
    write_sample(path)
    with script_process(HOLDER, str(path)) as holder:
        assert holder.stdout.readline().strip() == "ready"
        out = str(tmp_path / "out.csv")
        export = run_cli("export", "--db", str(path), "--table", "commitments", "-o", out)
        assert export.returncode == 0, export.stderr
        # another program reading the file the ordinary way: closing its last connection, it
        # would checkpoint and delete the WAL if the holder had lost its locks
        reader = subprocess.run(
            [sys.executable, "-c", READER, str(path)], capture_output=True, text=True, timeout=60
        )
        assert reader.returncode == 0, reader.stderr
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "written"
        assert holder.wait(timeout=30) == 0
    fresh = sqlite3.connect(path)
    try:
        names = [r[0] for r in fresh.execute("SELECT name FROM actors")]
    finally:
        fresh.close()
    assert "Written after the export" in names
