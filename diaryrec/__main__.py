"""The one ``diaryrec`` command: no subcommand starts the desktop app; subcommands
run the headless jobs (selftest, prompt compile, catalog check, export, research …).

Each subcommand lives in ``diaryrec/commands/<name>.py`` with a ``register``
function; add its module name to ``COMMAND_MODULES``. Qt is imported only when the
app starts, so the headless jobs run where no display exists.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from diaryrec import __version__
from diaryrec.errors import UserError

COMMAND_MODULES = ["selftest", "catalog", "export", "research", "prompt"]
log = logging.getLogger("diaryrec")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diaryrec",
        description="A three-week diary study in which you design your own LLM-powered music recommender. "
        "Without a subcommand, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"diaryrec {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the study data (default: your per-user data folder; env DIARYREC_DATA_DIR)",
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="run against built-in scripted stand-ins for the LLM and Spotify (offline pilot); "
        "replies are labelled as scripted",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", title="subcommands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"diaryrec.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command is None:
            from diaryrec.ui.app import run_app

            return run_app(args)
        return int(args.run(args) or 0)
    except UserError as exc:
        print(f"diaryrec: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("diaryrec: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
