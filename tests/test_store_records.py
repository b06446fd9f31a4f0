"""Writing records: validation, links, transactions, soft delete, FTS triggers."""

from __future__ import annotations

import pytest

from desktop_app.domain.records import Commitment, Event, Place, Statistic, StatusUpdate
from desktop_app.store import records
from tests.builders import commitment


def test_add_and_get_commitment_round_trips_links(db):
    pak = records.state_actor(db, "PAK")
    irn = records.state_actor(db, "irn")
    place = records.add(
        db, Place(name="Zahidan", country_iso3="IRN", latitude=29.5, longitude=60.86)
    )
    new = Commitment(
        title="Appoint liaison officers",
        made_on="2024-01-29",
        category="security",
        parties=((pak, "promisor"), (irn, "promisor")),
        place_ids=(place,),
    )
    cid = records.add(db, new)
    stored = records.get(db, Commitment, cid)
    assert stored.parties == ((pak, "promisor"), (irn, "promisor"))
    assert stored.place_ids == (place,)
    assert stored.uuid and len(stored.uuid) == 36
    assert db.execute("SELECT name FROM actors WHERE id = ?", [irn]).fetchone()[0] == "Iran"


def test_update_replaces_fields_and_links(db):
    cid = commitment(db, parties=("PAK", "IRN"))
    changed = records.get(db, Commitment, cid)
    changed.title = "Open two border crossings"
    changed.parties = changed.parties[:1]
    records.update(db, cid, changed)
    again = records.get(db, Commitment, cid)
    assert again.title == "Open two border crossings"
    assert len(again.parties) == 1


@pytest.mark.parametrize(
    "build, words",
    [
        (lambda: Commitment(title="  ", made_on="2024-01-01"), "must not be empty"),
        (lambda: Commitment(title="x", made_on="2024-02-31"), "not a real calendar date"),
        (lambda: Commitment(title="x", made_on="2024-03-01", deadline="2024-02-01"), "before"),
        (lambda: Commitment(title="x", made_on="2024-03-01", category="sports"), "category"),
        (lambda: Event(date="2024-01-01", kind="party", title="x"), "event kind"),
        (lambda: Place(name="x", latitude=95, longitude=0), "outside"),
        (lambda: StatusUpdate(commitment_id=1, date="2024-01-01", status="soon-ish"), "status"),
        (lambda: Statistic(label="x", value="many"), "could not convert"),
    ],
)
def test_invalid_records_are_refused_with_a_readable_reason(build, words):
    with pytest.raises(ValueError, match=words):
        build()


def test_failed_write_leaves_nothing_behind(db):
    before = db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    bad = Commitment(title="Linked to nothing", made_on="2024-01-01", parties=((9999, "promisor"),))
    with pytest.raises(Exception, match="FOREIGN KEY"):
        records.add(db, bad)
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == before


def test_soft_delete_and_restore(db):
    cid = commitment(db)
    records.set_deleted(db, Commitment, cid, True)
    assert db.execute("SELECT deleted_at FROM commitments WHERE id = ?", [cid]).fetchone()[0]
    records.set_deleted(db, Commitment, cid, False)
    assert (
        db.execute("SELECT deleted_at FROM commitments WHERE id = ?", [cid]).fetchone()[0] is None
    )


def test_statistic_change_against_baseline():
    stat = Statistic(label="Attacks", value=664, baseline_value=398)
    assert round(stat.change_percent) == 67


def test_the_words_people_use_for_statuses():
    from desktop_app.domain.status import Status, parse_status

    cases = {
        "Done": Status.FULFILLED,
        "KEPT": Status.FULFILLED,
        "delayed": Status.STALLED,
        "On hold": Status.STALLED,
        "partly kept": Status.PARTIALLY_FULFILLED,
        "ongoing": Status.IN_PROGRESS,
        "failed": Status.BROKEN,
        "not  kept": Status.BROKEN,
        "n/a": Status.NOT_RATED,
        "Partially fulfilled": Status.PARTIALLY_FULFILLED,
        "in_progress": Status.IN_PROGRESS,
    }
    assert {text: parse_status(text) for text in cases} == cases
