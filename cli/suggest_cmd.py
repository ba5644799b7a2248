"""``reelwright suggest ACTION FILE``: the co-writer's actions on the command line.

The same code as the app's co-writer panel (``reelwright.models.actions.run_action``).
Only checked suggestions reach stdout: for next-scene, continue-dialogue, between-scenes
and shots that is Fountain that ``reelwright parse`` reads back (alternatives are separated
by boneyard lines, which the parser ignores); ``--json`` prints the structured form.
When stdout is a terminal the text also streams live as the model writes it
(``--stream``/``--no-stream`` override this). ``--json`` also reports how long it took:
prompt tokens, generated tokens (every attempt's), seconds to the first token, seconds in
all and tokens per second, for the whole request and for each suggestion.
``--server URL`` runs the model on an OpenAI-compatible server instead (see docs/server.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

from reelwright.cli.model_cmds import add_server_arguments, open_model_for, server_spec
from reelwright.models.action_registry import ACTIONS, NAMES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "suggest",
        help="let the model write a scene, dialogue, shots, a trailer, a logline...",
        description="Run a co-writer ACTION on the Fountain script FILE and print the "
        "checked suggestion.",
    )
    parser.add_argument(
        "action",
        metavar="ACTION",
        choices=NAMES,
        help="; ".join(f"{a.name}: {a.tip[0].lower()}{a.tip[1:]}" for a in ACTIONS),
    )
    parser.add_argument("file", metavar="FILE", help="a Fountain script")
    parser.add_argument("--scene", type=int, metavar="N", help="scene number (default: the last)")
    parser.add_argument(
        "--line", type=int, metavar="L", help="cursor line, 1-based (continue-dialogue cuts there)"
    )
    parser.add_argument(
        "--model", help="a .gguf file, a model id or `default` (the default; see --server)"
    )
    parser.add_argument("--n", type=int, default=1, metavar="K", help="alternatives to write")
    parser.add_argument("--seed", type=int, help="fixed seed (default: random)")
    parser.add_argument("--json", action="store_true", help="print the structured form as JSON")
    parser.add_argument("--max-tokens", type=int, help="output room (default: the action's)")
    parser.add_argument("--temperature", type=float, help="default: the action's")
    parser.add_argument(
        "--ctx",
        type=int,
        help="context size in tokens (default: 4096; with --server, at most this much, "
        "less where the server says it runs a smaller one)",
    )
    parser.add_argument("--threads", type=int, help="CPU threads")
    parser.add_argument(
        "--stream",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show the text live as it is written (default: when stdout is a terminal)",
    )
    parser.add_argument(
        "--no-grammar",
        action="store_true",
        help="sample without the grammar (for comparison; output may fail its check)",
    )
    story = parser.add_argument_group("scene and character actions")
    story.add_argument("--new-character", metavar="NAME", help="a new character may speak")
    story.add_argument("--character", metavar="NAME", help="who to profile (character)")
    promo = parser.add_argument_group("trailer and marketing")
    promo.add_argument("--genre")
    promo.add_argument("--audience")
    promo.add_argument("--length", type=int, choices=(30, 60, 90), default=60)
    promo.add_argument("--selling-point", action="append", default=[], metavar="TEXT")
    add_server_arguments(parser)
    parser.set_defaults(func=_suggest)


def _check(args: argparse.Namespace) -> None:
    from reelwright.screenplay.errors import ReelwrightError

    problems = [
        (args.n < 1, "--n must be at least 1"),
        (args.max_tokens is not None and args.max_tokens < 1, "--max-tokens must be at least 1"),
        (args.temperature is not None and args.temperature < 0, "--temperature cannot be negative"),
        (args.scene is not None and args.scene < 1, "--scene counts from 1"),
        (args.line is not None and args.line < 1, "--line counts from 1"),
        (args.ctx is not None and args.ctx < 256, "--ctx must be at least 256 tokens"),
        (args.threads is not None and args.threads < 1, "--threads must be at least 1"),
        (args.server is not None and args.model is not None, "--model and --server: keep one"),
    ]
    for bad, message in problems:
        if bad:
            raise ReelwrightError(message)


def _suggest(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from reelwright.models.actions import (
        PromptReady,
        Retry,
        Suggestion,
        SuggestionChunk,
        default_sampler,
        run_action,
    )
    from reelwright.models.types import EngineSettings
    from reelwright.screenplay.errors import ReelwrightError
    from reelwright.screenplay.textio import read_script_text

    _check(args)
    server = server_spec(args)
    text = read_script_text(args.file)
    settings = EngineSettings(n_threads=args.threads)
    if args.ctx:
        settings = replace(settings, n_ctx=args.ctx)
    engine = Metered(open_model_for(server or args.model or "default", settings))
    sampler = default_sampler(args.action, engine.facts.n_ctx)
    changes: dict[str, Any] = {"seed": args.seed}
    if args.max_tokens is not None:
        changes["max_tokens"] = args.max_tokens
    if args.temperature is not None:
        changes["temperature"] = args.temperature
    sampler = replace(sampler, **changes)
    options = {
        "new_character": args.new_character,
        "character": args.character,
        "genre": args.genre,
        "audience": args.audience,
        "length": args.length,
        "selling_points": args.selling_point,
    }
    stream = sys.stdout.isatty() if args.stream is None else args.stream
    stream = stream and not args.json
    out, err = sys.stdout, sys.stderr
    prompt: PromptReady | None = None
    results: list[Suggestion] = []
    shown = -1
    started = time.perf_counter()
    first_chunk: float | None = None
    try:
        events = run_action(
            engine,
            args.action,
            text,
            cursor_line=args.line - 1 if args.line else None,
            scene=args.scene,
            options=options,
            sampler=sampler,
            n=args.n,
            use_grammar=not args.no_grammar,
        )
        for event in events:
            if isinstance(event, SuggestionChunk) and first_chunk is None:
                first_chunk = time.perf_counter() - started
            if isinstance(event, PromptReady):
                prompt = event
                if event.trimmed:
                    print(f"(to fit the context: {'; '.join(event.trimmed)})", file=err)
            elif isinstance(event, SuggestionChunk) and stream:
                if event.index != shown:
                    out.write(f"\n/* --- writing alternative {event.index + 1} --- */\n")
                    shown = event.index
                out.write(event.text)
                out.flush()
            elif isinstance(event, Retry):
                print(
                    f"alternative {event.index + 1} failed its check ({event.reason}); "
                    f"trying again (attempt {event.attempt})",
                    file=err,
                )
                shown = -1
            elif isinstance(event, Suggestion):
                results.append(event)
    finally:
        engine.close()
    seconds = time.perf_counter() - started
    results.sort(key=lambda s: s.index)
    if stream:
        out.write("\n/* --- checked --- */\n")
    if args.json:
        payload = {
            "action": args.action,
            "prompt": None if prompt is None else _prompt_json(prompt),
            "timing": engine.timing(first_chunk, seconds),
            "suggestions": [s.to_json() | {"timing": _timing(s.finished)} for s in results],
        }
        out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        _print_plain(results, args.n, out)
    failed = [s for s in results if not s.ok]
    for suggestion in failed:
        print(
            f"alternative {suggestion.index + 1} failed after {suggestion.attempts} "
            f"attempts: {suggestion.failure}",
            file=err,
        )
    if failed and len(failed) == len(results):
        raise ReelwrightError(f"no usable {args.action} suggestion: {failed[0].failure}")
    return 0


class Metered:
    """The engine, with every alternative's ``Finished`` kept: what the request cost,
    retries included (a suggestion carries only its last attempt's)."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.finished: list[Any] = []

    @property
    def facts(self) -> Any:
        return self.engine.facts

    def count_tokens(self, text: str) -> int:
        return int(self.engine.count_tokens(text))

    def render_chat(self, messages: Sequence[dict[str, str]]) -> str:
        return str(self.engine.render_chat(messages))

    def generate(self, request: Any, cancel: Any = None) -> Iterator[Any]:
        from reelwright.models.types import Finished

        for item in self.engine.generate(request, cancel):
            if isinstance(item, Finished):
                self.finished.append(item)
            yield item

    def close(self) -> None:
        self.engine.close()

    def timing(self, first_chunk: float | None, seconds: float) -> dict[str, Any]:
        """The whole request: ``first_token_seconds`` and ``seconds`` from the start
        (reading the script and the prompt included), tokens per second of writing."""
        generated = sum(f.completion_tokens for f in self.finished)
        writing = sum(max(0.0, f.seconds - f.first_token_seconds) for f in self.finished)
        return {
            "prompt_tokens": max((f.prompt_tokens for f in self.finished), default=0),
            "generated_tokens": generated,
            "attempts": len(self.finished),
            "first_token_seconds": None if first_chunk is None else round(first_chunk, 3),
            "seconds": round(seconds, 3),
            "tokens_per_second": round(generated / writing, 2) if writing > 0 else 0.0,
        }


def _timing(finished: Any) -> dict[str, Any] | None:
    """One suggestion's last attempt, from the engine's own clock."""
    if finished is None:
        return None
    return {
        "prompt_tokens": finished.prompt_tokens,
        "generated_tokens": finished.completion_tokens,
        "first_token_seconds": round(finished.first_token_seconds, 3),
        "seconds": round(finished.seconds, 3),
        "tokens_per_second": round(finished.tokens_per_second, 2),
    }


def _prompt_json(prompt: Any) -> dict[str, Any]:
    return {
        "style": prompt.style,
        "tokens": prompt.prompt_tokens,
        "budget": prompt.budget,
        "scenes_shown": list(prompt.scenes_shown),
        "cards": list(prompt.cards),
        "trimmed": list(prompt.trimmed),
    }


def _print_plain(results: list[Any], n: int, out: Any) -> None:
    good = [s for s in results if s.ok]
    for number, suggestion in enumerate(good):
        if n > 1:
            if number:
                out.write("\n")
            out.write(f"/* --- alternative {suggestion.index + 1} of {n} --- */\n\n")
        out.write(suggestion.text.rstrip("\n") + "\n")
    out.flush()
