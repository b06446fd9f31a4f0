"""`commitment-tracker serve`: share a read-only copy of a database until Ctrl+C."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from desktop_app.publish.metadata import Publication
from desktop_app.publish.server import (
    READER,
    ReadOnlyServer,
    ServeOptions,
    ShareError,
    is_loopback,
)

PASSWORD_VARIABLE = "COMMITMENT_TRACKER_SHARE_PASSWORD"
EXIT_OK = 0
EXIT_FAILED = 2


def network_warning(host: str) -> str:
    return (
        f"Warning: listening on {host or 'every address'}: anyone who can reach this "
        f"computer on the network and knows the password (user '{READER}') can read the "
        "whole database. The connection is not encrypted (plain HTTP)."
    )


def _password(host: str) -> str | None:
    """The password readers must type, for a server off loopback: from the environment, or
    asked on the terminal (never an argument, which other users could read in `ps`)."""
    if is_loopback(host):
        return None
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if not password and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"Password readers must type (user '{READER}'): ")
    if not password:
        raise ShareError(
            f"Listening on {host or 'every address'} needs a password: type it when asked, "
            f"or set {PASSWORD_VARIABLE}."
        )
    return password


def _stop_on_terminate(_signal, _frame) -> None:
    # `kill` or a service manager ends us with SIGTERM: stop Datasette as Ctrl+C would,
    # rather than leave it serving with nobody to stop it
    raise KeyboardInterrupt


def serve(args: argparse.Namespace) -> int:
    """Serve args.db read-only until Ctrl+C (or SIGTERM); the exit code of the command."""
    signal.signal(signal.SIGTERM, _stop_on_terminate)
    if args.port is not None and not 1 <= args.port <= 65535:
        raise ValueError("--port must be between 1 and 65535")
    publication = Publication(
        title=args.title or Path(args.db).stem,
        source=args.source or f"Commitment Tracker database {Path(args.db).name}",
        source_url=args.source_url,
        licence=args.licence,
        licence_url=args.licence_url,
    )
    server: ReadOnlyServer | None = None
    try:
        options = ServeOptions(args.host, args.port, _password(args.host), publication)
        if not is_loopback(args.host):
            print(network_warning(args.host), file=sys.stderr)
        server = ReadOnlyServer(args.db, options)
        url = server.start()
        print(f"Serving a read-only copy of {args.db} at {url}", flush=True)
        print("Changes made to the file from now on are not shown. Ctrl+C stops.", file=sys.stderr)
        code = server.wait()
        print(f"commitment-tracker: the server stopped on its own (code {code}).", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("Stopped; the database was not changed.", file=sys.stderr)
        return EXIT_OK
    except ShareError as error:
        print(f"commitment-tracker: {error}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if server is not None:
            server.stop()
