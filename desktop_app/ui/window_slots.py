"""What each command of the main window does (the commands are declared, with their names,
keys and menus, in ui/window_actions.py): a name-to-callable table for one window."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module

from desktop_app.domain.dates import today_iso
from desktop_app.ui import database_files, help_dialogs, record_actions


def window_slots(window) -> dict[str, Callable[[], object]]:
    """The callable behind each command name, bound to window. The dialogs' modules are
    imported on first use, not while the window is built (about 50 ms before the first paint)."""
    edits = {
        name: partial(getattr(record_actions, name), window) for name in record_actions.WINDOW_EDITS
    }
    return edits | {
        "new_db": partial(database_files.new_database, window),
        "open": partial(database_files.choose_database, window),
        "save_copy": partial(database_files.save_a_copy, window),
        "import": _later("csv_dialogs", "run_import", window),
        "export": _later("export_dialog", "run_export", window),
        "export_chart": _later("chart_export", "export_chart", window),
        "export_brief": _later("brief_dialog", "run_export_brief", window),
        "export_deadlines": _later("brief_dialog", "run_export_deadlines", window),
        "share": _later("share_dialog", "show_share_dialog", window),
        "place_names": _later("place_names", "edit_place_names", window),
        "merge": _later("merge_dialog", "run_merge", window),
        "merge_conflicts": _later("merge_conflicts_dialog", "show_conflicts", window),
        "quit": window.close,
        "from_article": partial(record_actions.new_from_article, window),
        "edit": partial(record_actions.edit_selected, window),
        "delete": partial(record_actions.delete_selected, window),
        "find": window.focus_search,
        "refresh": window.refresh,
        "save_view": window.save_current_view,
        "clear_filter": window.clear_filter,
        "about": partial(help_dialogs.show_about, window),
        "definitions": partial(help_dialogs.show_definitions, window),
        "sample": partial(database_files.open_sample, window),
        "today": lambda: window.set_as_of(today_iso()),
    }


def _later(module: str, function: str, window) -> Callable[[], object]:
    """A command that imports desktop_app.ui.<module> when it is first run, then calls
    its function with the window."""

    def run() -> object:
        return getattr(import_module(f"desktop_app.ui.{module}"), function)(window)

    return run
