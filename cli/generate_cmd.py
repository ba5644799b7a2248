"""``reelwright generate MODEL PROMPT``: raw text from a model, streamed to stdout.

For trying a model and its sampler settings outside the editor. MODEL is a ``.gguf``
path, a catalog or installed id, or ``default`` (the embedded SmolLM2). The backend and
the speed go to stderr at the end, so stdout holds only the generated text. With
``--server URL`` the model runs on an OpenAI-compatible server, and MODEL names one of its
models (``default``: the one it serves).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reelwright.cli.model_cmds import add_server_arguments, open_model_for, server_spec


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="generate text with a model, streamed to stdout",
        description="Generate text from PROMPT with MODEL and stream it to stdout.",
    )
    parser.add_argument(
        "model",
        metavar="MODEL",
        help="a .gguf file, a model id or `default`; with --server, a model the server "
        "serves (`default`: its only one)",
    )
    parser.add_argument("prompt", metavar="PROMPT", help="the prompt text, or - to read stdin")
    sampling = parser.add_argument_group("sampling")
    sampling.add_argument("--temperature", type=float, default=0.8, help="0 picks greedily")
    sampling.add_argument("--top-k", type=int, default=40)
    sampling.add_argument("--top-p", type=float, default=0.95)
    sampling.add_argument("--min-p", type=float, default=0.05)
    sampling.add_argument("--repeat-penalty", type=float, default=1.1)
    sampling.add_argument("--max-tokens", type=int, default=200)
    sampling.add_argument("--seed", type=int, default=None, help="fixed seed (default: random)")
    sampling.add_argument(
        "--stop",
        action="append",
        default=[],
        metavar="S",
        help=r"stop before this text (repeatable; \n and \t are understood)",
    )
    sampling.add_argument("--n", type=int, default=1, metavar="K", help="alternatives to write")
    sampling.add_argument("--grammar", metavar="FILE", help="a GBNF grammar the text must obey")
    sampling.add_argument(
        "--chat", action="store_true", help="send PROMPT as a user message in the chat template"
    )
    loading = parser.add_argument_group("loading")
    loading.add_argument(
        "--n-gpu-layers", type=int, default=None, help="layers on the GPU (default: all if any)"
    )
    loading.add_argument("--ctx", type=int, default=None, help="context size in tokens")
    loading.add_argument("--threads", type=int, default=None, help="CPU threads")
    add_server_arguments(parser)
    parser.set_defaults(func=_generate)


def _unescape(text: str) -> str:
    return text.replace("\\\\", "\0").replace("\\n", "\n").replace("\\t", "\t").replace("\0", "\\")


def _check(args: argparse.Namespace) -> None:
    from reelwright.screenplay.errors import ReelwrightError

    problems = [
        (args.max_tokens < 1, "--max-tokens must be at least 1"),
        (args.n < 1, "--n must be at least 1"),
        (args.temperature < 0, "--temperature cannot be negative"),
        (not 0 <= args.top_p <= 1, "--top-p must be between 0 and 1"),
        (not 0 <= args.min_p <= 1, "--min-p must be between 0 and 1"),
        (args.top_k < 0, "--top-k cannot be negative"),
        (args.repeat_penalty <= 0, "--repeat-penalty must be above 0"),
        (args.ctx is not None and args.ctx < 16, "--ctx must be at least 16 tokens"),
        (args.threads is not None and args.threads < 1, "--threads must be at least 1"),
    ]
    for bad, message in problems:
        if bad:
            raise ReelwrightError(message)


def _generate(args: argparse.Namespace) -> int:
    from reelwright.models.types import (
        Chunk,
        EngineSettings,
        Finished,
        GenerationRequest,
        SamplerSettings,
    )
    from reelwright.screenplay.errors import ReelwrightError

    _check(args)
    server = server_spec(args, None if args.model == "default" else args.model)
    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    grammar = None
    if args.grammar:
        try:
            grammar = Path(args.grammar).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise ReelwrightError(f"could not read the grammar {args.grammar}: {reason}") from None
    settings = EngineSettings(n_gpu_layers=args.n_gpu_layers, n_threads=args.threads)
    if args.ctx:
        settings = EngineSettings(
            n_ctx=args.ctx, n_gpu_layers=args.n_gpu_layers, n_threads=args.threads
        )
    engine = open_model_for(server or args.model, settings)
    sampler = SamplerSettings(
        temperature=args.temperature,
        top_k=args.top_k,
        top_p=args.top_p,
        min_p=args.min_p,
        repeat_penalty=args.repeat_penalty,
        max_tokens=args.max_tokens,
        seed=args.seed,
    )
    request = GenerationRequest(
        prompt=None if args.chat else prompt,
        messages=({"role": "user", "content": prompt},) if args.chat else None,
        sampler=sampler,
        stop=tuple(_unescape(stop) for stop in args.stop),
        grammar=grammar,
        n=args.n,
    )
    out = sys.stdout
    results: list[Finished] = []
    stream = engine.generate(request)
    try:
        if args.n > 1:
            out.write(f"--- alternative 1 of {args.n} ---\n")
        for item in stream:
            if isinstance(item, Chunk):
                out.write(item.text)
                out.flush()
                continue
            results.append(item)
            if item.reason == "error":
                break
            if args.n > 1 and item.index + 1 < args.n:
                out.write(f"\n--- alternative {item.index + 2} of {args.n} ---\n")
        out.write("\n")
        out.flush()
    finally:
        stream.close()
        engine.close()
    failed = next((r for r in results if r.reason == "error"), None)
    if failed is not None:
        raise ReelwrightError(failed.error or "the model failed while writing")
    _report(engine.facts, results)
    return 0


def _report(facts: Any, results: list[Any]) -> None:
    """One line on stderr: backend, tokens, speed."""
    produced = sum(r.completion_tokens for r in results)
    seconds = sum(r.seconds for r in results)
    speeds = [r.tokens_per_second for r in results if r.tokens_per_second > 0]
    speed = sum(speeds) / len(speeds) if speeds else 0.0
    first = results[0].first_token_seconds if results else 0.0
    reasons = ", ".join(sorted({r.reason for r in results}))
    layers = f" ({facts.n_gpu_layers} layers on the GPU)" if facts.n_gpu_layers else ""
    print(
        f"{facts.backend}{layers}: {produced} tokens in {seconds:.2f} s, "
        f"{speed:.1f} tokens/s, first token after {first:.2f} s; ended by {reasons}",
        file=sys.stderr,
    )
