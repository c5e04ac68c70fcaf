from diaryrec.research.scrub import DATA_FOLDER, HOME, REDACTED, USER, Scrubber, known_secrets
from diaryrec.secrets import SecretName, set_secret


def scrubber(tmp_path, user="kim"):
    home = tmp_path / "home" / user
    return Scrubber(home / "data", ["sk-1234567890abcdef", "shh-secret-value"], user=user, home=home), home


def test_secrets_paths_and_the_user_name_are_replaced(tmp_path):
    scrub, home = scrubber(tmp_path)
    assert scrub.text("key sk-1234567890abcdef and shh-secret-value") == f"key {REDACTED} and {REDACTED}"
    assert scrub.text(f"{home}/data/screenshots/a.png") == f"{DATA_FOLDER}/screenshots/a.png"
    assert scrub.text(f"{home}/Music") == f"{HOME}/Music"
    assert scrub.text("C:\\Users\\kim\\AppData and /Users/kim/Library") == f"C:\\Users\\{USER}\\AppData and /Users/{USER}/Library"
    assert scrub.text("kim") == USER
    assert scrub.value({"path": f"{home}/x", "list": ["kim", 3], "n": None}) == {"path": f"{HOME}/x", "list": [USER, 3], "n": None}


def test_the_participants_own_words_are_kept(tmp_path):
    scrub, _ = scrubber(tmp_path, user="music")
    assert scrub.text("I love music at night, 밤에 듣는 음악") == "I love music at night, 밤에 듣는 음악"
    assert scrub.text("Authorization: Bearer abc.def") != "Authorization: Bearer abc.def"


def test_known_secrets_come_from_the_keyring_and_the_environment(monkeypatch, memory_keyring):
    set_secret(SecretName.LLM_API_KEY, "keyring-key-123456")
    monkeypatch.setenv("SOME_API_TOKEN", "env-token-123456")
    monkeypatch.setenv("SHORT_KEY", "abc")  # too short to be told from a word
    secrets = known_secrets(["study-file-key"])
    assert {"keyring-key-123456", "env-token-123456", "study-file-key"} <= secrets
    assert "abc" not in secrets
