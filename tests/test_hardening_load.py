"""Many suggestions in one process: no file handles, threads or memory leak.

The suite runs 200 suggestions on the tests' tiny GPT-NeoX (fast, and the same engine,
grammar and check code as any model); ``benchmarks/reliability.py`` runs the same loop on
the embedded model and reports the resident size at 10 and at 200.
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

import model_fixtures
import pytest

from reelwright.models.actions import (
    ACTIONS,
    Suggestion,
    default_sampler,
    minimum_max_tokens,
    run_action,
)
from reelwright.models.llama_engine import load_engine
from reelwright.models.types import EngineSettings

SCRIPT = """Title: Load

INT. KITCHEN - NIGHT

Ada fills the kettle. Ben watches from the door.

ADA
You're late again.

BEN
The bus broke down.

EXT. STREET - DAY

Ben runs for a bus that does not stop.

ADA
(calling after him)
Your keys!
"""
OPTIONS = {"character": "ADA", "length": 30}


def resident_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_two_hundred_suggestions_leak_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 2048-token context (rotary positions: the length is only metadata) so that every
    # action has room; the suite runs the ones with short answers (a grammar and a check
    # each, like the rest), the benchmark the scene actions too.
    monkeypatch.setattr(model_fixtures, "TINY_CONTEXT", 2048)
    source = model_fixtures.write_tiny_gptneox(tmp_path / "tiny-f32.gguf", seed=5)
    model = model_fixtures.quantize_q8_0(source, tmp_path / "tiny-q8_0.gguf")
    engine = load_engine(model, EngineSettings(n_ctx=2048, n_threads=2))
    short = [a for a in ACTIONS if minimum_max_tokens(a, SCRIPT, options=OPTIONS) <= 200]
    assert {"continue-dialogue", "logline", "character", "marketing"} <= set(short)
    samples: dict[int, tuple[int, int, int]] = {}
    try:
        for number in range(1, 201):
            action = short[number % len(short)]
            need = minimum_max_tokens(action, SCRIPT, options=OPTIONS)
            sampler = replace(default_sampler(action, 2048), max_tokens=need + 8, seed=number)
            events = run_action(engine, action, SCRIPT, options=OPTIONS, sampler=sampler)
            finals = [e for e in events if isinstance(e, Suggestion)]
            assert len(finals) == 1 and finals[0].ok, finals[0].failure
            if number in (10, 200):
                samples[number] = (resident_kib(), open_files(), threading.active_count())
    finally:
        engine.close()
    (rss10, fds10, threads10), (rss200, fds200, threads200) = samples[10], samples[200]
    assert fds200 == fds10, "file handles leaked"
    assert threads200 == threads10, "threads leaked"
    # Flat, with room for the allocator's slack: a leak of one prompt per suggestion
    # (a few KiB each) would add megabytes over 190 suggestions.
    assert rss200 - rss10 < 8 * 1024, f"resident size grew from {rss10} to {rss200} KiB"
