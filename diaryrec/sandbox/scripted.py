"""The sandbox's rule-based recommender: replies in the reply contract that pick
real tracks from a given list by the words of the conversation. It is a script,
not an AI, and every reply says so.

Rules: the reply language follows the system prompt (Korean when it asks for
Korean); the number of tracks is the prompt's "at most N"; the follow-up kind
cycles through the kinds the prompt's contract allows (the sheet's feedback
modes); tracks already recommended in the conversation are not repeated.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diaryrec.paths import resources_dir
from diaryrec.vocabulary import FollowUpKind

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORDS = re.compile(r"[\w&'-]+", re.UNICODE)

# Words that say nothing about music: a pick is never explained by them ("Picked
# because it matches my.", "going by 'a, night, for'").
_STOP_WORDS = frozenset("""
a about after again all also am an and any are as at be because been before being but by can could
did do does doing for from get give had has have having he her here hers him his how i i'd i'm if in
into is it it's its just let me mine more most my no not now of on once only or other our out over
please quite really she so some something such than that the their them then there these they this
those to too very want was we were what when where which while who why will with would you your
yours music song songs track tracks recommend recommendation recommendations suggest listen listening
like love feel feeling today tonight maybe one two three new good great nice
저 저는 제가 나 나는 내가 좀 조금 그리고 그냥 정말 너무 아주 음악 노래 곡 곡을 노래를 음악을 추천 추천해 추천해줘
추천해 주세요 주세요 해줘 해 주세요 듣고 듣기 좋은 좋아하는 오늘 지금 같은 있는 하는 싶어 싶어요
""".split())


@dataclass(frozen=True)
class SandboxTrack:
    title: str
    artist: str
    album: str | None = None
    year: int | None = None
    genre: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def words(self) -> set[str]:
        text = " ".join([self.title, self.artist, self.album or "", self.genre, *self.keywords])
        return {w.casefold() for w in _WORDS.findall(text)}


def _year(value: Any) -> int | None:
    match = re.match(r"(\d{4})", str(value or ""))
    return int(match.group(1)) if match else None


def default_tracks_path() -> Path:
    return resources_dir() / "sandbox" / "tracks.json"


def tracks_from_json(path: Path | None = None) -> list[SandboxTrack]:
    data = json.loads(Path(path or default_tracks_path()).read_text(encoding="utf-8"))
    rows = data["tracks"] if isinstance(data, dict) else data
    return [
        SandboxTrack(
            title=row["name"],
            artist=", ".join(row["artists"]) if isinstance(row.get("artists"), list) else str(row.get("artist", "")),
            album=row.get("album"),
            year=_year(row.get("release_date")),
            genre=row.get("genre", ""),
            keywords=tuple(row.get("keywords", [])),
        )
        for row in rows
    ]


def tracks_from_rows(rows: Iterable[dict[str, str]]) -> list[SandboxTrack]:
    """Tracks from rows of the shared Spotify CSV (track_name, track_artist, …)."""
    return [
        SandboxTrack(
            title=row["track_name"],
            artist=row["track_artist"],
            album=row.get("track_album_name") or None,
            year=_year(row.get("track_album_release_date")),
            genre=row.get("playlist_genre", ""),
            keywords=tuple(k for k in (row.get("playlist_subgenre", ""),) if k),
        )
        for row in rows
        if row.get("track_name") and row.get("track_artist")
    ]


def tracks_from_csv(path: Path, limit: int = 500) -> list[SandboxTrack]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        rows = []
        for row in csv.DictReader(handle):
            rows.append(row)
            if len(rows) >= limit:
                break
    return tracks_from_rows(rows)


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def _has_image(content: Any) -> bool:
    return isinstance(content, list) and any(isinstance(p, dict) and p.get("type") == "image_url" for p in content)


_TEXTS = {
    "en": {
        "intro": "This is a scripted sandbox reply, not an AI.",
        "picks": "Here are {n} tracks for you{about}.",
        "about": ", going by \u201c{words}\u201d",
        "photo": " I cannot see images; I picked by your words.",
        "none": "Tell me a little more about the music you like, and I will recommend some.",
        "replace": "You are right, those tracks do not exist. Here are real ones instead.",
        "reason": "Picked because it matches {match}.",
        "reason_plain": "A well-known {genre} track to try.",
        FollowUpKind.RATING: "How would you rate each track from 1 to 5?",
        FollowUpKind.MULTIPLE_CHOICE: "Why is the first track good or bad for you?",
        FollowUpKind.FREE_TEXT: "What did you like or dislike about these tracks, and why?",
        FollowUpKind.TOURNAMENT: "Which of these two do you prefer?",
        "choices": ["The mood fits me", "The rhythm", "The voice", "Not my style"],
    },
    "ko": {
        "intro": "샌드박스의 정해진 답변입니다(AI가 아닙니다).",
        "picks": "{n}곡을 골랐어요{about}.",
        "about": " (\u201c{words}\u201d 기준)",
        "photo": " 이미지는 볼 수 없어서 글을 보고 골랐어요.",
        "none": "좋아하는 음악에 대해 조금 더 알려 주시면 추천해 드릴게요.",
        "replace": "맞아요, 그 곡들은 존재하지 않아요. 대신 실제 곡을 추천해요.",
        "reason": "{match}와(과) 어울려서 골랐어요.",
        "reason_plain": "들어 볼 만한 잘 알려진 {genre} 곡이에요.",
        FollowUpKind.RATING: "각 곡을 1점부터 5점까지 평가해 주세요.",
        FollowUpKind.MULTIPLE_CHOICE: "첫 번째 곡이 좋거나 별로인 이유는 무엇인가요?",
        FollowUpKind.FREE_TEXT: "이 곡들의 어떤 점이 좋았거나 싫었는지, 이유와 함께 알려 주세요.",
        FollowUpKind.TOURNAMENT: "두 곡 중 어느 곡이 더 좋나요?",
        "choices": ["분위기가 잘 맞아요", "리듬이 좋아요", "목소리가 좋아요", "제 취향이 아니에요"],
    },
}


def _language(system: str) -> str:
    if "한국어" in system or len(_HANGUL.findall(system)) > 20:
        return "ko"
    return "en"


def _track_count(system: str) -> int:
    match = re.search(r"at most (\d+)|최대 (\d+)곡", system)
    if match:
        return max(1, min(int(match.group(1) or match.group(2)), 10))
    return 3


def _follow_up_kinds(system: str) -> list[str]:
    match = re.search(r'"kind"(?: is one of|는) ((?:"\w+"(?:, )?)+)', system)
    if not match:
        return [FollowUpKind.NONE]
    return re.findall(r'"(\w+)"', match.group(1))


class ScriptedRecommender:
    """Builds one contract reply for a Chat Completions request."""

    def __init__(self, tracks: Sequence[SandboxTrack]):
        if not tracks:
            raise ValueError("the sandbox recommender needs at least one track")
        self.tracks = list(tracks)

    def reply(self, body: dict[str, Any], *, empty: bool = False) -> dict[str, Any]:
        messages = body.get("messages") or []
        system = "\n".join(_text_of(m.get("content")) for m in messages if m.get("role") == "system")
        lang = _language(system)
        texts = _TEXTS[lang]
        users = [m for m in messages if m.get("role") == "user"]
        last = _text_of(users[-1].get("content")) if users else ""
        said = [_text_of(m.get("content")) for m in messages if m.get("role") == "assistant"]
        turn = len(said)
        if last.startswith("Your last reply did not follow") and said:
            said = said[:-1]  # a repair: answer the question before it again
            turn -= 1
            last = _text_of(users[-2].get("content")) if len(users) > 1 else ""
        replacing = "do not exist" in last or "존재하지 않" in last
        count = _track_count(system)
        wanted = re.search(r"exactly (\d+)|정확히 (\d+)곡", last)
        if replacing and wanted:
            count = int(wanted.group(1) or wanted.group(2))
        kinds = _follow_up_kinds(system)
        all_kinds = set(FollowUpKind) - {FollowUpKind.NONE} <= set(kinds)
        asked = [k for k in kinds if k != FollowUpKind.NONE]
        kind = FollowUpKind.NONE if all_kinds or not asked else asked[turn % len(asked)]
        if empty or (not last.strip() and not any(_has_image(m.get("content")) for m in users)):
            return {"message": f"{texts['intro']} {texts['none']}", "recommendations": [],
                    "follow_up": {"kind": FollowUpKind.NONE, "question": "", "options": []}}
        picks, matched = self._pick(last, " ".join(said), count)
        about = texts["about"].format(words=", ".join(matched[:3])) if matched else ""
        message = texts["replace"] if replacing else texts["picks"].format(n=len(picks), about=about)
        if users and _has_image(users[-1].get("content")):
            message += texts["photo"]
        recommendations = []
        for track in picks:
            hits = sorted(track.words() & set(matched))
            reason = texts["reason"].format(match=", ".join(hits)) if hits else texts["reason_plain"].format(genre=track.genre or "")
            recommendations.append({
                "title": track.title, "artist": track.artist, "album": track.album, "year": track.year,
                "reason": reason, "keywords": list(track.keywords[:3]),
            })
        options: list[str] = []
        if kind == FollowUpKind.MULTIPLE_CHOICE:
            options = list(texts["choices"])
        elif kind == FollowUpKind.TOURNAMENT:
            options = [t.title for t in picks[:2]]
        question = texts.get(kind, "") if kind != FollowUpKind.NONE else ""
        return {"message": f"{texts['intro']} {message}", "recommendations": recommendations,
                "follow_up": {"kind": kind, "question": question, "options": options}}

    def _pick(self, request: str, history: str, count: int) -> tuple[list[SandboxTrack], list[str]]:
        words = [w for w in (w.casefold() for w in _WORDS.findall(request))
                 if w not in _STOP_WORDS and (len(w) > 2 or not w.isascii())]
        used = history.casefold()
        fresh = [t for t in self.tracks if f'"{t.title.casefold()}"' not in used]
        pool = fresh or self.tracks
        scored = sorted(
            enumerate(pool), key=lambda item: (-len(item[1].words() & set(words)), (item[0] * 7919 + len(history)) % len(pool))
        )
        picks = [track for _i, track in scored[:count]]
        matched = [w for w in dict.fromkeys(words) if any(w in t.words() for t in picks)]
        return picks, matched
