"""Make the screenshots shown in README.md and the AppStream metainfo, offscreen.

Usage: python packaging/screenshots.py [OUTPUT_FOLDER]   (default: docs/)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["commitment-tracker"])
    app.setOrganizationName("commitment-tracker-screenshots")
    QSettings().clear()
    from desktop_app.store import queries
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import TAB_DASHBOARD, TAB_EVENTS, MainWindow

    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(write_sample(Path(folder) / "sample.db"))
        window.resize(1280, 800)
        window.set_as_of("2024-06-30")
        window.show()
        found = queries.commitment_page(
            window.db, "2024-06-30", queries.CommitmentFilter(text="markets")
        )
        window.select_commitment(found[0]["id"])
        app.processEvents()
        window.grab().save(str(out / "main-window.png"))
        window.tabs.setCurrentIndex(TAB_DASHBOARD)
        while not window.dashboard.timeline.bars:  # counted on a worker thread
            app.processEvents()
        settle(app)  # pyqtgraph lays out axes and legends on later events
        window.grab().save(str(out / "dashboard.png"))
        window.dashboard.pages.setCurrentIndex(1)
        settle(app)
        window.grab().save(str(out / "timeline.png"))
        window.dashboard.pages.setCurrentIndex(0)
        window.set_as_of("2024-02-15")  # early: the trade target and Raisi's visit came later
        while len(window.dashboard.timeline.bars) != 6:
            app.processEvents()
        settle(app)
        window.grab().save(str(out / "dashboard-early.png"))
        window.set_as_of("2024-06-30")
        window.tabs.setCurrentIndex(TAB_EVENTS)
        app.processEvents()
        window.grab().save(str(out / "events.png"))
        window.close()
        mixed_shot(app, Path(folder) / "mixed.db", out / "mixed.png")
        map_shot(app, Path(folder) / "map.db", out / "map.png")
    print(f"screenshots written to {out}/")
    return 0


def mixed_shot(app, path: Path, target: Path) -> None:
    """A commitment whose promisors stand in different statuses: the table's Party statuses
    column and the detail panel's badges. The sample judges every commitment as a whole, so
    one judgement of Iran alone is added, marked as an illustration."""
    from desktop_app.domain.records import StatusUpdate
    from desktop_app.store import queries, records
    from desktop_app.store.database import open_database
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow

    db = open_database(write_sample(path))
    markets = queries.commitment_page(db, "2024-06-30", queries.CommitmentFilter(text="markets"))[
        0
    ]["id"]
    records.add(
        db,
        StatusUpdate(
            commitment_id=markets,
            date="2024-06-10",
            status="partially_fulfilled",
            actor_id=records.state_actor(db, "IRN"),
            note="Illustration only (not in the sources): Iran's side judged on its own.",
        ),
    )
    db.close()
    window = MainWindow(path)
    window.resize(1600, 800)  # wide enough for the Party statuses column beside the panel
    window.set_as_of("2024-06-30")
    window.show()
    window.select_commitment(markets)
    settle(app)
    window.grab().save(str(target))
    window.close()


def map_shot(app, path: Path, target: Path) -> None:
    """The Map tab on the sample as of 2024-06-30, centred on the Pakistan-Iran border: the
    liaison offices in Turbat (Pakistan) and Zahidan (Iran), the strikes in Panjgur and Saravan."""
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tabs import TAB_MAP

    window = MainWindow(write_sample(path))
    window.resize(1280, 800)
    window.set_as_of("2024-06-30")
    window.show()
    window.tabs.setCurrentIndex(TAB_MAP)
    while window.map_tab.drawn_for is None:  # read on a worker thread
        app.processEvents()
    window.map_tab.map.show_region(54.0, 72.0, 22.5, 35.0)
    settle(app)
    window.grab().save(str(target))
    window.close()


def settle(app, seconds: float = 0.5) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
