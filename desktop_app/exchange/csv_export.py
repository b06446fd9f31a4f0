"""CSV export of every table (and of the current view), in the layout the importer reads back.

Several values in one cell are joined with "; ". Parties and actors are written as ISO 3166-1
alpha-3 codes for states and by name otherwise; places by name, sources by URL or title. Every
row carries its UUID, so a re-import updates instead of duplicating, and every link is written
twice: by name, for people reading the file in a spreadsheet, and by UUID (the *_uuid and
*_uuids columns), so that importing every table into an empty database (actors, places,
sources, events, commitments, status_updates, statistics) gives back the same records with the
same links. Links to deleted records are left out, as deleted records are. Exports go to a
temporary file that is renamed into place at the end: a failed, cancelled or interrupted export
leaves no partial file.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.dates import today_iso
from desktop_app.domain.status import label, party_statuses_text
from desktop_app.domain.vocabulary import EXCHANGE_TABLES
from desktop_app.exchange.csv_format import csv_writer, neutralise
from desktop_app.store.queries import (
    CommitmentFilter,
    commitment_page,
    party_statuses_text_sql,
    status_as_of_sql,
    status_label_sql,
    with_party_statuses,
)

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

SEP = "; "
ACTOR_LABEL = "COALESCE(t.iso3, t.name)"  # how a party or an actor is named in a cell
SOURCE_LABEL = "COALESCE(t.url, t.title)"


def _linked(
    value: str, link: str, owner: str, other: str, table: str, alias: str, role: str = ""
) -> str:
    """The values (an expression on t) of the live records of table linked to alias.id through
    link, joined by SEP in the order the links were made (names and UUIDs list them alike).
    Links to deleted records are left out: the file set holds no such record to point at."""
    role_filter = f" AND l.role = '{role}'" if role else ""
    return f"""(SELECT group_concat(v, '{SEP}') FROM (
        SELECT {value} AS v FROM {link} l JOIN {table} t ON t.id = l.{other}
        WHERE l.{owner} = {alias}.id{role_filter} AND t.deleted_at IS NULL ORDER BY l.rowid))"""


def _parties(value: str, role: str) -> str:
    return _linked(value, "commitment_parties", "commitment_id", "actor_id", "actors", "c", role)


def _event_actors(value: str, role: str) -> str:
    return _linked(value, "event_actors", "event_id", "actor_id", "actors", "e", role)


def _places(value: str) -> str:
    return _linked(value, "commitment_places", "commitment_id", "place_id", "places", "c")


def _sources(link: str, owner: str, alias: str, value: str) -> str:
    return _linked(value, link, owner, "source_id", "sources", alias)


# Columns first exported by earlier versions keep their place; the UUID columns that make a
# round trip exact come after them. A commitment's status and its parties' own statuses (as
# words, as of the export's :as_of, today unless asked) come last: the importer reads neither
# (statuses come from status updates).
EXPORT_SQL: dict[str, str] = {
    "actors": """SELECT uuid, name, kind, iso3 FROM actors
                 WHERE deleted_at IS NULL AND id > :after AND id <= :upto ORDER BY id""",
    "places": """SELECT uuid, name, country_iso3 AS country, admin1, latitude, longitude, precision,
                        local_name
                 FROM places WHERE deleted_at IS NULL AND id > :after AND id <= :upto
                 ORDER BY id""",
    "sources": """SELECT uuid, title, url, publisher, published_on, accessed_on, excerpt
                  FROM sources WHERE deleted_at IS NULL AND id > :after AND id <= :upto
                  ORDER BY id""",
    "commitments": f"""
        SELECT c.uuid, c.title, c.description, c.category, c.made_on, c.deadline,
               c.deadline_precision,
               {_parties(ACTOR_LABEL, "promisor")} AS promisors,
               {_parties(ACTOR_LABEL, "beneficiary")} AS beneficiaries,
               {_parties(ACTOR_LABEL, "guarantor")} AS guarantors,
               {_places("t.name")} AS places,
               (SELECT e.uuid FROM events e WHERE e.id = c.origin_event_id
                AND e.deleted_at IS NULL) AS origin_event_uuid,
               {_parties("t.uuid", "promisor")} AS promisor_uuids,
               {_parties("t.uuid", "beneficiary")} AS beneficiary_uuids,
               {_parties("t.uuid", "guarantor")} AS guarantor_uuids,
               {_places("t.uuid")} AS place_uuids,
               {_sources("commitment_sources", "commitment_id", "c", SOURCE_LABEL)} AS sources,
               {_sources("commitment_sources", "commitment_id", "c", "t.uuid")} AS source_uuids,
               c.quote,
               (SELECT COALESCE(q.url, q.title) FROM sources q WHERE q.id = c.quote_source_id
                AND q.deleted_at IS NULL) AS quote_source,
               (SELECT q.uuid FROM sources q WHERE q.id = c.quote_source_id
                AND q.deleted_at IS NULL) AS quote_source_uuid,
               {status_label_sql(status_as_of_sql("c.id"))} AS status,
               {party_statuses_text_sql("c.id")} AS party_statuses
        FROM commitments c WHERE c.deleted_at IS NULL AND c.id > :after AND c.id <= :upto
        ORDER BY c.id""",
    "events": f"""
        SELECT e.uuid, e.date, e.end_date, e.date_precision, e.kind, e.title, e.description,
               p.name AS place, p.country_iso3 AS place_country, p.latitude, p.longitude,
               e.fatalities,
               {_event_actors(ACTOR_LABEL, "actor")} AS actors,
               {_event_actors(ACTOR_LABEL, "target")} AS targets,
               {_event_actors(ACTOR_LABEL, "host")} AS hosts,
               {_event_actors(ACTOR_LABEL, "participant")} AS participants,
               p.uuid AS place_uuid,
               {_event_actors("t.uuid", "actor")} AS actor_uuids,
               {_event_actors("t.uuid", "target")} AS target_uuids,
               {_event_actors("t.uuid", "host")} AS host_uuids,
               {_event_actors("t.uuid", "participant")} AS participant_uuids,
               {_sources("event_sources", "event_id", "e", SOURCE_LABEL)} AS sources,
               {_sources("event_sources", "event_id", "e", "t.uuid")} AS source_uuids
        FROM events e LEFT JOIN places p ON p.id = e.place_id AND p.deleted_at IS NULL
        WHERE e.deleted_at IS NULL AND e.id > :after AND e.id <= :upto
        ORDER BY e.id""",
    "status_updates": """
        SELECT s.uuid, c.uuid AS commitment_uuid, s.date, s.status,
               COALESCE(a.iso3, a.name) AS party, s.note, COALESCE(src.url, src.title) AS source,
               e.uuid AS evidence_event_uuid, a.uuid AS party_uuid, src.uuid AS source_uuid
        FROM status_updates s JOIN commitments c ON c.id = s.commitment_id
        LEFT JOIN actors a ON a.id = s.actor_id AND a.deleted_at IS NULL
        LEFT JOIN sources src ON src.id = s.source_id AND src.deleted_at IS NULL
        LEFT JOIN events e ON e.id = s.evidence_event_id AND e.deleted_at IS NULL
        WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND s.id > :after
          AND s.id <= :upto ORDER BY s.id""",
    "statistics": """
        SELECT s.uuid, s.label, s.value, s.unit, s.period_start, s.period_end, s.baseline_value,
               s.baseline_start, s.baseline_end, s.country_iso3 AS country, s.method_note,
               p.name AS place, p.uuid AS place_uuid, COALESCE(src.url, src.title) AS source,
               src.uuid AS source_uuid
        FROM statistics s
        LEFT JOIN places p ON p.id = s.place_id AND p.deleted_at IS NULL
        LEFT JOIN sources src ON src.id = s.source_id AND src.deleted_at IS NULL
        WHERE s.deleted_at IS NULL AND s.id > :after AND s.id <= :upto ORDER BY s.id""",
    # the change log, oldest first: read by people and merges, never imported from CSV
    "record_changes": """
        SELECT uuid, created_at AS changed_at, analyst, table_name, record_uuid, action, field,
               old_value, new_value
        FROM record_changes WHERE deleted_at IS NULL AND id > :after AND id <= :upto
        ORDER BY id""",
}

#: worked out from other records (the status history) on the export's date; read back only as a
#: status to record where the commitment does not stand there already (exchange/status_cells.py)
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {"commitments": ("status", "party_statuses")}

ALL_ROWS = {"after": 0, "upto": 2**62}
PARALLEL_FROM = 50_000  # rows; smaller tables are written by one thread

# The current view, as the commitments table shows it on the as-of date (the first column).
VIEW_COLUMNS = (
    "as_of",
    "uuid",
    "title",
    "parties",
    "category",
    "made_on",
    "deadline",
    "status",
    "party_statuses",
    "overdue",
)

# Temporary files of an export: .export-PID-<random>.csv (the whole file) and
# .export-part-PID-<random>.csv (one worker's share), PID being the exporting process; earlier
# versions wrote them without the PID.
_TEMPORARY = re.compile(r"^\.export-(?:part-)?(?:(\d+)-)?[a-z0-9_]+\.csv$")
_STARTED = time.time()  # (about) when this process started: its own files are all younger


class ExportCancelled(Exception):
    pass


def format_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        short = f"{value:.15g}"
        # 15 digits read back as the same number nearly always; repr's shortest exact form
        # is the fallback for the rest (0.1 + 0.2), so no value changes on the way out
        return short if float(short) == value else repr(value)
    return str(value)


def _all_rows(as_of: str | None = None) -> dict:
    return ALL_ROWS | {"as_of": as_of or today_iso()}


def export_columns(db: Database, table: str) -> list[str]:
    cursor = db.execute(f"SELECT * FROM ({EXPORT_SQL[table]}) LIMIT 0", _all_rows())
    return [d[0] for d in cursor.description]


def _check_table(table: str) -> None:
    if table not in EXPORT_SQL:
        raise ValueError(f"unknown table {table!r}; expected one of: {', '.join(EXCHANGE_TABLES)}")


def export_rows(db: Database, table: str, as_of: str | None = None):
    """The header, then every row as a tuple of cells (values still typed); statuses as of
    as_of (today by default)."""
    _check_table(table)
    cursor = db.execute(EXPORT_SQL[table], _all_rows(as_of))
    yield tuple(d[0] for d in cursor.description)
    yield from cursor


def count_rows(db: Database, table: str) -> int:
    sql = f"SELECT COUNT(*) FROM ({EXPORT_SQL[table]})"
    return db.execute(sql, _all_rows()).fetchone()[0]


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
    if progress is not None and written > 0 and written % 5000 and not progress(written):
        raise ExportCancelled  # the last report says the whole count
    return max(written, 0)


def _temporary(folder: Path, part: bool = False, owner: int | None = None) -> tuple[int, str]:
    prefix = f".export-{'part-' if part else ''}{owner or os.getpid()}-"
    return tempfile.mkstemp(prefix=prefix, suffix=".csv", dir=folder)


def remove_stale_exports(folder: str | Path) -> list[Path]:
    """Remove what exports killed before they could clean up left in folder: temporary files
    older than this process whose exporting process is gone. (A running export keeps writing
    its files, and its process is alive; on Windows an open file cannot be removed anyway.)"""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat().st_mtime >= _STARTED:
                continue
            if match.group(1) and _is_running(int(match.group(1))):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _is_running(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process; an open file cannot be removed there
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def export_to_file(
    rows, target: str | Path, excel: bool, progress: Callable[[int], bool] | None = None
) -> int:
    """Write rows to target through a temporary file; nothing is left behind on failure
    (KeyboardInterrupt included)."""
    target = Path(target)
    remove_stale_exports(target.parent)
    fd, temp_name = _temporary(target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as out:
            count = write_csv(rows, out, excel, progress)
        publish(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count


def publish(temp_name: str, target: Path) -> None:
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
    parallel_from: int | None = None,
) -> int:
    """Export a whole table from the database file at path to target.

    A big table (parallel_from rows or more, PARALLEL_FROM by default) is written in id ranges
    by several processes (formatting CSV is Python work, so threads would queue on the
    interpreter lock), each with its own connection and part file; the parts are joined in id
    order, byte-for-byte what one process would write. The worker processes end with this one,
    even when it is killed; temporary files a killed export left in target's folder are removed
    by the next export there.
    """
    from desktop_app.store.database import open_read_only

    _check_table(table)
    target = Path(target)
    workers = workers or min(4, os.cpu_count() or 1)
    parallel_from = PARALLEL_FROM if parallel_from is None else parallel_from
    as_of = today_iso()  # one date for every part, even across midnight
    db = open_read_only(path)  # an export never creates, migrates or writes the file
    try:
        low, high, total = db.execute(
            f"SELECT MIN(id), MAX(id), COUNT(*) FROM {table} WHERE deleted_at IS NULL"
        ).fetchone()
        header = export_columns(db, table)
        if total < parallel_from or total == 0 or workers < 2:
            return export_to_file(export_rows(db, table, as_of), target, excel, progress)
    finally:
        db.close()
    remove_stale_exports(target.parent)
    step = (high - low) // workers + 1
    bounds = [(low - 1 + i * step, min(high, low - 1 + (i + 1) * step)) for i in range(workers)]
    job = _PartsJob(str(path), table, excel, str(target.parent), as_of)
    return job.run(bounds, header, target, progress)


@dataclass
class _PartsJob:
    """One export in id ranges, each written by a worker process to a part file."""

    path: str
    table: str
    excel: bool
    folder: str
    as_of: str

    def run(self, bounds, header, target: Path, progress) -> int:
        futures: dict = {}
        joined = None
        try:
            parts, written = self._write_parts(bounds, futures, progress)
            fd, joined = _temporary(target.parent)
            _join(fd, header, parts, self.excel)
            publish(joined, target)
        except BaseException:
            if joined is not None:
                Path(joined).unlink(missing_ok=True)
            raise
        finally:
            # every part a worker finished, including any finished after a cancel
            for future in futures:
                if future.done() and not future.cancelled() and future.exception() is None:
                    Path(future.result()[0]).unlink(missing_ok=True)
        return written

    def _write_parts(self, bounds, futures: dict, progress) -> tuple[list[Path], int]:
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from multiprocessing import get_context

        parts: list[Path | None] = [None] * len(bounds)
        written = 0
        pool = ProcessPoolExecutor(
            len(bounds),
            mp_context=get_context("spawn"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )
        try:
            for number, (after, upto) in enumerate(bounds):
                arguments = (self.path, self.table, after, upto, self.excel, self.folder)
                future = pool.submit(_write_part, *arguments, os.getpid(), self.as_of)
                futures[future] = number
            for future in as_completed(futures):
                part, count = future.result()
                parts[futures[future]] = Path(part)
                written += count
                if progress is not None and not progress(written):
                    raise ExportCancelled
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return parts, written


def _join(fd: int, header: list[str], parts: list[Path], excel: bool) -> None:
    """The header, then the parts in id order, into the open temporary file fd."""
    with os.fdopen(fd, "wb") as out:
        text = io.StringIO(newline="")
        csv_writer(text, excel).writerow(header)
        out.write(text.getvalue().encode("utf-8-sig" if excel else "utf-8"))
        for piece in parts:
            with piece.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: the worker ends when the process that started it ends, however it
    ends (SIGKILL included), so no orphan goes on writing a part file nobody will remove.

    On Linux the kernel sends the signal (PR_SET_PDEATHSIG); elsewhere a thread waits on the
    pipe multiprocessing keeps open to the parent, or failing that polls the parent's pid.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent_pid:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int) -> None:
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()  # returns when the parent's end of the pipe closes: it has ended
    else:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
    os._exit(1)


def _write_part(
    path: str,
    table: str,
    after: int,
    upto: int,
    excel: bool,
    folder: str,
    owner: int,
    as_of: str,
) -> tuple[str, int]:
    """One id range of an export, written to a part file (runs in a worker process)."""
    from desktop_app.store.database import connect_existing

    fd, name = _temporary(Path(folder), part=True, owner=owner)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            db = connect_existing(path)
            try:
                params = {"after": after, "upto": upto, "as_of": as_of}
                cursor = db.execute(EXPORT_SQL[table], params)
                count = write_csv(cursor, out, excel, has_header=False)
            finally:
                db.close()
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return name, count


def current_view_rows(
    db: Database, as_of: str, flt: CommitmentFilter, sort: str = "made_on", descending: bool = False
):
    """The rows the commitments table shows under a filter and as-of date: the date first on
    every row, statuses as words (the headline, and the parties' own when they differ)."""
    yield VIEW_COLUMNS
    rows = commitment_page(db, as_of, flt, sort, descending, limit=-1)
    for row in with_party_statuses(db, as_of, rows):
        cells = row | {
            "as_of": as_of,
            "status": label(row["status"]),
            "party_statuses": party_statuses_text(
                [(p.code, p.status) for p in row["party_statuses"]]
            ),
            "overdue": "yes" if row["overdue"] else "no",
        }
        yield tuple(cells[key] for key in VIEW_COLUMNS)
