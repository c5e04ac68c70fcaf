"""``diaryrec catalog check`` against the fake, in process and as a real process."""

import io
import json
import os
import subprocess
import sys

import pytest

from diaryrec.__main__ import main

LINES = [
    {"title": "Memories", "artist": "Maroon 5", "album": None, "year": None},
    {"title": "피카부", "artist": "Red Velvet", "album": "Perfect Velvet", "year": 2016},
    {"title": "Shape of You", "artist": "Justin Bieber", "album": None, "year": None},
    {"title": "Velvet Lanterns", "artist": "The Imaginary Foxes", "album": None, "year": None},
]


@pytest.fixture
def spotify_env(fake, monkeypatch):
    for key, value in fake.env().items():
        monkeypatch.setenv(key, value)
    return fake


def write_input(tmp_path, lines, extra=""):
    path = tmp_path / "suggestions.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n" + extra, encoding="utf-8")
    return path


def run(capsys, *args):
    code = main(["catalog", "check", *args])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured


def test_one_line_out_per_line_in_in_input_order(spotify_env, tmp_path, capsys):
    code, out, captured = run(capsys, str(write_input(tmp_path, LINES)), "--market", "kr", "--concurrency", "3")
    assert code == 0
    assert [(o["title"], o["artist"]) for o in out] == [(x["title"], x["artist"]) for x in LINES]
    assert [o["verdict"] for o in out] == ["verified", "verified", "not_found", "not_found"]
    for o in out:
        assert set(o) >= {"title", "artist", "album", "year", "verdict", "track", "score", "discrepancies", "suggestion", "reason"}
    assert set(out[0]["track"]) == {"catalog", "id", "name", "artists", "album", "release_date", "url", "image_url", "duration_ms"}
    assert out[0]["catalog"] == "spotify" and out[0]["track"]["catalog"] == "spotify"
    assert out[1]["track"]["name"] == "피카부 Peek-A-Boo" and out[1]["discrepancies"] == [
        {"field": "year", "suggested": 2016, "catalog": 2017}]
    assert out[2]["suggestion"]["artists"] == ["Ed Sheeran"] and out[2]["track"] is None
    assert "피카부" in captured.out  # Korean stays readable, not \\u escapes
    assert all(r.arg("market") == "KR" for r in spotify_env.requests if r.path == "/v1/search")


def test_standard_input_and_bad_lines_stay_in_place(spotify_env, capsys, monkeypatch):
    text = json.dumps(LINES[0]) + "\nnot json\n" + json.dumps({"title": "x"}) + "\n" + json.dumps(LINES[2]) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert [o["verdict"] for o in out] == ["verified", "invalid", "invalid", "not_found"]
    assert "not JSON" in out[1]["reason"] and "title and artist" in out[2]["reason"]


def test_answers_are_cached_in_the_data_folder_unless_told_not_to(spotify_env, tmp_path, capsys):
    path = str(write_input(tmp_path, LINES))
    run(capsys, path)
    count = len(spotify_env.requests)
    code, cached, _ = run(capsys, path)
    assert code == 0 and len(spotify_env.requests) == count
    code, fresh, _ = run(capsys, path, "--no-cache")
    assert len(spotify_env.requests) > count
    assert [o["verdict"] for o in cached] == [o["verdict"] for o in fresh]


def test_without_spotify_credentials_musicbrainz_checks_and_each_line_names_it(tmp_path, capsys, monkeypatch):
    """Issue 14: checking is never off. No Spotify app: MusicBrainz answers (its loopback
    fake here), and every line carries the catalog and the catalog's own id (an MBID)."""
    import re

    from diaryrec.sandbox.musicbrainz_fake import MusicBrainzFake
    from tests.integration.catalog.test_musicbrainz_fake import csv_data

    for name in ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with MusicBrainzFake(csv_data()) as open_catalog:
        monkeypatch.setenv("DIARYREC_MUSICBRAINZ_API_URL", open_catalog.api_url)
        code, _, captured = run(capsys, str(write_input(tmp_path, LINES)))
        # no study joined, so no researcher e-mail: MusicBrainz refuses, and the one line says what to do
        assert code != 0 and "User-Agent" in captured.err and "Traceback" not in captured.err
        code, out, captured = run(capsys, str(write_input(tmp_path, LINES)), "--contact", "researcher@example.org")
        assert code == 0, captured.err
        assert [o["verdict"] for o in out] == ["verified", "verified", "not_found", "not_found"]
        assert {o["catalog"] for o in out} == {"musicbrainz"}
        for o in out[:2]:
            assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", o["track"]["id"])
            assert o["track"]["catalog"] == "musicbrainz" and o["track"]["url"].startswith("https://musicbrainz.org/recording/")
        assert all(r.headers.get("user-agent", "").startswith("diaryrec/") for r in open_catalog.requests)
        assert open_catalog.throttled == 0  # one request a second, however the reply was checked
        asked = len(open_catalog.requests)
        # the cache answers the same lines again without a request, also for MusicBrainz
        code, again, _ = run(capsys, str(write_input(tmp_path, LINES)), "--contact", "researcher@example.org")
        assert [o["track"] for o in again] == [o["track"] for o in out]
        assert len(open_catalog.requests) == asked


def test_asking_for_spotify_without_credentials_stops_with_one_line(tmp_path, capsys, monkeypatch):
    for name in ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    code = main(["catalog", "check", str(write_input(tmp_path, LINES)), "--catalog", "spotify"])
    err = capsys.readouterr().err
    assert code != 0 and len(err.strip().splitlines()) == 1 and "DIARYREC_SPOTIFY_CLIENT_ID" in err


def test_rejected_credentials_stop_with_one_line(spotify_env, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "wrong")
    code = main(["catalog", "check", str(write_input(tmp_path, LINES)), "--no-cache"])
    captured = capsys.readouterr()
    assert code != 0 and captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "rejected" in captured.err


def test_an_unreachable_catalog_is_a_result_not_a_failure(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_ID", "id")
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "unreachable-catalog-key")
    monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", "http://127.0.0.1:9/v1/")
    monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", "http://127.0.0.1:9/api/token")
    code, out, _ = run(capsys, str(write_input(tmp_path, LINES[:2])))
    assert code == 0 and [o["verdict"] for o in out] == ["unchecked", "unchecked"]
    assert out[0]["reason"]


def test_as_a_real_process_reading_standard_input(spotify_env, tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "diaryrec", "--data-dir", str(tmp_path / "d"), "catalog", "check", "-"],
        input=json.dumps(LINES[1], ensure_ascii=False) + "\n", capture_output=True, text=True, encoding="utf-8",
        env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["track"]["name"] == "피카부 Peek-A-Boo"


def test_credentials_and_market_from_the_joined_study(fake, data_dir, capsys, monkeypatch, tmp_path):
    from diaryrec.paths import DataLayout
    from diaryrec.protocol import default_study_path, parse_study_text
    from diaryrec.services.study import join_study
    from diaryrec.store import open_store
    from diaryrec.store.types import utcnow

    for name in ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", fake.api_url)
    monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", fake.token_url)
    text = default_study_path().read_text(encoding="utf-8")
    text = text.replace('client_id = ""', f'client_id = "{fake.client_id}"', 1)
    text = text.replace('client_secret = ""', f'client_secret = "{fake.client_secret}"', 1)
    store = open_store(DataLayout(data_dir))
    try:
        join_study(store, parse_study_text(text), "P01", now=utcnow(), zone_name="Asia/Seoul")
    finally:
        store.close()
    code, out, _ = run(capsys, str(write_input(tmp_path, LINES[:1])), "--no-cache")
    assert code == 0 and out[0]["verdict"] == "verified"
    assert {r.arg("market") for r in fake.requests if r.path == "/v1/search"} == {"KR"}  # the study's market
