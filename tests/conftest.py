"""Shared fixtures. Qt runs offscreen: without a display Qt would abort the whole run."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop_app.store.database import open_database
from desktop_app.store.sample import load_sample


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def sample_db(db):
    load_sample(db)
    return db


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Keep QSettings and the default database of tests out of the real user folders."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window, shown, on a new sample database, as of 2024-12-31."""
    from PySide6.QtCore import QSettings

    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow

    QSettings().clear()
    main = MainWindow(write_sample(tmp_path / "sample.db"))
    qtbot.addWidget(main)
    main.set_as_of("2024-12-31")
    main.show()
    return main


@pytest.fixture(scope="session", autouse=True)
def _cycles_collected_on_the_gui_thread(qapp):
    """As in the app (ui/app.py): Python's cycle collector runs on the GUI thread only."""
    from desktop_app.ui.gui_thread_gc import collect_on_gui_thread

    collect_on_gui_thread()
