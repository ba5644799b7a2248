"""Every render of a chat template is bounded in time and memory, for every prompt.

The probe renders a template once with fixed trial messages; the templates here behave
for those and blow up only for a real prompt (a long last message): a power of the message
count that one C-level multiplication computes for minutes, a string repeated into
gigabytes, loops that never end. Each is written into a real GGUF (a tiny GPT-NeoX) and
driven the ways a writer drives it: a writing action (``suggest``), ``generate --chat``,
and the app's model thread. The render happens in the template sandbox's child process:
the process asking for it waits at most the bound, its memory does not grow, the template
is remembered with the file and never rendered again, and the writer still gets a plain
script prompt with a warning.

The sandbox itself (``models/template_sandbox.py``) is tested without a model too: its
child is reused between renders, replaced after a bound is broken or after it died, and
renders what llama-cpp-python's own chat formatter renders.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import model_fixtures
import pytest

from reelwright.models import probe, template_sandbox
from reelwright.models.actions import (
    PromptReady,
    Suggestion,
    default_sampler,
    minimum_max_tokens,
    run_action,
)
from reelwright.models.llama_engine import LlamaEngine, load_engine
from reelwright.models.template_sandbox import TemplateError, TemplateSandbox
from reelwright.models.types import EngineSettings
from reelwright.screenplay.errors import ModelError

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
REAL = "{% if (messages[-1]['content']|length) > 300 %}"
"""True for a real prompt, false for the probe's trial messages (about 90 characters)."""
ONLY_FOR_REAL = {
    # One C-level operation: 10**300000000-ish, minutes of big-number arithmetic.
    "power": REAL + "{{ ((messages|length)+10) ** 300000000 }}{% endif %}" + CHATML,
    # Gigabytes of text from one repetition (the issue saw 1.68 GB resident).
    "repeat": REAL + "{{ messages[-1]['content'] * 3000000 }}{% endif %}" + CHATML,
    # Ten billion empty iterations: Python-level, but never ending.
    "loops": REAL
    + "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    + "{% endif %}"
    + CHATML,
}
BOUND_REASON = {
    "power": "processor time",
    "repeat": "memory",
    "loops": "processor time",
}
SECONDS = 45.0
"""Generous: the bound is 2-3 s of processor time, plus starting a child, on two shared
cores; before the sandbox each of these ran for minutes or exhausted memory."""
REPEAT_NOW = 0.5
"""A remembered template is refused at once, without a render."""

SCRIPT = """Title: The Ferry

INT. WHEELHOUSE - NIGHT

MARGIT steers through the fog. The radar sweeps an empty screen; somewhere to port a
bell buoy clangs, slow and patient, and the deckhand DEV stares into the white.

DEV
Is that the bridge?

MARGIT
Not yet. Keep your eyes on the water and your hands off my wheel.

"""
CURSOR_LINE = 13
ACTION = "continue-dialogue"
N_CTX = 2048
LONG_PROMPT = "Continue this scene in the same voice. " * 20


@pytest.fixture
def model_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Write a tiny GGUF carrying ``template``; its path (the tests load it their way)."""
    monkeypatch.setattr(model_fixtures, "TINY_CONTEXT", N_CTX)

    def write(name: str, template: str) -> Path:
        return model_fixtures.write_tiny_gptneox(
            tmp_path / f"tiny-{name}.gguf", chat_template=template
        )

    yield write


@pytest.fixture
def engines() -> Iterator[list[LlamaEngine]]:
    loaded: list[LlamaEngine] = []
    yield loaded
    for engine in loaded:
        engine.close()


def run(engine: LlamaEngine) -> tuple[PromptReady, list[Suggestion]]:
    need = minimum_max_tokens(ACTION, SCRIPT, cursor_line=CURSOR_LINE)
    sampler = replace(default_sampler(ACTION, engine.facts.n_ctx), max_tokens=need + 20, seed=3)
    events = list(run_action(engine, ACTION, SCRIPT, cursor_line=CURSOR_LINE, sampler=sampler))
    ready = events[0]
    assert isinstance(ready, PromptReady)
    return ready, [e for e in events if isinstance(e, Suggestion)]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ONLY_FOR_REAL))
def test_a_template_that_blows_up_for_real_prompts_is_bounded_and_remembered(
    name: str,
    model_with,
    engines: list[LlamaEngine],
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = model_with(name, ONLY_FOR_REAL[name])
    settings = EngineSettings(n_ctx=N_CTX, n_threads=1)
    engine = load_engine(path, settings)
    engines.append(engine)
    assert engine.template_error is None, "the trial render should have passed"
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        ready, finals = run(engine)
    assert time.monotonic() - started < SECONDS
    # The writer still gets a checked suggestion, from a plain script prompt.
    assert ready.style == "completion"
    assert "using a completion-style prompt" in caplog.text
    assert len(finals) == 1 and finals[0].ok, finals[0].failure if finals else "no suggestion"
    # Remembered: by this engine, with the file, and by the next load of the file.
    said = engine.template_error
    assert said and BOUND_REASON[name] in said, said
    assert "will not be used again" in caplog.text
    started = time.monotonic()
    with pytest.raises(ModelError, match="failed to render"):
        engine.render_chat([{"role": "user", "content": LONG_PROMPT}])
    assert time.monotonic() - started < REPEAT_NOW
    assert probe.known_verdict(path) == probe.ProbeVerdict(template_error=said)
    probe._memory.clear()  # a new process reads the probe's file
    assert probe.known_verdict(path) == probe.ProbeVerdict(template_error=said)
    again = load_engine(path, settings)
    engines.append(again)
    assert again.template_error == said
    ready, finals = run(again)
    assert ready.style == "completion"
    assert again._sandbox is None, "a remembered template started a sandbox"


@pytest.mark.slow
def test_a_good_template_renders_many_prompts_in_one_child(
    model_with, engines: list[LlamaEngine]
) -> None:
    path = model_with("chatml", CHATML)
    engine = load_engine(path, EngineSettings(n_ctx=N_CTX, n_threads=1))
    engines.append(engine)
    for number in range(20):
        prompt = engine.render_chat([{"role": "user", "content": f"{LONG_PROMPT} {number}"}])
        assert prompt.endswith(f" {number}<|im_end|>\n<|im_start|>assistant\n")
    assert engine._sandbox is not None and engine._sandbox.starts == 1
    child = engine._sandbox.pid
    assert child is not None
    engine.close()
    assert not _alive(child), "closing the engine left its template sandbox running"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["power", "repeat"])
def test_generate_chat_is_bounded_in_time_and_memory(name: str, model_with) -> None:
    """``reelwright generate --chat`` in its own process: it ends within the bound with one
    line, and its resident memory stays far below the gigabytes the template asks for."""
    path = model_with(name, ONLY_FOR_REAL[name])
    out_path, err_path = path.with_suffix(".out"), path.with_suffix(".err")
    peak_path = path.with_suffix(".peak")
    started = time.monotonic()
    with out_path.open("w") as out, err_path.open("w") as err:
        # A small launcher starts the command and reads its peak memory: a child started
        # straight from this test process would report the test process's own peak (Linux
        # records the old address space's high-water mark at exec, and pytest, after the
        # suite's model tests, is itself well over a gigabyte).
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _PEAK_OF_CHILD,
                str(peak_path),
                sys.executable,
                "-m",
                "reelwright.cli.main",
                "generate",
                str(path),
                LONG_PROMPT,
                "--chat",
                "--max-tokens",
                "4",
                "--threads",
                "1",
                "--ctx",
                str(N_CTX),
            ],
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    watchdog = threading.Timer(SECONDS * 2, os.killpg, (child.pid, signal.SIGKILL))
    watchdog.start()
    try:
        child.wait()
    finally:
        watchdog.cancel()
    assert time.monotonic() - started < SECONDS * 2, "generate --chat ran on until killed"
    err = err_path.read_text()
    assert child.returncode == 1, err
    lines = [line for line in err.splitlines() if line.startswith("reelwright:")]
    assert len(lines) == 1, err
    assert "failed to render" in lines[0] and BOUND_REASON[name] in lines[0], lines[0]
    assert "Traceback" not in err
    peak_kib = int(peak_path.read_text())  # the command's, and its children's, resident peak
    assert peak_kib < 900 * 1024, f"a process reached {peak_kib >> 10} MiB"


_PEAK_OF_CHILD = """\
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


@pytest.mark.slow
def test_the_app_model_thread_is_bounded_and_the_window_keeps_painting(qtbot, model_with) -> None:
    """The co-writer's model thread runs the action; the GUI thread's timer keeps ticking
    (an in-process render would hold the GIL for the whole C-level power)."""
    from PySide6.QtCore import QTimer

    from reelwright.desktop.model_worker import ModelChoice, ModelHost

    path = model_with("power", ONLY_FOR_REAL["power"])
    probe.ensure_loadable(path, EngineSettings(n_ctx=N_CTX, n_threads=1))  # probed already
    host = ModelHost()
    try:
        with qtbot.waitSignal(host.loaded, timeout=60_000):
            host.use_model(ModelChoice(str(path), EngineSettings(n_ctx=N_CTX, n_threads=1)))
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        events: list[object] = []
        ended: list[object] = []
        host.prompt_ready.connect(events.append)
        host.done.connect(ended.append)
        host.error.connect(ended.append)
        need = minimum_max_tokens(ACTION, SCRIPT, cursor_line=CURSOR_LINE)
        sampler = replace(default_sampler(ACTION, N_CTX), max_tokens=need + 20, seed=3)
        timer.start()
        started = time.monotonic()
        host.run(ACTION, SCRIPT, cursor_line=CURSOR_LINE, sampler=sampler)
        qtbot.waitUntil(lambda: bool(ended), timeout=int(SECONDS * 1000))
        timer.stop()
        assert time.monotonic() - started < SECONDS
        assert ended[0].reason == "done", ended[0].message
        ready = next(e for e in events if isinstance(e, PromptReady))
        assert ready.style == "completion"
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert len(ticks) > 10 and max(gaps) < 1.0, f"the GUI thread stalled {max(gaps):.2f} s"
        assert "processor time" in (probe.known_verdict(path).template_error or "")
    finally:
        host.shutdown(5000)


# -- the sandbox alone ---------------------------------------------------------------------


@pytest.fixture
def sandbox() -> Iterator[TemplateSandbox]:
    box = TemplateSandbox()
    yield box
    box.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers; it is gone once its state says so.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_child_is_reused_and_an_error_of_the_template_keeps_it(
    sandbox: TemplateSandbox,
) -> None:
    messages = [{"role": "user", "content": "Hello."}]
    assert sandbox.render(CHATML, messages) == (
        "<|im_start|>user\nHello.<|im_end|>\n<|im_start|>assistant\n"
    )
    first = sandbox.pid
    with pytest.raises(TemplateError, match="only its own server") as raised:
        sandbox.render("{{ raise_exception('only its own server') }}", messages)
    assert raised.value.broke_bound is False
    with pytest.raises(TemplateError, match="unsafe") as raised:
        sandbox.render("{{ ''.__class__.__mro__[1].__subclasses__()|length + 1 }}", messages)
    assert raised.value.broke_bound is False
    assert sandbox.render(CHATML, messages).startswith("<|im_start|>user")
    assert sandbox.pid == first and sandbox.starts == 1


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("{{ ((messages|length)+10) ** 300000000 }}", "processor time"),
        ("{{ 'x' * ((messages|length) * 4000000000) }}", "memory"),
        ("{% for i in range(99999) %}{{ messages[0].content }}{% endfor %}", "memory"),
    ],
)
def test_a_broken_bound_replaces_the_child(
    sandbox: TemplateSandbox, template: str, reason: str
) -> None:
    messages = [{"role": "user", "content": "x" * 20000}]
    assert sandbox.render(CHATML, messages)
    first = sandbox.pid
    assert first is not None
    started = time.monotonic()
    with pytest.raises(TemplateError, match=reason) as raised:
        sandbox.render(template, messages)
    assert raised.value.broke_bound is True
    assert time.monotonic() - started < SECONDS
    deadline = time.monotonic() + 10
    while _alive(first) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(first), "the child that broke the bound is still running"
    assert sandbox.render(CHATML, messages).endswith("assistant\n")
    assert sandbox.pid != first and sandbox.starts == 2


def test_a_starved_render_is_stopped_by_the_wall_clock_without_blaming_the_template() -> None:
    """With resource limits in place, a render that the wall clock stops before it used
    its processor time means a busy machine: that render fails, the template is not
    marked as having broken the bound."""
    box = TemplateSandbox(cpu_seconds=600, wall_seconds=0.5)
    try:
        box.render(CHATML, [{"role": "user", "content": "warm up"}])
        assert box.wall_seconds * 8 < 600, "the processor-time limit must not come first"
        child = box.pid
        assert child is not None
        os.kill(child, signal.SIGSTOP)  # the machine gives it no processor time
        with pytest.raises(TemplateError, match="too busy") as raised:
            box.render(CHATML, [{"role": "user", "content": "Hello."}])
        assert raised.value.broke_bound is False
        assert not _alive(child)
    finally:
        box.close()


def test_a_long_render_is_stopped_by_the_wall_clock() -> None:
    box = TemplateSandbox(cpu_seconds=600, wall_seconds=2.0)
    try:
        started = time.monotonic()
        with pytest.raises(TemplateError) as raised:
            box.render("{{ 7 ** ((messages|length) * 900000000) }}", [{"role": "user"}])
        assert time.monotonic() - started < 15
        # It computed all along (not starved): the template is to blame.
        assert raised.value.broke_bound is True, raised.value
        assert "more than 2 s" in str(raised.value)
    finally:
        box.close()


def test_a_child_that_died_between_renders_is_replaced_quietly(sandbox: TemplateSandbox) -> None:
    messages = [{"role": "user", "content": "Hello."}]
    sandbox.render(CHATML, messages)
    first = sandbox.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _alive(first) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sandbox.render(CHATML, messages).startswith("<|im_start|>user")
    assert sandbox.starts == 2


def test_the_child_cannot_write_files(sandbox: TemplateSandbox, tmp_path: Path) -> None:
    """Belt and braces behind Jinja's sandbox: the child may not create file content."""
    assert sandbox.pid is None
    sandbox.render(CHATML, [{"role": "user", "content": "x"}])
    child = sandbox.pid
    assert child is not None
    with open(f"/proc/{child}/limits", encoding="ascii") as limits:
        table = limits.read()
    size = next(line for line in table.splitlines() if line.startswith("Max file size"))
    assert size.split()[3] == "0", size
    cpu = next(line for line in table.splitlines() if line.startswith("Max cpu time"))
    assert cpu.split()[3] != "unlimited", cpu
    space = next(line for line in table.splitlines() if line.startswith("Max address space"))
    assert space.split()[3] != "unlimited", space


def test_closing_ends_the_child_and_refuses_more_renders() -> None:
    box = TemplateSandbox()
    box.render(CHATML, [{"role": "user", "content": "x"}])
    child = box.pid
    assert child is not None
    box.close()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)
    with pytest.raises(ModelError, match="closed"):
        box.render(CHATML, [{"role": "user", "content": "x"}])


def test_renders_what_llama_cpp_renders(sandbox: TemplateSandbox, default_model_path: Path) -> None:
    """The sandbox's Jinja environment is llama-cpp-python's: the embedded model's own
    template and a few features real templates use give the same text."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    from reelwright.models.gguf_info import inspect_gguf

    smol = inspect_gguf(default_model_path).chat_template
    assert smol
    templates = [
        smol,
        CHATML,
        "{% for m in messages %}{% generation %}{{ m | tojson }}{% endgeneration %}"
        "{% if loop.index > 1 %}{% break %}{% endif %}{% endfor %}{{ bos_token }}{{ eos_token }}",
    ]
    messages = [
        {"role": "system", "content": "Você é um roteirista. 脚本"},
        {"role": "user", "content": 'INT. KITCHEN - NIGHT\n\n"Quotes" and \\ backslashes'},
        {"role": "assistant", "content": "MARA\nNo."},
    ]
    for template in templates:
        theirs = Jinja2ChatFormatter(template, eos_token="</s>", bos_token="<s>")(
            messages=[dict(m) for m in messages]
        ).prompt
        ours = sandbox.render(template, messages, bos_token="<s>", eos_token="</s>")
        assert ours == theirs, template[:60]
    assert json.loads(sandbox.render("{{ messages | tojson }}", messages)) == messages


def test_a_frozen_app_starts_its_child_with_multiprocessing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bundle has no interpreter to run ``-m`` with: the child is a spawn there (and on
    Windows), under the same bounds."""
    monkeypatch.setattr(template_sandbox, "_spawns", lambda: True)
    box = TemplateSandbox()
    try:
        messages = [{"role": "user", "content": "Hello."}]
        assert box.render(CHATML, messages).startswith("<|im_start|>user\nHello.")
        with pytest.raises(TemplateError, match="processor time") as raised:
            box.render("{{ ((messages|length)+10) ** 300000000 }}", messages)
        assert raised.value.broke_bound is True
        assert box.render(CHATML, messages).endswith("assistant\n")
        assert box.starts == 2
    finally:
        box.close()
