"""Every setting the app keeps between runs, declared once with its key and default.

Values live in QSettings (the platform's usual place). Nothing else in the app names a key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    """One stored value: raw (bytes, text) or, with as_json, a list or dict kept as JSON."""

    key: str
    default: object = None
    as_json: bool = False

    def read(self):
        value = QSettings().value(self.key)
        if value is None:
            return self.default
        if self.as_json:
            try:
                return json.loads(value)
            except (TypeError, ValueError):
                return self.default  # damaged by hand: start again from the default
        return value

    def write(self, value) -> None:
        QSettings().setValue(self.key, json.dumps(value) if self.as_json else value)


LAST_DATABASE = Setting("last_database")
WINDOW_GEOMETRY = Setting("window/geometry")
WINDOW_STATE = Setting("window/state")
WINDOW_SPLITTER = Setting("window/splitter")
RECENT_FILES = Setting("recent_files", default=[], as_json=True)
SAVED_VIEWS = Setting("saved_views", default={}, as_json=True)
#: the analyst's name, asked once: the change log records it with every change
ANALYST_NAME = Setting("analyst_name", default="")
#: the column mapping last imported with, by table and header: {signature: {field: column}}
IMPORT_MAPPINGS = Setting("import_mappings", default={}, as_json=True)


def dialog_geometry(dialog_name: str) -> Setting:
    return Setting(f"dialogs/{dialog_name}/geometry")


def table_layout(table_name: str) -> Setting:
    return Setting(f"tables/v2/{table_name}")
