"""Exporting every table and importing the files into an empty database loses nothing: every
record and every link (sources, parties with their roles, places, origin and evidence events,
event actors, statistic sources) comes back, compared as content keyed by UUID, not as bytes."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
)
from desktop_app.domain.vocabulary import EXCHANGE_TABLES as TABLES
from desktop_app.exchange.csv_export import export_rows, export_to_file
from desktop_app.exchange.presets import import_file
from desktop_app.store import records
from desktop_app.store.database import open_database
from tests.db_content import content, link_counts

ORDER = ("actors", "places", "sources", "events", "commitments", "status_updates", "statistics")


def export_all(db, folder, excel: bool) -> dict[str, list[dict]]:
    """Every table to folder/TABLE.csv; returns the rows as csv.DictReader reads them."""
    folder.mkdir(exist_ok=True)
    read = {}
    for table in ORDER:
        path = folder / f"{table}.csv"
        export_to_file(export_rows(db, table), path, excel)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            read[table] = list(csv.DictReader(handle))
    return read


def import_all(db, folder) -> None:
    for table in ORDER:
        result = import_file(db, table, folder / f"{table}.csv")
        assert result.ok, (table, [str(p) for p in result.problems[:5]])


def test_the_import_order_lists_sources_after_places():
    assert ORDER == TABLES


@pytest.mark.parametrize("excel", [False, True])
def test_the_sample_survives_export_and_import_into_an_empty_database(sample_db, tmp_path, excel):
    rows = export_all(sample_db, tmp_path / "files", excel)
    assert len(rows["sources"]) == 4
    khaama = next(r for r in rows["sources"] if r["publisher"] == "Khaama Press")
    assert khaama["url"] == "https://www.khaama.com/"
    assert (khaama["published_on"], khaama["accessed_on"]) == ("2024-01-30", "2024-02-01")
    assert khaama["excerpt"].startswith("Outcome of the 29 January talks")
    assert all(r["source_uuids"] for r in rows["commitments"])
    assert rows["statistics"][0]["source"] == "https://www.khaama.com/"

    fresh = open_database(tmp_path / "fresh.db")
    import_all(fresh, tmp_path / "files")

    counts = {
        "event_actors": 15,
        "event_sources": 7,
        "commitment_parties": 14,
        "commitment_places": 5,
        "commitment_sources": 7,
        "commitments.origin_event_id": 7,
        "events.place_id": 5,
        "status_updates.actor_id": 0,
        "status_updates.source_id": 4,
        "status_updates.evidence_event_id": 4,
        "statistics.place_id": 0,
        "statistics.source_id": 1,
    }
    assert link_counts(sample_db) == counts
    assert link_counts(fresh) == counts
    assert fresh.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 4
    assert content(fresh) == content(sample_db)
    # and again: importing the same files into the filled database changes nothing
    for table in ORDER:
        again = import_file(fresh, table, tmp_path / "files" / f"{table}.csv")
        assert (again.added, again.updated) == (0, 0), table
    assert content(fresh) == content(sample_db)
    fresh.close()


# --- random databases --------------------------------------------------------------------------
names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip())
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
days = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))
COUNTRIES = ("PAK", "IRN", "AFG", "IND", None)
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300)


@st.composite
def database_plans(draw):
    """Drawn values for building a database; indices pick the records links point at."""
    return draw(st.data())


def _pick(data, items, label):
    return data.draw(st.sampled_from(items), label=label) if items else None


def _subset(data, items, label, most=3):
    if not items:
        return []
    return data.draw(st.lists(st.sampled_from(items), unique=True, max_size=most), label=label)


def build_random_database(db, data) -> None:
    """Random records of every kind through the store, links between them, some deleted."""
    draw = data.draw
    made: dict[type, list[int]] = {}

    def add(record) -> int:
        record_id = records.add(db, record)
        made.setdefault(type(record), []).append(record_id)
        return record_id

    for _ in range(draw(st.integers(0, 4), label="actors")):
        kind = draw(st.sampled_from(["state", "organisation", "armed_group", "person"]))
        add(Actor(name=draw(names), kind=kind, iso3=draw(st.sampled_from(COUNTRIES))))
    for _ in range(draw(st.integers(0, 3), label="places")):
        where = draw(st.one_of(st.none(), st.tuples(st.floats(-90, 90), st.floats(-180, 180))))
        add(
            Place(
                name=draw(names),
                country_iso3=draw(st.sampled_from(COUNTRIES)),
                admin1=draw(st.one_of(st.none(), names)),
                latitude=where and where[0],
                longitude=where and where[1],
                precision=draw(st.sampled_from(["exact", "near", "region"])),
            )
        )
    for _ in range(draw(st.integers(0, 3), label="sources")):
        add(
            Source(
                title=draw(names),
                url=draw(st.one_of(st.none(), names.map(lambda s: "https://example.org/" + s))),
                publisher=draw(st.one_of(st.none(), names)),
                published_on=draw(st.one_of(st.none(), days.map(str))),
                accessed_on=draw(st.one_of(st.none(), days.map(str))),
                excerpt=draw(st.one_of(st.none(), texts)),
            )
        )
    actors, places, sources = made.get(Actor, []), made.get(Place, []), made.get(Source, [])
    for _ in range(draw(st.integers(0, 3), label="events")):
        start = draw(days)
        roles = ["actor", "target", "host", "participant"]
        event_actors = {
            (actor, draw(st.sampled_from(roles))) for actor in _subset(data, actors, "ev actors")
        }
        add(
            Event(
                date=str(start),
                end_date=draw(st.one_of(st.none(), st.just(str(start + dt.timedelta(3))))),
                date_precision=draw(st.sampled_from(["day", "week", "month", "year"])),
                kind=draw(st.sampled_from(["meeting", "visit", "strike", "other"])),
                title=draw(names),
                description=draw(texts),
                place_id=draw(st.one_of(st.none(), st.sampled_from(places))) if places else None,
                fatalities=draw(st.one_of(st.none(), st.integers(0, 2**63 - 1))),
                actors=tuple(event_actors),
                source_ids=tuple(_subset(data, sources, "ev sources")),
            )
        )
    events = made.get(Event, [])
    for _ in range(draw(st.integers(0, 3), label="commitments")):
        made_on = draw(days)
        parties = tuple(
            (actor, draw(st.sampled_from(["promisor", "beneficiary", "guarantor"])))
            for actor in _subset(data, actors, "parties")
        )
        add(
            Commitment(
                title=draw(names),
                made_on=str(made_on),
                category=draw(st.sampled_from(["security", "economic", "other"])),
                description=draw(texts),
                deadline=draw(st.one_of(st.none(), st.just(str(made_on + dt.timedelta(30))))),
                deadline_precision=draw(st.sampled_from(["day", "month"])),
                parties=parties,
                place_ids=tuple(_subset(data, places, "c places")),
                source_ids=tuple(_subset(data, sources, "c sources")),
                origin_event_id=_pick(data, [None, *events], "origin"),
            )
        )
    commitments = made.get(Commitment, [])
    for _ in range(draw(st.integers(0, 4), label="updates") if commitments else 0):
        add(
            StatusUpdate(
                commitment_id=_pick(data, commitments, "of"),
                date=str(draw(days)),
                status=draw(st.sampled_from(["in_progress", "stalled", "fulfilled", "broken"])),
                actor_id=_pick(data, [None, *actors], "party"),
                note=draw(texts),
                source_id=_pick(data, [None, *sources], "source"),
                evidence_event_id=_pick(data, [None, *events], "evidence"),
            )
        )
    for _ in range(draw(st.integers(0, 2), label="statistics")):
        add(
            Statistic(
                label=draw(names),
                value=draw(finite),
                unit=draw(texts),
                period_start=draw(st.one_of(st.none(), st.just("2023-01-01"))),
                period_end=draw(st.one_of(st.none(), st.just("2023-11-30"))),
                baseline_value=draw(st.one_of(st.none(), finite)),
                place_id=_pick(data, [None, *places], "stat place"),
                country_iso3=draw(st.sampled_from(COUNTRIES)),
                source_id=_pick(data, [None, *sources], "stat source"),
                method_note=draw(texts),
            )
        )
    for cls, ids in made.items():  # deleted records, linked ones among them, are not exported
        for record_id in _subset(data, ids, f"deleted {cls.__name__}", most=2):
            records.set_deleted(db, cls, record_id, True)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), excel=st.booleans())
def test_random_databases_survive_export_and_import(tmp_path_factory, data, excel):
    folder = tmp_path_factory.mktemp("random")
    db = open_database(folder / "random.db")
    build_random_database(db, data)
    export_all(db, folder / "files", excel)
    fresh = open_database(folder / "fresh.db")
    import_all(fresh, folder / "files")
    assert content(fresh) == content(db)
    fresh.close()
    db.close()
