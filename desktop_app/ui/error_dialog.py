"""Unexpected errors: logged with their traceback, shown to the user as one clear message."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.paths import log_file_path
from desktop_app.ui.i18n import translate

log = logging.getLogger("commitment_tracker")


def setup_logging() -> None:
    path = log_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def install_excepthook() -> None:
    """Replace Python's traceback-on-stderr with a logged error and a dialog."""

    def hook(kind, value, tb) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        QMessageBox.critical(
            QApplication.activeWindow(),
            translate("ErrorDialog", "Something went wrong"),
            translate(
                "ErrorDialog",
                "The last action failed: {error}.\n\n"
                "Your data is safe: every change is saved in a transaction, and an action that "
                "fails is not written. Details are in the log file:\n{log}",
            ).format(error=value or kind.__name__, log=log_file_path()),
        )

    sys.excepthook = hook
