"""Where the user's data lives by default (platformdirs), and the log file."""

from __future__ import annotations

from pathlib import Path

from desktop_app import APP_ID


def user_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "commitments.db"


def log_file_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False)) / "commitment-tracker.log"
