"""API keys and client secrets, kept in the OS keyring and nowhere else.

Never in the database, the settings file, a log or an export. Where the OS has no
keyring backend (a bare Linux box without Secret Service), saving says so plainly.
"""

from __future__ import annotations

import logging
from enum import StrEnum

import keyring
import keyring.errors
from keyring.backends import fail

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError

log = logging.getLogger(__name__)
SERVICE = "diaryrec"


class SecretName(StrEnum):
    LLM_API_KEY = "llm_api_key"
    SPOTIFY_CLIENT_SECRET = "spotify_client_secret"
    # keys a researcher put in the study file: moved here when the participant joins
    STUDY_LLM_API_KEY = "study_llm_api_key"
    STUDY_SPOTIFY_CLIENT_SECRET = "study_spotify_client_secret"


class NoKeyringError(UserError):
    pass


def _backend_available() -> bool:
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


def keyring_status() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def get_secret(name: SecretName) -> str:
    """The stored secret, or "" when none is stored or no keyring exists."""
    if not _backend_available():
        return ""
    try:
        return keyring.get_password(SERVICE, str(name)) or ""
    except keyring.errors.KeyringError as exc:
        log.warning("keyring read failed for %s: %s", name, type(exc).__name__)
        return ""


def set_secret(name: SecretName, value: str) -> None:
    if not _backend_available():
        raise NoKeyringError(
            QT_TRANSLATE_NOOP("UserError", "This computer has no password store (keyring) that diaryrec can use, so the key cannot be saved."),
            hint=QT_TRANSLATE_NOOP(
                "UserError",
                "On Linux install and unlock a Secret Service keyring (GNOME Keyring or KWallet), "
                "or ask the research team for a study file that carries the key.",
            ),
        )
    try:
        if value:
            keyring.set_password(SERVICE, str(name), value)
        else:
            delete_secret(name)
    except keyring.errors.KeyringError as exc:
        raise NoKeyringError(
            QT_TRANSLATE_NOOP("UserError", "The password store refused to save the key ({kind})."), kind=type(exc).__name__
        ) from exc


def delete_secret(name: SecretName) -> None:
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
