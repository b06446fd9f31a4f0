"""Render one chart to a PNG or SVG file without showing a window (the `render` command)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.vocabulary import CHART_NAMES
from desktop_app.store.database import open_read_only, refuse_overwriting


def render_chart(
    db_path: str | Path,
    chart: str,
    output: str | Path,
    as_of: str,
    width: int = 1200,
    height: int = 700,
) -> Path:
    from desktop_app.charts.dashboard import save_chart

    if chart not in CHART_NAMES:
        raise ValueError(f"unknown chart {chart!r}; expected one of: {', '.join(CHART_NAMES)}")
    refuse_overwriting(db_path, output)
    db = open_read_only(db_path)
    try:
        widget = _map(db, as_of) if chart == "map" else _dashboard_chart(db, chart, as_of)
    finally:
        db.close()
    try:
        widget.resize(width, height)
        widget.show()  # laid out offscreen: nothing appears on a screen
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        if chart == "map":
            widget.fit_markers()  # framed at the size asked for
            widget.redraw()
            QApplication.processEvents()
        output = Path(output)
        save_chart(widget, output)
    finally:
        widget.close()
    return output


def _dashboard_chart(db, chart: str, as_of: str):
    from desktop_app.charts.chart_data import dashboard_data
    from desktop_app.charts.dashboard import draw_chart, new_chart

    widget = new_chart(chart)
    draw_chart(chart, widget, dashboard_data(db, as_of))
    return widget


def _map(db, as_of: str):
    from desktop_app.charts.map_view import MapView
    from desktop_app.store.map_queries import map_data
    from desktop_app.store.status_index import StatusIndex

    widget = MapView()
    widget.draw(map_data(db, as_of, None, StatusIndex.load(db)))
    return widget
