"""The one loopback HTTP server both fakes are built on.

A subclass routes requests by overriding ``handle(request) -> Response``; the server
runs in its own daemon thread on 127.0.0.1 with a free port, and ``stop()`` (or the
context manager) shuts it down and joins the thread.
"""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterable, Iterator
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default


@dataclass
class Response:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: stream the body chunk by chunk (Server-Sent Events); no Content-Length
    stream: bool = False

    @classmethod
    def json(cls, payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> "Response":
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        return cls(status=status, body=data, headers={"Content-Type": "application/json", **(headers or {})})


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"
    # headers and body go out in separate writes; without this, Nagle holds the body ~40 ms
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        owner = self.server.owner
        owner.requests.append(request)
        try:
            response = owner.handle(request)
        except Exception as exc:  # noqa: BLE001 - a fake's bug becomes a 500, not a hang
            response = Response.json({"error": {"message": f"fake server error: {exc}"}}, status=500)
        self._send(response)

    def _send(self, response: Response) -> None:
        try:
            self.send_response(response.status)
            for key, value in response.headers.items():
                self.send_header(key, value)
            if response.stream:
                self.send_header("Connection", "close")
                self.end_headers()
                chunks = response.body if not isinstance(response.body, bytes) else [response.body]
                for chunk in chunks:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                self.close_connection = True
            else:
                data = response.body if isinstance(response.body, bytes) else b"".join(response.body)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away (cancel, timeout): fine

    do_GET = do_POST = do_PUT = do_DELETE = _dispatch  # noqa: N815


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # a reply's ten concurrent catalog checks must not queue behind a backlog of 5
    request_queue_size = 64
    owner: "LoopbackServer"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def get_request(self) -> tuple[socket.socket, Any]:
        request, address = super().get_request()
        with self._open_lock:
            self._open.add(request)
        return request, address

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def end_connections(self) -> None:
        """Wake every handler thread still waiting on a kept-alive connection, so a
        stopped fake leaves no thread behind."""
        with self._open_lock:
            open_now = list(self._open)
        for request in open_now:
            try:
                request.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # the client closed it already


class LoopbackServer:
    """Base of the fakes: ``with FakeX() as fake: fake.url …``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self._server = _Server((host, port), _Handler)
        self._server.owner = self
        self._thread: threading.Thread | None = None
        self.requests: list[Request] = []

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, request: Request) -> Response:  # pragma: no cover - overridden
        return Response.json({"error": "not found"}, status=404)

    def start(self) -> "LoopbackServer":
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name=type(self).__name__, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.end_connections()
        self._server.server_close()

    def __enter__(self) -> "LoopbackServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def sse(events: Iterable[Any]) -> Iterator[bytes]:
    """Server-Sent Events framing for JSON payloads (and the literal ``[DONE]``)."""
    for event in events:
        data = event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)
        yield f"data: {data}\n\n".encode("utf-8")
