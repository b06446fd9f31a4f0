"""Generate a realistic, reproducible (seeded) database for benchmarks.

Usage: python -m bench.generate {small,large} PATH [--seed N]
  small: 1,000 commitments, 10,000 events, 500 statistics, 400 places;
  large: 100,000 commitments, 1,000,000 events, 50,000 statistics, 20,000 places
  (about 5 status updates per commitment: 1 to 10, fewer when they would run past the end;
  3% of them judge one party alone). Places are real cities of the gazetteer, with their
  coordinates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from desktop_app.domain import gazetteer
from desktop_app.domain.status import ENTERABLE_STATUSES, Status
from desktop_app.domain.vocabulary import CATEGORIES, EVENT_KINDS
from desktop_app.store.bulk import insert_rows
from desktop_app.store.database import open_database

# commitments, events, statistics, places
SIZES = {"small": (1_000, 10_000, 500, 400), "large": (100_000, 1_000_000, 50_000, 20_000)}
STATISTIC_LABELS = (
    "Attacks recorded",
    "People displaced",
    "Trade through the crossing",
    "Refugees returned",
    "Civilian deaths",
    "Border closures",
)
UNITS = ("attacks", "people", "USD million", "people", "deaths", "days")
START = dt.date(2015, 1, 1)
DAYS = 365 * 10
VERBS = (
    "Open",
    "Reopen",
    "Withdraw troops from",
    "Demine",
    "Build",
    "Fund",
    "Patrol",
    "Release prisoners held in",
    "Hold talks in",
    "Restore flights to",
    "Rebuild",
    "Reduce tariffs on goods from",
    "Set up a joint committee in",
    "Monitor the ceasefire in",
)
OBJECTS = (
    "the border crossing",
    "the transit corridor",
    "the river port",
    "the power line",
    "the refugee camp",
    "the customs post",
    "the rail link",
    "the market",
)
EVENT_WORDS = {
    "meeting": "Ministers meet in",
    "visit": "State visit to",
    "agreement": "Agreement signed in",
    "statement": "Statement issued in",
    "strike": "Air strike near",
    "attack": "Attack reported near",
    "incident": "Border incident near",
    "other": "Development in",
}
STATUS_FLOW = [s.value for s in ENTERABLE_STATUSES if s is not Status.NOT_RATED]


def scaled(commitments: int) -> tuple[int, int, int, int]:
    """The sizes of a database with this many commitments, in the large one's proportions."""
    return commitments, commitments * 10, commitments // 2, min(20_000, max(400, commitments // 5))


def generate(size: str | tuple[int, int, int, int], path: Path, seed: int = 7) -> dict:
    """size: "small", "large", or (commitments, events, statistics, places)."""
    commitments, events, statistics, place_count = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(seed)
    db = open_database(path)
    started = time.perf_counter()
    countries = [c for c in gazetteer.countries()]
    insert_rows(
        db, "actors", ({"name": c.name, "kind": "state", "iso3": c.iso3} for c in countries)
    )
    actor_ids = [r[0] for r in db.execute("SELECT id FROM actors ORDER BY id")]
    cities = rng.sample(gazetteer.cities(), place_count)
    insert_rows(
        db,
        "places",
        (
            {
                "name": p.name,
                "country_iso3": p.country_iso3,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "precision": "exact",
            }
            for p in cities
        ),
    )
    place_ids = [r[0] for r in db.execute("SELECT id FROM places ORDER BY id")]
    place_names = dict(db.execute("SELECT id, name FROM places").fetchall())
    insert_rows(
        db,
        "sources",
        (
            {
                "title": f"Wire report {n}",
                "publisher": "Wire service",
                "url": f"https://news.invalid/report/{n}",
            }
            for n in range(2000)
        ),
    )

    def day(offset: int) -> str:
        return (START + dt.timedelta(days=offset)).isoformat()

    def event_rows():
        for _ in range(events):
            kind = rng.choices(EVENT_KINDS, weights=(20, 8, 6, 15, 18, 18, 10, 5))[0]
            place = rng.choice(place_ids)
            yield {
                "date": day(rng.randrange(DAYS)),
                "kind": kind,
                "title": f"{EVENT_WORDS[kind]} {place_names[place]}",
                "place_id": place,
                "description": "",
                "fatalities": rng.choice((None, 0, 1, 2, 5, 12))
                if kind in ("strike", "attack")
                else None,
            }

    insert_rows(db, "events", event_rows())
    first_event = db.execute("SELECT MIN(id) FROM events").fetchone()[0]
    insert_rows(
        db,
        "event_actors",
        (
            {"event_id": first_event + n, "actor_id": rng.choice(actor_ids), "role": "actor"}
            for n in range(events)
        ),
    )
    made_days = [rng.randrange(DAYS - 60) for _ in range(commitments)]

    def commitment_rows():
        for made in made_days:
            place = rng.choice(place_ids)
            has_deadline = rng.random() < 0.6
            yield {
                "title": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} in {place_names[place]}",
                "category": rng.choice(CATEGORIES),
                "made_on": day(made),
                "description": "Generated for benchmarks.",
                "deadline": day(made + rng.randrange(30, 900)) if has_deadline else None,
                "origin_event_id": first_event + rng.randrange(events),
            }

    insert_rows(db, "commitments", commitment_rows())
    first_commitment = db.execute("SELECT MIN(id) FROM commitments").fetchone()[0]

    parties = [rng.sample(actor_ids, 2) for _ in range(commitments)]

    def party_rows():
        for n, pair in enumerate(parties):
            for actor in pair:
                yield {"commitment_id": first_commitment + n, "actor_id": actor, "role": "promisor"}

    insert_rows(db, "commitment_parties", party_rows())

    def update_rows():
        for n, made in enumerate(made_days):
            when = made
            for _ in range(rng.randint(1, 10)):
                when += rng.randrange(5, 150)
                if when >= DAYS:
                    break
                # a few updates judge one party alone (one side kept its word, the other not)
                party = rng.choice(parties[n]) if rng.random() < 0.03 else None
                yield {
                    "commitment_id": first_commitment + n,
                    "date": day(when),
                    "status": rng.choice(STATUS_FLOW),
                    "actor_id": party,
                    "note": "One party's part reviewed." if party else "Progress reviewed.",
                }

    insert_rows(db, "status_updates", update_rows())
    place_countries = dict(db.execute("SELECT id, country_iso3 FROM places").fetchall())

    def statistic_rows():
        for _ in range(statistics):
            kind = rng.randrange(len(STATISTIC_LABELS))
            start = rng.randrange(DAYS - 400)
            length = rng.choice((30, 91, 334, 365))
            place = rng.choice(place_ids) if rng.random() < 0.5 else None
            value = rng.randrange(1, 5000)
            has_baseline = rng.random() < 0.4
            yield {
                "label": f"{STATISTIC_LABELS[kind]} in {place_names[place]}"
                if place
                else STATISTIC_LABELS[kind],
                "value": float(value),
                "unit": UNITS[kind],
                "period_start": day(start),
                "period_end": day(start + length),
                "baseline_value": float(rng.randrange(1, 5000)) if has_baseline else None,
                "baseline_start": day(start - 365) if has_baseline else None,
                "baseline_end": day(start + length - 365) if has_baseline else None,
                "place_id": place,
                "country_iso3": place_countries[place] if place else rng.choice(countries).iso3,
                "source_id": rng.randrange(1, 2001),
                "method_note": "Generated for benchmarks.",
            }

    insert_rows(db, "statistics", statistic_rows())
    counts = {
        t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("commitments", "events", "status_updates", "statistics", "places")
    }
    db.execute("ANALYZE")
    db.close()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=SIZES)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.path.exists():
        print(f"{args.path} exists; give a new path", file=sys.stderr)
        return 2
    print(generate(args.size, args.path, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
