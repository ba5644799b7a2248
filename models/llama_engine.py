"""The local engine: one GGUF model in llama.cpp, streamed from our own token loop.

Why our own loop instead of ``create_completion(stream=True)``: llama-cpp-python's
streaming re-decodes the whole completion for every token (quadratic) and holds back all
text after a token that is not valid UTF-8 on its own. Here each token's bytes go through
an incremental UTF-8 decoder, stop strings are matched on the decoded text with only a
possible stop-string prefix held back, and the prompt is fed in batches so that a cancel
lands within one batch (llama.cpp's abort callback cuts a batch short as well).

Threads: one thread at a time drives an engine. ``generate`` holds the engine's lock for
as long as its iterator runs; another thread calling it waits, the same thread calling it
again from inside a running generation gets an error value. ``CancelToken.cancel`` may be
called from any thread.
"""

from __future__ import annotations

import codecs
import contextlib
import ctypes
import dataclasses
import logging
import os
import random
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reelwright.models import llama_log
from reelwright.models.gguf_info import GGUFInfo, inspect_gguf
from reelwright.models.sampling import PENALTY_LAST_N, TokenSampler
from reelwright.models.template_sandbox import TemplateError, TemplateSandbox
from reelwright.models.types import (
    CancelToken,
    Chunk,
    EngineSettings,
    Finished,
    GenerationRequest,
    ModelFacts,
)
from reelwright.screenplay.errors import ModelError

log = logging.getLogger(__name__)


class StopFilter:
    """Cuts streamed text at the first stop string, holding back what could start one.

    ``feed`` returns the text that is safe to show now; ``stopped`` turns true once a stop
    string appeared (the stop string itself and everything after it are dropped).
    """

    def __init__(self, stops: Sequence[str]) -> None:
        self.stops = tuple(s for s in stops if s)
        self.pending = ""
        self.stopped = False

    def feed(self, text: str) -> str:
        if self.stopped:
            return ""
        if not self.stops:
            return text
        buffer = self.pending + text
        cut = min((i for i in (buffer.find(s) for s in self.stops) if i >= 0), default=-1)
        if cut >= 0:
            self.stopped = True
            self.pending = ""
            return buffer[:cut]
        keep = 0
        for stop in self.stops:
            for length in range(min(len(stop) - 1, len(buffer)), keep, -1):
                if buffer.endswith(stop[:length]):
                    keep = length
                    break
        self.pending = buffer[len(buffer) - keep :] if keep else ""
        return buffer[: len(buffer) - keep]

    def flush(self) -> str:
        """The held-back text once no more text will come (it did not become a stop)."""
        rest, self.pending = ("" if self.stopped else self.pending), ""
        return rest


@dataclass(frozen=True, slots=True)
class _Loaded:
    llama: Any
    n_gpu_layers: int


_params_lock = threading.RLock()  # loads wrap llama_cpp functions one at a time


class _UnusedChatFormatter:
    """Stands in for the chat handlers that ``Llama()`` builds from every template in the
    file while it loads. Reelwright never calls them (``render_chat`` renders the template
    in a sandbox child process, and a failure there falls back to a plain prompt), so a
    template that does not even compile must not fail the load of a good model."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def to_chat_handler(self) -> Any:
        def unused(*args: Any, **kwargs: Any) -> Any:
            raise ModelError("use LlamaEngine.render_chat for chat prompts")

        return unused


@contextlib.contextmanager
def _no_chat_handlers() -> Iterator[None]:
    import llama_cpp.llama as high_level

    formatters = high_level.llama_chat_format
    with _params_lock:
        original = formatters.Jinja2ChatFormatter
        formatters.Jinja2ChatFormatter = _UnusedChatFormatter  # type: ignore[misc,assignment]
        try:
            yield
        finally:
            formatters.Jinja2ChatFormatter = original  # type: ignore[misc]


@contextlib.contextmanager
def _model_params(extra_buffer_types: bool) -> Iterator[None]:
    """Load with llama.cpp's weight-repacking buffer types (AMX, CPU repack) on or off.

    ``Llama`` has no argument for ``use_extra_bufts``; it takes llama.cpp's defaults from
    ``llama_model_default_params``, so that function is wrapped while one model loads.
    Why at all: on some machines (seen on a VM whose CPU reports AMX) the AMX path crashes
    the process on the first multi-token batch; the probe finds that out in a child
    process and the load here then goes without it.
    """
    if extra_buffer_types:
        yield
        return
    import llama_cpp.llama_cpp as bindings

    with _params_lock:
        original = bindings.llama_model_default_params

        def without_extra() -> Any:
            params = original()
            params.use_extra_bufts = False
            return params

        bindings.llama_model_default_params = without_extra
        try:
            yield
        finally:
            bindings.llama_model_default_params = original


def default_threads() -> int:
    """Physical cores, one left free for the editor on small machines, at most 8.

    Why not all of them: llama.cpp's threads spin-wait at every barrier, so when another
    program (or our own GUI) takes a core, each token waits for the slowest thread;
    measured on a busy 2-core machine: 1 thread 53 tokens/s, 2 threads 8 tokens/s.
    Hyper-threads add nothing to token generation.
    """
    logical = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
    logical = logical or os.cpu_count() or 1
    physical = 0
    with contextlib.suppress(OSError):
        cores = set()
        physical_id = ""
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("physical id"):
                    physical_id = line.split(":", 1)[1].strip()
                elif line.startswith("core id"):
                    cores.add((physical_id, line.split(":", 1)[1].strip()))
        physical = len(cores)
    cores_here = min(physical or logical, logical)
    if cores_here <= 4:
        cores_here -= 1
    return max(1, min(8, cores_here))


def gpu_offload_supported() -> bool:
    import llama_cpp

    return bool(llama_cpp.llama_supports_gpu_offload())


def backend_name(n_gpu_layers: int) -> str:
    """ "CPU" or the GPU backend that llama.cpp registered ("CUDA", "Metal", "Vulkan"...).

    Read from ggml's backend registry, which names each compiled-in backend.
    """
    if n_gpu_layers == 0:
        return "CPU"
    try:
        from llama_cpp import _ggml

        lib = _ggml.libggml
        lib.ggml_backend_reg_count.restype = ctypes.c_size_t
        lib.ggml_backend_reg_get.restype = ctypes.c_void_p
        lib.ggml_backend_reg_get.argtypes = [ctypes.c_size_t]
        lib.ggml_backend_reg_name.restype = ctypes.c_char_p
        lib.ggml_backend_reg_name.argtypes = [ctypes.c_void_p]
        lib.ggml_backend_reg_dev_count.restype = ctypes.c_size_t
        lib.ggml_backend_reg_dev_count.argtypes = [ctypes.c_void_p]
        for index in range(lib.ggml_backend_reg_count()):
            reg = lib.ggml_backend_reg_get(index)
            name = (lib.ggml_backend_reg_name(reg) or b"").decode("utf-8", "replace")
            if name and name not in ("CPU", "BLAS", "RPC") and lib.ggml_backend_reg_dev_count(reg):
                return {"MTL": "Metal"}.get(name, name)
    except (AttributeError, OSError, ImportError) as error:
        log.info("could not read ggml's backend registry: %s", error)
    return "CPU"


def load_engine(
    path: str | os.PathLike[str],
    settings: EngineSettings | None = None,
    *,
    probe: bool = True,
) -> LlamaEngine:
    """Check the file, probe it in a child process the first time, then load it here.

    ``probe=False`` skips the child process (for a file known to load, e.g. in tests).
    Raises ``ModelError`` with one sentence when the model cannot be used.
    """
    settings = settings or EngineSettings()
    info = inspect_gguf(path)
    extra_buffer_types = True
    template_error = None
    if probe:
        from reelwright.models.probe import ensure_loadable

        verdict = ensure_loadable(info.path, settings)
        extra_buffer_types = verdict.extra_buffer_types
        template_error = verdict.template_error
        if verdict.cpu_only:
            settings = dataclasses.replace(settings, n_gpu_layers=0)
    return LlamaEngine(
        info, settings, extra_buffer_types=extra_buffer_types, template_error=template_error
    )


class LlamaEngine:
    """A loaded GGUF model implementing the ``Engine`` protocol (see the module docstring)."""

    def __init__(
        self,
        info: GGUFInfo,
        settings: EngineSettings,
        *,
        extra_buffer_types: bool = True,
        template_error: str | None = None,
    ) -> None:
        self.info = info
        self.settings = settings
        self.extra_buffer_types = extra_buffer_types
        self._lock = threading.Lock()
        self._holder: int | None = None
        self._cancel: CancelToken | None = None
        self._abort_callback: Any = None
        self._sandbox: TemplateSandbox | None = None
        self.template_error = template_error
        """Why the chat template is never used: it failed its trial render in the probe's
        child process, or a render here broke the sandbox's time or memory bound."""
        self.last_prompt_reused = 0
        """Prompt tokens of the last request found in the KV cache (not evaluated again)."""
        self.last_prompt_evaluated = 0
        self.last_rejected = 0
        """Tokens the grammar turned down (and replaced) in the last alternative written."""
        loaded = self._load()
        self._llama = loaded.llama
        self._vocab = self._llama._model.vocab
        self._piece_buffer = ctypes.create_string_buffer(256)
        self._facts = ModelFacts(
            name=info.name,
            architecture=info.architecture,
            n_ctx=int(self._llama.n_ctx()),
            chat_template=info.chat_template,
            backend=backend_name(loaded.n_gpu_layers),
            n_gpu_layers=loaded.n_gpu_layers,
        )
        log.info(
            "loaded %s (%s, %s) on %s with %d GPU layers, context %d",
            info.path.name,
            info.architecture,
            info.quantization,
            self._facts.backend,
            loaded.n_gpu_layers,
            self._facts.n_ctx,
        )

    # -- loading ------------------------------------------------------------------------

    def _load(self) -> _Loaded:
        import llama_cpp

        llama_log.install()
        settings = self.settings
        all_layers = self.info.block_count + 1
        if settings.n_gpu_layers is None:
            wanted = all_layers if gpu_offload_supported() else 0
        else:
            wanted = min(max(0, settings.n_gpu_layers), all_layers)
            if settings.n_gpu_layers < 0:
                wanted = all_layers
        attempts = [wanted]
        if wanted > 0:
            attempts += [n for n in (wanted // 2, 0) if n < wanted]
        threads = settings.n_threads or default_threads()
        trained = self.info.context_length
        n_ctx = settings.n_ctx if settings.n_ctx > 0 else (trained or 4096)
        if trained and n_ctx > trained:
            log.info(
                "context %d is more than %s was trained for; using %d", n_ctx, trained, trained
            )
            n_ctx = trained
        last_error = ""
        for layers in dict.fromkeys(attempts):
            llama_log.clear_recent()
            try:
                with (
                    _model_params(self.extra_buffer_types),
                    _no_chat_handlers(),
                    llama_log.python_prints_to_log(),
                ):
                    llama = llama_cpp.Llama(
                        model_path=str(self.info.path),
                        n_gpu_layers=layers,
                        n_ctx=n_ctx,
                        n_batch=max(1, min(settings.n_batch, n_ctx)),
                        n_threads=threads,
                        n_threads_batch=threads,
                        last_n_tokens_size=PENALTY_LAST_N,
                        verbose=True,  # prints go to the log; False would mute the process
                    )
                return _Loaded(llama, layers)
            except (ValueError, RuntimeError, OSError) as error:
                said = llama_log.last_error_line() or str(error)
                last_error = said
                if layers > 0:
                    log.warning(
                        "loading %s with %d GPU layers failed (%s); trying fewer",
                        self.info.path.name,
                        layers,
                        said,
                    )
        raise ModelError(f"llama.cpp could not load {self.info.path.name}: {last_error}")

    # -- Engine protocol ----------------------------------------------------------------

    @property
    def facts(self) -> ModelFacts:
        return self._facts

    @property
    def path(self) -> Path:
        return self.info.path

    def tokenize(self, text: str, *, add_bos: bool = False) -> list[int]:
        """Tokens of ``text`` (special tokens such as ``<|im_start|>`` are parsed)."""
        if self._llama is None:
            raise ModelError("the model was closed")
        tokens = self._llama._model.tokenize(text.encode("utf-8"), False, True)
        bos = self._llama.token_bos()
        wants_bos = add_bos and self._llama._model.add_bos_token() and bos >= 0
        if wants_bos and (not tokens or tokens[0] != bos):
            tokens.insert(0, bos)
        return list(tokens)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text)) if text else 0

    def render_chat(self, messages: Sequence[dict[str, str]]) -> str:
        """The prompt for ``messages`` under the model's own template.

        Rendered in a sandbox child process (``models/template_sandbox.py``), bounded in
        time and memory for every prompt. A template that breaks the bound is remembered
        with the model file (``probe.remember_template_error``) and never rendered again:
        this and every later call raise ``ModelError`` at once, and prompts are plain.
        """
        template = self.info.chat_template
        if not template:
            raise ModelError(f"{self.info.name} has no chat template; use a plain prompt")
        if self.template_error:
            raise ModelError(self.template_error)
        if self._llama is None:
            raise ModelError("the model was closed")
        if self._sandbox is None:
            self._sandbox = TemplateSandbox()
        model = self._llama._model
        eos, bos = self._llama.token_eos(), self._llama.token_bos()
        try:
            return self._sandbox.render(
                template,
                messages,
                bos_token=model.token_get_text(bos) if bos >= 0 else "",
                eos_token=model.token_get_text(eos) if eos >= 0 else "",
            )
        except TemplateError as error:
            message = f"the chat template of {self.info.name} failed to render ({error})"
            if error.broke_bound:
                from reelwright.models.probe import remember_template_error

                self.template_error = message
                remember_template_error(self.info.path, message)
                log.warning("%s; it will not be used again", message)
            raise ModelError(message) from error

    def generate(
        self, request: GenerationRequest, cancel: CancelToken | None = None
    ) -> Iterator[Chunk | Finished]:
        me = threading.get_ident()
        if self._holder == me:
            yield Finished(0, "error", error="this model is already generating in this thread")
            return
        with self._lock:
            self._holder = me
            try:
                yield from self._generate(request, cancel or CancelToken())
            finally:
                self._holder = None
                self._cancel = None

    def close(self) -> None:
        """Free the model. Waits for a generation in another thread to end (cancel it
        first); a generation suspended in this thread ends with "cancelled" if resumed."""
        mine = self._holder == threading.get_ident()
        acquired = False if mine else self._lock.acquire(timeout=30.0)
        if not mine and not acquired:
            log.warning("the model is still generating in another thread; not freed")
            return
        try:
            if self._sandbox is not None:
                self._sandbox.close()
            if self._llama is not None:
                self._llama.close()
                self._llama = None
        finally:
            if acquired:
                self._lock.release()

    # -- generation ---------------------------------------------------------------------

    def _prompt_tokens(self, request: GenerationRequest) -> list[int]:
        if request.messages is not None:
            text = self.render_chat(request.messages)
        else:
            text = request.prompt or ""
        tokens = self.tokenize(text, add_bos=True)
        if not tokens:
            bos = self._llama.token_bos()
            tokens = [bos if bos >= 0 else self._llama.token_eos()]
        return tokens

    def _generate(
        self, request: GenerationRequest, cancel: CancelToken
    ) -> Iterator[Chunk | Finished]:
        if self._llama is None:
            yield Finished(0, "error", error="the model was closed")
            return
        started = time.perf_counter()
        try:
            tokens = self._prompt_tokens(request)
        except ModelError as error:
            for index in range(max(1, request.n)):
                yield Finished(index, "error", error=str(error))
            return
        sampler_settings = request.sampler
        n_ctx = self._facts.n_ctx
        room = max(1, min(sampler_settings.max_tokens, n_ctx // 4))
        if len(tokens) > n_ctx - room:
            keep = n_ctx - room
            head = tokens[:1] if tokens[0] == self._llama.token_bos() else []
            log.warning(
                "the prompt has %d tokens, more than fit with room to write in a context of "
                "%d; its first %d tokens are left out",
                len(tokens),
                n_ctx,
                len(tokens) - keep,
            )
            tokens = head + tokens[len(tokens) - keep + len(head) :]
        base_seed = sampler_settings.seed
        for index in range(max(1, request.n)):
            seed = random.getrandbits(31) if base_seed is None else base_seed + index
            try:
                yield from self._one(request, tokens, index, seed, cancel, started)
            except Exception as error:
                log.exception("generation failed")
                said = llama_log.last_error_line()
                yield Finished(
                    index,
                    "error",
                    prompt_tokens=len(tokens),
                    seconds=time.perf_counter() - started,
                    error=f"the model failed while writing ({said or error})",
                )
                self._forget_state()
            if cancel.cancelled:
                for rest in range(index + 1, max(1, request.n)):
                    yield Finished(rest, "cancelled", prompt_tokens=len(tokens))
                return
            started = time.perf_counter()

    def _forget_state(self) -> None:
        """After a failure the KV cache may hold half a batch: start clean next time."""
        with contextlib.suppress(Exception):
            self._llama.n_tokens = 0
            self._llama._ctx.kv_cache_clear()

    def _piece(self, token: int) -> bytes:
        import llama_cpp

        buffer = self._piece_buffer
        size = llama_cpp.llama_token_to_piece(self._vocab, token, buffer, len(buffer), 0, False)
        if size < 0:
            buffer = ctypes.create_string_buffer(-size)
            size = llama_cpp.llama_token_to_piece(self._vocab, token, buffer, len(buffer), 0, False)
        return buffer.raw[:size]

    def _on_abort(self, _data: Any) -> bool:
        cancel = self._cancel
        return bool(cancel is not None and cancel.cancelled)

    def _eval_prompt(self, tokens: list[int], cancel: CancelToken) -> bool:
        """Evaluate what the KV cache lacks of ``tokens``; False when cancelled.

        The cache keeps the longest common prefix with the previous request; at least the
        last prompt token is evaluated again so that its logits are fresh.
        """
        import llama_cpp
        import numpy

        llama = self._llama
        limit = min(llama.n_tokens, len(tokens) - 1)
        common = limit
        if limit > 0:
            cached = llama.input_ids[:limit]
            differ = numpy.flatnonzero(cached != numpy.asarray(tokens[:limit], dtype=cached.dtype))
            common = int(differ[0]) if len(differ) else limit
        if common < llama.n_tokens and not llama._ctx.kv_cache_seq_rm(-1, common, -1):
            common = 0
            llama._ctx.kv_cache_clear()
        llama.n_tokens = common
        self.last_prompt_reused = common
        self.last_prompt_evaluated = len(tokens) - common
        batch = llama.n_batch
        self._cancel = cancel
        if self._abort_callback is None:
            self._abort_callback = llama_cpp.ggml_abort_callback(self._on_abort)
        llama_cpp.llama_set_abort_callback(llama.ctx, self._abort_callback, None)
        try:
            for start in range(common, len(tokens), batch):
                if cancel.cancelled:
                    return False
                try:
                    llama.eval(tokens[start : start + batch])
                except RuntimeError:
                    if cancel.cancelled:  # llama_decode returned 2: aborted mid-batch
                        llama._ctx.kv_cache_seq_rm(-1, llama.n_tokens, -1)
                        return False
                    raise
        finally:
            # During token generation the per-node callback would cost more than it saves.
            llama_cpp.llama_set_abort_callback(llama.ctx, llama_cpp.ggml_abort_callback(0), None)
        return not cancel.cancelled

    def _one(
        self,
        request: GenerationRequest,
        tokens: list[int],
        index: int,
        seed: int,
        cancel: CancelToken,
        started: float,
    ) -> Iterator[Chunk | Finished]:
        import llama_cpp

        llama = self._llama
        n_prompt = len(tokens)

        def finished(reason: str, produced: int, first: float) -> Finished:
            return Finished(
                index,
                reason,
                prompt_tokens=n_prompt,
                completion_tokens=produced,
                seconds=time.perf_counter() - started,
                first_token_seconds=first,
            )

        try:
            sampler = TokenSampler(self._llama, request.sampler, request.grammar, seed)
        except ModelError as error:
            yield Finished(index, "error", prompt_tokens=n_prompt, error=str(error))
            return
        try:
            if not self._eval_prompt(tokens, cancel):
                yield finished("cancelled", 0, 0.0)
                return
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
            stops = StopFilter(request.stop)
            max_tokens = request.sampler.max_tokens
            n_ctx = self._facts.n_ctx
            produced = 0
            first = 0.0
            reason = "length"
            ctx = llama._ctx
            vocab = self._vocab
            is_eog = llama_cpp.llama_vocab_is_eog
            while produced < max_tokens:
                if cancel.cancelled or self._llama is None:
                    reason = "cancelled"
                    break
                token = sampler.sample(ctx)
                if produced == 0:
                    first = time.perf_counter() - started
                if is_eog(vocab, token):
                    reason = "stop"
                    break
                produced += 1
                text = stops.feed(decoder.decode(self._piece(token)))
                if text:
                    yield Chunk(text, index)
                if stops.stopped:
                    reason = "stop"
                    break
                if produced >= max_tokens:
                    break
                if llama.n_tokens >= n_ctx:
                    break
                llama.eval([token])
            if reason != "cancelled":
                tail = stops.feed(decoder.decode(b"", final=True))
                tail += stops.flush()
                if tail:
                    yield Chunk(tail, index)
            yield finished(reason, produced, first)
        finally:
            self.last_rejected = sampler.rejected
            sampler.close()
