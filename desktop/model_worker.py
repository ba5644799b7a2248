"""The co-writer's model thread: ONE worker object on ONE ``QThread`` owns the loaded engine.

Why one thread: a llama.cpp model used from two threads fails (``llama_decode returned
-1``), and a load or a generation must never run on the GUI thread. The worker receives
plain data only (a :class:`ModelChoice` or an :class:`ActionJob`: the script as a string,
a line number, the action's options and sampler), never a widget or the live document, and
sends every event back over queued signals tagged with the job's request id.

The GUI side is :class:`ModelHost`, the one owner of the current request: it hands out
request ids, keeps the cancel token of the current job, checks each event's id once and
emits it on a typed signal (``prompt_ready``, ``chunk``, ``retry``, ``suggestion``, then
``done`` or ``error``); events of a job that was cancelled or replaced are dropped there, so
nothing downstream sees or checks an id. Shutdown sets the token, quits the thread's event
loop and waits: the engine checks the token between tokens and prompt batches, so a
running generation ends within one token. Its own sentences are in the interface's language
(``QCoreApplication.translate`` is thread-safe); the model layer's errors pass as written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from reelwright.models.remote import ServerModel
from reelwright.models.types import CancelToken, EngineSettings, ModelFacts, SamplerSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ModelChoice:
    """Which model to load and how. ``spec`` is what ``store.open_model`` takes:
    ``default``, a catalog or installed id, a ``.gguf`` path, or a :class:`ServerModel`
    (a model on an OpenAI-compatible server; then only ``settings.n_ctx`` matters)."""

    spec: str | ServerModel
    settings: EngineSettings = field(default_factory=EngineSettings)


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """A model that loaded: where from (its file, or its server's address), and what the
    engine says about itself."""

    choice: ModelChoice
    path: str
    facts: ModelFacts
    seconds: float


@dataclass(frozen=True, slots=True)
class ActionJob:
    """One writing action to run: a snapshot of the script, never the live document."""

    request_id: int
    action: str
    script_text: str
    cursor_line: int | None = None
    scene: int | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    sampler: SamplerSettings | None = None
    """The whole sampler; None: the action's defaults for the loaded model's context..."""
    sampler_changes: Mapping[str, Any] = field(default_factory=dict)
    """...with these fields changed (the writer's settings for this action)."""
    n: int = 1
    cancel: CancelToken = field(default_factory=CancelToken)
    """Set from the GUI thread; the engine checks it between tokens."""


@dataclass(frozen=True, slots=True)
class JobDone:
    """The end of a job: ``reason`` is "done", "cancelled" or "error" (``message`` says why)."""

    request_id: int
    reason: str
    message: str = ""
    completion_tokens: int = 0
    generating_seconds: float = 0.0
    """Seconds spent producing tokens, summed over alternatives (prompt reading excluded)."""
    wall_seconds: float = 0.0

    @property
    def tokens_per_second(self) -> float:
        if self.generating_seconds <= 0:
            return 0.0
        return self.completion_tokens / self.generating_seconds


class ModelWorker(QObject):
    """Lives on the model thread; every slot runs there. Only :class:`ModelHost` talks to
    it; widgets connect to the host's signals."""

    loaded = Signal(object)
    """LoadedModel."""
    load_failed = Signal(object, str)
    """ModelChoice, one sentence saying what is wrong."""
    produced = Signal(int, object)
    """Request id, an action event (PromptReady, SuggestionChunk, Retry, Suggestion)."""
    done = Signal(object)
    """JobDone."""

    def __init__(self) -> None:
        super().__init__()
        self._engine: Any = None
        self._loaded: LoadedModel | None = None
        self._failure: tuple[ModelChoice, str] | None = None

    @Slot(object)
    def load(self, choice: ModelChoice) -> None:
        """Load ``choice`` (probing a new file in a child process first); the old model goes."""
        if self._loaded is not None and self._loaded.choice == choice:
            self.loaded.emit(self._loaded)
            return
        self.release()
        started = time.perf_counter()
        try:
            engine, path = open_engine(choice)
        except Exception as error:  # ModelError, ReelwrightError, or a missing llama_cpp
            message = _sentence(error)
            log.warning("could not load %r: %s", choice.spec, message)
            self._failure = (choice, message)
            self.load_failed.emit(choice, message)
            return
        self._engine = engine
        self._failure = None
        self._loaded = LoadedModel(choice, path, engine.facts, time.perf_counter() - started)
        self.loaded.emit(self._loaded)

    @Slot(object)
    def run(self, job: ActionJob) -> None:
        """Run one action and stream its events; errors end the job, never the thread."""
        started = time.perf_counter()
        if job.cancel.cancelled:
            self.done.emit(JobDone(job.request_id, "cancelled"))
            return
        if self._engine is None:
            why = (
                self._failure[1]
                if self._failure
                else QCoreApplication.translate("ModelWorker", "no model is loaded")
            )
            self.done.emit(JobDone(job.request_id, "error", why))
            return
        from reelwright.models.actions import Suggestion, default_sampler, run_action

        tokens = 0
        generating = 0.0
        failures: list[str] = []
        try:
            sampler = job.sampler or default_sampler(job.action, self._engine.facts.n_ctx)
            if job.sampler_changes:
                sampler = replace(sampler, **dict(job.sampler_changes))
            events = run_action(
                self._engine,
                job.action,
                job.script_text,
                cursor_line=job.cursor_line,
                scene=job.scene,
                options=dict(job.options),
                sampler=sampler,
                n=job.n,
                cancel=job.cancel,
            )
            for event in events:
                if isinstance(event, Suggestion) and event.finished is not None:
                    tokens += event.finished.completion_tokens
                    finished = event.finished
                    generating += max(0.0, finished.seconds - finished.first_token_seconds)
                    if event.finished.reason == "error":
                        failures.append(event.failure or "the model failed")
                self.produced.emit(job.request_id, event)
        except Exception as error:  # a request that cannot be made: one sentence
            log.info("action %s refused: %s", job.action, error)
            self.done.emit(JobDone(job.request_id, "error", _sentence(error)))
            return
        wall = time.perf_counter() - started
        if job.cancel.cancelled:
            reason, message = "cancelled", ""
        elif failures:
            reason, message = "error", failures[0]
        else:
            reason, message = "done", ""
        self.done.emit(JobDone(job.request_id, reason, message, tokens, generating, wall))

    @Slot()
    def release(self) -> None:
        """Free the model (on this thread, or on any thread once this one has ended)."""
        engine, self._engine, self._loaded = self._engine, None, None
        if engine is not None:
            engine.close()


def open_engine(choice: ModelChoice) -> tuple[Any, str]:
    """The engine for ``choice`` and where it runs: the file (probed in a child process the
    first time) or the server (asked first whether it serves the model). Any object keeping
    the ``models.types.Engine`` protocol will do: the tests put a stand-in here."""
    from reelwright.models.store import open_model

    return open_model(choice.spec, choice.settings)


def _sentence(error: BaseException) -> str:
    from reelwright.screenplay.errors import ReelwrightError

    if isinstance(error, ReelwrightError):
        return str(error)
    if isinstance(error, ImportError):
        text = QCoreApplication.translate(
            "ModelWorker", "llama-cpp-python is not usable here ({error}); reinstall it"
        )
        return text.format(error=error)
    return f"{type(error).__name__}: {error}"


class ModelHost(QObject):
    """The GUI thread's handle on the model thread, and the one owner of the request id.

    ``run`` starts a request (stopping the one running); only that request's events come
    out of the typed signals below, those of any earlier request are dropped here (the
    worker may still be finishing one that was cancelled). ``shutdown`` must be called
    before the host is destroyed.
    """

    loading = Signal(object)
    """ModelChoice: a load was asked for."""
    loaded = Signal(object)
    """LoadedModel, the model now in use."""
    load_failed = Signal(object, str)
    """ModelChoice, one sentence saying what is wrong."""
    prompt_ready = Signal(object)
    """PromptReady: what the prompt holds; writing starts."""
    chunk = Signal(object)
    """SuggestionChunk: a piece of a take as it is written."""
    retry = Signal(object)
    """Retry: a take failed its check and is written again (drop its text so far)."""
    suggestion = Signal(object)
    """Suggestion: the final, checked (or failed, or stopped) form of one take."""
    done = Signal(object)
    """JobDone: the request finished or was stopped (reason "done" or "cancelled")."""
    error = Signal(object)
    """JobDone with reason "error": the request could not run; ``message`` says why."""
    _load_requested = Signal(object)
    _run_requested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("reelwright-model")
        self._worker = ModelWorker()
        self._worker.moveToThread(self._thread)
        self._load_requested.connect(self._worker.load)
        self._run_requested.connect(self._worker.run)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.load_failed.connect(self._on_load_failed)
        self._worker.produced.connect(self._on_event)
        self._worker.done.connect(self._on_done)
        self._next_id = 0
        self._current: ActionJob | None = None
        self._choice: ModelChoice | None = None
        self.model: LoadedModel | None = None
        self.failure: str | None = None
        self._closed = False
        # The thread starts with the first request: a window whose co-writer is never used
        # has no thread to stop (tests and windows closed without asking for anything).

    # Requests ---------------------------------------------------------------------------
    def use_model(self, choice: ModelChoice) -> None:
        """Load ``choice`` unless it is the model already loaded or loading."""
        if self._closed or choice == self._choice:
            return
        self._choice = choice
        self.model = None
        self.failure = None
        self._ensure_thread()
        self.loading.emit(choice)
        self._load_requested.emit(choice)

    def reload(self) -> None:
        """Load the current choice again (after a failure the writer fixed)."""
        choice, self._choice = self._choice, None
        if choice is not None:
            self.use_model(choice)

    @property
    def choice(self) -> ModelChoice | None:
        return self._choice

    def run(
        self,
        action: str,
        script_text: str,
        *,
        cursor_line: int | None = None,
        scene: int | None = None,
        options: Mapping[str, Any] | None = None,
        sampler: SamplerSettings | None = None,
        sampler_changes: Mapping[str, Any] | None = None,
        n: int = 1,
    ) -> int:
        """Start an action (cancelling the one running); returns its request id."""
        self.cancel()
        self._next_id += 1
        job = ActionJob(
            self._next_id,
            action,
            script_text,
            cursor_line,
            scene,
            dict(options or {}),
            sampler,
            dict(sampler_changes or {}),
            n,
        )
        self._current = job
        if not self._closed:
            self._ensure_thread()
            self._run_requested.emit(job)
        return job.request_id

    def cancel(self) -> None:
        """Stop the current job; its ``done`` still arrives (reason "cancelled")."""
        if self._current is not None:
            self._current.cancel.cancel()

    @property
    def current_id(self) -> int | None:
        return self._current.request_id if self._current is not None else None

    @property
    def busy(self) -> bool:
        return self._current is not None

    def _ensure_thread(self) -> None:
        if not self._thread.isRunning():
            self._thread.start()

    # Shutdown ---------------------------------------------------------------------------
    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Cancel, quit the thread and wait for it; True when it ended within the timeout.

        A model load cannot be interrupted; if one is running past ``timeout_ms`` this
        waits for it anyway (a thread destroyed while running would abort the process).
        """
        if self._closed:
            return True
        self._closed = True
        if self._current is not None:
            self._current.cancel.cancel()
        self._thread.quit()
        in_time = self._thread.wait(timeout_ms)
        if not in_time:
            log.warning("the model thread is still busy (loading?); waiting for it")
            self._thread.wait()
        self._worker.release()
        self._current = None
        return in_time

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    # From the worker --------------------------------------------------------------------
    def _on_loaded(self, model: LoadedModel) -> None:
        if model.choice != self._choice:
            return
        self.model = model
        self.failure = None
        self.loaded.emit(model)

    def _on_load_failed(self, choice: ModelChoice, message: str) -> None:
        if choice != self._choice:
            return
        self.failure = message
        self.load_failed.emit(choice, message)

    def _on_event(self, request_id: int, event: object) -> None:
        from reelwright.models.actions import PromptReady, Retry, Suggestion, SuggestionChunk

        if self._current is None or request_id != self._current.request_id:
            return  # a request that was stopped or replaced
        if isinstance(event, SuggestionChunk):
            self.chunk.emit(event)
        elif isinstance(event, PromptReady):
            self.prompt_ready.emit(event)
        elif isinstance(event, Retry):
            self.retry.emit(event)
        elif isinstance(event, Suggestion):
            self.suggestion.emit(event)

    def _on_done(self, done: JobDone) -> None:
        if self._current is None or done.request_id != self._current.request_id:
            return
        self._current = None
        (self.error if done.reason == "error" else self.done).emit(done)
