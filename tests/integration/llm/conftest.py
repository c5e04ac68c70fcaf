"""The turn service end to end: real openai client code against the loopback fake."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlmodel import select

from diaryrec.llm import LlmClient, ProviderMemory
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sandbox.scripted import tracks_from_json
from diaryrec.services.turn import TurnService
from diaryrec.services.validation import OnVerdict
from diaryrec.store.models import RecommendedTrack
from diaryrec.store.types import utcnow


class KnownTracksValidator:
    """A stand-in catalog: tracks whose title is in ``known`` exist, others do not."""

    def __init__(self, store, known: set[str]):
        self.store = store
        self.known = {t.casefold() for t in known}
        self.calls: list[list[int]] = []

    def validate(self, track_ids: Sequence[int], on_verdict: OnVerdict | None = None) -> None:
        self.calls.append(list(track_ids))
        with self.store.session() as session:
            rows = session.exec(select(RecommendedTrack).where(RecommendedTrack.id.in_(list(track_ids)))).all()
            for row in rows:
                row.verdict = "verified" if row.title.casefold() in self.known else "not_found"
                row.checked_at = utcnow()
                session.add(row)
            session.commit()
        for track_id in track_ids:
            if on_verdict is not None:
                on_verdict(track_id)


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
