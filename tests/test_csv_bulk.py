"""Big imports write their new records in batches, with the search index and the monthly
counts brought up to date in bulk: the result must be what single edits give."""

from __future__ import annotations

import csv

from desktop_app.domain.records import Event
from desktop_app.exchange import csv_import
from desktop_app.exchange.presets import import_file
from desktop_app.store import records
from tests import sql_reference

ROWS = 2 * csv_import.WRITE_BATCH + 1_234  # more than two batches
KINDS = ("meeting", "visit", "strike", "attack")
HEADER = ["uuid", "date", "kind", "title", "description", "actors", "place", "place_country"]


def _uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def _write(path, numbers, title="Talks on the border", bad_line: int | None = None) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in numbers:
            date = f"20{10 + n % 14}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            if bad_line is not None and n == bad_line:
                date = "2024-02-30"
            writer.writerow(
                [_uuid(n), date, KINDS[n % 4], f"{title} {n}", "", "PAK; IRN", "Turbat", "PAK"]
            )


def _triggers(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def _month_counts_agree(db) -> None:
    kept = db.execute("SELECT month, kind, n FROM event_month_counts WHERE n > 0 ORDER BY 1, 2")
    direct = db.execute(
        """SELECT substr(date, 1, 7), kind, COUNT(*) FROM events WHERE deleted_at IS NULL
           GROUP BY 1, 2 ORDER BY 1, 2"""
    )
    assert kept.fetchall() == direct.fetchall()


def test_a_big_import_indexes_and_counts_what_single_edits_would(db, tmp_path):
    triggers = _triggers(db)
    first = tmp_path / "first.csv"
    _write(first, range(3_000))
    assert import_file(db, "events", first).added == 3_000
    second = tmp_path / "second.csv"  # the first 3,000 again with new titles, and more
    _write(second, range(ROWS), title="Border market opened")

    result = import_file(db, "events", second)

    assert result.ok, result.problems[:3]
    assert (result.added, result.updated, result.rows) == (ROWS - 3_000, 3_000, ROWS)
    assert _triggers(db) == triggers  # the paused triggers are back
    db.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
    assert len(sql_reference.search_events(db, "market")) == ROWS
    assert sql_reference.search_events(db, "talks") == []  # the updated titles left the index
    _month_counts_agree(db)
    assert db.execute("SELECT COUNT(*) FROM event_actors").fetchone()[0] == 2 * ROWS
    uuids = db.execute("SELECT COUNT(DISTINCT uuid), COUNT(*) FROM events").fetchone()
    assert uuids == (ROWS, ROWS)

    # the triggers work again for single edits after the import
    records.add(db, Event(date="2030-01-05", kind="visit", title="Visit to the new market"))
    assert len(sql_reference.search_events(db, "market")) == ROWS + 1
    _month_counts_agree(db)


def test_a_problem_after_the_first_batch_keeps_nothing_and_keeps_the_triggers(db, tmp_path):
    triggers = _triggers(db)
    path = tmp_path / "late-problem.csv"
    _write(path, range(ROWS), bad_line=ROWS - 5)

    result = import_file(db, "events", path)

    assert [p.column for p in result.problems] == ["date"]
    assert result.problems[0].line == ROWS - 5 + 2  # the header is line 1
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM events_fts").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM event_month_counts WHERE n > 0").fetchone()[0] == 0
    assert _triggers(db) == triggers


def test_a_dry_run_of_a_big_file_counts_without_keeping(db, tmp_path):
    path = tmp_path / "dry.csv"
    _write(path, range(ROWS))
    result = import_file(db, "events", path, dry_run=True)
    assert result.ok and result.added == ROWS
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_a_row_the_csv_reader_cannot_parse_is_a_problem_not_a_crash(db, tmp_path):
    path = tmp_path / "huge-cell.csv"
    _write(path, range(50))
    with path.open("a", encoding="utf-8") as handle:  # one cell over the parser's own limit
        handle.write(f'{_uuid(99)},2024-01-01,visit,"{"x" * 10_000_001}",,,,\n')
    result = import_file(db, "events", path)
    assert len(result.problems) == 1
    assert "cannot be parsed" in str(result.problems[0])
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_the_row_estimate_for_progress_counts_the_lines_after_the_header(tmp_path):
    for ending, last in (("\n", "\n"), ("\r\n", ""), ("\r", "\r")):
        path = tmp_path / "rows.csv"
        body = ending.join(f"Promise {n},2024-01-0{n + 1}" for n in range(5))
        path.write_bytes(f"title,made_on{ending}{body}{last}".encode())
        prepared = csv_import.prepare(path)
        assert prepared.lines == len(list(prepared.rows())) == 5, repr(ending)
        assert len(prepared.preview) == 5
