"""The export leaks nothing, is a consistent snapshot while the app writes, and is atomic."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest
from research_helpers import NOW, SMALL, count, participant

import diaryrec.research.snapshot as snapshot_module
from diaryrec.paths import DataLayout
from diaryrec.protocol import load_default_study, parse_study_text
from diaryrec.research.export import export_bundle
from diaryrec.research.synthetic import make_participant
from diaryrec.secrets import SecretName, set_secret
from diaryrec.services.study import join_study
from diaryrec.store import open_store
from diaryrec.store.models import Conversation, Event, Message, RecommendedTrack

USER = "zq-tester"
LLM_KEY = "sk-planted-llm-key-0123456789"
SPOTIFY_SECRET = "spotifyplantedsecret987"
ENV_KEY = "env-planted-key-abcdef123"
STUDY_KEY = "study-file-key-XYZ123456"
STUDY_SECRET = "study-client-secret-777"


def test_the_bundle_holds_no_secret_path_or_user_name(tmp_path, monkeypatch, memory_keyring):
    home = tmp_path / "home" / USER
    data = home / ".local" / "share" / "diaryrec"
    monkeypatch.setenv("HOME", str(home))
    for name in ("USER", "LOGNAME", "USERNAME"):
        monkeypatch.setenv(name, USER)
    monkeypatch.setenv("OPENAI_API_KEY", ENV_KEY)
    set_secret(SecretName.LLM_API_KEY, LLM_KEY)
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, SPOTIFY_SECRET)
    text = load_default_study().text
    text = text.replace('api_key = ""', f'api_key = "{STUDY_KEY}"').replace('client_secret = ""', f'client_secret = "{STUDY_SECRET}"')
    study = parse_study_text(text)
    assert study.study.llm.api_key == STUDY_KEY

    store = open_store(DataLayout(data).ensure())
    join_study(store, study, "P-집", now=NOW, zone_name="Asia/Seoul")
    with store.session() as session:
        conversation = Conversation(study_day=1, purpose="daily", started_at=NOW)
        session.add(conversation)
        session.flush()
        session.add(Message(conversation_id=conversation.id, seq=0, role="user", created_at=NOW,
                            text=f"내 키는 {LLM_KEY} 그리고 {ENV_KEY}; 파일은 {home}/Music/노래.mp3, {data}/images/a.png"))
        session.add(Message(conversation_id=conversation.id, seq=1, role="assistant", created_at=NOW,
                            text=f"error from /Users/{USER}/Library and C:\\Users\\{USER}\\AppData", status="error"))
        session.add(Event(kind="app_started", at=NOW, detail={"user": USER, "data_dir": str(data), "home": str(home),
                                                              "secret": SPOTIFY_SECRET, "note": f"{STUDY_SECRET}"}))
        session.commit()
    bundle = export_bundle(store, tmp_path / "out.zip", now=NOW).path
    store.close()

    planted = [LLM_KEY, SPOTIFY_SECRET, ENV_KEY, STUDY_KEY, STUDY_SECRET, str(home), str(data), USER]
    found = []
    with zipfile.ZipFile(bundle) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            for secret in planted:
                if secret.encode("utf-8") in raw or json.dumps(secret)[1:-1].encode() in raw:
                    found.append((name, secret))
        message_csv = archive.read("tables/message.csv").decode("utf-8-sig")
    assert found == []
    # what was around the scrubbed values is still there
    assert "내 키는 [redacted]" in message_csv and "<home>/Music/노래.mp3" in message_csv
    assert "<data folder>/images/a.png" in message_csv and "/Users/<user>/Library" in message_csv


def test_export_reads_one_snapshot_while_the_app_goes_on_writing(tmp_path, monkeypatch):
    layout = participant(tmp_path, 0)
    app = open_store(layout)  # the running app's store
    wrote = []

    def writer() -> None:
        with app.session() as session:  # BEGIN IMMEDIATE: would wait if the export held a write lock
            conversation = Conversation(study_day=3, purpose="daily", started_at=NOW)
            session.add(conversation)
            session.flush()
            message = Message(conversation_id=conversation.id, seq=0, role="assistant", text="during export", created_at=NOW)
            session.add(message)
            session.flush()
            session.add(RecommendedTrack(message_id=message.id, position=0, title="새 노래", artist="누군가"))
            session.add(Event(kind="written_during_export", at=NOW))
            session.commit()
        wrote.append(True)

    real_select = snapshot_module.select
    calls = []

    def select_then_write(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # the snapshot has begun (one table read); the app writes now
            thread = threading.Thread(target=writer)
            thread.start()
            thread.join(timeout=30)
            assert wrote, "the app could not write while the export was reading"
        return real_select(*args, **kwargs)

    monkeypatch.setattr(snapshot_module, "select", select_then_write)
    bundle = export_bundle(app, tmp_path / "out.zip", now=NOW).path
    app.close()
    assert wrote and count(layout.database, "event", "WHERE kind = 'written_during_export'") == 1
    with zipfile.ZipFile(bundle) as archive:
        data = json.loads(archive.read("data.json"))
    texts = [m["text"] for c in data["conversations"] for m in c["messages"]]
    assert "during export" not in texts
    assert "written_during_export" not in {e["kind"] for e in data["events"]}
    assert all(t["title"] != "새 노래" for c in data["conversations"] for m in c["messages"] for t in m["tracks"])


def test_export_while_a_writer_keeps_writing_is_consistent(tmp_path):
    layout = participant(tmp_path, 0)
    app = open_store(layout)
    stop = threading.Event()

    def writer() -> None:
        while not stop.is_set():
            with app.session() as session:
                conversation = Conversation(study_day=5, purpose="daily", started_at=NOW)
                session.add(conversation)
                session.flush()
                session.add(Message(conversation_id=conversation.id, seq=0, role="assistant", text="x", created_at=NOW))
                session.commit()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        bundles = [export_bundle(app, tmp_path / f"out{i}.zip", now=NOW).path for i in range(3)]
    finally:
        stop.set()
        thread.join(timeout=30)
        app.close()
    for bundle in bundles:
        with zipfile.ZipFile(bundle) as archive:
            data = json.loads(archive.read("data.json"))
        # a conversation the writer created always arrives with its message (same transaction)
        assert all(c["messages"] for c in data["conversations"] if c["study_day"] == 5 and c["purpose"] == "daily")


def test_a_failed_export_leaves_no_file(tmp_path):
    layout = participant(tmp_path, 0)
    out = tmp_path / "exports" / "bundle.zip"
    out.parent.mkdir()
    store = open_store(layout)

    def progress(done, total, what):
        if what.startswith("screenshots/"):
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        export_bundle(store, out, progress=progress, now=NOW)
    assert list(out.parent.iterdir()) == []

    out.write_bytes(b"an earlier bundle")
    with pytest.raises(OSError):
        export_bundle(store, out, progress=progress, now=NOW)
    store.close()
    assert out.read_bytes() == b"an earlier bundle" and list(out.parent.iterdir()) == [out]


def test_a_data_folder_without_a_study_has_nothing_to_export(tmp_path, store, capsys):
    from diaryrec.__main__ import main

    assert main(["--data-dir", str(store.layout.root), "export", "--out", str(tmp_path / "x.zip")]) == 2
    assert "nothing to export" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


def test_a_missing_screenshot_is_reported_not_fatal(tmp_path):
    layout = make_participant(tmp_path / "d", 0, SMALL, NOW)
    victim = sorted(Path(layout.screenshots).iterdir())[0]
    victim.unlink()
    store = open_store(layout)
    result = export_bundle(store, tmp_path / "b.zip", now=NOW)
    store.close()
    assert result.missing_files == [f"screenshots/{victim.name}"]
    with zipfile.ZipFile(result.path) as archive:
        assert f"screenshots/{victim.name}" not in archive.namelist()
        assert victim.name in archive.read("README.md").decode()
