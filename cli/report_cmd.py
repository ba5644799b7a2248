"""``reelwright report``, ``reelwright compare`` and ``reelwright spell``: the writer's desk
on the command line.

- ``report FILE -o OUT.pdf`` writes the reports with charts; ``-o OUT.csv`` one CSV per
  table; without ``-o`` the tables are printed (``--json`` for a program).
- ``compare OLD NEW`` lists what changed scene by scene, the changed words marked
  ``[-old-]{+new+}`` as ``git diff --word-diff`` does.
- ``spell FILE`` lists misspelt words with suggestions; it exits with 1 when it found any,
  like a linter.

Only the standard library is imported at the top; the core is imported in the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

REPORTS = ("charts", "scenes", "cast", "locations")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    report = subparsers.add_parser(
        "report",
        help="scene, cast and location reports with charts, as PDF or CSV",
        description=(
            "Reports on FILE: scenes (number, heading, page, length in eighths of a page, "
            "characters, synopsis), cast (speeches, words, scenes, first appearance), "
            "locations (INT/EXT, day/night, scenes, pages) and charts. -o OUT.pdf writes "
            "them all (or those of --only) with charts; -o OUT.csv writes one CSV per table "
            "(OUT-scenes.csv, OUT-cast.csv, OUT-locations.csv; OUT.csv itself when --only "
            "names one); without -o they are printed."
        ),
    )
    report.add_argument("file", metavar="FILE", help="the script (.fountain or .fdx)")
    report.add_argument("-o", "--output", metavar="OUT", help="OUT.pdf or OUT.csv")
    report.add_argument(
        "--only",
        metavar="LIST",
        help=f"comma-separated reports to include, of {', '.join(REPORTS)} (default: all)",
    )
    report.add_argument(
        "--paper",
        choices=("letter", "a4"),
        help="paper for page counts and the PDF (default: from the locale's LC_PAPER)",
    )
    report.add_argument("--encoding", metavar="ENC", help="text encoding of a Fountain FILE")
    report.add_argument("--json", action="store_true", help="print every report as JSON")
    report.set_defaults(func=run_report)

    compare = subparsers.add_parser(
        "compare",
        help="what changed between two drafts, scene by scene",
        description=(
            "Compare the draft OLD with the draft NEW (Fountain or .fdx): scenes added, "
            "removed, moved and changed, with the changed words marked [-old-]{+new+}."
        ),
    )
    compare.add_argument("old", metavar="OLD", help="the earlier draft")
    compare.add_argument("new", metavar="NEW", help="the later draft")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.add_argument(
        "--all", action="store_true", help="list unchanged scenes too (default: only changes)"
    )
    compare.add_argument("--encoding", metavar="ENC", help="text encoding of Fountain files")
    compare.set_defaults(func=run_compare)

    spell = subparsers.add_parser(
        "spell",
        help="list misspelt words with suggestions",
        description=(
            "Check the spelling of FILE. Character names, locations, the title page, the "
            "script's own dictionary (the [dictionary] section of the Reelwright data block at "
            "its end) and your dictionary count as known; notes and boneyard are skipped "
            "unless asked. "
            "Exit status 1 when misspelt words were found."
        ),
    )
    spell.add_argument("file", metavar="FILE", help="a Fountain script")
    spell.add_argument(
        "--lang",
        default="en",
        metavar="CODES",
        help="comma-separated dictionary languages (default: en; see --list-languages)",
    )
    spell.add_argument("--notes", action="store_true", help="check [[notes]] too")
    spell.add_argument("--boneyard", action="store_true", help="check /* boneyard */ too")
    spell.add_argument("--json", action="store_true", help="print JSON")
    spell.add_argument("--encoding", metavar="ENC", help="text encoding of FILE")
    spell.add_argument(
        "--list-languages", action="store_true", help="list the dictionary languages and exit"
    )
    spell.set_defaults(func=run_spell)


def _read_script(path: str, encoding: str | None) -> object:
    from reelwright.screenplay.errors import ReelwrightError

    source = Path(path)
    if not source.exists():
        raise ReelwrightError(f"{source} does not exist")
    if source.suffix.casefold() == ".fdx":
        from reelwright.exporters.fdx import read_fdx

        return read_fdx(source)
    from reelwright.screenplay.parser import parse_file

    return parse_file(source, encoding)


def _sections(only: str | None) -> list[str]:
    from reelwright.screenplay.errors import ReelwrightError

    if not only:
        return list(REPORTS)
    wanted = [part.strip().casefold() for part in only.split(",") if part.strip()]
    unknown = [part for part in wanted if part not in REPORTS]
    if unknown or not wanted:
        raise ReelwrightError(
            f"--only: unknown report {', '.join(unknown) or '(none)'}; choose from "
            + ", ".join(REPORTS)
        )
    return [name for name in REPORTS if name in wanted]


def run_report(args: argparse.Namespace) -> int:
    from reelwright.screenplay.errors import ReelwrightError
    from reelwright.screenplay.layout import layout_for
    from reelwright.screenplay.reports import build_report

    sections = _sections(args.only)
    target = Path(args.output) if args.output else None
    kind = target.suffix.casefold() if target is not None else ""
    if target is not None and kind not in (".pdf", ".csv"):
        raise ReelwrightError(f"cannot tell the format of {target.name!r}: name it .pdf or .csv")
    if kind == ".csv" and sections == ["charts"]:
        raise ReelwrightError("charts are drawn in the PDF; a CSV holds scenes, cast or locations")
    script = _read_script(args.file, args.encoding)
    report = build_report(script, layout_for(args.paper))
    out = sys.stdout
    if args.json:
        json.dump(report.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if target is None:
        _print_tables(report, [s for s in sections if s != "charts"], out)
        return 0
    try:
        same = target.exists() and target.samefile(args.file)
    except OSError:
        same = False
    if same:
        raise ReelwrightError(f"{target} is the script itself; choose another output name")
    if kind == ".pdf":
        from reelwright.exporters.report_pdf import write_report_pdf

        write_report_pdf(report, target, sections)
        out.write(f"wrote {target} ({', '.join(sections)})\n")
    else:
        from reelwright.exporters.report_csv import write_csvs

        for written in write_csvs(report, target, [s for s in sections if s != "charts"]):
            out.write(f"wrote {written}\n")
    return 0


def _print_tables(report: object, sections: list[str], out: TextIO) -> None:
    from reelwright.screenplay.reports import ScriptReport, report_table

    assert isinstance(report, ScriptReport)
    out.write(f"{report.title}: {report.pages} pages, {len(report.scenes)} scenes\n")
    for section in sections:
        header, rows = report_table(report, section)
        keep = [i for i, name in enumerate(header) if name not in ("Synopsis", "Heading")]
        if section == "scenes":
            keep = [header.index(n) for n in ("Scene", "Page", "Length", "Day/Night", "Heading")]
        widths = [
            min(40, max(len(str(header[i])), *(len(str(row[i])) for row in rows)))
            if rows
            else len(header[i])
            for i in keep
        ]
        out.write(f"\n{section}\n")
        out.write(
            "  "
            + "  ".join(f"{header[i]:<{w}}" for i, w in zip(keep, widths, strict=True)).rstrip()
            + "\n"
        )
        for row in rows:
            cells = [str(row[i])[:w] for i, w in zip(keep, widths, strict=True)]
            out.write(
                "  "
                + "  ".join(f"{c:<{w}}" for c, w in zip(cells, widths, strict=True)).rstrip()
                + "\n"
            )


def run_compare(args: argparse.Namespace) -> int:
    from reelwright.screenplay.compare import compare_texts, read_version

    old = read_version(args.old, args.encoding)
    new = read_version(args.new, args.encoding)
    comparison = compare_texts(old, new)
    out = sys.stdout
    if args.json:
        json.dump(comparison.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    out.write(f"{comparison.summary()}\n")
    for change in comparison.changes:
        if change.description == "unchanged" and not args.all:
            continue
        old_at = f"line {change.old.start_line + 1}" if change.old else ""
        new_at = f"line {change.new.start_line + 1}" if change.new else ""
        where = " -> ".join(part for part in (old_at, new_at) if part)
        out.write(f"\n{change.description.upper()}: {change.label}  ({where})\n")
        if change.status == "changed":
            out.write(_word_diff_text(change.segments))
    return 0


def _word_diff_text(segments: tuple[tuple[str, str], ...], context: int = 60) -> str:
    """The changed stretches with a little context: ``...text [-old-]{+new+} text...``."""
    pieces: list[str] = []
    for index, (tag, text) in enumerate(segments):
        if tag == "delete":
            pieces.append(f"[-{text}-]")
        elif tag == "insert":
            pieces.append(f"{{+{text}+}}")
        else:
            first = index == 0
            last = index == len(segments) - 1
            if len(text) > 2 * context + 5:
                head = "" if first else text[:context]
                tail = "" if last else text[-context:]
                text = f"{head} … {tail}".strip(" ")
            elif first and len(text) > context:
                text = "… " + text[-context:]
            elif last and len(text) > context:
                text = text[:context] + " …"
            pieces.append(text)
    lines = "".join(pieces).split("\n")
    return "".join(f"    {line}\n" for line in lines if line.strip())


def run_spell(args: argparse.Namespace) -> int:
    from reelwright.models.store import data_dir
    from reelwright.screenplay.errors import ReelwrightError
    from reelwright.screenplay.parser import parse
    from reelwright.screenplay.spelling import (
        Speller,
        UserDictionary,
        available_languages,
        script_dictionary,
        script_vocabulary,
    )
    from reelwright.screenplay.textio import read_script_text

    out = sys.stdout
    languages = available_languages()
    if args.list_languages:
        for code, name in languages.items():
            out.write(f"{code}  {name}\n")
        return 0
    codes = [code.strip() for code in args.lang.split(",") if code.strip()]
    unknown = [code for code in codes if code not in languages]
    if unknown or not codes:
        raise ReelwrightError(
            f"no dictionary for {', '.join(unknown) or '(none)'}; available: "
            + ", ".join(languages)
        )
    text = read_script_text(args.file, args.encoding)
    speller = Speller(codes, skip_notes=not args.notes, skip_boneyard=not args.boneyard)
    speller.set_vocabulary(
        script=script_vocabulary(parse(text)),
        script_words=script_dictionary(text),
        user_words=UserDictionary.in_folder(data_dir()).words(),
    )
    found = list(speller.check_text(text))
    if args.json:
        json.dump(
            [
                {
                    "line": number + 1,
                    "column": item.start + 1,
                    "word": item.word,
                    "suggestions": speller.suggestions(item.word),
                }
                for number, item in found
            ],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        cache: dict[str, list[str]] = {}
        for number, item in found:
            if item.word not in cache:
                cache[item.word] = speller.suggestions(item.word, limit=4)
            offer = ", ".join(cache[item.word]) or "no suggestion"
            out.write(f"{args.file}:{number + 1}:{item.start + 1}: {item.word}  ({offer})\n")
        words = len({item.word.casefold() for _, item in found})
        out.write(
            f"{len(found)} misspelt word{'s' if len(found) != 1 else ''} ({words} different)\n"
            if found
            else "no misspelt words\n"
        )
    return 1 if found else 0
