"""The frozen app's entry point (PyInstaller needs a script, not a module)."""

import multiprocessing
import sys

from desktop_app.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # big CSV exports run in worker processes
    sys.exit(main())
