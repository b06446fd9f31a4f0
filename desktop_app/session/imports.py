"""Imports as the window and the CLI start them: a file (or one already read and mapped) goes
into a table whole or not at all, read by a preset (exchange/presets.py)."""

from __future__ import annotations

from desktop_app.exchange.presets import import_file as import_path
from desktop_app.exchange.presets import import_prepared

__all__ = ["import_path", "import_prepared"]
