"""API keys and client secrets, kept in the OS keyring and nowhere else on disk.

Never in the database, the settings file, a log or an export. Where the OS has no
keyring that diaryrec can use (a bare Linux box without Secret Service, or a keyring
that refuses), a typed key is held in this process's memory only, for this session:
``set_secret`` answers ``Keeping.SESSION`` and the screens say plainly that it must be
typed again at the next start. Nothing is ever written in plain text instead.
"""

from __future__ import annotations

import logging
import threading
from enum import StrEnum

import keyring
import keyring.errors
from keyring.backends import fail

from diaryrec.errors import UserError

log = logging.getLogger(__name__)
SERVICE = "diaryrec"


class SecretName(StrEnum):
    LLM_API_KEY = "llm_api_key"
    SPOTIFY_CLIENT_SECRET = "spotify_client_secret"
    # keys a researcher put in the study file: moved here when the participant joins
    STUDY_LLM_API_KEY = "study_llm_api_key"
    STUDY_SPOTIFY_CLIENT_SECRET = "study_spotify_client_secret"


class Keeping(StrEnum):
    """Where ``set_secret`` kept a key."""

    KEYRING = "keyring"  # the OS password store: still there at the next start
    SESSION = "session"  # this process's memory only: gone when diaryrec closes


class NoKeyringError(UserError):
    pass


# keys typed while no keyring could keep them: this process only, never on disk
_session: dict[SecretName, str] = {}
_session_lock = threading.Lock()


def _backend_available() -> bool:
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken keyring set-up is "no keyring"
        log.warning("no keyring backend: %s", type(exc).__name__)
        return False
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


def keyring_available() -> bool:
    """Whether keys typed now are still there at the next start (may ask the OS: call
    it from a worker)."""
    return _backend_available()


def keyring_status() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def held_for_session() -> bool:
    """Some key is held in memory only: it must be typed again at the next start."""
    with _session_lock:
        return any(_session.values())


def forget_session_secrets() -> None:
    """Drop the keys held for this session (the tests; the app simply ends)."""
    with _session_lock:
        _session.clear()


def _hold(name: SecretName, value: str) -> Keeping:
    with _session_lock:
        if value:
            _session[name] = value
        else:
            _session.pop(name, None)
    return Keeping.SESSION


def get_secret(name: SecretName) -> str:
    """The secret: one held for this session, else the keyring's, else ""."""
    with _session_lock:
        held = _session.get(name, "")
    if held or not _backend_available():
        return held
    try:
        return keyring.get_password(SERVICE, str(name)) or ""
    except keyring.errors.KeyringError as exc:
        log.warning("keyring read failed for %s: %s", name, type(exc).__name__)
        return ""


def set_secret(name: SecretName, value: str) -> Keeping:
    """Keep ``value`` ("" deletes) in the keyring; where there is none, or it refuses,
    in memory for this session. Returns where it went."""
    if not _backend_available():
        log.info("no keyring: %s held for this session only", name)
        return _hold(name, value)
    try:
        if value:
            keyring.set_password(SERVICE, str(name), value)
        else:
            delete_secret(name)
    except keyring.errors.KeyringError as exc:
        log.warning("the keyring refused %s (%s): held for this session only", name, type(exc).__name__)
        return _hold(name, value)
    _hold(name, "")  # the keyring has it now
    return Keeping.KEYRING


def delete_secret(name: SecretName) -> None:
    _hold(name, "")
    if not _backend_available():
        return
    try:
        keyring.delete_password(SERVICE, str(name))
    except keyring.errors.PasswordDeleteError:
        pass


def mask(secret: str) -> str:
    """What a secret looks like on screen: its last four characters at most."""
    if not secret:
        return ""
    tail = secret[-4:] if len(secret) >= 12 else ""
    return "•" * 8 + tail
