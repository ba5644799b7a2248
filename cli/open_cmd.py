"""``reelwright`` / ``reelwright open FILE``: start the desktop app."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("open", help="start the desktop app, optionally on FILE")
    parser.add_argument("file", nargs="?", help="a .fountain or .fdx script")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="save a picture of the window and exit"
    )
    parser.add_argument(
        "--suggest", metavar="ACTION", help="with --screenshot: run a writing action first"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reelwright.screenplay.errors import ReelwrightError

    if args.suggest and not args.screenshot:
        raise ReelwrightError("--suggest works together with --screenshot")
    if args.suggest:
        from reelwright.models.actions import ACTIONS

        if args.suggest not in ACTIONS:
            raise ReelwrightError(
                f"unknown action {args.suggest!r}; choose one of {', '.join(ACTIONS)}"
            )
    try:
        from reelwright.desktop.app import run as run_app
    except ImportError as error:
        raise ReelwrightError(f"the desktop app cannot start: {error}") from error
    return run_app(args.file, args.screenshot, args.suggest)
