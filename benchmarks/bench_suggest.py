"""Suggestion quality and speed: parse share, known cues, repeated lines, seconds each;
then how much of the prompt the KV cache keeps between consecutive suggestions.

    .venv/bin/python benchmarks/bench_suggest.py [--model PATH|ID] [--scripts F ...]
        [--actions A ...] [--runs K] [--max-tokens N] [--grammar both|yes|no] [--no-kv]

Targets with the grammar: 100% parse as the expected Fountain, >= 95% known cues,
repeated lines < 5%. Each row runs with and without the grammar.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from reelwright.models.actions import Suggestion, default_sampler, minimum_max_tokens, run_action
from reelwright.models.llama_engine import load_engine
from reelwright.models.prompting import cue_name, read_story
from reelwright.models.store import resolve_model
from reelwright.models.suggestions import repeated_lines
from reelwright.models.types import EngineSettings
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCRIPTS = [CORPUS / "Brick-and-Steel.fountain", CORPUS / "The-Last-Birthday-Card.fountain"]
ACTIONS = ["next-scene", "continue-dialogue", "between-scenes", "shots"]


def measure(engine, action: str, text: str, runs: int, max_tokens: int, grammar: bool) -> dict:
    known = set(read_story(parse(text)).characters)
    need = minimum_max_tokens(action, text, options={"length": 30})
    sampler = replace(default_sampler(action, engine.facts.n_ctx), max_tokens=max(need, max_tokens))
    ok = cues = good_cues = repeats = lines = 0
    seconds = 0.0
    for run in range(runs):
        started = time.perf_counter()
        events = run_action(
            engine,
            action,
            text,
            sampler=replace(sampler, seed=run + 1),
            options={"length": 30},
            use_grammar=grammar,
        )
        final = next(e for e in events if isinstance(e, Suggestion))
        seconds += time.perf_counter() - started
        ok += final.ok
        body = final.to_fountain() if final.ok else final.raw
        for element in parse(body).elements:
            if element.type is ElementType.CHARACTER:
                cues += 1
                good_cues += cue_name(element.text) in known
        r, n = repeated_lines(body)
        repeats, lines = repeats + r, lines + n
    return {
        "parse": ok / runs,
        "cues": good_cues / cues if cues else 1.0,
        "repeats": repeats / lines if lines else 0.0,
        "seconds": seconds / runs,
    }


def kv_reuse(engine, text: str, max_tokens: int) -> None:
    """Consecutive suggestions on one script, as a writer asks for them: the share of each
    prompt that the KV cache already held, and the time to the first token."""
    edited = text.rstrip("\n") + "\n\nA door slams somewhere below.\n"
    steps = [
        ("next-scene", text, "first request"),
        ("next-scene", text, "same request again"),
        ("continue-dialogue", text, "another action"),
        ("shots", text, "another action"),
        ("next-scene", edited, "after typing a line"),
    ]
    print(f"{'request':34} {'prompt':>7} {'reused':>7} {'evaluated':>9} {'first token':>11}")
    for action, script, label in steps:
        need = minimum_max_tokens(action, script)
        sampler = replace(
            default_sampler(action, engine.facts.n_ctx), max_tokens=max(need, max_tokens), seed=1
        )
        final = next(
            e
            for e in run_action(engine, action, script, sampler=sampler)
            if isinstance(e, Suggestion)
        )
        finished = final.finished
        first = f"{finished.first_token_seconds:.2f} s" if finished else "-"
        prompt = engine.last_prompt_reused + engine.last_prompt_evaluated
        print(
            f"{action + ' (' + label + ')':34} {prompt:7} {engine.last_prompt_reused:7} "
            f"{engine.last_prompt_evaluated:9} {first:>11}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="default")
    parser.add_argument("--scripts", nargs="*", type=Path)
    parser.add_argument("--actions", nargs="*", default=ACTIONS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-tokens", type=int, default=400)
    parser.add_argument(
        "--grammar", choices=("both", "yes", "no"), default="both", help="rows with, without"
    )
    parser.add_argument("--no-kv", action="store_true", help="skip the KV-reuse section")
    args = parser.parse_args()
    scripts = args.scripts or [
        p for p in [*SCRIPTS, ROOT / "resources/sample.fountain"] if p.exists()
    ]
    engine = load_engine(resolve_model(args.model), EngineSettings(n_ctx=4096))
    print(f"model {engine.facts.name} ({engine.facts.backend}), {args.runs} runs per row")
    print(
        f"{'script':28} {'action':18} {'grammar':7} {'parse':>6} {'cues':>6} "
        f"{'repeat':>7} {'s/sugg':>7}"
    )
    for script in scripts:
        text = script.read_text("utf-8")
        for action in args.actions:
            for grammar in {"both": (True, False), "yes": (True,), "no": (False,)}[args.grammar]:
                row = measure(engine, action, text, args.runs, args.max_tokens, grammar)
                print(
                    f"{script.stem[:28]:28} {action:18} {'yes' if grammar else 'no':7} "
                    f"{row['parse']:6.0%} {row['cues']:6.0%} {row['repeats']:7.1%} "
                    f"{row['seconds']:7.1f}",
                    flush=True,
                )
    if not args.no_kv:
        print()
        kv_reuse(engine, scripts[0].read_text("utf-8"), args.max_tokens)
    engine.close()


if __name__ == "__main__":
    main()
