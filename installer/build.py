"""Build a self-contained Reelwright bundle for this platform with PyInstaller.

    python installer/build.py [--gpu cpu|cuda|metal] [--venv DIR] [--skip-install]

Steps: make (or reuse) a separate build venv; install Reelwright into it as a regular,
non-editable package together with PyInstaller; for ``--gpu cuda`` or ``--gpu metal``
rebuild llama-cpp-python there from source with the matching ``CMAKE_ARGS``; run
``installer/reelwright.spec``; then package the result for the platform:

- Linux: ``dist/reelwright/`` and ``dist/Reelwright-<version>-linux-<arch>[-gpu].tar.gz``
  (the folder, ``install.sh``, the desktop entry, the MIME type and the icon);
- Windows: ``dist/Reelwright/`` and, when Inno Setup's ``ISCC`` is found, a setup program;
- macOS: ``dist/Reelwright.app`` and, when ``hdiutil`` is there, a ``.dmg``.

A separate venv because the development venv holds an editable install, which PyInstaller
cannot see through, and test tools that have no place in the bundle. PyInstaller does not
cross-build: run this on each target platform. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
DEFAULT_VENV = REPO / "build" / "bundle-venv"
BUNDLE_TOOLS = ("pyinstaller>=6.10",)
"""Installed into the build venv when pyproject.toml has no ``bundle`` extra."""

PORTABLE = "-DGGML_NATIVE=OFF"
"""Without it llama.cpp compiles for the build machine's CPU (AVX-512 here) and the bundle
dies with SIGILL on older processors; OFF targets AVX2/FMA/F16C on x86-64."""
GPU_CMAKE_ARGS = {
    "cpu": f"{PORTABLE} -DGGML_METAL=OFF" if sys.platform == "darwin" else PORTABLE,
    "cuda": f"{PORTABLE} -DGGML_CUDA=ON",
    "metal": f"{PORTABLE} -DGGML_METAL=ON -DGGML_METAL_EMBED_LIBRARY=ON",
}
LLAMA_MARKER = "reelwright-llama-build.json"
"""Written into the build venv after llama-cpp-python was built here with our CMAKE_ARGS."""
GPU_PLATFORMS = {
    "cuda": ("linux", "win32"),
    "metal": ("darwin",),
    "cpu": ("linux", "win32", "darwin"),
}

PROBE = """
import importlib.metadata as md, json, llama_cpp, reelwright.cli.main as m
print(json.dumps({
    "reelwright": md.version("reelwright"),
    "reelwright_file": m.__file__,
    "llama_cpp": md.version("llama-cpp-python"),
    "gpu_offload": bool(llama_cpp.llama_supports_gpu_offload()),
    "system_info": llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip(),
}))
"""


class BuildError(Exception):
    """A build step failed; the message says which and what to do."""


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    print("+", shlex.join(command), flush=True)
    result = subprocess.run(command, env=env, check=False)
    if result.returncode != 0:
        raise BuildError(f"{Path(command[0]).name} failed with exit code {result.returncode}")


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def ensure_venv(venv: Path) -> Path:
    python = venv_python(venv)
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
    return python


def install_requirements(python: Path) -> None:
    """Reelwright (non-editable, rebuilt from this checkout each time) and the bundle tools."""
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    has_bundle_extra = "bundle" in extras["project"].get("optional-dependencies", {})
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check"]
    if has_bundle_extra:
        run([*pip, f"{REPO}[bundle]"])
    else:
        run([*pip, str(REPO), *BUNDLE_TOOLS])
    run([*pip, "--no-deps", "--force-reinstall", str(REPO)])


def probe(python: Path) -> dict[str, object]:
    out = subprocess.run([str(python), "-c", PROBE], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise BuildError(f"the build venv cannot import Reelwright or llama_cpp:\n{out.stderr}")
    facts: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return facts


def cmake_args(gpu: str) -> str:
    """Ours, then any the builder set (e.g. CMAKE_CUDA_ARCHITECTURES), which win."""
    return f"{GPU_CMAKE_ARGS[gpu]} {os.environ.get('CMAKE_ARGS', '')}".strip()


def llama_build_wanted(venv: Path, gpu: str, version: str) -> bool:
    """True when llama-cpp-python in the venv was not built here with today's CMAKE_ARGS."""
    wanted = {"version": version, "cmake_args": cmake_args(gpu)}
    try:
        done = json.loads((venv / LLAMA_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return bool(done != wanted)


def install_llama(venv: Path, gpu: str, version: str) -> None:
    """Rebuild llama-cpp-python from source with the backend's CMAKE_ARGS (10-30 min).

    ``--no-cache-dir`` matters: pip's wheel cache is keyed by the source archive, not by
    CMAKE_ARGS, so without it pip would reuse a CPU wheel built earlier.
    """
    env = dict(os.environ)
    env["CMAKE_ARGS"] = cmake_args(gpu)
    env["FORCE_CMAKE"] = "1"
    print(f"building llama-cpp-python {version} with CMAKE_ARGS={env['CMAKE_ARGS']!r}")
    run(
        [
            str(venv_python(venv)),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--force-reinstall",
            "--no-deps",
            "--no-cache-dir",
            "--no-binary",
            "llama-cpp-python",
            f"llama-cpp-python=={version}",
        ],
        env=env,
    )
    marker = {"version": version, "cmake_args": env["CMAKE_ARGS"]}
    (venv / LLAMA_MARKER).write_text(json.dumps(marker) + "\n", encoding="utf-8")


def check_facts(facts: dict[str, object], gpu: str, venv: Path) -> None:
    where = Path(str(facts["reelwright_file"])).resolve()
    if not where.is_relative_to(venv.resolve()):
        raise BuildError(
            f"the build venv imports Reelwright from outside itself ({where}): an editable "
            "install; use a separate venv (the default build/bundle-venv)"
        )
    if gpu != "cpu" and not facts["gpu_offload"]:
        raise BuildError(
            f"llama-cpp-python in the build venv has no GPU offload after the {gpu} build; "
            "see installer/README.md (GPU builds) for the toolkit it needs"
        )


def run_pyinstaller(python: Path) -> None:
    run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(HERE / "reelwright.spec"),
        ]
    )


def machine() -> str:
    arch = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(arch, arch)


def icon_in(bundle_resources: Path) -> Path | None:
    sys.path.insert(0, str(HERE))
    try:
        from bundle_contents import icon_file
    finally:
        sys.path.pop(0)
    return icon_file(bundle_resources)


def package_linux(version: str, gpu: str) -> Path:
    """A tarball: the bundle folder, install.sh, the desktop entry, MIME type and icon."""
    bundle = DIST / "reelwright"
    resources = bundle / "_internal" / "reelwright" / "resources"
    icon = icon_in(resources)
    suffix = "" if gpu == "cpu" else f"-{gpu}"
    name = f"Reelwright-{version}-linux-{machine()}{suffix}"
    tarball = DIST / f"{name}.tar.gz"
    extras = [
        (HERE / "linux" / "install.sh", "install.sh"),
        (HERE / "linux" / "reelwright.desktop", "reelwright.desktop"),
        (HERE / "linux" / "reelwright-mime.xml", "reelwright-mime.xml"),
        (HERE / "linux" / "README.txt", "README.txt"),
    ]
    if icon is not None:
        extras.append((icon, f"reelwright{icon.suffix}"))
    else:
        print("warning: no application icon in resources/icons; the menu entry gets none")
    print(f"writing {tarball}")
    partial = tarball.with_name(tarball.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"{name}/reelwright")
        for source, arcname in extras:
            archive.add(source, arcname=f"{name}/{arcname}")
    partial.replace(tarball)
    return tarball


def find_iscc() -> Path | None:
    found = shutil.which("iscc")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return Path(base) / "Inno Setup 6" / "ISCC.exe"
    return None


def package_windows(version: str, gpu: str) -> Path | None:
    iscc = find_iscc()
    script = HERE / "windows" / "reelwright.iss"
    defines = [
        f"/DAppVersion={version}",
        f"/DSourceDir={DIST / 'Reelwright'}",
        f"/DOutputDir={DIST}",
        f"/DOutputSuffix={'' if gpu == 'cpu' else '-' + gpu}",
    ]
    if iscc is None:
        print("Inno Setup not found; to make the setup program run:")
        print("  " + shlex.join(["ISCC.exe", *defines, str(script)]))
        return None
    run([str(iscc), *defines, str(script)])
    return DIST / f"Reelwright-{version}-setup{'' if gpu == 'cpu' else '-' + gpu}.exe"


def package_macos(version: str, gpu: str) -> Path | None:
    app = DIST / "Reelwright.app"
    if shutil.which("hdiutil") is None:
        return None
    dmg = DIST / f"Reelwright-{version}-macos-{machine()}{'' if gpu == 'cpu' else '-' + gpu}.dmg"
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Reelwright",
            "-srcfolder",
            str(app),
            "-ov",
            "-format",
            "UDZO",
            str(dmg),
        ]
    )
    return dmg


def write_build_info(facts: dict[str, object], gpu: str) -> None:
    """build-info.json beside the executable: what a support question needs to know."""
    folder = {"win32": DIST / "Reelwright", "darwin": DIST / "Reelwright.app" / "Contents"}
    target = folder.get(sys.platform, DIST / "reelwright") / "build-info.json"
    info = {key: facts[key] for key in ("reelwright", "llama_cpp", "gpu_offload", "system_info")}
    info.update(
        gpu=gpu,
        platform=f"{sys.platform}-{machine()}",
        built=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )
    target.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def build(args: argparse.Namespace) -> list[Path]:
    if sys.platform not in GPU_PLATFORMS[args.gpu]:
        raise BuildError(f"--gpu {args.gpu} cannot be built on {sys.platform}")
    python = ensure_venv(args.venv)
    if not args.skip_install:
        install_requirements(python)
    facts = probe(python)
    if not args.keep_llama and llama_build_wanted(args.venv, args.gpu, str(facts["llama_cpp"])):
        install_llama(args.venv, args.gpu, str(facts["llama_cpp"]))
        facts = probe(python)
    check_facts(facts, args.gpu, args.venv)
    print(f"llama.cpp backend: {facts['system_info']}")
    run_pyinstaller(python)
    write_build_info(facts, args.gpu)
    version = str(facts["reelwright"])
    outputs: list[Path | None]
    if sys.platform == "linux":
        outputs = [
            DIST / "reelwright",
            None if args.no_archive else package_linux(version, args.gpu),
        ]
    elif sys.platform == "win32":
        outputs = [
            DIST / "Reelwright",
            None if args.no_archive else package_windows(version, args.gpu),
        ]
    else:
        outputs = [
            DIST / "Reelwright.app",
            None if args.no_archive else package_macos(version, args.gpu),
        ]
    return [path for path in outputs if path is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--gpu",
        choices=sorted(GPU_CMAKE_ARGS),
        default="cpu",
        help="llama.cpp backend to bundle (default: cpu)",
    )
    parser.add_argument(
        "--venv",
        type=Path,
        default=DEFAULT_VENV,
        help=f"build venv, made when missing (default: {DEFAULT_VENV})",
    )
    parser.add_argument(
        "--skip-install", action="store_true", help="use the build venv as it is (no pip install)"
    )
    parser.add_argument(
        "--keep-llama",
        action="store_true",
        help="bundle llama-cpp-python as installed (may be CPU-specific)",
    )
    parser.add_argument(
        "--no-archive",
        action="store_true",
        help="stop after the folder bundle (no tarball/setup/dmg)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        outputs = build(args)
    except BuildError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    print(f"done in {time.monotonic() - started:.0f} s:")
    for path in outputs:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
