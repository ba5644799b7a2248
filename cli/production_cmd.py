"""``reelwright scenes|pages|revisions``: production drafts from the command line.

- ``scenes lock FILE`` writes every scene's number into its heading and locks them; new
  scenes then get 12A, 12B ..., dropped ones an OMITTED heading (``scenes lock`` again
  writes those); ``scenes unlock FILE`` renumbers; ``scenes list FILE`` shows them.
- ``pages lock FILE`` remembers where every page begins; ``pages list FILE`` shows the
  pages under the lock (23A, 24-25); ``pages unlock FILE`` forgets.
- ``revisions start FILE`` starts the next revision round (Blue, Pink ...);
  ``revisions mark NEW --against OLD`` marks in NEW what changed since OLD;
  ``revisions list FILE`` shows rounds and marked lines; ``revisions clear FILE``.

The script is changed in place (atomically) unless ``-o OUT`` is given. Only the standard
library is imported at the top; the core is imported inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reelwright.screenplay.page_lock import PageLayout
    from reelwright.screenplay.production_file import ProductionData


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    scenes = subparsers.add_parser(
        "scenes", help="lock, unlock or list scene numbers (production drafts)"
    )
    scene_actions = scenes.add_subparsers(dest="action", metavar="ACTION", required=True)
    lock = scene_actions.add_parser(
        "lock",
        help="write every scene's number into its heading and lock them",
        description=(
            "Write each scene heading's number (#12#) and lock them: later, new scenes are "
            "numbered between their neighbours (12A, 12B; A1 before the first) and a dropped "
            "scene leaves an OMITTED heading with its number. Run it again after editing to "
            "write the new numbers. Numbers already written are kept unless --renumber."
        ),
    )
    _file_options(lock)
    lock.add_argument("--renumber", action="store_true", help="number the scenes 1, 2, 3 ... first")
    lock.add_argument(
        "--skip-io", action="store_true", help="leave the letters I and O out of A-numbers"
    )
    lock.set_defaults(func=run_scenes_lock)
    unlock = scene_actions.add_parser(
        "unlock", help="remove OMITTED headings and renumber the scenes 1, 2, 3 ..."
    )
    _file_options(unlock)
    unlock.add_argument(
        "--clear", action="store_true", help="remove the numbers instead of renumbering"
    )
    unlock.set_defaults(func=run_scenes_unlock)
    listing = scene_actions.add_parser("list", help="show every scene's number")
    _read_options(listing)
    listing.set_defaults(func=run_scenes_list)

    pages = subparsers.add_parser("pages", help="lock, unlock or list locked pages")
    page_actions = pages.add_subparsers(dest="action", metavar="ACTION", required=True)
    page_lock = page_actions.add_parser(
        "lock",
        help="lock the page breaks: later additions make A-pages (23A)",
        description=(
            "Remember where each page begins. Afterwards text added to page 23 spills onto "
            "23A, 23B and a page emptied by cuts is folded into the next (24-25), so the "
            "other pages keep their numbers. Locking again keeps today's labels."
        ),
    )
    _file_options(page_lock)
    page_lock.add_argument("--paper", choices=("letter", "a4"), help="paper (default: locale's)")
    page_lock.add_argument(
        "--heading-blanks", type=int, choices=(1, 2), help="blank lines before headings"
    )
    page_lock.set_defaults(func=run_pages_lock)
    page_unlock = page_actions.add_parser("unlock", help="forget the locked pages")
    _file_options(page_unlock)
    page_unlock.set_defaults(func=run_pages_unlock)
    page_list = page_actions.add_parser("list", help="show the pages and their labels")
    _read_options(page_list)
    page_list.set_defaults(func=run_pages_list)

    revisions = subparsers.add_parser(
        "revisions", help="revision rounds and marks (Blue, Pink ... pages)"
    )
    rev_actions = revisions.add_subparsers(dest="action", metavar="ACTION", required=True)
    start = rev_actions.add_parser("start", help="start the next revision round")
    _file_options(start)
    _round_options(start)
    start.set_defaults(func=run_revisions_start)
    mark = rev_actions.add_parser(
        "mark",
        help="mark in FILE what changed since an earlier draft",
        description=(
            "Compare FILE with the earlier draft OLD and mark every changed word in the "
            "current revision round (started with --round if none is under way). OLD's own "
            "marks are kept where their text still is."
        ),
    )
    _file_options(mark)
    mark.add_argument("--against", required=True, metavar="OLD", help="the earlier draft")
    _round_options(mark)
    mark.set_defaults(func=run_revisions_mark)
    rev_list = rev_actions.add_parser("list", help="show the rounds and the marked lines")
    _read_options(rev_list)
    rev_list.set_defaults(func=run_revisions_list)
    clear = rev_actions.add_parser("clear", help="remove revision marks (all, or one round's)")
    _file_options(clear)
    clear.add_argument("--round", metavar="NAME", help="only this round's marks")
    clear.set_defaults(func=run_revisions_clear)


def _read_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .fountain script")
    parser.add_argument("--encoding", metavar="ENC", help="read FILE in this encoding")
    parser.add_argument("--json", action="store_true", help="print JSON for a program")


def _file_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .fountain script (changed in place)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write OUT instead of FILE")
    parser.add_argument("--encoding", metavar="ENC", help="read and write in this encoding")


def _round_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--round", metavar="NAME", help="the round (blue, pink ..., double blue); default: next"
    )
    parser.add_argument("--date", help="the date printed on its pages (default: today)")


# Reading and writing ---------------------------------------------------------------------


def _load(path: str, encoding: str | None) -> tuple[str, ProductionData]:
    from reelwright.screenplay import production_file
    from reelwright.screenplay.textio import read_script_text

    loaded = production_file.read(read_script_text(path, encoding))
    for warning in loaded.warnings:
        print(f"reelwright: {path}: {warning}", file=sys.stderr)
    return loaded.body, loaded.data


def _save(args: argparse.Namespace, body: str, data: ProductionData) -> Path:
    from reelwright.screenplay import production_file
    from reelwright.screenplay.fileio import atomic_write_text

    target = Path(args.output or args.file)
    atomic_write_text(target, production_file.write(body, data), args.encoding or "utf-8")
    return target


def _dump(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# Scenes ----------------------------------------------------------------------------------


def run_scenes_lock(args: argparse.Namespace) -> int:
    from reelwright.screenplay.scene_lock import LETTERS, LETTERS_WITHOUT_IO, lock_scenes

    body, data = _load(args.file, args.encoding)
    letters = LETTERS_WITHOUT_IO if args.skip_io else LETTERS
    lock = data.scenes
    if lock is not None and args.skip_io:
        lock.letters = letters
    new_body, data.scenes = lock_scenes(body, lock, renumber=args.renumber, letters=letters)
    data.carry(body, new_body)
    target = _save(args, new_body, data)
    count = len(data.scenes.numbers)
    print(f"locked {count} scene number{'s' if count != 1 else ''} in {target}")
    return 0


def run_scenes_unlock(args: argparse.Namespace) -> int:
    from reelwright.screenplay.scene_lock import unlock_scenes

    body, data = _load(args.file, args.encoding)
    new_body = unlock_scenes(body, clear=args.clear)
    data.carry(body, new_body)
    data.scenes = None
    target = _save(args, new_body, data)
    what = "removed the scene numbers" if args.clear else "renumbered the scenes"
    print(f"unlocked and {what} in {target}")
    return 0


def run_scenes_list(args: argparse.Namespace) -> int:
    from reelwright.screenplay.parser import parse
    from reelwright.screenplay.scene_lock import scene_numbers

    body, data = _load(args.file, args.encoding)
    script = parse(body)
    scenes = scene_numbers(script, data.scenes)
    rows: list[dict[str, str | int]] = []
    for scene in scenes:
        element = script.elements[scene.element_index]
        state = "omitted" if scene.omitted else "locked" if scene.locked else "new"
        if data.scenes is None:
            state = "written" if scene.written else "automatic"
        rows.append(
            {
                "number": scene.number,
                "heading": element.text,
                "line": scene.line + 1,
                "state": state,
            }
        )
    if args.json:
        _dump({"locked": data.scenes is not None, "scenes": rows})
        return 0
    print("scene numbers are locked" if data.scenes is not None else "scene numbers are not locked")
    width = max((len(str(row["number"])) for row in rows), default=1)
    for row in rows:
        print(f"{row['number']:>{width}}  {row['heading']}  ({row['state']}, line {row['line']})")
    return 0


# Pages -----------------------------------------------------------------------------------


def _locked_layout(body: str, data: ProductionData) -> PageLayout:
    from reelwright.screenplay.page_lock import paginate_locked
    from reelwright.screenplay.parser import parse

    assert data.pages is not None
    return paginate_locked(parse(body), body, data.pages)


def run_pages_lock(args: argparse.Namespace) -> int:
    from reelwright.screenplay.layout import layout_for
    from reelwright.screenplay.page_lock import lock_pages
    from reelwright.screenplay.pagination import paginate
    from reelwright.screenplay.parser import parse

    body, data = _load(args.file, args.encoding)
    script = parse(body)
    if data.pages is not None and args.paper is None and args.heading_blanks is None:
        placed = _locked_layout(body, data)
        pagination, labels = placed.pagination, placed.labels
    else:
        layout = layout_for(args.paper, heading_blanks=args.heading_blanks)
        pagination, labels = paginate(script, layout), None
    data.pages = lock_pages(script, body, pagination, labels)
    target = _save(args, body, data)
    count = len(data.pages.pages)
    print(f"locked {count} page{'s' if count != 1 else ''} ({data.pages.paper}) in {target}")
    return 0


def run_pages_unlock(args: argparse.Namespace) -> int:
    body, data = _load(args.file, args.encoding)
    data.pages = None
    target = _save(args, body, data)
    print(f"unlocked the pages of {target}")
    return 0


def run_pages_list(args: argparse.Namespace) -> int:
    from reelwright.screenplay.layout import layout_for
    from reelwright.screenplay.pagination import paginate
    from reelwright.screenplay.parser import parse
    from reelwright.screenplay.revisions import page_levels, printed_marks, round_name

    body, data = _load(args.file, args.encoding)
    script = parse(body)
    if data.pages is not None:
        placed = _locked_layout(body, data)
        pagination, labels = placed.pagination, placed.labels
    else:
        pagination = paginate(script, layout_for(None))
        labels = [str(page.number) for page in pagination.pages]
    levels = page_levels(printed_marks(pagination, script, body, data.revisions.marks))
    rows: list[dict[str, str | int | None]] = []
    for page, label, level in zip(pagination.pages, labels, levels, strict=True):
        first = next((p.text for p in page.lines if p.text.strip()), "")
        rows.append(
            {
                "label": label,
                "line": page.first_source_line + 1,
                "revised": round_name(level) if level is not None else None,
                "first": first,
            }
        )
    if args.json:
        _dump({"locked": data.pages is not None, "pages": rows})
        return 0
    print("pages are locked" if data.pages is not None else "pages are not locked")
    width = max((len(str(row["label"])) for row in rows), default=1)
    for row in rows:
        revised = f"  [{row['revised']}]" if row["revised"] else ""
        print(f"{row['label']:>{width}}  line {row['line']}: {row['first']}{revised}")
    return 0


# Revisions -------------------------------------------------------------------------------


def _level(name: str | None) -> int | None:
    from reelwright.screenplay.revisions import round_level

    return round_level(name) if name else None


def run_revisions_start(args: argparse.Namespace) -> int:
    body, data = _load(args.file, args.encoding)
    started = data.revisions.start_round(_level(args.round), args.date)
    target = _save(args, body, data)
    print(f"started the {started.name} revision ({started.date}) in {target}")
    return 0


def run_revisions_mark(args: argparse.Namespace) -> int:
    body, data = _load(args.file, args.encoding)
    old_body, old_data = _load(args.against, args.encoding)
    from reelwright.screenplay.production_file import Draft, mark_against

    draft, current = mark_against(
        Draft(body, data), Draft(old_body, old_data), _level(args.round), args.date
    )
    data = draft.data
    target = _save(args, body, data)
    marked = sum(
        1 for spans in data.revisions.marks.values() if any(s.level == current.level for s in spans)
    )
    print(
        f"marked {marked} line{'s' if marked != 1 else ''} in the {current.name} revision "
        f"in {target}"
    )
    return 0


def run_revisions_list(args: argparse.Namespace) -> int:
    from reelwright.screenplay.revisions import round_name
    from reelwright.screenplay.textdiff import split_lines

    body, data = _load(args.file, args.encoding)
    lines = split_lines(body)
    rounds = [{"name": r.name, "date": r.date, "level": r.level} for r in data.revisions.rounds]
    marked = []
    for line in sorted(data.revisions.marks):
        spans = data.revisions.marks[line]
        text = lines[line] if line < len(lines) else ""
        marked.append(
            {
                "line": line + 1,
                "round": round_name(max(s.level for s in spans)),
                "text": text,
                "changes": [
                    {"text": text[s.start : s.end], "round": round_name(s.level)} for s in spans
                ],
            }
        )
    if args.json:
        _dump({"rounds": rounds, "marks": marked})
        return 0
    if not rounds:
        print("no revision round has been started")
    for item in rounds:
        print(f"{item['name']} revision  {item['date']}")
    for item in marked:
        print(f"  line {item['line']} [{item['round']}]: {item['text']}")
    return 0


def run_revisions_clear(args: argparse.Namespace) -> int:
    body, data = _load(args.file, args.encoding)
    data.revisions.clear(_level(args.round))
    target = _save(args, body, data)
    print(f"cleared the revision marks in {target}")
    return 0
