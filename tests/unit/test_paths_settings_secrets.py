import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from diaryrec import paths
from diaryrec.logs import redact, register_secret
from diaryrec.secrets import NoKeyringError, SecretName, get_secret, mask, set_secret
from diaryrec.settings import Settings, load_settings, save_settings


def test_data_dir_precedence(monkeypatch, tmp_path, data_dir):
    assert paths.resolve_data_dir() == data_dir.resolve()
    assert paths.resolve_data_dir(tmp_path / "cli") == (tmp_path / "cli").resolve()
    monkeypatch.delenv("DIARYREC_DATA_DIR")
    with pytest.raises(AssertionError, match="real per-user data folder"):
        paths.resolve_data_dir()


def test_shipped_folders_are_found():
    assert (paths.resources_dir() / "protocols" / "yun-lim-2025.toml").is_file()
    assert (paths.templates_dir() / "prompts").is_dir()


def test_secrets_live_in_the_keyring(memory_keyring):
    set_secret(SecretName.LLM_API_KEY, "sk-test-1234567890abcdef")
    assert get_secret(SecretName.LLM_API_KEY) == "sk-test-1234567890abcdef"
    assert ("diaryrec", "llm_api_key") in memory_keyring.store
    set_secret(SecretName.LLM_API_KEY, "")
    assert get_secret(SecretName.LLM_API_KEY) == ""


def test_no_keyring_backend_gives_a_clear_message():
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(NoKeyringError, match="no password store"):
        set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "abc")
    assert get_secret(SecretName.SPOTIFY_CLIENT_SECRET) == ""


def test_mask_shows_at_most_the_tail():
    assert mask("") == ""
    assert mask("short") == "••••••••"
    assert mask("sk-abcdefghijklmnop") == "••••••••mnop"


def test_redaction_of_keys_and_headers():
    register_secret("my-own-secret-value")
    line = redact(
        "POST /v1/chat Authorization: Bearer sk-live-abcdefghijkl api_key=zzz123 "
        'client_secret="qq99" and my-own-secret-value'
    )
    assert "sk-live" not in line and "abcdefghijkl" not in line
    assert "zzz123" not in line and "qq99" not in line and "my-own-secret-value" not in line
    assert "[redacted]" in line


def test_settings_defaults_round_trip_and_damage(tmp_path: Path):
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    settings = Settings(llm_model="gpt-4o", market="KR", reminder_time="21:30", ui_language="ko")
    save_settings(path, settings)
    assert load_settings(path) == settings
    assert json.loads(path.read_text())["schema_version"] == 1
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    path.write_text(json.dumps({"market": "korea", "llm_model": "m", "unknown": 1}))
    loaded = load_settings(path)
    assert loaded.market == "" and loaded.llm_model == "m"
    assert not list(tmp_path.glob(".settings.json.*.tmp"))
