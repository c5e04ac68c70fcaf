"""Fixtures every test gets: a temporary data folder, an in-memory keyring and the
offscreen Qt platform. No test may touch the participant's real data or secrets."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "0")

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import pytest  # noqa: E402

# The catalog data the tests need travels with the repository (tests/data/README.md).
TEST_DATA = Path(__file__).resolve().parent / "data"
CATALOG_CSV = TEST_DATA / "spotify_songs.csv.gz"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            import keyring.errors

            raise keyring.errors.PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    from diaryrec.secrets import forget_session_secrets

    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    forget_session_secrets()
    yield backend
    keyring.set_keyring(previous)
    forget_session_secrets()  # keys held without a keyring last one test, as they last one start


@pytest.fixture(autouse=True)
def clean_log_secrets():
    from diaryrec.logs import forget_secrets

    forget_secrets()
    yield
    forget_secrets()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's data folder is temporary; reaching for the real one fails the test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DIARYREC_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))

    def forbidden() -> Path:
        raise AssertionError("a test reached for the real per-user data folder")

    import diaryrec.paths

    monkeypatch.setattr(diaryrec.paths, "default_data_dir", forbidden)
    return folder


@pytest.fixture(autouse=True)
def no_real_musicbrainz(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a Spotify app the catalog check asks MusicBrainz: in tests it asks a
    closed port on this machine (unreachable at once) unless a test starts the fake."""
    monkeypatch.setenv("DIARYREC_MUSICBRAINZ_API_URL", "http://127.0.0.1:9/ws/2/")


@pytest.fixture
def layout(data_dir: Path):
    from diaryrec.paths import DataLayout

    return DataLayout(data_dir).ensure()


@pytest.fixture
def store(layout):
    from diaryrec.store import open_store

    opened = open_store(layout)
    yield opened
    opened.close()


@pytest.fixture
def default_study():
    from diaryrec.protocol import load_default_study

    return load_default_study()


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def no_leftover_threads():
    """A test fails when it leaves a thread running (napari's rule): a Python thread,
    daemon or not (the sandbox's loopback servers), or a busy Qt pool worker."""
    from leftovers import leftover_work, running_threads

    before = running_threads()
    yield
    left = leftover_work(before)
    assert not left, f"left running: {left}"
