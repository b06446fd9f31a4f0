"""Behaviours the last mutation run found unpinned in store/, exchange/ and extract/ (each test
names what it holds)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop_app.exchange.presets import import_file
from desktop_app.exchange.written_dates import parse_written_date
from desktop_app.store import listings
from desktop_app.store.database import database_path
from desktop_app.store.status_index import StatusIndex


def test_a_database_in_memory_has_no_path():
    assert database_path(Database(memory=True)) is None


def test_the_database_path_of_a_file(db, db_path):
    assert database_path(db) == db_path


def test_events_in_the_order_of_their_places_by_id(sample_db):
    ids = list(listings.event_ids(sample_db, sort="place"))
    rows = {r["id"]: r for r in listings.event_rows(sample_db, ids)}
    places = [(rows[i]["place"] or "").casefold() for i in ids]
    assert places == sorted(places) and len(set(places)) > 2
    by_date = list(listings.event_ids(sample_db, sort="date"))
    assert by_date != ids and sorted(by_date) == sorted(ids)


def test_the_first_commitment_date_keeps_both_digits_of_its_day(sample_db):
    first = sample_db.execute("SELECT MIN(made_on) FROM commitments").fetchone()[0]
    assert first[8:] not in ("", "0")
    assert StatusIndex.load(sample_db).first_made() == first


def test_a_source_named_by_its_address_keeps_it_as_its_url(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "title,made_on,promisors,sources\n"
        "Open markets,2024-01-29,PAK,https://example.org/talks\n"
        "Hold talks,2024-01-29,PAK,Press release of 29 January\n",
        encoding="utf-8",
    )
    assert import_file(db, "commitments", path).ok
    rows = dict(db.execute("SELECT title, url FROM sources").fetchall())
    assert rows["https://example.org/talks"] == "https://example.org/talks"
    assert rows["Press release of 29 January"] is None


def test_a_party_status_already_standing_is_not_recorded_again(db, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(
        "title,promisors,made_on,party_statuses,status_date\n"
        'Open markets,PAK;IRN,2024-01-29,"PAK: Fulfilled",2024-05-01\n',
        encoding="utf-8",
    )
    assert import_file(db, "commitments", path).statuses_added == 1
    again = import_file(db, "commitments", path)  # PAK stands at Fulfilled on its own
    assert (again.ok, again.statuses_added) == (True, 0)


def test_year_first_dates_with_slashes_and_dots_take_every_month():
    assert parse_written_date("2025/12/14", None).iso == "2025-12-14"
    assert parse_written_date("2025.12.01", None).iso == "2025-12-01"


def test_a_country_named_once_is_a_main_party_of_the_article():
    from desktop_app.extract.extractor import _main_parties

    text = "Iran's foreign minister met his counterpart. Iran wants calm. Pakistan agreed."
    assert _main_parties(text) == ["IRN", "PAK"]


def test_an_event_title_is_cut_at_80_characters():
    from desktop_app.extract.extractor import extract

    sentence = (
        "Iranian missiles struck several villages near the border town of Panjgur in the "
        "province of Balochistan on Tuesday night."
    )
    found = [c for c in extract(sentence, "2024-01-17") if c.kind == "event"]
    title = found[0].title
    assert len(title) <= 81 and title.endswith("…")
    assert len(title.rstrip("…")) > 70  # cut near 80, at a word


def test_exactly_200_problems_are_all_listed_with_no_count_after_them(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("label,value\n" + "".join(f"Row {n},lots\n" for n in range(200)))
    problems = [str(p) for p in import_file(db, "statistics", path).problems]
    assert len(problems) == 200 and "more problems" not in problems[-1]


def test_a_row_whose_status_already_stands_is_no_change_in_the_preview(sample_db, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "title,parties,made_on,status\n"
        "Activate joint border markets,Pakistan and Iran,2024-01-29,In progress\n"
        "Cooperate against terrorism,Pakistan and Iran,2024-01-29,Fulfilled\n",
        encoding="utf-8",
    )
    result = import_file(sample_db, "commitments", path, dry_run=True)
    assert result.statuses_added == 1
    assert list(result.outcomes.values()) == ["unchanged", "unchanged+status"]


def test_no_date_order_is_guessed_when_every_date_reads_one_way(db, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(
        "title,made_on,promisors\nOpen markets,25/03/2024,PAK\nTalks,03/03/2024,IRN\n",
        encoding="utf-8",
    )
    result = import_file(db, "commitments", path)
    assert result.ok and result.date_order is None  # no date needed an order


def test_a_december_date_that_reads_two_ways_leaves_the_order_open():
    from desktop_app.exchange.written_dates import guess_order

    assert guess_order(["2024-01-01", "05/12/2024"]) is None
    assert guess_order(["2024-01-01", "2024-02-03"]) == "iso"


def test_a_workbooks_true_and_false_cells_read_as_words(tmp_path):
    from openpyxl import Workbook

    from desktop_app.exchange.csv_format import rows_with_lines
    from desktop_app.exchange.xlsx_format import read_xlsx_file

    book = Workbook()
    book.active.append(["label", "verified"])
    book.active.append(["Attacks", True])
    book.active.append(["Displaced", False])
    book.save(tmp_path / "flags.xlsx")
    rows = [row for _line, row in rows_with_lines(read_xlsx_file(tmp_path / "flags.xlsx"))]
    assert rows == [["label", "verified"], ["Attacks", "TRUE"], ["Displaced", "FALSE"]]
