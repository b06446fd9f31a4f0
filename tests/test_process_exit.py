"""A process that drew the dashboard must exit cleanly (PySide6 6.12.0 aborted here)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app.charts.chart_data import dashboard_data
from desktop_app.charts.dashboard import Dashboard
from desktop_app.store.sample import write_sample
from desktop_app.store.database import open_existing
db = open_existing(write_sample(sys.argv[1]))
dashboard = Dashboard()
for as_of in ("2024-03-01", "2024-06-30", "2025-01-01"):
    dashboard.draw(dashboard_data(db, as_of))
dashboard.show()
app.processEvents()
print("drawn")
"""


def test_drawing_the_dashboard_then_exiting_returns_0(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )
    assert "drawn" in result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
