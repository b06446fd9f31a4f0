"""Files of ours that another program altered are refused before anything of theirs can run.

A foreign trigger would run inside our writes, a view in place of a table would run its own
query on every read (a recursive one forever), a changed table lets in rows the app cannot
show. Each file is a real sample database altered with plain sqlite3, as another tool would.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlite_utils import Database

from desktop_app.cli import run_cli
from desktop_app.store.database import open_database, open_read_only
from desktop_app.store.errors import NotOurDatabase
from desktop_app.store.sample import write_sample
from desktop_app.store.schema import migrations
from tests.test_files_paths import folder_state

STATISTICS_COLUMNS = (
    "i AS id, 'u' || i AS uuid, 'x' AS created_at, 'x' AS updated_at, NULL AS deleted_at,"
    " 'endless' AS label, i AS value, '' AS unit, NULL AS period_start, NULL AS period_end,"
    " NULL AS baseline_value, NULL AS baseline_start, NULL AS baseline_end, NULL AS place_id,"
    " NULL AS country_iso3, NULL AS source_id, '' AS method_note"
)

ALTERATIONS = {
    "extra trigger": (
        "CREATE TRIGGER evil AFTER INSERT ON events BEGIN DELETE FROM status_updates; END;",
        "an extra trigger evil on events",
    ),
    "view in place of a table": (
        "CREATE TABLE events_copy AS SELECT * FROM events; DROP TABLE events;"
        " CREATE VIEW events AS SELECT * FROM events_copy;",
        "events is a view, not a table",
    ),
    "recursive view": (
        "DROP TABLE statistics; CREATE VIEW statistics AS WITH RECURSIVE n(i) AS"
        f" (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT {STATISTICS_COLUMNS} FROM n;",
        "statistics is a view, not a table",
    ),
    "extra column": (
        "ALTER TABLE actors ADD COLUMN nickname TEXT;",
        "the table actors has a changed definition",
    ),
    "changed CHECK": (
        "PRAGMA writable_schema = ON;"
        " UPDATE sqlite_master SET sql = replace(sql, '''person''', '''person'', ''alien''')"
        " WHERE name = 'actors';",
        "the table actors has a changed definition",
    ),
    # refused too: an index can be UNIQUE, or call a function this app lacks, and so make our
    # writes fail; the sentence names it, so that its owner can drop it
    "extra index": (
        "CREATE UNIQUE INDEX my_titles ON events(title);",
        "an extra index my_titles on events",
    ),
    "dropped index": (
        "DROP INDEX events_live_by_date;",
        "the index events_live_by_date is missing",
    ),
}


def altered(tmp_path, script: str, name: str = "altered.db"):
    path = tmp_path / name
    write_sample(path)
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()
    return path


@pytest.mark.parametrize("case", ALTERATIONS)
def test_an_altered_file_is_refused_in_one_sentence_and_left_untouched(tmp_path, case):
    script, words = ALTERATIONS[case]
    path = altered(tmp_path, script)
    before = folder_state(tmp_path)
    for opener in (open_database, open_read_only):
        with pytest.raises(NotOurDatabase) as refused:
            opener(path)
        message = str(refused.value)
        assert words in message and "altered by another program" in message
        assert "\n" not in message and message.endswith(".")
        assert folder_state(tmp_path) == before


def test_the_foreign_trigger_never_runs_on_import(tmp_path, capsys):
    path = altered(tmp_path, ALTERATIONS["extra trigger"][0])
    events = tmp_path / "events.csv"
    events.write_text("date,kind,title\n2024-05-01,meeting,Talks in Doha\n")
    assert run_cli(["import", "--db", str(path), "--table", "events", str(events)]) == 2
    assert "extra trigger evil" in capsys.readouterr().err
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM status_updates").fetchone()[0] == 4
    conn.close()


def _check_in_a_child(path, timeout=30):
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_check_on_a_recursive_view_ends_with_a_report_not_a_hang(tmp_path):
    path = altered(tmp_path, ALTERATIONS["recursive view"][0])
    result = _check_in_a_child(path)  # a hang fails here, by timeout
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["healthy"] is False
    assert "statistics is a view, not a table" in report["problem"]


def test_the_migration_log_itself_is_never_read_when_it_is_not_our_table(tmp_path):
    # _sqlite_migrations is the one table read to learn a file's version: a recursive view
    # there must be seen in sqlite_master, not run
    path = altered(
        tmp_path,
        "DROP TABLE _sqlite_migrations; CREATE VIEW _sqlite_migrations AS WITH RECURSIVE"
        " n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
        " SELECT i AS id, 'commitment_tracker' AS migration_set, 'm' || i AS name,"
        " 'x' AS applied_at FROM n;",
    )
    result = _check_in_a_child(path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "another program" in json.loads(result.stdout)["problem"]


def test_statistics_left_by_analyze_are_allowed(tmp_path):
    path = altered(tmp_path, "ANALYZE;")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM sqlite_stat1").fetchone()[0] > 0
    conn.close()
    open_database(path).close()


def _older_file(path, stop_before: str, version: int) -> None:
    db = Database(path)
    db.execute("PRAGMA journal_mode = WAL")
    migrations.apply(db, stop_before=stop_before)
    db.execute(f"PRAGMA user_version = {version}")
    db.close()


def test_an_older_file_is_compared_with_the_schema_of_its_own_version(tmp_path):
    # version 3 still has events_date and events_kind_date, which 0004 dropped
    sound = tmp_path / "v3.db"
    _older_file(sound, "0004_fewer_event_indexes", 3)
    db = open_database(sound)  # accepted, then migrated
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "events_date" not in indexes
    db.close()

    trimmed = tmp_path / "v3-trimmed.db"
    _older_file(trimmed, "0004_fewer_event_indexes", 3)
    conn = sqlite3.connect(trimmed)
    conn.execute("DROP INDEX events_date")  # what 0004 would do, done by someone else
    conn.close()
    before = folder_state(tmp_path)
    with pytest.raises(NotOurDatabase, match="the index events_date is missing"):
        open_database(trimmed)
    assert folder_state(tmp_path) == before


def test_an_impossible_upgrade_history_is_refused(tmp_path):
    path = altered(
        tmp_path, "DELETE FROM _sqlite_migrations WHERE name = '0002_event_month_counts';"
    )
    with pytest.raises(NotOurDatabase, match="impossible upgrade history"):
        open_database(path)


def test_the_same_schema_laid_out_differently_is_accepted(tmp_path):
    # another release of sqlite-utils or of SQLite may write the same statements with other
    # spacing, quoting or keyword case; only a different meaning is refused
    path = altered(
        tmp_path,
        "PRAGMA writable_schema = ON;"
        " UPDATE sqlite_master SET sql = replace(replace(sql, char(10) || '    ', ' '),"
        " 'CREATE TABLE actors', 'create table \"actors\"') WHERE name = 'actors';"
        " UPDATE sqlite_master SET sql = replace(sql, 'ON events', 'ON [events] /* ours */')"
        " WHERE name = 'events_live_by_date';",
    )
    conn = sqlite3.connect(path)
    assert (
        conn.execute("SELECT sql FROM sqlite_master WHERE name = 'actors'")
        .fetchone()[0]
        .startswith('create table "actors" ( id INTEGER')
    )
    conn.close()
    open_database(path).close()
