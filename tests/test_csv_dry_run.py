"""A dry run counts exactly what the import would do, including records it would create and
then meet again by UUID on later rows (they have no row to be read back from)."""

from __future__ import annotations

from desktop_app.exchange.csv_export import export_table
from desktop_app.exchange.presets import import_file
from desktop_app.store.database import open_database
from tests.dump import full_dump


def test_a_dry_run_of_events_into_an_empty_file_counts_what_the_import_adds(sample_db, tmp_path):
    path = tmp_path / "events.csv"
    export_table(sample_db.execute("PRAGMA database_list").fetchone()[2], "events", path, False)
    empty = open_database(tmp_path / "empty.db")
    try:
        before = full_dump(empty)
        dry = import_file(empty, "events", path, dry_run=True)
        assert dry.ok, dry.problems
        assert full_dump(empty) == before
        real = import_file(empty, "events", path)
        assert real.ok and (dry.added, dry.updated) == (real.added, real.updated) == (7, 0)
    finally:
        empty.close()
