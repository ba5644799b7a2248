"""``reelwright``: one entry point.

Each group of sub-commands lives in its own module of this package with a
``register(subparsers)`` function. Those modules import only the standard library at
the top, so that ``reelwright export`` never pays for Qt or llama.cpp.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from reelwright.screenplay.errors import ReelwrightError

COMMAND_MODULES = (
    "core_cmds",
    "export_cmd",
    "model_cmds",
    "generate_cmd",
    "suggest_cmd",
    "open_cmd",
    "production_cmd",
    "report_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reelwright",
        description="Write screenplays in Fountain with a local language model as co-writer.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"reelwright.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        args = parser.parse_args(["open", *(argv or [])])
    try:
        return int(args.func(args) or 0)
    except ReelwrightError as error:
        print(f"reelwright: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("reelwright: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
