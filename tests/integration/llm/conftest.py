"""The turn service end to end: real openai client code against the loopback fake."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from diaryrec.llm import LlmClient, ProviderMemory
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sandbox.scripted import tracks_from_json
from diaryrec.services.turn import TurnService
from diaryrec.validation import OnVerdict, decide_each


class KnownTracksValidator:
    """A stand-in catalog: tracks whose title is in ``known`` exist, others do not."""

    def __init__(self, store, known: set[str]):
        self.store = store
        self.known = {t.casefold() for t in known}
        self.calls: list[list[int]] = []

    def validate(self, track_ids: Sequence[int], on_verdict: OnVerdict | None = None) -> None:
        self.calls.append(list(track_ids))
        decide_each(self.store, track_ids,
                    lambda row: ("verified" if row.title.casefold() in self.known else "not_found", None), on_verdict)


@pytest.fixture
def fake():
    server = FakeOpenAI()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def validator(store):
    return KnownTracksValidator(store, {t.title for t in tracks_from_json()})


@pytest.fixture
def make_service(store, fake, validator):
    clients = []

    def make(policy="replace", server=None, **config):
        server = server or fake
        client = LlmClient(server.provider(**config), memory=ProviderMemory())
        clients.append(client)
        return TurnService(store, client, validator, policy)

    yield make
    for client in clients:
        client.close()
