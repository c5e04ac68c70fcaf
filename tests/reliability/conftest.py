"""Fixtures of the reliability suite. The stand-in catalog comes from the LLM
integration tests (tests/integration/llm/conftest.py) rather than a copy of it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diaryrec.llm import LlmClient, ProviderMemory
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sandbox.scripted import tracks_from_json
from diaryrec.services.turn import TurnService
from tests.integration.llm.conftest import KnownTracksValidator

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the worker modules beside the tests (kill_worker, fault_child)
    sys.path.insert(0, str(HERE))


@pytest.fixture
def llm_fake():
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture
def known_validator(store):
    return KnownTracksValidator(store, {t.title for t in tracks_from_json()})


@pytest.fixture
def turn_service(store, llm_fake, known_validator):
    """``turn_service(validator=…, policy=…, server=…, **provider overrides)``."""
    clients: list[LlmClient] = []

    def make(validator=None, policy="mark", server=None, **config):  # noqa: ANN001
        client = LlmClient((server or llm_fake).provider(**config), memory=ProviderMemory())
        clients.append(client)
        return TurnService(store, client, validator or known_validator, policy)

    yield make
    for client in clients:
        client.close()
