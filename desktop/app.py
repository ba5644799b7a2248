"""Application start-up: one QApplication, the bundled fonts, the main window, a first script.

Start-up stays light: no llama_cpp, no reportlab (the exporters are imported on export).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from reelwright.desktop.documents import Prompts
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.settings import Settings
from reelwright.screenplay.errors import ReelwrightError

log = logging.getLogger(__name__)

FONT_FILES = (
    "ReelwrightTypewriter-Regular.ttf",
    "ReelwrightTypewriter-Bold.ttf",
    "ReelwrightTypewriter-Italic.ttf",
    "ReelwrightTypewriter-BoldItalic.ttf",
)


def load_fonts() -> None:
    """Register the bundled typewriter face (a Courier-style font) with Qt."""
    from reelwright.resources import resource

    folder = resource("fonts")
    for name in FONT_FILES:
        node = folder.joinpath(name)
        if node.is_file() and QFontDatabase.addApplicationFont(str(node)) < 0:
            log.warning("could not load font %s", name)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, made on first use after the Qt work-arounds are applied."""
    from reelwright.desktop import qt_workarounds

    qt_workarounds.apply()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Reelwright")
    app.setOrganizationName("Reelwright")
    app.setDesktopFileName("reelwright")
    load_fonts()
    return app


def sample_path() -> Path | None:
    from reelwright.resources import resource

    node = resource("sample.fountain")
    return Path(str(node)) if node.is_file() else None


def create_window(
    file: str | Path | None = None,
    settings: Settings | None = None,
    offer_recovery: bool = True,
    prompts: Prompts | None = None,
    strict: bool = False,
) -> MainWindow:
    """The main window on ``file``; without one: recovered work, the sample once, or new.

    A ``file`` that does not exist is refused (a mistyped command line). One that exists
    but does not open (a broken file, the encoding choice cancelled) leaves the window
    empty with a status message saying so, since the writer has already seen why (the
    document's message box); ``strict`` raises instead (screenshots, scripted runs)."""
    app = application()
    settings = settings or Settings()
    from reelwright.desktop import i18n

    i18n.install(app, settings.get("ui/language"))
    window = MainWindow(settings, prompts)
    from reelwright.desktop.cowriter import install_cowriter
    from reelwright.desktop.desk import install_desk
    from reelwright.desktop.production import install_production

    install_cowriter(window)
    install_desk(window)
    install_production(window)
    if file is not None:
        target = Path(file)
        if not target.exists():
            raise ReelwrightError(f"{target} does not exist")
        if window.document.open(target, ask=False):
            if offer_recovery:  # after a crash the writer often starts again on the same file
                window.document.offer_recovery(of_file=target)
        elif strict:
            raise ReelwrightError(f"could not open {target}")
        else:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "App", "{name} was not opened; this is a new, empty script"
                ).format(name=target.name)
            )
    elif not (offer_recovery and window.document.offer_recovery()):
        sample = sample_path()
        if sample is not None and not settings.get("files/opened_before"):
            window.editor.set_script_text(sample.read_text("utf-8"))
            settings.set("files/opened_before", True)
    # On the worker: a long script's window shows before its pages are counted (the
    # navigator, the page rules and the status bar fill in when the analysis is done).
    window.analyzer.start()
    return window


def save_screenshot(window: MainWindow, out: str | Path) -> None:
    window.wait_until_ready()
    picture = window.grab()
    if not picture.save(str(out)):
        raise ReelwrightError(f"could not write the picture {out}")


def run(file: str | None = None, screenshot: str | None = None, suggest: str | None = None) -> int:
    """Start the app; with ``screenshot``, save a picture of the laid-out window and exit,
    after running the writing action ``suggest`` to the end when one is given."""
    app = application()
    window = create_window(file, offer_recovery=screenshot is None, strict=screenshot is not None)
    window.show()
    if screenshot is None:
        window.editor.setFocus()
        return app.exec()
    failure: list[str] = []

    def shoot() -> None:
        try:
            if suggest:
                from reelwright.desktop.cowriter import suggest_and_wait

                if not suggest_and_wait(window, suggest, timeout=600.0):
                    failure.append(f"the {suggest} suggestion did not finish")
            save_screenshot(window, screenshot)
        except ReelwrightError as error:
            failure.append(str(error))
        window.document.close()
        window.document.editor.document().setModified(False)
        app.quit()

    QTimer.singleShot(150, shoot)
    app.exec()
    if failure:
        raise ReelwrightError(failure[0])
    return 0
