"""Render resources/icons/commitment-tracker.svg to the PNG sizes desktops and bundles use.

Usage: python packaging/render_icons.py   (writes build/icons/commitment-tracker-N.png)

The PNGs are build products, written under build/ (ignored by git): a build never changes a
tracked file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
OUT = ROOT / "build" / "icons"


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "commitment-tracker.svg"))
    if not renderer.isValid():
        print("the SVG icon cannot be read", file=sys.stderr)
        return 2
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        OUT.mkdir(parents=True, exist_ok=True)
        image.save(str(OUT / f"commitment-tracker-{size}.png"))
    print(f"{len(SIZES)} PNG icons written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
