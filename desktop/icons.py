"""The application icon: one SVG drawn by hand, PNGs rendered from it with Qt.

Run ``python -m reelwright.desktop.icons`` after editing ``resources/icons/reelwright.svg``
to refresh the PNGs that the window and the installers use.
"""

from __future__ import annotations

import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_icon_pngs(svg: Path, folder: Path) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        from reelwright.desktop.qt_workarounds import apply

        apply()
        _app = QGuiApplication(sys.argv[:1])  # kept alive while rendering
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = folder / f"reelwright-{size}.png"
        image.save(str(out))
        written.append(out)
    return written


if __name__ == "__main__":
    from reelwright.resources import resource

    icons = Path(str(resource("icons")))
    for path in render_icon_pngs(icons / "reelwright.svg", icons):
        print(path)
