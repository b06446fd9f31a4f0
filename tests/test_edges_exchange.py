"""The edges of CSV import and export: limits at their exact values, messages for one-sided
limits, line numbers counted across quoted line breaks (\\r\\n, \\n and a lone \\r alike),
header checks, the byte order mark of Excel exports, and the clean-up of temporary files a
killed export left behind. Real files in tmp_path, a real SQLite file, the csv module."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys

import pytest
from sqlite_utils import Database

from desktop_app.domain.records import Actor, Commitment, Event, Place, Source
from desktop_app.exchange import csv_export
from desktop_app.exchange.csv_export import (
    export_rows,
    export_table,
    export_to_file,
    format_cell,
    remove_stale_exports,
    write_csv,
)
from desktop_app.exchange.csv_format import MAX_CELL, CsvProblem, read_csv_file
from desktop_app.exchange.csv_import import prepare
from desktop_app.exchange.presets import import_file
from desktop_app.exchange.row_builders import RowError, _number, _whole_number
from desktop_app.store import records
from desktop_app.store.sample import load_sample
from tests.db_content import content

BOM = b"\xef\xbb\xbf"


def problems(db, table, path, **options) -> list[str]:
    """What an import says: its problems, one an item, or the CsvProblem sentence."""
    try:
        result = import_file(db, table, path, **options)
    except CsvProblem as problem:
        return [str(problem)]
    return [str(p) for p in result.problems]


def write(path, text: str) -> None:
    """text as the bytes of path, line endings exactly as given."""
    path.write_bytes(text.encode("utf-8"))


# --- numbers: limits and their messages ---------------------------------------------------------
@pytest.mark.parametrize(
    "text, low, high, message",
    [
        ("-1", 0, None, "-1 is out of range: it must be at least 0"),
        ("-0.5", 0, None, "-0.5 is out of range: it must be at least 0"),
        ("6", None, 5, "6 is out of range: it must be at most 5"),
        ("5.25", None, 5, "5.25 is out of range: it must be at most 5"),
        ("-91", -90, 90, "-91 is outside the range -90 to 90"),
        ("91", -90, 90, "91 is outside the range -90 to 90"),
    ],
)
def test_a_number_past_its_limit_says_which_limit(text, low, high, message):
    with pytest.raises(RowError) as refused:
        _number({"n": text}, "n", low, high)
    assert str(refused.value) == message
    assert refused.value.column == "n"


@pytest.mark.parametrize(
    "text, low, high, value",
    [
        ("0", 0, None, 0.0),
        ("5", None, 5, 5.0),
        ("-90", -90, 90, -90.0),
        ("90", -90, 90, 90.0),
        ("1,234.5", None, None, 1234.5),
        ("  ", 0, 5, None),
    ],
)
def test_a_number_at_its_limit_is_kept(text, low, high, value):
    assert _number({"n": text}, "n", low, high) == value


@pytest.mark.parametrize("text", ["1,5", "12,34", "nan", "inf", "-inf", "1.2.3"])
def test_what_is_not_a_finite_number_is_refused(text):
    with pytest.raises(RowError, match="is not a"):
        _number({"n": text}, "n")


@pytest.mark.parametrize(
    "text, value",
    [("0", 0), ("1,000", 1000), ("2.0", 2), ("1e3", 1000), ("+7", 7), ("", None)],
)
def test_whole_numbers_from_zero_up(text, value):
    assert _whole_number({"n": text}, "n") == value


def test_a_whole_number_below_its_least_value_says_so():
    with pytest.raises(RowError) as refused:
        _whole_number({"n": "2"}, "n", low=3)
    assert str(refused.value) == "2 is below 3, the least allowed here"
    assert _whole_number({"n": "3"}, "n", low=3) == 3


# --- coordinates at the poles and the antimeridian -----------------------------------------------
EDGES = [("90", "180"), ("-90", "-180"), ("90.0", "-180.0"), ("0", "180")]


@pytest.mark.parametrize("latitude, longitude", EDGES)
def test_a_place_at_the_poles_or_the_antimeridian_is_imported(db, tmp_path, latitude, longitude):
    path = tmp_path / "places.csv"
    write(path, f"name,latitude,longitude\nEdge,{latitude},{longitude}\n")
    result = import_file(db, "places", path)
    assert result.ok, [str(p) for p in result.problems]
    row = db.execute("SELECT latitude, longitude FROM places WHERE name = 'Edge'").fetchone()
    assert tuple(row) == (float(latitude), float(longitude))


@pytest.mark.parametrize("latitude, longitude", EDGES)
def test_an_event_at_the_poles_or_the_antimeridian_is_imported(db, tmp_path, latitude, longitude):
    path = tmp_path / "events.csv"
    write(
        path,
        "date,kind,title,place,latitude,longitude\n"
        f"2024-01-16,meeting,Talks at the edge,Edge,{latitude},{longitude}\n",
    )
    result = import_file(db, "events", path)
    assert result.ok, [str(p) for p in result.problems]
    row = db.execute(
        "SELECT p.latitude, p.longitude FROM events e JOIN places p ON p.id = e.place_id"
    ).fetchone()
    assert tuple(row) == (float(latitude), float(longitude))


JUST_PAST = [
    ("90.0001", "0", "latitude", "90.0001 is outside the range -90 to 90"),
    ("-90.0001", "0", "latitude", "-90.0001 is outside the range -90 to 90"),
    ("0", "180.0001", "longitude", "180.0001 is outside the range -180 to 180"),
    ("0", "-180.0001", "longitude", "-180.0001 is outside the range -180 to 180"),
    ("0", "180.5", "longitude", "180.5 is outside the range -180 to 180"),
]


@pytest.mark.parametrize("latitude, longitude, column, reason", JUST_PAST)
def test_a_place_just_past_the_poles_or_the_antimeridian_is_refused_on_its_line(
    sample_db, tmp_path, latitude, longitude, column, reason
):
    path = tmp_path / "places.csv"
    write(path, f"name,latitude,longitude\nGood,1,2\nPast,{latitude},{longitude}\n")
    before = content(sample_db)
    assert problems(sample_db, "places", path) == [f"line 3, column {column}: {reason}"]
    assert content(sample_db) == before


@pytest.mark.parametrize("latitude, longitude, column, reason", JUST_PAST)
def test_an_event_just_past_the_poles_or_the_antimeridian_is_refused_on_its_line(
    sample_db, tmp_path, latitude, longitude, column, reason
):
    path = tmp_path / "events.csv"
    write(
        path,
        "date,kind,title,place,latitude,longitude\n"
        "2024-01-16,meeting,Good,Here,1,2\n"
        f"2024-01-17,meeting,Past,There,{latitude},{longitude}\n",
    )
    before = content(sample_db)
    assert problems(sample_db, "events", path) == [f"line 3, column {column}: {reason}"]
    assert content(sample_db) == before


# --- line numbers across quoted line breaks ------------------------------------------------------
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_problem_after_cells_spanning_lines_is_reported_on_its_own_line(db, tmp_path, newline):
    n = newline
    path = tmp_path / "stats.csv"
    write(
        path,
        f"label,value,method_note{n}"
        f'A,1,"one{n}two"{n}'  # lines 2 and 3
        f'B,2,"x\r\ny\rz"{n}'  # lines 4, 5 and 6: \r\n is one line break, a lone \r another
        f"C,many,plain{n}",  # line 7
    )
    assert problems(db, "statistics", path) == ["line 7, column value: 'many' is not a number"]
    assert db.execute("SELECT COUNT(*) FROM statistics").fetchone()[0] == 0


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_quote_never_closed_is_reported_on_the_line_it_opens_after_earlier_breaks(
    db, tmp_path, newline
):
    n = newline
    path = tmp_path / "stats.csv"
    write(
        path,
        f"label,value,method_note{n}"
        f"A,1,plain{n}"  # line 2
        # line 3: a row whose first cell spans three lines (\r\n, then a lone \r), and whose
        # last cell opens a quote on line 5 that the file never closes
        f'"multi\r\nline\rlabel",2,"never closed{n}more{n}',
    )
    assert problems(db, "statistics", path) == [
        "line 5: a quoted field opened here is never closed (the file ends inside it); "
        "add the closing quote."
    ]


def test_a_quoted_cell_of_exactly_the_cell_limit_over_several_lines_is_kept(db, tmp_path):
    # 20,000 characters as the cell holds them: two line breaks and five quotes (written
    # doubled, so the file holds five more characters than the cell)
    half = MAX_CELL // 2 - 1
    note = "x" * (half - 5) + '"' * 5 + "\n" + "y" * half + "\n"
    assert len(note) == MAX_CELL
    written = note.replace('"', '""')
    path = tmp_path / "stats.csv"
    write(path, f'label,value,method_note\nA,1,"{written}"\nB,2,short\n')
    result = import_file(db, "statistics", path)
    assert result.ok, [str(p) for p in result.problems]
    kept = db.execute("SELECT method_note FROM statistics WHERE label = 'A'").fetchone()[0]
    assert kept == note.strip()  # a note is kept without its surrounding white space


def test_a_quoted_cell_one_past_the_cell_limit_over_several_lines_is_refused(db, tmp_path):
    half = MAX_CELL // 2
    note = "x" * half + "\n" + "y" * (half - 1) + "\n"  # 20,001 characters
    assert len(note) == MAX_CELL + 1
    path = tmp_path / "stats.csv"
    write(path, f'label,value,method_note\nA,1,plain\nB,1,"{note}"\nC,2,short\n')
    assert problems(db, "statistics", path) == [
        "line 3: a quoted field opened here is never closed (no closing quote within 20,000 "
        "characters); add the closing quote."
    ]
    assert db.execute("SELECT COUNT(*) FROM statistics").fetchone()[0] == 0


@pytest.mark.parametrize(
    "text, lines",
    [
        ("label,value\nA,1\nB,2\n", 2),
        ("label,value\r\nA,1\r\nB,2\r\n", 2),
        ("label,value\rA,1\rB,2\r", 2),
        ("label,value\nA,1\nB,2", 2),
        ("label,value\n", 0),
        ("label,value", 0),
    ],
)
def test_the_line_count_after_the_header_whatever_the_line_endings(tmp_path, text, lines):
    path = tmp_path / "stats.csv"
    write(path, text)
    prepared = prepare(path)
    assert prepared.lines == lines
    assert [line for line, _ in prepared.rows()] == [2, 3][:lines]


def test_rows_ended_by_a_lone_carriage_return_are_imported(db, tmp_path):
    path = tmp_path / "stats.csv"
    write(path, "label,value\rA,1\rB,2\r")
    result = import_file(db, "statistics", path)
    assert (result.ok, result.added) == (True, 2)


# --- headers -------------------------------------------------------------------------------------
def test_a_column_named_twice_after_a_blank_one_is_still_refused(sample_db, tmp_path):
    path = tmp_path / "twice.csv"
    write(path, "title,,made_on,Title\nTalks,,2024-01-01,Talks\n")
    before = content(sample_db)
    assert problems(sample_db, "commitments", path) == [
        'line 1: column "Title" appears twice in the header (columns 1 and 4); rename or remove '
        "one of them."
    ]
    assert content(sample_db) == before


def test_blank_column_names_are_not_a_column_named_twice(db, tmp_path):
    path = tmp_path / "blanks.csv"
    write(path, "title,, ,made_on,--\nTalks,a,b,2024-01-01,c\n")
    result = import_file(db, "commitments", path)
    assert result.ok, [str(p) for p in result.problems]
    assert db.execute("SELECT title, made_on FROM commitments").fetchall() == [
        ("Talks", "2024-01-01")
    ]


def test_a_header_of_blank_names_is_no_header(db, tmp_path):
    path = tmp_path / "no-header.csv"
    write(path, " , \nTalks,2024-01-01\n")
    assert problems(db, "commitments", path) == ["no-header.csv has no header row."]


def test_a_required_column_missing_lists_the_header(db, tmp_path):
    path = tmp_path / "missing.csv"
    write(path, "Title,notes\nTalks,x\n")
    assert problems(db, "commitments", path) == [
        "line 1, column made_on: required column missing (the header has: Title, notes)"
    ]


# --- the byte order mark: Excel exports have one, others none ------------------------------------
def test_an_excel_export_starts_with_one_byte_order_mark_and_others_with_none(sample_db, tmp_path):
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert export_to_file(export_rows(sample_db, "events"), plain, excel=False) == 7
    assert export_to_file(export_rows(sample_db, "events"), excel, excel=True) == 7
    plain_bytes, excel_bytes = plain.read_bytes(), excel.read_bytes()
    assert plain_bytes.startswith(b"uuid,") and BOM not in plain_bytes
    assert excel_bytes.startswith(BOM + b"uuid,") and excel_bytes.count(BOM) == 1
    assert b"\r\n" not in plain_bytes and plain_bytes.count(b"\n") == 8
    assert excel_bytes.count(b"\r\n") == 8
    assert read_csv_file(plain).excel is False
    assert read_csv_file(excel).excel is True


def _export(db_path, target, excel, **options) -> tuple[int, list[int]]:
    """export_table's count and every progress it reported."""
    seen: list[int] = []
    count = export_table(
        db_path, "events", target, excel, progress=lambda n: seen.append(n) or True, **options
    )
    return count, seen


def test_a_parallel_export_has_the_byte_order_mark_once_for_excel_and_never_otherwise(
    sample_db, db_path, tmp_path, monkeypatch
):
    monkeypatch.setattr(os, "cpu_count", lambda: 8)  # at most 4 workers, whatever the machine
    for excel, workers in ((False, 2), (True, None)):
        one, two = tmp_path / f"one-{excel}.csv", tmp_path / f"two-{excel}.csv"
        # one process reports as it writes: after the header, then every 5000 rows
        assert _export(db_path, one, excel, workers=1) == (7, [0, 7])
        # worker processes report as each part is done, in id ranges: 2 workers, or 4 by default
        count, seen = _export(db_path, two, excel, workers=workers, parallel_from=1)
        assert count == 7 and len(seen) == (workers or 4) and seen[-1] == 7
        assert seen == sorted(seen)
        data = two.read_bytes()
        assert data == one.read_bytes()
        assert data.count(BOM) == (1 if excel else 0)
        assert data.startswith(BOM + b"uuid,") if excel else data.startswith(b"uuid,")
    assert not list(tmp_path.glob(".export*"))


def test_a_small_table_is_written_by_one_process_unless_asked(sample_db, db_path, tmp_path):
    # under PARALLEL_FROM rows (50,000) one process writes, whatever the number of workers
    assert _export(db_path, tmp_path / "a.csv", False, workers=2) == (7, [0, 7])
    assert _export(db_path, tmp_path / "b.csv", False, workers=2, parallel_from=8) == (7, [0, 7])


def test_a_table_of_one_row_or_none_is_exported_whole(db, db_path, tmp_path):
    header = _export(db_path, tmp_path / "none.csv", False, workers=2, parallel_from=0)
    assert header == (0, [0])  # nothing to split: one process writes the header
    assert (tmp_path / "none.csv").read_text().count("\n") == 1
    records.add(db, Event(date="2024-01-16", kind="meeting", title="Talks"))
    one, seen = _export(db_path, tmp_path / "one.csv", True, workers=2, parallel_from=1)
    assert one == 1 and len(seen) == 2 and seen[-1] == 1  # two parts, the second empty
    with (tmp_path / "one.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["title"] for row in rows] == ["Talks"]


def test_formula_cells_are_restored_only_from_an_excel_export(db, tmp_path):
    body = "label,value\n'=SUM(A1),1\n"
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    write(plain, body)
    excel.write_bytes(BOM + body.encode())
    assert import_file(db, "statistics", plain).ok
    assert import_file(db, "statistics", excel).ok
    labels = [r[0] for r in db.execute("SELECT label FROM statistics ORDER BY id")]
    assert labels == ["'=SUM(A1)", "=SUM(A1)"]


@pytest.mark.parametrize(
    "value, cell",
    [
        (None, ""),
        (3.0, "3"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e16, "1e+16"),
        (-2.5, "-2.5"),
        (7, "7"),
        ("text", "text"),
    ],
)
def test_cells_are_written_so_they_read_back_as_the_same_value(value, cell):
    assert format_cell(value) == cell
    if isinstance(value, float):
        assert float(cell) == value


def test_write_csv_counts_data_rows_and_reports_progress_every_5000(tmp_path):
    seen = []
    rows = [("n",), *((i,) for i in range(10_001))]
    with (tmp_path / "n.csv").open("w", newline="") as out:
        assert write_csv(rows, out, False, progress=lambda n: seen.append(n) or True) == 10_001
    assert seen == [0, 5000, 10_000, 10_001]  # after the header, every 5000 rows, and the end
    with (tmp_path / "m.csv").open("w", newline="") as out:
        assert write_csv([(1,), (2,)], out, False, has_header=False) == 2
    with (tmp_path / "h.csv").open("w", newline="") as out:
        assert write_csv([("only a header",)], out, False) == 0
    with (tmp_path / "m.csv").open(newline="") as handle:
        assert list(csv.reader(handle)) == [["1"], ["2"]]


# --- temporary files of an export that was killed ------------------------------------------------
def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert done.returncode == 0
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _aged(path, text="partial,row\n", seconds_before_start=3600):
    path.write_text(text)
    when = csv_export._STARTED - seconds_before_start
    os.utime(path, (when, when))
    return path


def test_stale_export_files_of_ended_exports_are_removed_and_nothing_else(tmp_path):
    dead = _dead_pid()
    stale = [
        _aged(tmp_path / f".export-{dead}-abc123.csv"),
        _aged(tmp_path / f".export-part-{dead}-x_y9.csv"),
        _aged(tmp_path / ".export-k2j3h4.csv"),  # an earlier version's name, without a PID
        _aged(tmp_path / ".export-part-q1w2.csv"),
    ]
    kept = [
        _aged(tmp_path / f".export-{os.getpid()}-mine.csv"),  # this process is running
        _aged(tmp_path / ".export-1-init.csv"),  # another user's running process
        _aged(tmp_path / "events.csv"),
        _aged(tmp_path / f".export-{dead}-abc.txt"),
        _aged(tmp_path / f"export-{dead}-abc.csv"),
        _aged(tmp_path / f".export-{dead}-ABC.csv"),
    ]
    young = tmp_path / f".export-{dead}-young.csv"
    young.write_text("written since this process started\n")
    folder = tmp_path / f".export-{dead}-folder.csv"
    folder.mkdir()
    link = tmp_path / f".export-{dead}-link.csv"
    link.symlink_to(kept[2])
    os.utime(link, (csv_export._STARTED - 3600,) * 2, follow_symlinks=False)
    removed = remove_stale_exports(tmp_path)
    assert sorted(removed) == sorted(stale)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in [*kept, young, folder, link])


def test_a_file_written_the_moment_this_process_started_is_not_stale(tmp_path, monkeypatch):
    path = tmp_path / f".export-{_dead_pid()}-now.csv"
    path.write_text("x\n")
    monkeypatch.setattr(csv_export, "_STARTED", path.stat().st_mtime)
    assert remove_stale_exports(tmp_path) == []
    assert path.exists()
    monkeypatch.setattr(csv_export, "_STARTED", path.stat().st_mtime + 1)
    assert remove_stale_exports(tmp_path) == [path]


def test_a_missing_folder_has_no_stale_exports(tmp_path):
    assert remove_stale_exports(tmp_path / "gone") == []


def test_an_export_removes_what_a_killed_export_left_beside_its_target(sample_db, tmp_path):
    stale = _aged(tmp_path / f".export-part-{_dead_pid()}-left.csv")
    target = tmp_path / "events.csv"
    export_to_file(export_rows(sample_db, "events"), target, excel=False)
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".csv") == ["events.csv"]


# --- the database's own files --------------------------------------------------------------------
def test_the_databases_shared_memory_file_is_refused_by_name(db, db_path):
    load_sample(db)
    shm = db_path.with_name(db_path.name + "-shm")
    assert shm.exists()
    with pytest.raises(CsvProblem) as refused:
        import_file(db, "events", shm)
    assert str(refused.value) == "test.db-shm is the database's shared-memory file, not a CSV file."


# --- UTF-16 and UTF-32 files ---------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_a_nul_character_in_a_wide_file_is_refused_with_its_line(db, tmp_path, encoding):
    path = tmp_path / "wide.csv"
    text = "label\tvalue\r\nA\t1\r\nB\x00\t2\r\n"
    path.write_bytes(("\ufeff" + text).encode(encoding))
    assert problems(db, "statistics", path) == [
        "wide.csv contains NUL characters (first on line 3): it looks like a binary file, not CSV."
    ]


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-32-le"])
def test_a_wide_file_of_white_space_is_empty(db, tmp_path, encoding):
    path = tmp_path / "blank.csv"
    path.write_bytes(("\ufeff \r\n\t\r\n").encode(encoding))
    assert problems(db, "statistics", path) == ["blank.csv is empty."]


# --- a row updating a record it names by UUID ----------------------------------------------------
def _commitment_with(db, sources=(), parties=()) -> int:
    return records.add(
        db,
        Commitment(
            title="Reopen the crossing",
            made_on="2024-01-10",
            parties=tuple(parties),
            source_ids=tuple(sources),
        ),
    )


def test_a_party_given_another_role_moves_and_is_not_also_kept_in_its_old_one(db, tmp_path):
    pak, irn = records.state_actor(db, "PAK"), records.state_actor(db, "IRN")
    commitment_id = _commitment_with(db, parties=((pak, "promisor"), (irn, "beneficiary")))
    uuid = records.get(db, Commitment, commitment_id).uuid
    path = tmp_path / "c.csv"
    # no beneficiaries column: beneficiaries are kept, unless the file names them elsewhere
    write(path, f"uuid,title,made_on,promisors\n{uuid},Reopen the crossing,2024-01-10,PAK; IRN\n")
    result = import_file(db, "commitments", path)
    assert result.ok and result.updated == 1, [str(p) for p in result.problems]
    parties = set(records.get(db, Commitment, commitment_id).parties)
    assert parties == {(pak, "promisor"), (irn, "promisor")}


def test_a_party_in_a_role_the_file_has_no_column_for_is_kept(db, tmp_path):
    pak, irn = records.state_actor(db, "PAK"), records.state_actor(db, "IRN")
    commitment_id = _commitment_with(db, parties=((pak, "promisor"), (irn, "guarantor")))
    uuid = records.get(db, Commitment, commitment_id).uuid
    path = tmp_path / "c.csv"
    write(path, f"uuid,title,made_on,promisors\n{uuid},Reopen it now,2024-01-10,PAK\n")
    assert import_file(db, "commitments", path).updated == 1
    kept = records.get(db, Commitment, commitment_id)
    assert kept.title == "Reopen it now"
    assert set(kept.parties) == {(pak, "promisor"), (irn, "guarantor")}


def test_reimporting_an_export_keeps_a_link_to_a_deleted_source_and_changes_nothing(
    db, db_path, tmp_path
):
    kept, gone = (records.add(db, Source(title=t)) for t in ("Dawn report", "Retracted report"))
    pak = records.state_actor(db, "PAK")
    left = records.add(db, Actor(name="A party that left", kind="organisation"))
    commitment_id = _commitment_with(
        db, sources=(kept, gone), parties=((pak, "promisor"), (left, "guarantor"))
    )
    records.set_deleted(db, Source, gone, True)
    records.set_deleted(db, Actor, left, True)
    path = tmp_path / "c.csv"
    export_to_file(export_rows(db, "commitments"), path, excel=False)
    with path.open(encoding="utf-8", newline="") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["sources"], row["guarantors"]) == ("Dawn report", "")
    result = import_file(db, "commitments", path)
    assert (result.ok, result.updated, result.unchanged) == (True, 0, 1)
    after = records.get(db, Commitment, commitment_id)
    assert set(after.source_ids) == {kept, gone}
    assert set(after.parties) == {(pak, "promisor"), (left, "guarantor")}


# --- the ACLED preset ----------------------------------------------------------------------------
ACLED_HEADER = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,iso,location,"
    "geo_precision\n"
)


def acled_events(db, tmp_path, *rows: str) -> list[tuple]:
    path = tmp_path / "acled.csv"
    write(path, ACLED_HEADER + "".join(row + "\n" for row in rows))
    result = import_file(db, "events", path, preset="acled")
    assert result.ok, [str(p) for p in result.problems]
    return [
        tuple(row)
        for row in db.execute(
            """SELECT e.date, e.kind, e.title, p.name, p.country_iso3, p.precision
               FROM events e LEFT JOIN places p ON p.id = e.place_id ORDER BY e.id"""
        )
    ]


def test_acled_dates_kinds_countries_and_precisions(db, tmp_path):
    rows = acled_events(
        db,
        tmp_path,
        "A1,16 January 2024,Strategic developments,Agreement,X,,Pakistan,586,Quetta,3",
        "A2,17-February-2024,Strategic developments,Headquarters established,X,,Iran,,Zahedan,1",
        "A3,2024-03-18,Battles,Armed clash,X,,Pakistan,4,Herat,2",
        "A4,2024-03-19,Riots,Mob violence,X,,Pakistan,,Panjgur,",
        "A5,2024-03-20,Something new,,X,,Pakistan,,Turbat,9",
    )
    assert rows == [
        ("2024-01-16", "agreement", "Agreement in Quetta", "Quetta", "PAK", "region"),
        ("2024-02-17", "other", "Headquarters established in Zahedan", "Zahedan", "IRN", "exact"),
        # the numeric ISO code decides the country (4: Afghanistan), not the name beside it
        ("2024-03-18", "attack", "Armed clash in Herat", "Herat", "AFG", "near"),
        ("2024-03-19", "incident", "Mob violence in Panjgur", "Panjgur", "PAK", "exact"),
        ("2024-03-20", "other", "Something new in Turbat", "Turbat", "PAK", "exact"),
    ]


def test_an_acled_row_without_a_location_is_titled_by_its_type(db, tmp_path):
    rows = acled_events(db, tmp_path, "B1,2024-01-16,Protests,,X,,Pakistan,586,,")
    assert rows == [("2024-01-16", "incident", "Protests", None, None, None)]


def test_acled_actors_holding_a_semicolon_stay_one_actor_each(db, tmp_path):
    acled_events(
        db, tmp_path, 'C1,2024-01-16,Battles,Armed clash,"Militia; East",Police,Iraq,,Basra,1'
    )
    roles = db.execute(
        """SELECT a.name, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
           ORDER BY ea.role"""
    ).fetchall()
    assert [tuple(r) for r in roles] == [("Militia, East", "actor"), ("Police", "target")]
    assert {r[0] for r in db.execute("SELECT kind FROM actors")} == {"armed_group"}


@pytest.mark.parametrize(
    "row, problem",
    [
        (
            "D1,2024/01/16,Battles,,X,,Pakistan,,Quetta,1",
            "line 2, column event_date: '2024/01/16' is not an ACLED date (YYYY-MM-DD or 16 "
            "January 2024)",
        ),
        (
            ",2024-01-16,Battles,,X,,Pakistan,,Quetta,1",
            "line 2, column event_id_cnty: an ACLED event id is required",
        ),
        (
            "D3,2024-01-16,Battles,,X,,Atlantis,999,Quetta,1",
            "line 2, column country: 'Atlantis' is not a known country",
        ),
    ],
)
def test_a_bad_acled_row_is_a_problem_on_its_line_and_column(db, tmp_path, row, problem):
    path = tmp_path / "acled.csv"
    write(path, ACLED_HEADER + row + "\n")
    assert problems(db, "events", path, preset="acled") == [problem]
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_an_acled_row_imported_again_from_a_newer_export_updates_its_event(db, tmp_path):
    acled_events(db, tmp_path, "E1,2024-01-16,Battles,Armed clash,X,,Pakistan,,Quetta,1")
    rows = acled_events(db, tmp_path, "E1,2024-01-17,Battles,Armed clash,X,,Pakistan,,Quetta,1")
    assert [r[0] for r in rows] == ["2024-01-17"]


# --- delimiters and files that are not regular ---------------------------------------------------
@pytest.mark.parametrize(
    "header, delimiter",
    [("label;value", ";"), ("label\tvalue", "\t"), ("label|value", "|"), ("label", ",")],
)
def test_the_delimiter_is_the_one_the_header_uses_most(tmp_path, header, delimiter):
    path = tmp_path / "d.csv"
    write(path, f"{header}\nA{delimiter}1\n")
    assert read_csv_file(path).delimiter == delimiter


def test_a_tie_goes_to_the_comma_and_a_delimiter_given_is_used_whatever_the_header(db, tmp_path):
    path = tmp_path / "d.csv"
    write(path, "label;value,unit\nA;1,km\n")  # one ';' and one ',' in the header
    assert read_csv_file(path).delimiter == ","
    assert read_csv_file(path, delimiter=";").delimiter == ";"
    other = tmp_path / "e.csv"
    write(other, "label;value\nA;1\n")
    assert problems(db, "statistics", other, delimiter=",") == [
        "line 1, column label, value: required column missing (the header has: label;value)"
    ]
    assert import_file(db, "statistics", other).added == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_read_to_its_end(db, tmp_path):
    import threading

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    rows = "".join(f"Row {n},{n}\n" for n in range(30_000))  # more than the first block

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as handle:
            handle.write("label,value\n" + rows)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        result = import_file(db, "statistics", fifo)
    finally:
        writer.join(timeout=10)
    assert (result.ok, result.added) == (True, 30_000)


# --- many problems, progress, dry runs and re-imports ---------------------------------------------
def test_problems_are_listed_up_to_200_and_the_rest_counted(db, tmp_path):
    path = tmp_path / "bad.csv"
    write(path, "label,value\n" + "".join(f"Row {n},lots\n" for n in range(250)))
    listed = problems(db, "statistics", path)
    assert len(listed) == 201
    assert listed[0] == "line 2, column value: 'lots' is not a number"
    assert listed[199] == "line 201, column value: 'lots' is not a number"
    assert listed[200] == "line 251: and 50 more problems in later rows"


def test_progress_is_reported_every_500_rows_and_false_cancels(db, tmp_path):
    from desktop_app.exchange.csv_import import ImportCancelled

    path = tmp_path / "many.csv"
    write(path, "label,value\n" + "".join(f"Row {n},{n}\n" for n in range(1200)))
    seen = []
    result = import_file(
        db, "statistics", path, progress=lambda done, total: seen.append((done, total)) or True
    )
    assert (result.ok, result.added) == (True, 1200)
    assert seen == [(500, 1200), (1000, 1200)]
    with pytest.raises(ImportCancelled):
        import_file(db, "statistics", path, progress=lambda done, total: done < 1000)
    assert db.execute("SELECT COUNT(*) FROM statistics").fetchone()[0] == 1200


def test_a_dry_run_counts_what_an_import_would_do_and_keeps_nothing(sample_db, tmp_path):
    path = tmp_path / "events.csv"
    export_to_file(export_rows(sample_db, "events"), path, excel=False)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["title"] = "Changed title"
    rows.append(rows[1] | {"uuid": "", "title": "A new event"})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    before = content(sample_db)
    dry = import_file(sample_db, "events", path, dry_run=True)
    assert (dry.ok, dry.rows, dry.added, dry.updated, dry.unchanged) == (True, 8, 1, 1, 6)
    assert content(sample_db) == before
    real = import_file(sample_db, "events", path)
    assert (real.added, real.updated, real.unchanged) == (1, 1, 6)


def test_a_row_naming_a_deleted_record_brings_it_back(sample_db, tmp_path):
    path = tmp_path / "events.csv"
    export_to_file(export_rows(sample_db, "events"), path, excel=False)
    first = sample_db.execute("SELECT id FROM events ORDER BY id").fetchone()[0]
    records.set_deleted(sample_db, Event, first, True)
    result = import_file(sample_db, "events", path)
    assert (result.updated, result.unchanged) == (1, 6)
    deleted = sample_db.execute("SELECT deleted_at FROM events WHERE id = ?", [first]).fetchone()
    assert deleted[0] is None


def test_an_update_that_would_leave_a_record_invalid_is_a_problem_on_its_line(db, tmp_path):
    made = records.add(db, Commitment(title="Reopen", made_on="2024-01-10", deadline="2024-02-01"))
    uuid = records.get(db, Commitment, made).uuid
    path = tmp_path / "c.csv"
    # no deadline column: the kept deadline would fall before the new date made
    write(path, f"uuid,title,made_on\n{uuid},Reopen,2024-03-01\n")
    listed = problems(db, "commitments", path)
    assert listed == [
        "line 2, column deadline: the deadline 2024-02-01 is before the commitment was made"
    ]
    assert records.get(db, Commitment, made).made_on == "2024-01-10"


def test_links_removed_in_the_file_are_removed_while_other_records_are_deleted(db, tmp_path):
    kept, dropped, gone = (
        records.add(db, Source(title=t)) for t in ("Dawn report", "Old report", "Retracted")
    )
    here, there, closed = (records.add(db, Place(name=n)) for n in ("Quetta", "Zahedan", "Taftan"))
    records.set_deleted(db, Source, gone, True)  # deleted records elsewhere in each table
    records.set_deleted(db, Place, closed, True)
    commitment_id = _commitment_with(db, sources=(kept, dropped))
    event_id = records.add(
        db, Event(date="2024-01-16", kind="meeting", title="Talks", place_id=here)
    )
    c_uuid = records.get(db, Commitment, commitment_id).uuid
    e_uuid = records.get(db, Event, event_id).uuid
    commitments, events = tmp_path / "c.csv", tmp_path / "e.csv"
    write(
        commitments,
        f"uuid,title,made_on,sources\n{c_uuid},Reopen the crossing,2024-01-10,Dawn report\n",
    )
    write(events, f"uuid,date,kind,title,place\n{e_uuid},2024-01-16,meeting,Talks,Zahedan\n")
    assert import_file(db, "commitments", commitments).updated == 1
    assert import_file(db, "events", events).updated == 1
    assert records.get(db, Commitment, commitment_id).source_ids == (kept,)
    assert records.get(db, Event, event_id).place_id == there


def test_an_acled_rows_region_is_kept_with_its_place(db, tmp_path):
    path = tmp_path / "acled.csv"
    write(
        path,
        "event_id_cnty,event_date,event_type,country,location,admin1\n"
        "F1,2024-01-16,Battles,Pakistan,Panjgur,Balochistan\n",
    )
    assert import_file(db, "events", path, preset="acled").ok
    place = db.execute("SELECT name, admin1, country_iso3 FROM places").fetchone()
    assert tuple(place) == ("Panjgur", "Balochistan", "PAK")


def test_the_journal_of_a_database_in_the_middle_of_a_write_is_refused_by_name(tmp_path):
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # a rollback journal, no -wal or -shm
    conn.execute("CREATE TABLE t (x)")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO t VALUES (1)")
    journal = tmp_path / "plain.db-journal"
    try:
        assert journal.exists() and not (tmp_path / "plain.db-wal").exists()
        with pytest.raises(CsvProblem) as refused:
            import_file(Database(conn), "events", journal)
        assert str(refused.value) == "plain.db-journal is the database's journal, not a CSV file."
    finally:
        conn.execute("ROLLBACK")
        conn.close()


@pytest.mark.parametrize(
    "table, header, row, column",
    [
        ("commitments", "title,made_on", "Talks, ", "made_on"),
        ("events", "date,kind,title", ",meeting,Talks", "date"),
        ("status_updates", "commitment_uuid,date,status", "{uuid},,in progress", "date"),
    ],
)
def test_an_empty_required_date_is_a_problem_on_its_column(
    db, tmp_path, table, header, row, column
):
    uuid = records.get(db, Commitment, _commitment_with(db)).uuid
    path = tmp_path / "dates.csv"
    write(path, f"{header}\n{row.format(uuid=uuid)}\n")
    assert problems(db, table, path) == [f"line 2, column {column}: a date is required here"]
