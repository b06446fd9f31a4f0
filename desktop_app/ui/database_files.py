"""File menu actions on database files: open, new, save a copy, the sample, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop_app.store.errors import StoreError
from desktop_app.ui import settings
from desktop_app.ui.i18n import translate

#: the file dialogs' filter, translated where shown (merge_dialog.py uses it too)
FILTER = QT_TRANSLATE_NOOP(
    "DatabaseFiles", "Commitment Tracker databases (*.db *.sqlite);;All files (*)"
)


def dialog_folder(window) -> Path:
    return window.database_path.parent if window.database_path else Path.home()


def choose_database(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        translate("DatabaseFiles", "Open database"),
        str(dialog_folder(window)),
        translate("DatabaseFiles", FILTER),
    )
    if path:
        window.open_path_with_message(path)


def new_database(window) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("DatabaseFiles", "New database"),
        str(dialog_folder(window) / "commitments.db"),
        translate("DatabaseFiles", FILTER),
    )
    if not path:
        return
    if Path(path).exists():
        QMessageBox.warning(
            window,
            translate("DatabaseFiles", "New database"),
            translate(
                "DatabaseFiles", "{path} already exists; choose a new name for an empty database."
            ).format(path=path),
        )
        return
    window.open_path_with_message(path)


def save_a_copy(window) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("DatabaseFiles", "Save a copy"),
        str(dialog_folder(window) / "commitments-copy.db"),
        translate("DatabaseFiles", FILTER),
    )
    if not path:
        return
    target = Path(path)
    if target.exists() and target.samefile(window.database_path):
        QMessageBox.warning(
            window,
            translate("DatabaseFiles", "Save a copy"),
            translate("DatabaseFiles", "That is the open file; choose another name."),
        )
        return
    _copy_in_background(window, target)


def _copy_in_background(window, target: Path) -> None:
    """Copy the open file on a worker (a big one takes seconds) behind progress and Cancel,
    into a temporary file renamed at the end: a failed or cancelled copy leaves nothing."""
    import os
    import tempfile

    from desktop_app.session.session import CopyCancelled, Session
    from desktop_app.ui.worker import run_with_progress, with_own_connection

    def work(db, report):
        fd, temporary = tempfile.mkstemp(prefix=".copy-", suffix=".db", dir=target.parent)
        os.close(fd)
        try:
            Session.copy_to(db, Path(temporary), report)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def done(_result) -> None:
        window.statusBar().showMessage(
            translate("DatabaseFiles", "Copy saved to {target}").format(target=target), 5000
        )

    def failed(error) -> None:
        if isinstance(error, CopyCancelled):
            window.statusBar().showMessage(
                translate("DatabaseFiles", "Copy cancelled; nothing was written."), 5000
            )
        elif isinstance(error, StoreError | OSError):
            QMessageBox.warning(window, translate("DatabaseFiles", "Save a copy"), str(error))
        else:
            raise error

    path = window.session.path
    run_with_progress(
        window,
        translate("DatabaseFiles", "Saving a copy…"),
        with_own_connection(path, work),
        done,
        failed,
    )


def open_sample(window) -> None:
    """Open the sample database in the user data folder, writing it on first use."""
    from desktop_app.paths import user_data_dir
    from desktop_app.store.sample import write_sample

    path = user_data_dir() / "sample.db"
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_sample(path)
        except (StoreError, OSError) as error:
            QMessageBox.warning(
                window, translate("DatabaseFiles", "Open sample database"), str(error)
            )
            return
    window.open_path_with_message(path)


class RecentFiles:
    """File > Open Recent, kept in QSettings."""

    MAX = 8

    def __init__(self, menu: QMenu, open_path) -> None:
        self.menu = menu
        self.open_path = open_path

    def paths(self) -> list[str]:
        recent = settings.RECENT_FILES.read()
        return [str(p) for p in recent] if isinstance(recent, list) else []

    def remember(self, path: Path) -> None:
        recent = [p for p in self.paths() if p != str(path)]
        recent.insert(0, str(path))
        recent = recent[: self.MAX]
        settings.RECENT_FILES.write(recent)
        self.menu.clear()
        for entry in recent:
            action = QAction(entry, self.menu)
            action.triggered.connect(lambda _=False, p=entry: self.open_path(p))
            self.menu.addAction(action)
