"""The command line: a thin layer over store/ (and extract/, charts/ where a command needs them).

Exit codes: 0 success, 2 bad input or an unusable file (with a one-line reason on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from desktop_app import __version__
from desktop_app.store.errors import StoreError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commitment-tracker",
        description="Track diplomatic commitments, the events around them, and their status.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="database file to open (default: the one in your data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sample = commands.add_parser("sample", help="write a new database holding the sample data")
    sample.add_argument("path", help="where to write the new database")
    sample.set_defaults(run=_run_sample)

    check = commands.add_parser("check", help="report a database's health as JSON")
    check.add_argument("--db", required=True, help="the database file to check")
    check.set_defaults(run=_run_check)
    return parser


def run_cli(argv: list[str]) -> int:
    """Run a CLI command; return the exit code. Errors are one line on stderr, no traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except StoreError as error:
        print(f"commitment-tracker: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as error:
        print(f"commitment-tracker: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _run_sample(args: argparse.Namespace) -> int:
    from desktop_app.store.sample import write_sample

    path = write_sample(args.path)
    print(f"Sample database written to {path}")
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    from desktop_app.store.health import health_report

    report = health_report(args.db)
    print(json.dumps(report, indent=2))
    if not report["healthy"]:
        print("commitment-tracker: the database failed its integrity check.", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
