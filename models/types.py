"""Plain data exchanged with the model engine. No Qt, no llama_cpp import here."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


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
