"""Checking the rows of a big file in worker processes that feed the one writer.

The writer (the process that holds the import's transaction) cuts the file's text into pieces
of about CHUNK_BYTES, each starting at the start of a line, and hands them out in turn to
os.cpu_count() - 1 worker processes. A worker parses its pieces and does the part of checking
that needs no database: the shape of each row, its cells, dates, numbers and countries, and the
record built from them, with stand-in ids where the record links to actors, places, sources or
other records. With each record comes the list of those links, in the order the builder asked
for them. The writer takes the pieces back in file order and resolves the links with its own
Resolver, exactly as checking in one process would (the same lookups, in the same order), then
writes the records as before.

Whatever a worker cannot settle alone goes back to the writer as the row's cells, and the
writer checks that row itself: a row with a problem (which problems it has can depend on the
database: a link checked before the cell at fault), or a row whose status cells do not read.
So the problems, their lines and messages are the ones checking in one process gives.

A piece may start inside a quoted cell that runs over several lines. A worker that reaches the
end of its piece inside a row says where that row starts; the writer then checks the text from
there up to the end of the next piece itself, in place of that next piece.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop_app.domain.records import Commitment, Event, Statistic, StatusUpdate
from desktop_app.exchange.csv_format import (
    CsvRowProblem,
    DecodedFile,
    RecordReader,
    header_end,
)
from desktop_app.exchange.import_result import Problem, guess_column
from desktop_app.exchange.row_builders import (
    BUILDERS,
    CHECKED_BY_BUILDER,
    Resolver,
    RowError,
    cell_problems,
    row_date,
)
from desktop_app.exchange.row_cells import row_cells
from desktop_app.exchange.status_cells import read_row_status
from desktop_app.exchange.written_dates import DateOrder

PARALLEL_FROM = 20_000  # lines; a smaller file is checked in the writer (workers take time)
CHUNK_BYTES = 1 << 20  # the text handed to a worker at a time
IN_FLIGHT = 6  # pieces a worker may have waiting for it or waiting for the writer (a busy
# machine deschedules one process or the other for a while: the queue rides that out)
#: workers are used on machines with this many cores or more (one core: the writer alone).
#: On two, the worker and the writer share both cores with whatever else runs; on a busy
#: two-core machine the import of 1M events was faster with the worker in the median, slower
#: in the worst run (bench/README.md)
MIN_CORES = 2
_POLL_S = 0.5  # how often a writer waiting for a piece looks whether its worker is alive

# what a row of a piece says (the first two items of each are the line and one of these)
PROBLEM = 0  # (line, PROBLEM, problem): the row's shape or cells are wrong
HERE = 1  # (line, HERE, cells): to be checked by the writer
CHECKED = 2  # (line, CHECKED, uuid, keys, record, links, status, others)

# the links of a checked record, as the writer resolves them
_CALL, _LINKS, _BY_UUID, _DISTINCT = range(4)
_STAND_IN = -(1 << 62)  # stand-in ids count down from here: no real or dry-run id is this low


@dataclass(frozen=True)
class Setup:
    """What a worker needs to check rows: the table, the file's layout and how to read it."""

    table: str
    header: list[str]
    mapping: dict[str, int]
    preset_transform: Callable[[dict], dict] | None
    date_order: DateOrder | None
    encoding: str
    delimiter: str
    excel: bool
    statuses: bool  # the rows carry status cells (a file of commitments)


def worker_count() -> int:
    """The worker processes to start: one per core, less the writer's own."""
    return max(1, (os.cpu_count() or 1) - 1)


def can_check_in_parallel(
    lines: int, text: str | bytes, preset_transform: Callable | None, threshold: int | None = None
) -> bool:
    """Whether a file of so many lines is big enough to pay for worker processes, and can be
    handed to them: its text kept as bytes (UTF-8, Windows-1252; not a workbook) and a preset
    that is a module's function (it has to reach the workers); on MIN_CORES cores or more."""
    threshold = PARALLEL_FROM if threshold is None else threshold
    if lines < threshold or not isinstance(text, bytes) or (os.cpu_count() or 1) < MIN_CORES:
        return False
    try:
        pickle.dumps(preset_transform)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


# --- in a worker ---------------------------------------------------------------------------------
class DeferringResolver(Resolver):
    """A Resolver without a database: every actor, place, source and record a row names is
    given a stand-in id, and what the real Resolver would do for it is noted in `links`, in
    order, for the writer to do."""

    def __init__(self, date_order: DateOrder | None) -> None:
        super().__init__(None, date_order=date_order)  # type: ignore[arg-type]
        self.links: list[tuple] = []
        self._made = 0
        self._templates = False  # noting what a by_name call would do, not doing it
        # equal links given as one object: a piece is sent with each written once (most rows
        # of a file link to places and actors other rows link to as well)
        self._same: dict[tuple, tuple] = {}

    def begin_row(self) -> None:
        self.links = []
        self._made = 0

    def row_links(self) -> tuple:
        """The links of the row begun last, in order."""
        links = tuple(self.links)
        return self._same.setdefault(links, links)

    def _note(self, link: tuple) -> None:
        self.links.append(self._same.setdefault(link, link))

    def _stand_in(self) -> int:
        self._made += 1
        return _STAND_IN - self._made

    def _call(self, spec: tuple):
        if self._templates:
            return spec
        found = self._stand_in()
        self._note((_CALL, spec, found))
        return found

    def actor(self, text, column, kind=None, uuid=None):
        return self._call(("actor", text, column, kind, uuid))

    def place(self, name, country=None, latitude=None, longitude=None, admin1=None, *more, **by):
        precision, uuid = (*more, "exact", None)[:2] if more else ("exact", None)
        precision, uuid = by.get("precision", precision), by.get("uuid", uuid)
        return self._call(("place", name, country, latitude, longitude, admin1, precision, uuid))

    def source(self, url_or_title, uuid=None):
        return self._call(("source", url_or_title, uuid))

    def by_uuid(self, cls, cells, column, required=False):
        value = cells.get(column, "").strip()
        if not value:
            return super().by_uuid(cls, cells, column, required)
        found = self._stand_in()
        self._note((_BY_UUID, cls, column, value, found))
        return found

    def distinct(self, column, ids, what):
        if len(ids) > 1:
            self._note((_DISTINCT, column, tuple(ids), what))

    def resolve_links(
        self, cls, names_text, names, uuids, names_column, uuids_column, by_name, one=False
    ):
        if not uuids:
            return [by_name(name, None) for name in names]
        self._templates = True
        try:  # what by_name would be asked for a UUID the database does not know
            pairs = zip(names, uuids, strict=True) if len(names) == len(uuids) else ()
            templates = tuple(by_name(name, uuid) for name, uuid in pairs)
        finally:
            self._templates = False
        found = tuple(self._stand_in() for _ in uuids)
        columns = (names_column, uuids_column)
        parts = (tuple(names), tuple(uuids))
        self._note((_LINKS, cls, names_text, *parts, *columns, templates, one, found))
        return list(found)


def check_piece(setup: Setup, start: int, text: bytes, first_line: int, last: bool) -> tuple:
    """The rows of text (the file's text from offset start, beginning on line first_line;
    last: it runs to the end of the file), each checked as far as can be without a database.
    (start, end, rows, cut, problem): the first checked row carries the fields its cells
    have; cut is (offset, line) of a row the text ends inside (not last); problem is (line,
    reason) of a row that cannot be parsed, after which nothing more is read."""
    decoded = DecodedFile(text, setup.encoding, setup.delimiter, setup.excel)
    records = RecordReader(decoded, first_line)
    rows: list[tuple] = []
    cut = problem = None
    with no_collections():
        try:
            cut = _check_rows(setup, records, start, last, rows)
        except CsvRowProblem as error:
            feed = records.feed
            if feed.exhausted and not last:
                cut = (start + feed.record_start, feed.record_line)
            else:
                problem = (error.line, error.reason)
    return start, start + len(text), rows, cut, problem


def _check_rows(setup: Setup, records: RecordReader, start: int, last: bool, rows: list):
    """check_piece's rows, appended to rows; the (offset, line) of a row cut short."""
    feed = records.feed
    resolver = DeferringResolver(setup.date_order)
    skip = CHECKED_BY_BUILDER[setup.table]
    keys = None
    for line, row in records:
        if feed.exhausted and not last:
            return (start + feed.record_start, line)
        if not any(cell.strip() for cell in row):
            continue
        cells = row_cells(line, row, setup.header, setup.mapping, setup.preset_transform)
        if isinstance(cells, Problem):
            rows.append((line, PROBLEM, cells))
            continue
        checked = _check_row(setup, resolver, line, cells, skip)
        if keys is None and checked[1] == CHECKED:  # the fields the file covers
            keys = frozenset(cells)
            checked = (*checked[:3], keys, *checked[4:])
        rows.append(checked)
    return None


@contextlib.contextmanager
def no_collections() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: a piece's rows are many objects that all live
    until the piece is handed on, and each collection would go over all of them again (the
    rows hold no cycles; what cycles checking leaves are collected afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_row(setup: Setup, resolver: DeferringResolver, line: int, cells: dict, skip) -> tuple:
    resolver.begin_row()
    try:
        record = BUILDERS[setup.table](resolver, cells)
        status = None
        if setup.statuses:
            status = read_row_status(cells, row_date(resolver, cells, "status_date"))
    except ValueError:  # a RowError among them: the writer finds out which problems exactly
        return (line, HERE, cells)
    others = [(e.column, str(e)) for e in cell_problems(resolver, cells, skip)]
    uuid = cells.get("uuid", "").strip()
    return (line, CHECKED, uuid, None, record, resolver.row_links(), status, others)


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold Ctrl+C back while workers start, and raise it once they have: an interrupted
    start leaves a worker reading its set-up from a cut pipe, which prints a traceback.
    SIGINT is blocked on this thread, so the workers inherit the block: Ctrl+C in a terminal
    (sent to every process of the group) stops the writer only, and the writer ends them.
    On the main thread, a Ctrl+C that another thread takes is only noted until then."""
    held: list[int] = []
    block = getattr(signal, "pthread_sigmask", None)
    # (a handler set outside Python could not be put back: it is left as it is)
    noting = threading.current_thread() is threading.main_thread()
    noting = noting and signal.getsignal(signal.SIGINT) is not None
    before = block(signal.SIG_BLOCK, {signal.SIGINT}) if block else None
    handler = signal.signal(signal.SIGINT, lambda n, _f: held.append(n)) if noting else None
    try:
        yield
    finally:
        if noting:
            signal.signal(signal.SIGINT, handler)
        if block:
            block(signal.SIG_SETMASK, before)  # a Ctrl+C blocked until now arrives here
    if held:
        raise KeyboardInterrupt


def _worker_main(setup: Setup, pieces, results, parent_pid: int) -> None:
    from desktop_app.exchange.csv_export import die_with_parent

    die_with_parent(parent_pid)
    while (piece := pieces.get()) is not None:
        try:
            results.put(check_piece(setup, *piece))
        except BaseException as error:  # raised again in the writer
            try:
                pickle.dumps(error)
            except Exception:
                error = RuntimeError(f"a worker checking rows failed: {error!r}")
            results.put(error)
            return


# --- in the writer --------------------------------------------------------------------------------
def resolve(resolver: Resolver, line: int, record, links: list, others: list):
    """The record a worker checked, with its links resolved by the writer's resolver (in the
    order the builder made them); or, when a link cannot be made, the row's problems."""
    found: dict[int, int] = {}
    try:
        for link in links:
            _RESOLVE[link[0]](resolver, link, found)
    except RowError as error:
        first = Problem(line, error.column, str(error))
    except ValueError as error:
        first = Problem(line, guess_column(str(error)), str(error))
    else:
        return _with_ids(record, found) if found else record
    others = [Problem(line, column, why) for column, why in others if column != first.column]
    return [first, *others]


def _do(resolver: Resolver, spec: tuple) -> int:
    return getattr(resolver, spec[0])(*spec[1:])


def _resolve_call(resolver: Resolver, link: tuple, found: dict) -> None:
    found[link[2]] = _do(resolver, link[1])


def _resolve_links(resolver: Resolver, link: tuple, found: dict) -> None:
    _, cls, names_text, names, uuids, names_column, uuids_column, templates, one, stand_ins = link

    def by_name(name: str, uuid: str | None) -> int:  # (a UUID the database does not know)
        return _do(resolver, templates[list(zip(names, uuids, strict=True)).index((name, uuid))])

    columns = (names_column, uuids_column)
    ids = resolver.resolve_links(cls, names_text, names, uuids, *columns, by_name, one)
    found.update(zip(stand_ins, ids, strict=True))


def _resolve_by_uuid(resolver: Resolver, link: tuple, found: dict) -> None:
    _, cls, column, value, stand_in = link
    found[stand_in] = resolver.by_uuid(cls, {column: value}, column)


def _resolve_distinct(resolver: Resolver, link: tuple, found: dict) -> None:
    _, column, ids, what = link
    resolver.distinct(column, [_real(item, found) for item in ids], what)


_RESOLVE = {
    _CALL: _resolve_call,
    _LINKS: _resolve_links,
    _BY_UUID: _resolve_by_uuid,
    _DISTINCT: _resolve_distinct,
}


def _real(item, found: dict):
    if isinstance(item, tuple):
        return (found.get(item[0], item[0]), *item[1:])
    return found.get(item, item)


#: the fields of a record that hold ids of other records, and those that hold lists of them
_ID_FIELDS: dict[type, tuple[str, ...]] = {
    Event: ("place_id",),
    Commitment: ("origin_event_id", "quote_source_id"),
    StatusUpdate: ("commitment_id", "actor_id", "source_id", "evidence_event_id"),
    Statistic: ("place_id", "source_id"),
}
_ID_LISTS: dict[type, tuple[str, ...]] = {
    Event: ("actors", "source_ids"),
    Commitment: ("parties", "place_ids", "source_ids"),
}


def _with_ids(record, found: dict):
    """The record with its stand-in ids replaced by the ids found for them."""
    values = record.__dict__
    for name in _ID_FIELDS.get(type(record), ()):
        if values[name] in found:
            values[name] = found[values[name]]
    for name in _ID_LISTS.get(type(record), ()):
        if values[name]:
            values[name] = tuple(_real(item, found) for item in values[name])
    return record


def checked_rows(setup: Setup, text: bytes, workers: int | None = None) -> Iterator[tuple]:
    """The rows of a file's text (its header first) as the workers checked them, in file
    order (see the module's docstring); CsvRowProblem where a row cannot be parsed. Closing
    the iterator (a cancel, an error in the writer) stops the workers at once."""
    pool = _Workers(setup, workers or worker_count())
    try:
        yield from _in_order(pool, setup, text)
    finally:
        pool.stop()


def _pieces(text: bytes, start: int, line: int) -> Iterator[tuple[int, bytes, int, bool]]:
    """(start, text, first line, last) of pieces of about CHUNK_BYTES, cut after a line feed."""
    while start < len(text):
        end = text.find(b"\n", start + CHUNK_BYTES) + 1 or len(text)
        yield start, text[start:end], line, end == len(text)
        line += text.count(b"\n", start, end) + text.count(b"\r", start, end)
        line -= text.count(b"\r\n", start, end)
        start = end


def _in_order(pool: _Workers, setup: Setup, text: bytes) -> Iterator[tuple]:
    start, line = header_end(DecodedFile(text, setup.encoding, setup.delimiter, setup.excel))
    expected = (start, line)  # where the next row starts: the end of the rows taken so far
    for number, (piece_start, piece_end, last) in enumerate(pool.run(_pieces(text, start, line))):
        result = pool.result_of(number)  # (every result is taken, in turn)
        if piece_start != expected[0]:  # the piece before ended inside a row: read on from it
            at, line = expected
            result = check_piece(setup, at, text[at:piece_end], line, last)
        _start, end, rows, cut, problem = result
        yield from rows
        if problem is not None:
            raise CsvRowProblem(*problem)
        expected = cut or (end, None)


class _Workers:
    """The worker processes, each with a queue of pieces and a queue of results; piece n goes
    to worker n % count, so the results come back in order by taking them in turn."""

    def __init__(self, setup: Setup, count: int) -> None:
        from multiprocessing import get_context

        context = get_context("spawn")  # never fork a process that runs Qt and threads
        self._pieces = [context.Queue() for _ in range(count)]
        self._results = [context.Queue() for _ in range(count)]
        self._processes = [
            context.Process(
                target=_worker_main,
                args=(setup, self._pieces[n], self._results[n], os.getpid()),
                daemon=True,
            )
            for n in range(count)
        ]
        self._sent = 0
        try:
            with _no_interrupt():
                for process in self._processes:
                    process.start()
        except BaseException:  # a worker half started reads a cut pipe: end them all now
            self.stop()
            raise
        self._bounds: dict[int, tuple[int, int, bool]] = {}

    def run(self, pieces: Iterator[tuple]) -> Iterator[tuple[int, int, bool]]:
        """(start, end, last) of each piece, in order, once it is handed out; a few pieces
        are handed out ahead of the one asked for."""
        ahead = IN_FLIGHT * len(self._processes)
        taken = 0
        pieces = iter(pieces)
        exhausted = False
        while True:
            while not exhausted and self._sent < taken + ahead:
                piece = next(pieces, None)
                if piece is None:
                    exhausted = True
                    break
                start, text, _line, last = piece
                self._pieces[self._sent % len(self._processes)].put(piece)
                self._bounds[self._sent] = (start, start + len(text), last)
                self._sent += 1
            if taken >= self._sent:
                return
            yield self._bounds.pop(taken)
            taken += 1

    def result_of(self, number: int) -> tuple:
        """The result of piece number (every piece's result is taken once, in order)."""
        worker = number % len(self._processes)
        while True:
            try:
                with no_collections():
                    result = self._results[worker].get(timeout=_POLL_S)
            except queue.Empty:
                process = self._processes[worker]
                if not process.is_alive():
                    raise RuntimeError(
                        f"a worker checking rows ended unexpectedly (exit code {process.exitcode})"
                    ) from None
                continue
            if isinstance(result, BaseException):
                raise result
            return result

    def stop(self) -> None:
        """End every worker (at once: what it was doing is no longer wanted) and wait for it."""
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            if process.ident is None:  # never started
                continue
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
        for each in (*self._pieces, *self._results):
            each.cancel_join_thread()
            with contextlib.suppress(Exception):
                each.close()
