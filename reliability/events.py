"""Fill a new scratch database with generated events, to be exported as an import file.

Usage: python -m reliability.events PATH ROWS SEED
Each event has a place (with coordinates) and one state actor, as real exports do.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from desktop_app.store.bulk import insert_rows
from desktop_app.store.database import open_database

STATES = (("Pakistan", "PAK"), ("Iran", "IRN"), ("India", "IND"), ("Afghanistan", "AFG"))
KINDS = ("attack", "strike", "meeting", "statement", "incident")


def fill(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    db = open_database(path)
    try:
        insert_rows(db, "actors", [{"name": n, "kind": "state", "iso3": c} for n, c in STATES])
        insert_rows(
            db,
            "places",
            [
                {
                    "name": f"Town {n}",
                    "country_iso3": "PAK",
                    "latitude": 25 + n / 10,
                    "longitude": 62 + n / 10,
                    "precision": "exact",
                }
                for n in range(60)
            ],
        )
        insert_rows(
            db,
            "events",
            (
                {
                    "date": f"20{rng.randrange(15, 25)}-{rng.randrange(1, 13):02d}-"
                    f"{rng.randrange(1, 29):02d}",
                    "kind": rng.choice(KINDS),
                    "title": f"Generated event {seed}-{n}",
                    "description": "Generated for the reliability suite.",
                    "place_id": rng.randrange(1, 61),
                    "fatalities": rng.randrange(6),
                }
                for n in range(rows)
            ),
        )
        insert_rows(
            db,
            "event_actors",
            (
                {"event_id": n + 1, "actor_id": rng.randrange(1, len(STATES) + 1), "role": "actor"}
                for n in range(rows)
            ),
        )
    finally:
        db.close()


if __name__ == "__main__":
    fill(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
