"""The main window's commands: each action declared once with its text, shortcut and tip, and
the menus and toolbar that show them. The window hands over the slots; nothing here reads the
window's state."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

KEYS = QKeySequence.StandardKey


@dataclass(frozen=True)
class Command:
    name: str
    text: str
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""


COMMANDS = (
    Command("new_db", "&New database…", "Ctrl+Shift+N"),
    Command("open", "&Open…", KEYS.Open),
    Command("save_copy", "Save a &copy…", "Ctrl+Shift+S"),
    Command("import", "&Import CSV…", "Ctrl+I"),
    Command("export", "&Export CSV…", "Ctrl+Shift+E"),
    Command("export_chart", "Export c&hart…"),
    Command(
        "export_brief",
        "Export &brief…",
        "Ctrl+Shift+B",
        "A report to hand on: numbers, compliance, deadlines and charts, as PDF or HTML",
    ),
    Command("export_deadlines", "Export &deadlines (.ics)…", None, "Deadlines for a calendar"),
    Command("share", "&Share read-only…", None, "Let colleagues read this database in a browser"),
    Command(
        "merge", "&Merge from another database…", None, "Bring a colleague's file into this one"
    ),
    Command("merge_conflicts", "Merge co&nflicts", None, "The values merges set aside"),
    Command("quit", "&Quit", KEYS.Quit),
    Command("new_commitment", "New &commitment…", "Ctrl+N", "Record a new commitment"),
    Command("new_event", "New &event…", "Ctrl+E"),
    Command("new_statistic", "New reported &statistic…"),
    Command(
        "from_article",
        "New from &article…",
        "Ctrl+Shift+V",
        "Paste a news article and pick the commitments it reports",
    ),
    Command("update_status", "Update s&tatus…", "Ctrl+U", "Record a new status"),
    Command("change_analyst", "Analyst na&me…", None, "Your name, as the change log records it"),
    Command("edit", "Ed&it selected…", "Ctrl+Return"),
    Command("delete", "&Delete", KEYS.Delete),
    Command("place_names", "Place &names…", None, "Correct a place's name or its local name"),
    Command("find", "&Find", KEYS.Find),
    Command("refresh", "&Refresh", KEYS.Refresh),
    Command("save_view", "&Save current view…"),
    Command("clear_filter", "C&lear filter", "Ctrl+L"),
    Command("about", "&About"),
    Command("definitions", "&Status definitions"),
    Command("sample", "Open sa&mple database"),
    Command("today", "Today", "Ctrl+T", "Show statuses as they stand today"),
)

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new_db", "open", "@recent", "save_copy", "-", "import", "export",
               "export_chart", "export_brief", "export_deadlines", "-", "share", "merge", "-",
               "quit")),
    ("&Edit", ("undo", "redo", "-", "new_commitment", "new_event", "new_statistic",
               "from_article", "-", "update_status", "edit", "delete", "-", "place_names", "-",
               "find", "change_analyst")),
    ("&View", ("@tabs", "-", "refresh", "clear_filter", "@views", "-", "merge_conflicts")),
    ("&Help", ("definitions", "sample", "about")),
)  # fmt: skip
TOOLBAR = ("new_commitment", "update_status", "new_event")


class WindowActions:
    """Every command of the window as a QAction (`actions["undo"]`), plus its menus."""

    def __init__(
        self, window: QMainWindow, undo_stack: QUndoStack, slots: Mapping[str, Callable]
    ) -> None:
        self.actions: dict[str, QAction] = {}
        for command in COMMANDS:
            action = QAction(command.text, window)
            if command.shortcut is not None:
                action.setShortcut(QKeySequence(command.shortcut))
            action.setStatusTip(command.tip)
            action.triggered.connect(slots[command.name])
            self.actions[command.name] = action
        self.actions["undo"] = undo_stack.createUndoAction(window, "&Undo")
        self.actions["undo"].setShortcut(KEYS.Undo)
        self.actions["redo"] = undo_stack.createRedoAction(window, "&Redo")
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
            menu = window.menuBar().addMenu(title)
            for entry in entries:
                if entry == "-":
                    menu.addSeparator()
                elif entry == "@recent":
                    submenus["recent"] = menu.addMenu("Open &Recent")
                elif entry == "@views":
                    submenus["views"] = menu.addMenu("Saved &views")
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
        toolbar = window.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.addActions([self.actions[name] for name in TOOLBAR])
        toolbar.addSeparator()
        return toolbar
