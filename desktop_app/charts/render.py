"""Render one chart to a PNG or SVG file without showing a window (the `render` command)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.store.database import open_read_only, refuse_overwriting


def render_chart(
    db_path: str | Path,
    chart: str,
    output: str | Path,
    as_of: str,
    width: int = 1200,
    height: int = 700,
) -> Path:
    from desktop_app.charts.chart_data import dashboard_data
    from desktop_app.charts.dashboard import CHART_NAMES, draw_chart, new_chart, save_chart

    if chart not in CHART_NAMES:
        raise ValueError(f"unknown chart {chart!r}; expected one of: {', '.join(CHART_NAMES)}")
    refuse_overwriting(db_path, output)
    db = open_read_only(db_path)
    try:
        data = dashboard_data(db, as_of)
    finally:
        db.close()
    widget = new_chart(chart)
    try:
        widget.resize(width, height)
        draw_chart(chart, widget, data)
        widget.show()  # laid out offscreen: nothing appears on a screen
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        output = Path(output)
        save_chart(widget, output)
    finally:
        widget.close()
    return output
