"""packaging/linux/apt.sh: a package install that finds apt locked (a freshly booted
machine runs unattended upgrades) waits for the lock instead of failing at once."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APT_SH = ROOT / "packaging" / "linux" / "apt.sh"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Debian scripts run on Linux")

HOLD = """
import fcntl, sys, time
handle = open(sys.argv[1], "w")
fcntl.lockf(handle, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def wait_for(lock: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], float]:
    script = f'. "{APT_SH}"; wait_for_apt; echo free'
    started = time.monotonic()
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "APT_LOCKS": str(lock), "APT_LOCK_POLL_S": "1", **env})
    return result, time.monotonic() - started


def test_a_held_lock_is_waited_for_until_it_is_released(tmp_path: Path):
    lock = tmp_path / "lock-frontend"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lock), "2"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result, took = wait_for(lock)
    finally:
        holder.wait(timeout=10)
    assert result.returncode == 0, result.stderr
    assert "waiting for it to finish" in result.stderr
    assert result.stdout.strip() == "free"
    assert took >= 1.0  # it really waited for the holder (which let go after 2 s)


def test_a_free_lock_costs_nothing_and_says_nothing(tmp_path: Path):
    lock = tmp_path / "lock-frontend"
    lock.touch()
    result, _ = wait_for(lock)
    assert result.returncode == 0 and result.stdout.strip() == "free"
    assert result.stderr == ""


def test_a_lock_held_too_long_gives_up_waiting_and_says_so(tmp_path: Path):
    lock = tmp_path / "lock-frontend"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lock), "30"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result, took = wait_for(lock, APT_LOCK_WAIT_S="1")
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert "still locked after 1s" in result.stderr
    assert took < 20
