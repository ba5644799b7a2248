"""Run our Fountain parser against other parsers' own test expectations.

Three peer suites, each used from a copy you fetched yourself (never committed here):

- **screenplain** (github.com/vilcans/screenplain): its unit tests ``tests/fountain_test.py``
  and its file tests ``tests/files_test.py`` (HTML and FDX written by screenplain's own
  exporters), run unchanged with screenplain's parser replaced by ours: our elements are
  turned into screenplain's paragraph objects (notes left out, headings and transitions in
  upper case, as both print them);
- **Jouvence** (github.com/ludovicchabant/Jouvence): every ``tests/test_*.yaml`` case. Jouvence
  keeps blank lines inside its action text, so both sides are compared as a list of
  elements with action reduced to its non-blank lines;
- **Fountain** (github.com/nyousefi/Fountain, the syntax authors' Objective-C parser): the
  assertions of ``FountainTests/*Tests.m`` that check an element's type, text, scene number
  or section depth at an index, on the ``.fountain`` file the test loads. Our elements are
  listed the way that parser lists them (one element per lyric line and per ``!`` line,
  boneyard and ``[[notes]]`` paragraphs as elements); texts are compared without the
  whitespace at their ends. Assertions of another shape are counted as not run.

Usage::

    .venv/bin/python benchmarks/peer_suites.py --screenplain PATH --jouvence PATH --fountain PATH

Each PATH is a checkout or a bare git directory (``fetch`` puts one under /work/.mirror);
a git directory is exported to a temporary folder first. ``-v`` lists every failure.
Run it with ``PYTHONPATH`` pointing at an older tree of the package to get the "before"
figures for a parser change.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import unittest
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reelwright.screenplay.elements import Element, ElementType, RegionKind, Script
from reelwright.screenplay.parser import parse
from reelwright.screenplay.vocabulary import strip_notes

T = ElementType


@dataclass
class Outcome:
    suite: str
    passed: int = 0
    failed: int = 0
    not_run: int = 0
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, label: str) -> None:
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failures.append(label)

    def line(self) -> str:
        total = self.passed + self.failed
        extra = f", {self.not_run} not run" if self.not_run else ""
        return f"{self.suite:<28} {self.passed:4d}/{total:<4d} passed{extra}"


@contextlib.contextmanager
def checkout(path: Path) -> Iterator[Path]:
    """A folder with the files of ``path`` (a checkout, or a git directory exported)."""
    if (path / "HEAD").is_file() and (path / "objects").is_dir():
        with tempfile.TemporaryDirectory(prefix="peer-") as folder:
            data = subprocess.run(
                ["git", f"--git-dir={path}", "archive", "HEAD"], capture_output=True, check=True
            ).stdout
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                archive.extractall(folder, filter="data")
            yield Path(folder)
    else:
        yield path


def _lines(text: str) -> list[str]:
    return text.split("\n")


# --- screenplain ----------------------------------------------------------------------------


def _screenplain_adapter(root: Path) -> Any:
    """screenplain's ``fountain.parse`` made of our parser and screenplain's types."""
    sys.path.insert(0, str(root))
    for name in [m for m in sys.modules if m == "screenplain" or m.startswith("screenplain.")]:
        del sys.modules[name]
    types = importlib.import_module("screenplain.types")
    rich = importlib.import_module("screenplain.richstring")
    fountain = importlib.import_module("screenplain.parsers.fountain")

    def convert(script: Script) -> Any:
        title: dict[str, list[str]] = {}
        for key, value in script.title_page.items():
            title.setdefault(key.capitalize(), []).extend(v for v in value.split("\n") if v)
        paragraphs: list[Any] = []
        elements = [e for e in script.elements if e.type is not T.NOTE]
        i = 0
        while i < len(elements):
            element = elements[i]
            kind = element.type
            text = strip_notes(element.text)
            i += 1
            if not text.strip() and kind not in (T.PAGE_BREAK,):
                continue
            if kind is T.SCENE_HEADING:
                number = rich.plain(element.scene_number) if element.scene_number else None
                paragraphs.append(types.Slug(rich.parse_emphasis(text.upper()), number))
            elif kind is T.SECTION:
                paragraphs.append(types.Section(rich.parse_emphasis(text), element.depth))
            elif kind is T.SYNOPSIS:
                if paragraphs and hasattr(paragraphs[-1], "set_synopsis"):
                    paragraphs[-1].set_synopsis(text)
            elif kind is T.CHARACTER:
                lines: list[Any] = []
                while i < len(elements) and elements[i].type in (
                    T.DIALOGUE,
                    T.PARENTHETICAL,
                    T.LYRICS,
                ):
                    part = strip_notes(elements[i].text)
                    prefix = "~" if elements[i].type is T.LYRICS else ""
                    lines.extend(rich.parse_emphasis(prefix + ln.strip()) for ln in _lines(part))
                    i += 1
                dialog = types.Dialog(rich.parse_emphasis(text.strip()), lines)
                if element.dual and paragraphs and isinstance(paragraphs[-1], types.Dialog):
                    paragraphs.append(types.DualDialog(paragraphs.pop(), dialog))
                else:
                    paragraphs.append(dialog)
            elif kind is T.TRANSITION:
                paragraphs.append(types.Transition(rich.parse_emphasis(text.upper())))
            elif kind is T.PAGE_BREAK:
                paragraphs.append(types.PageBreak())
            elif kind is T.CENTERED:
                lines = [rich.parse_emphasis(line) for line in _lines(text)]
                paragraphs.append(types.Action(lines, centered=True))
            else:  # action, lyrics outside a speech, dialogue without a cue
                lines = [rich.parse_emphasis(line.rstrip()) for line in _lines(text)]
                paragraphs.append(types.Action(lines))
        return types.Screenplay(title, paragraphs)

    def our_parse(stream: Any) -> Any:
        content = stream.read()
        return convert(parse(content))

    fountain.parse = our_parse
    return our_parse


def run_screenplain(path: Path, outcome: Outcome) -> None:
    with checkout(path) as root:
        our_parse = _screenplain_adapter(root)
        loader = unittest.TestLoader()
        for module_name in ("fountain_test", "files_test"):
            spec_path = root / "tests" / f"{module_name}.py"
            if not spec_path.is_file():
                continue
            # Loaded by path: Jouvence installs a top-level package named "tests".
            spec = importlib.util.spec_from_file_location(f"screenplain_{module_name}", spec_path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            if hasattr(module, "fountain"):
                module.fountain.parse = our_parse
            suite = loader.loadTestsFromModule(module)
            tests = list(_tests_of(suite))  # a suite lets go of its tests as they run
            result = unittest.TestResult()
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                suite.run(result)
            bad = {str(test) for test, _ in result.failures + result.errors}
            for test in tests:
                outcome.check(str(test) not in bad, f"screenplain {test}")
            outcome.not_run += len(result.skipped)


def _tests_of(suite: unittest.TestSuite) -> Iterator[unittest.TestCase]:
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from _tests_of(item)
        else:
            yield item


# --- Jouvence -------------------------------------------------------------------------------

_JOUVENCE_TOKENS = {
    ".": "scene_heading",
    "@": "character",
    "=": "dialogue",
    "_": "parenthetical",
    ">": "transition",
    "~": "lyrics",
    "#": "section",
    "+": "synopsis",
}


def _normal(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Action reduced to its non-blank lines, one item each; other texts stripped."""
    out: list[tuple[str, str]] = []
    for kind, text in items:
        if kind == "action":
            out.extend(("action", line.rstrip()) for line in text.split("\n") if line.strip())
        else:
            out.append((kind, text.strip()))
    return out


def _jouvence_expected(spec: list[str]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for item in spec:
        if item == "<pagebreak>":
            items.append(("page_break", ""))
            continue
        token, text = item[:1], item[1:]
        if token == "!":
            if text.startswith("><"):
                items.append(("centered", text[2:]))
            else:
                items.append(("action", text))
        else:
            items.append((_JOUVENCE_TOKENS[token], text))
    return _normal(items)


def _ours(script: Script) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for element in script.elements:
        kind = str(element.type)
        if kind == "note":
            continue
        items.append((kind, element.text))
    return _normal(items)


def run_jouvence(path: Path, outcome: Outcome) -> None:
    import yaml

    with checkout(path) as root:
        for spec_file in sorted((root / "tests").glob("test_*.yaml")):
            with spec_file.open(encoding="utf-8") as handle:
                cases = list(yaml.safe_load_all(handle))
            for number, case in enumerate(cases):
                if not case or "in" not in case or "out" not in case:
                    outcome.not_run += 1
                    continue
                label = f"jouvence {spec_file.name}#{number}"
                script = parse(case["in"])
                ok = _ours(script) == _jouvence_expected(case["out"] or [])
                title = case.get("title")
                if title is not None:
                    ours = {k.casefold(): v for k, v in script.title_page.items()}
                    ok = ok and ours == {str(k).casefold(): str(v) for k, v in title.items()}
                outcome.check(ok, f"{label}: {case['in']!r}")


# --- Fountain (the syntax authors' tests) ---------------------------------------------------

_FN_TYPES = {
    T.SCENE_HEADING: "Scene Heading",
    T.ACTION: "Action",
    T.CHARACTER: "Character",
    T.DIALOGUE: "Dialogue",
    T.PARENTHETICAL: "Parenthetical",
    T.TRANSITION: "Transition",
    T.CENTERED: "Action",
    T.LYRICS: "Lyrics",
    T.SECTION: "Section Heading",
    T.SYNOPSIS: "Synopsis",
    T.NOTE: "Comment",
    T.PAGE_BREAK: "Page Break",
}


@dataclass
class _FnElement:
    type: str
    text: str
    scene_number: str | None = None
    depth: int = 0


def _fn_elements(script: Script, source: list[str]) -> list[_FnElement]:
    """Our elements listed as the Objective-C parser lists its own."""
    items: list[tuple[int, _FnElement]] = []
    for region in script.regions:
        if region.kind is RegionKind.BONEYARD:
            items.append((region.start_line, _FnElement("Boneyard", "")))
    for element in script.elements:
        items.extend((line, fn) for line, fn in _fn_split(element, source))
    items.sort(key=lambda item: item[0])
    return [fn for _, fn in items]


def _fn_split(element: Element, source: list[str]) -> Iterator[tuple[int, _FnElement]]:
    kind = _FN_TYPES[element.type]
    if element.type is T.LYRICS:
        for offset, line in enumerate(element.text.split("\n")):
            yield element.start_line + offset, _FnElement(kind, line)
        return
    if element.type is T.ACTION:
        # That parser makes each "!" line an element of its own.
        start = element.start_line
        lines = element.text.split("\n")
        chunk: list[str] = []
        chunk_start = start
        for offset, line in enumerate(lines):
            raw = source[start + offset] if start + offset < len(source) else ""
            if raw.lstrip().startswith("!") and chunk:
                yield chunk_start, _FnElement(kind, "\n".join(chunk))
                chunk, chunk_start = [], start + offset
            chunk.append(line)
        yield chunk_start, _FnElement(kind, "\n".join(chunk))
        return
    yield element.start_line, _FnElement(kind, element.text, element.scene_number, element.depth)


_METHOD = re.compile(r"-\s*\(void\)\s*(test\w+)\s*\{(.*?)\n\}", re.DOTALL)
_LOAD = re.compile(r'loadTestFile:@"([^"]+)"')
_STRING = r'@"((?:[^"\\]|\\.)*)"'
_STATEMENTS = [
    ("index", re.compile(r"(?:NSUInteger\s+)?index\s*=\s*(\d+)\s*;")),
    ("string", re.compile(r"NSString\s*\*\s*(\w+)\s*=\s*" + _STRING + r"\s*;")),
    (
        "equal",
        re.compile(
            r"STAssertEqualObjects\(\[self (elementTypeAtIndex|elementTextAtIndex|"
            r"sceneNumberForElementAtIndex):index\],\s*(?:" + _STRING + r"|(\w+))\s*,"
        ),
    ),
    (
        "depth",
        re.compile(
            r"STAssertEquals\(\[self sectionDepthOfElementAtIndex:index\],\s*"
            r"\(NSUInteger\)\s*(\d+)\s*,"
        ),
    ),
    (
        "not_type",
        re.compile(
            r"STAssert(False|True)\(\[\[self elementTypeAtIndex:index\] isEqualToString:" + _STRING
        ),
    ),
]


def _objc_string(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def run_fountain(path: Path, outcome: Outcome) -> None:
    with checkout(path) as root:
        tests = root / "FountainTests"
        for test_file in sorted(tests.glob("*Tests.m")):
            code = test_file.read_text(encoding="utf-8", errors="replace")
            load = _LOAD.search(code)
            if load is None:
                outcome.not_run += len(re.findall(r"STAssert", code))
                continue
            source_path = tests / f"{load.group(1)}.fountain"
            if not source_path.is_file():
                outcome.not_run += len(re.findall(r"STAssert", code))
                continue
            text = source_path.read_text(encoding="utf-8")
            script = parse(text)
            source = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            elements = _fn_elements(script, source)
            for method, body in _METHOD.findall(code):
                _run_method(test_file.stem, method, body, elements, outcome)


def _run_method(
    name: str, method: str, body: str, elements: list[_FnElement], outcome: Outcome
) -> None:
    index = 0
    strings: dict[str, str] = {}
    for statement in re.split(r";\s*\n", body):
        statement = statement.strip() + ";"
        if "STAssert" not in statement and "index" not in statement and "NSString" not in statement:
            continue
        for kind, pattern in _STATEMENTS:
            match = pattern.search(statement)
            if match is None:
                continue
            label = f"Fountain {name}.{method} [{index}]"
            element = elements[index] if index < len(elements) else None
            if kind == "index":
                index = int(match.group(1))
            elif kind == "string":
                strings[match.group(1)] = _objc_string(match.group(2))
            elif kind == "equal":
                what, literal, variable = match.groups()
                expected = _objc_string(literal) if literal is not None else strings.get(variable)
                if expected is None:
                    outcome.not_run += 1
                    break
                got: str | None = None
                if element is not None:
                    if what == "elementTypeAtIndex":
                        got = element.type
                    elif what == "elementTextAtIndex":
                        got = element.text.strip()
                        expected = expected.strip()
                    else:
                        got = element.scene_number
                outcome.check(got == expected, f"{label} {what}: {got!r} != {expected!r}")
            elif kind == "depth":
                got_depth = element.depth if element is not None else None
                wanted = int(match.group(1))
                outcome.check(got_depth == wanted, f"{label} depth {got_depth} != {wanted}")
            else:
                positive = match.group(1) == "True"
                wanted_type = _objc_string(match.group(2))
                same = element is not None and element.type == wanted_type
                outcome.check(same is positive, f"{label} type is {wanted_type}: {not positive}")
            break
        else:
            if "STAssert" in statement:
                outcome.not_run += 1


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--screenplain", type=Path)
    options.add_argument("--jouvence", type=Path)
    options.add_argument("--fountain", type=Path)
    options.add_argument("-v", "--verbose", action="store_true", help="list every failure")
    args = options.parse_args(argv)
    runs = [
        ("screenplain", args.screenplain, run_screenplain),
        ("Jouvence", args.jouvence, run_jouvence),
        ("Fountain (nyousefi)", args.fountain, run_fountain),
    ]
    if not any(path for _, path, _ in runs):
        options.error("name at least one suite (--screenplain, --jouvence, --fountain)")
    import reelwright.screenplay.parser as ours

    print(f"parser: {ours.__file__}")
    for suite, path, runner in runs:
        if path is None:
            continue
        outcome = Outcome(suite)
        runner(path, outcome)
        print(outcome.line())
        if args.verbose:
            for failure in outcome.failures:
                print(f"    FAIL {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
