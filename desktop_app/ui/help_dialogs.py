"""Help menu: About, and the status definitions."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_app import APP_NAME, __version__
from desktop_app.domain.status import STATUS_INFO, STATUS_RULE


def show_about(window) -> None:
    QMessageBox.about(
        window,
        f"About {APP_NAME}",
        f"<h3>{APP_NAME} {__version__}</h3><p>Follow what governments promised each other, "
        "and whether they delivered.</p><p>Your data lives in one SQLite file:<br>"
        f"<code>{window.database_path}</code></p>",
    )


def definitions_html() -> str:
    """Every status with its definition, then the rule that decides a commitment's status."""
    from html import escape

    from desktop_app.ui.status_style import status_badge_html

    rows = "".join(
        f"<tr><td>{status_badge_html(s)}</td><td>{escape(i.definition)}</td></tr>"
        for s, i in STATUS_INFO.items()
    )
    rule = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in STATUS_RULE)
    return f"<table cellspacing=6>{rows}</table><h4>Which status applies</h4>{rule}"


def show_definitions(window) -> None:
    QMessageBox.information(window, "Status definitions", definitions_html())
