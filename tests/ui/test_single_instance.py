"""One window per data folder: a second start hands over to the first, and a lock
left by a crash does not block."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from diaryrec.ui.single_instance import LOCK_NAME, claim, server_name

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **kwargs) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def test_the_folder_is_held_once_and_free_again_after_release(qapp, tmp_path: Path):
    first = claim(tmp_path)
    assert first is not None
    try:
        assert claim(tmp_path) is None
        assert claim(tmp_path / "another study") is not None  # another folder is another study
    finally:
        first.release()
    again = claim(tmp_path)
    assert again is not None
    again.release()


def test_a_lock_left_by_a_crash_does_not_block(qapp, tmp_path: Path):
    holder = run_python(f"""
        from diaryrec.ui.single_instance import claim
        instance = claim({str(tmp_path)!r})
        print("held" if instance else "refused", flush=True)
        import time; time.sleep(60)
    """)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert claim(tmp_path) is None  # alive: really held
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        holder.kill()
        holder.communicate(timeout=10)
    assert (tmp_path / LOCK_NAME).exists()  # the crash left it behind
    instance = claim(tmp_path)
    assert instance is not None, "a stale lock blocked the next start"
    instance.release()


def test_a_second_start_brings_the_first_window_forward(qtbot, tmp_path: Path):
    first = claim(tmp_path)
    assert first is not None and first.listen()
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=10_000):
            second = run_python(f"""
                from PySide6.QtCore import QCoreApplication
                app = QCoreApplication([])
                from diaryrec.ui.single_instance import claim, hand_over
                assert claim({str(tmp_path)!r}) is None
                print("handed over" if hand_over({str(tmp_path)!r}) else "not heard", flush=True)
            """)
            out, err = second.communicate(timeout=30)
        assert out.strip() == "handed over", err
    finally:
        first.release()


def test_the_server_name_is_short_and_names_the_folder(tmp_path: Path):
    assert server_name(tmp_path) == server_name(tmp_path / ".." / tmp_path.name)
    assert server_name(tmp_path) != server_name(tmp_path / "other")
    assert len(server_name(tmp_path)) < 40


def test_starting_the_app_twice_on_one_folder_brings_the_first_window_forward(tmp_path: Path):
    """Two real starts of diaryrec, as a double-click twice does: the second hands over
    and ends; the first window stays the only one and logs that it was asked forward."""
    folder = tmp_path / "참가자 데이터"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "DIARYREC_DATA_DIR": str(folder)}
    first = subprocess.Popen([sys.executable, "-m", "diaryrec"], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    log_file = folder / "logs" / "diaryrec.log"
    socket = Path(tempfile.gettempdir()) / server_name(folder)  # where QLocalServer listens on Linux
    try:
        deadline = time.monotonic() + 60
        while not (socket.exists() and log_file.exists()):
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first start never opened its data folder"
            time.sleep(0.2)
        second = subprocess.run([sys.executable, "-m", "diaryrec"], env=env, text=True, capture_output=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already open with this data folder" in second.stdout
        deadline = time.monotonic() + 20
        while "a second start on this data folder" not in log_file.read_text(encoding="utf-8", errors="replace"):
            assert time.monotonic() < deadline, "the first window was never asked to come forward"
            time.sleep(0.2)
        assert first.poll() is None  # the first window goes on
    finally:
        first.terminate()
        first.communicate(timeout=30)
