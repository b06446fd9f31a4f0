"""The command line: a thin layer over store/ (and extract/, charts/ where a command needs them).

Exit codes: 0 success, 2 bad input or an unusable file (with a one-line reason on stderr).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable

from desktop_app import __version__
from desktop_app.domain.vocabulary import (
    CATEGORIES,
    CHART_NAMES,
    EXCHANGE_TABLES,
    EXPORT_ONLY_TABLES,
    IMPORT_PRESETS,
)
from desktop_app.store.errors import StoreError

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl+C
# The charts count month by month up to the as-of month, and charts/chart_data.py's month
# range runs past December 9999 (year 10000 has no date); until it stops there, so does this.
LAST_AS_OF = "9999-11-30"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commitment-tracker",
        description="Track diplomatic commitments, the events around them, and their status.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="database file to open (default: the one in your data folder)")
    parser.add_argument(
        "--lang",
        metavar="LANGUAGE",
        help="the window's language, e.g. fr or en (default: the system's, else English)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check the installed app offscreen on sample data, then exit",
    )
    parser.add_argument(
        "--profile-stalls",
        action="store_true",
        help="write every moment the window could not repaint for over 16 ms to the log",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_file_commands(commands)
    _add_exchange_commands(commands)
    _add_reading_commands(commands)
    _add_serve_command(commands)
    return parser


def _add_file_commands(commands) -> None:
    sample = commands.add_parser("sample", help="write a new database holding the sample data")
    sample.add_argument("path", help="where to write the new database")
    sample.set_defaults(run=_run_sample)

    check = commands.add_parser("check", help="report a database's health as JSON")
    check.add_argument("--db", required=True, help="the database file to check")
    check.set_defaults(run=_run_check)


def _add_exchange_commands(commands) -> None:
    export = commands.add_parser("export", help="write a table as CSV")
    export.add_argument("--db", required=True, help="the database to read")
    export.add_argument("--table", required=True, choices=EXCHANGE_TABLES + EXPORT_ONLY_TABLES)
    export.add_argument("-o", "--output", help="the CSV file to write (default: standard output)")
    export.add_argument(
        "--excel",
        action="store_true",
        help="Excel-friendly: BOM, CRLF, formula-looking cells neutralised",
    )
    export.set_defaults(run=_run_export)

    imp = commands.add_parser(
        "import", help="read a CSV file or an Excel sheet into a table (all or nothing)"
    )
    imp.add_argument("--db", required=True, help="the database to write")
    imp.add_argument("--table", required=True, choices=EXCHANGE_TABLES)
    imp.add_argument(
        "--preset",
        choices=IMPORT_PRESETS,
        default="native",
        help="native: our own export or a file laid out like it; acled: an ACLED event "
        "export; ucdp: a UCDP GED event file",
    )
    imp.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "cp1252", "utf-16"))
    imp.add_argument(
        "--date-order",
        choices=("day-first", "month-first", "iso"),
        help="how the file writes 03/04/2024 (default: guessed from a date that reads one way)",
    )
    imp.add_argument("--sheet", help="the sheet of an Excel workbook (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.add_argument(
        "--analyst",
        help="the name the change log records the import under (default: your login name)",
    )
    imp.add_argument("file", help="the CSV file or Excel workbook (.xlsx) to read")
    imp.set_defaults(run=_run_import)

    merge = commands.add_parser(
        "merge", help="merge a colleague's database into yours (one transaction, copy first)"
    )
    merge.add_argument("--db", required=True, help="your database, the one written")
    merge.add_argument("--from", dest="theirs", required=True, help="their database (only read)")
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would change, write nothing"
    )
    merge.set_defaults(run=_run_merge)


def _add_reading_commands(commands) -> None:
    render = commands.add_parser("render", help="draw a chart to a PNG or SVG file, offscreen")
    render.add_argument("--db", required=True, help="the database to read")
    render.add_argument("--chart", required=True, choices=CHART_NAMES)
    render.add_argument("-o", "--output", required=True, help="PNG or SVG file to write")
    render.add_argument("--as-of", help="date the chart shows, YYYY-MM-DD (default: today)")
    render.add_argument("--width", type=int, default=1200)
    render.add_argument("--height", type=int, default=700)
    render.set_defaults(run=_run_render)

    _add_brief_commands(commands)

    extract = commands.add_parser("extract", help="propose commitments found in an article")
    extract.add_argument("file", help="a text file holding the article ('-' for stdin)")
    extract.add_argument(
        "--date",
        help="publication date YYYY-MM-DD (default: the article's leading 'date YYYY-MM-DD' line)",
    )
    extract.add_argument("--json", action="store_true", help="print the candidates as JSON")
    extract.add_argument(
        "--kinds",
        default="commitment",
        help="comma-separated kinds to print: commitment, event, statistic, "
        "or all (default: commitment)",
    )
    extract.set_defaults(run=_run_extract)


def _add_brief_commands(commands) -> None:
    brief = commands.add_parser(
        "brief", help="write a brief (numbers, compliance, deadlines, charts) as PDF or HTML"
    )
    brief.add_argument("--db", required=True, help="the database to read")
    brief.add_argument("--as-of", help="date the brief describes, YYYY-MM-DD (default: today)")
    brief.add_argument(
        "--party",
        nargs="+",
        action="extend",
        metavar="ISO3",
        help="only commitments of these parties (ISO3 codes or names; default: all)",
    )
    brief.add_argument(
        "--category",
        nargs="+",
        action="extend",
        choices=CATEGORIES,
        help="only commitments in these categories (default: all)",
    )
    brief.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    brief.add_argument("-o", "--output", required=True, help="the .pdf or .html file to write")
    brief.set_defaults(run=_run_brief)

    calendar = commands.add_parser(
        "deadlines", help="write every commitment deadline to an iCalendar (.ics) file"
    )
    calendar.add_argument("--db", required=True, help="the database to read")
    calendar.add_argument("--as-of", help="date of the statuses shown, YYYY-MM-DD (default: today)")
    calendar.add_argument("-o", "--output", required=True, help="the .ics file to write")
    calendar.set_defaults(run=_run_deadlines)


def _add_serve_command(commands) -> None:
    serve = commands.add_parser(
        "serve", help="share a read-only copy of a database in the browser (Datasette)"
    )
    serve.add_argument("--db", required=True, help="the database to share (only read)")
    serve.add_argument("--port", type=int, help="the port to listen on (default: a free one)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this computer only); another "
        "lets other computers read the data and needs a password, typed when asked or in "
        "the variable COMMITMENT_TRACKER_SHARE_PASSWORD",
    )
    serve.add_argument("--title", help="the title readers see (default: the file's name)")
    serve.add_argument("--source", default="", help="where the data come from, in words")
    serve.add_argument("--source-url", default="", help="a link to that source")
    serve.add_argument("--licence", default="", help="the licence of the data, in words")
    serve.add_argument("--licence-url", default="", help="a link to that licence")
    serve.set_defaults(run=_run_serve)


def headless_qt_application():
    """A QApplication that draws offscreen when there is no display (no window is shown)."""
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["commitment-tracker"])


def run_cli(argv: list[str]) -> int:
    """Run a CLI command; return the exit code. Errors are one line on stderr, no traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except KeyboardInterrupt:
        # every write is one transaction and every output goes through a temporary file
        if getattr(args, "saved", False):  # Ctrl+C after the import's (or merge's) commit
            print(
                f"commitment-tracker: interrupted; the {args.command} was saved.", file=sys.stderr
            )
        else:
            print("commitment-tracker: interrupted; nothing was changed.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except StoreError as error:
        print(f"commitment-tracker: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.Error as error:
        print(f"commitment-tracker: {sqlite_sentence(error, args)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OverflowError as error:
        print(f"commitment-tracker: a date is out of range ({error}).", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as error:
        print(f"commitment-tracker: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def sqlite_sentence(error: sqlite3.Error, args: argparse.Namespace) -> str:
    """What an SQLite error during a command means for the user, in one sentence."""
    # an error raised while cleaning up after another (restoring triggers after SQLite rolled
    # back on a full disk, say) is not what the user needs to hear: the first one is
    while isinstance(error.__context__, sqlite3.Error):
        error = error.__context__
    where = getattr(args, "db", None) or getattr(args, "path", None) or "the database"
    # the sample command writes a new file; every other write is one transaction
    unchanged = "" if args.command == "sample" else "; nothing was changed"
    text = str(error)
    if "locked" in text or "busy" in text:
        return (
            f"{where} is being written by another program{unchanged}; "
            "try again when it has finished."
        )
    from desktop_app.store.database import disk_is_full

    if "full" in text or ("I/O" in text and disk_is_full(where)):
        return f"the disk holding {where} is full{unchanged}; free some space and try again."
    if "readonly" in text or "read-only" in text:
        return f"{where} cannot be written (the file or its folder is read-only){unchanged}."
    if "malformed" in text or "not a database" in text:
        return f"{where} is damaged (SQLite reports: {text}){unchanged}."
    return f"{where} could not be used (SQLite reports: {text}){unchanged}."


def _run_sample(args: argparse.Namespace) -> int:
    from desktop_app.store.sample import write_sample

    path = write_sample(args.path)
    print(f"Sample database written to {path}")
    return EXIT_OK


def _run_export(args: argparse.Namespace) -> int:
    from desktop_app.exchange.csv_export import (
        PARALLEL_FROM,
        export_rows,
        export_table,
        export_to_file,
        write_csv,
    )
    from desktop_app.store.database import database_path, open_read_only, refuse_overwriting

    if args.output:
        refuse_overwriting(args.db, args.output)
    db = open_read_only(args.db)
    try:
        # A big table of a file read directly is written by export_table's worker processes,
        # each with its own connection to the (checked) file; a private copy of an older file
        # exists only on this connection.
        parallel = (
            args.output
            and database_path(db) is not None
            and db.execute(f"SELECT 1 FROM {args.table} LIMIT 1 OFFSET {PARALLEL_FROM}").fetchone()
            is not None
        )
        if args.output and not parallel:
            count = export_to_file(export_rows(db, args.table), args.output, args.excel)
        elif not args.output:
            if args.excel:
                sys.stdout.write("\ufeff")
            sys.stdout.reconfigure(newline="")
            write_csv(export_rows(db, args.table), sys.stdout, args.excel)
            return EXIT_OK
    finally:
        db.close()
    if parallel:
        count = export_table(args.db, args.table, args.output, args.excel)
    print(f"{count} rows written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _run_import(args: argparse.Namespace) -> int:
    from desktop_app.exchange.csv_format import CsvProblem
    from desktop_app.session.imports import import_path, login_name
    from desktop_app.store.database import open_existing, open_private_copy

    # A dry run writes the rows it checks, then rolls back: on a private copy, so that the
    # file itself is only ever read. A real import first checks every page of the file: its
    # cost is of the order of the import's, and nothing is written on a damaged file.
    db = open_private_copy(args.db) if args.dry_run else open_existing(args.db, True)
    try:
        try:
            result = import_path(
                db,
                args.table,
                args.file,
                args.preset,
                encoding=args.encoding,
                dry_run=args.dry_run,
                sheet=args.sheet,
                date_order=args.date_order,
                analyst=args.analyst if args.analyst is not None else login_name(),
            )
        except CsvProblem as problem:
            print(f"commitment-tracker: {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
        args.saved = result.ok and not args.dry_run
    finally:
        db.close()
    if not result.ok:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(
            f"commitment-tracker: {len(result.problems)} problem(s); nothing was imported.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    verb = "would be" if args.dry_run else "were"
    print(
        f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged "
        f"({verb} imported)"
    )
    return EXIT_OK


def _run_merge(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.session.merging import (
        merge_from_file,
        plan_from_file,
        restorable_copy_path,
    )
    from desktop_app.store.database import open_existing, open_read_only, save_copy

    if args.dry_run:
        db = open_read_only(args.db)
        try:
            plan = plan_from_file(db, args.theirs)
        finally:
            db.close()
        _print_plan(plan, "would be merged; nothing was written")
        return EXIT_OK
    db = open_existing(args.db, True)
    try:
        copy = None
        if plan_from_file(db, args.theirs).writes_anything:
            copy = restorable_copy_path(Path(args.db))
            save_copy(db, copy)
        plan = merge_from_file(db, args.theirs)
        args.saved = True
    finally:
        db.close()
    _print_plan(plan, "merged")
    if copy is not None:
        print(f"The file as it was before the merge is kept in {copy}")
    return EXIT_OK


def _print_plan(plan, verb: str) -> None:
    print(f"{plan.summary(shown_conflicts=0).rstrip('.')} ({verb}).")
    if plan.added:
        print(f"  new: {plan.new_in_words()}")
    for conflict in plan.conflicts:
        print(f"  conflict: {conflict.sentence()}")


def _run_render(args: argparse.Namespace) -> int:
    as_of = _as_of(args.as_of)
    if not (100 <= args.width <= 10000 and 100 <= args.height <= 10000):
        raise ValueError("width and height must be between 100 and 10000 pixels")
    _app = headless_qt_application()
    from desktop_app.charts.render import render_chart

    path = render_chart(args.db, args.chart, args.output, as_of, args.width, args.height)
    print(f"{args.chart} chart written to {path}", file=sys.stderr)
    return EXIT_OK


def _as_of(text: str | None) -> str:
    """The --as-of date given, or today; one the charts can count up to."""
    from desktop_app.domain.dates import check_iso_date, today_iso

    as_of = check_iso_date(text) or today_iso()
    if as_of > LAST_AS_OF:
        raise ValueError(f"--as-of must be {LAST_AS_OF} or earlier")
    return as_of


def _run_brief(args: argparse.Namespace) -> int:
    from desktop_app.charts.brief_document import check_output
    from desktop_app.exchange.brief_content import BriefScope
    from desktop_app.store.database import open_read_only, refuse_overwriting

    scope = BriefScope(_as_of(args.as_of), tuple(args.party or ()), tuple(args.category or ()))
    check_output(args.output, args.page_size)
    refuse_overwriting(args.db, args.output)
    _app = headless_qt_application()  # the charts are drawn by widgets, offscreen
    from desktop_app.charts.brief_document import write_brief

    db = open_read_only(args.db)
    try:
        written = write_brief(db, scope, args.output, args.page_size)
    finally:
        db.close()
    pages = f" ({written.pages} pages)" if written.pages else ""
    print(f"Brief as of {scope.as_of} written to {written.path}{pages}", file=sys.stderr)
    return EXIT_OK


def _run_deadlines(args: argparse.Namespace) -> int:
    from desktop_app.exchange.deadlines_ics import write_deadlines_calendar
    from desktop_app.store.database import open_read_only, refuse_overwriting

    as_of = _as_of(args.as_of)
    refuse_overwriting(args.db, args.output)
    db = open_read_only(args.db)
    try:
        count = write_deadlines_calendar(db, as_of, args.output)
    finally:
        db.close()
    print(f"{count} deadlines written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _run_extract(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.domain.dates import check_iso_date
    from desktop_app.extract.extractor import extract

    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    kinds = (
        {"commitment", "event", "statistic"}
        if args.kinds == "all"
        else set(k.strip() for k in args.kinds.split(","))
    )
    candidates = [c for c in extract(text, check_iso_date(args.date)) if c.kind in kinds]
    if args.json:
        print(json.dumps([c.as_json() for c in candidates], indent=2, ensure_ascii=False))
        return EXIT_OK
    for c in candidates:
        when = f" · deadline {c.deadline}" if c.deadline else ""
        print(f"[{c.kind}] {c.title} ({', '.join(c.parties)}){when}")
    return EXIT_OK


def _run_serve(args: argparse.Namespace) -> int:
    from desktop_app.publish.serve_command import serve

    return serve(args)


def _run_check(args: argparse.Namespace) -> int:
    from desktop_app.store.health import health_report

    report = health_report(args.db)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if not report["healthy"]:
        print(f"commitment-tracker: {report['problem']}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
