"""The dashboard never freezes the window: its chart modules load on a worker when the tab is
opened early, and its charts are drawn one per turn of the event loop."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from desktop_app.charts.chart_data import dashboard_data
from desktop_app.charts.dashboard import CHART_NAMES, Dashboard
from desktop_app.store.sample import write_sample
from desktop_app.ui.dashboard_tab import CHART_MODULE
from desktop_app.ui.main_window import TAB_DASHBOARD, MainWindow


def _items(dashboard: Dashboard, name: str) -> int:
    chart = dashboard.chart(name)
    if name == "timeline":
        return len(chart.bars)
    return len(chart.getPlotItem().items)


def _drawn_in_steps(qtbot, sample_db, budget_ms: float) -> tuple[Dashboard, list]:
    """A dashboard drawing the sample in steps; the list fills when it has finished."""
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    finished: list = []
    data = dashboard_data(sample_db, "2024-06-30")
    dashboard.draw_in_steps(data, lambda: True, lambda: finished.append(True), budget_ms)
    return dashboard, finished


def test_charts_past_a_turns_budget_wait_for_the_next_turn(qtbot, sample_db):
    dashboard, finished = _drawn_in_steps(qtbot, sample_db, budget_ms=0)
    drawn_at_once = [name for name in CHART_NAMES if _items(dashboard, name)]
    assert drawn_at_once == [next(iter(CHART_NAMES))]  # the rest wait for the next turns
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert all(_items(dashboard, name) for name in CHART_NAMES)


def test_charts_within_a_turns_budget_are_drawn_in_that_turn(qtbot, sample_db):
    dashboard, finished = _drawn_in_steps(qtbot, sample_db, budget_ms=60_000)
    assert finished and all(_items(dashboard, name) for name in CHART_NAMES)


def test_drawing_in_steps_stops_when_newer_numbers_are_coming(qtbot, sample_db):
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    data = dashboard_data(sample_db, "2024-06-30")
    asked = []

    def still() -> bool:
        asked.append(True)
        return len(asked) < 3  # two charts, then a newer request takes over

    finished = []
    dashboard.draw_in_steps(data, still, lambda: finished.append(True), budget_ms=0)
    qtbot.waitUntil(lambda: len(asked) >= 3, timeout=5000)
    qtbot.wait(50)
    assert not finished
    assert sum(1 for name in CHART_NAMES if _items(dashboard, name)) == 2


def test_an_early_dashboard_loads_its_chart_modules_on_a_worker(qtbot, tmp_path, monkeypatch):
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.show()
    # as if the chart modules were not imported yet (the tab opened before the prefetch)
    monkeypatch.delitem(sys.modules, CHART_MODULE)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    assert window.dashboard is None  # not built on the GUI thread while the modules load
    assert _loading_labels(window) == ["Loading the charts…"]
    qtbot.waitUntil(lambda: window.dashboard_tab.drawn_for is not None, timeout=10000)
    assert CHART_MODULE in sys.modules
    assert window.dashboard is not None and window.dashboard.timeline.bars
    qtbot.waitUntil(lambda: _loading_labels(window) == [], timeout=5000)  # and it goes


def _loading_labels(window) -> list[str]:
    labels = window.dashboard_tab.findChildren(QLabel)
    return [label.text() for label in labels if label.text() == "Loading the charts…"]


def test_the_charts_are_built_one_per_turn_when_the_tab_opens(qtbot, tmp_path):
    # building five pyqtgraph charts at once froze the window for a fifth of a second on a
    # busy machine; one per turn of the event loop, the window repaints between them
    import desktop_app.charts.dashboard  # noqa: F401  (the prefetch has imported them)

    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    dashboard = window.dashboard
    assert dashboard is not None and not dashboard.built
    assert type(dashboard.status_over_time).__name__ == "PlotWidget"
    assert type(dashboard.events).__name__ == "QWidget"  # a placeholder for now
    qtbot.waitUntil(lambda: window.dashboard_tab.drawn_for is not None, timeout=10000)
    assert dashboard.built and dashboard.timeline.bars
    assert all(_items(dashboard, name) for name in CHART_NAMES)


def test_an_export_finishes_building_the_charts_at_once(qtbot, sample_db):
    dashboard = Dashboard(build_now=False)
    qtbot.addWidget(dashboard)
    assert dashboard.build_next() and not dashboard.built
    while dashboard.build_next():
        pass
    assert dashboard.built
    dashboard.draw(dashboard_data(sample_db, "2024-06-30"))
    assert all(_items(dashboard, name) for name in CHART_NAMES)
