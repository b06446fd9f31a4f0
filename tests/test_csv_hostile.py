"""Files an import must refuse or survive: a quote never closed, a column named twice, UTF-16,
a preset for the wrong table, numbers SQLite cannot hold, endless devices, the database itself,
and a dry run while another connection holds the write lock. Every refusal is a sentence and
nothing is written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from desktop_app.exchange.csv_format import CsvProblem
from desktop_app.exchange.csv_import import prepare
from desktop_app.exchange.presets import import_file
from desktop_app.store.sample import write_sample
from tests.db_content import content
from tests.processes import script_process

EVENTS = "uuid,date,kind,title,actors,place,fatalities\n"


def outcome(db, table, path, **options) -> str:
    """What an import says: its problems, one a line, or the CsvProblem sentence."""
    try:
        result = import_file(db, table, path, **options)
    except CsvProblem as problem:
        return str(problem)
    assert not result.ok
    return "\n".join(str(p) for p in result.problems)


# --- quotes and headers --------------------------------------------------------------------------
def test_a_quote_never_closed_is_reported_where_it_opens(sample_db, tmp_path):
    path = tmp_path / "open-quote.csv"
    rows = "".join(f",2024-02-{day:02d},meeting,Talks {day},PAK,Quetta,0\n" for day in range(1, 9))
    path.write_text(EVENTS + rows + ',2024-03-01,meeting,"Talks, then,PAK,Quetta,0\n' + rows)
    before = content(sample_db)
    message = outcome(sample_db, "events", path)
    assert message.startswith("line 10: a quoted field opened here is never closed"), message
    assert "the file ends inside it" in message
    assert content(sample_db) == before


def test_a_quote_that_runs_on_for_pages_is_reported_where_it_opens(sample_db, tmp_path):
    path = tmp_path / "long-quote.csv"
    good = "".join(f",2024-02-{1 + n % 28:02d},meeting,Talks {n},PAK,Quetta,0\n" for n in range(40))
    runaway = ',2024-03-01,meeting,"Talks on the border,PAK,Quetta,0\n'
    filler = "".join(f"A line of notes, number {n}, and more.\n" for n in range(2_000))
    path.write_text(EVENTS + good + runaway + filler + '",PAK,Quetta,0\n' + good)
    before = content(sample_db)
    message = outcome(sample_db, "events", path)
    assert message == (
        "line 42: a quoted field opened here is never closed (no closing quote within 20,000 "
        "characters); add the closing quote."
    )
    assert content(sample_db) == before


def test_a_quoted_cell_over_several_lines_is_still_read(db, tmp_path):
    path = tmp_path / "multi-line.csv"
    path.write_text(
        EVENTS.replace("actors", "description") + ',2024-02-01,meeting,Talks,"One.\n'
        'Two, with ""quotes"".\nThree.",Quetta,0\n'
    )
    assert import_file(db, "events", path).ok
    assert db.execute("SELECT description FROM events").fetchone()[0] == (
        'One.\nTwo, with "quotes".\nThree.'
    )


@pytest.mark.parametrize("header", ["title,made_on,title", "title,made_on,Made on"])
def test_a_column_named_twice_is_refused(sample_db, tmp_path, header):
    path = tmp_path / "twice.csv"
    path.write_text(f"{header}\nTalks,2024-01-01,2024-01-02\n")
    before = content(sample_db)
    message = outcome(sample_db, "commitments", path)
    assert "appears twice in the header (columns" in message
    assert message.startswith(('line 1: column "title" appears', 'line 1: column "Made on"'))
    assert content(sample_db) == before


# --- encodings -----------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf_16_and_32_are_read_from_their_byte_order_mark(db, tmp_path, encoding):
    path = tmp_path / f"{encoding}.csv"
    text = "label\tvalue\tunit\r\nDéplacés à Quetta\t1200\tpersonnes\r\n"
    path.write_bytes(("\ufeff" + text).encode(encoding))  # as Excel's "Unicode text" writes
    result = import_file(db, "statistics", path)
    assert result.ok, [str(p) for p in result.problems]
    assert tuple(db.execute("SELECT label, value FROM statistics").fetchone()) == (
        "Déplacés à Quetta",
        1200.0,
    )
    assert prepare(path).encoding == encoding[:6]


# --- presets -------------------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["statistics", "commitments", "actors"])
def test_the_acled_preset_is_for_events_only(sample_db, tmp_path, table):
    path = tmp_path / "acled.csv"
    path.write_text("event_id_cnty,event_date,event_type,country,location\n")
    with pytest.raises(CsvProblem) as refused:
        import_file(sample_db, table, path, preset="acled")
    assert str(refused.value) == (
        f"An ACLED file holds events, so it can only be imported into events, not {table}."
    )


# --- numbers -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "cell, reason",
    [
        ("99999999999999999999", "is too large: the largest whole number kept is"),
        ("1e19", "is too large"),
        ("9223372036854775808", "is too large"),
        ("-1", "-1 is below 0, the least allowed here"),
        ("2.5", "'2.5' is not a whole number"),
        ("1e400", "'1e400' is not a finite number"),
    ],
)
def test_fatalities_sqlite_cannot_hold_are_a_problem_on_their_line(
    sample_db, tmp_path, cell, reason
):
    path = tmp_path / "fatalities.csv"
    path.write_text(
        EVENTS + ",2024-01-16,strike,Strike,IRN,Panjgur,2\n"
        f",2024-01-18,strike,Strike,PAK,Saravan,{cell}\n"
    )
    before = content(sample_db)
    result = import_file(sample_db, "events", path)
    assert [(p.line, p.column) for p in result.problems] == [(3, "fatalities")]
    assert reason in result.problems[0].reason
    assert content(sample_db) == before


def test_the_largest_fatalities_sqlite_holds_are_kept_exactly(db, tmp_path):
    path = tmp_path / "fatalities.csv"
    path.write_text(
        EVENTS + ",2024-01-18,strike,Strike,PAK,Saravan,9223372036854775807\n"
        ',2024-01-19,strike,Strike,PAK,Saravan,"9,007,199,254,740,993"\n'
    )
    assert import_file(db, "events", path).ok
    kept = [r[0] for r in db.execute("SELECT fatalities FROM events ORDER BY date")]
    assert kept == [2**63 - 1, 9_007_199_254_740_993]


# --- files that are not CSV ----------------------------------------------------------------------
ENDLESS = textwrap.dedent(
    """
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))  # if it reads on: MemoryError
    from desktop_app.exchange.csv_format import CsvProblem
    from desktop_app.exchange.presets import import_file
    from desktop_app.store.database import open_database
    db = open_database(sys.argv[1])
    for device in sys.argv[2:]:
        started = time.monotonic()
        try:
            import_file(db, "events", device)
        except CsvProblem as problem:
            print(f"{time.monotonic() - started:.2f} {problem}")
    """
)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_refused_at_once(tmp_path):
    ran = subprocess.run(
        [sys.executable, "-c", ENDLESS, str(tmp_path / "x.db"), "/dev/zero", "/dev/urandom"],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    lines = ran.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        seconds, message = line.split(" ", 1)
        assert float(seconds) < 1
        assert "contains NUL bytes (first on line" in message
        assert "it looks like a binary file, not CSV." in message


def test_the_database_itself_is_refused_before_it_is_read(sample_db, db_path):
    before = content(sample_db)
    with pytest.raises(CsvProblem, match=r"^test\.db is the database, not a CSV file\.$"):
        import_file(sample_db, "events", db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists()
    with pytest.raises(CsvProblem, match="is the database's write-ahead log, not a CSV file"):
        import_file(sample_db, "events", wal)
    link = db_path.with_name("looks-like.csv")
    link.symlink_to(db_path)
    with pytest.raises(CsvProblem, match="is the database, not a CSV file"):
        import_file(sample_db, "events", link)
    # the import dialog reads a file before it knows the database: still never opened
    with pytest.raises(CsvProblem, match="is open in Commitment Tracker"):
        prepare(db_path)
    assert content(sample_db) == before


HOLDER = textwrap.dedent(
    """
    import os, sys
    from desktop_app.domain.records import Actor
    from desktop_app.store import records
    from desktop_app.exchange.csv_format import CsvProblem
    from desktop_app.exchange.presets import import_file
    from desktop_app.store.database import open_database

    db = open_database(sys.argv[1])
    db.execute("SELECT COUNT(*) FROM commitments").fetchone()
    try:
        import_file(db, "events", sys.argv[1])   # the database chosen as the CSV file
    except CsvProblem as problem:
        print(problem, flush=True)
    sys.stdin.readline()                         # another process opens and closes it
    records.add(db, Actor(name="Written after the refusal", kind="organisation"))
    print("written", flush=True)
    os._exit(0)                                  # ends without closing its connection
    """
)


def test_refusing_the_database_keeps_its_locks(tmp_path):
    """Had the refusal opened the file and closed it, the process would have lost its POSIX
    locks: another process closing its own connection would then take the WAL away, and the
    write made afterwards would be lost."""
    path = tmp_path / "shared.db"
    write_sample(path)
    with script_process(HOLDER, str(path)) as holder:
        assert holder.stdout.readline().strip() == "shared.db is the database, not a CSV file."
        other = sqlite3.connect(path)
        other.execute("SELECT COUNT(*) FROM events").fetchone()
        other.close()  # the last connection, were the holder's locks gone: checkpoint, WAL gone
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "written"
        assert holder.wait(timeout=30) == 0
    fresh = sqlite3.connect(path)
    try:
        names = [r[0] for r in fresh.execute("SELECT name FROM actors")]
    finally:
        fresh.close()
    assert "Written after the refusal" in names


# --- dry runs ------------------------------------------------------------------------------------
def test_a_dry_run_never_takes_the_write_lock(sample_db, db_path, tmp_path):
    known = sample_db.execute("SELECT uuid FROM events ORDER BY id").fetchone()[0]
    path = tmp_path / "events.csv"
    path.write_text(
        EVENTS + f"{known},2024-01-16,strike,Renamed strike,IRN,Panjgur district,2\n"
        ",2024-02-01,meeting,Talks,PAK; A new militia,A new town,0\n"
        ",2024-02-02,visit,Visit,IRN,Quetta,\n"
    )
    before = content(sample_db)
    holder = sqlite3.connect(db_path, timeout=0.05, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock throughout
    sample_db.execute("PRAGMA busy_timeout = 100")
    started = time.monotonic()
    try:
        dry = import_file(sample_db, "events", path, dry_run=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert time.monotonic() - started < 1
    assert dry.ok, [str(p) for p in dry.problems]
    assert (dry.rows, dry.added, dry.updated, dry.unchanged) == (3, 2, 1, 0)
    assert content(sample_db) == before
    real = import_file(sample_db, "events", path)
    assert (real.rows, real.added, real.updated, real.unchanged) == (3, 2, 1, 0)
    names = {r[0] for r in sample_db.execute("SELECT name FROM actors")}
    assert "A new militia" in names
