"""CSV export and import on real files: round trips, Excel safety, and every kind of bad input."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.records import Commitment, Event, Place, Statistic
from desktop_app.exchange.csv_export import (
    ExportCancelled,
    export_rows,
    export_to_file,
)
from desktop_app.exchange.csv_format import CsvProblem, neutralise, unneutralise
from desktop_app.exchange.presets import import_file
from desktop_app.store import records
from desktop_app.store.database import open_database

ORDER = ("actors", "places", "sources", "events", "commitments", "status_updates", "statistics")


def export_text(db, table, excel=False) -> bytes:
    buffer = io.BytesIO()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8-sig" if excel else "utf-8", newline="")
    from desktop_app.exchange.csv_export import write_csv

    write_csv(export_rows(db, table), wrapper, excel)
    wrapper.flush()
    return buffer.getvalue()


def round_trip(db, tmp_path, excel: bool) -> None:
    """Export every table, import into an empty database, export again: identical bytes."""
    fresh = open_database(tmp_path / f"fresh-{excel}.db")
    first = {}
    for table in ORDER:
        first[table] = export_text(db, table, excel)
        path = tmp_path / f"{table}-{excel}.csv"
        path.write_bytes(first[table])
        result = import_file(fresh, table, path)
        assert result.ok, [str(p) for p in result.problems]
    for table in ORDER:
        assert export_text(fresh, table, excel) == first[table], table
    fresh.close()


def test_sample_round_trips(sample_db, tmp_path):
    round_trip(sample_db, tmp_path, excel=False)
    round_trip(sample_db, tmp_path, excel=True)


text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=";"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s)
free_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
).map(str.strip)
dates = st.dates(
    min_value=__import__("datetime").date(1950, 1, 1),
    max_value=__import__("datetime").date(2060, 12, 31),
).map(lambda d: d.isoformat())


@st.composite
def databases(draw):
    return {
        "places": draw(
            st.lists(st.tuples(text, st.floats(-90, 90), st.floats(-180, 180)), max_size=3)
        ),
        "events": draw(st.lists(st.tuples(dates, text, free_text), max_size=3)),
        "commitments": draw(
            st.lists(
                st.tuples(text, dates, free_text, st.sampled_from(["PAK", "IRN", "ARM", "AZE"])),
                max_size=4,
            )
        ),
        "statistics": draw(st.lists(st.tuples(text, st.floats(-1e9, 1e9), free_text), max_size=2)),
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=databases(), excel=st.booleans())
def test_random_records_round_trip(tmp_path_factory, data, excel):
    tmp_path = tmp_path_factory.mktemp("rt")
    db = open_database(tmp_path / "source.db")
    place_ids = [
        records.add(db, Place(name=n, latitude=la, longitude=lo)) for n, la, lo in data["places"]
    ]
    event_ids = [
        records.add(
            db,
            Event(
                date=d,
                kind="meeting",
                title=t,
                description=desc,
                place_id=place_ids[0] if place_ids else None,
            ),
        )
        for d, t, desc in data["events"]
    ]
    for title, made_on, description, party in data["commitments"]:
        records.add(
            db,
            Commitment(
                title=title,
                made_on=made_on,
                description=description,
                parties=((records.state_actor(db, party), "promisor"),),
                place_ids=tuple(place_ids[:1]),
                origin_event_id=event_ids[0] if event_ids else None,
            ),
        )
    for label, value, note in data["statistics"]:
        records.add(db, Statistic(label=label, value=value, method_note=note))
    round_trip(db, tmp_path, excel)
    db.close()


@pytest.mark.parametrize(
    "cell, escaped",
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1 vote", "'+1 vote"),
        ("-x", "'-x"),
        ("@cmd", "'@cmd"),
        ("\tTab", "'\tTab"),
        ("-3.5", "-3.5"),
        ("'=already", "''=already"),
        ("'plain", "'plain"),
        ("plain", "plain"),
    ],
)
def test_formula_cells_are_neutralised_and_restored(cell, escaped):
    assert neutralise(cell) == escaped
    assert unneutralise(escaped) == cell


def test_excel_export_has_bom_crlf_and_quoted_formulas(db, tmp_path):
    records.add(db, Statistic(label='=HYPERLINK("http://evil")', value=1))
    target = tmp_path / "stats.csv"
    export_to_file(export_rows(db, "statistics"), target, excel=True)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["label"] == '\'=HYPERLINK("http://evil")'


def test_cancelled_export_leaves_no_file(sample_db, tmp_path):
    target = tmp_path / "events.csv"
    with pytest.raises(ExportCancelled):
        export_to_file(export_rows(sample_db, "events"), target, False, progress=lambda n: False)
    assert list(tmp_path.glob("*.csv")) == []


def test_reimport_updates_instead_of_duplicating(sample_db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(export_text(sample_db, "commitments"))
    again = import_file(sample_db, "commitments", path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 7)
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    rows[0]["title"] = "Send the ambassadors back"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    changed = import_file(sample_db, "commitments", path)
    assert (changed.added, changed.updated) == (0, 1)
    count = sample_db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    assert count == 7


HEADER = "uuid,title,made_on,category,promisors\n"


def counts(db):
    return {
        t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("commitments", "actors", "places", "events", "status_updates")
    }


@pytest.mark.parametrize(
    "name, content, table, words",
    [
        ("empty", b"", "commitments", "is empty"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "commitments", "NUL bytes"),
        ("nul", (HEADER + ",A,2024-01-01,other,PAK\x00\n").encode(), "commitments", "NUL bytes"),
        (
            "mixed",
            (HEADER + ",Café,2024-01-01,other,PAK\n").encode()
            + ",Caf\xe9,2024-01-01,other,PAK\n".encode("cp1252"),
            "commitments",
            "mixes encodings",
        ),
        (
            "ragged",
            (HEADER + ",A,2024-01-01\n").encode(),
            "commitments",
            "line 2: has 3 cells but the header has 5",
        ),
        ("missing", b"uuid,title\n,A\n", "commitments", "made_on: required column missing"),
        (
            "status",
            b"commitment_uuid,date,status\nx,2024-01-01,done\n",
            "status_updates",
            "line 2, column commitment_uuid",
        ),
        (
            "impossible",
            (HEADER + ",A,2024-02-31,other,PAK\n").encode(),
            "commitments",
            "line 2, column made_on: 31 February 2024 does not exist",
        ),
        (
            "ambiguous",
            (HEADER + ",A,03/04/2024,other,PAK\n").encode(),
            "commitments",
            "line 2, column made_on: '03/04/2024' could be 3 April 2024 or 4 March 2024",
        ),
        (
            "latitude",
            b"name,latitude,longitude\nX,north,3\n",
            "places",
            "line 2, column latitude: 'north' is not a number",
        ),
        (
            "range",
            b"name,latitude,longitude\nX,95,3\n",
            "places",
            "line 2, column latitude: 95 is outside the range -90 to 90",
        ),
        (
            "huge",
            (HEADER + ",A" + "x" * 100_000 + ",2024-01-01,other,PAK\n").encode(),
            "commitments",
            "line 2, column title: the cell holds 100,001 characters",
        ),
        (
            "duplicates",
            (
                HEADER + "11111111-1111-4111-8111-111111111111,A,2024-01-01,other,PAK\n"
                "11111111-1111-4111-8111-111111111111,B,2024-01-01,other,PAK\n"
            ).encode(),
            "commitments",
            "line 3, column uuid: UUID 11111111-1111-4111-8111-111111111111 already "
            "appears on line 2",
        ),
        (
            "category",
            (HEADER + ",A,2024-01-01,sports,PAK\n").encode(),
            "commitments",
            "line 2, column category: unknown category",
        ),
        (
            "country",
            (HEADER + ",A,2024-01-01,other,XYZ\n").encode(),
            "commitments",
            "line 2, column promisors: 'XYZ' is not an ISO 3166-1 alpha-3 country code",
        ),
    ],
)
def test_bad_input_is_explained_and_nothing_is_written(
    sample_db, tmp_path, name, content, table, words
):
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content)
    before = counts(sample_db)
    try:
        result = import_file(sample_db, table, path)
        message = "\n".join(str(p) for p in result.problems)
        assert not result.ok
    except CsvProblem as problem:
        message = str(problem)
    assert words in message
    assert counts(sample_db) == before
    assert path.read_bytes() == content


def test_unknown_status_is_reported_by_line_and_column(sample_db, tmp_path):
    uuid = sample_db.execute("SELECT uuid FROM commitments LIMIT 1").fetchone()[0]
    path = tmp_path / "s.csv"
    path.write_text(f"commitment_uuid,date,status\n{uuid},2024-01-01,soon-ish\n")
    result = import_file(sample_db, "status_updates", path)
    assert str(result.problems[0]).startswith("line 2, column status: unknown")


def test_one_bad_row_among_good_ones_keeps_nothing(sample_db, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        HEADER + ",Good one,2024-01-01,other,PAK\n,Bad one,2024-13-01,other,PAK\n"
        ",Another good,2024-01-02,other,AFG\n"
    )
    before = counts(sample_db)
    result = import_file(sample_db, "commitments", path)
    assert [p.line for p in result.problems] == [3]
    assert counts(sample_db) == before


def test_formula_cells_from_others_are_stored_as_text(db, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("label,value\n=cmd|' /C calc'!A0,3\n")
    assert import_file(db, "statistics", path).ok
    assert db.execute("SELECT label FROM statistics").fetchone()[0] == "=cmd|' /C calc'!A0"


def test_windows_1252_and_semicolons_are_detected(db, tmp_path):
    path = tmp_path / "w.csv"
    path.write_bytes("label;value;unit\nDéplacés;1200;personnes\n".encode("cp1252"))
    assert import_file(db, "statistics", path).ok
    assert db.execute("SELECT label FROM statistics").fetchone()[0] == "Déplacés"


def test_missing_or_unreadable_files(db, tmp_path):
    with pytest.raises(CsvProblem, match="no longer exists"):
        import_file(db, "events", tmp_path / "gone.csv")
    with pytest.raises(CsvProblem, match="is a folder"):
        import_file(db, "events", tmp_path)


ACLED = """event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,iso,\
admin1,location,latitude,longitude,geo_precision,source,notes,fatalities
PAK1001,16 January 2024,2024,Explosions/Remote violence,Air/drone strike,Military Forces of Iran \
(1979-),Jaish al-Adl,Pakistan,586,Balochistan,Panjgur,26.9637,64.0931,2,Dawn,Strike on a \
village near Panjgur.,2
IRN2002,2024-01-18,2024,Explosions/Remote violence,Air/drone strike,Military Forces of Pakistan \
(2018-),,Iran,364,Sistan and Baluchestan,Saravan,27.3709,62.3341,1,Reuters,Strikes near \
Saravan.,9
PAK1003,2024-01-20,2024,Protests,Peaceful protest,Protesters (Pakistan),,Pakistan,586,\
Balochistan,Panjgur,26.9637,64.0931,1,Dawn,Protest against the strike.,0
"""


def test_acled_preset_imports_events_actors_places(db, tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED)
    result = import_file(db, "events", path, preset="acled")
    assert result.ok, [str(p) for p in result.problems]
    assert result.added == 3
    rows = db.execute(
        """SELECT e.date, e.kind, e.fatalities, p.name, p.country_iso3, p.latitude,
                  p.longitude, p.precision
           FROM events e JOIN places p ON p.id = e.place_id ORDER BY e.date"""
    ).fetchall()
    assert rows[0] == ("2024-01-16", "strike", 2, "Panjgur", "PAK", 26.9637, 64.0931, "near")
    assert rows[1] == ("2024-01-18", "strike", 9, "Saravan", "IRN", 27.3709, 62.3341, "exact")
    assert rows[2][1] == "incident"
    # one Panjgur place shared by two events
    assert db.execute("SELECT COUNT(*) FROM places WHERE name = 'Panjgur'").fetchone()[0] == 1
    actors = {r[0]: r[1] for r in db.execute("SELECT name, kind FROM actors")}
    assert actors["Jaish al-Adl"] == "armed_group"
    assert "Military Forces of Iran (1979-)" in actors
    roles = db.execute("""SELECT a.name, ea.role FROM event_actors ea
                          JOIN actors a ON a.id = ea.actor_id JOIN events e ON e.id = ea.event_id
                          WHERE e.date = '2024-01-16' ORDER BY ea.role""").fetchall()
    assert roles == [("Military Forces of Iran (1979-)", "actor"), ("Jaish al-Adl", "target")]
    again = import_file(db, "events", path, preset="acled")
    assert (again.added, again.unchanged) == (0, 3)


def test_acled_file_missing_columns(db, tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text("event_id_cnty,event_date\nX,2024-01-01\n")
    result = import_file(db, "events", path, preset="acled")
    assert "required ACLED column missing" in str(result.problems[0])


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=60
    )


def test_cli_export_to_stdout_and_import_errors(tmp_path):
    db_path = tmp_path / "s.db"
    assert cli("sample", str(db_path)).returncode == 0
    exported = cli("export", "--db", str(db_path), "--table", "commitments")
    assert exported.returncode == 0
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 7 and all(r["uuid"] for r in rows)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + ",A,2024-02-31,other,PAK\n,B,2024-01-01,war,PAK\n")
    result = cli("import", "--db", str(db_path), "--table", "commitments", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("line 2, column made_on:")
    assert lines[1].startswith("line 3, column category:")
    assert "Traceback" not in result.stderr
    assert cli("check", "--db", str(db_path)).returncode == 0
    exported_again = cli("export", "--db", str(db_path), "--table", "commitments")
    assert exported_again.stdout == exported.stdout


def test_cli_excel_export_file(tmp_path):
    db_path = tmp_path / "s.db"
    cli("sample", str(db_path))
    out = tmp_path / "events.csv"
    result = cli("export", "--db", str(db_path), "--table", "events", "-o", str(out), "--excel")
    assert result.returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    imported = cli("import", "--db", str(db_path), "--table", "events", str(out))
    assert imported.returncode == 0 and "7 unchanged" in imported.stdout


def test_parallel_export_is_byte_for_byte_the_single_one(tmp_path, monkeypatch):
    from bench.generate import generate
    from desktop_app.exchange import csv_export

    path = tmp_path / "small.db"
    generate("small", path, seed=5)
    monkeypatch.setattr(csv_export, "PARALLEL_FROM", 1_000)
    for excel in (False, True):
        single, parallel = tmp_path / f"one-{excel}.csv", tmp_path / f"two-{excel}.csv"
        assert csv_export.export_table(path, "events", single, excel, workers=1) == 10_000
        assert csv_export.export_table(path, "events", parallel, excel, workers=2) == 10_000
        assert single.read_bytes() == parallel.read_bytes()
    with pytest.raises(ExportCancelled):
        csv_export.export_table(
            path, "events", tmp_path / "gone.csv", False, progress=lambda n: False, workers=2
        )
    assert not (tmp_path / "gone.csv").exists()
    assert not list(tmp_path.glob(".export*"))


def test_an_export_is_readable_like_any_new_file_and_keeps_a_replaced_files_mode(
    sample_db, db_path, tmp_path
):
    import os
    import stat

    from desktop_app.exchange import csv_export

    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "events.csv"
    csv_export.export_table(db_path, "events", target, excel=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    target.chmod(0o640)
    csv_export.export_table(db_path, "events", target, excel=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@given(st.text(alphabet='ab,"\r\n\u2028é', max_size=60))
def test_lines_are_split_as_a_file_opened_with_newline_empty_splits_them(text):
    from desktop_app.exchange.csv_format import _lines

    assert list(_lines(text)) == list(io.StringIO(text, newline=""))


def test_progress_of_a_small_export_ends_at_its_row_count(tmp_path):
    import io

    from desktop_app.exchange.csv_export import write_csv

    reports = []
    rows = [("a", "b"), *((n, n * 2) for n in range(7))]
    count = write_csv(
        rows, io.StringIO(), excel=False, progress=lambda n: reports.append(n) or True
    )
    assert count == 7 and reports[-1] == 7
