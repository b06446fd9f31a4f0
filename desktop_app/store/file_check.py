"""Checks of a database file that cost little whatever its size.

A full page check (PRAGMA quick_check) reads every page: about 1.6 s per GB. Above
QUICK_CHECK_LIMIT the file is instead checked for what a damaged or mismatched file most often
shows: a size that disagrees with its header, a free-page count beyond its pages, a write-ahead
log that is not one of this file's, and damage in any table small enough to check whole.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums little- or big-endian
WAL_FORMAT = 3007000
WAL_HEADER_SIZE = 32

# rows; a bigger table is left to the full check (`check`, `import`). On the bench's large
# database (500 MB) all the checks of opening then take 25 ms (90 ms on a first, cold open).
ROW_BUDGET = 50_000


def sidecar(path: Path, suffix: str) -> Path:
    """The -wal, -shm or -journal file SQLite keeps beside path."""
    return path.with_name(path.name + suffix)


def size_of(path: Path) -> int | None:
    """The size of path, None if there is no such file (a stat: the file is not opened)."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return None


def wal_has_frames(database: Path) -> bool:
    """Whether the -wal beside database may hold changes (more than its header)."""
    return (size_of(sidecar(database, "-wal")) or 0) > WAL_HEADER_SIZE


def wal_header_problem(wal: Path, page_size: int) -> str | None:
    """Why the -wal beside a database cannot be its log (None: it can, or there is none).

    The -wal is read with open(): SQLite takes no locks on it (its locks are on the main file
    and the -shm, which are never opened here), so closing this descriptor drops none.
    """
    try:
        with wal.open("rb") as handle:
            header = handle.read(WAL_HEADER_SIZE)
    except FileNotFoundError:
        return None
    if not header:
        return None  # an empty log: nothing to replay
    if len(header) < WAL_HEADER_SIZE:
        return f"{wal.name} is cut short ({len(header)} bytes)"
    magic, version, wal_page_size = struct.unpack(">III", header[:12])
    if magic not in WAL_MAGIC:
        return f"{wal.name} is not a SQLite write-ahead log"
    if version != WAL_FORMAT:
        return f"{wal.name} has an unknown format ({version})"
    if wal_page_size != page_size:
        return (
            f"{wal.name} has pages of {wal_page_size} bytes where the database has "
            f"{page_size}, so it belongs to another file"
        )
    order = ">" if magic & 1 else "<"
    if wal_checksum(header[:24], order) != struct.unpack(">II", header[24:32]):
        return f"{wal.name} has a damaged header"
    return None


def wal_checksum(data: bytes, order: str) -> tuple[int, int]:
    """SQLite's WAL checksum of data (a multiple of 8 bytes), words read in byte order."""
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    s0 = s1 = 0
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def report(lines: list[str], limit: int = 3) -> str:
    """The first lines of an integrity or quick check, on one line."""
    text = "; ".join(lines[:limit]).replace("*** in database main ***", "")
    text = " ".join(text.split())
    return text + (f"; and {len(lines) - limit} more" if len(lines) > limit else "")


def cheap_check(
    conn: sqlite3.Connection, path: Path, tables: list[str], pragma: str = "quick_check"
) -> str | None:
    """What is wrong with the file on conn, found without reading all of it (None: nothing).

    `tables` are the file's real tables (its schema already checked); each one under
    ROW_BUDGET rows gets a check (pragma: quick_check or integrity_check) of itself and its
    indexes.
    """
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    page_count = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    size = size_of(path) or 0
    if size % page_size:
        return f"its size ({size} bytes) is not a whole number of {page_size}-byte pages"
    # With frames in the log, the page count includes pages only the log holds yet.
    if not wal_has_frames(path) and page_count * page_size != size:
        return f"its header counts {page_count} pages but the file holds {size // page_size}"
    if free > page_count:
        return f"it lists {free} free pages out of {page_count}"
    for table in tables:
        rows = conn.execute(
            f'SELECT COUNT(*) FROM (SELECT 1 FROM "{table}" LIMIT {ROW_BUDGET + 1})'
        ).fetchone()[0]
        if rows > ROW_BUDGET:
            continue
        result = [r[0] for r in conn.execute(f'PRAGMA {pragma}("{table}")')]
        if result != ["ok"]:
            return f"SQLite reports: {report(result)}"
    return None
