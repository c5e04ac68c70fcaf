"""``diaryrec catalog check [FILE|-]``: check exported or hand-written suggestions
against Spotify. JSON lines in (``{"title", "artist", "album", "year"}``), one JSON
line out per input line, in input order, with the verdict added. Misses are
results (exit 0); missing or rejected credentials stop it with one line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any, TextIO

from diaryrec.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("catalog", help="check suggested tracks against the Spotify catalog")
    actions = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="check JSON lines of suggestions; writes one JSON line with the verdict per input",
        description='Reads JSON lines {"title": str, "artist": str, "album": str|null, "year": int|null} '
        "and writes one JSON line per input, in input order, with verdict, track, score, "
        "discrepancies, suggestion and reason (a line that is not such an object gets the verdict "
        '"invalid"). Credentials: DIARYREC_SPOTIFY_CLIENT_ID / DIARYREC_SPOTIFY_CLIENT_SECRET, else the '
        "study joined in the data folder, else diaryrec's settings and the keyring. Market: --market, else "
        "diaryrec's settings, else the study joined, else US.",
    )
    check.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="input file (default: standard input)")
    check.add_argument("--market", type=lambda v: v.upper(), help="Spotify market, two letters (default: settings, else study, else US)")
    check.add_argument("--concurrency", type=int, default=10, help="checks run at the same time (default 10)")
    check.add_argument("--no-cache", action="store_true", help="ask Spotify even for answers cached in the data folder")
    check.set_defaults(run=run_check)


def _parse(line: str) -> tuple[dict[str, Any], Any]:
    """(the input fields, a Suggestion or an error text)."""
    from diaryrec.catalog.match import Suggestion

    try:
        data = json.loads(line)
    except ValueError as exc:
        return {"input": line}, f"invalid input line: not JSON ({exc.msg})"
    if not isinstance(data, dict):
        return {"input": data}, "invalid input line: expected a JSON object"
    title, artist, album, year = data.get("title"), data.get("artist"), data.get("album"), data.get("year")
    if not isinstance(title, str) or not isinstance(artist, str):
        return data, "invalid input line: title and artist must be strings"
    if album is not None and not isinstance(album, str):
        return data, "invalid input line: album must be a string or null"
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        return data, "invalid input line: year must be an integer or null"
    return data, Suggestion(title=title, artist=artist, album=album, year=year)


def _read_lines(name: str) -> list[str]:
    if name == "-":
        return [line for line in sys.stdin.read().splitlines() if line.strip()]
    try:
        with open(name, encoding="utf-8-sig") as handle:
            return [line for line in handle.read().splitlines() if line.strip()]
    except OSError as exc:
        raise UserError(f"cannot read {name}: {exc.strerror or exc}") from None


def _config(args: argparse.Namespace, store: Any) -> Any:
    from diaryrec.catalog.client import CredentialsMissingError, resolve_config
    from diaryrec.paths import DataLayout, resolve_data_dir
    from diaryrec.settings import load_settings

    study_catalog = None
    if store is not None:
        from diaryrec.services.study import active_study

        active = active_study(store)
        study_catalog = active.study.catalog if active is not None else None
    settings = load_settings(DataLayout(resolve_data_dir(args.data_dir)).settings_file)
    config = resolve_config(study_catalog=study_catalog, settings=settings, market=args.market,
                            concurrency=max(1, args.concurrency))
    if config is None:
        raise CredentialsMissingError(
            "no Spotify client ID and secret are configured.",
            hint="Set DIARYREC_SPOTIFY_CLIENT_ID and DIARYREC_SPOTIFY_CLIENT_SECRET, or save them in diaryrec's settings.",
        )
    return config


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from diaryrec.catalog.validator import make_checker
    from diaryrec.paths import DataLayout, resolve_data_dir
    from diaryrec.store import open_store

    out = out or sys.stdout
    if not getattr(args, "verbose", False):
        # spotipy logs every HTTP error at ERROR; here they are results ("unchecked"), not noise for stderr
        logging.getLogger("spotipy").setLevel(logging.CRITICAL)
    if args.market is not None and (len(args.market) != 2 or not args.market.isalpha()):
        raise UserError(f"--market must be two letters, like KR or US (got {args.market!r})")
    lines = _read_lines(args.file)
    parsed = [_parse(line) for line in lines]
    layout = DataLayout(resolve_data_dir(args.data_dir))
    # the cache needs the data folder; with --no-cache it is opened only to read a joined study's credentials
    store = open_store(layout) if (not args.no_cache or layout.database.exists()) else None
    try:
        checker = make_checker(_config(args, store), store, use_cache=not args.no_cache)
        wanted = [(i, item) for i, (_, item) in enumerate(parsed) if not isinstance(item, str)]
        verdicts = checker.check_many([item for _, item in wanted])
        by_line = {i: v for (i, _), v in zip(wanted, verdicts)}
        for i, (fields, item) in enumerate(parsed):
            if i in by_line:
                result = {**fields, "album": fields.get("album"), "year": fields.get("year"), **by_line[i].to_dict()}
            else:
                result = {**fields, "verdict": "invalid", "track": None, "score": None, "discrepancies": [],
                          "suggestion": None, "reason": item}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    finally:
        if store is not None:
            store.close()
    return 0
