"""How a status looks in Qt: its colour (from the domain palette) and readable text on it."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop_app.domain.status import STATUS_INFO, Status


def status_colour(status: str) -> QColor:
    return QColor(STATUS_INFO[Status(status)].colour)


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on background (works in light and dark themes)."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#000000") if luminance > 140 else QColor("#ffffff")


def status_badge_html(status: str) -> str:
    info = STATUS_INFO[Status(status)]
    fg = text_colour_on(QColor(info.colour)).name()
    return (
        f'<span style="background-color:{info.colour}; color:{fg}; padding:2px 6px;">'
        f"&nbsp;{info.label}&nbsp;</span>"
    )
