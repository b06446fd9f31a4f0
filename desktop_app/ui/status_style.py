"""How a status looks in Qt: its colour (from the domain palette), readable text on it, and the
status colour as text that reads on the theme's background (light or dark)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop_app.domain.contrast import readable_as_text, text_on
from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.ui.i18n import status_label


def status_colour(status: str) -> QColor:
    return QColor(STATUS_INFO[Status(status)].colour)


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with background (WCAG's ratio: every status
    colour takes black text at 5.4:1 or more; white on Broken was 3.9:1, under AA's 4.5)."""
    return QColor(text_on(background.name()))


def status_text_colour(status: str, background: QColor | None = None) -> QColor:
    """The status colour for text (an overdue deadline, an error), deepened on a light
    background or paled on a dark one until it reads at AA contrast (4.5:1). background:
    the theme's base colour (where table cells and text boxes are drawn) unless given."""
    if background is None:
        background = QApplication.palette().base().color()
    colour = STATUS_INFO[Status(status)].colour
    return QColor(readable_as_text(colour, background.name()))


def warning_text_colour(background: QColor | None = None) -> str:
    """'#rrggbb' for a warning or an error written in a dialog (the Broken colour, readable on
    the window background unless another is given)."""
    if background is None:
        background = QApplication.palette().window().color()
    return status_text_colour(Status.BROKEN, background).name()


def status_badge_html(status: str) -> str:
    info = STATUS_INFO[Status(status)]
    fg = text_colour_on(QColor(info.colour)).name()
    return (
        f'<span style="background-color:{info.colour}; color:{fg}; padding:2px 6px;">'
        f"&nbsp;{status_label(status)}&nbsp;</span>"
    )
