"""Named loggers and one log file in the data folder that a participant can attach
to an e-mail; keys and Authorization headers are redacted before anything is written."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_PATTERNS = [
    # "Authorization: Bearer x", "authorization=x" and the dict form {'Authorization': 'Basic x'}
    (re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(bearer |basic )?\s*[^\s,'\"}]+"), r"\1\2[redacted]"),
    (re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}"), "sk-[redacted]"),
    (re.compile(r"(?i)((?:api[_-]?key|client[_-]?secret|access[_-]?token|password)\s*['\"]?\s*[:=]\s*['\"]?)[^\s,'\"}&]+"), r"\1[redacted]"),
]
_extra_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Make sure ``value`` never reaches a log line, whatever shape it has."""
    if value and len(value) >= 8:  # shorter values would redact ordinary words
        _extra_secrets.add(value)


def forget_secrets() -> None:
    """Drop the registered values (a new data folder or test starts clean)."""
    _extra_secrets.clear()


def redact(text: str) -> str:
    for secret in _extra_secrets:
        text = text.replace(secret, "[redacted]")
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(log_dir: Path | None, level: int = logging.INFO) -> None:
    root = logging.getLogger("diaryrec")
    root.setLevel(level)
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in list(root.handlers):
        if getattr(handler, "_diaryrec", False):
            root.removeHandler(handler)
            handler.close()
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir / "diaryrec.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(formatter)
        handler._diaryrec = True  # type: ignore[attr-defined]
        root.addHandler(handler)
