"""Stopping a reply at once.

Closing an httpx response from another thread does not wake a thread blocked in
``recv``; shutting the socket down does. The client opens one connection per
request (no keep-alive) and an httpcore trace hands that connection's socket to the
request's ``CancelToken``, so ``cancel()`` from the GUI thread ends the read within
milliseconds, whether the server has sent nothing yet or is mid-stream.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Iterator
from typing import Any

log = logging.getLogger(__name__)
_current = threading.local()


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._streams: list[Any] = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            streams, self._streams = self._streams, []
        for stream in streams:
            _shutdown(stream)

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when cancelled meanwhile."""
        return self._event.wait(seconds)

    def attach(self, stream: Any) -> None:
        with self._lock:
            if not self._event.is_set():
                self._streams.append(stream)
                return
        _shutdown(stream)

    def detach_all(self) -> None:
        with self._lock:
            self._streams = []


def _shutdown(stream: Any) -> None:
    try:
        sock = stream.get_extra_info("socket")
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing left to stop
    except Exception:  # noqa: BLE001 - a backend without sockets; the read timeout still ends it
        log.debug("could not shut down a stream's socket", exc_info=True)


@contextlib.contextmanager
def active(token: CancelToken | None) -> Iterator[None]:
    """Requests made by this thread inside the block belong to ``token``."""
    previous = getattr(_current, "token", None)
    _current.token = token
    try:
        yield
    finally:
        _current.token = previous


def _trace(event: str, info: dict[str, Any]) -> None:
    if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
        token = getattr(_current, "token", None)
        stream = info.get("return_value")
        if token is not None and stream is not None:
            token.attach(stream)


def request_hook(request: Any) -> None:
    """httpx "request" event hook: lets the trace above see the new connection."""
    if getattr(_current, "token", None) is not None:
        request.extensions["trace"] = _trace
