"""The one ``diaryrec`` command: no subcommand starts the desktop app; subcommands
run the headless jobs (selftest, prompt compile, catalog check, export, research …).

Each subcommand lives in ``diaryrec/commands/<name>.py`` with a ``register``
function; add its module name to ``COMMAND_MODULES``. Qt is imported only when the
app starts, so the headless jobs run where no display exists.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Sequence

from diaryrec import __version__
from diaryrec.errors import UserError

COMMAND_MODULES = ["selftest", "catalog", "export", "research", "prompt"]
log = logging.getLogger("diaryrec")
#: what the CLI says of an error no code put in words (a bug), and its exit code (EX_SOFTWARE)
UNEXPECTED = "an unexpected error stopped diaryrec; this is a bug, please report it"
BUG_EXIT_CODE = 70


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``with_commands=False``: only the app's own options
    (no help), which is all a start of the desktop app needs (see ``parse``)."""
    parser = argparse.ArgumentParser(
        prog="diaryrec",
        description="A three-week diary study in which you design your own LLM-powered music recommender. "
        "Without a subcommand, the desktop app starts.",
        add_help=with_commands,
        exit_on_error=with_commands,
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
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", title="subcommands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"diaryrec.commands.{name}").register(sub)
    _options_after_the_subcommand(sub)
    return parser


def _options_after_the_subcommand(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``--data-dir`` and ``--verbose`` are taken after the subcommand too
    (``diaryrec export --data-dir X``), by every subcommand at every depth. Their
    default is SUPPRESS, so a value given before the subcommand is kept."""
    for parser in dict.fromkeys(sub.choices.values()):  # a parser registered under two names: once
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            for action in nested:
                _options_after_the_subcommand(action)
            continue
        parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                            help="the data folder (as before the subcommand)")
        parser.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS,
                            help="log more detail (as before the subcommand)")


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments. A start of the desktop app (no subcommand, no --help) is parsed
    without importing the subcommands and building their parsers: 20 ms of its
    start-up (issue 5). Anything else, errors included, goes to the whole parser."""
    try:
        args, rest = build_parser(with_commands=False).parse_known_args(argv)
    except argparse.ArgumentError:
        rest = ["(an error the whole parser reports)"]
    if not rest:
        return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command is None:
            # No cyclic collection during start-up's imports (5-10 ms of the first paint):
            # once the window runs, ui.main_thread_gc collects on the GUI thread instead.
            gc.disable()
            try:
                # the first paint's data is read before Qt is imported (see diaryrec.runtime.startup)
                from diaryrec.runtime.startup import first_paint

                first = first_paint(args.data_dir, bool(args.sandbox))
                from diaryrec.ui.app import run_app

                return run_app(args, first)
            finally:
                gc.enable()
        return int(args.run(args) or 0)
    except UserError as exc:
        print(f"diaryrec: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("diaryrec: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        # a file or folder no code put in words: still one line, never a traceback
        log.debug("stopped by an OSError", exc_info=True)
        where = f": {exc.filename}" if exc.filename else ""
        print(f"diaryrec: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: said in one line; --verbose shows where
        log.debug("stopped by an unexpected error", exc_info=True)
        print(f"diaryrec: {UNEXPECTED} ({type(exc).__name__}: {exc}). "
              + ("The details are above." if args.verbose else "Run it again with --verbose to see where."),
              file=sys.stderr)
        return BUG_EXIT_CODE


if __name__ == "__main__":
    sys.exit(main())
