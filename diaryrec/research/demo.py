"""A demo study to try the researcher tools on before the first participant joins
(``diaryrec research demo-study OUT_DIR``).

It writes, into one folder:

- ``study.toml``: a study file from the shipped protocol (``new_study_text``), with a
  consent text saying that nobody took part, so ``check-study`` accepts it;
- ``participants/P001/`` …: the data folders of synthetic participants who joined
  that study file and went through its three weeks (``research.synthetic``: real
  planning sheets and day compositions, Korean and English writers alternating);
- ``bundles/P001.zip`` …: their export bundles, made by the participant's own export.

What is made is what the app would have made, so the report, the merge and the
research window read it as they read a real study.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diaryrec.errors import UserError
from diaryrec.fileio import make_folder, write_atomic
from diaryrec.protocol import parse_study_text
from diaryrec.research.export import export_bundle
from diaryrec.research.study_file import CONSENT_TEXT, new_study_text
from diaryrec.research.synthetic import SyntheticSpec, make_participant, participant_code
from diaryrec.services.sheet_versions import latest_version
from diaryrec.sheets.io import parse_sheet, sheet_to_json
from diaryrec.store import Store, open_store
from diaryrec.store.types import utcnow

DEMO_STUDY_ID = "demo-study"
STUDY_FILE = "study.toml"
MAX_PARTICIPANTS = 200
DEMO_CONSENT = '''consent = { en = """\\
This is a demo study written by `diaryrec research demo-study`. Its participants are \\
synthetic: nobody took part, and nothing here was written by a person.""", ko = """\\
`diaryrec research demo-study`로 만든 시연용 연구입니다. 참가자는 모두 합성 데이터이며 \\
실제로 참여한 사람은 없습니다.""" }'''


def demo_spec(participants: int) -> SyntheticSpec:
    """Three full weeks, a little smaller than the benchmarks' participants (a demo is
    opened, not timed): two turns a day, four tracks a turn, 20 KB screenshots."""
    return SyntheticSpec(participants=participants, days=21, turns_per_day=2, tracks_per_turn=4,
                         screenshot_bytes=20_000, seed=15, languages=("ko", "en"), daily_sheets=True)


def demo_study_text() -> str:
    text = new_study_text(DEMO_STUDY_ID)
    if CONSENT_TEXT not in text:  # new_study_text puts it in; a change there must not go unnoticed
        raise RuntimeError("the new study file has no consent placeholder to replace")
    return text.replace(CONSENT_TEXT, DEMO_CONSENT)


@dataclass(frozen=True)
class DemoStudy:
    folder: Path
    study_file: Path
    bundles: list[Path]
    data_folders: list[Path]
    #: the first participant's week-3 planning sheet, to try ``research probe`` on
    sheet_file: Path | None = None

    @property
    def bundles_folder(self) -> Path:
        return self.folder / "bundles"


class DemoStudyError(UserError):
    pass


def write_demo_study(folder: Path, participants: int = 6, *, now: dt.datetime | None = None,
                     progress: Callable[[int, int, str], None] | None = None) -> DemoStudy:
    """The demo study in ``folder`` (new, or an empty folder)."""
    folder = Path(folder)
    if not 1 <= participants <= MAX_PARTICIPANTS:
        raise DemoStudyError(f"--participants must be between 1 and {MAX_PARTICIPANTS} (got {participants}).")
    make_folder(folder)
    if any(folder.iterdir()):
        raise DemoStudyError(f"{folder} already holds files.", hint="Give a new or empty folder for the demo study.")
    now = now or utcnow()
    text = demo_study_text()
    study_file = folder / STUDY_FILE
    write_atomic(study_file, text.encode("utf-8"))
    loaded = parse_study_text(text, source=STUDY_FILE)
    spec = demo_spec(participants)
    bundles_folder = make_folder(folder / "bundles")
    data_folders, bundles = [], []
    sheet_file = None
    for index in range(participants):
        code = participant_code(index)
        if progress is not None:
            progress(index + 1, participants, code)
        layout = make_participant(folder / "participants" / code, index, spec, now, study=loaded)
        store = open_store(layout)
        try:
            bundles.append(export_bundle(store, bundles_folder / f"{code}.zip", now=now).path)
            if sheet_file is None:
                sheet_file = _write_sheet(store, folder / f"sheet-{code}.json")
        finally:
            store.close()
        data_folders.append(layout.root)
    return DemoStudy(folder, study_file, bundles, data_folders, sheet_file)


def _write_sheet(store: Store, path: Path) -> Path | None:
    """The participant's latest planning sheet as a sheet file (``prompt compile``, ``probe``)."""
    latest = latest_version(store, kind="planning")
    if latest is None:
        return None
    write_atomic(path, sheet_to_json(parse_sheet(latest.content)).encode("utf-8"))
    return path
