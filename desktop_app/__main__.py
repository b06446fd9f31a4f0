"""Entry point: `commitment-tracker` or `python -m desktop_app`.

With a command (sample, check, ...) it runs the CLI; without one it starts the desktop app.
"""

from __future__ import annotations

import sys

from desktop_app.cli import build_parser, run_cli


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a spawned child process of the frozen app starts here
        import multiprocessing  # (7 ms of every start otherwise)

        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run-datasette"]:  # the Datasette child of a share (publish/server.py)
        from desktop_app.publish.server import run_datasette

        return run_datasette(argv[1:])
    args, _unknown = build_parser().parse_known_args(argv)
    if args.command:
        return run_cli(argv)
    if args.smoke_test:
        from desktop_app.smoke_test import run_smoke_test

        return run_smoke_test()
    from desktop_app.ui.app import run_gui

    return run_gui(database=args.db, profile_stalls=args.profile_stalls, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
