"""``diaryrec research …``: the researcher's tools.

- ``new-study OUT.toml``: a complete, commented study file to edit and send;
- ``check-study FILE``: validates it and prints what a participant will see;
- ``merge BUNDLE.zip|FOLDER… --out study.sqlite`` (or ``--db URL`` for PostgreSQL);
- ``report study.sqlite --out report.html [--csv DIR]``;
- ``demo-study OUT_DIR [--participants N]``: synthetic participants and their bundles;
- ``data-inventory STUDY.toml --out inventory.html``: what is stored, where, and what leaves.
- ``export-qda SOURCE --out study.qdpx``: a REFI-QDA project for qualitative coding.
- ``probe SHEET.json|STUDY.toml --out probe.html``: condition and misinformation queries
  sent to a recommender before the study, its suggestions checked against the catalog.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from diaryrec.errors import UserError

if TYPE_CHECKING:
    from diaryrec.paths import DataLayout


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("research", help="researcher tools: study file, merge of export bundles, report")
    tools = parser.add_subparsers(dest="tool", title="tools", metavar="TOOL", required=True)

    new = tools.add_parser("new-study", help="write a complete, commented study file to edit and send")
    new.add_argument("out", metavar="OUT.toml")
    new.add_argument("--id", default="my-study", help="the study id (letters, digits, . _ -)")
    new.add_argument("--force", action="store_true", help="replace OUT.toml if it exists")
    new.set_defaults(run=run_new_study)

    check = tools.add_parser("check-study", help="validate a study file and print what a participant will see")
    check.add_argument("file", metavar="FILE")
    check.add_argument("--lang", choices=["en", "ko"], help="show the texts in this language (default: the study's)")
    check.set_defaults(run=run_check_study)

    merge = tools.add_parser("merge", help="verify participants' export bundles and merge them into one database")
    merge.add_argument("bundles", nargs="+", metavar="BUNDLE.zip|FOLDER", help="bundles, or folders that hold them")
    target = merge.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="study.sqlite", help="a SQLite file (created if missing)")
    target.add_argument("--db", metavar="URL", help="a database URL instead, e.g. postgresql://user@host/study")
    merge.add_argument("--files", metavar="DIR", help="where screenshots and images go (default: beside a SQLite file, "
                       "e.g. study-files/; with --db: not extracted unless given)")
    merge.set_defaults(run=run_merge)

    report = tools.add_parser("report", help="an HTML report of a merged study (and its aggregate tables)")
    report.add_argument("source", metavar="study.sqlite", help="a merged SQLite file, a database URL, or a folder of bundles")
    report.add_argument("--out", required=True, metavar="report.html")
    report.add_argument("--csv", metavar="DIR", help="also write the aggregate tables as CSV files into DIR")
    report.set_defaults(run=run_report)

    qda = tools.add_parser("export-qda", help="a REFI-QDA project (.qdpx) for ATLAS.ti, MAXQDA, NVivo, QualCoder …")
    qda.add_argument("source", metavar="SOURCE", help="a merged SQLite file, a database URL, or a folder of bundles")
    qda.add_argument("--out", required=True, metavar="study.qdpx")
    qda.add_argument("--files", metavar="DIR", help="where a merge put the screenshots and images (default: beside a "
                     "SQLite file, e.g. study-files/)")
    qda.set_defaults(run=run_export_qda)

    demo = tools.add_parser("demo-study", help="write a study of synthetic participants and their bundles, to try the tools on")
    demo.add_argument("out", metavar="OUT_DIR", help="a new or empty folder")
    demo.add_argument("--participants", type=int, default=6, metavar="N", help="how many participants (default 6)")
    demo.set_defaults(run=run_demo_study)

    inventory = tools.add_parser("data-inventory", help="an HTML inventory of what is stored, where, and what leaves the "
                                 "computer (for an ethics board)")
    inventory.add_argument("study", metavar="STUDY.toml", help="the study file")
    inventory.add_argument("--out", required=True, metavar="inventory.html")
    inventory.add_argument("--lang", choices=["en", "ko"], help="the language of the page (default: the study's)")
    inventory.set_defaults(run=run_data_inventory)

    probe = tools.add_parser(
        "probe", help="send condition and false-premise queries to a recommender and check its picks against the catalog",
        description="Sends probe queries (explicit and implicit conditions, false premises; RecBench+) to a planning "
        "sheet's recommender (SHEET.json) or the plain week-1 assistant (STUDY.toml), each in a fresh conversation "
        "through the study's provider and catalog check, and reports the existence, condition, fail-to-recommend "
        "and premise-correction rates. A sheet takes its provider and catalog from --study, else from the study "
        "joined in the data folder. With --sandbox (before 'research'), the loopback fakes answer.")
    probe.add_argument("source", nargs="?", metavar="SHEET.json|STUDY.toml", help="a planning sheet, or a study file")
    probe.add_argument("--study", metavar="STUDY.toml", help="the study whose provider and catalog a sheet is probed with")
    probe.add_argument("--out", metavar="probe.html", help="the HTML report")
    probe.add_argument("--json", metavar="probe.json", help="also write the results as JSON")
    probe.add_argument("--queries", metavar="FILE", help="your own queries (JSON; default: the shipped set)")
    probe.add_argument("--lang", choices=["en", "ko"], help="only the queries in this language (default: the shipped "
                       "set in the recommender's language; your own file: all of it)")
    probe.add_argument("--runs", type=int, default=1, metavar="N", help="send each query N times (default 1)")
    probe.add_argument("--write-queries", metavar="FILE", help="write the shipped queries to FILE (to start your own) and stop")
    probe.set_defaults(run=run_probe)


def run_new_study(args: argparse.Namespace) -> int:
    from diaryrec.fileio import write_atomic
    from diaryrec.protocol import StudyFileError
    from diaryrec.research.study_file import new_study_text

    out = Path(args.out)
    if out.exists() and not args.force:
        raise UserError(f"{out} already exists.", hint="Choose another name, or pass --force to replace it.")
    try:
        text = new_study_text(args.id)
    except StudyFileError as exc:
        raise UserError(f"--id {args.id!r} cannot be used: {exc.problem}") from exc
    write_atomic(out, text.encode("utf-8"))
    print(f"Wrote {out}. Edit it (at least the consent text), then run: diaryrec research check-study {out}")
    return 0


def run_check_study(args: argparse.Namespace) -> int:
    from diaryrec.protocol import load_study_file
    from diaryrec.research.study_file import describe

    loaded = load_study_file(args.file)
    check = describe(loaded, args.lang)
    print(f"{Path(args.file).name} is a valid study file. A participant will see:\n")
    print(check.text)
    for note in check.notes:
        print(f"note: {note}", file=sys.stderr)
    if check.problems:
        for problem in check.problems:
            print(f"not ready to send: {problem}", file=sys.stderr)
        return 1
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from diaryrec.research.merge import bundle_paths, default_files_root, merge_bundles
    from diaryrec.research.merged import open_merged

    if args.db is not None and "://" not in args.db:
        raise UserError(f"--db takes a database URL, such as postgresql://user@host/study (got {args.db!r}).",
                        hint="For a SQLite file, use --out FILE.")
    target = args.db or args.out
    files_root = Path(args.files) if args.files else default_files_root(target)
    bundles = bundle_paths(args.bundles)
    engine = open_merged(target)
    try:
        outcomes = merge_bundles(
            engine, bundles, files_root,
            progress=lambda done, total, name: print(f"[{done}/{total}] {name}", file=sys.stderr, flush=True),
        )
    finally:
        engine.dispose()
    for outcome in outcomes:
        print(outcome.line(), file=sys.stderr if outcome.status == "refused" else sys.stdout)
    refused = sum(o.status == "refused" for o in outcomes)
    print(f"{len(outcomes) - refused} of {len(outcomes)} bundles merged into {target if args.out else 'the database'}"
          + (f"; {refused} refused" if refused else ""))
    return 1 if refused else 0


def run_report(args: argparse.Namespace) -> int:
    from diaryrec.fileio import make_folder
    from diaryrec.research.read import open_study_data
    from diaryrec.research.report import write_csv, write_report

    if args.csv:
        make_folder(Path(args.csv))  # a --csv that cannot be a folder stops before anything is written
    with open_study_data(args.source) as data:
        write_report(data, Path(args.out))
        print(f"Wrote {args.out}")
        if args.csv:
            for path in write_csv(data, Path(args.csv)):
                print(f"Wrote {path}")
        for outcome in data.refused:
            print(outcome.line(), file=sys.stderr)
        if data.refused and not data.participants():
            raise UserError("No bundle could be merged, so the report shows no participant.",
                            hint="Ask the participants whose bundles were refused to export their data again.")
    return 0


def run_demo_study(args: argparse.Namespace) -> int:
    from diaryrec.research.demo import write_demo_study

    demo = write_demo_study(
        Path(args.out), args.participants,
        progress=lambda done, total, code: print(f"[{done}/{total}] {code}", file=sys.stderr, flush=True),
    )
    folder, bundles = demo.folder, demo.bundles_folder
    tries = [
        f"diaryrec research report {bundles} --out {folder / 'report.html'} --csv {folder / 'tables'}",
        f"diaryrec research merge {bundles} --out {folder / 'study.sqlite'}",
        f"diaryrec research export-qda {bundles} --out {folder / 'study.qdpx'}",
        f"diaryrec research data-inventory {demo.study_file} --out {folder / 'inventory.html'}",
        f"diaryrec research check-study {demo.study_file}",
    ]
    if demo.sheet_file is not None:  # the sandbox's fakes answer: nothing leaves the computer
        tries.append(f"diaryrec --sandbox research probe {demo.sheet_file} --study {demo.study_file} "
                     f"--out {folder / 'probe.html'}")
    print(f"Wrote a demo study of {len(demo.bundles)} synthetic participants (Korean and English) in {folder}:\n"
          f"  {demo.study_file}  the study file they joined\n"
          f"  {bundles}/  their export bundles\n"
          f"  {folder / 'participants'}/  their data folders (diaryrec --data-dir {demo.data_folders[0]} opens one)\n"
          + (f"  {demo.sheet_file}  the first one's planning sheet\n" if demo.sheet_file else "")
          + "Next, try:\n" + "".join(f"  {line}\n" for line in tries)
          + f"  and in the app: File → Open study data… → {bundles} (or the merged {folder / 'study.sqlite'})")
    return 0


def run_data_inventory(args: argparse.Namespace) -> int:
    from diaryrec.protocol import load_study_file
    from diaryrec.research.inventory import write_inventory

    write_inventory(load_study_file(args.study), Path(args.out), args.lang)
    print(f"Wrote {args.out}")
    return 0


def run_export_qda(args: argparse.Namespace) -> int:
    from diaryrec.research.qda import export_qda
    from diaryrec.research.read import open_study_data

    with open_study_data(args.source, Path(args.files) if args.files else None) as data:
        for outcome in data.refused:
            print(outcome.line(), file=sys.stderr)
        result = export_qda(data, Path(args.out))
    print(f"Wrote {result.path}: {result.participants} participant(s), {result.text_sources} text and "
          f"{result.picture_sources} picture source(s)")
    if result.pictures_missing:
        print(f"{len(result.pictures_missing)} picture(s) not included: their files are not at hand "
              "(merge with --files, or pass a folder of bundles)", file=sys.stderr)
        for name in result.pictures_missing[:20]:
            print(f"  {name}", file=sys.stderr)
    return 0


def _probe_target(args: argparse.Namespace, home: "DataLayout") -> tuple[object, object]:
    """(the study file, the ProbeTarget) that ``args`` name; ``home`` is the data folder."""
    from diaryrec.protocol import load_study_file
    from diaryrec.research.probe.run import ProbeTarget
    from diaryrec.sheets.io import load_sheet_file

    source = Path(args.source)
    if source.suffix.lower() == ".toml":
        if args.study:
            raise UserError("--study goes with a sheet; the study file itself was given.",
                            hint="Give the sheet first: diaryrec research probe SHEET.json --study STUDY.toml …")
        study = load_study_file(source).study
        return study, ProbeTarget(None, study.study.language, study.llm.template_dir or None, source.name)
    sheet = load_sheet_file(source)
    if args.study:
        study = load_study_file(args.study).study
    else:
        study = _joined_study(home)
    return study, ProbeTarget(sheet, sheet.language, study.llm.template_dir or None, source.name)


def _joined_study(layout: "DataLayout"):  # noqa: ANN202 - a StudyFile
    from diaryrec.services.study import active_study
    from diaryrec.store import open_store

    if layout.database.exists():
        store = open_store(layout)
        try:
            active = active_study(store)
        finally:
            store.close()
        if active is not None:
            return active.study
    raise UserError("A sheet is probed with a study's provider and catalog, and none is given.",
                    hint="Pass --study STUDY.toml (or run it with the data folder of a joined study: --data-dir DIR).")


def run_probe(args: argparse.Namespace) -> int:
    import tempfile

    from diaryrec.fileio import write_atomic
    from diaryrec.paths import DataLayout, resolve_data_dir
    from diaryrec.protocol.model import UnknownTracks
    from diaryrec.research.probe.generate import COMMENT
    from diaryrec.research.probe.queries import default_queries, load_queries, queries_json
    from diaryrec.research.probe.report import write_probe
    from diaryrec.research.probe.run import ProbeRun, ProbeStopped, probe
    from diaryrec.runtime.context import conversation_services
    from diaryrec.settings import load_settings
    from diaryrec.store import open_store
    from diaryrec.store.types import utcnow

    if args.write_queries:
        write_atomic(Path(args.write_queries), queries_json(default_queries(), COMMENT).encode("utf-8"))
        print(f"Wrote {args.write_queries}: the shipped queries, to edit and pass with --queries")
        return 0
    if not args.source or not args.out:
        raise UserError("probe needs what to probe and where the report goes.",
                        hint="diaryrec research probe SHEET.json --study STUDY.toml --out probe.html")
    if not 1 <= args.runs <= 20:
        raise UserError(f"--runs must be from 1 to 20 (got {args.runs}).")
    home = DataLayout(resolve_data_dir(args.data_dir))
    study, target = _probe_target(args, home)
    if args.queries:
        queries = [q for q in load_queries(Path(args.queries)) if not args.lang or q.language == args.lang]
    else:
        queries = default_queries(args.lang or target.language)
    if not queries:
        raise UserError(f"{args.queries} has no query in {args.lang}.", hint="Leave out --lang to send all of them.")
    settings = load_settings(home.settings_file)
    with tempfile.TemporaryDirectory(prefix="diaryrec-probe-") as folder:
        store = open_store(DataLayout(Path(folder)).ensure())
        services = conversation_services(store, study, settings, sandbox=args.sandbox,
                                         unknown_tracks=UnknownTracks.MARK)
        assert services.turns is not None and services.llm is not None
        config = services.llm.config
        result = ProbeRun(target=target, provider=config.label, model=config.model,
                          catalogs=list(getattr(services.validator, "catalogs", [])),
                          planned=len(queries) * args.runs, started_at=utcnow())
        print(f"Probing {target.name} with {len(queries)} queries x {args.runs} run(s): {config.model} at "
              f"{config.label}", file=sys.stderr, flush=True)
        try:
            for outcome in probe(services.turns, store, target, queries, args.runs, progress=_probe_progress):
                result.outcomes.append(outcome)
        except KeyboardInterrupt:
            result.stopped = f"interrupted after {len(result.outcomes)} of {result.planned} queries"
        except ProbeStopped as stop:
            if not result.outcomes:
                raise stop.error from None
            result.stopped = f"{stop.error} ({len(result.outcomes)} of {result.planned} queries done)"
        finally:
            services.stop()
            store.close()
        result.finished_at = utcnow()
    write_probe(result, Path(args.out), Path(args.json) if args.json else None)
    print(f"Wrote {args.out}" + (f" and {args.json}" if args.json else ""))
    _probe_warnings(result)
    if result.stopped:
        print(f"note: the probe stopped early: {result.stopped}", file=sys.stderr)
        return 1
    return 0


def _probe_warnings(result) -> None:  # noqa: ANN001 - a ProbeRun
    """What makes the page's rates say little, on stderr: the catalog not answering, every query failing."""
    from diaryrec.research.probe.report import Rates

    overall = Rates.of(result.outcomes)
    if overall.suggestions and overall.unchecked == overall.suggestions:
        print("note: the catalog answered for none of the suggestions, so the existence and condition rates are "
              "unknown; check the study's catalog settings (diaryrec catalog check tells why)", file=sys.stderr)
    elif overall.unchecked:
        print(f"note: the catalog did not answer for {overall.unchecked} of {overall.suggestions} suggestions; "
              "the rates leave them out", file=sys.stderr)
    if overall.queries and overall.errors == overall.queries:
        print("note: every query ended in an error (the page lists them)", file=sys.stderr)


def _probe_progress(done: int, total: int, outcome) -> None:  # noqa: ANN001 - a QueryOutcome
    if outcome.error:
        what = f"error: {outcome.error}"
    else:
        from diaryrec.vocabulary import Verdict

        found = sum(s.verdict == Verdict.VERIFIED for s in outcome.suggestions)
        what = f"{len(outcome.suggestions)} track(s), {found} found, premise {outcome.premise}"
    print(f"[{done}/{total}] {outcome.query.id}: {what}", file=sys.stderr, flush=True)
