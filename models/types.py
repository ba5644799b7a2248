"""Plain data exchanged with the model engine. No Qt, no llama_cpp import here."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class SamplerSettings:
    temperature: float = 0.8
    top_k: int = 40
    top_p: float = 0.95
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    max_tokens: int = 400
    seed: int | None = None
    """None draws a fresh seed for each request."""
    dry_multiplier: float = 0.0
    """DRY ("don't repeat yourself") strength; 0 turns it off. Unlike the repeat penalty,
    which pushes down single tokens seen lately (names and common words too), DRY pushes
    down the token that would continue a sequence already written, more the longer the
    repeat, over all the text of the answer so far."""


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    """One generation: a finished prompt (or chat messages) plus how to sample it.

    Exactly one of ``prompt`` and ``messages`` is set. ``messages`` (role/content dicts)
    are rendered with the model's own chat template; ``prompt`` is sent as is
    (completion style, as for GPT-NeoX base models).
    """

    prompt: str | None = None
    messages: tuple[dict[str, str], ...] | None = None
    sampler: SamplerSettings = field(default_factory=SamplerSettings)
    stop: tuple[str, ...] = ()
    grammar: str | None = None
    """A GBNF grammar that every generated token must satisfy."""
    n: int = 1
    """Alternatives; each chunk says which one it belongs to."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of streamed text for alternative ``index`` (0-based)."""

    text: str
    index: int = 0


@dataclass(frozen=True, slots=True)
class Finished:
    """The last item for alternative ``index``: why it ended and how fast it ran."""

    index: int
    reason: str
    """"stop" (stop string or end of text), "length" (max_tokens), "cancelled" or "error"."""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    first_token_seconds: float = 0.0
    error: str | None = None
    """One sentence for the writer when ``reason == "error"``."""

    @property
    def tokens_per_second(self) -> float:
        generating = self.seconds - self.first_token_seconds
        return self.completion_tokens / generating if generating > 0 else 0.0


class CancelToken:
    """Set from any thread; the engine checks it between tokens and prompt batches."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """How a model is loaded. ``n_gpu_layers=None`` means: all layers when this
    llama.cpp build can offload to a GPU, otherwise none."""

    n_ctx: int = 4096
    n_gpu_layers: int | None = None
    n_threads: int | None = None
    """None: the number of physical cores, at most 8."""
    n_batch: int = 256


@dataclass(frozen=True, slots=True)
class ModelFacts:
    """What the running engine knows about its model (for prompts and the status bar)."""

    name: str
    architecture: str
    n_ctx: int
    chat_template: str | None
    """None for base models (GPT-NeoX, Pythia): prompts are completion style."""
    backend: str
    """"CPU", "CUDA", "Metal", "Vulkan", ... or "remote" for an OpenAI-compatible server."""
    n_gpu_layers: int = 0


class Engine(Protocol):
    """A loaded model. One thread owns it; ``cancel`` may be set from any thread."""

    @property
    def facts(self) -> ModelFacts: ...

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` takes in this model's own tokenizer."""
        ...

    def render_chat(self, messages: Sequence[dict[str, str]]) -> str:
        """The prompt text for chat ``messages`` under the model's chat template.
        Raises ``ModelError`` when the model has no usable template."""
        ...

    def generate(
        self, request: GenerationRequest, cancel: CancelToken | None = None
    ) -> Iterator[Chunk | Finished]:
        """Stream chunks; each alternative ends with exactly one ``Finished``.
        Errors are reported as ``Finished(reason="error")``, never raised."""
        ...

    def close(self) -> None: ...
