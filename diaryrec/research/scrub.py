"""What must never leave the participant's computer in an export: API keys and client
secrets, the data folder's path, the home folder and the OS user name.

Secrets are known values (the keyring's, the study file's, key-like environment
variables) plus the shapes ``diaryrec.logs.redact`` knows. The user name is removed
where the OS puts it: inside paths (``/home/NAME/``, ``C:\\Users\\NAME\\``) and as a
whole field value. It is not replaced inside the participant's own free text, where
a short user name such as "music" or "student" is an ordinary word of the data.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from diaryrec.logs import redact
from diaryrec.secrets import SecretName, get_secret

REDACTED = "[redacted]"
DATA_FOLDER = "<data folder>"
HOME = "<home>"
USER = "<user>"
_SECRET_ENV = re.compile(r"(KEY|SECRET|TOKEN|PASSWORD|PASSWD)", re.IGNORECASE)
MIN_SECRET = 6  # shorter "secrets" would blank out ordinary words


def os_user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name known: nothing to scrub
        return ""


def known_secrets(extra: Iterable[str] = ()) -> set[str]:
    values = {get_secret(name) for name in SecretName}
    values.update(v for k, v in os.environ.items() if _SECRET_ENV.search(k))
    values.update(extra)
    return {v for v in values if v and len(v) >= MIN_SECRET}


class Scrubber:
    def __init__(self, data_dir: Path, secrets: Iterable[str], user: str | None = None, home: Path | None = None):
        user = os_user_name() if user is None else user
        home = Path.home() if home is None else home
        self.secrets = sorted(set(secrets), key=len, reverse=True)
        self.user = user
        paths: dict[str, str] = {}
        for folder, label in ((data_dir, DATA_FOLDER), (home, HOME)):
            for variant in {str(folder), str(Path(folder).resolve()), str(folder).replace("\\", "/")}:
                if len(variant) > 1:  # never "/"
                    paths[variant] = label
        self.paths = sorted(paths.items(), key=lambda kv: len(kv[0]), reverse=True)
        self._user_in_path = (
            re.compile(r"(?i)([\\/](?:home|users|Users)[\\/])" + re.escape(user) + r"(?=[\\/]|\b)") if user else None
        )
        self._user_segment = re.compile(r"(?<=[\\/])" + re.escape(user) + r"(?=[\\/])") if user else None

    def text(self, value: str) -> str:
        for secret in self.secrets:
            if secret in value:
                value = value.replace(secret, REDACTED)
        value = redact(value)
        for path, label in self.paths:
            if path in value:
                value = value.replace(path, label)
        if self.user:
            if value == self.user:
                return USER
            if self.user in value:
                value = self._user_in_path.sub(r"\1" + USER, value)  # type: ignore[union-attr]
                value = self._user_segment.sub(USER, value)  # type: ignore[union-attr]
        return value

    def value(self, value: Any) -> Any:
        """Scrub every string inside JSON-like data (dict keys too)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.text(k) if isinstance(k, str) else k: self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value
