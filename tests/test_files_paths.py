"""Paths: names holding '#', '?' or '%', and outputs that are the database under another name.

Every check runs on real files. A file name's '#' or '?' cut short in an unescaped file: URI
would make the open-time checks read another file (or none) and let the real one through.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from desktop_app.cli import run_cli
from desktop_app.store.database import open_database
from desktop_app.store.errors import NewerSchema, NotOurDatabase
from desktop_app.store.sample import write_sample
from desktop_app.store.schema import SCHEMA_VERSION

SPECIAL_NAMES = ["other#app.db", "a?b.db", "100%25.db", "x#y?z%3F.db"]


def folder_state(folder) -> dict[str, str]:
    """Every file in folder with the hash of its bytes: what 'untouched' means."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def make_newer(path) -> None:
    """A file of ours as a later release would leave it (WAL mode, as ours always are)."""
    write_sample(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('commitment_tracker', '9999_from_the_future', 'later')"
    )
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("name", SPECIAL_NAMES)
def test_another_programs_file_with_a_special_name_is_refused_untouched(tmp_path, name):
    path = tmp_path / name
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('bread')")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    with pytest.raises(NotOurDatabase, match="another program"):
        open_database(path)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("name", SPECIAL_NAMES)
def test_a_newer_file_with_a_special_name_is_refused_not_downgraded(tmp_path, name):
    path = tmp_path / name
    make_newer(path)
    before = folder_state(tmp_path)
    with pytest.raises(NewerSchema, match="newer version"):
        open_database(path)
    assert folder_state(tmp_path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()


def test_a_file_named_100_percent_25_works_from_end_to_end(tmp_path, capsys):
    path = tmp_path / "100%25.db"
    assert run_cli(["sample", str(path)]) == 0
    assert run_cli(["check", "--db", str(path)]) == 0
    out = tmp_path / "out%20.csv"
    assert run_cli(["export", "--db", str(path), "--table", "events", "-o", str(out)]) == 0
    assert out.read_text().count("\n") == 8  # the header and the sample's 7 events
    extra = tmp_path / "more.csv"
    extra.write_text("date,kind,title\n2024-05-01,meeting,Talks in Doha\n")
    args = ["import", "--db", str(path), "--table", "events"]
    assert run_cli([*args, "--dry-run", str(extra)]) == 0
    assert run_cli([*args, str(extra)]) == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 8
    conn.close()
    # nothing was written to a file whose name is the path with %25 read as '%'
    assert sorted(p.name for p in tmp_path.iterdir() if "100" in p.name) == ["100%25.db"]
    capsys.readouterr()


# --- export -o / render -o onto the database itself ------------------------------------------


def _outputs(tmp_path, path):
    """Names under which the database (or one of its SQLite files) can be written over."""
    (tmp_path / "link.db").symlink_to(path)
    os.link(path, tmp_path / "hard.db")
    return {
        "itself": str(path),
        "its -wal": str(path) + "-wal",
        "its -shm": str(path) + "-shm",
        "a relative path": os.path.relpath(path),
        "a path through ..": str(tmp_path / "sub" / ".." / path.name),
        "a symlink": str(tmp_path / "link.db"),
        "a hard link": str(tmp_path / "hard.db"),
    }


@pytest.mark.parametrize("command", ["export", "render"])
def test_writing_output_over_the_database_is_refused_and_it_is_untouched(
    tmp_path, monkeypatch, capsys, command
):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "tracker.db"
    write_sample(path)
    (tmp_path / "sub").mkdir()
    outputs = _outputs(tmp_path, path)
    before = folder_state(tmp_path)
    for what, output in outputs.items():
        if command == "export":
            argv = ["export", "--db", str(path), "--table", "commitments", "-o", output]
        else:
            argv = ["render", "--db", str(path), "--chart", "by-party", "-o", output]
        assert run_cli(argv) == 2, what
        err = capsys.readouterr().err
        assert "choose another file name" in err, (what, err)
        assert err.count("\n") == 1
        assert folder_state(tmp_path) == before, what


def test_save_a_copy_over_the_database_or_its_log_is_refused(tmp_path):
    from desktop_app.store.database import save_copy
    from desktop_app.store.errors import StoreError

    path = tmp_path / "tracker.db"
    write_sample(path)
    db = open_database(path)
    try:
        db.execute("PRAGMA wal_autocheckpoint = 0")
        db.execute("UPDATE commitments SET title = title || ' (only in the log)'")
        for target in (path, tmp_path / "tracker.db-wal", tmp_path / "tracker.db-shm"):
            with pytest.raises(StoreError, match="choose another file name"):
                save_copy(db, target)
    finally:
        db.close()
    conn = sqlite3.connect(path)
    titles = [r[0] for r in conn.execute("SELECT title FROM commitments")]
    conn.close()
    assert len(titles) == 7 and all(t.endswith("(only in the log)") for t in titles)
