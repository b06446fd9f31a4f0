"""Rows of a big file checked in worker processes (exchange/parallel_check.py) give what checking
them in one process gives: the same rows written, the same problems on the same lines; Cancel
keeps nothing and leaves no worker behind. The parallel path is forced on small files here
(PARALLEL_FROM of 1, pieces of a few kilobytes, so that quoted cells over several lines are cut
between pieces), with two workers so that the pieces come back from more than one process."""

from __future__ import annotations

import csv
import io
import multiprocessing
import shutil

import pytest

from desktop_app.exchange import csv_import, parallel_check
from desktop_app.exchange.csv_export import export_table
from desktop_app.exchange.import_result import ImportCancelled
from desktop_app.exchange.presets import import_file
from desktop_app.exchange.row_builders import BUILDERS, CHECKED_BY_BUILDER, RowError
from desktop_app.store.database import open_database
from desktop_app.store.sample import load_sample


def _content(db) -> dict[str, list[tuple]]:
    """Every table (but the change log and the search index) without the columns that differ
    between two runs of one import: times, and the UUIDs made for records named without one."""
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' AND name NOT IN ('record_changes', 'import_log')"
        )
    ]
    dump = {}
    for table in tables:
        columns = [
            r[1]
            for r in db.execute(f"PRAGMA table_info([{table}])")
            if not r[1].endswith("_at") and r[1] != "uuid"
        ]
        sql = f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]"
        dump[table] = sorted(map(tuple, db.execute(sql).fetchall()), key=repr)
    return dump


def _sample_database(tmp_path, name: str):
    """A copy of one sample database (the file the events are exported from)."""
    source = tmp_path / "sample.db"
    if not source.exists():
        db = open_database(source)
        load_sample(db)
        db.close()
    shutil.copyfile(source, tmp_path / name)
    return open_database(tmp_path / name)


def _events_file(tmp_path, with_problems: bool, count: int = 400):
    """The sample's events as exported, then new events made from them: renamed places and
    actors, new UUIDs, descriptions over several lines; with_problems adds rows at fault."""
    _sample_database(tmp_path, "exported.db").close()
    exported = tmp_path / "exported.csv"
    export_table(tmp_path / "sample.db", "events", exported, excel=False)
    with exported.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    at = {name: n for n, name in enumerate(header)}
    lines = [header, *body]
    for n in range(count):
        row = list(body[n % len(body)])
        row[at["uuid"]] = f"00000000-0000-4000-8000-{n:012d}"
        row[at["title"]] = f"Talks {n}"
        if n % 3 == 0:
            row[at["description"]] = f'Said "yes",\nthen "no"\r\non day {n}\n' * (1 + n % 5)
        if n % 7 == 0:  # a place and an actor by name only, new ones now and then
            row[at["place"]], row[at["place_uuid"]] = f"Village {n % 11}", ""
            row[at["actors"]] = f"Militia {n % 5}; Rebels {n % 3}; PAK"  # (made in this order)
            row[at["actor_uuids"]] = ""
        if n % 50 == 10:  # a date that reads two ways (the file settles the order: day first)
            row[at["date"]] = "03/04/2024"
        if n == 200:
            row[at["date"]] = "25/03/2024"
        lines.append(row)
    if with_problems:
        lines += _rows_at_fault(header, body, at)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(lines)
    path = tmp_path / "events.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _rows_at_fault(header, body, at) -> list[list[str]]:
    placed = next(n for n, row in enumerate(body) if row[at["place_uuid"]])
    with_actors = next(n for n, row in enumerate(body) if row[at["actor_uuids"]])
    actor = body[with_actors][at["actors"]].split(";")[0].strip()
    uuid = body[with_actors][at["actor_uuids"]].split(";")[0].strip()

    made = iter(range(10**6))

    def changed(n: int, **cells) -> list[str]:
        row = list(body[n % len(body)])
        row[at["uuid"]] = f"00000000-0000-4000-9000-{next(made):012d}"
        for name, value in cells.items():
            row[at[name]] = value
        return row

    return [
        changed(1, date="2024-02-30"),
        changed(2, latitude="95", fatalities="-3", end_date="yesterday"),
        changed(3, place_country="Atlantis"),
        ["too", "few", "cells"],
        changed(4, uuid=body[0][at["uuid"]]),  # the UUID of an earlier row
        changed(with_actors, actors="Someone else"),  # the actors' UUIDs name other actors
        changed(with_actors, actors=f"{actor}; {actor}", actor_uuids=f"{uuid}; {uuid}"),
        changed(placed, place="Elsewhere"),  # the place's UUID names another place
        changed(placed, place="Elsewhere", fatalities="-3"),  # a link, then a cell at fault
        changed(6, date="05/06/2024", place_country="Narnia"),
        changed(7, actors="ZZZ", actor_uuids=""),  # not a country code
        *(changed(100 + n, date="2024-13-01") for n in range(250)),  # past the listed 200
    ]


def _import(tmp_path, name: str, path, parallel: bool, monkeypatch, **options):
    monkeypatch.setattr(csv_import, "PARALLEL_FROM", 1 if parallel else 10**9)
    pieces_checked = []
    check_piece = parallel_check.check_piece  # (the writer's own reading on after a cut)
    monkeypatch.setattr(
        parallel_check, "check_piece", lambda *a: pieces_checked.append(a[1]) or check_piece(*a)
    )
    started = []
    checked_rows = parallel_check.checked_rows
    monkeypatch.setattr(
        parallel_check, "checked_rows", lambda *a: started.append(a) or checked_rows(*a)
    )
    db = _sample_database(tmp_path, name)
    try:
        result = import_file(db, "events", path, **options)
        assert bool(started) == parallel  # the workers checked the rows, or none were started
        assert bool(pieces_checked) == parallel  # pieces were cut inside a multi-line cell
        return result, _content(db)
    finally:
        db.close()


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(parallel_check, "CHUNK_BYTES", 3_000)
    monkeypatch.setattr(parallel_check, "worker_count", lambda: 2)
    monkeypatch.setattr(parallel_check, "MIN_CORES", 1)


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_clean_file_is_written_as_one_process_writes_it(
    tmp_path, monkeypatch, small_pieces, dry_run
):
    path = _events_file(tmp_path, with_problems=False)
    one, one_content = _import(tmp_path, "one.db", path, False, monkeypatch, dry_run=dry_run)
    many, many_content = _import(tmp_path, "many.db", path, True, monkeypatch, dry_run=dry_run)
    assert one.ok and one.added == 400 and one.unchanged > 0, one.problems[:3]
    assert one.date_order is not None  # the dates that read two ways were settled
    assert many == one
    assert many_content == one_content
    assert multiprocessing.active_children() == []


def test_a_file_with_problems_gives_the_same_problems(tmp_path, monkeypatch, small_pieces):
    path = _events_file(tmp_path, with_problems=True)
    one, one_content = _import(tmp_path, "one.db", path, False, monkeypatch)
    many, many_content = _import(tmp_path, "many.db", path, True, monkeypatch)
    assert not one.ok and one.unlisted > 0
    reasons = " ".join(str(p) for p in one.problems)
    for expected in (
        "30 February 2024 does not exist",
        "outside the range",
        "Atlantis",
        "cells but the header",
        "listed twice",
        "already appears on line",
        "does not name",
        "ZZZ",
    ):
        assert expected in reasons
    assert [str(p) for p in many.problems] == [str(p) for p in one.problems]
    assert many == one
    assert many_content == one_content  # nothing kept: the sample as it was


def test_a_row_the_csv_reader_cannot_parse_stops_both_at_the_same_line(
    tmp_path, monkeypatch, small_pieces
):
    path = _events_file(tmp_path, with_problems=False)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '00000000-0000-4000-a000-000000000001,2024-01-01,,day,"meeting\n')
    one, _ = _import(tmp_path, "one.db", path, False, monkeypatch)
    many, _ = _import(tmp_path, "many.db", path, True, monkeypatch)
    assert not one.ok and "never closed" in str(one.problems[-1])
    assert many == one


def test_cancel_midway_keeps_nothing_and_leaves_no_worker(tmp_path, monkeypatch, small_pieces):
    path = _events_file(tmp_path, with_problems=False, count=3_000)
    monkeypatch.setattr(csv_import, "PARALLEL_FROM", 1)
    db = _sample_database(tmp_path, "cancelled.db")
    before = _content(db)
    workers_seen = []

    def progress(done: int, total: int) -> bool:
        workers_seen.append(len(multiprocessing.active_children()))
        return done < 1_000

    with pytest.raises(ImportCancelled):
        import_file(db, "events", path, progress=progress)
    assert max(workers_seen) == 2  # the workers were checking rows when Cancel came
    assert multiprocessing.active_children() == []
    assert _content(db) == before
    db.close()


def test_every_cell_a_builder_is_said_to_check_is_checked_by_it():
    """parallel_check lists no other problems for a row whose record was built than those of
    cells outside CHECKED_BY_BUILDER: a cell listed there must stop the builder when wrong."""
    good = {
        "actors": {"name": "UN"},
        "places": {"name": "Turbat"},
        "sources": {"title": "Dawn"},
        "events": {"date": "2024-01-01", "kind": "meeting", "title": "Talks"},
        "commitments": {"title": "Talks", "made_on": "2024-01-01"},
        "status_updates": {"commitment_uuid": "x", "date": "2024-01-01", "status": "pending"},
        "statistics": {"label": "Refugees", "value": "12"},
    }
    assert set(CHECKED_BY_BUILDER) == set(BUILDERS) == set(good)
    for table, fields in CHECKED_BY_BUILDER.items():
        for field in fields:
            resolver = parallel_check.DeferringResolver(None)
            with pytest.raises(RowError) as raised:
                BUILDERS[table](resolver, good[table] | {field: "not 1 value"})
            assert raised.value.column == field, (table, field)
