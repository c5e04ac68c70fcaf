"""Crash safety with real processes and real kills (issue 8, item 1).

A worker process (kill_worker.py) writes diary drafts, diary saves, chat turns through
the TurnService against its own loopback OpenAI fake (some with a photo), sheet
imports saved as SheetVersions and diary images, and acknowledges each one in an
fsynced journal once it returned. This test SIGKILLs it at a random moment, then does
what the app does at its next start (``open_store``) and checks the database against
the journal: integrity, every acknowledged write present, the newest draft offered
for recovery, nothing duplicated, no half-written file under a real name.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from sqlmodel import select

from diaryrec.paths import DataLayout
from diaryrec.protocol import load_default_study
from diaryrec.services import diary
from diaryrec.services.study import join_study
from diaryrec.store import open_store
from diaryrec.store.models import DiaryEntry, DiaryScreenshot, Message, MessageImage, SheetVersion
from diaryrec.store.types import utcnow

from kill_worker import DRAFT_DAY, op_order  # beside this file (tests/reliability/conftest.py)

WORKER = Path(__file__).resolve().parent / "kill_worker.py"
ZYGOTE_KILLS = 200
FRESH_PROCESS_KILLS = 6  # a few workers from a fresh interpreter: the zygote changes nothing
STARTUP_SHARE = 0.25  # this share of kills aims at start-up, the rest at the write loop
STARTUP_DELAY_S = 0.12
MAX_DELAY_S = 0.25  # after the worker reported its store open


def read_journal(path: Path) -> list[dict]:
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            records.append(json.loads(line))  # an fsynced whole line, or nothing: a torn one fails here
    return records


def wait_started(journal: Path, before: int, pid: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(a["op"] in ("started", "crashed") for a in read_journal(journal)[before:]):
            return
        time.sleep(0.003)
    raise AssertionError(f"worker {pid} never opened the store")


def wait_gone(pid: int) -> None:
    """A zygote's worker is reaped by the kernel (SIGCHLD ignored there): wait until
    its pid is gone, so the next worker never overlaps it."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.002)
    raise AssertionError(f"worker {pid} survived SIGKILL")


class Verifier:
    """What a restart must find, checked against the journal after every kill."""

    def __init__(self, layout: DataLayout):
        self.layout = layout
        self.saves_verified = 0
        self.writes_verified = 0
        self.losses: list[str] = []
        self.leftover_temp_files = 0

    def lose(self, what: str) -> None:
        self.losses.append(what)

    def check(self, acks: list[dict], first_new: int) -> None:
        crashed = [a for a in acks if a["op"] == "crashed"]
        assert not crashed, f"a worker failed on its own, before any kill: {crashed}"
        store = open_store(self.layout)  # the app's next start: revision check, backup, migration
        try:
            with store.engine.connect() as conn:
                assert conn.execute(sql("PRAGMA integrity_check")).scalar() == "ok"
                assert conn.execute(sql("PRAGMA foreign_key_check")).fetchall() == []
            self._drafts(store, [a for a in acks if a["op"] == "draft"])
            self._saves(store, [a for a in acks if a["op"] == "save"], acks[first_new:])
            self._chats(store, [a for a in acks if a["op"] == "chat"])
            self._sheets(store, [a for a in acks if a["op"] == "sheet"])
            self._screenshots(store, [a for a in acks if a["op"] == "screenshot"])
            self._no_duplicates(store)
            self._files()
        finally:
            store.close()

    def _drafts(self, store, acks: list[dict]) -> None:
        if not acks:
            return
        offered = diary.latest_draft(store, DRAFT_DAY)  # what the diary view offers to restore
        newest = op_order(acks[-1]["text"])
        if offered.status != "draft" or op_order(offered.answers.get("q1", "x:0:0")) < newest:
            self.lose(f"draft {acks[-1]['text']!r} not offered (got {offered.status} {offered.answers})")
        else:
            self.writes_verified += 1

    def _saves(self, store, acks: list[dict], new: list[dict]) -> None:
        """Saves of a day overwrite each other (a new revision): the newest acknowledged
        one must be there, and its revision number proves the earlier ones committed."""
        last: dict[int, dict] = {}
        for ack in acks:
            last[ack["day"]] = ack
        for day, ack in last.items():
            state = diary.latest_draft(store, day)
            kept = state.answers.get("q1", "x:0:0")
            # a later save may have committed just before the kill, never an older one
            if state.status != "saved" or op_order(kept) < op_order(ack["text"]) or state.revision < ack["revision"]:
                self.lose(f"save of day {day} {ack['text']!r} (stored: {state.status} r{state.revision} {kept!r})")
                continue
        self.saves_verified += sum(1 for a in new if a["op"] == "save")

    def _chats(self, store, acks: list[dict]) -> None:
        with store.session() as session:
            for ack in acks:
                user = session.get(Message, ack["user_id"])
                reply = session.get(Message, ack["reply_id"])
                if user is None or user.text != ack["text"] or reply is None or reply.status != "complete":
                    self.lose(f"chat turn {ack['text']!r}")
                    continue
                images = session.exec(select(MessageImage).where(MessageImage.message_id == user.id)).all()
                if len(images) != ack["images"]:
                    self.lose(f"image of chat turn {ack['text']!r}")
                    continue
                for image in images:
                    path = self.layout.images / image.file_name
                    if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != image.sha256:
                        self.lose(f"image file {image.file_name}")
                self.writes_verified += 1

    def _sheets(self, store, acks: list[dict]) -> None:
        with store.session() as session:
            for ack in acks:
                row = session.get(SheetVersion, ack["id"])
                if row is None or (row.sheet_key, row.version, row.content.get("name")) != (ack["key"], ack["version"], ack["name"]):
                    self.lose(f"sheet import {ack['name']!r}")
                elif not row.compiled_prompt or ack["name"] not in row.compiled_prompt:
                    self.lose(f"sheet import {ack['name']!r} without its compiled prompt")
                else:
                    self.writes_verified += 1

    def _screenshots(self, store, acks: list[dict]) -> None:
        with store.session() as session:
            for ack in acks:
                row = session.get(DiaryScreenshot, ack["id"])
                path = self.layout.screenshots / ack["file"]
                if row is None or row.file_name != ack["file"] or not path.is_file():
                    self.lose(f"diary image {ack['file']}")
                else:
                    self.writes_verified += 1

    def _no_duplicates(self, store) -> None:
        with store.engine.connect() as conn:
            twice = conn.execute(sql("SELECT text, count(*) FROM message WHERE role = 'user' GROUP BY text HAVING count(*) > 1")).fetchall()
            assert twice == [], f"a participant message stored twice: {twice}"
            names = conn.execute(sql(
                "SELECT json_extract(content, '$.name'), count(*) FROM sheet_version GROUP BY 1 HAVING count(*) > 1"
            )).fetchall()
            assert names == [], f"a sheet import stored twice: {names}"
            seqs = conn.execute(sql("SELECT conversation_id, seq, count(*) FROM message GROUP BY 1, 2 HAVING count(*) > 1")).fetchall()
            assert seqs == []
            replies = conn.execute(sql(
                "SELECT conversation_id, count(*) FROM message WHERE role = 'system' GROUP BY 1 HAVING count(*) > 1"
            )).fetchall()
            assert replies == [], "a conversation with two system prompts"
        with store.session() as session:
            days = [e.study_day for e in session.exec(select(DiaryEntry)).all()]
        assert len(days) == len(set(days))

    def _files(self) -> None:
        """A file under its real name is whole: images are named by their SHA-256, and a
        screenshot's name holds the first 16 hex digits of it. SIGKILL can leave the
        hidden temporary file of write_atomic behind, never a torn file under a real name."""
        self.leftover_temp_files = 0
        for folder, prefix_len in ((self.layout.images, 64), (self.layout.screenshots, 16)):
            for path in folder.iterdir():
                if path.name.startswith(".") and path.name.endswith(".tmp"):
                    self.leftover_temp_files += 1
                    continue
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                stem = path.stem.rsplit("-", 1)[-1]
                assert digest[:prefix_len] == stem[:prefix_len], f"torn file under a real name: {path}"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX; Windows has neither")
def test_two_hundred_sigkills_lose_nothing(tmp_path, capsys):
    data = tmp_path / "data"
    layout = DataLayout(data).ensure()
    store = open_store(layout)
    join_study(store, load_default_study(), "P-kill", now=utcnow(), zone_name="Asia/Seoul")
    store.close()
    journal = tmp_path / "journal.jsonl"
    verifier = Verifier(layout)
    rng = random.Random(20260412)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path.cwd()), os.environ.get("PYTHONPATH", "")]))}
    zygote = subprocess.Popen(
        [sys.executable, str(WORKER), "zygote", str(data), str(journal)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )
    kills = mid_write = 0
    started = time.monotonic()
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for round_no in range(1, ZYGOTE_KILLS + FRESH_PROCESS_KILLS + 1):
            before = len(read_journal(journal))
            if round_no <= ZYGOTE_KILLS:
                zygote.stdin.write(f"run {round_no} {rng.randrange(1 << 30)}\n")
                zygote.stdin.flush()
                pid = int(zygote.stdout.readline())
                if rng.random() < STARTUP_SHARE:
                    time.sleep(rng.uniform(0, STARTUP_DELAY_S))  # during start-up (store opening, migration)
                else:  # in the write loop, however slow the machine is today
                    wait_started(journal, before, pid)
                    time.sleep(rng.uniform(0, MAX_DELAY_S))
                with contextlib.suppress(ProcessLookupError):  # gone already: the journal says why
                    os.kill(pid, signal.SIGKILL)
                wait_gone(pid)
            else:
                fresh = subprocess.Popen([sys.executable, str(WORKER), "once", str(data), str(journal),
                                          str(round_no), str(rng.randrange(1 << 30))], env=env)
                time.sleep(1.2 + rng.uniform(0, MAX_DELAY_S))  # past the interpreter's start-up
                fresh.send_signal(signal.SIGKILL)
                assert fresh.wait(timeout=10) == -signal.SIGKILL  # killed, not finished or crashed
            kills += 1
            acks = read_journal(journal)
            mid_write += any(a["op"] == "started" for a in acks[before:])
            verifier.check(acks, before)
    finally:
        zygote.stdin.close()
        zygote.kill()
        zygote.wait(timeout=10)
    acks = read_journal(journal)
    ops = collections.Counter(a["op"] for a in acks)
    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(
            f"\nKILL TEST: {kills} SIGKILLs ({mid_write} after the store was open, the rest during start-up) "
            f"in {elapsed:.0f} s; acknowledged writes: {ops['save']} diary saves, {ops['draft']} drafts, "
            f"{ops['chat']} chat turns, {ops['sheet']} sheet imports, {ops['screenshot']} diary images; "
            f"acknowledged saves verified after the kill that followed them: {verifier.saves_verified}; "
            f"checks of other acknowledged writes (every restart re-checks all): "
            f"{verifier.writes_verified}; losses: {len(verifier.losses)}; leftover temp files: "
            f"{verifier.leftover_temp_files}"
        )
    assert kills >= 200
    assert verifier.losses == []
    # the loop really wrote: every kind of write was acknowledged many times
    assert min(ops["save"], ops["draft"], ops["chat"], ops["sheet"], ops["screenshot"]) >= 20, ops
    assert mid_write >= kills // 2
