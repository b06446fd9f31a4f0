"""How an import links records: by UUID where the file gives them, by name where it does not
(hand-written files, exports of earlier versions), and never silently against what a person
edited; a row updating a record changes only what the file carries."""

from __future__ import annotations

import csv

from desktop_app.domain.records import Actor, Commitment, Event, Source
from desktop_app.exchange.csv_export import export_rows, export_to_file
from desktop_app.exchange.presets import import_file
from desktop_app.store import records
from desktop_app.store.database import open_database
from tests.db_content import content

EARLIER_COMMITMENT_COLUMNS = [
    "uuid",
    "title",
    "description",
    "category",
    "made_on",
    "deadline",
    "deadline_precision",
    "promisors",
    "beneficiaries",
    "guarantors",
    "places",
    "origin_event_uuid",
]


def read_rows(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def export(db, table, path) -> list[dict]:
    export_to_file(export_rows(db, table), path, excel=False)
    return read_rows(path)


def test_the_export_columns_of_earlier_versions_come_first_in_the_same_order(sample_db, tmp_path):
    rows = export(sample_db, "commitments", tmp_path / "c.csv")
    assert list(rows[0])[: len(EARLIER_COMMITMENT_COLUMNS)] == EARLIER_COMMITMENT_COLUMNS
    assert list(rows[0])[len(EARLIER_COMMITMENT_COLUMNS) :] == [
        "promisor_uuids",
        "beneficiary_uuids",
        "guarantor_uuids",
        "place_uuids",
        "sources",
        "source_uuids",
        "quote",
        "quote_source_uuid",
        "status",
        "party_statuses",
    ]


def test_a_file_without_uuid_columns_links_by_name(sample_db, tmp_path):
    """An export of an earlier version (no *_uuids columns) into a database holding the actors
    and places: parties and places are found by name, as before."""
    rows = export(sample_db, "commitments", tmp_path / "c.csv")
    legacy = tmp_path / "legacy.csv"
    write_rows(legacy, rows, [c for c in EARLIER_COMMITMENT_COLUMNS if c != "uuid"])
    fresh = open_database(tmp_path / "fresh.db")
    for table in ("actors", "places", "events"):
        assert import_file(fresh, table, _exported(sample_db, table, tmp_path)).ok
    result = import_file(fresh, "commitments", legacy)
    assert result.ok, [str(p) for p in result.problems]
    assert result.added == 7
    parties = fresh.execute(
        """SELECT COUNT(*) FROM commitment_parties cp JOIN actors a ON a.id = cp.actor_id"""
    ).fetchone()[0]
    assert parties == 14
    assert fresh.execute("SELECT COUNT(*) FROM actors").fetchone()[0] == 4  # none made twice
    assert fresh.execute("SELECT COUNT(*) FROM commitment_places").fetchone()[0] == 5
    fresh.close()


def _exported(db, table, folder):
    path = folder / f"{table}.csv"
    export_to_file(export_rows(db, table), path, excel=False)
    return path


def test_actors_of_the_same_name_stay_apart_through_their_uuids(db, tmp_path):
    first = records.add(db, Actor(name="Unidentified gunmen", kind="armed_group"))
    second = records.add(db, Actor(name="Unidentified gunmen", kind="armed_group"))
    records.add(
        db,
        Event(
            date="2024-01-16",
            kind="attack",
            title="Attack on a checkpoint",
            actors=((first, "actor"), (second, "target")),
        ),
    )
    fresh = open_database(tmp_path / "fresh.db")
    for table in ("actors", "events"):
        assert import_file(fresh, table, _exported(db, table, tmp_path)).ok
    assert content(fresh) == content(db)
    fresh.close()


def test_a_name_edited_beside_its_uuid_is_a_problem_not_ignored(sample_db, tmp_path):
    path = tmp_path / "c.csv"
    rows = export(sample_db, "commitments", path)
    rows[0]["promisors"] = "AFG"  # edited in a spreadsheet; promisor_uuids still says PAK; IRN
    write_rows(path, rows, list(rows[0]))
    before = content(sample_db)
    result = import_file(sample_db, "commitments", path)
    assert [(p.line, p.column) for p in result.problems] == [(2, "promisors")]
    assert "'AFG' does not name the actors promisor_uuids points at ('PAK; IRN')" in str(
        result.problems[0]
    )
    assert content(sample_db) == before


def test_an_unknown_uuid_falls_back_to_the_name_and_keeps_the_uuid(db, tmp_path):
    path = tmp_path / "s.csv"
    uuid = "0b7e4f7e-1111-4c3a-9d1e-0c0ffee00001"
    commitment = records.add(db, Commitment(title="Reopen the crossing", made_on="2024-02-01"))
    commitment_uuid = db.execute("SELECT uuid FROM commitments").fetchone()[0]
    path.write_text(
        "commitment_uuid,date,status,source,source_uuid\n"
        f"{commitment_uuid},2024-03-01,fulfilled,Dawn report of 1 March,{uuid}\n"
    )
    assert import_file(db, "status_updates", path).ok
    row = db.execute("SELECT title, uuid FROM sources").fetchone()
    assert tuple(row) == ("Dawn report of 1 March", uuid)
    assert records.get(db, Commitment, commitment).title == "Reopen the crossing"


def test_a_file_of_a_few_columns_changes_those_and_nothing_else(sample_db, tmp_path):
    path = tmp_path / "c.csv"
    rows = export(sample_db, "commitments", path)
    rows[0]["title"] = "Send the ambassadors back"
    write_rows(path, rows, ["uuid", "title", "made_on"])
    before = content(sample_db)
    result = import_file(sample_db, "commitments", path)
    assert (result.updated, result.unchanged) == (1, 6)
    after = content(sample_db)
    changed = after["commitments"][rows[0]["uuid"]]
    assert changed["title"] == "Send the ambassadors back"
    changed["title"] = before["commitments"][rows[0]["uuid"]]["title"]
    assert after == before  # parties, places, sources, origin event, deadline all kept


def test_an_emptied_sources_cell_removes_the_sources(sample_db, tmp_path):
    path = tmp_path / "c.csv"
    rows = export(sample_db, "commitments", path)
    rows[0]["sources"] = rows[0]["source_uuids"] = ""
    write_rows(path, rows, list(rows[0]))
    assert import_file(sample_db, "commitments", path).updated == 1
    assert content(sample_db)["commitments"][rows[0]["uuid"]]["commitment_sources"] == []


def test_reimporting_an_export_keeps_links_to_deleted_records(sample_db, tmp_path):
    """The export leaves out links to deleted records; importing it back into the same file
    must not cut them (undoing the deletion brings the link back)."""
    source = records.add(sample_db, Source(title="A retracted report"))
    commitment_id = sample_db.execute("SELECT id FROM commitments ORDER BY id").fetchone()[0]
    commitment = records.get(sample_db, Commitment, commitment_id)
    commitment.source_ids = (*commitment.source_ids, source)
    records.update(sample_db, commitment_id, commitment)
    records.set_deleted(sample_db, Source, source, True)
    origin = commitment.origin_event_id
    records.set_deleted(sample_db, Event, origin, True)
    path = tmp_path / "c.csv"
    rows = export(sample_db, "commitments", path)
    assert "A retracted report" not in rows[0]["sources"]
    assert rows[0]["origin_event_uuid"] == ""
    result = import_file(sample_db, "commitments", path)
    assert result.ok and result.updated == 0
    kept = records.get(sample_db, Commitment, commitment_id)
    assert source in kept.source_ids and kept.origin_event_id == origin


def test_a_party_listed_twice_is_a_problem_not_a_traceback(sample_db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("title,made_on,promisors,beneficiaries\nTalks,2024-01-01,PAK,PAK\n")
    result = import_file(sample_db, "commitments", path)
    assert [(p.line, p.column) for p in result.problems] == [(2, "promisors")]
    assert "listed twice" in result.problems[0].reason
