"""Dates in an imported file are read as people write them, in one date order for the whole
file: chosen, or guessed from a date that reads only one way (25/03/2024 is day first)."""

from __future__ import annotations

from desktop_app.exchange.csv_import import import_rows, prepare
from desktop_app.exchange.written_dates import DateOrder

HEADER = "title,made_on,deadline,promisors\n"


def _made_on(db) -> dict[str, tuple[str, str | None]]:
    sql = "SELECT title, made_on, deadline FROM commitments"
    return {t: (m, d) for t, m, d in db.execute(sql).fetchall()}


def _file(tmp_path, body: str):
    path = tmp_path / "colleague.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return prepare(path)


def test_one_day_first_date_settles_the_order_of_the_whole_file(db, tmp_path):
    prepared = _file(
        tmp_path,
        "Open markets,03/04/2024,,PAK\nLiaison officers,29/01/2024,25/03/2024,IRN\n",
    )
    result = import_rows(db, "commitments", prepared)
    assert result.ok and result.date_order == DateOrder.DAY_FIRST
    assert _made_on(db) == {
        "Open markets": ("2024-04-03", None),  # read day first, like the rest of the file
        "Liaison officers": ("2024-01-29", "2024-03-25"),
    }


def test_a_month_first_file(db, tmp_path):
    prepared = _file(tmp_path, "Open markets,03/04/2024,12/31/2024,PAK\n")
    result = import_rows(db, "commitments", prepared)
    assert result.ok and result.date_order == DateOrder.MONTH_FIRST
    assert _made_on(db) == {"Open markets": ("2024-03-04", "2024-12-31")}


def test_an_iso_file_and_month_names(db, tmp_path):
    prepared = _file(
        tmp_path,
        'Open markets,2024-01-29,14 March 2025,PAK\nTalks,"Mar 14, 2024",,IRN\n',
    )
    result = import_rows(db, "commitments", prepared)
    assert result.ok, result.problems
    assert _made_on(db) == {
        "Open markets": ("2024-01-29", "2025-03-14"),
        "Talks": ("2024-03-14", None),
    }


def test_dates_that_read_both_ways_are_refused_until_an_order_is_chosen(db, tmp_path):
    prepared = _file(tmp_path, "Open markets,03/04/2024,,PAK\nTalks,05/06/2024,,IRN\n")
    refused = import_rows(db, "commitments", prepared)
    assert refused.date_order is None
    assert [(p.line, p.column) for p in refused.problems] == [(2, "made_on"), (3, "made_on")]
    assert "could be 3 April 2024 or 4 March 2024" in refused.problems[0].reason
    assert _made_on(db) == {}  # nothing kept
    prepared.date_order = DateOrder.DAY_FIRST
    assert import_rows(db, "commitments", prepared).ok
    assert _made_on(db) == {
        "Open markets": ("2024-04-03", None),
        "Talks": ("2024-06-05", None),
    }


def test_an_impossible_date_is_called_impossible_not_ambiguous(db, tmp_path):
    prepared = _file(tmp_path, "Open markets,31/02/2024,,PAK\nTalks,31/12/2023,,IRN\n")
    result = import_rows(db, "commitments", prepared)
    assert [(p.line, p.reason) for p in result.problems] == [(2, "31 February 2024 does not exist")]


def test_every_faulty_cell_of_a_row_is_listed(db, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "date,kind,title,place,latitude,longitude,fatalities\n"
        "2024-13-01,strike,Strike near Panjgur,Panjgur,95,64.1,-2\n"
        "2024-01-16,strike,Strike near Saravan,Saravan,27.4,62.3,1\n",
        encoding="utf-8",
    )
    from desktop_app.exchange.presets import import_file

    result = import_file(db, "events", path)
    assert sorted((p.line, p.column) for p in result.problems) == [
        (2, "date"),
        (2, "fatalities"),
        (2, "latitude"),
    ]
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
