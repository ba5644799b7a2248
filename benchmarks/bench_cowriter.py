"""Co-writer timings in the app (run on demand, not by the test suite).

1. Event-loop pauses while a suggestion streams: a 5 ms precise QTimer on the GUI thread
   records how late each tick comes; the longest pause while chunks arrive is the figure
   (target < 16 ms). Pauses while the model loads and reads the prompt are shown too.
2. Tokens per second in the app against the model layer alone: the same action, model,
   settings and seed, run through the window's co-writer (model thread, queued signals,
   panel repaints) and through ``run_action`` on a second engine in this thread,
   alternately. Tokens per second is tokens / wall-clock seconds from the request to the
   last suggestion (target app / alone >= 0.95); the engine's own generation-only rate is
   shown beside it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_cowriter.py \
        [--script FILE] [--model default|PATH] [--action next-scene] [--tokens 300] [--pairs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Pauses:
    """Lateness of a 5 ms timer, filed under the phase the app was in."""

    interval_ms: float = 5.0
    by_phase: dict[str, list[float]] = field(default_factory=dict)
    phase: str = "idle"
    last: float = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        if self.last:
            late = (now - self.last) * 1000 - self.interval_ms
            self.by_phase.setdefault(self.phase, []).append(max(0.0, late))
        self.last = now


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--script", default=str(REPO / "resources" / "sample.fountain"))
    parser.add_argument("--model", default="default")
    parser.add_argument("--action", default="next-scene")
    parser.add_argument("--tokens", type=int, default=360, help="max tokens per suggestion")
    parser.add_argument("--pairs", type=int, default=3, help="app/alone pairs after warm-up")
    parser.add_argument("--line", type=int, default=60, help="cursor line (0-based)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REELWRIGHT_HOME", tempfile.mkdtemp(prefix="bench-cowriter-"))
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from reelwright.desktop.app import application, create_window
    from reelwright.desktop.cowriter import install_cowriter
    from reelwright.desktop.sampler_popover import action_defaults, save_sampler
    from reelwright.desktop.settings import Settings
    from reelwright.models.actions import Suggestion, run_action
    from reelwright.models.llama_engine import load_engine
    from reelwright.models.store import resolve_model

    app = application()
    settings = Settings()
    if args.model != "default":
        settings.set("model/path", str(resolve_model(args.model)))
    sampler = replace(action_defaults(args.action), max_tokens=args.tokens, seed=1234)
    save_sampler(settings, args.action, sampler, 4096)
    settings.set("cowriter/demo_notice_seen", True)  # the timing is of the writing, not it
    window = create_window(args.script, settings, offer_recovery=False)
    window.show()
    cowriter = install_cowriter(window)
    window.editor.go_to_line(args.line)
    text = window.editor.script_text()

    pauses = Pauses()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(int(pauses.interval_ms))
    timer.timeout.connect(pauses.tick)
    cowriter.host.loading.connect(lambda _c: setattr(pauses, "phase", "loading"))
    cowriter.host.loaded.connect(lambda _m: setattr(pauses, "phase", "reading prompt"))

    cowriter.host.chunk.connect(lambda _chunk: setattr(pauses, "phase", "streaming"))

    def in_app() -> tuple[float, int, float]:
        """(wall seconds, tokens, engine's generation-only tokens/s) through the window."""
        loop = QEventLoop()
        result: list[object] = []

        def finished(done: object) -> None:
            result.append(done)
            loop.quit()

        cowriter.job_finished.connect(finished)
        started = time.perf_counter()
        pauses.phase = "reading prompt"
        cowriter.start(args.action, args.line)
        if not result:
            loop.exec()
        wall = time.perf_counter() - started
        pauses.phase = "idle"
        cowriter.job_finished.disconnect(finished)
        done = result[0]
        if done.reason != "done":  # type: ignore[attr-defined]
            raise SystemExit(f"the app's suggestion failed: {done.message}")  # type: ignore[attr-defined]
        return wall, done.completion_tokens, done.tokens_per_second  # type: ignore[attr-defined]

    engine = None

    def alone() -> tuple[float, int, float]:
        """The same through ``run_action`` in this thread (the GUI timer paused meanwhile)."""
        nonlocal engine
        timer.stop()
        try:
            return _alone()
        finally:
            pauses.last = 0.0
            timer.start()

    def _alone() -> tuple[float, int, float]:
        nonlocal engine
        if engine is None:
            model = cowriter.host.model
            assert model is not None
            engine = load_engine(model.path, settings.engine_settings())
        started = time.perf_counter()
        tokens, generating = 0, 0.0
        for event in run_action(engine, args.action, text, cursor_line=args.line, sampler=sampler):
            if isinstance(event, Suggestion) and event.finished is not None:
                tokens += event.finished.completion_tokens
                generating += event.finished.seconds - event.finished.first_token_seconds
        wall = time.perf_counter() - started
        return wall, tokens, tokens / generating if generating else 0.0

    timer.start()
    print(f"script {Path(args.script).name}, action {args.action}, max {args.tokens} tokens")
    first = in_app()
    print(f"warm-up in the app (load + first prompt): {first[0]:.1f} s, {first[1]} tokens")
    alone()
    ratios, engine_ratios, rows = [], [], []
    for _ in range(args.pairs):
        a_wall, a_tokens, a_rate = in_app()
        b_wall, b_tokens, b_rate = alone()
        app_tps, alone_tps = a_tokens / a_wall, b_tokens / b_wall
        ratios.append(app_tps / alone_tps)
        engine_ratios.append(a_rate / b_rate if b_rate else 0.0)
        rows.append((a_tokens, app_tps, a_rate, b_tokens, alone_tps, b_rate))
    timer.stop()
    print("\n2. tokens per second (wall clock from request to last suggestion)")
    print("   app: tokens  tok/s  (engine)   alone: tokens  tok/s  (engine)")
    for a_tokens, app_tps, a_rate, b_tokens, alone_tps, b_rate in rows:
        print(
            f"        {a_tokens:6d} {app_tps:6.1f}  ({a_rate:5.1f})"
            f"           {b_tokens:6d} {alone_tps:6.1f}  ({b_rate:5.1f})"
        )
    ratio = statistics.median(ratios)
    verdict = "meets" if ratio >= 0.95 else "MISSES"
    print(
        f"   median app/alone: {ratio:.3f} ({verdict} >= 0.95); engine-only rates "
        f"{statistics.median(engine_ratios):.3f}"
    )

    print("\n1. GUI event-loop pauses (lateness of a 5 ms timer), ms")
    for phase in ("loading", "reading prompt", "streaming", "idle"):
        values = sorted(pauses.by_phase.get(phase, []))
        if not values:
            continue
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(
            f"   {phase:15s} ticks {len(values):6d}  median {statistics.median(values):5.2f}"
            f"  p99 {p99:6.2f}  max {values[-1]:6.2f}"
        )
    streaming = max(pauses.by_phase.get("streaming", [0.0]))
    verdict = "meets" if streaming < 16 else "MISSES"
    print(f"   longest pause while streaming: {streaming:.2f} ms ({verdict} < 16 ms)")
    print(f"   load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    cowriter.shutdown()
    if engine is not None:
        engine.close()
    window.document.editor.document().setModified(False)
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
