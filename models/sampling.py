"""Choosing each next token: llama.cpp's sampler chain, with a grammar checked lazily.

A grammar in the sampler chain is applied to every token of the vocabulary at every step
(49,152 candidate strings for SmolLM2, each matched against the grammar's stacks), ahead of
top-k; with a Fountain grammar that cost a third or more of the writing speed. llama.cpp's
own ``common_sampler`` does it the other way round, and so does :class:`TokenSampler`:

1. sample from the chain without the grammar;
2. check only the chosen token against the grammar (a one-candidate array);
3. if the grammar rejects it, sample again from fresh logits with the grammar applied
   first and the chain after it.

Every token that leaves here has passed the grammar, so the output is still valid by
construction, and the end-of-generation token is taken only where the grammar may end.
The chain's own state (repeat penalty and DRY history, the random generator) learns only
the tokens that were kept. Without a grammar the chain samples and learns in one C call,
exactly as before.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

from reelwright.models import llama_log
from reelwright.models.types import SamplerSettings
from reelwright.screenplay.errors import ModelError

PENALTY_LAST_N = 64
"""Tokens the repeat penalty looks back over (llama-cpp-python's default)."""
DRY_BASE = 1.75
DRY_ALLOWED_LENGTH = 2
DRY_BREAKERS = ("\n", ":", '"', "*")
"""llama.cpp's defaults: a repeat may run two tokens free; the penalty grows by 1.75x per
further token; matching restarts at a line end, a colon, a quote and an asterisk."""


WIDE_CANDIDATES = 256
"""After a rejection the grammar is first tried on this many likeliest tokens only (after
the penalties); the whole vocabulary is checked only when none of them fits."""


class TokenSampler:
    """One generation's sampler: ``sample(ctx)`` returns the next token, already learned by
    the chain (and by the grammar, unless it is the end of generation). ``close()`` frees it.

    ``rejected`` counts the tokens the grammar turned down, ``full_checks`` the times the
    whole vocabulary had to be checked (the benchmark reports both).
    """

    def __init__(
        self, llama: Any, settings: SamplerSettings, grammar: str | None, seed: int
    ) -> None:
        import llama_cpp
        from llama_cpp._internals import LlamaSampler

        self._llama_cpp = llama_cpp
        self._n_vocab = int(llama.n_vocab())
        self._vocab = llama._model.vocab
        self._grammar: Any = None
        self.rejected = 0
        self.full_checks = 0
        # Without a grammar: one chain, sampled and taught in one C call. With one: the
        # penalties (which must see every candidate) and the choosing part apart, so that a
        # rejected token can be replaced by one the grammar admits between the two.
        self._chains: list[Any] = []
        try:
            pre = LlamaSampler()
            self._chains.append(pre)
            pre.add_penalties(
                n_vocab=self._n_vocab,
                penalty_last_n=PENALTY_LAST_N,
                penalty_repeat=settings.repeat_penalty,
                penalty_freq=0.0,
                penalty_present=0.0,
            )
            if settings.dry_multiplier > 0:
                pre.add_dry(
                    llama._model,
                    settings.dry_multiplier,
                    DRY_BASE,
                    DRY_ALLOWED_LENGTH,
                    llama.n_ctx(),  # the whole context (-1 would mean none here)
                    list(DRY_BREAKERS),
                )
            if grammar:
                post = LlamaSampler()
                self._chains.append(post)
                wide = LlamaSampler()
                self._chains.append(wide)
                wide.add_top_k(max(WIDE_CANDIDATES, settings.top_k))
            else:
                post = pre
            if settings.temperature <= 0:
                post.add_greedy()
            else:
                post.add_top_k(settings.top_k)
                post.add_typical(1.0, 1)
                post.add_top_p(settings.top_p, 1)
                post.add_min_p(settings.min_p, 1)
                post.add_temp(settings.temperature)
                post.add_dist(seed)
            if grammar:
                llama_log.clear_recent()
                self._grammar = llama_cpp.llama_sampler_init_grammar(
                    self._vocab, grammar.encode("utf-8"), b"root"
                )
                if not self._grammar:
                    said = llama_log.last_error_line() or "it does not parse"
                    raise ModelError(f"the grammar is not valid GBNF: {said}")
                self._pre, self._post, self._wide = pre.sampler, post.sampler, wide.sampler
                self._setup_candidates()
            self._chain = pre
        except BaseException:
            self.close()
            raise

    def _setup_candidates(self) -> None:
        import numpy

        llama_cpp = self._llama_cpp
        n_vocab = self._n_vocab
        self._numpy = numpy
        self._ids = numpy.arange(n_vocab, dtype=numpy.intc)
        self._data = numpy.zeros(
            n_vocab,
            dtype=numpy.dtype(
                [("id", numpy.intc), ("logit", numpy.single), ("p", numpy.single)], align=True
            ),
        )
        self._data_pointer = self._data.ctypes.data_as(llama_cpp.llama_token_data_p)
        self._array = llama_cpp.llama_token_data_array(
            data=self._data_pointer, size=n_vocab, selected=-1, sorted=False
        )
        self._one = llama_cpp.llama_token_data()
        self._one_pointer = ctypes.pointer(self._one)
        self._one_array = llama_cpp.llama_token_data_array(
            data=self._one_pointer, size=1, selected=-1, sorted=False
        )

    @property
    def has_grammar(self) -> bool:
        return self._grammar is not None

    def sample(self, ctx: Any) -> int:
        """The next token after the last evaluated one (``ctx`` is llama-cpp-python's
        ``LlamaContext``)."""
        if self._grammar is None:
            return int(self._chain.sample(ctx, -1))  # samples and accepts in one C call
        llama_cpp = self._llama_cpp
        token = self._pick(ctx, wide=None)
        if not self._allowed(token):
            self.rejected += 1
            chosen = self._pick(ctx, wide=self._wide)
            if chosen is None:  # none of the likeliest fits: check them all
                self.full_checks += 1
                chosen = self._pick(ctx, wide=0)
            if chosen is None or not self._allowed(chosen):
                raise ModelError("the grammar admits no token here")
            token = chosen
        for sampler in (self._pre, self._post):
            llama_cpp.llama_sampler_accept(sampler, token)
        if not llama_cpp.llama_vocab_is_eog(self._vocab, token):
            llama_cpp.llama_sampler_accept(self._grammar, token)
        return token

    def _pick(self, ctx: Any, wide: Any) -> Any:
        """Choose from fresh candidates: penalties, then (unless ``wide`` is None) the
        grammar on the ``wide`` likeliest or, with ``wide=0``, on all; then the choosing
        chain. None when the grammar admits none of the candidates it saw."""
        llama_cpp = self._llama_cpp
        numpy = self._numpy
        logits = llama_cpp.llama_get_logits_ith(ctx.ctx, -1)
        view = numpy.ctypeslib.as_array(logits, shape=(self._n_vocab,))
        data = self._data
        data["id"] = self._ids
        data["logit"] = view
        data["p"] = 0.0
        array = self._array
        array.data = self._data_pointer
        array.size = self._n_vocab
        array.selected = -1
        array.sorted = False
        pointer = ctypes.byref(array)
        llama_cpp.llama_sampler_apply(self._pre, pointer)
        if wide is not None:
            if wide:
                llama_cpp.llama_sampler_apply(wide, pointer)
            llama_cpp.llama_sampler_apply(self._grammar, pointer)
            # Keep only what the grammar admits: llama.cpp's top-k sorts by buckets between
            # the lowest and highest logit, which a -inf turns into nonsense.
            seen = numpy.ctypeslib.as_array(array.data, shape=(array.size,)).copy()
            kept = seen[numpy.isfinite(seen["logit"])]
            if not len(kept):
                return None
            data[: len(kept)] = kept
            array.data = self._data_pointer
            array.size = len(kept)
            array.selected = -1
            array.sorted = False
        llama_cpp.llama_sampler_apply(self._post, pointer)
        if not 0 <= array.selected < array.size:
            raise ModelError("the sampler chose no token")
        return int(array.data[array.selected].id)

    def _allowed(self, token: int) -> bool:
        """Whether the grammar admits ``token`` next (end of generation only where the
        grammar may end)."""
        one = self._one
        one.id = token
        one.logit = 1.0
        one.p = 0.0
        array = self._one_array
        array.data = self._one_pointer
        array.size = 1
        array.selected = -1
        array.sorted = False
        self._llama_cpp.llama_sampler_apply(self._grammar, ctypes.byref(array))
        return not math.isinf(array.data[0].logit)

    def close(self) -> None:
        if self._grammar is not None:
            self._llama_cpp.llama_sampler_free(self._grammar)
            self._grammar = None
        for chain in self._chains:
            chain.close()
        self._chains = []
