"""Help menu: About, and the status definitions."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_app import APP_NAME, __version__
from desktop_app.domain.status import STATUS_INFO, STATUS_RULE
from desktop_app.ui.i18n import status_definition, translate


def show_about(window) -> None:
    QMessageBox.about(
        window,
        translate("Help", "About {app}").format(app=APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3><p>"
        + translate(
            "Help", "Follow what governments promised each other, and whether they delivered."
        )
        + "</p><p>"
        + translate("Help", "Your data lives in one SQLite file:")
        + f"<br><code>{window.database_path}</code></p>",
    )


def definitions_html() -> str:
    """Every status with its definition, then the rule that decides a commitment's status (the
    rule stays in English: it is the README's wording, kept in one place in domain/)."""
    from html import escape

    from desktop_app.ui.status_style import status_badge_html

    rows = "".join(
        f"<tr><td>{status_badge_html(s)}</td><td>{escape(status_definition(s))}</td></tr>"
        for s in STATUS_INFO
    )
    rule = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in STATUS_RULE)
    heading = translate("Help", "Which status applies")
    return f"<table cellspacing=6>{rows}</table><h4>{heading}</h4>{rule}"


def show_definitions(window) -> None:
    QMessageBox.information(window, translate("Help", "Status definitions"), definitions_html())
