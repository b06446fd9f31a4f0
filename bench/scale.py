"""How the window's times grow with the data: python -m bench.scale [--sizes 10000,100000]

For each number of commitments (with ten times as many events, half as many statistics, and
status updates and places in the large database's proportions) a database is generated once
into bench/data/scale-N.db, then measured through the real main window, offscreen:

- open: File > Open to the first page of commitments painted;
- search: one keystroke's filter (FTS) to its page painted, the median of a word typed;
- as-of: a new as-of date to the tables and every chart redrawn (the dashboard shown);
- dashboard: a refresh of every chart.

1,000,000 commitments (10M events, several GB, about half an hour to generate) are measured
only when asked: --sizes 10000,100000,1000000. Results go to bench/scale.json and are printed
as a table with each step's growth against the size before it (10x the data: a growth of 10x
or less is linear or better).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = (10_000, 100_000)
STEPS = ("open", "search", "as-of", "dashboard")


def database_of(commitments: int) -> Path:
    from bench.generate import generate, scaled

    path = HERE / "data" / f"scale-{commitments}.db"
    if not path.exists():
        partial = path.with_suffix(".partial.db")
        partial.unlink(missing_ok=True)
        print(f"generating {path.name} …", flush=True)
        generate(scaled(commitments), partial, seed=11)
        partial.rename(path)
    return path


def measure(path: Path, app) -> dict[str, float]:
    """The four steps on one database, in milliseconds (medians)."""
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer

    from desktop_app.store.queries import CommitmentFilter
    from desktop_app.ui.main_window import TAB_DASHBOARD, MainWindow
    from desktop_app.ui.worker import quick_pool

    def idle() -> None:
        QThreadPool.globalInstance().waitForDone()
        quick_pool().waitForDone()  # the status bar's counts
        app.processEvents()

    window = MainWindow(path, open_after_first_paint=True)
    window.resize(1280, 800)
    window.show()
    idle()

    def shown() -> None:
        """Until the rows asked for are on screen (a big table is read on a worker)."""
        while window.commitment_model.reordering:
            app.processEvents()
            time.sleep(0.001)
        window.commitments_view.viewport().repaint()
        app.processEvents()

    def open_once() -> float:
        idle()
        started = time.perf_counter()
        window.open_file(path)
        shown()
        return time.perf_counter() - started

    times = {"open": statistics.median(open_once() for _ in range(3))}
    model = window.commitment_model
    idle()
    keystrokes = []
    for text in ("b", "bo", "bor", "bord", "borde", "border"):
        started = time.perf_counter()
        model.filter = CommitmentFilter(text=text)
        model.reload()
        shown()
        keystrokes.append(time.perf_counter() - started)
    times["search"] = statistics.median(keystrokes)
    model.filter = CommitmentFilter()
    model.reload()
    window.dashboard_tab.create()

    def drawn_after(act) -> float:
        idle()
        loop = QEventLoop()
        window.dashboard.drawn.connect(loop.quit)
        QTimer.singleShot(300_000, loop.quit)
        started = time.perf_counter()
        act()
        loop.exec()
        window.dashboard.drawn.disconnect(loop.quit)
        return time.perf_counter() - started

    drawn_after(lambda: window.tabs.setCurrentIndex(TAB_DASHBOARD))  # the first draw
    dates = ("2023-06-30", "2022-01-31", "2024-03-15")
    times["as-of"] = statistics.median(drawn_after(lambda d=d: window.set_as_of(d)) for d in dates)
    times["dashboard"] = statistics.median(drawn_after(window._refresh_dashboard) for _ in range(3))
    window.close()
    idle()
    return {step: round(seconds * 1000, 1) for step, seconds in times.items()}


def table(rows: dict[int, dict[str, float]]) -> str:
    """A Markdown table: each step's time, and its growth against the size before."""
    sizes = sorted(rows)
    head = "| commitments | " + " | ".join(f"{s} (ms)" for s in STEPS) + " |"
    lines = [head, "|--:|" + "--:|" * len(STEPS)]
    for n, size in enumerate(sizes):
        cells = []
        for step in STEPS:
            value = rows[size][step]
            growth = ""
            if n:
                before = rows[sizes[n - 1]][step]
                growth = f" ({value / before:.1f}× for {size / sizes[n - 1]:.0f}× data)"
            cells.append(f"{value:.0f}{growth}")
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="numbers of commitments, comma-separated",
    )
    options = parser.parse_args(argv)
    sizes = [int(s) for s in options.sizes.split(",")]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench-scale"])
    app.setOrganizationName("commitment-tracker-bench")
    from desktop_app.ui.gui_thread_gc import collect_on_gui_thread

    collect_on_gui_thread()  # as the app does: collections on the GUI thread, paced
    rows = {}
    for size in sizes:
        rows[size] = measure(database_of(size), app)
        print(size, rows[size], flush=True)
    (HERE / "scale.json").write_text(
        json.dumps({"date": time.strftime("%Y-%m-%d"), "milliseconds": rows}, indent=2) + "\n"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
