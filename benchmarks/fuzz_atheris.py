"""Coverage-guided fuzzing of the parser, the paginator and every exporter, with atheris.

Run on demand (not part of the test suite; atheris is not a dependency)::

    .venv/bin/pip install -e ".[fuzz]"
    .venv/bin/python benchmarks/fuzz_atheris.py --seconds 180 [--out DIR] [-- LIBFUZZER_ARGS]
    .venv/bin/python benchmarks/fuzz_atheris.py --replay DIR/failure-*.bin

Each input's first byte chooses the paper and the print options, the rest is the script
(UTF-8, broken bytes replaced). Every input goes through the invariants of
``tests/test_fuzz_export.py`` (``tests/fuzz_invariants.py``, loaded by its path): parse,
paginate, FDX out and back, Fountain out and back, and every ``--pdf-every``-th input also
the PDF read back with pypdf (reportlab's drawing would otherwise be most of the time).
A rest that starts like XML (``<``) is an FDX file instead: read, paginated, written back,
its title page through Fountain, its size bounded (``check_fdx_bytes``).

The fuzzer starts from the shared corpus, the shapes of issue 18 (unclosed notes and
boneyard, scene numbers of thousands of digits, deep sections, FDX files whose numbers and
keys lie; ``SHAPES`` and ``FDX_SHAPES``) and a dictionary of Fountain's and FDX's markup.
Before fuzzing, every shape is checked once at full size, the bigger ``SLOW_SHAPES`` too
with ``--shapes`` (which then stops), and pipes and devices given as paths. A failing
input is saved in ``--out`` (``failure-HASH.bin``, and ``.txt`` with the traceback), one per
distinct failure, and fuzzing goes on. The last line is ``atheris: N inputs, K failures``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
INVARIANTS = REPO / "tests" / "fuzz_invariants.py"
CORPUS = REPO.parent / "shared" / "corpus"
TOKENS = [
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "  ",
    "\t",
    "INT. ",
    "EXT. ",
    "INT./EXT. ",
    "I/E ",
    "EST ",
    " - DAY",
    " #1A#",
    "CUT TO:",
    "BOB",
    "MAYA (V.O.)",
    " (CONT'D)",
    " ^",
    "@",
    "!",
    ".",
    "...",
    "(",
    ")",
    "（",
    "）",
    ">",
    "<",
    "~",
    "#",
    "##",
    "=",
    "===",
    "[[",
    "]]",
    "/*",
    "*/",
    "*",
    "**",
    "***",
    "_",
    "\\",
    "Title:",
    "Author:",
    "Draft date:",
    "Contact:",
    "   ",
    ". ",
    "? ",
    "-- ",
    "你好。",
    "\ufeff",
    "\u2028",
    "\x00",
    "\x0c",
    "#77777777777777777777777777777777#",
    "##########",
    "[[[[[[[[",
    "/*/*/*/*",
    '<?xml version="1.0"?><FinalDraft DocumentType="Script"><Content>',
    "</Content></FinalDraft>",
    '<Paragraph Type="Scene Heading" Number="',
    '<Paragraph Type="Section" Level="',
    '<Paragraph Type="Action">',
    "<Text>",
    "</Text></Paragraph>",
    '"><Text>',
    "<TitlePage><Content>",
    "</Content></TitlePage>",
    '<Paragraph ReelwrightKey="',
    "&#10;",
    "999999999",
    "1e23",
    "\u00b2",
]


def load_invariants() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_invariants", INVARIANTS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Harness:
    """The fuzz target: runs the invariants, keeps count, saves failures."""

    def __init__(self, invariants: ModuleType, out: Path, pdf_every: int) -> None:
        self.invariants = invariants
        self.out = out
        self.pdf_every = max(1, pdf_every)
        self.inputs = 0
        self.failures = 0
        self.seen: set[str] = set()
        self.deadline = float("inf")
        self.runs = 0

    def check(self, data: bytes, pdf: bool = True) -> str | None:
        """The traceback of the first broken invariant or crash for ``data``, or None."""
        bits = data[0] if data else 0
        layout, options = self.invariants.choose(bits)
        try:
            if data[1:].lstrip()[:1] == b"<":
                self.invariants.check_fdx_bytes(data[1:], layout, options)
            else:
                text = data[1:].decode("utf-8", "replace")
                self.invariants.check_text(text, layout, options, pdf=pdf)
        except Exception:
            return traceback.format_exc()
        return None

    def __call__(self, data: bytes) -> None:
        if time.monotonic() >= self.deadline or (self.runs and self.inputs >= self.runs):
            self.finish()
        self.inputs += 1
        failure = self.check(data, pdf=self.inputs % self.pdf_every == 0)
        if failure is not None:
            self.failures += 1
            self.save(data, failure)

    def save(self, data: bytes, failure: str) -> None:
        # One file per distinct failure: the exception line and where it was raised.
        lines = failure.strip().splitlines()
        where = [line for line in lines if line.lstrip().startswith("File ")][-1:]
        signature = "\n".join([*where, lines[-1].split(":", 1)[0]])
        if signature in self.seen:
            return
        self.seen.add(signature)
        name = f"failure-{hashlib.sha1(data).hexdigest()[:12]}"
        (self.out / f"{name}.bin").write_bytes(data)
        (self.out / f"{name}.txt").write_text(f"{data!r}\n\n{failure}", encoding="utf-8")
        print(f"fuzz_atheris: failure saved as {self.out / name}.bin", file=sys.stderr)
        print(failure, file=sys.stderr)

    def finish(self) -> None:
        saved = f" (saved in {self.out})" if self.failures else ""
        print(f"atheris: {self.inputs} inputs, {self.failures} failures{saved}", flush=True)
        sys.stderr.flush()
        os._exit(1 if self.failures else 0)  # libFuzzer would go on; nothing is left to do


def seeds(folder: Path, max_len: int, invariants: ModuleType) -> None:
    """The shared corpus's small scripts and the shapes of issue 18 that fit, each behind an
    options byte of 0 (scene numbers printed on both sides: 6)."""
    for path in sorted(CORPUS.glob("*.fountain")):
        data = b"\x00" + path.read_bytes()
        if len(data) <= max_len:
            (folder / path.name).write_bytes(data)
    shapes = [text.encode("utf-8") for text in invariants.SHAPES.values()]
    shapes += list(invariants.FDX_SHAPES.values())
    for number, shape in enumerate(shapes):
        data = b"\x06" + shape
        if len(data) <= max_len:
            (folder / f"shape-{number}.bin").write_bytes(data)


def check_shapes(harness: Harness, slow: bool) -> int:
    """Every shape once at full size (and pipes and devices as paths); failures are saved
    like the fuzzer's. Returns how many failed."""
    invariants = harness.invariants
    texts = dict(invariants.SHAPES, **(invariants.SLOW_SHAPES if slow else {}))
    inputs = {name: b"\x06" + text.encode("utf-8") for name, text in texts.items()}
    inputs.update({name: b"\x06" + data for name, data in invariants.FDX_SHAPES.items()})
    failed = 0
    for name, data in inputs.items():
        started = time.monotonic()
        failure = harness.check(data)
        took = time.monotonic() - started
        print(f"shape {name}: {'ok' if failure is None else 'FAILS'} ({took:.1f} s)", flush=True)
        if failure is not None:
            failed += 1
            harness.save(data, failure)
    with tempfile.TemporaryDirectory(prefix="reelwright-paths-") as folder:
        try:
            invariants.check_special_paths(Path(folder))
            print("shape pipes and devices as paths: ok", flush=True)
        except Exception:
            failed += 1
            print(f"shape pipes and devices as paths: FAILS\n{traceback.format_exc()}", flush=True)
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz")
    parser.add_argument("--runs", type=int, default=0, help="stop after this many inputs")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "reelwright-fuzz",
        help="failures go here",
    )
    parser.add_argument("--max-len", type=int, default=16384, help="longest input in bytes")
    parser.add_argument("--pdf-every", type=int, default=10, help="PDF for every N-th input")
    parser.add_argument("--replay", nargs="+", type=Path, help="check saved inputs and stop")
    parser.add_argument(
        "--shapes", action="store_true", help="check every shape, the slow ones too, and stop"
    )
    args, libfuzzer = parser.parse_known_args()
    libfuzzer = [arg for arg in libfuzzer if arg != "--"]

    if args.shapes:
        args.out.mkdir(parents=True, exist_ok=True)
        failed = check_shapes(Harness(load_invariants(), args.out.resolve(), 1), slow=True)
        print(f"shapes: {failed} failed")
        return 1 if failed else 0

    if args.replay:
        harness = Harness(load_invariants(), args.out, 1)
        bad = 0
        for path in args.replay:
            failure = harness.check(path.read_bytes())
            print(f"{path}: {'ok' if failure is None else 'FAILS'}")
            if failure is not None:
                bad += 1
                print(failure)
        return 1 if bad else 0

    import atheris

    with atheris.instrument_imports(include=["reelwright"]):
        invariants = load_invariants()
    args.out.mkdir(parents=True, exist_ok=True)
    harness = Harness(invariants, args.out.resolve(), args.pdf_every)
    harness.runs = args.runs
    harness.failures += check_shapes(harness, slow=False)
    with tempfile.TemporaryDirectory(prefix="reelwright-fuzz-") as work:
        corpus = Path(work) / "corpus"
        corpus.mkdir()
        seeds(corpus, args.max_len, invariants)
        dictionary = Path(work) / "fountain.dict"
        dictionary.write_text(
            "".join(f'"{_escape(token)}"\n' for token in TOKENS), encoding="utf-8"
        )
        argv = [
            sys.argv[0],
            f"-dict={dictionary}",
            f"-max_len={args.max_len}",
            "-timeout=60",
            f"-artifact_prefix={harness.out}/",
            *libfuzzer,
            str(corpus),
        ]
        harness.deadline = time.monotonic() + args.seconds
        atheris.Setup(argv, harness)
        atheris.Fuzz()
    harness.finish()
    return 0


def _escape(token: str) -> str:
    """A dictionary entry: libFuzzer's quoted string with \\xNN escapes for bytes."""
    out = []
    for byte in token.encode("utf-8"):
        char = chr(byte)
        out.append(char if 0x20 <= byte < 0x7F and char not in '"\\' else f"\\x{byte:02x}")
    return "".join(out)


if __name__ == "__main__":
    sys.exit(main())
