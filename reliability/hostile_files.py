"""The hostile files of case 5, each made once as a template (copied afresh for every command).

Every file says what a correct run of a command on it looks like: `must` is "refuse" (no correct
output exists: exit 2 with one sentence), "succeed" (a sound file of ours: exit 0 with correct
output) or "either" (a correct exit 0 or a clean refusal). `expected` is the probe of the content
the file should show (None when there is none to show), `intact` whether that content is sound.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reliability.common import PYTHON, make_sample, probe, run

BIG_ROWS = 120_000  # events: the file passes 32 MB, above which opening skips quick_check


@dataclass
class Hostile:
    key: str
    description: str
    path: Path  # the template; its -wal is copied with it
    must: str  # "refuse", "succeed" or "either"
    expected: dict | None = None
    intact: bool = True
    commands: tuple[str, ...] = ("check", "export", "dry-run", "import", "render")


def make_all(folder: Path) -> list[Hostile]:
    """Every hostile file of case 5, made under folder."""
    folder.mkdir(parents=True)
    sample = make_sample(folder / "clean-sample.db")
    expected = probe(sample)
    empty = {"counts": dict.fromkeys(expected["counts"], 0)}
    empty["live"] = dict(empty["counts"])

    def copy(name: str) -> Path:
        target = folder / name
        shutil.copyfile(sample, target)
        return target

    recursive = _sql(copy("recursive.db"), _ENDLESS_STATISTICS)
    circular = _sql(
        copy("circular.db"), "DROP TABLE places; CREATE VIEW places AS SELECT * FROM places;"
    )
    files = [
        Hostile("zero-byte", "a zero-byte file", _write(folder / "empty.db", b""), "either", empty),
        Hostile(
            "text",
            "a text file",
            _write(folder / "notes.db", b"Minutes of the meeting.\nNothing agreed.\n" * 50),
            "refuse",
        ),
        Hostile("other-program", "another program's SQLite file", _other_program(folder), "refuse"),
        Hostile(
            "newer-version",
            "a newer-version file (user_version 99, an unknown migration recorded)",
            _sql(
                copy("newer.db"),
                "PRAGMA user_version = 99;"
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                " VALUES ('commitment_tracker', '0099_from_the_future', '2031-01-01');",
            ),
            "refuse",
        ),
        Hostile(
            "evil-trigger",
            "our schema plus a trigger deleting every status update on each new event",
            _sql(
                copy("evil.db"),
                "CREATE TRIGGER evil AFTER INSERT ON events BEGIN DELETE FROM status_updates; END;",
            ),
            "either",
            expected,
        ),
        Hostile(
            "view-for-table",
            "a view in place of the events table",
            _sql(
                copy("view.db"),
                "CREATE TABLE events_copy AS SELECT * FROM events; DROP TABLE events;"
                " CREATE VIEW events AS SELECT * FROM events_copy;",
            ),
            "either",
            expected,
        ),
        Hostile(
            "recursive-view",
            "an endless recursive view in place of the statistics table",
            recursive,
            "either",
            probe(recursive),  # statistics: None, an endless view cannot be counted
        ),
        Hostile(
            "circular-view",
            "a view of itself in place of the places table",
            circular,
            "either",
            probe(circular),  # places: None
        ),
        Hostile(
            "changed-table",
            "a changed table (events.title renamed to headline)",
            _sql(copy("changed.db"), "ALTER TABLE events RENAME COLUMN title TO headline;"),
            "either",
            expected,
        ),
        Hostile(
            "damaged",
            "a damaged file (8 pages overwritten)",
            _damage(copy("damaged.db")),
            "either",
            expected,
            intact=False,
        ),
    ]
    big, big_expected = _big(folder)
    files.append(
        Hostile(
            "damaged-big",
            f"a damaged file above 32 MB ({big.stat().st_size / 2**20:.0f} MB, 16 leaf pages "
            "of the events table overwritten)",
            _damage(big, pages=16, table="events"),
            "either",
            big_expected,
            intact=False,
        )
    )
    files.append(
        Hostile(
            "foreign-wal",
            "a database with another database's -wal beside it",
            _foreign_wal(copy("foreign-wal.db"), folder),
            "either",
            expected,
        )
    )
    for name, what in (("tracker#1.db", "#"), ("tracker?.db", "?"), ("tracker%3F.db", "%")):
        files.append(
            Hostile(
                f"path-{what}",
                f"a sound file whose name holds {what} ({name})",
                copy(name),
                "succeed",
                expected,
            )
        )
    files.append(
        Hostile(
            "export-onto-db",
            "export -o pointing at the database itself",
            copy("export-self.db"),
            "refuse",
            expected,
            commands=("export-self",),
        )
    )
    return files


_STATISTICS_COLUMNS = (
    "i AS id, 'u' || i AS uuid, '2024-01-01' AS created_at, '2024-01-01' AS updated_at,"
    " NULL AS deleted_at, 'endless' AS label, i AS value, '' AS unit, NULL AS period_start,"
    " NULL AS period_end, NULL AS baseline_value, NULL AS baseline_start, NULL AS baseline_end,"
    " NULL AS place_id, NULL AS country_iso3, NULL AS source_id, '' AS method_note"
)
_ENDLESS_STATISTICS = (
    "DROP TABLE statistics; CREATE VIEW statistics AS WITH RECURSIVE n(i) AS"
    f" (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT {_STATISTICS_COLUMNS} FROM n;"
)


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _sql(path: Path, script: str) -> Path:
    """Run script on path with plain sqlite3 (foreign keys off, as any other tool would)."""
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()
    return path


def _other_program(folder: Path) -> Path:
    return _sql(
        folder / "bookmarks.db",
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT);"
        "INSERT INTO moz_places (url, title) VALUES ('https://example.org', 'Example');"
        "PRAGMA journal_mode = WAL;",
    )


def _damage(path: Path, pages: int = 8, table: str | None = None) -> Path:
    """Overwrite `pages` pages with seeded noise: leaf pages from the middle of `table` (found
    with SQLite's dbstat, so the damage lands in the same structure on every run), or pages from
    the middle of the file. Page 1, the header, is left alone: the file still looks like SQLite."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    count = conn.execute("PRAGMA page_count").fetchone()[0]
    numbers = list(range(count // 2, count // 2 + pages))
    if table:
        leaves = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                [table],
            )
        ]
        middle = len(leaves) // 2
        numbers = leaves[middle : middle + pages]
    conn.close()
    noise = random.Random(5)
    with path.open("r+b") as handle:
        for number in numbers:
            handle.seek((number - 1) * page_size)
            handle.write(noise.randbytes(page_size))
    return path


def _big(folder: Path) -> tuple[Path, dict]:
    """A database of ours above 32 MB and the probe of its content before damage."""
    path = folder / "big.db"
    made = run([PYTHON, "-m", "reliability.events", str(path), str(BIG_ROWS), "11"], 300)
    if made.code != 0:
        raise RuntimeError(f"the big database could not be made: {made.describe()}")
    return path, probe(path)


def _foreign_wal(path: Path, folder: Path) -> Path:
    """Give path the -wal of another sample database (same page size) whose uncheckpointed
    frames delete every status update and rename every commitment."""
    other = make_sample(folder / "other-sample.db")
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.executescript("DELETE FROM status_updates; UPDATE commitments SET title = 'foreign';")
    shutil.copyfile(other.with_name(other.name + "-wal"), path.with_name(path.name + "-wal"))
    conn.close()
    return path
