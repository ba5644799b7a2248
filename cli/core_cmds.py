"""``reelwright parse FILE`` and ``reelwright stats FILE``: the Fountain core on the command line.

Only the standard library is imported here; the core is imported inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO


def register(subparsers: argparse._SubParsersAction) -> None:
    parse = subparsers.add_parser(
        "parse", help="show the elements of a Fountain script (--json for a program)"
    )
    _common(parse)
    parse.set_defaults(func=run_parse)
    stats = subparsers.add_parser(
        "stats", help="show a script's scenes, characters, locations and running time"
    )
    _common(stats)
    stats.set_defaults(func=run_stats)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .fountain script")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a listing")
    parser.add_argument(
        "--encoding", metavar="ENC", help="read the file in this encoding instead of UTF-8"
    )
    parser.add_argument(
        "--caseless-cues",
        choices=("auto", "yes", "no"),
        default="auto",
        help="read short lines without capitals as character cues (Chinese, Japanese); "
        "auto follows the title page's 'Caseless cues' key, else the script's letters",
    )


def _caseless(args: argparse.Namespace) -> bool | None:
    return {"auto": None, "yes": True, "no": False}[args.caseless_cues]


def _dump(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def run_parse(args: argparse.Namespace) -> int:
    from reelwright.screenplay.parser import parse_file

    script = parse_file(args.file, args.encoding, caseless_cues=_caseless(args))
    out = sys.stdout
    if args.json:
        _dump(script.to_json(), out)
        return 0
    if script.title_page:
        out.write("title page\n")
        width = max(len(key) for key in script.title_page)
        for key, value in script.title_page.items():
            lines = value.split("\n")
            out.write(f"  {key + ':':<{width + 1}} {lines[0]}\n")
            for line in lines[1:]:
                out.write(f"  {'':<{width + 1}} {line}\n")
        out.write("\n")
    for element in script.elements:
        label = str(element.type)
        if element.type == "section":
            label += f" {element.depth}"
        if element.scene_number:
            label += f" #{element.scene_number}"
        if element.dual:
            label += " (dual)"
        lines = element.text.split("\n")
        out.write(f"{element.start_line + 1:>6}  {label:<16} {lines[0]}\n")
        for line in lines[1:]:
            out.write(f"{'':>6}  {'':<16} {line}\n")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from reelwright.screenplay.parser import parse_file
    from reelwright.screenplay.stats import script_facts

    facts = script_facts(parse_file(args.file, args.encoding, caseless_cues=_caseless(args)))
    out = sys.stdout
    if args.json:
        _dump(facts.to_json(), out)
        return 0
    out.write(f"{facts.title or args.file}\n")
    out.write(
        f"  {facts.pages} pages, about {facts.runtime_minutes} minutes; "
        f"{len(facts.scenes)} scenes, {len(facts.characters)} characters, "
        f"{facts.words:,} words\n\n"
    )
    if facts.scenes:
        out.write("scenes\n")
        out.write(f"  {'#':>4}  {'line':>6}  {'int/ext':<8} {'time':<12} location\n")
        for scene in facts.scenes:
            number = scene.scene_number or str(scene.number)
            out.write(
                f"  {number:>4}  {scene.line + 1:>6}  {scene.int_ext:<8} "
                f"{scene.time_of_day:<12} {scene.location}\n"
            )
        out.write("\n")
    if facts.characters:
        out.write("characters\n")
        width = max(12, *(len(c.name) for c in facts.characters))
        out.write(f"  {'name':<{width}} {'speeches':>8} {'words':>7}\n")
        for character in facts.characters:
            out.write(f"  {character.name:<{width}} {character.speeches:>8} {character.words:>7}\n")
        out.write("\n")
    if facts.locations:
        out.write("locations\n")
        for location in facts.locations:
            out.write(f"  {location.scenes:>4}  {location.name}\n")
    return 0
