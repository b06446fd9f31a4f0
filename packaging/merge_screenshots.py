"""Make the screenshots of File > Merge and View > Merge conflicts shown in docs/merge.md,
offscreen: the sample, and a colleague's copy of it with edits of their own.

Usage: python packaging/merge_screenshots.py [OUTPUT_FOLDER]   (default: docs/)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def colleague_copy(mine: Path, theirs: Path) -> None:
    """theirs: a copy of mine in which a colleague moved a deadline, added a commitment, a
    place and two statuses; and a title both of them changed."""
    from desktop_app.domain.records import Commitment, Place, StatusUpdate
    from desktop_app.store import records
    from desktop_app.store.database import open_database

    shutil.copy(mine, theirs)
    db = open_database(theirs)
    db.execute("UPDATE file_identity SET file_id = 'colleague'")
    db.execute(
        "UPDATE commitments SET deadline = '2024-09-30', updated_at = ? WHERE id = 1",
        ["2099-12-02T09:00:00+00:00"],
    )
    db.execute(
        "UPDATE commitments SET title = 'Hold talks', updated_at = ? WHERE id = 3",
        ["2099-12-01T12:00:00+00:00"],
    )
    parties = tuple((records.state_actor(db, code), "promisor") for code in ("IRN", "PAK"))
    new = records.add(
        db,
        Commitment(
            title="Activate joint border markets",
            made_on="2024-05-20",
            deadline="2024-12-31",
            parties=parties,
        ),
    )
    records.add(db, Place(name="Zahidan", country_iso3="IRN"))
    records.add(db, StatusUpdate(commitment_id=2, date="2024-06-15", status="stalled"))
    records.add(db, StatusUpdate(commitment_id=new, date="2024-06-01", status="in_progress"))
    db.close()
    db = open_database(mine)
    db.execute(
        "UPDATE commitments SET title = title || ' (as agreed)', updated_at = ? WHERE id = 3",
        ["2099-12-05T12:00:00+00:00"],
    )
    db.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["commitment-tracker"])
    app.setOrganizationName("commitment-tracker-screenshots")
    QSettings().clear()
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.merge_conflicts_dialog import show_conflicts
    from desktop_app.ui.merge_dialog import MergeDialog, run_merge

    with tempfile.TemporaryDirectory() as folder:
        mine, theirs = write_sample(Path(folder) / "tracker.db"), Path(folder) / "colleague.db"
        colleague_copy(mine, theirs)
        window = MainWindow(mine)
        window.show()
        dialog = MergeDialog(window, str(theirs))
        dialog.resize(980, 380)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / "merge-dialog.png"))
        dialog.close()

        def press_merge() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                QTimer.singleShot(20, press_merge)
            else:
                modal.merge_button.click()

        QTimer.singleShot(0, press_merge)
        run_merge(window, str(theirs))
        conflicts = show_conflicts(window)
        conflicts.resize(1100, 300)
        app.processEvents()
        conflicts.grab().save(str(out / "merge-conflicts.png"))
        conflicts.close()
        window.close()
    print(f"merge screenshots written to {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
