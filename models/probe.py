"""Try a model in a short-lived child process before the application loads it.

Why: some llama.cpp failures do not raise, they end the process (``GGML_ASSERT`` aborts, a
crash in a CPU kernel). A writer's unsaved script must never go down with a bad model
file, so the first load of a file happens in ``python -m reelwright.models.probe``: it
loads the model with a small context, evaluates a few tokens in one batch and samples one.
Files that passed are remembered by path, size and modification time in
``probe-cache.json`` in the data folder (``store.data_dir()``), and for this process in
memory, so later loads start at once.

When the child dies from a signal the probe tries again without llama.cpp's weight
repacking (the AMX and CPU "extra buffer types", which crash on some machines), then on
the CPU alone; the settings that worked are remembered with the file.

A model's chat template is a program from a stranger. Every render of it, here and in the
app, happens in the template sandbox (``models/template_sandbox.py``), a child process
bounded in time and memory. The probe renders the template once with fixed trial
messages; a template that fails there is remembered with the file, and the app never
renders it: its prompts are plain script prompts, with a warning. A template that behaves
for the trial and breaks the bound for a real prompt is remembered the same way, from the
app (``remember_template_error``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reelwright.models.types import EngineSettings
from reelwright.screenplay.errors import ModelError

log = logging.getLogger(__name__)

CACHE_NAME = "probe-cache.json"
PROBE_CONTEXT = 256
PROBE_PROMPT = "INT. KITCHEN - NIGHT\n\nA kettle whistles. MARA, 40s, turns off the stove.\n\n"
TIMEOUT_SECONDS = 600.0
"""A 40 GB model on a slow disk takes minutes to map; a hung child is killed after this."""
TRIAL_MESSAGES = (
    {"role": "system", "content": "You are a screenwriter's assistant."},
    {"role": "user", "content": PROBE_PROMPT + "Continue the scene."},
)


@dataclass(frozen=True, slots=True)
class ProbeVerdict:
    """How the file loads safely in this process."""

    extra_buffer_types: bool = True
    cpu_only: bool = False
    template_error: str | None = None
    """Why the model's chat template failed its trial render; None when it rendered (or
    the model has none)."""


@dataclass(frozen=True, slots=True)
class _Outcome:
    ok: bool
    crashed: bool
    message: str
    template_error: str | None = None


_memory: dict[tuple[str, int, int], ProbeVerdict] = {}
_memory_lock = threading.Lock()


def _cache_path() -> Path:
    from reelwright.models.store import data_dir

    return data_dir() / CACHE_NAME


def _key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def _read_cache() -> dict[str, Any]:
    try:
        data = json.loads(_cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    models = data.get("models") if isinstance(data, dict) else None
    return models if isinstance(models, dict) else {}


def _remember(key: tuple[str, int, int], verdict: ProbeVerdict) -> None:
    with _memory_lock:
        _memory[key] = verdict
    models = _read_cache()
    models[key[0]] = {"size": key[1], "mtime_ns": key[2], **asdict(verdict)}
    try:
        from reelwright.screenplay.fileio import atomic_write_text

        folder = _cache_path().parent
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": 1, "models": models}, indent=1, ensure_ascii=False)
        atomic_write_text(_cache_path(), text + "\n")
    except (OSError, ValueError) as error:  # the probe result still holds for this run
        log.warning("could not remember that %s loads: %s", key[0], error)


def known_verdict(path: str | os.PathLike[str]) -> ProbeVerdict | None:
    """The remembered verdict for this exact file, or None if it was never probed."""
    try:
        key = _key(Path(path))
    except OSError:
        return None
    with _memory_lock:
        if key in _memory:
            return _memory[key]
    entry = _read_cache().get(key[0])
    if isinstance(entry, dict) and entry.get("size") == key[1] and entry.get("mtime_ns") == key[2]:
        refused = entry.get("template_error")
        verdict = ProbeVerdict(
            extra_buffer_types=bool(entry.get("extra_buffer_types", True)),
            cpu_only=bool(entry.get("cpu_only", False)),
            template_error=str(refused) if refused else None,
        )
        with _memory_lock:
            _memory[key] = verdict
        return verdict
    return None


def remember_template_error(path: str | os.PathLike[str], message: str) -> None:
    """Remember with the file's verdict that its chat template is not to be used again
    (``message`` says why). A file that was never probed has no verdict to hold it: the
    engine that met the failure keeps it for its own life."""
    verdict = known_verdict(path)
    if verdict is None or verdict.template_error == message:
        return
    try:
        key = _key(Path(path))
    except OSError:
        return
    _remember(key, dataclasses.replace(verdict, template_error=message))


def ensure_loadable(
    path: str | os.PathLike[str],
    settings: EngineSettings | None = None,
    *,
    timeout: float = TIMEOUT_SECONDS,
) -> ProbeVerdict:
    """Probe ``path`` in a child process unless it passed before; raise ``ModelError``."""
    file = Path(path)
    verdict = known_verdict(file)
    if verdict is not None:
        return verdict
    settings = settings or EngineSettings()
    attempts = [ProbeVerdict(True, False), ProbeVerdict(False, False)]
    if settings.n_gpu_layers != 0:
        attempts.append(ProbeVerdict(False, True))
    last = _Outcome(False, True, "")
    for attempt in attempts:
        last = _run_child(file, settings, attempt, timeout)
        if last.ok:
            if attempt != attempts[0]:
                log.warning(
                    "%s crashed llama.cpp with its default settings; it loads with %s",
                    file.name,
                    "weight repacking off" if not attempt.cpu_only else "the CPU alone",
                )
            verdict = dataclasses.replace(attempt, template_error=last.template_error)
            _remember(_key(file), verdict)
            return verdict
        if not last.crashed:
            raise ModelError(last.message)
    raise ModelError(
        f"llama.cpp crashed while loading {file.name}"
        + (f": {last.message}" if last.message else "")
    )


@dataclass(frozen=True, slots=True)
class _Done:
    returncode: int
    stdout: str
    stderr: str


def _run_child(
    file: Path, settings: EngineSettings, attempt: ProbeVerdict, timeout: float
) -> _Outcome:
    layers = 0 if attempt.cpu_only else settings.n_gpu_layers
    argv = [
        str(file),
        "--extra-buffer-types",
        "1" if attempt.extra_buffer_types else "0",
        "--n-gpu-layers",
        "auto" if layers is None else str(layers),
    ]
    log.info("probing %s in a child process (%s)", file.name, attempt)
    try:
        if getattr(sys, "frozen", False):
            done = _spawn(argv, timeout)
        else:
            ran = subprocess.run(
                [sys.executable, "-m", "reelwright.models.probe", *argv],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                check=False,
            )
            done = _Done(ran.returncode, ran.stdout, ran.stderr)
    except subprocess.TimeoutExpired:
        return _Outcome(False, False, f"loading {file.name} took longer than {timeout:.0f} s")
    except OSError as error:
        return _Outcome(False, False, f"could not start a process to try {file.name}: {error}")
    report: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            try:
                report.update(json.loads(line))
            except ValueError:
                continue
    if report.get("ok"):  # loaded; a death after that is the chat template's trial render
        template = report.get("template", "ok")
        if report.get("has_template") and "template" not in report:
            template = (
                f"the chat template of {file.name} failed to render (the process trying "
                f"it ended with status {done.returncode})"
            )
        if template != "ok":
            log.warning("%s; its prompts will be plain script prompts", template)
        return _Outcome(True, False, "", None if template == "ok" else str(template))
    if report.get("error"):
        return _Outcome(False, False, str(report["error"]))
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    said = next(
        (line for line in reversed(lines) if "error" in line.lower() or "assert" in line.lower()),
        lines[-1] if lines else "",
    )
    crashed = done.returncode < 0 or done.returncode > 1
    if done.returncode < 0:
        import signal

        try:
            name = signal.Signals(-done.returncode).name
        except ValueError:
            name = f"signal {-done.returncode}"
        said = f"the process died of {name}" + (f" after: {said}" if said else "")
    log.warning("probing %s ended with status %d: %s", file.name, done.returncode, said[:300])
    log.info("the probe's last lines:\n%s", "\n".join(lines[-50:]))
    return _Outcome(False, crashed, said[:300])


def _spawn(argv: list[str], timeout: float) -> _Done:
    """The child for a frozen (PyInstaller) build, where ``python -m`` does not exist:
    a ``multiprocessing`` spawn (the app's entry point calls ``freeze_support()``), its
    output sent to temporary files so that a crash still leaves llama.cpp's last words."""
    import multiprocessing
    import tempfile

    with tempfile.TemporaryDirectory(prefix="reelwright-probe-") as folder:
        out, err = Path(folder) / "out", Path(folder) / "err"
        # Not a daemon: the probe's chat template render starts a child of its own.
        process = multiprocessing.get_context("spawn").Process(
            target=_spawned, args=(argv, str(out), str(err))
        )
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired("probe", timeout)

        def read(path: Path) -> str:
            try:
                return path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                return ""

        return _Done(process.exitcode if process.exitcode is not None else 1, read(out), read(err))


def _spawned(argv: list[str], out: str, err: str) -> None:
    """Entry of the spawned child: file descriptors 1 and 2 go to files, then probe."""
    for fd, name in ((1, out), (2, err)):
        handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(handle, fd)
        os.close(handle)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    code = _child(argv)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _child(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m reelwright.models.probe")
    parser.add_argument("path")
    parser.add_argument("--extra-buffer-types", choices=("0", "1"), default="1")
    parser.add_argument("--n-gpu-layers", default="auto")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(message)s")
    from reelwright.models.gguf_info import inspect_gguf
    from reelwright.models.llama_engine import LlamaEngine
    from reelwright.models.types import GenerationRequest, SamplerSettings

    layers = None if args.n_gpu_layers == "auto" else int(args.n_gpu_layers)
    settings = EngineSettings(n_ctx=PROBE_CONTEXT, n_gpu_layers=layers, n_batch=64)
    try:
        engine = LlamaEngine(
            inspect_gguf(args.path), settings, extra_buffer_types=args.extra_buffer_types == "1"
        )
        request = GenerationRequest(
            prompt=PROBE_PROMPT, sampler=SamplerSettings(temperature=0.0, max_tokens=1)
        )
        for item in engine.generate(request):
            error = getattr(item, "error", None)
            if error:
                raise ModelError(error)
        facts = engine.facts
    except ModelError as error:
        print(json.dumps({"ok": False, "error": str(error)}), flush=True)
        return 1
    print(
        json.dumps(
            {
                "ok": True,
                "backend": facts.backend,
                "n_gpu_layers": facts.n_gpu_layers,
                "has_template": bool(facts.chat_template),
            }
        ),
        flush=True,
    )
    if facts.chat_template:
        print(json.dumps({"template": _trial_render(engine)}), flush=True)
    engine.close()
    return 0


def _trial_render(engine: Any) -> str:
    """Render the chat template once (in the template sandbox, like every render): "ok",
    or why it cannot be used."""
    try:
        engine.render_chat([dict(m) for m in TRIAL_MESSAGES])
    except ModelError as error:
        return str(error)
    return "ok"


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
