"""Starting the desktop app: QApplication, logging, error handling, the first database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app import APP_ID, APP_NAME, DESKTOP_ID, __version__


def create_application(language: str | None = None):
    """The QApplication, created once, with names that QSettings and the desktop use, speaking
    language (a code such as "fr"; None: the system's; English when there is no catalogue)."""
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"))
    ):
        # Without a display Qt would abort the process; say so instead.
        raise SystemExit(
            "commitment-tracker: no display found; set DISPLAY, or QT_QPA_PLATFORM=offscreen."
        )
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.import_speed import speed_up_imports

    speed_up_imports()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    from desktop_app.resources import resource

    icon = resource("icons", "commitment-tracker.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    from desktop_app.ui.gui_thread_gc import collect_on_gui_thread

    collect_on_gui_thread()  # never on a worker: see the module
    from desktop_app.ui.i18n import install_translators

    chosen = install_translators(app, language)
    if language and chosen != language.split("_")[0] and chosen != language:
        print(
            f"commitment-tracker: no {language!r} translation; the window stays in English.",
            file=sys.stderr,
        )
    return app


def initial_database(requested: str | None) -> Path:
    """The database to open: the one asked for, else the last one used, else the default."""
    from desktop_app.paths import default_database_path
    from desktop_app.ui.settings import LAST_DATABASE

    if requested:
        return Path(requested)
    last = LAST_DATABASE.read()
    if last and Path(last).exists():
        return Path(last)
    return default_database_path()


def run_gui(
    database: str | None = None, profile_stalls: bool = False, language: str | None = None
) -> int:
    app = create_application(language)
    from desktop_app.paths import default_database_path
    from desktop_app.ui.error_dialog import install_excepthook, setup_logging
    from desktop_app.ui.main_window import MainWindow

    setup_logging()
    install_excepthook()
    path = initial_database(database)
    if path == default_database_path() and not path.exists():
        from desktop_app.store.sample import open_or_seed

        open_or_seed(path).close()  # the first run seeds the default database
    window = MainWindow(path, open_after_first_paint=True)
    if profile_stalls:  # every stall over a frame goes to the log file
        from desktop_app.ui.stall_watchdog import StallWatchdog

        window.stall_watchdog = StallWatchdog(window, log=True)
        window.stall_watchdog.start()
    timing_start_up = bool(os.environ.get("COMMITMENT_TRACKER_REPORT_FIRST_PAINT"))
    if timing_start_up:
        report_first_paint_and_quit(window)  # used by bench/run.py to time start-up
    window.show()
    if not timing_start_up:  # (a dialog left open would keep the timed run from quitting)
        from desktop_app.ui.analyst import ask_once

        ask_once(window)  # the first start: the change log needs the analyst's name
    return app.exec()


def report_first_paint_and_quit(window) -> None:
    """Print the wall-clock time of the window's first paint, then quit (for benchmarks)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint {time.time():.6f}", flush=True)
                watched.removeEventFilter(self)
                QTimer.singleShot(0, window.close)
            return False

    window._first_paint_filter = FirstPaint(window)
    window.installEventFilter(window._first_paint_filter)
