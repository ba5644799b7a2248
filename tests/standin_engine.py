"""A stand-in for a loaded model that keeps the real ``Engine`` protocol (no tests here).

It writes texts the test gives it, in small chunks, on whatever thread drives it (the
co-writer's model thread in the window tests): it honours the cancel token between chunks,
reports every failure as ``Finished(reason="error")`` and never raises, ends each
alternative with exactly one ``Finished``, and counts tokens. The real writing actions run
on it (prompt assembly, grammar, output checks, retries), so the GUI tests see exactly the
events a model would send, fast and in an order the test controls:

- ``texts``: what each alternative writes, in turn (the last one is repeated);
- ``hold``: while set, writing pauses after ``hold_after`` chunks, until the test clears it
  or the writer cancels;
- ``fail``: a sentence; the next alternative ends with that error instead of text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence

from reelwright.models.types import CancelToken, Chunk, Finished, GenerationRequest, ModelFacts
from reelwright.screenplay.errors import ModelError

NEXT_SCENE = """EXT. HARBOUR WALL - DAY

Gulls wheel over the empty quay. Nora walks the length of the pier with a coil of rope.

NORA
No sign of it yet.

TOMAS
Give it one more hour.
"""
DIALOGUE = """TOMAS
Then we ration the oil.

NORA
We have done that since March.
"""


class StandInEngine:
    def __init__(
        self,
        texts: Sequence[str] = (NEXT_SCENE,),
        *,
        chunk_chars: int = 7,
        pause: float = 0.0,
        n_ctx: int = 4096,
        name: str = "Stand-in",
    ) -> None:
        self._facts = ModelFacts(name, "stand-in", n_ctx, None, "CPU", 0)
        self.texts = list(texts)
        self.chunk_chars = chunk_chars
        self.pause = pause
        self.hold = threading.Event()
        self.hold_after = 3
        self.fail: str | None = None
        self.requests: list[GenerationRequest] = []
        self.written = 0
        self.closed = False
        self._turn = 0
        self._lock = threading.Lock()

    @property
    def facts(self) -> ModelFacts:
        return self._facts

    def count_tokens(self, text: str) -> int:
        return len(text.split()) + text.count("\n") if text else 0

    def render_chat(self, messages: Sequence[dict[str, str]]) -> str:
        raise ModelError(f"{self._facts.name} has no chat template; use a plain prompt")

    def _next_text(self) -> str:
        with self._lock:
            text = self.texts[min(self._turn, len(self.texts) - 1)]
            self._turn += 1
            return text

    def generate(
        self, request: GenerationRequest, cancel: CancelToken | None = None
    ) -> Iterator[Chunk | Finished]:
        cancel = cancel or CancelToken()
        self.requests.append(request)
        prompt_tokens = self.count_tokens(request.prompt or "")
        for index in range(max(1, request.n)):
            started = time.perf_counter()
            if self.closed:
                yield Finished(index, "error", error="the model was closed")
                continue
            if self.fail is not None:
                message, self.fail = self.fail, None
                yield Finished(index, "error", prompt_tokens=prompt_tokens, error=message)
                continue
            text = self._next_text()
            pieces = [text[i : i + self.chunk_chars] for i in range(0, len(text), self.chunk_chars)]
            pieces = pieces[: max(1, request.sampler.max_tokens)]
            produced = 0
            first = 0.0
            reason = "stop" if len(pieces) * self.chunk_chars >= len(text) else "length"
            for piece in pieces:
                while self.hold.is_set() and produced >= self.hold_after:
                    if cancel.cancelled:
                        break
                    time.sleep(0.005)
                if cancel.cancelled:
                    reason = "cancelled"
                    break
                if self.pause:
                    time.sleep(self.pause)
                produced += 1
                self.written += 1
                if produced == 1:
                    first = time.perf_counter() - started
                yield Chunk(piece, index)
            yield Finished(
                index,
                reason,
                prompt_tokens=prompt_tokens,
                completion_tokens=produced,
                seconds=time.perf_counter() - started,
                first_token_seconds=first,
            )
            if reason == "cancelled":
                for rest in range(index + 1, max(1, request.n)):
                    yield Finished(rest, "cancelled", prompt_tokens=prompt_tokens)
                return

    def close(self) -> None:
        self.closed = True

    def opened(self) -> StandInEngine:
        """This engine, open again (the co-writer closes a model before loading the next)."""
        self.closed = False
        return self
