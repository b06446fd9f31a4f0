"""What each command of the main window does (the commands are declared, with their names,
keys and menus, in ui/window_actions.py): a name-to-callable table for one window."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from desktop_app.domain.dates import today_iso
from desktop_app.ui import database_files, help_dialogs, record_actions


def window_slots(window) -> dict[str, Callable[[], object]]:
    """The callable behind each command name, bound to window."""
    from desktop_app.ui import (
        brief_dialog,
        chart_export,
        csv_dialogs,
        export_dialog,
        merge_dialog,
        place_names,
        share_dialog,
    )

    edits = {
        name: partial(getattr(record_actions, name), window) for name in record_actions.WINDOW_EDITS
    } | brief_dialog.slots(window)  # File > Export brief…, Export deadlines (.ics)…
    return edits | {
        "new_db": partial(database_files.new_database, window),
        "open": partial(database_files.choose_database, window),
        "save_copy": partial(database_files.save_a_copy, window),
        "import": lambda: csv_dialogs.run_import(window),
        "export": partial(export_dialog.run_export, window),
        "export_chart": partial(chart_export.export_chart, window),
        "share": partial(share_dialog.show_share_dialog, window),
        "place_names": partial(place_names.edit_place_names, window),
        **merge_dialog.slots(window),  # File > Merge…, View > Merge conflicts
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
