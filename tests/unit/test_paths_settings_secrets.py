import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from diaryrec import paths
from diaryrec.logs import redact, register_secret
from diaryrec.secrets import Keeping, SecretName, get_secret, held_for_session, keyring_available, mask, set_secret
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


def test_without_a_keyring_a_key_is_held_for_this_session_only(tmp_path):
    """Issue 13 item 9: no keyring is no dead end. The key works until diaryrec closes,
    and it is written nowhere (no plain-text file stands in for the keyring)."""
    keyring.set_keyring(fail.Keyring())
    assert not keyring_available()
    assert set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "abc-secret-value") is Keeping.SESSION
    assert get_secret(SecretName.SPOTIFY_CLIENT_SECRET) == "abc-secret-value"
    assert held_for_session()
    assert set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "") is Keeping.SESSION
    assert get_secret(SecretName.SPOTIFY_CLIENT_SECRET) == "" and not held_for_session()


def test_a_keyring_that_refuses_holds_the_key_for_the_session(memory_keyring, monkeypatch):
    import keyring.errors

    def refuse(*_args):
        raise keyring.errors.PasswordSetError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    assert set_secret(SecretName.LLM_API_KEY, "sk-session-only-1234") is Keeping.SESSION
    assert get_secret(SecretName.LLM_API_KEY) == "sk-session-only-1234"
    monkeypatch.undo()
    assert set_secret(SecretName.LLM_API_KEY, "sk-kept-5678") is Keeping.KEYRING  # a keyring again: it keeps it
    assert get_secret(SecretName.LLM_API_KEY) == "sk-kept-5678" and not held_for_session()


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
