"""The start-up benchmarks' hook: the real app prints one line once the home screen is
painted with its data, then quits by itself."""

import datetime as dt
import os
import subprocess
import sys

from diaryrec.paths import DataLayout
from diaryrec.services.study import join_study
from diaryrec.store import open_store


def _start(data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DIARYREC_EXIT_WHEN_HOME_SHOWN": "1",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    return subprocess.run([sys.executable, "-m", "diaryrec", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_the_app_reports_its_home_screen_and_quits(tmp_path, default_study):
    empty = _start(tmp_path / "empty")
    assert empty.returncode == 0 and empty.stdout.strip() == "diaryrec: home shown"
    store = open_store(DataLayout(tmp_path / "joined"))
    join_study(store, default_study, "P01", now=dt.datetime.now(dt.timezone.utc), zone_name="UTC")
    store.close()
    joined = _start(tmp_path / "joined")
    assert joined.returncode == 0 and joined.stdout.strip() == "diaryrec: home shown", joined.stderr[-2000:]
