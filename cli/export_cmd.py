"""``reelwright export``: a script to PDF, Final Draft or Fountain; an FDX back to Fountain.

The script is read as a production draft (its revision marks, rounds and locks go into
every format); ``--revised-from OLD`` marks what changed since an earlier draft first, as
``reelwright revisions mark`` does, so revised pages can be printed from two files.

Only the standard library is imported at the top: the command loads the parser and the
one exporter it needs, never Qt or llama.cpp, so that it starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reelwright.screenplay.production_file import Draft


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    parser = subparsers.add_parser(
        "export",
        help="export a script to PDF, Final Draft (.fdx) or Fountain",
        description=(
            "Export FILE (Fountain, or Final Draft .fdx) to OUT. The format follows OUT's "
            "name: .pdf, .fdx or .fountain. 'reelwright export play.fdx -o play.fountain' "
            "imports a Final Draft script."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the script (.fountain or .fdx)")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="OUT.pdf, OUT.fdx or OUT.fountain"
    )
    parser.add_argument(
        "--paper",
        choices=("letter", "a4"),
        help="paper size for PDF (default: from the locale's LC_PAPER)",
    )
    parser.add_argument(
        "--scene-numbers",
        choices=("none", "left", "right", "both"),
        default="none",
        help="print scene numbers in the PDF (default: none)",
    )
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        help="text encoding of a Fountain FILE (default: detected); also used for "
        "a Fountain OUT (default: UTF-8)",
    )
    parser.add_argument("--notes", action="store_true", help="print [[notes]] in the PDF")
    parser.add_argument(
        "--sections", action="store_true", help="print sections and synopses in the PDF"
    )
    parser.add_argument(
        "--first-page", type=int, default=1, metavar="N", help="number of the first page"
    )
    parser.add_argument(
        "--heading-blanks",
        type=int,
        choices=(1, 2),
        help="blank lines before scene headings (default: 2, as Final Draft)",
    )
    parser.add_argument(
        "--profile",
        choices=("screenplay", "multicam"),
        default="screenplay",
        help="layout: Final Draft's feature template (default) or its multi-camera "
        "template (double-spaced dialogue, capitals, each scene on a new page); a "
        "script's own 'fmt:' title-page key is applied on top",
    )
    parser.add_argument(
        "--no-contd",
        action="store_true",
        help="do not mark a speaker continuing after action with (CONT'D)",
    )
    production = parser.add_argument_group(
        "production drafts",
        "Revision marks and rounds, locked scene numbers and locked pages kept with FILE go "
        "into every format. For a revised PDF of FILE against an earlier draft: "
        "'reelwright export NEW.fountain -o new.pdf --revised-from OLD.fountain "
        "--revision blue --revised-only'.",
    )
    production.add_argument(
        "--revised-from",
        metavar="OLD",
        help="mark what changed in FILE since the earlier draft OLD (.fountain or .fdx) "
        "before exporting; FILE itself is not changed",
    )
    production.add_argument(
        "--revision",
        metavar="ROUND",
        help="the round to mark those changes in (blue, pink ..., double blue; default: the "
        "current round, else the next)",
    )
    production.add_argument(
        "--revision-date", metavar="DATE", help="the date of a round started (default: today)"
    )
    production.add_argument(
        "--revised-only",
        action="store_true",
        help="print only the pages revised in the current round (and the title page)",
    )
    production.add_argument(
        "--revision-colour",
        "--revision-color",
        choices=("none", "tint", "band"),
        default="none",
        help="coloured-paper hints on revised pages: the page tinted, or a band naming "
        "the colour across its top (default: none)",
    )
    production.add_argument(
        "--no-revision-marks",
        action="store_true",
        help="leave out the * beside changed lines",
    )
    production.add_argument(
        "--no-title-revisions",
        action="store_true",
        help="leave the revision rounds off the title page",
    )
    sheet = parser.add_argument_group("text on the sheets (PDF)")
    sheet.add_argument("--draft-date", metavar="DATE", help="the draft date on the title page")
    sheet.add_argument(
        "--watermark", metavar="TEXT", help="printed faintly across every page (a recipient)"
    )
    sheet.add_argument("--header", metavar="TEXT", help="printed at the top of every page")
    sheet.add_argument("--footer", metavar="TEXT", help="printed at the foot of every page")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reelwright.exporters import export, format_for
    from reelwright.screenplay.errors import ReelwrightError
    from reelwright.screenplay.parser import parse

    source = Path(args.file)
    target = Path(args.output)
    kind = format_for(target)
    try:
        same = source.exists() and target.exists() and os.path.samefile(source, target)
    except OSError:
        same = False
    if same:
        raise ReelwrightError(f"{target} is the script itself; choose another output name")
    if not source.exists():
        raise ReelwrightError(f"{source} does not exist")
    if (args.revision or args.revision_date) and not args.revised_from:
        raise ReelwrightError(
            "--revision and --revision-date name the round to mark changes in: give the "
            "earlier draft with --revised-from OLD"
        )
    draft = read_draft(source, args.encoding)
    if args.revised_from:
        from reelwright.screenplay.production_file import mark_against
        from reelwright.screenplay.revisions import round_level

        older = Path(args.revised_from)
        if not older.exists():
            raise ReelwrightError(f"{older} does not exist")
        level = round_level(args.revision) if args.revision else None
        draft, current = mark_against(
            draft, read_draft(older, args.encoding), level, args.revision_date
        )
        marked = sum(
            1
            for spans in draft.data.revisions.marks.values()
            if any(span.level == current.level for span in spans)
        )
        print(
            f"marked {marked} changed line{'s' if marked != 1 else ''} since {older.name} "
            f"in the {current.name} revision"
        )
    script = parse(draft.body)
    setup = None
    if kind == "pdf":
        from reelwright.screenplay.print_setup import PrintSetup

        setup = PrintSetup(
            paper=args.paper,
            profile=args.profile,
            scene_numbers=args.scene_numbers,
            heading_blanks=args.heading_blanks,
            print_notes=args.notes,
            print_sections=args.sections,
            first_page_number=args.first_page,
            contd_after_action=not args.no_contd,
            revision_marks=not args.no_revision_marks,
            revised_only=args.revised_only,
            revision_colour=args.revision_colour,
            title_revisions=not args.no_title_revisions,
            draft_date=args.draft_date or "",
            watermark=args.watermark or "",
            header=args.header or "",
            footer=args.footer or "",
        ).for_script(script)
    plan = export(script, target, setup=setup, encoding=args.encoding or "utf-8", draft=draft)
    if plan is None:
        print(f"wrote {target}")
        sys.stdout.flush()
        return 0
    for warning in plan.warnings:
        print(f"reelwright: {target.name}: {warning}", file=sys.stderr)
    pages = plan.page_count
    plural = "s" if pages != 1 else ""
    if args.revised_only:
        labels = ", ".join(page.label for page in plan.pages)
        total = len(plan.pagination.pages)
        print(
            f"wrote {target} ({pages} revised page{plural} of {total}: {labels}; "
            f"{plan.layout.name})"
        )
    else:
        print(f"wrote {target} ({pages} page{plural}, {plan.layout.name})")
    sys.stdout.flush()
    return 0


def read_draft(path: Path, encoding: str | None) -> Draft:
    """A script file as a production draft (its text and data): Fountain with its data
    block, or a Final Draft file with its revisions and locked numbers. What the data
    block says about another program's changes goes to stderr."""
    if path.suffix.casefold() == ".fdx":
        from reelwright.exporters.fdx import read_fdx_draft

        return read_fdx_draft(path)
    from reelwright.screenplay import production_file
    from reelwright.screenplay.textio import read_script_text

    loaded = production_file.read(read_script_text(path, encoding))
    for warning in loaded.warnings:
        print(f"reelwright: {path}: {warning}", file=sys.stderr)
    return loaded
