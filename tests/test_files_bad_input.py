"""Bad input and bad luck get one sentence and exit 2 (130 for Ctrl+C), never a traceback, and
change nothing: a write lock held by another process, a full disk, far-off dates, Ctrl+C."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from desktop_app.cli import run_cli
from desktop_app.store import database
from desktop_app.store.sample import write_sample
from tests.dump import full_dump


def dump_of(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return full_dump(conn)
    finally:
        conn.close()


def events_csv(path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("date,kind,title,description\n")
        for i in range(rows):
            out.write(
                f"2024-{1 + i % 12:02d}-{1 + i % 28:02d},meeting,Talks round {i},{'x' * 80}\n"
            )


def test_a_write_lock_held_longer_than_the_busy_timeout_is_a_sentence(tmp_path):
    path = tmp_path / "tracker.db"
    write_sample(path)
    csv = tmp_path / "events.csv"
    events_csv(csv, 3)
    before = dump_of(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
    try:
        result = subprocess.run(
            [sys.executable, "-m", "desktop_app", "import", "--db", str(path)]
            + ["--table", "events", str(csv)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, database.BUSY_TIMEOUT_VARIABLE: "200"},
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "being written by another program; nothing was changed" in result.stderr
    assert dump_of(path) == before


def test_a_full_disk_during_an_import_is_a_sentence_and_nothing_is_kept(
    tmp_path, monkeypatch, capsys
):
    path = tmp_path / "tracker.db"
    write_sample(path)
    csv = tmp_path / "events.csv"
    events_csv(csv, 2000)
    before = dump_of(path)
    opened = database.open_existing

    def on_a_full_disk(*args, **kwargs):
        db = opened(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for almost nothing
        return db

    monkeypatch.setattr(database, "open_existing", on_a_full_disk)
    assert run_cli(["import", "--db", str(path), "--table", "events", str(csv)]) == 2
    err = capsys.readouterr().err
    assert "the disk holding" in err and "is full; nothing was changed" in err
    assert err.count("\n") == 1
    assert dump_of(path) == before


def _writing(path) -> bool:
    """Whether some connection holds the file's write lock (tried without waiting)."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def test_ctrl_c_during_an_import_prints_no_traceback_and_keeps_nothing(tmp_path):
    path = tmp_path / "tracker.db"
    write_sample(path)
    csv = tmp_path / "events.csv"
    events_csv(csv, 50_000)  # a few seconds of work: Ctrl+C comes at its very start
    before = dump_of(path)
    with subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "import", "--db", str(path)]
        + ["--table", "events", str(csv)],
        stderr=subprocess.PIPE,
        text=True,
        # as a user's terminal would: a run started in the background of a script inherits
        # SIGINT ignored, and then no Ctrl+C ever reaches the child
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    ) as child:
        deadline = time.monotonic() + 60
        # the import's transaction is open once the child holds the write lock
        while not _writing(path):
            assert child.poll() is None and time.monotonic() < deadline, "never began"
            time.sleep(0.002)
        child.send_signal(signal.SIGINT)
        err = child.stderr.read()
        code = child.wait(timeout=60)
    assert (code, err) == (130, "commitment-tracker: interrupted; nothing was changed.\n")
    assert dump_of(path) == before


def test_dates_far_in_the_future_are_a_sentence_not_an_overflow(tmp_path, capsys):
    path = tmp_path / "tracker.db"
    write_sample(path)
    out = tmp_path / "chart.png"
    for chart in ("status-over-time", "timeline"):
        argv = ["render", "--db", str(path), "--chart", chart, "-o", str(out)]
        assert run_cli([*argv, "--as-of", "9999-12-31"]) == 2
        err = capsys.readouterr().err
        assert "--as-of" in err and err.count("\n") == 1
        assert not out.exists()
    article = tmp_path / "article.txt"
    article.write_text("Pakistan and Iran agreed to reopen the border crossing within two weeks.\n")
    # issue 21: the article is still read; only the deadline past year 9999 is left out
    assert run_cli(["extract", str(article), "--date", "9999-12-31", "--json"]) == 0
    (candidate,) = json.loads(capsys.readouterr().out)
    assert candidate["deadline"] is None


def test_a_write_that_fills_the_disk_raises_that_not_a_failed_rollback(tmp_path):
    from desktop_app.domain.records import Actor
    from desktop_app.store import records
    from desktop_app.store.database import open_database, write_transaction

    db = open_database(tmp_path / "tracker.db")
    try:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(sqlite3.OperationalError, match="full"), write_transaction(db):
            for i in range(2000):  # SQLite rolls the transaction back itself
                records.add(db, Actor(name=f"Actor {i} " + "x" * 500, kind="organisation"))
        assert not db.conn.in_transaction
        assert db.execute("SELECT COUNT(*) FROM actors").fetchone()[0] == 0
    finally:
        db.close()
