"""File > Export chart…: any dashboard chart or the map, as PNG or SVG, drawn for the current
as-of date and filter before it is saved (never a chart still being counted)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop_app.ui.tabs import TAB_DASHBOARD, TAB_MAP

MAP = ("map", "Map")


def chart_choices() -> dict[str, str]:
    """Chart name -> what the list offers, in the order offered."""
    from desktop_app.charts.dashboard import CHART_NAMES

    return {**CHART_NAMES, MAP[0]: MAP[1]}


def proposed_chart(window) -> str:
    """The chart of the page shown: the map on the Map tab, the timeline on its page."""
    if window.tabs.currentIndex() == TAB_MAP:
        return MAP[0]
    dashboard = window.dashboard
    if dashboard is not None and dashboard.pages.currentIndex() == 1:
        return "timeline"
    return "status-over-time"


def export_chart(window) -> None:
    choices = chart_choices()
    names, labels = list(choices), list(choices.values())
    default = names.index(proposed_chart(window))
    label, ok = QInputDialog.getItem(window, "Export chart", "Chart:", labels, default, False)
    if not ok:
        return
    name = names[labels.index(label)]
    path, _ = QFileDialog.getSaveFileName(
        window, "Export chart", f"{name}.png", "PNG image (*.png);;SVG image (*.svg)"
    )
    if not path:
        return
    try:
        _save(window, name, Path(path))
    except OSError as error:
        QMessageBox.warning(window, "Export chart", f"The chart could not be saved: {error}")


def _save(window, name: str, path: Path) -> None:
    from desktop_app.charts.dashboard import save_chart

    if name == MAP[0]:
        window.tabs.setCurrentIndex(TAB_MAP)  # laid out at the window's size
        window.map_tab.draw_now(window.db)
        save_chart(window.map_tab.map, path)
        return
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    flt, key = window.commitment_model.filter, window._chart_cache_key()
    window.dashboard_tab.draw_now(window.db, window.as_of, flt, key)  # not half-counted charts
    chart = window.dashboard.chart(name)
    settle_layout(chart)  # a dashboard made just now is shown, and laid out, at the next turns
    save_chart(chart, path)


def settle_layout(widget) -> None:
    """Let a widget shown or added just now be shown and laid out at its size (Qt does both
    at the next turns of the event loop), answering no input meanwhile."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    size = None
    for _ in range(20):  # until its size holds (a few turns)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if widget.isVisible() and widget.size() == size:
            return
        size = widget.size()
