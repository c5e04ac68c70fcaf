"""The fake itself, through the plain openai SDK: what a researcher's pilot and the
tests rely on."""

from __future__ import annotations

import json

import openai
import pytest

from diaryrec.llm.provider import SANDBOX_MODEL
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sandbox.scripted import SandboxTrack
from diaryrec.sheets import compile_plain_assistant

TRACKS = [SandboxTrack("Everlong", "Foo Fighters", "The Colour and the Shape", 1997, "rock", ("loud",)),
          SandboxTrack("So What", "Miles Davis", "Kind of Blue", 1959, "jazz", ("cool", "modal")),
          SandboxTrack("Ditto", "NewJeans", "Ditto", 2022, "k-pop", ("winter",))]


@pytest.fixture
def sdk():
    fake = FakeOpenAI(TRACKS).start()
    client = openai.OpenAI(base_url=fake.url, api_key="x", max_retries=0)
    yield fake, client
    client.close()
    fake.stop()


def test_non_streamed_completion_and_model_list(sdk):
    fake, client = sdk
    completion = client.chat.completions.create(
        model=SANDBOX_MODEL, messages=[{"role": "system", "content": compile_plain_assistant("en").system_prompt},
                                       {"role": "user", "content": "cool modal jazz"}],
        response_format={"type": "json_object"})
    assert completion.model == SANDBOX_MODEL
    reply = json.loads(completion.choices[0].message.content)
    assert reply["recommendations"][0]["title"] == "So What"  # picked by the words, not at random
    assert reply["message"].startswith("This is a scripted sandbox reply, not an AI.")
    assert [m.id for m in client.models.list()] == [SANDBOX_MODEL]


def test_korean_prompt_gets_a_korean_reply(sdk):
    _fake, client = sdk
    completion = client.chat.completions.create(
        model=SANDBOX_MODEL, messages=[{"role": "system", "content": compile_plain_assistant("ko").system_prompt},
                                       {"role": "user", "content": "winter 노래"}])
    text = completion.choices[0].message.content
    reply = json.loads(text[text.index("{"): text.rindex("}") + 1])
    assert "AI가 아닙니다" in reply["message"] and reply["recommendations"][0]["title"] == "Ditto"


def test_unknown_faults_are_refused():
    with pytest.raises(ValueError, match="unknown fault"):
        FakeOpenAI(TRACKS).fail_next("meteor")
