"""Secrets and privacy (issue 8, item 7). Known secrets are planted where diaryrec
gets them (the keyring, the environment, a study file), the app's real paths run
(a turn with a keyed provider, Spotify checks, a failed turn, an unhandled error,
an export) with the data folder's log at DEBUG, and then every database row, the
database file itself, the settings file, the log and every member of the export
bundle are searched for them, for the OS user name and for the home path.

There is no crash-report mechanism yet: the "crash report" checked here is the log
of an unhandled error (``log.exception``), which is what a participant would send.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import sqlite3
import zipfile
from pathlib import Path

import pytest

from diaryrec.catalog.validator import make_validator
from diaryrec.llm import LlmClient, ProviderMemory, errors
from diaryrec.llm.provider import provider_config
from diaryrec.logs import setup_logging
from diaryrec.paths import DataLayout, resources_dir
from diaryrec.protocol import load_default_study, parse_study_text
from diaryrec.research.export import export_bundle
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sandbox.spotify_fake import SpotifyFake, load_json_tracks
from diaryrec.secrets import SecretName, set_secret
from diaryrec.services import diary
from diaryrec.services.study import join_study
from diaryrec.services.turn import TurnService
from diaryrec.settings import Settings, save_settings
from diaryrec.store import open_store
from tests.integration.research.research_helpers import NOW

USER = "zq-secret-tester"
LLM_KEY = "planted-llm-key-7Q2x9Vb4Lm"  # not sk- shaped: the pattern redactor cannot be what saves it
SPOTIFY_ID = "planted-spotify-client"
SPOTIFY_SECRET = "planted-spotify-secret-K8d3"
ENV_SECRETS = {"OPENAI_API_KEY": "sk-planted-env-openai-key-55aa", "SOME_SERVICE_TOKEN": "planted-env-token-93ff"}
STUDY_KEY = "planted-study-file-key-Zz01"
THIRD_PARTY = ("openai", "httpx", "httpcore", "urllib3", "spotipy")


def _basic(client_id: str, secret: str) -> str:
    return base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def leaks(blob: bytes, planted: list[str]) -> list[str]:
    return [p for p in planted if p.encode("utf-8") in blob]


def database_rows(path: Path) -> bytes:
    """Every row of every table (sqlite3's dump), plus the raw file and its WAL."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        dump = "\n".join(conn.iterdump()).encode("utf-8")
    raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    return dump + raw


@pytest.fixture
def participant_home(tmp_path, monkeypatch, memory_keyring):
    """A home folder named after the OS user, the data folder inside it, and the
    secrets planted in the keyring and the environment."""
    home = tmp_path / "home" / USER
    data = home / ".local" / "share" / "diaryrec"
    monkeypatch.setenv("HOME", str(home))
    for name in ("USER", "LOGNAME", "USERNAME"):
        monkeypatch.setenv(name, USER)
    for name, value in ENV_SECRETS.items():
        monkeypatch.setenv(name, value)
    set_secret(SecretName.LLM_API_KEY, LLM_KEY)
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, SPOTIFY_SECRET)
    layout = DataLayout(data).ensure()
    save_settings(layout.settings_file, Settings(spotify_client_id=SPOTIFY_ID, market="KR"))
    yield home, layout
    setup_logging(None)  # the file handler goes; the next test starts clean
    for name in THIRD_PARTY:
        logging.getLogger(name).setLevel(logging.NOTSET)


@pytest.fixture
def fakes(monkeypatch):
    llm = FakeOpenAI(api_key=LLM_KEY).start()  # only the planted key gets an answer: it was really sent
    spotify = SpotifyFake(load_json_tracks(resources_dir() / "sandbox" / "tracks.json"),
                          client_id=SPOTIFY_ID, client_secret=SPOTIFY_SECRET).start()
    monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", spotify.api_url)
    monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", spotify.token_url)
    yield llm, spotify
    llm.stop()
    spotify.stop()


def run_the_app(layout: DataLayout, llm: FakeOpenAI, study_text: str | None = None) -> Path:
    """Join, chat (one good turn, one failed), write the diary, hit an unhandled error, export."""
    store = open_store(layout)
    try:
        loaded = parse_study_text(study_text) if study_text else load_default_study()
        active = join_study(store, loaded, "P-비밀", now=NOW, zone_name="Asia/Seoul")
        from diaryrec.settings import load_settings

        config = provider_config(active.study, load_settings(layout.settings_file))
        config = type(config)(base_url=llm.url, model=config.model, api_key=config.api_key)
        assert config.api_key == (loaded.study.llm.api_key or LLM_KEY)
        validator = make_validator(store, study_catalog=active.study.catalog, settings=load_settings(layout.settings_file))
        with LlmClient(config, memory=ProviderMemory()) as client:
            service = TurnService(store, client, validator, "mark")
            cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")
            result = service.run_turn(cid, "비 오는 날 노래")
            assert result.status == "complete" and {t.verdict for t in result.tracks} & {"verified", "not_found"}
            llm.fail_next("server_error", times=3)  # as sent, again, then one mode lower
            with pytest.raises(errors.ServerError):
                service.run_turn(cid, "하나 더")
        diary.save_entry(store, active, 1, {"q1": "오늘의 일기"}, now=NOW)
        try:  # an unhandled error whose text carries the key, as a careless exception might
            raise RuntimeError(f"request failed: Authorization: Bearer {config.api_key} for {layout.root}")
        except RuntimeError:
            logging.getLogger("diaryrec.crash").exception("unhandled error")
        return export_bundle(store, layout.root.parent / "export.zip", now=NOW).path
    finally:
        store.close()


def test_planted_secrets_reach_no_row_log_crash_log_or_export(participant_home, fakes):
    home, layout = participant_home
    llm, spotify = fakes
    setup_logging(layout.logs, logging.DEBUG)  # the app's log file, at its most talkative
    for name in THIRD_PARTY:
        logging.getLogger(name).setLevel(logging.DEBUG)
    bundle = run_the_app(layout, llm)
    assert spotify.count("/api/token") >= 1 and llm.chat_requests  # the secrets really were used

    secrets = [LLM_KEY, SPOTIFY_SECRET, _basic(SPOTIFY_ID, SPOTIFY_SECRET), *ENV_SECRETS.values(), *spotify.tokens]
    assert leaks(database_rows(layout.database), secrets) == []
    assert leaks(layout.settings_file.read_bytes(), secrets) == []

    log = (layout.logs / "diaryrec.log").read_bytes()
    assert b"unhandled error" in log and b"Traceback" in log and b"[redacted]" in log  # the crash was logged, redacted
    assert b"turn failed" in log  # and so was the failed turn
    assert leaks(log, secrets) == []

    private = [str(home), USER]
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert "data.json" in names and "manifest.json" in names
        for name in names:
            blob = archive.read(name)
            assert leaks(blob, secrets + private) == [], name
            assert leaks(name.encode(), private) == []


def test_third_party_debug_logs_routed_to_the_log_file_are_redacted(participant_home, fakes):
    home, layout = participant_home
    llm, spotify = fakes
    setup_logging(layout.logs, logging.DEBUG)
    [handler] = [h for h in logging.getLogger("diaryrec").handlers if getattr(h, "_diaryrec", False)]
    try:
        for name in THIRD_PARTY:  # as a debug switch that sends every library's log to the file would
            logging.getLogger(name).setLevel(logging.DEBUG)
            logging.getLogger(name).addHandler(handler)
        run_the_app(layout, llm)
    finally:
        for name in THIRD_PARTY:
            logging.getLogger(name).removeHandler(handler)
    log = (layout.logs / "diaryrec.log").read_bytes()
    assert b"spotipy" in log and b"openai" in log  # the libraries' lines really are in the file
    assert leaks(log, [LLM_KEY, *ENV_SECRETS.values()]) == []  # openai and httpx never print the key
    assert leaks(log, [SPOTIFY_SECRET, _basic(SPOTIFY_ID, SPOTIFY_SECRET), *spotify.tokens]) == []


def test_a_study_file_key_reaches_no_database_row(participant_home, fakes):
    home, layout = participant_home
    llm, spotify = fakes
    text = load_default_study().text.replace('api_key = ""', f'api_key = "{STUDY_KEY}"', 1)
    llm.api_key = STUDY_KEY
    setup_logging(layout.logs, logging.DEBUG)
    bundle = run_the_app(layout, llm, study_text=text)
    with zipfile.ZipFile(bundle) as archive:
        assert all(STUDY_KEY.encode() not in archive.read(n) for n in archive.namelist())
    assert STUDY_KEY.encode() not in (layout.logs / "diaryrec.log").read_bytes()
    assert leaks(database_rows(layout.database), [STUDY_KEY]) == []
