"""The readable transcripts (research.transcripts): one structure, two renderers, and
the bundle's transcripts/ pages that the manifest, the codebook, the bundle gate and
the merge all know."""

from __future__ import annotations

import base64
import hashlib
import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diaryrec.research import bundle_gate
from diaryrec.research.merge import merge_bundle
from diaryrec.research.merged import open_merged
from diaryrec.research.transcripts import (
    DEFAULT_CATALOG,
    build_transcripts,
    provider_host,
    stamp,
    transcript_html,
    transcript_text,
)
from diaryrec.vocabulary import FeedbackKind, Verdict
from tests.integration.research.research_helpers import rewrite_zip
from tests.unit.research.transcript_helpers import (
    ERROR_KIND,
    FREE_TEXT,
    OTHER_CATALOG,
    PHOTO_NAME,
    enriched_bundle,
    photo_bytes,
)

SEOUL = ZoneInfo("Asia/Seoul")
UTC = dt.timezone.utc


def _rows(photo: Path | None = None) -> dict[str, list[dict]]:
    """Two conversations on day 3 (the second started first in UTC order of ids), as a merged database holds them."""
    t0 = dt.datetime(2025, 4, 12, 5, 3, tzinfo=UTC)  # 14:03 in Seoul
    return {
        "conversation": [
            {"id": 7, "study_day": 3, "purpose": "daily", "task_id": None, "provider": "https://api.example.com/v1?key=zzz",
             "model": "gpt-4o-mini", "started_at": t0 + dt.timedelta(hours=2)},
            {"id": 9, "study_day": 3, "purpose": "daily", "task_id": None, "provider": "localhost",
             "model": "qwen2.5", "started_at": t0},
        ],
        "message": [
            {"id": 1, "conversation_id": 9, "seq": 0, "role": "user", "text": "비 오는 날 <b>노래</b>", "status": "complete",
             "created_at": t0, "model": ""},
            {"id": 2, "conversation_id": 9, "seq": 1, "role": "assistant", "text": "이런 곡은 어때요?", "status": "complete",
             "created_at": t0 + dt.timedelta(minutes=1), "model": "qwen2.5"},
            {"id": 3, "conversation_id": 7, "seq": 0, "role": "user", "text": "another", "status": "complete",
             "created_at": t0 + dt.timedelta(hours=2), "model": ""},
            {"id": 4, "conversation_id": 7, "seq": 1, "role": "assistant", "text": "", "status": "error",
             "error_kind": "timeout", "created_at": t0 + dt.timedelta(hours=2, minutes=1), "model": "gpt-4o-mini"},
        ],
        "message_image": [{"id": 1, "message_id": 1, "file_name": "창가.jpg", "mime": "image/jpeg", "width": 48, "height": 32}],
        "recommended_track": [
            {"id": 11, "message_id": 2, "position": 1, "title": "Hype Boy", "artist": "NewJeans", "verdict": Verdict.NOT_FOUND,
             "catalog_track": None, "hidden": True, "reason": "", "keywords": []},
            {"id": 10, "message_id": 2, "position": 0, "title": "밤편지", "artist": "아이유", "year": 2017,
             "verdict": Verdict.VERIFIED, "catalog_track": {"title": "밤편지", "artists": ["아이유"]}, "reason": "잔잔해서",
             "keywords": ["잔잔함"], "hidden": False},
            {"id": 12, "message_id": 2, "position": 2, "title": "X", "artist": "Y", "verdict": Verdict.UNCHECKED,
             "catalog_track": None, "hidden": False, "reason": "", "keywords": []},
        ],
        "feedback": [
            {"id": 1, "message_id": 2, "track_id": 10, "kind": FeedbackKind.RATING, "rating": 5, "created_at": t0},
            {"id": 2, "message_id": 2, "track_id": None, "kind": FeedbackKind.TOURNAMENT, "choices": ["밤편지", "X"],
             "created_at": t0},
        ],
    }


def _build(photo: Path | None = None):
    return build_transcripts(_rows(), participant_code="P03", study_id="s", localize=lambda w: w.astimezone(SEOUL),
                             weeks={3: 1}, picture_path=lambda name: photo if name == "창가.jpg" else None)


def test_the_structure_orders_numbers_and_words_everything():
    first, second = _build()
    assert (first.conversation_id, second.conversation_id) == (9, 7)  # by start time, not by id
    assert (first.name, second.name, first.file_stem) == ("conversation 1", "conversation 2", "day-03-conversation-1")
    assert first.heading == "P03 · day 03 · conversation 1 (week-1 daily experiment)"
    assert stamp(first.started_at) == "2025-04-12 14:03 +09:00"
    assert (first.provider_host, second.provider_host) == ("localhost", "api.example.com")
    reply = first.messages[1]
    assert [t.title for t in reply.tracks] == ["밤편지", "Hype Boy", "X"]  # by position, numbered from 1
    found, missing, unchecked = reply.tracks
    assert (found.number, found.catalog, found.verdict_words) == (1, DEFAULT_CATALOG, f"found in {DEFAULT_CATALOG}")
    assert found.feedback == ("rated 5 of 5",)
    assert missing.hidden and missing.verdict_words.startswith(f"not found in {DEFAULT_CATALOG}")
    assert unchecked.catalog == "" and "not checked" in unchecked.verdict_words
    assert reply.feedback == ("ranked, winner first: 밤편지 > X",)
    failed = second.messages[1]
    assert (failed.status, failed.note) == ("error", "the reply failed (timeout)")


@pytest.mark.parametrize("stored, host", [
    ("api.openai.com", "api.openai.com"),
    ("sandbox", "sandbox"),
    ("https://user:sk-abcdef123456@llm.example.org:8443/v1/chat?key=abc", "llm.example.org"),
    ("llm.example.org/v1?api_key=zzz", "llm.example.org"),
    ("https://user:[redacted]@LLM.example.org/v1", "llm.example.org"),  # as the scrubber leaves a key
    ("http://[::1]:11434/v1", "::1"),
    ("", ""),
])
def test_provider_host_is_the_host_only(stored, host):
    assert provider_host(stored) == host


def test_text_rendering_reads_as_a_transcript():
    first, second = _build()
    text = transcript_text(first)
    assert text.startswith("P03 · day 03 · conversation 1 (week-1 daily experiment)\n")
    assert "[2025-04-12 14:03 +09:00] Participant:\n비 오는 날 <b>노래</b>\n  [picture attached: 창가.jpg, 48×32]" in text
    assert "  1. 밤편지 — 아이유 (2017): found in Spotify\n     why: 잔잔해서\n     keywords: 잔잔함\n     feedback: rated 5 of 5" in text
    assert "[hidden from the participant]" in text
    assert "Feedback: ranked, winner first: 밤편지 > X" in text
    assert "provider localhost" in text
    assert "(the reply failed (timeout))" in transcript_text(second)
    labelled = transcript_text(first, picture_label=lambda p: "see P03 · day 03 · conversation 1 · photo 1")
    assert "[picture attached: see P03 · day 03 · conversation 1 · photo 1]" in labelled


def test_html_is_escaped_self_contained_and_embeds_the_pictures(tmp_path):
    photo = tmp_path / "창가.jpg"
    photo.write_bytes(photo_bytes())
    first, second = _build(photo)
    page = transcript_html(first)
    assert "비 오는 날 &lt;b&gt;노래&lt;/b&gt;" in page and "<b>노래" not in page
    assert f'src="data:image/jpeg;base64,{base64.b64encode(photo.read_bytes()).decode()}"' in page
    assert not re.search(r'(src|href)="(?!data:)', page)  # nothing fetched
    assert "<script" not in page
    assert "밤편지 — 아이유" in page and "found in Spotify" in page and "rated 5 of 5" in page
    assert '<time datetime="2025-04-12T14:03:00+09:00">2025-04-12 14:03 +09:00</time>' in page
    without = transcript_html(_build(None)[0])
    assert "picture not in this copy: 창가.jpg" in without and "data:image" not in without
    failed = transcript_html(second)
    assert "api.example.com" in failed and "key=zzz" not in failed and "/v1" not in failed


# ---------------------------------------------------------------- in the bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    return enriched_bundle(tmp_path_factory.mktemp("transcripts"))


def test_the_bundle_holds_one_page_per_conversation_listed_in_manifest_and_codebook(bundle):
    with zipfile.ZipFile(bundle) as archive:
        data = json.loads(archive.read("data.json"))
        manifest = json.loads(archive.read("manifest.json"))
        pages = sorted(n for n in archive.namelist() if n.startswith("transcripts/"))
        listed = {entry["path"] for entry in manifest["files"]}
        readme = archive.read("README.md").decode("utf-8")
        first = archive.read(pages[0]).decode("utf-8")
    conversations = data["conversations"]
    assert len(pages) == len(conversations) > 5
    assert all(re.fullmatch(r"transcripts/day-\d\d-conversation-\d+\.html", p) for p in pages)
    assert set(pages) <= listed
    assert f"| `transcripts/` | {len(pages)} readable transcript(s)" in readme
    # the first conversation, with everything the helper added, read as the participant will
    assert "창밖을 봐 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;따옴표&#34;" in first
    assert f'src="data:image/jpeg;base64,{base64.b64encode(photo_bytes()).decode()}"' in first
    assert f"found in {OTHER_CATALOG}" in first  # the catalog the stored verdict names
    assert "hidden from the participant" in first
    assert "chose: 분위기가 좋다; 너무 느리다" in first and f"wrote: {FREE_TEXT}" in first
    assert f"the reply failed ({ERROR_KIND})" in first
    assert "llm.example.org" in first and "8443" not in first and "key=abc" not in first and "sk-secret" not in first
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d \+09:00", first)
    assert PHOTO_NAME in first


def test_the_merge_accepts_bundles_with_and_without_transcripts(bundle, tmp_path):
    engine = open_merged(str(tmp_path / "study.sqlite"))
    try:
        assert merge_bundle(engine, bundle, tmp_path / "files").status == "added"

        def drop_transcripts(name: str, data: bytes):
            if name.startswith("transcripts/"):
                return []
            if name == "manifest.json":
                manifest = json.loads(data)
                manifest["files"] = [f for f in manifest["files"] if not f["path"].startswith("transcripts/")]
                manifest["exported_at"] = "2025-05-02T00:00:00+09:00"  # a newer export: merged again, not "unchanged"
                return [(name, json.dumps(manifest).encode())]
            return [(name, data)]

        old = rewrite_zip(bundle, tmp_path / "old-style.zip", drop_transcripts)
        outcome = merge_bundle(engine, old, tmp_path / "files")
        assert outcome.status == "updated", outcome.problems
    finally:
        engine.dispose()


def test_the_bundle_gate_holds_transcripts_to_their_kind(bundle, tmp_path):
    assert bundle_gate.kind_of("transcripts/day-01-conversation-1.html") is bundle_gate.TRANSCRIPT
    assert bundle_gate.kind_of("transcripts/x.exe") is bundle_gate.TEXT
    assert bundle_gate.TRANSCRIPT.limit > bundle_gate.TEXT.limit  # a page embeds its photos
    info = zipfile.ZipInfo("transcripts/day-01-conversation-1.html")
    info.file_size, info.compress_size = bundle_gate.TRANSCRIPT.limit + 1, bundle_gate.TRANSCRIPT.limit
    [problem] = bundle_gate.size_problems([info], {})
    assert "transcripts may be at most" in problem

    with zipfile.ZipFile(bundle) as archive:
        target = sorted(n for n in archive.namelist() if n.startswith("transcripts/"))[0]
        bad = archive.read(target) + b"\xff\xfe"

    def not_utf8(name: str, data: bytes):  # a page that is not UTF-8, the manifest made to match it
        if name == target:
            return [(name, bad)]
        if name == "manifest.json":
            manifest = json.loads(data)
            for entry in manifest["files"]:
                if entry["path"] == target:
                    entry.update(sha256=hashlib.sha256(bad).hexdigest(), size=len(bad))
            return [(name, json.dumps(manifest).encode())]
        return [(name, data)]

    broken = rewrite_zip(bundle, tmp_path / "broken.zip", not_utf8)
    engine = open_merged(str(tmp_path / "study.sqlite"))
    try:
        outcome = merge_bundle(engine, broken, tmp_path / "files")
    finally:
        engine.dispose()
    assert (outcome.status, outcome.problems) == ("refused", [f"{target} is not UTF-8 text"])
