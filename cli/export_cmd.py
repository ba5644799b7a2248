"""``reelwright export``: a script to PDF, Final Draft or Fountain; an FDX back to Fountain.

Only the standard library is imported at the top: the command loads the parser and the
one exporter it needs, never Qt or llama.cpp, so that it starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reelwright.exporters import export, format_for
    from reelwright.screenplay.errors import ReelwrightError

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
    if source.suffix.casefold() == ".fdx":
        from reelwright.exporters.fdx import read_fdx

        script = read_fdx(source)
    else:
        from reelwright.screenplay.parser import parse_file

        script = parse_file(source, encoding=args.encoding)
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
        ).for_script(script)
    pagination = export(script, target, setup=setup, encoding=args.encoding or "utf-8")
    if pagination is not None:
        pages = pagination.page_count
        plural = "s" if pages != 1 else ""
        print(f"wrote {target} ({pages} page{plural}, {pagination.layout.name})")
    else:
        print(f"wrote {target}")
    sys.stdout.flush()
    return 0
