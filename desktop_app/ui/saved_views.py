"""View > Saved views: named filters the user can recall, kept in QSettings."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

from desktop_app.store.queries import CommitmentFilter
from desktop_app.ui import settings
from desktop_app.ui.i18n import translate


def filter_to_dict(flt: CommitmentFilter) -> dict:
    return dataclasses.asdict(flt)


def filter_from_dict(data: dict) -> CommitmentFilter:
    known = {f.name for f in dataclasses.fields(CommitmentFilter)}
    values = {k: v for k, v in data.items() if k in known}
    values["statuses"] = tuple(values.get("statuses") or ())
    values["place_ids"] = tuple(values.get("place_ids") or ())
    return CommitmentFilter(**values)


class SavedViews:
    def __init__(self, menu: QMenu, save_action: QAction, recall) -> None:
        self.menu = menu
        self.save_action = save_action
        self.recall = recall
        self.rebuild_menu()

    def all(self) -> dict[str, dict]:
        views = settings.SAVED_VIEWS.read()
        return dict(views) if isinstance(views, dict) else {}

    def get(self, name: str) -> CommitmentFilter | None:
        data = self.all().get(name)
        return None if data is None else filter_from_dict(data)

    def save(self, flt: CommitmentFilter, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(
                self.menu.parentWidget(),
                translate("SavedViews", "Save view"),
                translate("SavedViews", "Name of this view:"),
            )
            if not ok or not name.strip():
                return
        views = self.all()
        views[name.strip()] = filter_to_dict(flt)
        settings.SAVED_VIEWS.write(views)
        self.rebuild_menu()

    def rebuild_menu(self) -> None:
        self.menu.clear()
        self.menu.addAction(self.save_action)
        views = self.all()
        if views:
            self.menu.addSeparator()
        for name in sorted(views):
            action = QAction(name, self.menu)
            action.triggered.connect(lambda _=False, n=name: self.recall(n))
            self.menu.addAction(action)
