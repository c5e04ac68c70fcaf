"""One window per data folder.

A participant double-clicks the icon twice, or once more while the app sits behind
another window. A second window on the same data folder would write the same drafts,
so a second start hands over to the first and quits: the running window comes to
the front.

The first start holds a ``QLockFile`` in the data folder (its process id inside, so a
lock left by a crash is found stale and taken over) and listens on a ``QLocalServer``
named after the folder. A later start that cannot take the lock connects to that
server, asks the running window to come forward, and ends. ``QtNetwork`` is imported
only when it is needed: after the first paint (the server), or by the second start.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

log = logging.getLogger(__name__)

LOCK_NAME = "diaryrec.lock"
_RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    """A name for the folder, the same for every start of this user on this folder
    (local socket names are short on macOS: 104 bytes for the whole path)."""
    import hashlib  # here: loading OpenSSL costs the first paint 5 ms, and the name is needed after it

    key = os.path.normcase(str(Path(data_dir).resolve()))
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return "diaryrec-" + hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:24]


class Instance(QObject):
    """The running app's hold on its data folder."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, lock: QLockFile):
        super().__init__()
        self.data_dir = Path(data_dir)
        self._lock = lock
        self._server = None

    def listen(self) -> bool:
        """Answer later starts (after the first paint: QtNetwork costs it ~10 ms)."""
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a crash (we hold the lock: it is not live)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("a second start cannot reach this window: %s", server.errorString())
            return False
        server.newConnection.connect(self._answer)
        self._server = server
        return True

    def _answer(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            # the message is one short line, usually there already; else it follows
            if not self._read(socket):
                socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket) -> bool:  # noqa: ANN001 - QLocalSocket
        if not bytes(socket.peek(len(_RAISE)).data()).startswith(_RAISE):
            return False
        socket.readAll()
        log.info("a second start on this data folder: bringing the window forward")
        self.activation_requested.emit()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def claim(data_dir: Path) -> Instance | None:
    """The folder's lock, or None when another running diaryrec holds it. A folder
    that cannot be written (made, locked) goes on without a lock: the store then
    says in words what is wrong with it."""
    folder = Path(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("the data folder %s cannot be made (%s): going on without the lock", folder, exc)
    lock = QLockFile(str(folder / LOCK_NAME))
    # stale by its process id only (a crash), never by age: a study runs for weeks
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return Instance(folder, lock)
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    log.warning("the data folder lock cannot be written (%s): going on without it", lock.error())
    return Instance(folder, lock)


def hand_over(data_dir: Path, timeout_ms: int = 2000) -> bool:
    """Ask the running window on ``data_dir`` to come forward; True when it heard."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_RAISE)
    sent = socket.waitForBytesWritten(timeout_ms)  # in the socket: the running app reads it even after we quit
    socket.disconnectFromServer()
    return sent
