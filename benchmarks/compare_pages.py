"""Our pages against a Final Draft reference, page by page (run on demand).

A reference is a folder holding the script as Fountain (``source.fountain``) and the text
of every page of the PDF that Final Draft printed from it (``pdf-pages.json``, as in
``../shared/final-draft/``); ``page-labels.json``, when present, says which PDF pages are
the title page. For each body page the first and the last line of body text are compared,
after the same normalisation on both sides (the page number, ``(MORE)`` and ``(CONT'D)``
left out, runs of spaces read as one, scene numbers left out); a difference is printed
with both sides so that it can be chased to its rule.

    .venv/bin/python benchmarks/compare_pages.py [REFERENCE ...] [--quiet]

Without a folder, every reference in ``../shared/final-draft/`` is compared. The print
setup is the one every view uses: the Final Draft profile on US Letter, with what the
script's own title page asks for (JumpCut's ``fmt:`` key).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCES = REPO.parent / "shared" / "final-draft"

_PAGE_NUMBER = re.compile(r"^\d+[A-Z]*\.$")
_MARKERS = re.compile(
    r"\(\s*CONT['’]D\s*\)|\(\s*MORE\s*\)|\(\s*CONTINUED\s*\)"
    r"|\([A-Z]{4}['’][A-Z]\)"  # (CONT'D) in references whose letters were scrambled
    r"|[*_]",  # emphasis markers a reference printed as typed
    re.IGNORECASE,
)
_SCENE_NUMBERS = re.compile(r"^(.*?)(?:\s*)([0-9][0-9A-Z.\-]*|[A-Z]-[0-9A-Z.\-]+) \2$")


def normalise(line: str) -> str:
    """A printed line as compared: no markers, no scene numbers, spaces collapsed."""
    line = " ".join(_MARKERS.sub(" ", line).split())
    match = _SCENE_NUMBERS.match(line)
    if match and match.group(1):
        line = match.group(1).rstrip()
    return line


def reference_pages(folder: Path) -> list[list[str]]:
    """Body lines of every page of the reference PDF, title pages included.

    The PDF's text comes in drawing order: the page number, and markers drawn twice, can
    come first and again last; they are left out here.
    """
    pages = json.loads((folder / "pdf-pages.json").read_text(encoding="utf-8"))["pages"]
    result: list[list[str]] = []
    for page in pages:
        lines = [line.rstrip() for line in page["text"].split("\n")]
        header = next((i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line.strip())), 0)
        before = [normalise(line) for line in lines[:header]]
        before = [line for line in before if line]
        body = [
            normalise(line)
            for line in lines
            if not _PAGE_NUMBER.match(line.strip()) and normalise(line)
        ]
        if before and len(body) > len(before) and body[-len(before) :] == before:
            body = body[: -len(before)]  # drawn twice: at the start and again at the end
        result.append(body)
    return result


def title_pages(folder: Path, reference: list[list[str]], ours: list[list[str]]) -> int:
    """How many reference pages come before the first body page."""
    labels = folder / "page-labels.json"
    if labels.exists():
        data = json.loads(labels.read_text(encoding="utf-8"))
        return sum(1 for value in data.values() if not str(value).isdigit())
    first = ours[0][0] if ours and ours[0] else None
    for index, page in enumerate(reference[:4]):
        if page and page[0] == first:
            return index
    return 0


@dataclass
class Comparison:
    name: str
    reference_pages: int
    our_pages: int
    first_equal: int = 0
    last_equal: int = 0
    compared: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def first_share(self) -> float:
        return self.first_equal / self.compared if self.compared else 0.0

    @property
    def last_share(self) -> float:
        return self.last_equal / self.compared if self.compared else 0.0


def our_pages(source: Path) -> list[list[str]]:
    """Body lines of each of our pages, in reading order (dual dialogue: left, right)."""
    from reelwright.screenplay.pagination import paginate
    from reelwright.screenplay.parser import parse_file
    from reelwright.screenplay.print_setup import PrintSetup

    script = parse_file(source)
    setup = PrintSetup(paper="letter").for_script(script)
    pagination = paginate(script, setup.layout, setup.options)
    pages: list[list[str]] = []
    for page in pagination.pages:
        ordered = sorted(page.lines, key=lambda line: (line.slot, line.dual == "right"))
        lines = [normalise(line.text) for line in ordered]
        pages.append([line for line in lines if line])
    return pages


def compare(folder: Path) -> Comparison:
    ours = our_pages(folder / "source.fountain")
    reference = reference_pages(folder)
    skip = title_pages(folder, reference, ours)
    body = reference[skip:]
    result = Comparison(folder.name, len(body), len(ours))
    for index in range(min(len(body), len(ours))):
        theirs, mine = body[index], ours[index]
        result.compared += 1
        first_ok = bool(theirs and mine and theirs[0] == mine[0])
        last_ok = bool(theirs and mine and theirs[-1] == mine[-1])
        result.first_equal += first_ok
        result.last_equal += last_ok
        if not (first_ok and last_ok):
            result.differences.append(
                f"page {index + 1}:\n"
                f"    first  ours {_show(mine, 0)}\n"
                f"           FD   {_show(theirs, 0)}\n"
                f"    last   ours {_show(mine, -1)}\n"
                f"           FD   {_show(theirs, -1)}"
            )
    return result


def _show(lines: list[str], index: int) -> str:
    return repr(lines[index][:60]) if lines else "(empty)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("references", nargs="*", type=Path, help="reference folders")
    parser.add_argument("--quiet", action="store_true", help="only the table")
    args = parser.parse_args(argv)
    folders = args.references or sorted(
        path for path in REFERENCES.iterdir() if (path / "pdf-pages.json").exists()
    )
    results = [compare(folder) for folder in folders]
    if not args.quiet:
        for result in results:
            if result.differences:
                print(f"== {result.name}: pages that differ")
                for difference in result.differences:
                    print(difference)
    print()
    print("| script | Final Draft pages | our pages | first lines equal | last lines equal |")
    print("|---|---|---|---|---|")
    for result in results:
        print(
            f"| {result.name} | {result.reference_pages} | {result.our_pages} "
            f"| {result.first_share:.1%} ({result.first_equal}/{result.compared}) "
            f"| {result.last_share:.1%} ({result.last_equal}/{result.compared}) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
