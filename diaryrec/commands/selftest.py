"""``diaryrec selftest``: is this installation whole? One line per check; non-zero
exit on any failure. The installers and the frozen-app test run it too."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from diaryrec import __version__
from diaryrec.vocabulary import LANGUAGES, FeedbackKind


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("selftest", help="check that templates, resources, database and Qt work")
    parser.add_argument("--no-qt", action="store_true", help="skip the Qt start-up check")
    parser.add_argument("--output", metavar="FILE", help="also write the report to FILE (for windowed builds)")
    parser.set_defaults(run=run)


def check_resources() -> str:
    from diaryrec.paths import resources_dir
    from diaryrec.protocol import load_default_study

    loaded = load_default_study()
    return f"{resources_dir()} (default study {loaded.study.study.id}, {loaded.study.total_days} days)"


def check_templates() -> str:
    import jinja2

    from diaryrec.paths import templates_dir

    root = templates_dir()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(root)), autoescape=False)
    names = [n for n in env.list_templates() if n.endswith(".j2")]
    if not names:
        raise RuntimeError(f"no templates in {root}")
    for name in names:
        env.get_template(name)  # parses; a syntax error fails the check
    return f"{root} ({len(names)} templates parse)"


def check_prompts() -> str:
    from diaryrec.sheets import compile_plain_assistant, compile_sheet, compose_day

    for lang in LANGUAGES:
        compiled = compile_sheet(compose_day(1, lang, data_types=["mood_image"], feedback_modes=[FeedbackKind.RATING]))
        if not compiled.system_prompt.strip() or not compile_plain_assistant(lang).system_prompt.strip():
            raise RuntimeError(f"an empty prompt for {lang}")
    return "a sample sheet and the plain assistant compile (en, ko)"


def check_database() -> str:
    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store
    from diaryrec.store.engine import database_revision, head_revision

    import tempfile  # here: the subcommands are registered on every start of the app

    with tempfile.TemporaryDirectory(prefix="diaryrec-selftest-") as tmp:
        store = open_store(DataLayout(Path(tmp)))
        try:
            store.log_event("selftest")
            with store.engine.connect() as conn:
                mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
                sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        finally:
            store.close()
        revision = database_revision(store.layout.database)
    if revision != head_revision() or mode != "wal" or sync != 2:
        raise RuntimeError(f"revision {revision}, journal {mode}, synchronous {sync}")
    return f"created and migrated to {revision} (WAL, synchronous=FULL)"


def check_images() -> str:
    """Photos open through the libraries the installers ship: a PNG and, through
    pillow-heif (libheif, libde265), a HEIC photo made on the spot."""
    import io

    from PIL import Image

    from diaryrec.media.images import HEIF_AVAILABLE, prepare_image_bytes

    png = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(png, format="PNG")
    prepared = prepare_image_bytes(png.getvalue(), "selftest.png")
    if not HEIF_AVAILABLE:
        raise RuntimeError("pillow-heif did not load: HEIC photos cannot be opened")
    import pillow_heif

    info = pillow_heif.libheif_info()
    if not info.get("decoders"):
        raise RuntimeError(f"libheif {info.get('libheif')} has no HEVC decoder")
    if not info.get("HEIF"):  # no HEVC encoder in this build to make a sample photo with
        return f"PNG opens; HEIC decoder {', '.join(info['decoders'])} (libheif {info.get('libheif')})"
    heic = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (64, 48), (40, 120, 200))).save(heic, quality=50)
    photo = prepare_image_bytes(heic.getvalue(), "selftest.heic")
    if (prepared.width, prepared.height, photo.width, photo.height) != (64, 48, 64, 48):
        raise RuntimeError(f"sizes {prepared.width}x{prepared.height}, {photo.width}x{photo.height}")
    return f"PNG and HEIC open (libheif {info.get('libheif')}, {', '.join(info['decoders'])})"


def check_qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from diaryrec.ui.app import smoke_start

    return smoke_start()


def run(args: argparse.Namespace) -> int:
    checks: list[tuple[str, Callable[[], str]]] = [
        ("resources", check_resources),
        ("templates", check_templates),
        ("prompts", check_prompts),
        ("database", check_database),
        ("images", check_images),
    ]
    if not args.no_qt:
        checks.append(("qt", check_qt))
    lines = [f"diaryrec {__version__} selftest (Python {sys.version.split()[0]}, {sys.platform})"]
    failed = 0
    for name, check in checks:
        try:
            lines.append(f"ok    {name}: {check()}")
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check runs
            failed += 1
            import traceback

            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            lines.append(f"FAIL  {name}: {detail}")
    lines.append("selftest passed" if not failed else f"selftest FAILED ({failed} of {len(checks)} checks)")
    report = "\n".join(lines)
    print(report, flush=True)
    if args.output:
        from diaryrec.fileio import write_atomic

        write_atomic(Path(args.output), (report + "\n").encode("utf-8"))
    return 1 if failed else 0
