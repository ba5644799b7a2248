"""Benchmark: our llama.cpp engine against plain llama-cpp-python, and KV prefix reuse.

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_engine.py [--model default|PATH] [--runs 9]
        [--max-tokens 128] [--ctx 4096] [--threads N] [--json OUT]

1. Generation speed: the same model, settings and prompt, greedy, in the same process:
   ``Llama.create_completion`` (non-streaming) against ``LlamaEngine.generate``
   (streaming from our own loop). Runs alternate so a busy machine slows both alike;
   each side has its own ``Llama`` and starts each run from an empty KV cache.
   Target (issue 4): ours / plain >= 0.97 in tokens per second (the median of the
   per-run ratios; each pair runs back to back).
2. Time to first token of a request whose long prefix (Big Fish, as much as fits the
   context) was evaluated by the previous request, against that first request.
   Target: at least 5x faster.
3. Writing speed under a Fountain grammar (the scene grammar the co-writer uses, with the
   prompt's two characters) against no grammar: the same model, prompt, sampler and seed,
   runs alternating, generation-only tokens per second (prompt reading excluded). Target
   (issue 16): with / without >= 0.85. The same figure for the grammar inside the sampler
   chain ahead of top-k (how it was before ``models/sampling.py``) is printed beside it.

``--only 3`` runs one section (``--only 1 3`` several).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
PROMPT = (
    "INT. DINER - NIGHT\n\nRain streaks the windows. MARGE (50s) wipes the counter while a "
    "trucker nurses his coffee.\n\nMARGE\nYou want a refill, or are you just renting the "
    "stool?\n\nTRUCKER\n"
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="default", help="default, a model id or a .gguf")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--script", type=Path, default=CORPUS / "Big-Fish.fountain")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--only", type=int, nargs="+", choices=(1, 2, 3), default=[1, 2, 3])
    parser.add_argument("--seed", type=int, default=5, help="seed of the grammar runs")
    return parser.parse_args(argv)


def throughput(args: argparse.Namespace, path: Path) -> dict[str, float]:
    from llama_cpp import Llama

    from reelwright.models.llama_engine import _model_params, default_threads, load_engine
    from reelwright.models.types import EngineSettings, Finished, GenerationRequest, SamplerSettings

    threads = args.threads or default_threads()
    settings = EngineSettings(n_ctx=args.ctx, n_threads=threads, n_batch=256)
    engine = load_engine(path, settings)
    with _model_params(engine.extra_buffer_types):
        plain = Llama(
            str(path),
            n_ctx=engine.facts.n_ctx,
            n_batch=256,
            n_threads=threads,
            n_threads_batch=threads,
            verbose=False,
        )
    sampler = SamplerSettings(temperature=0.0, max_tokens=args.max_tokens, repeat_penalty=1.1)
    ours_rates: list[float] = []
    plain_rates: list[float] = []
    ours_cpu: list[float] = []
    plain_cpu: list[float] = []

    def run_plain() -> tuple[int, float, float]:
        plain.reset()
        start, cpu = time.perf_counter(), time.process_time()
        result = plain.create_completion(
            PROMPT, max_tokens=args.max_tokens, temperature=0.0, repeat_penalty=1.1
        )
        wall, used = time.perf_counter() - start, time.process_time() - cpu
        return result["usage"]["completion_tokens"], wall, used

    def run_ours() -> tuple[int, float, float]:
        engine._llama.n_tokens = 0  # start from an empty cache, like plain.reset()
        start, cpu = time.perf_counter(), time.process_time()
        produced = 0
        for item in engine.generate(GenerationRequest(prompt=PROMPT, sampler=sampler)):
            if isinstance(item, Finished):
                produced = item.completion_tokens
        return produced, time.perf_counter() - start, time.process_time() - cpu

    for run in range(args.runs + 1):  # the first round warms both up and is not counted
        if run % 2:
            plain_tokens, plain_seconds, plain_used = run_plain()
            produced, ours_seconds, ours_used = run_ours()
        else:
            produced, ours_seconds, ours_used = run_ours()
            plain_tokens, plain_seconds, plain_used = run_plain()
        if run == 0:
            continue
        plain_rates.append(plain_tokens / plain_seconds)
        ours_rates.append(produced / ours_seconds)
        plain_cpu.append(plain_tokens / plain_used)
        ours_cpu.append(produced / ours_used)
        print(
            f"  run {run}: plain {plain_tokens} tokens {plain_rates[-1]:6.1f}/s "
            f"({plain_cpu[-1]:6.1f}/CPU s)   ours {produced} tokens {ours_rates[-1]:6.1f}/s "
            f"({ours_cpu[-1]:6.1f}/CPU s)",
            flush=True,
        )
    plain.close()
    engine.close()

    def paired(ours: list[float], theirs: list[float]) -> float:
        """Each run's two sides ran back to back, so a load spike from another program
        affects one pair, not the whole series."""
        return round(statistics.median(o / p for o, p in zip(ours, theirs, strict=True)), 3)

    return {
        "threads": threads,
        "plain_tokens_per_second": round(statistics.median(plain_rates), 2),
        "ours_tokens_per_second": round(statistics.median(ours_rates), 2),
        "ratio": paired(ours_rates, plain_rates),
        "plain_tokens_per_cpu_second": round(statistics.median(plain_cpu), 2),
        "ours_tokens_per_cpu_second": round(statistics.median(ours_cpu), 2),
        "cpu_ratio": paired(ours_cpu, plain_cpu),
    }


def prefix_reuse(args: argparse.Namespace, path: Path) -> dict[str, float]:
    from reelwright.models.llama_engine import default_threads, load_engine
    from reelwright.models.types import EngineSettings, Finished, GenerationRequest, SamplerSettings

    threads = args.threads or default_threads()
    engine = load_engine(path, EngineSettings(n_ctx=args.ctx, n_threads=threads, n_batch=256))
    budget = engine.facts.n_ctx - 64
    text = args.script.read_text(encoding="utf-8")
    low, high = 0, len(text)
    while low < high:  # the longest start of the script that fits the context
        middle = (low + high + 1) // 2
        if engine.count_tokens(text[:middle]) <= budget:
            low = middle
        else:
            high = middle - 1
    prefix = text[:low]
    sampler = SamplerSettings(temperature=0.0, max_tokens=8)
    results: list[Finished] = []
    for cue in ("\n\nEDWARD\n", "\n\nSANDRA\n"):
        request = GenerationRequest(prompt=prefix + cue, sampler=sampler)
        results.extend(i for i in engine.generate(request) if isinstance(i, Finished))
        print(
            f"  {cue.strip()}: {results[-1].prompt_tokens} prompt tokens, "
            f"first token after {results[-1].first_token_seconds:.3f} s "
            f"({engine.last_prompt_evaluated} evaluated)",
            flush=True,
        )
    engine.close()
    first, second = results[0].first_token_seconds, results[1].first_token_seconds
    return {
        "prompt_tokens": results[0].prompt_tokens,
        "script_characters_used": low,
        "first_request_ttft_s": round(first, 4),
        "repeated_prefix_ttft_s": round(second, 4),
        "speedup": round(first / second, 1) if second > 0 else float("inf"),
    }


SCENE_END = "Just the coffee.\n\n"
"""Section 3 continues the diner scene where a new scene may start: the grammar then asks
for a scene heading, as the co-writer's next-scene action does."""


class _GrammarInChain:
    """The sampler as it was: the grammar in the chain, ahead of top-k, so every token of
    the vocabulary is checked at every step (for the before/after figure only)."""

    def __init__(self, llama, settings, grammar, seed) -> None:
        import llama_cpp
        from llama_cpp._internals import LlamaSampler

        from reelwright.models.sampling import (
            DRY_ALLOWED_LENGTH,
            DRY_BASE,
            DRY_BREAKERS,
            PENALTY_LAST_N,
        )

        chain = LlamaSampler()
        chain.add_penalties(llama.n_vocab(), PENALTY_LAST_N, settings.repeat_penalty, 0.0, 0.0)
        if settings.dry_multiplier > 0:
            chain.add_dry(
                llama._model,
                settings.dry_multiplier,
                DRY_BASE,
                DRY_ALLOWED_LENGTH,
                llama.n_ctx(),
                list(DRY_BREAKERS),
            )
        if grammar:
            g = llama_cpp.llama_sampler_init_grammar(
                llama._model.vocab, grammar.encode("utf-8"), b"root"
            )
            llama_cpp.llama_sampler_chain_add(chain.sampler, g)
        chain.add_top_k(settings.top_k)
        chain.add_typical(1.0, 1)
        chain.add_top_p(settings.top_p, 1)
        chain.add_min_p(settings.min_p, 1)
        chain.add_temp(settings.temperature)
        chain.add_dist(seed)
        self._chain = chain
        self.rejected = 0

    def sample(self, ctx):
        return self._chain.sample(ctx, -1)

    def close(self) -> None:
        self._chain.close()


def grammar_speed(args: argparse.Namespace, path: Path) -> dict[str, float]:
    import reelwright.models.llama_engine as engine_module
    from reelwright.models import grammars
    from reelwright.models.llama_engine import default_threads, load_engine
    from reelwright.models.sampling import TokenSampler
    from reelwright.models.types import EngineSettings, Finished, GenerationRequest, SamplerSettings
    from reelwright.screenplay.elements import ElementType
    from reelwright.screenplay.parser import parse

    threads = args.threads or default_threads()
    engine = load_engine(path, EngineSettings(n_ctx=args.ctx, n_threads=threads, n_batch=256))
    grammar = grammars.scene_grammar(["MARGE", "TRUCKER"])
    sampler = SamplerSettings(
        temperature=0.8, max_tokens=args.max_tokens, seed=args.seed, dry_multiplier=0.8
    )
    prompt = PROMPT + SCENE_END
    rates: dict[str, list[float]] = {"free": [], "grammar": [], "in_chain": []}
    rejected: list[int] = []
    headed = 0

    def run(kind: str) -> tuple[float, int, str]:
        engine_module.TokenSampler = _GrammarInChain if kind == "in_chain" else TokenSampler
        request = GenerationRequest(
            prompt=prompt, sampler=sampler, grammar=None if kind == "free" else grammar
        )
        text: list[str] = []
        done = None
        for item in engine.generate(request):
            if isinstance(item, Finished):
                done = item
            else:
                text.append(item.text)
        assert done is not None and done.reason != "error", done
        return done.tokens_per_second, done.completion_tokens, "".join(text)

    try:
        order = ["free", "grammar", "in_chain"]
        for round_number in range(args.runs + 1):  # round 0 warms up and is not counted
            shown = []
            for kind in order if round_number % 2 else reversed(order):
                rate, tokens, text = run(kind)
                if kind == "grammar":
                    rejected.append(engine.last_rejected)
                    elements = parse(text.rsplit("\n\n", 1)[0] + "\n").elements
                    starts = bool(elements) and elements[0].type is ElementType.SCENE_HEADING
                    headed += int(starts)
                if round_number:
                    rates[kind].append(rate)
                    shown.append(f"{kind} {tokens} tokens {rate:6.1f}/s")
            if round_number:
                print(f"  run {round_number}: " + "   ".join(shown), flush=True)
    finally:
        engine_module.TokenSampler = TokenSampler
        engine.close()

    def paired(kind: str) -> float:
        pairs = zip(rates[kind], rates["free"], strict=True)
        return round(statistics.median(g / f for g, f in pairs), 3)

    return {
        "threads": threads,
        "max_tokens": args.max_tokens,
        "free_tokens_per_second": round(statistics.median(rates["free"]), 2),
        "grammar_tokens_per_second": round(statistics.median(rates["grammar"]), 2),
        "in_chain_tokens_per_second": round(statistics.median(rates["in_chain"]), 2),
        "ratio": paired("grammar"),
        "in_chain_ratio": paired("in_chain"),
        "rejected_tokens_median": statistics.median(rejected),
        "grammar_runs_starting_with_a_heading": f"{headed} of {len(rejected)}",
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from reelwright.models.store import resolve_model

    path = resolve_model(args.model)
    print(f"model {path.name}, context {args.ctx}", flush=True)
    figures: dict[str, object] = {"model": path.name, "ctx": args.ctx}
    if 1 in args.only:
        print("1. generation speed (greedy, same settings, alternating runs)", flush=True)
        speed = throughput(args, path)
        verdict = "meets" if speed["ratio"] >= 0.97 else "MISSES"
        print(
            f"   median: plain {speed['plain_tokens_per_second']}/s, ours "
            f"{speed['ours_tokens_per_second']}/s; median of paired ratios {speed['ratio']} "
            f"({verdict} >= 0.97); per CPU second: {speed['cpu_ratio']}"
        )
        figures["speed"] = speed
    if 2 in args.only:
        print("2. time to first token with a shared long prefix", flush=True)
        reuse = prefix_reuse(args, path)
        verdict = "meets" if reuse["speedup"] >= 5 else "MISSES"
        print(f"   speedup {reuse['speedup']}x ({verdict} >= 5x)")
        figures["prefix"] = reuse
    if 3 in args.only:
        print("3. writing speed with the Fountain scene grammar against none", flush=True)
        constrained = grammar_speed(args, path)
        verdict = "meets" if constrained["ratio"] >= 0.85 else "MISSES"
        print(
            f"   median: none {constrained['free_tokens_per_second']}/s, grammar "
            f"{constrained['grammar_tokens_per_second']}/s; median of paired ratios "
            f"{constrained['ratio']} ({verdict} >= 0.85); the grammar in the chain as before: "
            f"{constrained['in_chain_tokens_per_second']}/s, ratio {constrained['in_chain_ratio']}"
            f"; tokens the grammar turned down per run: {constrained['rejected_tokens_median']}"
            f"; runs that read back as a scene: "
            f"{constrained['grammar_runs_starting_with_a_heading']}"
        )
        figures["grammar"] = constrained
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
