"""A real llama.cpp ``llama-server`` on 127.0.0.1 with a tiny generated model
(tests/llama/): built on first use and cached outside the repository, so the first
run on a fresh machine takes minutes (``make test`` builds it before pytest starts).

When it cannot be built here (no compiler, no apt) the tests fail in CI (``CI`` or
``DIARYREC_TEST_LLAMA_REQUIRED`` set: .ci/run sets it) and are skipped with the
reason on a developer's machine: never a silent pass."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from diaryrec.llm import LlmClient, ProviderMemory
from diaryrec.llm.provider import ProviderConfig
from diaryrec.services.turn import TurnService
from diaryrec.validation import UncheckedValidator

from tests.llama.build import LlamaBuild, LlamaUnavailable, ensure_llama
from tests.llama.server import ALIAS, LlamaServer

BUILD_TIMEOUT_S = 3600  # the test that builds llama-server (pytest's own limit is 600 s)


def _required() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes") or bool(os.environ.get("DIARYREC_TEST_LLAMA_REQUIRED"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):  # noqa: ANN001
    """The first real-server test may build llama-server: it alone gets the time for that."""
    for item in items:
        if "integration/llama" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.timeout(BUILD_TIMEOUT_S))
            break


@pytest.fixture(scope="session")
def llama() -> LlamaBuild:
    try:
        return ensure_llama()
    except LlamaUnavailable as exc:
        message = f"the real llama-server tests cannot run: {exc}"
        if _required():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def llama_logs(tmp_path_factory) -> object:
    return tmp_path_factory.mktemp("llama-logs")


@pytest.fixture(scope="session")
def start_server(llama, llama_logs) -> Iterator:
    """``start_server(*args, api_key=..., ctx=...)``: a llama-server of its own (stopped at the end)."""
    started: list[LlamaServer] = []

    def start(*args: str, api_key: str = "", ctx: int = 4096, single_model: bool = True) -> LlamaServer:
        model_args = ["-m", str(llama.model), "-a", ALIAS] if single_model else []
        server = LlamaServer(llama.server, [*model_args, *args], log_path=llama_logs / f"server-{len(started)}.log",
                             api_key=api_key, ctx=ctx)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def server(start_server) -> LlamaServer:
    """The shared single-model server: -c 4096, alias "tiny"."""
    return start_server()


@pytest.fixture(scope="session")
def router(start_server, llama, tmp_path_factory) -> LlamaServer:
    """Router mode (--models-dir): models by file name, a wrong name is a 400."""
    folder = tmp_path_factory.mktemp("llama-models")
    os.link(llama.model, folder / "tiny-router.gguf") if _same_device(llama.model, folder) else shutil.copy(llama.model, folder / "tiny-router.gguf")
    return start_server("--models-dir", str(folder), "--models-max", "1", single_model=False)


def _same_device(path, folder) -> bool:  # noqa: ANN001
    return os.stat(path).st_dev == os.stat(folder).st_dev


@pytest.fixture
def make_client():
    clients: list[LlmClient] = []

    def make(server: LlamaServer, model: str = ALIAS, **config) -> LlmClient:
        config.setdefault("api_key", server.api_key)
        client = LlmClient(ProviderConfig(base_url=server.base_url, model=model, **config),
                           memory=ProviderMemory())
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def make_service(store, make_client):
    def make(server: LlamaServer, model: str = ALIAS, policy: str = "mark", **config) -> TurnService:
        return TurnService(store, make_client(server, model, **config), UncheckedValidator(store), policy)

    return make
