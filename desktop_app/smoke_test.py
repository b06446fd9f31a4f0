"""`commitment-tracker --smoke-test`: prove an installed or frozen app works, without a screen.

It opens a fresh database seeded with the sample data in a temporary folder, shows the main
window offscreen, draws the dashboard, exports a CSV and checks it, then exits 0 (1 on failure).
The user's own database and settings are not touched.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from pathlib import Path


def run_smoke_test() -> int:
    import faulthandler

    faulthandler.enable()  # a crash in Qt's code still says where Python was (CI logs)
    started = time.perf_counter()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        with tempfile.TemporaryDirectory(prefix="ct-smoke-") as folder:
            summary = _exercise(Path(folder))
    except Exception as error:  # the smoke test reports any failure as one line
        print(f"smoke test FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"smoke test passed in {time.perf_counter() - started:.1f} s: {summary}")
    return 0


def _exercise(folder: Path) -> str:
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # the offscreen platform warns about window hints it cannot honour; that is expected here
    qInstallMessageHandler(
        lambda _kind, _context, message: (
            None if "propagateSizeHints" in message else print(message, file=sys.stderr)
        )
    )
    app = QApplication.instance() or QApplication(["commitment-tracker"])
    app.setOrganizationName("commitment-tracker-smoke-test")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    from desktop_app.resources import resource
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import TAB_DASHBOARD, MainWindow

    if not resource("sample", "founding_example.json").exists():
        raise RuntimeError("the bundled sample data is missing")
    window = MainWindow(write_sample(folder / "sample.db"))
    window.resize(1280, 800)
    window.set_as_of("2024-06-30")
    window.show()
    app.processEvents()
    expected = window.db.execute(
        "SELECT COUNT(*) FROM commitments WHERE deleted_at IS NULL AND made_on <= '2024-06-30'"
    ).fetchone()[0]
    shown = window.commitment_model.rowCount()
    if shown != expected or expected == 0:
        raise RuntimeError(f"the commitments table shows {shown} rows, expected {expected}")
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    deadline = time.perf_counter() + 30
    while window.dashboard_tab.drawn_for is None and time.perf_counter() < deadline:
        app.processEvents()  # the chart modules load and the charts are counted on a worker
        time.sleep(0.01)
    bars = len(window.dashboard.timeline.bars) if window.dashboard is not None else 0
    if bars != expected:
        raise RuntimeError(f"the timeline drew {bars} bars, expected {expected}")
    image = window.grab()
    if image.width() < 100:
        raise RuntimeError("the window could not be drawn")
    exported = _export_and_read_back(window.db, folder)
    window.close()
    return (
        f"{shown} commitments shown, dashboard drawn ({bars} timeline bars), "
        f"{exported} events exported to CSV and to Excel{_share_and_read(folder / 'sample.db')}"
    )


def _export_and_read_back(db, folder: Path) -> int:
    """The events exported to CSV and to an Excel workbook, each read back: their number."""
    from desktop_app.exchange.csv_export import export_rows, export_to_file
    from desktop_app.exchange.csv_import import prepare
    from desktop_app.exchange.xlsx_format import write_xlsx

    target = folder / "events.csv"
    exported = export_to_file(export_rows(db, "events"), target, excel=True)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if len(rows) != exported or not all(row["uuid"] for row in rows):
        raise RuntimeError("the exported CSV does not read back")
    workbook = folder / "events.xlsx"
    header, *body = export_rows(db, "events")
    if write_xlsx(workbook, list(header), body) != exported:
        raise RuntimeError("the Excel export wrote a different number of rows")
    if prepare(workbook).lines != exported:
        raise RuntimeError("the exported workbook does not read back")
    return exported


def _share_and_read(database: Path) -> str:
    """Where Datasette is installed (the share extra, the .deb): serve the file read-only, read
    a page (its templates) and a table over HTTP, stop. Empty text when it is not installed."""
    import json
    import urllib.request

    from desktop_app.publish.server import ReadOnlyServer, datasette_available

    if not datasette_available():
        return ""
    server = ReadOnlyServer(database)
    try:
        url = server.start()
        with urllib.request.urlopen(f"{url}{server.name}/commitments.json?_shape=array") as r:
            shared = len(json.load(r))
        with urllib.request.urlopen(f"{url}{server.name}/commitments_in_words") as r:
            if b"Mixed" not in r.read():  # a column description from our metadata
                raise RuntimeError("the shared page lacks our descriptions")
    finally:
        server.stop()
    return f", {shared} commitments read over HTTP from Datasette"
