"""Qt user interface: main window, dialogs, table models, undo commands."""
