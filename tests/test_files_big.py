"""Files above QUICK_CHECK_LIMIT, where opening cannot read every page: cheap checks still find
damage, a -wal that is not the file's own, and every command that writes checks every page.

The limit is lowered for these tests (the `big` fixture) instead of making 32 MB files.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import struct

import pytest

from desktop_app.cli import run_cli
from desktop_app.store import database, file_check
from desktop_app.store.database import open_database
from desktop_app.store.errors import NotOurDatabase
from desktop_app.store.sample import write_sample
from tests.test_files_paths import folder_state


@pytest.fixture(params=["small", "big"])
def size(request, monkeypatch):
    """Each check runs both ways: a file under the limit (every page checked on opening) and
    one over it (the cheap checks only)."""
    if request.param == "big":
        monkeypatch.setattr(database, "QUICK_CHECK_LIMIT", 0)
    return request.param


@pytest.fixture
def big(monkeypatch):
    monkeypatch.setattr(database, "QUICK_CHECK_LIMIT", 0)


def sample(tmp_path, name="tracker.db"):
    path = tmp_path / name
    write_sample(path)
    return path


def root_page(path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", [table]
        ).fetchone()[0]
    finally:
        conn.close()


def overwrite_page(path, number: int, page_size: int = 4096) -> None:
    """Scribble over page `number` (1-based) of a closed file."""
    with path.open("r+b") as handle:
        handle.seek((number - 1) * page_size)
        handle.write(random.Random(number).randbytes(page_size))


def assert_refused_untouched(tmp_path, path, words: str, shm_made: bool = False) -> None:
    before = folder_state(tmp_path)
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    assert words in str(refused.value)
    assert "\n" not in str(refused.value)
    after = folder_state(tmp_path)
    if shm_made:
        # A -wal with frames but no -shm beside it (left by a crash, or copied) cannot be read
        # without making the -shm (as any SQLite reader does); the database and the -wal stay
        # untouched.
        after.pop(path.name + "-shm", None)
    assert after == before


def test_damage_in_a_small_table_is_found_on_opening(tmp_path, size):
    path = sample(tmp_path)
    # an index page: reading the table (counting its rows, say) would not meet it
    overwrite_page(path, root_page(path, "commitments_deadline"))
    assert_refused_untouched(tmp_path, path, "damaged")


def test_a_file_whose_size_disagrees_with_its_header_is_refused(tmp_path, big):
    path = sample(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data + bytes(4096))  # a page more than the header counts
    assert_refused_untouched(tmp_path, path, "its header counts")
    path.write_bytes(data[: len(data) - 4096])  # cut short: SQLite itself sees it
    assert_refused_untouched(tmp_path, path, "damaged")


def test_more_free_pages_than_pages_is_refused(tmp_path, big):
    path = sample(tmp_path)
    data = bytearray(path.read_bytes())
    data[36:40] = struct.pack(">I", 10_000)  # the header's count of free pages
    path.write_bytes(bytes(data))
    assert_refused_untouched(tmp_path, path, "free pages")


def _wal_of(tmp_path, page_size: int):
    """A -wal with committed frames, from another database with pages of page_size bytes."""
    other = tmp_path / "elsewhere" / "other.db"
    other.parent.mkdir()
    conn = sqlite3.connect(other)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    wal = tmp_path / "elsewhere" / "log"
    shutil.copyfile(other.with_name("other.db-wal"), wal)
    conn.close()
    return wal


def test_a_wal_with_another_page_size_is_refused_before_sqlite_replays_it(tmp_path, size):
    path = sample(tmp_path)
    shutil.copyfile(_wal_of(tmp_path, 8192), tmp_path / "tracker.db-wal")
    assert_refused_untouched(tmp_path, path, "pages of 8192 bytes")


def test_a_wal_with_a_damaged_header_is_refused(tmp_path, size):
    path = sample(tmp_path)
    wal = tmp_path / "tracker.db-wal"
    shutil.copyfile(_wal_of(tmp_path, 4096), wal)
    data = bytearray(wal.read_bytes())
    data[16] ^= 0xFF  # a salt byte: the header's checksum no longer matches
    wal.write_bytes(bytes(data))
    assert_refused_untouched(tmp_path, path, "damaged header")


def test_another_databases_wal_with_the_same_page_size_is_refused(tmp_path, size):
    # frames from another copy of the sample: every check of the header passes, the pages
    # they replace do not fit this file's
    path = sample(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    other = sample(tmp_path / "elsewhere")
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.executescript("DELETE FROM status_updates; UPDATE commitments SET title = 'foreign';")
    shutil.copyfile(other.with_name(other.name + "-wal"), tmp_path / "tracker.db-wal")
    conn.close()
    assert_refused_untouched(tmp_path, path, "damaged", shm_made=True)


def test_a_sound_wal_left_by_a_crash_is_replayed(tmp_path, size):
    path = sample(tmp_path)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    shutil.copyfile(path, crashed / "tracker.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE commitments SET title = 'kept in the log'")
    conn.commit()
    shutil.copyfile(tmp_path / "tracker.db-wal", crashed / "tracker.db-wal")
    conn.close()
    db = open_database(crashed / "tracker.db")
    assert {r[0] for r in db.execute("SELECT title FROM commitments")} == {"kept in the log"}
    db.close()


@pytest.fixture
def damaged_big_table(tmp_path, monkeypatch, big):
    """A file over the limit whose events table is too big for the cheap checks (the budget
    is lowered to 2 rows) and damaged."""
    monkeypatch.setattr(file_check, "ROW_BUDGET", 2)
    path = sample(tmp_path)
    overwrite_page(path, root_page(path, "events"))
    return path


def test_import_checks_every_page_of_a_big_file_before_writing(tmp_path, capsys, damaged_big_table):
    path = damaged_big_table
    csv = tmp_path / "actors.csv"
    csv.write_text("name,kind\nOman,organisation\n")
    before = folder_state(tmp_path)
    assert run_cli(["import", "--db", str(path), "--table", "actors", str(csv)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and err.count("\n") == 1
    assert folder_state(tmp_path) == before


def test_check_and_export_of_a_damaged_big_file_end_in_a_sentence(
    tmp_path, capsys, damaged_big_table
):
    path = damaged_big_table
    before = folder_state(tmp_path)
    assert run_cli(["check", "--db", str(path)]) == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["healthy"] is False and "damaged" in report["problem"]
    assert captured.err.count("\n") == 1
    out = tmp_path / "out" / "events.csv"
    out.parent.mkdir()
    assert run_cli(["export", "--db", str(path), "--table", "events", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and err.count("\n") == 1
    assert not out.exists()
    assert folder_state(tmp_path) == before
