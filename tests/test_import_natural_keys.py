"""A spreadsheet without UUIDs imported twice: the second import finds every row present (by
title, parties and date made; by date, kind, title and place) and changes nothing, or updates
what changed in the file."""

from __future__ import annotations

from desktop_app.exchange.presets import import_file
from tests.builders import commitment

COMMITMENTS = (
    "title,promisors,made_on,deadline\n"
    "Appoint liaison officers,PAK;IRN,2024-01-29,2024-03-31\n"
    "Activate border markets,IRN;PAK,2024-01-29,\n"
    "Appoint liaison officers,PAK,2024-01-29,\n"  # same title and date, other parties: another
)


def _count(db, table: str) -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


def test_importing_the_same_commitments_twice_changes_nothing(db, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text(COMMITMENTS, encoding="utf-8")
    first = import_file(db, "commitments", path)
    assert (first.ok, first.added) == (True, 3)
    again = import_file(db, "commitments", path, dry_run=True)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    again = import_file(db, "commitments", path)
    assert (again.ok, again.added, again.updated, again.unchanged) == (True, 0, 0, 3)
    assert _count(db, "commitments") == 3


def test_a_changed_cell_updates_the_record_it_matches(db, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text(COMMITMENTS, encoding="utf-8")
    import_file(db, "commitments", path)
    path.write_text(
        COMMITMENTS.replace("2024-03-31", "2024-06-30").replace(
            "Activate border markets", "  ACTIVATE border markets "
        ),
        encoding="utf-8",
    )
    result = import_file(db, "commitments", path)
    # matched whatever the case: the new deadline and the new spelling are updates
    assert (result.ok, result.added, result.updated, result.unchanged) == (True, 0, 2, 1)
    titles = {t for (t,) in db.execute("SELECT title FROM commitments")}
    assert "ACTIVATE border markets" in titles and _count(db, "commitments") == 3
    deadlines = db.execute("SELECT deadline FROM commitments WHERE deadline IS NOT NULL").fetchall()
    assert deadlines == [("2024-06-30",)]


def test_a_row_repeated_in_the_file_is_a_problem(db, tmp_path):
    path = tmp_path / "twice.csv"
    lines = COMMITMENTS.splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    result = import_file(db, "commitments", path)
    assert [(p.line, p.reason) for p in result.problems] == [
        (5, "repeats the commitment of line 2 (same title, parties and date made)")
    ]
    assert _count(db, "commitments") == 0


def test_a_row_that_matches_two_records_asks_for_a_uuid(db, tmp_path):
    for _ in range(2):
        commitment(db, title="Open markets", made_on="2024-02-01", parties=("PAK",))
    path = tmp_path / "one.csv"
    path.write_text("title,promisors,made_on\nopen markets,PAK,2024-02-01\n", encoding="utf-8")
    result = import_file(db, "commitments", path)
    assert [p.line for p in result.problems] == [2]
    assert "matches 2 commitments already recorded" in result.problems[0].reason
    assert _count(db, "commitments") == 2


def test_events_without_uuids_imported_twice(db, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "date,kind,title,place,place_country\n"
        "2024-01-16,strike,Missile strike near Panjgur,Panjgur,PAK\n"
        "2024-01-18,strike,Missile strike near Saravan,Saravan,IRN\n",
        encoding="utf-8",
    )
    assert import_file(db, "events", path).added == 2
    again = import_file(db, "events", path)
    assert (again.ok, again.added, again.unchanged) == (True, 0, 2)
    assert _count(db, "events") == 2


def test_parties_written_as_country_names_and_lists_are_states(db, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text(
        "title,parties,made_on\n"
        'Reopen the embassies,"Saudi Arabia, Iran",2023-03-10\n'
        "Border markets,Pakistan and Iran,2024-01-29\n"
        "Grain corridor,Türkiye/Russia;UN,2022-07-22\n",
        encoding="utf-8",
    )
    result = import_file(db, "commitments", path)
    assert result.ok, result.problems
    rows = db.execute(
        """SELECT c.title, a.kind, COALESCE(a.iso3, a.name) FROM commitments c
           JOIN commitment_parties cp ON cp.commitment_id = c.id
           JOIN actors a ON a.id = cp.actor_id ORDER BY c.id, cp.rowid"""
    ).fetchall()
    assert rows == [
        ("Reopen the embassies", "state", "SAU"),
        ("Reopen the embassies", "state", "IRN"),
        ("Border markets", "state", "PAK"),
        ("Border markets", "state", "IRN"),
        ("Grain corridor", "state", "TUR"),
        ("Grain corridor", "state", "RUS"),
        ("Grain corridor", "organisation", "UN"),
    ]


def test_names_that_are_no_country_are_listed_as_new_actors(db, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text(
        "title,parties,made_on\n"
        "Prisoner exchange,Iran and Hamas,2024-03-01\n"
        "Ceasefire talks,Irna;Pakistan,2024-03-02\n",  # a typo for Iran stays a name
        encoding="utf-8",
    )
    result = import_file(db, "commitments", path, dry_run=True)
    assert result.ok and result.new_actors == ["Hamas", "Irna"]
