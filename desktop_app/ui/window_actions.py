"""The main window's commands: each action declared once with its text, shortcut and tip, and
the menus and toolbar that show them. The window hands over the slots; nothing here reads the
window's state."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from desktop_app.ui.i18n import translate

KEYS = QKeySequence.StandardKey


@dataclass(frozen=True)
class Command:
    name: str
    text: str
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""


COMMANDS = (
    Command("new_db", QT_TRANSLATE_NOOP("Commands", "&New database…"), "Ctrl+Shift+N"),
    Command("open", QT_TRANSLATE_NOOP("Commands", "&Open…"), KEYS.Open),
    Command("save_copy", QT_TRANSLATE_NOOP("Commands", "Save a &copy…"), "Ctrl+Shift+S"),
    Command("import", QT_TRANSLATE_NOOP("Commands", "&Import CSV…"), "Ctrl+I"),
    Command("export", QT_TRANSLATE_NOOP("Commands", "&Export CSV…"), "Ctrl+Shift+E"),
    Command("export_chart", QT_TRANSLATE_NOOP("Commands", "Export c&hart…")),
    Command(
        "export_brief",
        QT_TRANSLATE_NOOP("Commands", "Export &brief…"),
        "Ctrl+Shift+B",
        QT_TRANSLATE_NOOP(
            "Commands",
            "A report to hand on: numbers, compliance, deadlines and charts, as PDF or HTML",
        ),
    ),
    Command(
        "export_deadlines",
        QT_TRANSLATE_NOOP("Commands", "Export &deadlines (.ics)…"),
        None,
        QT_TRANSLATE_NOOP("Commands", "Deadlines for a calendar"),
    ),
    Command(
        "share",
        QT_TRANSLATE_NOOP("Commands", "&Share read-only…"),
        None,
        QT_TRANSLATE_NOOP("Commands", "Let colleagues read this database in a browser"),
    ),
    Command(
        "merge",
        QT_TRANSLATE_NOOP("Commands", "&Merge from another database…"),
        None,
        QT_TRANSLATE_NOOP("Commands", "Bring a colleague's file into this one"),
    ),
    Command(
        "merge_conflicts",
        QT_TRANSLATE_NOOP("Commands", "Merge co&nflicts"),
        None,
        QT_TRANSLATE_NOOP("Commands", "The values merges set aside"),
    ),
    Command("quit", QT_TRANSLATE_NOOP("Commands", "&Quit"), KEYS.Quit),
    Command(
        "new_commitment",
        QT_TRANSLATE_NOOP("Commands", "New &commitment…"),
        "Ctrl+N",
        QT_TRANSLATE_NOOP("Commands", "Record a new commitment"),
    ),
    Command("new_event", QT_TRANSLATE_NOOP("Commands", "New &event…"), "Ctrl+E"),
    Command("new_statistic", QT_TRANSLATE_NOOP("Commands", "New reported &statistic…")),
    Command(
        "from_article",
        QT_TRANSLATE_NOOP("Commands", "New from &article…"),
        "Ctrl+Shift+V",
        QT_TRANSLATE_NOOP("Commands", "Paste a news article and pick the commitments it reports"),
    ),
    Command(
        "update_status",
        QT_TRANSLATE_NOOP("Commands", "Update s&tatus…"),
        "Ctrl+U",
        QT_TRANSLATE_NOOP("Commands", "Record a new status"),
    ),
    Command(
        "change_analyst",
        QT_TRANSLATE_NOOP("Commands", "Analyst na&me…"),
        None,
        QT_TRANSLATE_NOOP("Commands", "Your name, as the change log records it"),
    ),
    Command("edit", QT_TRANSLATE_NOOP("Commands", "Ed&it selected…"), "Ctrl+Return"),
    Command("delete", QT_TRANSLATE_NOOP("Commands", "&Delete"), KEYS.Delete),
    Command(
        "place_names",
        QT_TRANSLATE_NOOP("Commands", "Place &names…"),
        None,
        QT_TRANSLATE_NOOP("Commands", "Correct a place's name or its local name"),
    ),
    Command("find", QT_TRANSLATE_NOOP("Commands", "&Find"), KEYS.Find),
    Command("refresh", QT_TRANSLATE_NOOP("Commands", "&Refresh"), KEYS.Refresh),
    Command("save_view", QT_TRANSLATE_NOOP("Commands", "&Save current view…")),
    Command("clear_filter", QT_TRANSLATE_NOOP("Commands", "C&lear filter"), "Ctrl+L"),
    Command("about", QT_TRANSLATE_NOOP("Commands", "&About")),
    Command("definitions", QT_TRANSLATE_NOOP("Commands", "&Status definitions")),
    Command("sample", QT_TRANSLATE_NOOP("Commands", "Open sa&mple database")),
    Command(
        "today",
        QT_TRANSLATE_NOOP("Commands", "Today"),
        "Ctrl+T",
        QT_TRANSLATE_NOOP("Commands", "Show statuses as they stand today"),
    ),
)

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Menus", "&File"),
     ("new_db", "open", "@recent", "save_copy", "-", "import", "export", "export_chart",
      "export_brief", "export_deadlines", "-", "share", "merge", "-", "quit")),
    (QT_TRANSLATE_NOOP("Menus", "&Edit"),
     ("undo", "redo", "-", "new_commitment", "new_event", "new_statistic", "from_article", "-",
      "update_status", "edit", "delete", "-", "place_names", "-", "find", "change_analyst")),
    (QT_TRANSLATE_NOOP("Menus", "&View"),
     ("@tabs", "-", "refresh", "clear_filter", "@views", "-", "merge_conflicts")),
    (QT_TRANSLATE_NOOP("Menus", "&Help"), ("definitions", "sample", "about")),
)  # fmt: skip
TOOLBAR = ("new_commitment", "update_status", "new_event")


class WindowActions:
    """Every command of the window as a QAction (`actions["undo"]`), plus its menus."""

    def __init__(
        self, window: QMainWindow, undo_stack: QUndoStack, slots: Mapping[str, Callable]
    ) -> None:
        self.actions: dict[str, QAction] = {}
        for command in COMMANDS:
            action = QAction(translate("Commands", command.text), window)
            if command.shortcut is not None:
                action.setShortcut(QKeySequence(command.shortcut))
            action.setStatusTip(translate("Commands", command.tip) if command.tip else "")
            action.triggered.connect(slots[command.name])
            self.actions[command.name] = action
        self.actions["undo"] = undo_stack.createUndoAction(window, translate("Menus", "&Undo"))
        self.actions["undo"].setShortcut(KEYS.Undo)
        self.actions["redo"] = undo_stack.createRedoAction(window, translate("Menus", "&Redo"))
        # Ctrl+Y as well where the platform's Redo is Ctrl+Shift+Z (once where it is Ctrl+Y)
        redo_keys = [*QKeySequence.keyBindings(KEYS.Redo), QKeySequence("Ctrl+Y")]
        unique = {key.toString(): key for key in redo_keys}
        self.actions["redo"].setShortcuts(list(unique.values()))

    def build_menus(
        self, window: QMainWindow, tab_names: list[str], show_tab: Callable[[int], None]
    ) -> dict[str, QMenu]:
        """The menu bar; returns the submenus others fill ("recent", "views")."""
        submenus: dict[str, QMenu] = {}
        for title, entries in MENUS:
            menu = window.menuBar().addMenu(translate("Menus", title))
            for entry in entries:
                if entry == "-":
                    menu.addSeparator()
                elif entry == "@recent":
                    submenus["recent"] = menu.addMenu(translate("Menus", "Open &Recent"))
                elif entry == "@views":
                    submenus["views"] = menu.addMenu(translate("Menus", "Saved &views"))
                elif entry == "@tabs":
                    for number, name in enumerate(tab_names):
                        # a name may carry its own mnemonic ("S&ources" beside "&Statistics")
                        action = QAction(name if "&" in name else f"&{name}", window)
                        action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
                        action.triggered.connect(lambda _=False, n=number: show_tab(n))
                        menu.addAction(action)
                else:
                    menu.addAction(self.actions[entry])
        return submenus

    def build_toolbar(self, window: QMainWindow) -> QToolBar:
        toolbar = window.addToolBar(translate("Menus", "Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.addActions([self.actions[name] for name in TOOLBAR])
        toolbar.addSeparator()
        return toolbar
