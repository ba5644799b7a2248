"""Chat templates come from model files written by strangers: they are rendered only in
Jinja2's immutable sandbox (llama-cpp-python's environment) inside the template sandbox's
child process, and one that cannot be rendered makes the prompt completion style, with a
warning, instead of stopping the writer (bounds in time and memory:
test_hardening_template_bounds.py).

Each template here is written into a tiny GPT-NeoX GGUF (``tokenizer.chat_template``),
loaded through ``load_engine`` (the probe's child process first, as the app does) and run
through ``run_action``: nothing a template asks for is executed, no file appears, and the
action still ends in one checked suggestion.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import model_fixtures
import pytest

from reelwright.models.actions import (
    PromptReady,
    Suggestion,
    default_sampler,
    minimum_max_tokens,
    run_action,
)
from reelwright.models.gguf_info import inspect_gguf
from reelwright.models.llama_engine import LlamaEngine, load_engine
from reelwright.models.types import EngineSettings
from reelwright.screenplay.errors import ModelError

SCRIPT = """Title: The Ferry

INT. WHEELHOUSE - NIGHT

MARGIT steers through the fog.

DEV
Is that the bridge?

MARGIT
Not yet.

"""
CURSOR_LINE = 12
"""The blank line after MARGIT's "Not yet." (0-based): the dialogue continues there."""
ACTION = "continue-dialogue"
N_CTX = 2048
CANARY = "reelwright-template-canary"
"""A file the hostile templates try to create; its absolute path replaces this word."""

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

# Templates that try to leave the sandbox: each reaches for Python's internals, the
# process's globals, a shell or a file. Every one must come to nothing. Jinja's sandbox
# raises SecurityError for an unsafe attribute that is used further; one that is only
# printed becomes an undefined value, printed as nothing (RENDERS_EMPTY).
ESCAPES = {
    "mro-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler-globals-popen": "{{ cycler.__init__.__globals__.os.popen('touch CANARY').read() }}",
    "template-reference-context": "{{ self._TemplateReference__context }}",
    "loop-over-subclasses": (
        "{% for c in [].__class__.__base__.__subclasses__() %}"
        "{% if c.__name__ == 'catch_warnings' %}"
        "{{ c()._module.__builtins__['__import__']('os').system('touch CANARY') }}"
        "{% endif %}{% endfor %}"
    ),
    "lipsum-globals-popen": "{{ lipsum.__globals__['os'].popen('touch CANARY').read() }}",
    "joiner-builtins-open": (
        "{{ joiner.__init__.__globals__.__builtins__.open('CANARY', 'w').write('pwned') }}"
    ),
    "attr-filter-globals": (
        "{{ (raise_exception|attr('__globals__'))['__builtins__']['open']('CANARY', 'w') }}"
    ),
    "format-string-globals": (
        "{{ '{0.__init__.__globals__[__builtins__][open]}'.format(cycler)('CANARY', 'w') }}"
    ),
    "strftime-globals": "{{ strftime_now.__globals__['os'].system('touch CANARY') }}",
    "mutate-messages": (
        "{% for m in messages %}{{ m.update({'content': 'pwned'}) }}{{ m.content }}{% endfor %}"
    ),
}
RENDERS_EMPTY = frozenset({"template-reference-context"})

# Templates that cannot be rendered at all.
BROKEN = {
    "raise-exception": "{{ raise_exception('This model only talks to its own server.') }}",
    "enormous-loop": "{% for i in range(10**9) %}{{ messages[0]['content'] }}{% endfor %}",
    # Compiled only when first rendered: it must not stop the model from loading.
    "syntax-error": "{% for message in messages %}{{ message['content'] }",
    # Jinja folds constants while it compiles, before any time limit: 10 GB of "x", and a
    # number of 33 billion bits. Only the probe's child, under resource limits, meets them.
    "string-bomb": "{{ 'x' * 10**10 }}",
    "power-bomb": "{{ 10 ** (10 ** 10) }}",
}
# range() is capped, but loops nest: 10**10 empty iterations, no output to stop at.
NESTED_LOOPS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
NESTED_LOOPS_SECONDS = 20


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory, so that a template writing a relative path is seen too."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def engine_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Load a tiny model carrying a template (probe first); closed at teardown. Written
    with a 2048-token context (only metadata: rotary positions), room for a chat prompt
    in a byte-level vocabulary."""
    monkeypatch.setattr(model_fixtures, "TINY_CONTEXT", N_CTX)
    loaded: list[LlamaEngine] = []

    def load(name: str, template: str) -> LlamaEngine:
        path = model_fixtures.write_tiny_gptneox(
            tmp_path / f"tiny-{name}.gguf", chat_template=template
        )
        engine = load_engine(path, EngineSettings(n_ctx=N_CTX, n_threads=1))
        loaded.append(engine)
        return engine

    yield load
    for engine in loaded:
        engine.close()


def run(engine: LlamaEngine) -> tuple[PromptReady, list[Suggestion]]:
    need = minimum_max_tokens(ACTION, SCRIPT, cursor_line=CURSOR_LINE)
    sampler = replace(default_sampler(ACTION, engine.facts.n_ctx), max_tokens=need + 20, seed=5)
    events = list(run_action(engine, ACTION, SCRIPT, cursor_line=CURSOR_LINE, sampler=sampler))
    ready = events[0]
    assert isinstance(ready, PromptReady)
    return ready, [e for e in events if isinstance(e, Suggestion)]


def assert_checked(finals: list[Suggestion]) -> None:
    """One final suggestion, its output check run; the grammar keeps even a random model's
    output valid, so it passes."""
    assert len(finals) == 1
    suggestion = finals[0]
    assert suggestion.ok, f"{suggestion.failure}\n{suggestion.raw}"
    assert suggestion.check.problems == ()
    assert suggestion.text.strip()


def nothing_written(workdir: Path, canary: Path) -> None:
    assert not canary.exists(), "a chat template wrote a file"
    assert list(workdir.iterdir()) == [], "a chat template wrote into the working directory"


@pytest.mark.slow
def test_benign_chatml_template_makes_a_chat_prompt(
    engine_for, workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = engine_for("chatml", CHATML)
    assert engine.facts.chat_template == CHATML
    rendered = engine.render_chat([{"role": "user", "content": "Hello."}])
    assert rendered == "<|im_start|>user\nHello.<|im_end|>\n<|im_start|>assistant\n"
    with caplog.at_level(logging.WARNING):
        ready, finals = run(engine)
    assert ready.style == "chat"
    assert "chat template failed" not in caplog.text
    assert_checked(finals)
    assert list(workdir.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_sandbox_escapes_come_to_nothing(
    name: str, engine_for, workdir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    canary = tmp_path / CANARY
    template = ESCAPES[name].replace("CANARY", str(canary))
    engine = engine_for(name, template)
    # The file's facts carry the template verbatim: read, never rendered here (the
    # probe's child process rendered it once, and remembered what went wrong).
    assert inspect_gguf(engine.path).chat_template == template
    assert engine.facts.chat_template == template
    nothing_written(workdir, canary)
    messages = [{"role": "user", "content": "Hello."}]
    if name in RENDERS_EMPTY:
        assert engine.render_chat(messages) == ""
    else:
        with pytest.raises(ModelError, match=r"failed to render .*is unsafe"):
            engine.render_chat(messages)
    assert messages == [{"role": "user", "content": "Hello."}]
    nothing_written(workdir, canary)
    # Through a writing action: a refused template makes a completion prompt, with a
    # warning; either way the action ends in a checked suggestion.
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        ready, finals = run(engine)
    if name in RENDERS_EMPTY:
        assert ready.style == "chat"
    else:
        assert ready.style == "completion"
        assert "chat template failed" in caplog.text
        assert "is unsafe" in caplog.text
        assert "using a completion-style prompt" in caplog.text
    assert_checked(finals)
    nothing_written(workdir, canary)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_templates_fall_back_to_completion_prompts(
    name: str, engine_for, workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    template = BROKEN[name]
    engine = engine_for(name, template)
    assert inspect_gguf(engine.path).chat_template == template
    assert engine.facts.chat_template == template
    with pytest.raises(ModelError, match=r"chat template of .* failed to render"):
        engine.render_chat([{"role": "user", "content": "Hello."}])
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        ready, finals = run(engine)
    assert ready.style == "completion"
    assert "chat template failed" in caplog.text
    assert_checked(finals)
    assert list(workdir.iterdir()) == []


@pytest.mark.slow
def test_nested_enormous_loops_are_cut_short(tmp_path: Path) -> None:
    """Run in a child process, which is killed if the template still runs after
    NESTED_LOOPS_SECONDS: the model thread of the app must not hang on a template. The
    template sandbox stops the render once it has used its processor time."""
    path = model_fixtures.write_tiny_gptneox(tmp_path / "loops.gguf", chat_template=NESTED_LOOPS)
    code = (
        "import sys\n"
        "from reelwright.models.llama_engine import load_engine\n"
        "from reelwright.models.types import EngineSettings\n"
        "from reelwright.screenplay.errors import ModelError\n"
        "engine = load_engine(sys.argv[1], EngineSettings(n_ctx=512, n_threads=1), probe=False)\n"
        "try:\n"
        "    engine.render_chat([{'role': 'user', 'content': 'Hello.'}])\n"
        "except ModelError as error:\n"
        "    print('refused:', error)\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=NESTED_LOOPS_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the template still ran after {NESTED_LOOPS_SECONDS} s")
    assert done.returncode == 0, done.stderr
    assert "refused:" in done.stdout and "processor time" in done.stdout


def test_the_sandbox_caps_range() -> None:
    """Why the "enormous-loop" template ends at once: jinja's sandbox replaces ``range`` with
    one that refuses more than ``MAX_RANGE`` items (an OverflowError, before any loop)."""
    from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment

    assert MAX_RANGE <= 100_000
    environment = ImmutableSandboxedEnvironment()
    with pytest.raises(OverflowError):
        environment.from_string("{% for i in range(10**9) %}x{% endfor %}").render()
