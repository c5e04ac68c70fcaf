"""The child side of the kill test (tests/reliability/test_kill.py).

Started as ``python kill_worker.py zygote DATA_DIR JOURNAL``, it imports diaryrec once
and then, for every ``run ROUND SEED`` line on stdin, forks a worker and prints its
pid. Importing diaryrec, openai and Pillow takes about a second; forking a process
that already has them takes milliseconds, which is what makes hundreds of real
SIGKILLs fit in a CI minute. Each worker is a real process of its own: it opens the
store (the app's start-up: revision check, backup, Alembic), starts its own loopback
OpenAI fake and then loops over the app's writes until it is killed. After each write
that reports done it appends one fsynced line to the journal: what the parent may
demand to find after the kill.

``python kill_worker.py once DATA_DIR JOURNAL ROUND SEED`` runs one worker in a fresh
interpreter (no fork), for the rounds that prove the zygote changes nothing.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sys
from pathlib import Path

DRAFT_DAY = 21  # only drafts are written here: the recovery check reads it
SAVE_DAYS = range(1, 8)
SCREENSHOT_DAY = 1
KOREAN = "오늘은 비가 와서 잔잔한 노래가 좋았다 🎧"


def op_text(kind: str, round_no: int, index: int) -> str:
    """Every write carries its own id, so the parent can tell which one survived."""
    return f"{kind}:{round_no}:{index} {KOREAN}"


def op_order(text: str) -> tuple[int, int]:
    _kind, round_no, index = text.split(" ", 1)[0].split(":")
    return int(round_no), int(index)


class Journal:
    def __init__(self, path: Path):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def ack(self, **record: object) -> None:
        os.write(self.fd, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(self.fd)


def sheet_data(name: str) -> dict:
    return {
        "name": name,
        "objective": "비 오는 날에 어울리는 음악 찾기",
        "preference_input": {"data_types": ["mood_image"], "own_data_types": [], "notes": ""},
        "presentation": {
            "purposes": ["will_like"], "own_purpose": "", "explanation_styles": ["keywords"],
            "own_explanation_style": "", "track_count": 3, "exclusions": [], "explanation_level": "open", "notes": "",
        },
        "feedback": {"modes": ["rating"], "own_description": "", "notes": ""},
        "language": "ko",
    }


def photo_bytes(rng: random.Random) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    image.putpixel((rng.randrange(64), rng.randrange(48)), (rng.randrange(256), 0, 0))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def work(data_dir: Path, journal_path: Path, round_no: int, seed: int) -> None:
    from diaryrec.llm import LlmClient, ProviderMemory
    from diaryrec.paths import DataLayout
    from diaryrec.sandbox.openai_fake import FakeOpenAI
    from diaryrec.services import diary
    from diaryrec.services.sheet_versions import save_sheet_version
    from diaryrec.services.study import active_study
    from diaryrec.services.turn import TurnService
    from diaryrec.validation import UncheckedValidator
    from diaryrec.sheets import parse_sheet
    from diaryrec.store import open_store

    rng = random.Random(seed)
    journal = Journal(journal_path)
    store = open_store(DataLayout(data_dir))
    active = active_study(store)
    assert active is not None, "the parent joins the study before the first round"
    fake = FakeOpenAI(chunk_chars=64).start()
    client = LlmClient(fake.provider(), memory=ProviderMemory())
    turns = TurnService(store, client, UncheckedValidator(store), "mark")
    conversation = turns.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")
    scratch = data_dir.parent / f"scratch-{os.getpid()}"
    scratch.mkdir(exist_ok=True)
    journal.ack(op="started", round=round_no, pid=os.getpid())
    index = 0
    while True:
        index += 1
        roll = rng.random()
        if roll < 0.35:
            text = op_text("draft", round_no, index)
            diary.save_draft(store, DRAFT_DAY, {"q1": text})
            journal.ack(op="draft", day=DRAFT_DAY, text=text)
        elif roll < 0.55:
            day = rng.choice(SAVE_DAYS)
            text = op_text("save", round_no, index)
            state = diary.save_entry(store, active, day, {"q1": text})
            journal.ack(op="save", day=day, text=text, revision=state.revision)
        elif roll < 0.75:
            text = op_text("chat", round_no, index)
            images = []
            if rng.random() < 0.3:
                photo = scratch / f"photo-{index}.jpg"
                photo.write_bytes(photo_bytes(rng))
                images.append(photo)
            result = turns.run_turn(conversation, text, images=images)
            journal.ack(op="chat", text=text, user_id=result.user_message_id,
                        reply_id=result.assistant_message_id, images=len(images))
        elif roll < 0.9:
            name = op_text("sheet", round_no, index)
            sheet = parse_sheet(json.loads(json.dumps(sheet_data(name))), source="import.json")
            saved = save_sheet_version(store, sheet, sheet_key=f"import-{rng.randrange(3)}", kind="planning", study_day=8)
            journal.ack(op="sheet", name=name, id=saved.id, key=saved.sheet_key, version=saved.version)
        else:
            photo = scratch / f"diary-{index}.jpg"
            photo.write_bytes(photo_bytes(rng))
            shot = diary.add_image_file(store, SCREENSHOT_DAY, photo)
            journal.ack(op="screenshot", id=shot.id, file=shot.path.name)


def zygote(data_dir: Path, journal_path: Path) -> None:
    # everything the worker uses, imported once before any fork
    import diaryrec.llm  # noqa: F401
    import diaryrec.sandbox.openai_fake  # noqa: F401
    import diaryrec.services.diary  # noqa: F401
    import diaryrec.services.turn  # noqa: F401
    import diaryrec.sheets  # noqa: F401
    import diaryrec.store  # noqa: F401
    from PIL import Image  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed workers are reaped by the kernel
    print("ready", flush=True)
    for line in sys.stdin:
        command, round_no, seed = line.split()
        assert command == "run"
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            code = 0
            try:
                work(data_dir, journal_path, int(round_no), int(seed))
            except BaseException as exc:  # noqa: BLE001 - the parent reads this from the journal
                Journal(journal_path).ack(op="crashed", error=f"{type(exc).__name__}: {exc}")
                code = 1
            os._exit(code)
        print(pid, flush=True)


def main(argv: list[str]) -> None:
    if argv[0] == "zygote":
        zygote(Path(argv[1]), Path(argv[2]))
    elif argv[0] == "once":
        work(Path(argv[1]), Path(argv[2]), int(argv[3]), int(argv[4]))
    else:
        raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
