"""Small helpers that build records in a test database through the real store."""

from __future__ import annotations

from desktop_app.domain.records import Commitment, StatusUpdate
from desktop_app.store import records


def commitment(
    db, title="Open the border crossing", made_on="2024-01-10", parties=("PAK",), **fields
) -> int:
    party_ids = tuple((records.state_actor(db, code), "promisor") for code in parties)
    return records.add(db, Commitment(title=title, made_on=made_on, parties=party_ids, **fields))


def status(db, commitment_id, date, value, party=None, note="") -> int:
    actor_id = records.state_actor(db, party) if party else None
    return records.add(
        db,
        StatusUpdate(
            commitment_id=commitment_id, date=date, status=value, actor_id=actor_id, note=note
        ),
    )
