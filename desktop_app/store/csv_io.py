"""CSV export of every table (and of the current view), in the layout the importer reads back.

Several values in one cell are joined with "; ". Parties and actors are written as ISO 3166-1
alpha-3 codes for states and by name otherwise; places by name. Every row carries its UUID, so a
re-import updates instead of duplicating. Exports go to a temporary file that is renamed into
place at the end: a failed or cancelled export leaves no partial file.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.store.csv_format import csv_writer, neutralise
from desktop_app.store.queries import CommitmentFilter, commitment_page

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

TABLES = ("commitments", "events", "status_updates", "statistics", "actors", "places")
SEP = "; "


def _actors(link: str, owner: str, role: str, alias: str) -> str:
    return f"""(SELECT group_concat(who, '{SEP}') FROM (
        SELECT COALESCE(a.iso3, a.name) AS who FROM {link} l JOIN actors a ON a.id = l.actor_id
        WHERE l.{owner} = {alias}.id AND l.role = '{role}' ORDER BY l.rowid))"""


EXPORT_SQL: dict[str, str] = {
    "actors": """SELECT uuid, name, kind, iso3 FROM actors
                 WHERE deleted_at IS NULL AND id > :after AND id <= :upto ORDER BY id""",
    "places": """SELECT uuid, name, country_iso3 AS country, admin1, latitude, longitude, precision
                 FROM places WHERE deleted_at IS NULL AND id > :after AND id <= :upto
                 ORDER BY id""",
    "commitments": f"""
        SELECT c.uuid, c.title, c.description, c.category, c.made_on, c.deadline,
               c.deadline_precision,
               {_actors("commitment_parties", "commitment_id", "promisor", "c")} AS promisors,
               {_actors("commitment_parties", "commitment_id", "beneficiary", "c")}
                   AS beneficiaries,
               {_actors("commitment_parties", "commitment_id", "guarantor", "c")} AS guarantors,
               (SELECT group_concat(name, '{SEP}') FROM (
                    SELECT p.name FROM commitment_places cp JOIN places p ON p.id = cp.place_id
                    WHERE cp.commitment_id = c.id ORDER BY cp.rowid)) AS places,
               (SELECT e.uuid FROM events e WHERE e.id = c.origin_event_id) AS origin_event_uuid
        FROM commitments c WHERE c.deleted_at IS NULL AND c.id > :after AND c.id <= :upto
        ORDER BY c.id""",
    "events": f"""
        SELECT e.uuid, e.date, e.end_date, e.date_precision, e.kind, e.title, e.description,
               p.name AS place, p.country_iso3 AS place_country, p.latitude, p.longitude,
               e.fatalities,
               {_actors("event_actors", "event_id", "actor", "e")} AS actors,
               {_actors("event_actors", "event_id", "target", "e")} AS targets,
               {_actors("event_actors", "event_id", "host", "e")} AS hosts,
               {_actors("event_actors", "event_id", "participant", "e")} AS participants
        FROM events e LEFT JOIN places p ON p.id = e.place_id
        WHERE e.deleted_at IS NULL AND e.id > :after AND e.id <= :upto
        ORDER BY e.id""",
    "status_updates": """
        SELECT s.uuid, c.uuid AS commitment_uuid, s.date, s.status,
               COALESCE(a.iso3, a.name) AS party, s.note, COALESCE(src.url, src.title) AS source,
               e.uuid AS evidence_event_uuid
        FROM status_updates s JOIN commitments c ON c.id = s.commitment_id
        LEFT JOIN actors a ON a.id = s.actor_id
        LEFT JOIN sources src ON src.id = s.source_id
        LEFT JOIN events e ON e.id = s.evidence_event_id
        WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND s.id > :after
          AND s.id <= :upto ORDER BY s.id""",
    "statistics": """
        SELECT uuid, label, value, unit, period_start, period_end, baseline_value,
               baseline_start, baseline_end, country_iso3 AS country, method_note
        FROM statistics WHERE deleted_at IS NULL AND id > :after AND id <= :upto
                 ORDER BY id""",
}

ALL_ROWS = {"after": 0, "upto": 2**62}
PARALLEL_FROM = 50_000  # rows; smaller tables are written by one thread

VIEW_COLUMNS = ("uuid", "title", "parties", "category", "made_on", "deadline", "status", "overdue")


class ExportCancelled(Exception):
    pass


def format_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def export_columns(db: Database, table: str) -> list[str]:
    cursor = db.execute(f"SELECT * FROM ({EXPORT_SQL[table]}) LIMIT 0", ALL_ROWS)
    return [d[0] for d in cursor.description]


def export_rows(db: Database, table: str):
    """The header, then every row as a tuple of cells (values still typed)."""
    if table not in EXPORT_SQL:
        raise ValueError(f"unknown table {table!r}; expected one of: {', '.join(TABLES)}")
    cursor = db.execute(EXPORT_SQL[table], ALL_ROWS)
    yield tuple(d[0] for d in cursor.description)
    yield from cursor


def count_rows(db: Database, table: str) -> int:
    return db.execute(f"SELECT COUNT(*) FROM ({EXPORT_SQL[table]})", ALL_ROWS).fetchone()[0]


def write_csv(
    rows,
    handle,
    excel: bool,
    progress: Callable[[int], bool] | None = None,
    has_header: bool = True,
) -> int:
    """Write rows (header first, unless has_header is False) to an open text handle; returns
    the number of data rows."""
    writer = csv_writer(handle, excel)
    written = -1 if has_header else 0
    for row in rows:
        cells = [format_cell(v) for v in row]
        if excel:
            cells = [neutralise(c) for c in cells]
        writer.writerow(cells)
        written += 1
        if progress is not None and written % 5000 == 0 and not progress(written):
            raise ExportCancelled
    return max(written, 0)


def export_to_file(
    rows, target: str | Path, excel: bool, progress: Callable[[int], bool] | None = None
) -> int:
    """Write rows to target through a temporary file; nothing is left behind on failure."""
    target = Path(target)
    fd, temp_name = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as out:
            count = write_csv(rows, out, excel, progress)
        _publish(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count


def _publish(temp_name: str, target: Path) -> None:
    """Move a finished temporary file into place. mkstemp makes it private to its owner; the
    export gets the permissions of the file it replaces, or those of any new file."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)
    os.replace(temp_name, target)


def export_table(
    path: str | Path,
    table: str,
    target: str | Path,
    excel: bool,
    progress: Callable[[int], bool] | None = None,
    workers: int | None = None,
) -> int:
    """Export a whole table from the database file at path to target.

    A big table is written in id ranges by several processes (formatting CSV is Python work,
    so threads would queue on the interpreter lock), each with its own connection and part file;
    the parts are joined in id order, byte-for-byte what one process would write.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    from desktop_app.store.database import open_existing

    target = Path(target)
    workers = workers or min(4, os.cpu_count() or 1)
    db = open_existing(path)
    try:
        low, high, total = db.execute(
            f"SELECT MIN(id), MAX(id), COUNT(*) FROM {table} WHERE deleted_at IS NULL"
        ).fetchone()
        header = export_columns(db, table)
        if total < PARALLEL_FROM or workers < 2:
            return export_to_file(export_rows(db, table), target, excel, progress)
    finally:
        db.close()
    step = (high - low) // workers + 1
    bounds = [(low - 1 + i * step, min(high, low - 1 + (i + 1) * step)) for i in range(workers)]
    parts: list[Path | None] = [None] * workers
    futures: dict = {}
    written = 0
    fd, joined = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=target.parent)
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            futures = {
                pool.submit(
                    _write_part, str(path), table, after, upto, excel, str(target.parent)
                ): number
                for number, (after, upto) in enumerate(bounds)
            }
            for future in as_completed(futures):
                part, count = future.result()
                parts[futures[future]] = Path(part)
                written += count
                if progress is not None and not progress(written):
                    for other in futures:
                        other.cancel()
                    raise ExportCancelled
        with os.fdopen(fd, "wb") as out:
            text = io.StringIO(newline="")
            csv_writer(text, excel).writerow(header)
            out.write(text.getvalue().encode("utf-8-sig" if excel else "utf-8"))
            for piece in parts:
                with piece.open("rb") as handle:
                    shutil.copyfileobj(handle, out, 1 << 20)
        _publish(joined, target)
    except BaseException:
        Path(joined).unlink(missing_ok=True)
        raise
    finally:
        # every part a worker finished, including any finished after a cancel
        for future in futures:
            if future.done() and not future.cancelled() and future.exception() is None:
                Path(future.result()[0]).unlink(missing_ok=True)
    return written


def _write_part(
    path: str, table: str, after: int, upto: int, excel: bool, folder: str
) -> tuple[str, int]:
    """One id range of an export, written to a part file (runs in a worker process)."""
    from desktop_app.store.database import connect_existing

    fd, name = tempfile.mkstemp(prefix=".export-part-", suffix=".csv", dir=folder)
    db = connect_existing(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            cursor = db.execute(EXPORT_SQL[table], {"after": after, "upto": upto})
            count = write_csv(cursor, out, excel, has_header=False)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    finally:
        db.close()
    return name, count


def current_view_rows(
    db: Database, as_of: str, flt: CommitmentFilter, sort: str = "made_on", descending: bool = False
):
    """The rows the commitments table shows under a filter and as-of date."""
    yield VIEW_COLUMNS
    for row in commitment_page(db, as_of, flt, sort, descending, limit=-1):
        yield tuple(
            ("yes" if row["overdue"] else "no") if key == "overdue" else row[key]
            for key in VIEW_COLUMNS
        )
