"""The map on the large database, through the real window with the stall watchdog on: the
first drawing (the Map tab opened), a new as-of date, zoom steps in and out and a pan. Each
step is timed until its markers are drawn, with the longest stall of the GUI thread during it.

Run alone: python -m bench.run --only-map [--db PATH]
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.session import TARGET_STALL_MS, Steps, _wait

MAP_REFRESH_TARGET_MS = 5000  # read on a worker: the window stays responsive meanwhile
ZOOM_TARGET_MS = 100  # a zoom step redraws from numbers in memory


def bench_map(db_path: Path, app, record) -> None:
    from PySide6.QtCore import QSettings

    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.stall_watchdog import StallWatchdog
    from desktop_app.ui.tabs import TAB_MAP

    QSettings().clear()
    window = MainWindow(db_path)
    window.resize(1280, 800)
    window.show()
    model = window.commitment_model
    _wait(app, lambda: model.loaded and not model.reordering)
    watchdog = StallWatchdog()
    watchdog.start()
    steps = Steps(app, watchdog, record)
    tab = window.map_tab
    steps.run(
        "map: open the Map tab (first drawing)",
        lambda: window.tabs.setCurrentIndex(TAB_MAP),
        lambda: tab.drawn_for is not None,
        MAP_REFRESH_TARGET_MS,
    )
    view = tab.map
    markers_drawn = len(view.shown[0]) + len(view.shown[1])
    steps.run(
        "map: as-of 2023-06-30",
        lambda: window.set_as_of("2023-06-30"),
        lambda: tab.drawn_for is not None and tab.drawn_for[1] == "2023-06-30",
        MAP_REFRESH_TARGET_MS,
    )
    view.show_region(-180, 180, -60, 85)
    app.processEvents()
    widths = []
    for number in range(6):  # world -> about 6 degrees wide, around the Pakistan-Iran border
        steps.run(
            f"map: zoom step in {number + 1}",
            lambda: _zoom(view, 0.5, (62.0, 28.0)),
            lambda: not view._redraw.isActive(),
            ZOOM_TARGET_MS,
        )
        widths.append(view.view()[1] - view.view()[0])
    steps.run(
        "map: pan a quarter view east",
        lambda: view.view_box.translateBy(x=(view.view()[1] - view.view()[0]) / 4),
        lambda: not view._redraw.isActive(),
        ZOOM_TARGET_MS,
    )
    for number in range(3):
        steps.run(
            f"map: zoom step out {number + 1}",
            lambda: _zoom(view, 2.0, None),
            lambda: not view._redraw.isActive(),
            ZOOM_TARGET_MS,
        )
    watchdog.stop()
    worst = max(steps.gaps, default=0.0)
    record(
        "map: worst GUI stall over the map steps",
        worst,
        "ms",
        f"<= {TARGET_STALL_MS} ms",
        worst <= TARGET_STALL_MS,
        note=f"{markers_drawn} markers at first drawing; view widths {[round(w) for w in widths]}",
    )
    window.close()
    _wait(app, lambda: window.session is None, timeout=30)
    time.sleep(0.1)


def _zoom(view, factor: float, centre: tuple[float, float] | None) -> None:
    """One wheel notch's worth of zoom, as pyqtgraph's ViewBox applies it."""
    from PySide6.QtCore import QPointF

    point = None if centre is None else QPointF(*centre)
    view.view_box.scaleBy(s=(factor, factor), center=point)
