"""Render charts without showing a window: to a PNG or SVG file (the `render` command), or to
PNG bytes (the charts inside a brief)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.vocabulary import CHART_NAMES
from desktop_app.store.database import open_read_only, refuse_overwriting

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.charts.chart_data import DashboardData


def render_chart(
    db_path: str | Path,
    chart: str,
    output: str | Path,
    as_of: str,
    width: int = 1200,
    height: int = 700,
) -> Path:
    from desktop_app.charts.chart_data import dashboard_data
    from desktop_app.charts.dashboard import save_chart

    if chart not in CHART_NAMES:
        raise ValueError(f"unknown chart {chart!r}; expected one of: {', '.join(CHART_NAMES)}")
    refuse_overwriting(db_path, output)
    db = open_read_only(db_path)
    try:
        if chart != "map":
            data = dashboard_data(db, as_of)
        else:
            widget = _map(db, as_of)
    finally:
        db.close()
    output = Path(output)
    if chart == "map":
        _save_map(widget, output, width, height)
    else:
        with drawn_chart(chart, data, width, height) as widget:
            save_chart(widget, output)
    return output


def _save_map(widget, output: Path, width: int, height: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.charts.dashboard import save_chart

    try:
        widget.resize(width, height)
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.show()  # laid out as if shown, never on a screen
        QApplication.processEvents()
        widget.fit_markers()  # framed at the size asked for
        widget.redraw()
        QApplication.processEvents()
        save_chart(widget, output)
    finally:
        widget.close()


def _map(db, as_of: str):
    from desktop_app.charts.map_view import MapView
    from desktop_app.store.map_queries import map_data
    from desktop_app.store.status_index import StatusIndex

    widget = MapView()
    widget.draw(map_data(db, as_of, None, StatusIndex.load(db)))
    return widget


def chart_png(chart: str, data: DashboardData, width: int, height: int) -> bytes:
    """The named chart drawn from data, as the bytes of a PNG image of width x height."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    with drawn_chart(chart, data, width, height) as widget:
        image = QByteArray()
        buffer = QBuffer(image)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not widget.grab().save(buffer, "PNG"):
            raise OSError(f"the {chart} chart could not be drawn")
        buffer.close()
    return bytes(image.data())


@contextmanager
def drawn_chart(chart: str, data: DashboardData, width: int, height: int) -> Iterator[QWidget]:
    """A chart widget of the given size, drawn and laid out offscreen (closed afterwards)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.charts.dashboard import draw_chart, new_chart

    widget = new_chart(chart)
    try:
        widget.resize(width, height)
        draw_chart(chart, widget, data)
        # laid out as if shown, but never on a screen (the window's Export brief draws too)
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.show()
        QApplication.processEvents()
        yield widget
    finally:
        widget.close()
