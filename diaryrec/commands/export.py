"""``diaryrec export --out FILE.zip``: the participant's export bundle for the research
team (the same as the app's menu item); progress goes to stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diaryrec.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("export", help="write your study data into one zip for the research team")
    parser.add_argument("--out", required=True, metavar="FILE.zip", help="the bundle to write")
    parser.add_argument("--force", action="store_true", help="replace FILE.zip if it exists")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from diaryrec.paths import DataLayout, resolve_data_dir
    from diaryrec.research.export import export_bundle
    from diaryrec.store import open_store

    layout = DataLayout(resolve_data_dir(args.data_dir))
    out = Path(args.out)
    if not layout.database.is_file():
        raise UserError(f"There is no study data in {layout.root}.", hint="Pass the data folder with --data-dir.")
    if out.exists() and not args.force:
        raise UserError(f"{out} already exists.", hint="Choose another name, or pass --force to replace it.")

    def progress(done: int, total: int, what: str) -> None:
        if not args.quiet:
            print(f"[{done}/{total}] {what}", file=sys.stderr, flush=True)

    store = open_store(layout)
    try:
        result = export_bundle(store, out, progress=progress)
    finally:
        store.close()
    print(f"Exported participant {result.participant_code}: {result.files} files, {result.size_bytes:,} bytes to {out}")
    for name in result.missing_files:
        print(f"note: {name} was missing on this computer and is not in the bundle", file=sys.stderr)
    return 0
