"""Suggestion quality as a writer sees it: every action, several seeds, several scripts.

    .venv/bin/python benchmarks/bench_quality.py [--model default|tiny|PATH|ID]
        [--scripts F ...] [--actions A ...] [--seeds N] [--max-tokens N] [--n-ctx N]
        [--jsonl OUT] [--table-only JSONL ...]

For each script and action, ``--seeds`` alternatives of one request (llama.cpp evaluates the
prompt once for all of them) are measured with ``reelwright.models.quality``:

  format      share of takes that passed the action's output check (parse, schema)
  invented    words in no real word list (pyspellchecker) and not in the script
  copy        word 8-grams of the take found verbatim in the script (a trailer's quoted
              lines are left out: a trailer quotes the film on purpose)
  1st/2nd     action paragraphs (and shot descriptions) in the first or second person
  rep.spk     cues repeating the previous cue with no action between (continue-dialogue
              counts the speaker before the cursor too)
  known       cues that are the script's characters
  dup         beats, shots or posts identical or near-identical to an earlier one in the
              take, and alternatives of the same request that repeat each other
  grounded    trailer beats, shots, logline/synopsis sentences and profile fields that cite
              the script (a name, a place, a quote, content words of the scene)
  leak        takes holding 4-word phrases or labels of the prompt's instructions
  lang        letters in the script's own writing system (a Chinese script gets Chinese)

Targets with the embedded model (issue 15): invented <= 2%, copy <= 5%, 1st/2nd 0,
rep.spk 0, dup 0, grounded >= 90% (trailer, shots), known >= 95%, format 100%.

``--model tiny`` writes the tests' tiny GPT-NeoX (random weights: the pipeline only).
Every take goes to ``--jsonl`` as it finishes, so a long run that is stopped still counts;
``--table-only`` prints the table of earlier runs' files.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from reelwright.models.actions import (
    ACTIONS,
    Suggestion,
    default_sampler,
    minimum_max_tokens,
    run_action,
)
from reelwright.models.prompting import cue_name, load_template, read_story
from reelwright.models.quality import (
    Counts,
    Take,
    facts_of,
    measure_take,
    variant_duplicates,
)
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OWN = Path(__file__).resolve().parent / "quality-scripts"
SCRIPTS = [
    ROOT / "resources" / "sample.fountain",
    CORPUS / "Brick-and-Steel.fountain",
    OWN / "ru-nochnoy-poezd.fountain",
    OWN / "zh-ye-yu.fountain",
]
COLUMNS = (
    ("format", "format", True),
    ("invented", "invented", True),
    ("copy", "copy", True),
    ("person", "1st/2nd", False),
    ("repeated_speakers", "rep.spk", False),
    ("known_cues", "known", True),
    ("duplicates", "dup", True),
    ("grounded", "grounded", True),
    ("leaks", "leak", True),
    ("language", "lang", True),
)


def instructions_text(action: str) -> str:
    """The recipe's own words (system text and instruction), for the leakage measure."""
    system = load_template("system").sections.get("system", "")
    recipe = load_template(action).sections
    return "\n".join([system, recipe.get("instruction", ""), recipe.get("completion", "")])


STYLE = "auto"


def options_for(action: str, text: str) -> dict[str, Any]:
    story = read_story(parse(text))
    options: dict[str, Any] = {"length": 30, "genre": "drama"}
    if STYLE != "auto":
        options["prompt_style"] = STYLE
    if action == "character" and story.characters:
        options["character"] = story.characters[0]
    return options


def last_speaker(text: str) -> str | None:
    """Who speaks last in the last scene (continue-dialogue answers them by default)."""
    story = read_story(parse(text))
    if not story.scenes:
        return None
    last = None
    for element in story.scenes[-1].elements:
        if element.type is ElementType.CHARACTER:
            last = cue_name(element.text)
    return last


def scene_of(text: str, action: str) -> str | None:
    story = read_story(parse(text))
    if action != "shots" or not story.scenes:
        return None
    return "\n".join(e.text for e in story.scenes[-1].elements)


def run_row(
    engine: Any, script: Path, action: str, seeds: int, max_tokens: int, log: Any
) -> tuple[Counts, float, int]:
    text = script.read_text("utf-8")
    facts = facts_of(read_story(parse(text)))
    options = options_for(action, text)
    need = minimum_max_tokens(action, text, options=options)
    sampler = replace(
        default_sampler(action, engine.facts.n_ctx), max_tokens=max(need, max_tokens), seed=1
    )
    started = time.perf_counter()
    finals: list[Suggestion] = []
    for event in run_action(engine, action, text, options=options, sampler=sampler, n=seeds):
        if isinstance(event, Suggestion):
            finals.append(event)
    seconds = time.perf_counter() - started
    counts = Counts()
    instructions = instructions_text(action)
    texts = []
    for final in sorted(finals, key=lambda s: s.index):
        take = Take(
            action,
            final.ok,
            final.text if final.ok else final.raw,
            final.data if final.ok else None,
            previous_speaker=last_speaker(text) if action == "continue-dialogue" else None,
            scene_text=scene_of(text, action),
        )
        measured = measure_take(take, facts, instructions)
        counts = counts + measured
        texts.append(take.text)
        if log is not None:
            log.write(
                json.dumps(
                    {
                        "model": engine.facts.name + ("" if STYLE == "auto" else f" ({STYLE})"),
                        "script": script.name,
                        "action": action,
                        "index": final.index,
                        "attempts": final.attempts,
                        "ok": final.ok,
                        "problems": list(final.check.problems),
                        "text": take.text,
                        "counts": _plain(measured),
                        "seconds": round(seconds, 1),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            log.flush()
    repeats, total = variant_duplicates(texts)
    counts.duplicates += repeats
    counts.items += total if action not in ("trailer", "shots", "marketing") else 0
    if log is not None:
        log.write(json.dumps({"variants": [script.name, action, repeats, total]}) + "\n")
    return counts, seconds / max(1, len(finals)), len(finals)


def _plain(counts: Counts) -> dict[str, Any]:
    return {k: getattr(counts, k) for k in counts.__dataclass_fields__}


def cell(counts: Counts, key: str, percent: bool) -> str:
    rates = counts.rates()
    value = rates[key]
    if value is None:
        return "-"
    if percent:
        return f"{value:.0%}" if value in (0, 1) else f"{value:.1%}"
    part = {"person": counts.person_lines, "repeated_speakers": counts.repeated_speakers}[key]
    return str(part)


def print_table(rows: list[tuple[str, str, Counts, float]]) -> None:
    head = "| script | action | " + " | ".join(c[1] for c in COLUMNS) + " | s/take |"
    print(head)
    print("|" + "---|" * (len(COLUMNS) + 3))
    for script, action, counts, seconds in rows:
        cells = [cell(counts, key, percent) for key, _, percent in COLUMNS]
        print(f"| {script} | {action} | " + " | ".join(cells) + f" | {seconds:.0f} |")


def examples(rows: list[tuple[str, str, Counts, float]]) -> None:
    for script, action, counts, _ in rows:
        for key, values in counts.examples.items():
            shown = "; ".join(repr(v) for v in values[:3])
            print(f"  {script} {action} {key}: {shown}")


def tiny_model(folder: Path) -> Path:
    """The tests' tiny GPT-NeoX, written and quantized here with a 4096-token context (its
    rotary positions make the length only metadata), as tests/test_actions.py does."""
    spec = importlib.util.spec_from_file_location(
        "model_fixtures", ROOT / "tests" / "model_fixtures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.TINY_CONTEXT = 4096
    source = module.write_tiny_gptneox(folder / "tiny-f32.gguf")
    return Path(module.quantize_q8_0(source, folder / "tiny-Q8_0.gguf"))


def table_from(files: list[Path]) -> None:
    """The table of earlier runs: rows rebuilt from their JSON lines."""
    rows: dict[tuple[str, str, str], tuple[Counts, list[float]]] = {}
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            if "variants" in record:
                script, action, repeats, total = record["variants"]
                for key, (counts, _) in rows.items():
                    if key[1:] == (script, action):
                        counts.duplicates += repeats
                        if action not in ("trailer", "shots", "marketing"):
                            counts.items += total
                continue
            key = (record["model"], record["script"], record["action"])
            counts, seconds = rows.setdefault(key, (Counts(), []))
            rows[key] = (counts + Counts(**record["counts"]), [*seconds, record["seconds"]])
    for model in dict.fromkeys(k[0] for k in rows):
        print(f"\nmodel {model}")
        table = [
            (k[1], k[2], counts, sum(s) / len(s))
            for k, (counts, s) in rows.items()
            if k[0] == model
        ]
        print_table(table)
        print(f"\nmodel {model}, every script together")
        print_table(summary(table))
        examples(table)


def summary(table: list[tuple[str, str, Counts, float]]) -> list[tuple[str, str, Counts, float]]:
    """One row per action: the counts of every script added up."""
    by_action: dict[str, tuple[Counts, list[float]]] = {}
    for _, action, counts, seconds in table:
        total, times = by_action.get(action, (Counts(), []))
        by_action[action] = (total + counts, [*times, seconds])
    return [
        ("all", action, counts, sum(times) / len(times))
        for action, (counts, times) in by_action.items()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="default")
    parser.add_argument("--scripts", nargs="*", type=Path)
    parser.add_argument("--actions", nargs="*", default=list(ACTIONS))
    parser.add_argument("--seeds", type=int, default=2, help="alternatives per request")
    parser.add_argument("--max-tokens", type=int, default=500)
    parser.add_argument("--n-ctx", type=int, default=4096)
    parser.add_argument("--jsonl", type=Path, help="write every take here as it finishes")
    parser.add_argument("--table-only", nargs="*", type=Path, help="print earlier runs' table")
    parser.add_argument(
        "--style", choices=("auto", "chat", "completion"), default="auto", help="prompt form"
    )
    args = parser.parse_args()
    global STYLE
    STYLE = args.style
    if args.table_only:
        table_from(args.table_only)
        return
    from reelwright.models.llama_engine import load_engine
    from reelwright.models.store import resolve_model
    from reelwright.models.types import EngineSettings

    scripts = args.scripts or [p for p in SCRIPTS if p.exists()]
    with tempfile.TemporaryDirectory() as folder:
        path = tiny_model(Path(folder)) if args.model == "tiny" else resolve_model(args.model)
        n_ctx = args.n_ctx
        engine = load_engine(path, EngineSettings(n_ctx=n_ctx))
        print(
            f"model {engine.facts.name} ({engine.facts.backend}), context {n_ctx}, "
            f"{args.seeds} alternatives per request, max tokens >= {args.max_tokens}",
            flush=True,
        )
        log = args.jsonl.open("a", encoding="utf-8") if args.jsonl else None
        rows = []
        for script in scripts:
            for action in args.actions:
                try:
                    counts, seconds, _ = run_row(
                        engine, script, action, args.seeds, args.max_tokens, log
                    )
                except Exception as error:
                    print(f"{script.stem} {action}: {error}", file=sys.stderr, flush=True)
                    continue
                rows.append((script.stem[:24], action, counts, seconds))
                print_table(rows[-1:])
                sys.stdout.flush()
        print()
        print_table(rows)
        print()
        print_table(summary(rows))
        examples(rows)
        if log is not None:
            log.close()
        engine.close()


if __name__ == "__main__":
    main()
