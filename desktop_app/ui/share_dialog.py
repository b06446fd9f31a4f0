"""File > Share read-only…: serve a read-only snapshot of the open database with Datasette, show
its address as a link, and stop it on request, when the window closes or when the app quits.

The server starts off the GUI thread (a snapshot, then Datasette's start-up: a second or two);
while it starts, the button cancels.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.publish.metadata import Publication
from desktop_app.publish.serve_command import network_warning
from desktop_app.publish.server import (
    INSTALL_HINT,
    READER,
    ReadOnlyServer,
    ServeOptions,
    ShareCancelled,
    datasette_available,
)
from desktop_app.ui.i18n import translate
from desktop_app.ui.worker import Task, run_in_background

NOT_SHARING = QT_TRANSLATE_NOOP(  # translated where shown
    "ShareDialog", "Not shared. Readers would see the file as it is when you press Share."
)
NETWORK_HOST = "0.0.0.0"


class ShareDialog(QDialog):
    """Start and stop one read-only server for the window's database."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("ShareDialog")
        self.setWindowTitle(translate("ShareDialog", "Share read-only"))
        self.owner_window = window
        self.server: ReadOnlyServer | None = None
        self.task: Task | None = None
        self._build()
        window.installEventFilter(self)  # the window closing stops the server
        QApplication.instance().aboutToQuit.connect(self.stop_server)

    def _build(self) -> None:
        intro = QLabel(
            translate(
                "ShareDialog",
                "Colleagues without the app can read a copy of this database in their browser, "
                "with its statuses in words, facets and ready-made queries. Nobody can change it.",
            )
        )
        intro.setWordWrap(True)
        self.title = QLineEdit()
        self.licence = QLineEdit()
        self.licence.setPlaceholderText(translate("ShareDialog", "e.g. CC BY 4.0 (optional)"))
        self.network = QCheckBox(
            translate("ShareDialog", "Let other computers on the network read it")
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            translate("ShareDialog", "readers type it, with the user name '{reader}'").format(
                reader=READER
            )
        )
        self.warning = QLabel(network_warning("the network"))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #D55E00;")
        self.network.toggled.connect(self._network_toggled)
        self.status = QLabel(translate("ShareDialog", NOT_SHARING))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setOpenExternalLinks(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.share_button = QPushButton(translate("ShareDialog", "&Share"))
        self.share_button.clicked.connect(self._share_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.share_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.hide)  # closing the dialog keeps sharing
        form = QFormLayout()
        form.addRow(translate("ShareDialog", "&Title"), self.title)
        form.addRow(translate("ShareDialog", "&Licence"), self.licence)
        form.addRow("", self.network)
        form.addRow(translate("ShareDialog", "&Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._network_toggled(False)
        self.resize(560, 0)

    def prepare(self) -> None:
        """Fill the title from the open file, unless the user typed one."""
        path = self.owner_window.database_path
        if path is not None and not self.title.text() and self.server is None:
            self.title.setText(Path(path).stem)

    def _network_toggled(self, on: bool) -> None:
        self.password.setEnabled(on)
        self.warning.setVisible(on)

    def _share_clicked(self) -> None:
        if self.task is not None:  # starting: the button cancels
            self.task.cancelled.set()
        elif self.server is not None:
            self.stop_server()
        else:
            self.start_server()

    def start_server(self) -> None:
        path = self.owner_window.database_path
        if path is None:
            self._show(translate("ShareDialog", "Open a database first."))
            return
        if not datasette_available():
            self._show(INSTALL_HINT)
            return
        if self.network.isChecked() and not self.password.text():
            self._show(
                translate(
                    "ShareDialog", "Type a password: readers on the network will be asked for it."
                )
            )
            return
        options = ServeOptions(
            host=NETWORK_HOST if self.network.isChecked() else "127.0.0.1",
            password=self.password.text() if self.network.isChecked() else None,
            publication=Publication(
                title=self.title.text().strip() or Path(path).stem,
                source=f"Commitment Tracker database {Path(path).name}",
                licence=self.licence.text().strip(),
            ),
        )
        server = ReadOnlyServer(path, options)
        self._show(
            translate("ShareDialog", "Copying {name} and starting the server…").format(
                name=Path(path).name
            )
        )
        self.share_button.setText(translate("ShareDialog", "&Cancel"))
        self._set_inputs_enabled(False)
        self.task = run_in_background(
            self, server.start, lambda url: self._started(server, url), self._failed
        )

    def _started(self, server: ReadOnlyServer, url: str) -> None:
        self.task = None
        self.server = server
        taken = datetime.now().strftime("%H:%M")
        login = (
            translate("ShareDialog", " (user <b>{reader}</b> and your password)").format(
                reader=READER
            )
            if server.options.password
            else ""
        )
        self._show(
            translate(
                "ShareDialog",
                "Shared at {link}{login}.<br>Readers see {name} as it was at {time}: "
                "to show later changes, stop and share again.",
            ).format(
                link=f'<a href="{url}">{url}</a>',
                login=login,
                name=html.escape(server.database.name),
                time=taken,
            )
        )
        self.share_button.setText(translate("ShareDialog", "&Stop sharing"))

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._set_inputs_enabled(True)
        self.share_button.setText(translate("ShareDialog", "&Share"))
        if isinstance(error, ShareCancelled):
            self._show(translate("ShareDialog", NOT_SHARING))
        else:
            self._show(translate("ShareDialog", "Could not share: {error}").format(error=error))

    def stop_server(self) -> None:
        """Stop the server (and a start under way); safe when nothing runs."""
        if self.task is not None:
            self.task.cancelled.set()  # the worker stops what it started
        if self.server is not None:
            self.server.stop()
            self.server = None
        self._set_inputs_enabled(True)
        self.share_button.setText(translate("ShareDialog", "&Share"))
        self._show(translate("ShareDialog", NOT_SHARING))

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.title, self.licence, self.network):
            widget.setEnabled(enabled)
        self.password.setEnabled(enabled and self.network.isChecked())

    def _show(self, text: str) -> None:
        self.status.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.owner_window and event.type() == QEvent.Type.Close:
            self.stop_server()
        return False


def show_share_dialog(window) -> ShareDialog:
    """File > Share read-only…: the window's one share dialog, shown (made the first time)."""
    dialog = window.findChild(ShareDialog)
    if dialog is None:
        dialog = ShareDialog(window)
    dialog.prepare()
    dialog.show()
    dialog.raise_()
    return dialog
