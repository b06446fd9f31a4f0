"""The window paints before the heavy libraries load: sqlite-utils (which brings numpy) when the
file is opened after the first paint, numpy with the dashboard or the status bar's counts,
pyqtgraph with the charts. Each took 45-85 ms of the cold start when a module of the window
imported it at the top (the cold start went from 2.1 to 3.1 times a bare window)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("sqlite_utils", "numpy", "pyqtgraph")

_BUILD_THE_WINDOW = """
import json, sys
from desktop_app.ui.app import create_application
from desktop_app.ui.main_window import MainWindow
app = create_application()
window = MainWindow(sys.argv[1], open_after_first_paint=True)  # as a double-click starts it
print(json.dumps([name for name in {heavy} if name in sys.modules]))
"""


def _last_line_printed(script: str, tmp_path) -> str:
    """What script, run in a new Python on the sample database, printed last."""
    from desktop_app.store.sample import write_sample

    path = write_sample(tmp_path / "sample.db")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-c", script, str(path)]
    out = subprocess.run(run, capture_output=True, text=True, env=env, timeout=60, check=True)
    return out.stdout.splitlines()[-1]


def test_the_window_is_built_without_the_heavy_libraries(tmp_path):
    printed = _last_line_printed(_BUILD_THE_WINDOW.format(heavy=HEAVY), tmp_path)
    assert json.loads(printed) == []


_OPEN_THE_FILE = """
import sys, threading
from desktop_app.ui.app import create_application
from desktop_app.ui.main_window import MainWindow

class NoteWhere:  # notes the thread that imports sqlite-utils first
    threads = []
    def find_spec(self, name, path=None, target=None):
        if name == "sqlite_utils":
            self.threads.append(threading.current_thread() is threading.main_thread())
        return None

sys.meta_path.insert(0, NoteWhere())
app = create_application()
window = MainWindow(sys.argv[1])  # opens the file now, as after the first paint
print(NoteWhere.threads)
"""


def test_the_first_file_opened_imports_the_store_off_the_gui_thread(tmp_path):
    # imported once, by the worker that inspects the file
    assert _last_line_printed(_OPEN_THE_FILE, tmp_path) == "[False]"
