"""No traceback, ever (issue 15): every subcommand, given wrong paths and bad values,
stops with a non-zero exit and one message in words, never a Python traceback, an SQL
statement or an errno.

The table is data: a ``Case`` is the command line (``{name}`` stands for one of the
paths the ``places`` fixture makes), the command it runs and the words its message
must hold. ``test_every_command_has_cases`` fails for a subcommand without a row, so
a new subcommand gets its rows here.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from diaryrec.__main__ import BUG_EXIT_CODE, build_parser, main
from diaryrec.paths import DataLayout
from diaryrec.research.export import export_bundle
from diaryrec.research.study_file import CONSENT_PLACEHOLDER, new_study_text
from diaryrec.research.synthetic import SyntheticSpec, make_participant
from diaryrec.sheets.io import sheet_to_json
from tests.probe_behaviours import example_sheet
from diaryrec.store import open_store

PROC = Path("/proc")  # a folder nobody may create files in (Linux)
NOISE = ("Traceback", 'File "', "[SQL:", "sqlalche.me", "Errno", "errno")


@dataclass(frozen=True)
class Case:
    name: str
    command: str  # the subcommand it runs, as `diaryrec --help` and its tools name it
    argv: tuple[str, ...]
    says: str  # a regular expression the message matches
    needs_proc: bool = False


def case(name: str, command: str, argv: str, says: str) -> Case:
    return Case(name, command, tuple(argv.split()), says, needs_proc="{proc" in argv)


CASES = [
    # the data folder, before or after the subcommand
    case("--data-dir a file", "catalog check", "--data-dir {file} catalog check {lines}", r"notes\.txt is a file; the name of a folder"),
    case("--data-dir a file, after", "catalog check", "catalog check {lines} --data-dir {file}", r"is a file; the name of a folder"),
    case("--data-dir under a file", "catalog check", "--data-dir {file}/data catalog check {lines}", r"notes\.txt is a file, not a folder"),
    case("--data-dir in /proc", "catalog check", "--data-dir {proc}/data catalog check {lines}", r"cannot be created"),
    case("unknown subcommand", "", "frobnicate", r"invalid choice: 'frobnicate'"),
    # export
    case("export: --out a folder", "export", "--data-dir {participant} export --out {folder} --force", r"폴더 is a folder; the name of a file"),
    case("export: --out exists", "export", "export --data-dir {participant} --out {bundle}", r"already exists.*--force"),
    case("export: --out in /proc", "export", "export --data-dir {participant} --out {proc}/x/P.zip", r"cannot be written"),
    case("export: an empty data folder", "export", "export --data-dir {empty} --out {new}/P.zip", r"There is no study data"),
    case("export: data folder a file", "export", "export --data-dir {file} --out {new}/P.zip", r"There is no study data"),
    case("export: no --out", "export", "export", r"the following arguments are required: --out"),
    # catalog check
    case("catalog: no such input", "catalog check", "catalog check {missing}", r"cannot read .*missing"),
    case("catalog: a folder as input", "catalog check", "catalog check {folder}", r"cannot read .*폴더"),
    case("catalog: bad market", "catalog check", "catalog check {lines} --market 12", r"--market must be two letters"),
    case("catalog: bad concurrency", "catalog check", "catalog check {lines} --concurrency many", r"invalid int value: 'many'"),
    case("catalog: --catalog spotify, no credentials", "catalog check", "catalog check {lines} --catalog spotify", r"no Spotify client ID and secret"),
    # prompt compile
    case("prompt: no such sheet", "prompt compile", "prompt compile {missing}", r"no such file"),
    case("prompt: a folder as sheet", "prompt compile", "prompt compile {folder}", r"cannot be read"),
    case("prompt: not JSON", "prompt compile", "prompt compile {garbage_json}", r"garbage\.json"),
    case("prompt: a zip as sheet", "prompt compile", "prompt compile {bundle}", r"not UTF-8"),
    case("prompt: bad format", "prompt compile", "prompt compile {sheet} --format yaml", r"invalid choice: 'yaml'"),
    # selftest
    case("selftest: --output a folder", "selftest", "selftest --no-qt --output {folder}", r"is a folder; the name of a file"),
    case("selftest: --output in /proc", "selftest", "selftest --no-qt --output {proc}/selftest.txt", r"cannot be written"),
    # research new-study
    case("new-study: a folder, --force", "research new-study", "research new-study {folder} --force", r"is a folder; the name of a file"),
    case("new-study: in /proc", "research new-study", "research new-study {proc}/x/y.toml", r"the folder /proc/x cannot be created"),
    case("new-study: under a file", "research new-study", "research new-study {file}/study.toml", r"notes\.txt is a file, not a folder"),
    case("new-study: exists", "research new-study", "research new-study {file}", r"already exists"),
    case("new-study: bad id", "research new-study", "research new-study {new}/s.toml --id ../../etc", r"--id '\.\./\.\./etc' cannot be used"),
    # research check-study
    case("check-study: no such file", "research check-study", "research check-study {missing}", r"cannot be read"),
    case("check-study: a folder", "research check-study", "research check-study {folder}", r"cannot be read"),
    case("check-study: not TOML", "research check-study", "research check-study {garbage_toml}", r"garbage\.toml"),
    case("check-study: a zip", "research check-study", "research check-study {bundle}", r"not UTF-8"),
    case("check-study: bad --lang", "research check-study", "research check-study {study} --lang fr", r"invalid choice: 'fr'"),
    # research merge
    case("merge: no such bundle", "research merge", "research merge {missing} --out {new}/m.sqlite", r"There is no bundle or folder .*missing"),
    case("merge: an empty folder", "research merge", "research merge {empty} --out {new}/m.sqlite", r"holds no export bundles"),
    case("merge: --out a folder", "research merge", "research merge {bundles} --out {folder}", r"is a folder; the name of a file"),
    case("merge: --out a bundle", "research merge", "research merge {bundles} --out {bundle}", r"is an export bundle, not a study database"),
    case("merge: --out a participant's database", "research merge", "research merge {bundles} --out {participant_db}",
         r"participant's own diaryrec database"),
    case("merge: --out a text file", "research merge", "research merge {bundles} --out {file}", r"is not a database file"),
    case("merge: --out in /proc", "research merge", "research merge {bundles} --out {proc}/m.sqlite", r"Cannot open the merged study database /proc/m\.sqlite"),
    case("merge: --db mysql", "research merge", "research merge {bundles} --db mysql://user@host/study", r"not in mysql://"),
    case("merge: --db a word", "research merge", "research merge {bundles} --db nonsense", r"--db takes a database URL"),
    case("merge: not a bundle", "research merge", "research merge {not_bundle} --out {new}/m.sqlite", r"REFUSED not-a-bundle\.zip: it has no manifest\.json"),
    case("merge: --files a file", "research merge", "research merge {bundles} --out {new}/m.sqlite --files {file}", r"Merging P001\.zip stopped: .*notes\.txt"),
    case("merge: no target", "research merge", "research merge {bundles}", r"one of the arguments --out --db is required"),
    # research report
    case("report: one bundle", "research report", "research report {bundle} --out {new}/r.html", r"is a single export bundle.*pass the folder"),
    case("report: a zip that is no bundle", "research report", "research report {not_bundle} --out {new}/r.html", r"is not a database file"),
    case("report: a participant's database", "research report", "research report {participant_db} --out {new}/r.html", r"participant's own diaryrec database"),
    case("report: a text file", "research report", "research report {file} --out {new}/r.html", r"is not a database file"),
    case("report: no such source", "research report", "research report {missing} --out {new}/r.html", r"no merged study database or folder of bundles"),
    case("report: an empty folder", "research report", "research report {empty} --out {new}/r.html", r"holds no export bundles"),
    case("report: only refused bundles", "research report", "research report {refused_only} --out {new}/r.html", r"No bundle could be merged"),
    case("report: --out a folder", "research report", "research report {bundles} --out {folder}", r"is a folder; the name of a file"),
    case("report: --out in /proc", "research report", "research report {bundles} --out {proc}/x.html", r"/proc/x\.html cannot be written"),
    case("report: --csv a file", "research report", "research report {bundles} --out {new}/r.html --csv {file}", r"is a file; the name of a folder"),
    case("export-qda: one bundle", "research export-qda", "research export-qda {bundle} --out {new}/s.qdpx", r"is a single export bundle.*pass the folder"),
    case("export-qda: no such source", "research export-qda", "research export-qda {missing} --out {new}/s.qdpx", r"no merged study database or folder of bundles"),
    case("export-qda: --out a folder", "research export-qda", "research export-qda {bundles} --out {folder}", r"is a folder; the name of a file"),
    case("export-qda: --out in /proc", "research export-qda", "research export-qda {bundles} --out {proc}/x.qdpx", r"cannot be written"),
    case("export-qda: no --out", "research export-qda", "research export-qda {bundles}", r"the following arguments are required: --out"),
    case("catalog check: an unknown catalog", "catalog check", "catalog check {lines} --catalog discogs", r"invalid choice: 'discogs'"),
    case("report: mysql", "research report", "research report mysql://user@host/study --out {new}/r.html", r"not in mysql://"),
    # research demo-study
    case("demo-study: a file", "research demo-study", "research demo-study {file}", r"is a file; the name of a folder"),
    case("demo-study: in /proc", "research demo-study", "research demo-study {proc}/demo", r"cannot be created"),
    case("demo-study: a folder with files", "research demo-study", "research demo-study {bundles}", r"already holds files"),
    case("demo-study: no participants", "research demo-study", "research demo-study {new}/demo --participants 0", r"between 1 and"),
    case("demo-study: participants a word", "research demo-study", "research demo-study {new}/demo --participants some", r"invalid int value"),
    # research data-inventory
    case("inventory: no such study", "research data-inventory", "research data-inventory {missing} --out {new}/i.html", r"cannot be read"),
    case("inventory: a folder", "research data-inventory", "research data-inventory {folder} --out {new}/i.html", r"cannot be read"),
    case("inventory: not TOML", "research data-inventory", "research data-inventory {garbage_toml} --out {new}/i.html", r"garbage\.toml"),
    case("inventory: --out a folder", "research data-inventory", "research data-inventory {study} --out {folder}", r"is a folder; the name of a file"),
    case("inventory: --out in /proc", "research data-inventory", "research data-inventory {study} --out {proc}/i.html", r"cannot be written"),
    case("inventory: bad --lang", "research data-inventory", "research data-inventory {study} --out {new}/i.html --lang de", r"invalid choice: 'de'"),
    # research probe
    case("probe: nothing to probe", "research probe", "research probe --out {new}/p.html", r"needs what to probe"),
    case("probe: no --out", "research probe", "research probe {study}", r"needs what to probe"),
    case("probe: no such sheet", "research probe", "research probe {missing} --study {study} --out {new}/p.html", r"no such file"),
    case("probe: not a sheet", "research probe", "research probe {garbage_json} --study {study} --out {new}/p.html", r"garbage\.json"),
    case("probe: a study that is no TOML", "research probe", "research probe {garbage_toml} --out {new}/p.html", r"garbage\.toml"),
    case("probe: a sheet, no study", "research probe", "research probe {good_sheet} --data-dir {empty} --out {new}/p.html",
         r"none is given.*--study"),
    case("probe: --study with a study", "research probe", "research probe {study} --study {study} --out {new}/p.html",
         r"--study goes with a sheet"),
    case("probe: bad --runs", "research probe", "research probe {study} --runs 0 --out {new}/p.html", r"--runs must be from 1 to 20"),
    case("probe: --queries not JSON", "research probe", "research probe {study} --queries {garbage_json} --out {new}/p.html",
         r"garbage\.json: not JSON"),
    case("probe: --queries no query file", "research probe", "research probe {study} --queries {sheet} --out {new}/p.html",
         r"not a probe query file"),
    case("probe: --write-queries a folder", "research probe", "research probe --write-queries {folder}", r"is a folder; the name of a file"),
    case("probe: no key", "research probe", "research probe {study} --out {new}/p.html", r"No API key is set"),
]


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("wrong paths")
    participant = make_participant(root / "participant", 0, SyntheticSpec(
        participants=1, days=3, turns_per_day=1, tracks_per_turn=2, screenshot_bytes=2_000)).root
    bundles = root / "bundles"
    bundles.mkdir()
    store = open_store(DataLayout(participant))
    try:
        bundle = export_bundle(store, bundles / "P001.zip").path
    finally:
        store.close()
    refused_only = root / "refused"
    refused_only.mkdir()
    not_bundle = refused_only / "not-a-bundle.zip"
    with zipfile.ZipFile(not_bundle, "w") as archive:
        archive.writestr("hello.txt", "안녕하세요")
    folder, empty = root / "폴더", root / "empty"
    folder.mkdir()
    empty.mkdir()
    texts = {
        "file": ("notes.txt", "interview notes, not data\n"),
        "lines": ("tracks.jsonl", '{"title": "밤편지", "artist": "아이유"}\n'),
        "garbage_json": ("garbage.json", "{not json"),
        "garbage_toml": ("garbage.toml", "[[[ this is no study"),
        "sheet": ("sheet.json", '{"name": "x"}'),
        "good_sheet": ("good-sheet.json", sheet_to_json(example_sheet())),
        "study": ("study.toml", new_study_text("wrong-paths").replace(CONSENT_PLACEHOLDER, "동의")),
    }
    out = {name: root / file for name, (file, _) in texts.items()}
    for name, (_, text) in texts.items():
        out[name].write_text(text, encoding="utf-8")
    return {
        **out, "participant": participant, "participant_db": participant / "diaryrec.sqlite", "bundles": bundles,
        "bundle": bundle, "not_bundle": not_bundle, "refused_only": refused_only, "folder": folder, "empty": empty,
        "missing": root / "nowhere" / "missing.zip", "proc": PROC, "root": root,
    }


@pytest.fixture(autouse=True)
def no_spotify_credentials(monkeypatch):
    for name in ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)


def command_line(argv: tuple[str, ...], places: dict[str, Path], new: Path) -> list[str]:
    values = {name: str(path) for name, path in places.items()} | {"new": str(new)}
    return [re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], arg) for arg in argv]


def run(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("wrong", CASES, ids=[c.name for c in CASES])
def test_a_wrong_path_or_value_is_said_in_words(wrong: Case, places, tmp_path, capsys):
    if wrong.needs_proc and not PROC.is_dir():
        pytest.skip("no /proc here")
    code, said = run(command_line(wrong.argv, places, tmp_path), capsys)
    assert code not in (0, None), said
    assert code != BUG_EXIT_CODE, said  # the catch-all for bugs is no message in words
    assert not [noise for noise in NOISE if noise in said], said
    assert re.search(r"^(diaryrec[\w -]*: |REFUSED )", said, re.MULTILINE), said
    assert re.search(wrong.says, said, re.DOTALL), said


def leaf_commands() -> set[str]:
    """Every subcommand at every depth, named as in the table ("research merge")."""
    import argparse

    def walk(parser: argparse.ArgumentParser, prefix: str) -> set[str]:
        found = set()
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not nested:
            return {prefix}
        for action in nested:
            for name, child in action.choices.items():
                found |= walk(child, f"{prefix} {name}".strip())
        return found

    return walk(build_parser(), "")


def test_every_command_has_cases():
    assert leaf_commands() <= {c.command for c in CASES}, "add rows for the new subcommand to CASES"


def test_data_dir_after_the_subcommand_is_the_data_folder(places, tmp_path, capsys):
    out = tmp_path / "again.zip"
    assert main(["export", "--data-dir", str(places["participant"]), "--out", str(out), "--quiet"]) == 0
    assert out.is_file() and "Exported participant P001" in capsys.readouterr().out
    # given twice, the one after the subcommand is the one used
    assert main(["--data-dir", str(places["empty"]), "export", "--data-dir", str(places["participant"]),
                 "--out", str(tmp_path / "twice.zip"), "-q"]) == 0


def test_a_bug_is_one_line_without_a_traceback(monkeypatch, capsys):
    import diaryrec.commands.selftest as selftest

    def broken(_args):  # noqa: ANN001, ANN202
        raise RuntimeError("a bug")

    monkeypatch.setattr(selftest, "run", broken)
    assert main(["selftest"]) == BUG_EXIT_CODE
    err = capsys.readouterr().err
    assert err.startswith("diaryrec: an unexpected error stopped diaryrec; this is a bug") and "RuntimeError: a bug" in err
    assert "Traceback" not in err and "--verbose" in err

    def refused(_args):  # noqa: ANN001, ANN202
        raise PermissionError(13, "Permission denied", "/srv/study")

    monkeypatch.setattr(selftest, "run", refused)
    assert main(["selftest"]) == 1
    assert capsys.readouterr().err == "diaryrec: Permission denied: /srv/study\n"


def test_in_a_real_process_a_refused_bundle_is_said_once(places, tmp_path):
    """The logging of a real run is on (WARNING): the refusal is the outcome's line, once."""
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for source in (places["bundle"], places["not_bundle"]):
        (mixed / source.name).write_bytes(source.read_bytes())
    for command in (["merge", str(mixed), "--out", str(tmp_path / "m.sqlite")],
                    ["report", str(mixed), "--out", str(tmp_path / "r.html")]):
        done = subprocess.run([sys.executable, "-m", "diaryrec", "research", *command], capture_output=True, text=True,
                              timeout=120, cwd=Path(__file__).resolve().parents[2])
        assert "Traceback" not in done.stderr
        assert done.stderr.count("not-a-bundle.zip: it has no manifest.json") == 1, done.stderr
    done = subprocess.run([sys.executable, "-m", "diaryrec", "research", "report", str(places["bundle"]), "--out",
                           str(tmp_path / "r.html")], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 2 and "Traceback" not in done.stderr and "is a single export bundle" in done.stderr
