"""A GUI-like edit burst: python -m reliability.editor DB SEED [--edits N]

It opens the file as the main window does (Session.open, which calls open_database) and makes
small edits through the session, each one write transaction of desktop_app.store.records calls,
as the window's dialogs do. After each committed edit it prints one acknowledgement line:

    add COMMITMENT_UUID STATUS_UUID   a commitment with two parties, a place and a first status
    status STATUS_UUID                a status update of one of its commitments
    update COMMITMENT_UUID REVISION   the title rewritten as "... rev REVISION", links rewritten
    delete COMMITMENT_UUID            a soft delete

With --edits it stops after N edits (exit 0); without, it runs until killed. A StoreError (the
sentence the window would show) ends it with that sentence on stderr and exit 2, as the CLI does.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path

from desktop_app.domain.records import Commitment, Place, StatusUpdate
from desktop_app.session import Session
from desktop_app.store import records
from desktop_app.store.errors import StoreError

STATES = ("PAK", "IRN", "IND", "AFG", "CHN")
STATUSES = ("in_progress", "stalled", "partially_fulfilled", "fulfilled", "broken")
PREFIX = "Burst commitment"


def burst(path: Path, seed: int, edits: int | None) -> None:
    rng = random.Random(seed)
    session = Session.open(path)
    actors, _ = session.apply(lambda db: [records.state_actor(db, code) for code in STATES])
    place, _ = session.add(Place(name=f"Burst town {seed}", country_iso3="PAK"))
    live: dict[str, list[int]] = {}  # commitment uuid -> [id, revision]
    done = 0
    while edits is None or done < edits:
        choice = rng.random()
        if not live or choice < 0.35:
            line = _add(session, rng, actors, place, live)
        elif choice < 0.6:
            line = _status(session, rng, live)
        elif choice < 0.85:
            line = _update(session, rng, actors, live)
        else:
            uuid = rng.choice(sorted(live))
            session.set_deleted(Commitment, live.pop(uuid)[0])
            line = f"delete {uuid}"
        print(line, flush=True)
        done += 1
    session.close()


def _add(session: Session, rng: random.Random, actors, place: int, live: dict) -> str:
    a, b = rng.sample(actors, 2)
    commitment = Commitment(
        title=f"{PREFIX} {rng.randrange(10**6)} rev 0",
        made_on="2024-02-01",
        category=rng.choice(("security", "economic", "diplomatic")),
        parties=((a, "promisor"), (b, "beneficiary")),
        place_ids=(place,),
    )

    def write(db) -> tuple[int, str]:
        commitment_id = records.add(db, commitment)
        first = StatusUpdate(commitment_id, "2024-02-02", "in_progress", note="Announced.")
        records.add(db, first)
        return commitment_id, first.uuid

    (commitment_id, status_uuid), _ = session.apply(write)
    live[commitment.uuid] = [commitment_id, 0]
    return f"add {commitment.uuid} {status_uuid}"


def _status(session: Session, rng: random.Random, live: dict) -> str:
    uuid = rng.choice(sorted(live))
    update = StatusUpdate(
        live[uuid][0],
        f"2024-{rng.randrange(3, 13):02d}-{rng.randrange(1, 29):02d}",
        rng.choice(STATUSES),
        note=f"Reviewed ({rng.randrange(1000)}).",
    )
    session.add(update)
    return f"status {update.uuid}"


def _update(session: Session, rng: random.Random, actors, live: dict) -> str:
    uuid = rng.choice(sorted(live))
    commitment_id, revision = live[uuid]
    current = records.get(session.db, Commitment, commitment_id)
    a, b = rng.sample(actors, 2)
    changed = dataclasses.replace(
        current,
        title=f"{current.title.rsplit(' rev ', 1)[0]} rev {revision + 1}",
        parties=((a, "promisor"), (b, "beneficiary")),
    )
    session.update(commitment_id, changed)
    live[uuid][1] = revision + 1
    return f"update {uuid} {revision + 1}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("seed", type=int)
    parser.add_argument("--edits", type=int)
    options = parser.parse_args(argv)
    try:
        burst(options.db, options.seed, options.edits)
    except StoreError as error:
        print(f"editor: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
