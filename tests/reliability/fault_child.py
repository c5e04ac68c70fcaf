"""The child side of tests/reliability/test_disk_faults.py: the app's services in a
process of their own, where a full disk (RLIMIT_FSIZE: writes past the limit fail
with EFBIG, as on a full disk) or a read-only data folder (root drops to ``nobody``,
for whom chmod means something) can be set up without touching the test process.

``python fault_child.py SCENARIO DATA_DIR WARMUP_DIR`` prints one JSON line per step:
``{"step", "ok", "error", "user_error", "message"}``.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import signal
import sys
from pathlib import Path



def noise_photo(path: Path, side: int = 900) -> Path:
    """A JPEG that stays large after diaryrec re-encodes it (noise does not compress)."""
    from PIL import Image

    rng = random.Random(side)
    image = Image.frombytes("RGB", (side, side), bytes(rng.randrange(256) for _ in range(side * side * 3)))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=95)
    path.write_bytes(buffer.getvalue())
    return path


class App:
    """What the app holds once it started: the store, the joined study, a turn service."""

    def __init__(self, data_dir: Path):
        from diaryrec.llm import LlmClient, ProviderMemory
        from diaryrec.paths import DataLayout
        from diaryrec.sandbox.openai_fake import FakeOpenAI
        from diaryrec.services.study import active_study
        from diaryrec.services.turn import TurnService
        from diaryrec.validation import UncheckedValidator
        from diaryrec.store import open_store

        self.store = open_store(DataLayout(data_dir))
        self.active = active_study(self.store)
        self.fake = FakeOpenAI().start()
        self.client = LlmClient(self.fake.provider(), memory=ProviderMemory())
        self.turns = TurnService(self.store, self.client, UncheckedValidator(self.store), "mark")
        self.conversation = self.turns.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")

    def close(self) -> None:
        self.client.close()
        self.fake.stop()
        self.store.close()


def step(name: str, action) -> None:  # noqa: ANN001
    from diaryrec.errors import UserError

    record: dict[str, object] = {"step": name, "ok": True, "error": None, "user_error": False, "message": ""}
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which judges it
        record.update(ok=False, error=type(exc).__name__, user_error=isinstance(exc, UserError), message=str(exc))
    print(json.dumps(record, ensure_ascii=False), flush=True)


def big_answers() -> dict[str, str]:
    return {f"q{i}": "한국어 일기 " * 6000 for i in range(6)}  # about 0.7 MB in UTF-8, each under the 50,000-character cap


def warm_up(folder: Path, photo: Path) -> None:
    """Run every write once so every module is imported before privileges drop
    (as ``nobody`` the interpreter's own files under /root cannot be read)."""
    from diaryrec.paths import DataLayout
    from diaryrec.protocol import load_default_study
    from diaryrec.services import diary
    from diaryrec.services.study import join_study
    from diaryrec.store import open_store
    from diaryrec.store.types import utcnow

    store = open_store(DataLayout(folder))
    join_study(store, load_default_study(), "warm", now=utcnow(), zone_name="UTC")
    store.close()
    app = App(folder)
    diary.save_draft(app.store, 1, {"q1": "x"})
    diary.save_entry(app.store, app.active, 1, {"q1": "x"})
    diary.add_image_file(app.store, 1, photo)
    app.turns.run_turn(app.conversation, "warm", images=[photo])
    app.close()


def disk_full(data: Path, photo: Path) -> None:
    from diaryrec.services import diary

    app = App(data)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing us
    largest = max(p.stat().st_size for p in data.rglob("*") if p.is_file())
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 64_000, resource.RLIM_INFINITY))
    step("save_entry", lambda: diary.save_entry(app.store, app.active, 1, big_answers()))
    step("save_draft", lambda: diary.save_draft(app.store, 2, big_answers()))
    step("turn_with_photo", lambda: app.turns.run_turn(app.conversation, "사진 보고 추천해 줘", images=[photo]))
    step("diary_image", lambda: diary.add_image_file(app.store, 1, photo))
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    step("save_after_space_freed", lambda: diary.save_entry(app.store, app.active, 1, {"q1": "공간을 비운 뒤"}))
    app.close()


def read_only_folder(data: Path, photo: Path) -> None:
    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store

    step("open_store", lambda: open_store(DataLayout(data)).close())


def read_only_media(data: Path, photo: Path) -> None:
    from diaryrec.services import diary

    app = App(data)
    step("turn_with_photo", lambda: app.turns.run_turn(app.conversation, "사진 보고 추천해 줘", images=[photo]))
    step("diary_image", lambda: diary.add_image_file(app.store, 1, photo))
    step("turn_without_photo", lambda: app.turns.run_turn(app.conversation, "사진 없이 추천해 줘"))
    step("save_entry", lambda: diary.save_entry(app.store, app.active, 1, {"q1": "저장"}))
    app.close()


SCENARIOS = {"disk_full": disk_full, "read_only_folder": read_only_folder, "read_only_media": read_only_media}


def main(scenario: str, data: Path, warmup: Path) -> None:
    photo = noise_photo(warmup.parent / "photo.jpg")
    warm_up(warmup, photo)
    if scenario.startswith("read_only") and os.geteuid() == 0:
        import pwd

        nobody = pwd.getpwnam("nobody")
        os.setgroups([])
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)
    SCENARIOS[scenario](data, photo)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
