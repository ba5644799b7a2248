"""The analysis after typing pauses: incremental, one at a time, and never holding up the
keyboard's thread by changing the interpreter for the whole process (issue 18)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from reelwright.desktop.analysis import Analyzer, _Previous, analyse, parse_incrementally
from reelwright.screenplay.pagination import PaginationCache
from reelwright.screenplay.parser import parse
from reelwright.screenplay.print_setup import PrintSetup

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
EDITS = [
    "x",
    "\n",
    "\n\n",
    "\n\nBOB\nHello there.\n\n",
    "\n\nINT. NEW PLACE - DAY\n\nHi.\n\n",
    "\n\n\n\n",
    "^",
    "/*",
    "*/",
    "[[",
    "]]",
    "\n\n.FORCED HEADING\n\n",
    "\n\n~La la\n",
]


def _facts(script: object) -> tuple[object, ...]:
    elements = [
        (e.type, e.text, e.start_line, e.end_line, e.dual, e.scene_number, e.depth, e.forced)
        for e in script.elements  # type: ignore[attr-defined]
    ]
    return (
        elements,
        script.regions,  # type: ignore[attr-defined]
        script.line_count,  # type: ignore[attr-defined]
        script.title_page,  # type: ignore[attr-defined]
        script.title_marks,  # type: ignore[attr-defined]
        script.caseless_cues,  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_the_incremental_parse_is_the_full_parse(seed: int) -> None:
    text = (CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8")
    previous = _Previous(text, parse(text))
    rng = random.Random(seed)
    for _ in range(60):
        at = rng.randrange(len(text))
        if rng.random() < 0.7:
            text = text[:at] + rng.choice(EDITS) + text[at:]
        else:
            text = text[:at] + text[at + rng.randint(1, 500) :]
        script = parse_incrementally(text, previous)
        assert _facts(script) == _facts(parse(text))
        previous = _Previous(text, script)


@pytest.mark.parametrize("seed", [3, 4])
def test_a_chinese_script_keeps_its_choice_on_caseless_cues(seed: int) -> None:
    """Names without letter case (张伟) are cues by the whole script's choice: an edit in
    the middle is parsed with that choice, not the middle's own letters."""
    scene = "INT。 医院 - 夜\n\n张伟赶到医院。\n\n张伟\n你来晚了。\n\n李娜\n我知道。\n\n"
    text = "Title：医院\n\n" + scene * 30
    previous = _Previous(text, parse(text))
    assert previous.script.caseless_cues is True
    rng = random.Random(seed)
    for _ in range(20):
        at = rng.randrange(len(text))
        insert = rng.choice(["王芳\n好的。\n\n", "\n\nBOB\nHello.\n\n", "x", "\n"])
        text = text[:at] + insert + text[at:]
        script = parse_incrementally(text, previous)
        assert _facts(script) == _facts(parse(text))
        previous = _Previous(text, script)


def test_an_incremental_analysis_counts_what_a_fresh_one_counts() -> None:
    text = (CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8")
    setup = PrintSetup(paper="letter")
    cache, words = PaginationCache(), {}
    first = analyse(text, setup, cache=cache, words=words)
    previous = _Previous(text, first.script)
    edited = text.replace("The Beast isn't worried.", "The Beast isn't worried at all.", 1)
    again = analyse(edited, setup, cache=cache, previous=previous, words=words)
    fresh = analyse(edited, setup)
    assert again.reused_pages > 100
    for field in ("page_count", "scene_pages", "page_starts", "words", "scenes", "outline"):
        assert getattr(again, field) == getattr(fresh, field), field
    # The navigator's entries come made from the worker: the window only shows them.
    from reelwright.desktop.navigator import outline_entries

    assert again.outline == outline_entries(again) and len(again.outline) > 100
    assert again.words == first.words + 2


def test_one_analysis_at_a_time_and_only_the_newest_delivered(qtbot) -> None:
    text = ["INT. A - DAY\n\nOne.\n"]
    analyzer = Analyzer(lambda: text[0], PrintSetup(paper="letter"))
    delivered: list[str] = []
    analyzer.ready.connect(lambda analysis: delivered.append(analysis.script.elements[-1].text))
    interval = sys.getswitchinterval()
    try:
        analyzer.start()
        assert not delivered  # on the worker: delivered through the event loop, later
        # Typing goes on while it runs: each pause asks again, one more run follows.
        for word in ("Two.", "Three.", "Four."):
            text[0] = f"INT. A - DAY\n\n{word}\n"
            analyzer.schedule()
            analyzer._run_in_background()  # the pause elapsed
        qtbot.waitUntil(lambda: bool(delivered) and delivered[-1] == "Four.", timeout=10_000)
        qtbot.wait(200)
        assert delivered[-1] == "Four." and "Three." not in delivered
        assert not analyzer.busy()
        assert analyzer.latest is not None and analyzer.latest.page_count == 1
    finally:
        analyzer.shutdown()
    assert sys.getswitchinterval() == interval  # the process-wide setting is left alone


def test_the_setup_travels_with_the_analyzer() -> None:
    text = "Title: X\nfmt: multicam\n\nBOB\nWords " + "and words " * 20 + "end.\n"
    analyzer = Analyzer(lambda: text, PrintSetup(paper="letter"))
    try:
        result = analyzer.run_now()
        assert result is not None and result.layout is not None
        assert result.layout.profile == "screenplay"  # the script's fmt: key on top of it
        assert result.layout.style(result.script.elements[1].type).line_spacing == 2
        analyzer.layout = PrintSetup(paper="a4", heading_blanks=1).layout
        assert (analyzer.setup.paper, analyzer.setup.heading_blanks) == ("a4", 1)
    finally:
        analyzer.shutdown()


def test_the_worker_makes_what_the_listeners_show() -> None:
    """The vocabulary spell check takes as known and the navigator's entries come made by
    the worker, equal to the one rules' answers, incrementally too."""
    from reelwright.desktop.analysis import Memory
    from reelwright.desktop.navigator import outline_entries
    from reelwright.screenplay.spelling import script_vocabulary

    text = (CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8")
    setup = PrintSetup(paper="letter")
    cache, memory = PaginationCache(), Memory()
    first = analyse(text, setup, cache=cache, memory=memory)
    assert first.vocabulary == frozenset(script_vocabulary(first.script))
    assert "bloom" in first.vocabulary and len(first.vocabulary) > 100
    edited = text.replace("INT.  BLOOM FRONT HALL", "INT.  BLOOM FARMHOUSE", 1)
    assert edited != text
    again = analyse(
        edited, setup, cache=cache, previous=_Previous(text, first.script), memory=memory
    )
    assert again.vocabulary == frozenset(script_vocabulary(again.script))
    assert "farmhouse" in again.vocabulary and "farmhouse" not in first.vocabulary
    assert again.outline == outline_entries(again)


def test_the_worker_stands_back_while_the_writer_types(qtbot) -> None:
    """Each edit holds the worker at its next pause point for HOLD_SECONDS, so a keystroke
    never waits for the interpreter; it finishes once typing pauses."""
    from reelwright.desktop import analysis as module

    text = (CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8")
    analyzer = Analyzer(lambda: text, PrintSetup(paper="letter"))
    delivered: list[float] = []
    analyzer.ready.connect(lambda _analysis: delivered.append(module.time.monotonic()))
    try:
        analyzer.start()
        # Keys every 20 ms for a second: the worker sleeps at its pause points meanwhile.
        typed_until = module.time.monotonic() + 1.0
        while module.time.monotonic() < typed_until:
            analyzer.hold()
            qtbot.wait(20)
        assert not delivered and analyzer.busy()
        stopped = module.time.monotonic()
        qtbot.waitUntil(lambda: bool(delivered), timeout=30_000)
        assert delivered[0] > stopped  # it went on once the keys stopped
    finally:
        analyzer.shutdown()


def test_waiting_for_the_worker_delivers_its_analysis_once(qtbot) -> None:
    text = (CORPUS / "Brick-and-Steel.fountain").read_text(encoding="utf-8")
    analyzer = Analyzer(lambda: text, PrintSetup(paper="letter"))
    delivered: list[object] = []
    analyzer.ready.connect(delivered.append)
    try:
        analyzer.start()
        analyzer.wait()
        assert len(delivered) == 1 and analyzer.up_to_date()
        qtbot.wait(100)  # the worker's own signal comes too: not delivered twice
        assert len(delivered) == 1
        analyzer.schedule()
        assert not analyzer.up_to_date()  # the text changed since
    finally:
        analyzer.shutdown()
