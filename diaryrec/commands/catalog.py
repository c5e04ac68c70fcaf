"""``diaryrec catalog check [FILE|-] [--catalog spotify|musicbrainz]``: check exported
or hand-written suggestions against a catalog. JSON lines in (``{"title", "artist",
"album", "year"}``), one JSON line out per input line, in input order, with the
verdict and the catalog that gave it added. Misses are results (exit 0); missing or
rejected credentials stop it with one line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any, TextIO

from diaryrec.errors import UserError
from diaryrec.vocabulary import CatalogId


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("catalog", help="check suggested tracks against a music catalog (Spotify or MusicBrainz)")
    actions = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="check JSON lines of suggestions; writes one JSON line with the verdict per input",
        description='Reads JSON lines {"title": str, "artist": str, "album": str|null, "year": int|null} '
        "and writes one JSON line per input, in input order, with verdict, catalog, track (with the catalog's "
        "own id: a Spotify id or a MusicBrainz MBID), score, discrepancies, suggestion and reason (a line that "
        'is not such an object gets the verdict "invalid"). Catalog: --catalog, else the joined study\'s '
        "[catalog] providers, else Spotify when its app credentials exist, else MusicBrainz (no key). Spotify "
        "credentials: DIARYREC_SPOTIFY_CLIENT_ID / DIARYREC_SPOTIFY_CLIENT_SECRET, else the study joined in the "
        "data folder, else diaryrec's settings and the keyring. Market: --market, else diaryrec's settings, else "
        "the study joined, else US.",
    )
    check.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="input file (default: standard input)")
    check.add_argument("--catalog", choices=[c.value for c in CatalogId],
                       help="the catalog to ask (default: the study's, else Spotify with credentials, else MusicBrainz)")
    check.add_argument("--contact", metavar="EMAIL",
                       help="the contact MusicBrainz is sent with each request (default: the joined study's researcher e-mail)")
    check.add_argument("--market", type=lambda v: v.upper(), help="Spotify market, two letters (default: settings, else study, else US)")
    check.add_argument("--concurrency", type=int, default=10, help="checks run at the same time (default 10)")
    check.add_argument("--no-cache", action="store_true", help="ask the catalog even for answers cached in the data folder")
    check.set_defaults(run=run_check)


def _parse(line: str) -> tuple[dict[str, Any], Any]:
    """(the input fields, a Suggestion or an error text)."""
    from diaryrec.catalog.provider import Suggestion

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


def _checker(args: argparse.Namespace, store: Any) -> Any:
    """The catalogs to ask, by the one rule (``catalog.providers.plan``)."""
    from diaryrec.catalog.providers import choose
    from diaryrec.catalog.validator import CatalogChain, make_checker
    from diaryrec.paths import DataLayout, resolve_data_dir
    from diaryrec.settings import load_settings

    study_catalog, contact = None, ""
    if store is not None:
        from diaryrec.services.study import active_study

        active = active_study(store)
        if active is not None:
            study_catalog, contact = active.study.catalog, active.study.study.researcher.email
    contact = (args.contact or "").strip() or contact
    settings = load_settings(DataLayout(resolve_data_dir(args.data_dir)).settings_file)
    chosen, providers = choose(study_catalog=study_catalog, settings=settings, market=args.market, contact=contact,
                               only=args.catalog, concurrency=max(1, args.concurrency))
    for catalog, why in chosen.left_out:
        print(f"note: the study lists {catalog}, which is not used: {why}", file=sys.stderr)
    return CatalogChain([make_checker(p, store, use_cache=not args.no_cache) for p in providers], stop_on_rejected=True)


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
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
    checker = None
    try:
        checker = _checker(args, store)
        wanted = [(i, item) for i, (_, item) in enumerate(parsed) if not isinstance(item, str)]
        verdicts = checker.check_many([item for _, item in wanted])
        by_line = {i: v for (i, _), v in zip(wanted, verdicts)}
        for i, (fields, item) in enumerate(parsed):
            if i in by_line:
                result = {**fields, "album": fields.get("album"), "year": fields.get("year"), **by_line[i].to_dict()}
            else:
                result = {**fields, "verdict": "invalid", "catalog": None, "track": None, "score": None,
                          "discrepancies": [], "suggestion": None, "reason": item}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    finally:
        if checker is not None:
            checker.close()
        if store is not None:
            store.close()
    return 0
