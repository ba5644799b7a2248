"""The figures of the README's reliability section, rerunnable by anyone.

    .venv/bin/python benchmarks/reliability.py [--kills N] [--fuzz-examples N]
        [--atheris-seconds S] [--suggestions N] [--rotation ACTION ...] [--threads N]
        [--scenes N]
        [--pages N] [--prompt-chars N] [--skip PART ...]

Parts (each can be skipped): ``kills`` (the SIGKILL loops of tests/test_hardening_kill.py,
N kills per test), ``fuzz`` (the hypothesis fuzz tests of the parser, paginator and
exporters, N examples per test, counted by hypothesis itself), ``atheris`` (the
coverage-guided fuzzer, when atheris is installed: ``pip install -e '.[fuzz]'``),
``memory`` (N suggestions in a row with the embedded model in this process, the actions of
``--rotation`` taking turns: resident size, open files and threads at 10 and at N;
``--scenes`` keeps the prompts short),
``large`` (benchmarks/large_script.py: open, edit, navigate, paginate and export a script of
N pages), ``templates`` (the chat template sandbox: what a render costs against rendering
in this process, with the embedded model's template and a prompt of N characters of Big
Fish (``--prompt-chars``); how long the hostile templates of issue 18 take to be refused,
and this process's peak memory meanwhile). Prints one table at the end.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("kills", "fuzz", "atheris", "memory", "large", "templates")
FUZZ_TESTS = ["tests/test_fuzz_export.py", "tests/test_parser_properties.py"]
SCRIPT = ROOT / "resources" / "sample.fountain"
ROTATION = ("continue-dialogue", "next-scene", "logline", "shots")


def pytest_run(args: list[str], env: dict[str, str]) -> tuple[bool, str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode == 0, done.stdout + done.stderr, time.perf_counter() - started


def kills(count: int) -> list[tuple[str, str]]:
    ok, output, seconds = pytest_run(
        ["tests/test_hardening_kill.py"], {"REELWRIGHT_KILLS": str(count)}
    )
    tests = re.search(r"(\d+) passed", output)
    passed = int(tests.group(1)) if tests else 0
    figure = f"{count} kills in each of {passed} kill tests, all survived" if ok else "FAILED"
    if not ok:
        print(output[-3000:])
    return [("SIGKILL during save, autosave and export", f"{figure} ({seconds:.0f} s)")]


def fuzz(examples: int) -> list[tuple[str, str]]:
    ok, output, seconds = pytest_run(
        ["--hypothesis-show-statistics", *FUZZ_TESTS], {"REELWRIGHT_FUZZ_EXAMPLES": str(examples)}
    )
    counted = sum(int(n) for n in re.findall(r"(\d+) passing examples", output))
    failing = sum(int(n) for n in re.findall(r"(\d+) failing examples", output))
    if not ok:
        print(output[-3000:])
    verdict = "no invariant broken" if ok else "FAILED"
    return [
        (
            "hypothesis: parser, paginator, PDF, FDX, Fountain",
            f"{counted} examples ({failing} failing), {verdict} ({seconds:.0f} s)",
        )
    ]


def atheris(seconds: int) -> list[tuple[str, str]]:
    if importlib.util.find_spec("atheris") is None:
        return [("atheris", "not installed (pip install -e '.[fuzz]')")]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fuzz_atheris.py"), "--seconds", str(seconds)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("atheris:")]
    return [
        ("atheris, coverage-guided", (lines[-1][9:] if lines else "FAILED") + f" in {seconds} s")
    ]


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_scenes(text: str, scenes: int) -> str:
    """``text`` cut before its scene heading number ``scenes + 1`` (0: the whole text)."""
    from reelwright.screenplay.elements import ElementType
    from reelwright.screenplay.parser import parse

    headings = [e for e in parse(text).elements if e.type is ElementType.SCENE_HEADING]
    if scenes <= 0 or len(headings) <= scenes:
        return text
    return "".join(text.splitlines(keepends=True)[: headings[scenes].start_line])


def memory(
    count: int, rotation: tuple[str, ...], threads: int | None, scenes: int
) -> list[tuple[str, str]]:
    from reelwright.models.actions import (
        Suggestion,
        default_sampler,
        minimum_max_tokens,
        run_action,
    )
    from reelwright.models.llama_engine import load_engine
    from reelwright.models.store import resolve_model
    from reelwright.models.types import EngineSettings

    text = first_scenes(SCRIPT.read_text("utf-8"), scenes)
    engine = load_engine(resolve_model("default"), EngineSettings(n_ctx=4096, n_threads=threads))
    samples: dict[int, tuple[float, int, int]] = {}
    valid = 0
    started = time.perf_counter()
    try:
        for number in range(1, count + 1):
            action = rotation[number % len(rotation)]
            need = minimum_max_tokens(action, text)
            sampler = replace(default_sampler(action, 4096), max_tokens=need + 16, seed=number)
            events = run_action(engine, action, text, sampler=sampler)
            valid += sum(e.ok for e in events if isinstance(e, Suggestion))
            if number in (10, count):
                fds = len(os.listdir("/proc/self/fd"))
                samples[number] = (resident_mib(), fds, threading.active_count())
            if number % 10 == 0 or number <= 3:
                print(
                    f"  {number} suggestions, {resident_mib():.1f} MiB, "
                    f"{len(os.listdir('/proc/self/fd'))} open files, "
                    f"{threading.active_count()} threads, {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
    finally:
        engine.close()
    seconds = time.perf_counter() - started
    (rss10, fds10, th10), (rss_n, fds_n, th_n) = samples[10], samples[count]
    return [
        (
            f"{count} suggestions in one process (embedded model, {', '.join(rotation)}; "
            f"{'the sample' if scenes <= 0 else f'the first {scenes} scenes of the sample'})",
            f"{valid} valid; resident {rss10:.1f} MiB at 10, {rss_n:.1f} MiB at {count}; "
            f"open files {fds10} -> {fds_n}; threads {th10} -> {th_n} ({seconds:.0f} s)",
        )
    ]


def large(pages: int) -> list[tuple[str, str]]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "large_script.py"), "--pages", str(pages)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-3000:])
        return [(f"{pages}-page script", "FAILED")]
    rows = []
    for line in done.stdout.splitlines():
        if ":" in line:
            what, _, figure = line.partition(":")
            rows.append((what.strip(), figure.strip()))
    return rows


def templates(prompt_chars: int) -> list[tuple[str, str]]:
    import resource
    import statistics

    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    from reelwright.models.gguf_info import inspect_gguf
    from reelwright.models.store import resolve_model
    from reelwright.models.template_sandbox import TemplateError, TemplateSandbox

    template = inspect_gguf(resolve_model("default")).chat_template or ""
    big_fish = ROOT.parent / "shared" / "corpus" / "Big-Fish.fountain"
    big_fish = big_fish if big_fish.is_file() else SCRIPT
    content = big_fish.read_text("utf-8", errors="replace")[:prompt_chars]
    messages = [
        {"role": "system", "content": "You are a screenwriter's assistant."},
        {"role": "user", "content": content},
    ]
    formatter = Jinja2ChatFormatter(template, eos_token="</s>", bos_token="<s>")
    box = TemplateSandbox()
    rows = []
    try:
        started = time.perf_counter()
        box.render(template, messages)
        first = time.perf_counter() - started

        def median_ms(render: object, rounds: int = 300) -> float:
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                render()  # type: ignore[operator]
                times.append(time.perf_counter() - started)
            return statistics.median(times) * 1000

        here = median_ms(lambda: formatter(messages=messages))
        there = median_ms(lambda: box.render(template, messages))
        rows.append(
            (
                f"chat template render, embedded model's template, {len(content):,}-character "
                "prompt (median of 300)",
                f"{there:.2f} ms in the sandbox vs {here:.2f} ms in this process "
                f"(+{there - here:.2f} ms); the child's start {first * 1000:.0f} ms, once",
            )
        )
        hostile = {
            "((messages|length)+10) ** 300000000": "{{ ((messages|length)+10) ** 300000000 }}",
            "content * 3000000 (GBs of text)": "{{ messages[-1]['content'] * 3000000 }}",
            "10**10 nested loop iterations": (
                "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
            ),
        }
        peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
        for name, text in hostile.items():
            started = time.perf_counter()
            try:
                box.render(text, messages)
                said = "rendered (!)"
            except TemplateError as error:
                said = f"refused in {time.perf_counter() - started:.2f} s: {error}"
            rows.append((f"hostile chat template {name}", said))
        peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
        rows.append(
            ("peak resident size of this process", f"{peak_before} MiB -> {peak_after} MiB")
        )
    finally:
        box.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--fuzz-examples", type=int, default=500)
    parser.add_argument("--atheris-seconds", type=int, default=120)
    parser.add_argument("--suggestions", type=int, default=200)
    parser.add_argument("--rotation", nargs="+", default=list(ROTATION), help="writing actions")
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads")
    parser.add_argument("--scenes", type=int, default=0, help="only the sample's first N scenes")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--prompt-chars", type=int, default=16000)
    parser.add_argument("--skip", nargs="*", default=[], choices=PARTS)
    args = parser.parse_args()
    runs = {
        "kills": lambda: kills(args.kills),
        "fuzz": lambda: fuzz(args.fuzz_examples),
        "atheris": lambda: atheris(args.atheris_seconds),
        "memory": lambda: memory(args.suggestions, tuple(args.rotation), args.threads, args.scenes),
        "large": lambda: large(args.pages),
        "templates": lambda: templates(args.prompt_chars),
    }
    table: list[tuple[str, str]] = []
    for part in PARTS:
        if part in args.skip:
            continue
        print(f"{part} ...", flush=True)
        rows = runs[part]()
        for row in rows:
            print(f"  {row[0]}: {row[1]}", flush=True)
        table += rows
    print("\n| what | figure |\n|---|---|")
    for what, figure in table:
        print(f"| {what} | {figure} |")


if __name__ == "__main__":
    main()
