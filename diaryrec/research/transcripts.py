"""One conversation as a person reads it, built once and rendered twice.

``build_transcripts`` turns the rows of one participant (the shape of the bundle's
tables: ``conversation``, ``message``, ``message_image``, ``recommended_track``,
``feedback``) into plain frozen ``Transcript``\\ s: who said what and when (with the
UTC offset of the participant's zone then), the pictures attached, the tracks each
reply suggested with what the catalog said about them, the feedback given, the model
and the provider's host. Two renderers read that one structure:

- ``transcript_text``: plain text, a REFI-QDA text source (``research.qda``);
- ``transcript_html``: a self-contained HTML page (inline CSS, pictures embedded
  as ``data:`` URIs, no scripts, nothing fetched), the bundle's ``transcripts/``
  (``research.export``); jinja2 with autoescape, ``templates/export/transcript.html.j2``.

The rows' texts are what they are: the export passes the scrubbed rows of data.json,
so nothing here sees a key or a path that data.json does not hold either.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from diaryrec import __version__
from diaryrec.paths import templates_dir
from diaryrec.vocabulary import VERDICT_COLOURS, ConversationPurpose, FeedbackKind, Verdict, catalog_name

#: the catalog that answered when a stored verdict does not say (rows from before catalogs were named)
DEFAULT_CATALOG = catalog_name(None)
#: what each verdict means to a reader; ``{catalog}`` is the catalog that answered
VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.VERIFIED: "found in {catalog}",
    Verdict.NOT_FOUND: "not found in {catalog} (likely made up by the model)",
    Verdict.UNCERTAIN: "a near match in {catalog}, to be checked by a person",
    Verdict.UNCHECKED: "not checked (the catalog gave no answer)",
    Verdict.PENDING: "not checked yet",
}
PURPOSE_WORDS: dict[str, str] = {
    ConversationPurpose.ICE_BREAKING: "ice-breaking task",
    ConversationPurpose.DAILY: "week-1 daily experiment",
    ConversationPurpose.OWN_RECOMMENDER: "own recommender",
}
SPEAKERS = {"user": "Participant", "assistant": "Recommender", "system": "System prompt"}
#: pictures a browser shows from a data: URI (what the app stores: JPEG or PNG)
EMBEDDABLE = {"image/jpeg", "image/png", "image/webp", "image/gif"}
Localize = Callable[[dt.datetime], dt.datetime]


@dataclass(frozen=True)
class TranscriptPicture:
    file_name: str  # as stored: images/<file_name> in the bundle
    mime: str
    width: int
    height: int
    path: Path | None  # where its bytes are; None when not at hand (not extracted, missing)


@dataclass(frozen=True)
class TranscriptTrack:
    number: int  # 1-based, as shown to the participant
    title: str
    artist: str
    album: str
    year: int | None
    reason: str
    keywords: tuple[str, ...]
    verdict: str  # a diaryrec.vocabulary.Verdict
    verdict_words: str
    colour: str
    catalog: str  # the catalog that answered, "" when none did
    catalog_match: str  # "title — artist" of the catalog's track, when it had one
    hidden: bool  # hidden from the participant by the study's policy
    feedback: tuple[str, ...]  # "rated 4 of 5", …


@dataclass(frozen=True)
class TranscriptMessage:
    seq: int
    role: str
    speaker: str
    text: str
    status: str  # complete | raw | error
    note: str  # what the status means, "" when complete
    at: dt.datetime  # aware, in the participant's zone then
    model: str
    pictures: tuple[TranscriptPicture, ...]
    tracks: tuple[TranscriptTrack, ...]
    feedback: tuple[str, ...]  # given for the whole reply, not for one track


@dataclass(frozen=True)
class Transcript:
    participant_code: str
    study_id: str
    conversation_id: int
    study_day: int
    week: int | None
    number_in_day: int  # 1, 2, … among the day's conversations, in the order they started
    of_day: int  # how many conversations the day has
    purpose: str
    purpose_words: str
    task_id: str | None
    started_at: dt.datetime
    provider_host: str
    model: str
    messages: tuple[TranscriptMessage, ...]

    @property
    def file_stem(self) -> str:
        """``day-09-conversation-1``: ASCII, sorts by day."""
        return f"day-{self.study_day:02d}-conversation-{self.number_in_day}"

    @property
    def name(self) -> str:
        """``conversation``, or ``conversation 2`` on a day that has several."""
        return f"conversation {self.number_in_day}" if self.of_day > 1 else "conversation"

    @property
    def heading(self) -> str:
        task = f" {self.task_id}" if self.task_id else ""
        return f"{self.participant_code} · day {self.study_day:02d} · {self.name} ({self.purpose_words}{task})"

    @property
    def pictures(self) -> tuple[TranscriptPicture, ...]:
        return tuple(p for m in self.messages for p in m.pictures)


def provider_host(value: str) -> str:
    """The host of a provider's address, never its path, query or credentials:
    ``https://user:key@llm.example.org:8443/v1?k=x`` → ``llm.example.org``. A stored
    provider is already a host (``ProviderConfig.label``); this holds for older rows too."""
    rest = (value or "").strip().split("://", 1)[-1]
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
    host = netloc.rsplit("@", 1)[-1]  # never the user name or key before an "@"
    if host.startswith("["):  # an IPv6 literal, [::1]:8080
        return host[1:host.find("]")].lower() if "]" in host else ""
    return host.split(":", 1)[0].lower()


def stamp(when: dt.datetime) -> str:
    """``2025-04-12 14:03 +09:00``: the local time and its UTC offset."""
    offset = when.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{when:%Y-%m-%d %H:%M} {offset}"


def _when(value: Any, localize: Localize) -> dt.datetime:
    """A row's time as an aware datetime: an ISO string (data.json) keeps its offset,
    a datetime (a merged database holds UTC) is put in the participant's zone."""
    if isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo is not None else localize(parsed.replace(tzinfo=dt.timezone.utc))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return localize(value)


def _catalog_of(track: dict[str, Any]) -> str:
    """The catalog that answered for a track, "" when none did."""
    try:
        verdict = Verdict(track.get("verdict") or Verdict.PENDING)
    except ValueError:
        return ""
    if not verdict.checked:
        return ""
    return catalog_name(track.get("catalog"))  # the row's catalog; Spotify's for rows from before catalogs were named


def _catalog_match(track: dict[str, Any]) -> str:
    stored = track.get("catalog_track")
    if not isinstance(stored, dict):
        return ""
    title = str(stored.get("title") or stored.get("name") or "")
    artists = stored.get("artists") or stored.get("artist") or ""
    artist = ", ".join(str(a) for a in artists) if isinstance(artists, list) else str(artists)
    return " — ".join(part for part in (title, artist) if part)


def feedback_words(row: dict[str, Any]) -> str:
    """One piece of feedback in words: ``rated 4 of 5``, ``chose: a; b``, ``wrote: …``."""
    choices = [str(c) for c in row.get("choices") or []]
    text = str(row.get("text") or "").strip()
    kind = row.get("kind")
    if kind == FeedbackKind.RATING and row.get("rating") is not None:
        words = f"rated {row['rating']} of 5"
    elif kind == FeedbackKind.MULTIPLE_CHOICE:
        words = "chose: " + "; ".join(choices) if choices else "chose nothing"
    elif kind == FeedbackKind.TOURNAMENT:
        words = "ranked, winner first: " + " > ".join(choices) if choices else "ranked nothing"
    else:  # free text, their own way, or a kind this version does not know
        return f"wrote: {text}" if text else f"gave {kind} feedback"
    return f"{words} ({text})" if text else words


def verdict_words(verdict: str, catalog: str) -> tuple[str, str]:
    """A verdict in a reader's words ("found in Spotify") and its colour, for the
    researcher's pages (transcripts, the probe); ``catalog`` is the catalog's name."""
    try:
        known = Verdict(verdict)
    except ValueError:
        return verdict, VERDICT_COLOURS[Verdict.UNCHECKED]
    return VERDICT_WORDS[known].format(catalog=catalog or DEFAULT_CATALOG), VERDICT_COLOURS[known]


def _status_note(message: dict[str, Any]) -> str:
    status = message.get("status") or "complete"
    if status == "raw":
        return "the reply could not be read as suggestions; shown as it arrived"
    if status == "error":
        kind = message.get("error_kind")
        return f"the reply failed ({kind})" if kind else "the reply failed"
    return ""


def build_transcripts(
    tables: dict[str, list[dict[str, Any]]],
    *,
    participant_code: str,
    study_id: str,
    localize: Localize,
    weeks: dict[int, int] | None = None,
    picture_path: Callable[[str], Path | None] = lambda _name: None,
) -> list[Transcript]:
    """Every conversation of one participant, by study day and start time.

    ``tables``: the participant's rows by table name; ``localize``: a UTC time in the
    participant's zone then; ``weeks``: study day → protocol week; ``picture_path``: a
    stored image file name → its file, None when it is not at hand."""
    weeks = weeks or {}
    feedback_by_track: dict[Any, list[str]] = defaultdict(list)
    feedback_by_message: dict[Any, list[str]] = defaultdict(list)
    for row in sorted(tables.get("feedback", []), key=lambda r: (str(r.get("created_at")), r.get("id") or 0)):
        if row.get("track_id") is not None:
            feedback_by_track[row["track_id"]].append(feedback_words(row))
        elif row.get("message_id") is not None:
            feedback_by_message[row["message_id"]].append(feedback_words(row))
    tracks: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in tables.get("recommended_track", []):
        tracks[row["message_id"]].append(row)
    pictures: dict[Any, list[TranscriptPicture]] = defaultdict(list)
    for row in tables.get("message_image", []):
        pictures[row["message_id"]].append(TranscriptPicture(
            file_name=str(row["file_name"]), mime=str(row.get("mime") or ""), width=int(row.get("width") or 0),
            height=int(row.get("height") or 0), path=picture_path(str(row["file_name"])),
        ))
    messages: dict[Any, list[TranscriptMessage]] = defaultdict(list)
    for row in tables.get("message", []):
        shown = sorted(tracks[row["id"]], key=lambda t: (t.get("position") or 0, t.get("id") or 0))
        messages[row["conversation_id"]].append(TranscriptMessage(
            seq=int(row["seq"]), role=str(row["role"]), speaker=SPEAKERS.get(str(row["role"]), str(row["role"])),
            text=str(row.get("text") or row.get("raw_text") or ""), status=str(row.get("status") or "complete"),
            note=_status_note(row), at=_when(row["created_at"], localize), model=str(row.get("model") or ""),
            pictures=tuple(pictures[row["id"]]), tracks=tuple(_track(t, i, feedback_by_track) for i, t in enumerate(shown, 1)),
            feedback=tuple(feedback_by_message[row["id"]]),
        ))
    conversations = sorted(tables.get("conversation", []),
                           key=lambda c: (c["study_day"], _when(c["started_at"], localize), c["id"]))
    out: list[Transcript] = []
    per_day: dict[int, int] = defaultdict(int)
    of_day = Counter(int(c["study_day"]) for c in conversations)
    for row in conversations:
        day = int(row["study_day"])
        per_day[day] += 1
        said = tuple(sorted(messages[row["id"]], key=lambda m: m.seq))
        model = str(row.get("model") or "") or next((m.model for m in said if m.model), "")
        out.append(Transcript(
            participant_code=participant_code, study_id=study_id, conversation_id=int(row["id"]), study_day=day,
            week=weeks.get(day), number_in_day=per_day[day], of_day=of_day[day], purpose=str(row["purpose"]),
            purpose_words=PURPOSE_WORDS.get(str(row["purpose"]), str(row["purpose"])), task_id=row.get("task_id"),
            started_at=_when(row["started_at"], localize), provider_host=provider_host(str(row.get("provider") or "")),
            model=model, messages=said,
        ))
    return out


def _track(row: dict[str, Any], number: int, feedback: dict[Any, list[str]]) -> TranscriptTrack:
    catalog = _catalog_of(row)
    words, colour = verdict_words(str(row.get("verdict") or Verdict.PENDING), catalog)
    return TranscriptTrack(
        number=number, title=str(row.get("title") or ""), artist=str(row.get("artist") or ""),
        album=str(row.get("album") or ""), year=row.get("year"), reason=str(row.get("reason") or ""),
        keywords=tuple(str(k) for k in row.get("keywords") or []), verdict=str(row.get("verdict") or ""),
        verdict_words=words, colour=colour, catalog=catalog, catalog_match=_catalog_match(row),
        hidden=bool(row.get("hidden")), feedback=tuple(feedback[row.get("id")]),
    )


# ---------------------------------------------------------------- plain text


def _track_line(track: TranscriptTrack) -> str:
    year = f" ({track.year})" if track.year else ""
    album = f", from {track.album}" if track.album else ""
    line = f"  {track.number}. {track.title} — {track.artist}{album}{year}: {track.verdict_words}"
    if track.catalog_match and track.verdict != Verdict.VERIFIED:
        line += f" [{track.catalog} has: {track.catalog_match}]"
    if track.hidden:
        line += " [hidden from the participant]"
    lines = [line]
    if track.reason:
        lines.append(f"     why: {track.reason}")
    if track.keywords:
        lines.append(f"     keywords: {', '.join(track.keywords)}")
    lines += [f"     feedback: {f}" for f in track.feedback]
    return "\n".join(lines)


def transcript_text(transcript: Transcript, picture_label: Callable[[TranscriptPicture], str] | None = None) -> str:
    """The transcript as plain text (a REFI-QDA text source): a header, then each
    message with its time, speaker, pictures, tracks and feedback. ``picture_label``
    names a picture where it is (a QDA picture source); by default its file name."""
    label = picture_label or (lambda p: f"{p.file_name}, {p.width}×{p.height}")
    week = f", week {transcript.week}" if transcript.week else ""
    header = [
        transcript.heading,
        f"Participant {transcript.participant_code}, study {transcript.study_id}, study day {transcript.study_day}{week}.",
        f"Started {stamp(transcript.started_at)}; model {transcript.model or 'unknown'}, "
        f"provider {transcript.provider_host or 'unknown'}.",
    ]
    blocks = ["\n".join(header)]
    for message in transcript.messages:
        model = f" ({message.model})" if message.role == "assistant" and message.model else ""
        lines = [f"[{stamp(message.at)}] {message.speaker}{model}:"]
        if message.note:
            lines.append(f"({message.note})")
        if message.text:
            lines.append(message.text)
        lines += [f"  [picture attached: {label(p)}]" for p in message.pictures]
        if message.tracks:
            lines.append("Suggested tracks:")
            lines += [_track_line(t) for t in message.tracks]
        lines += [f"Feedback: {f}" for f in message.feedback]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------- HTML


def html_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def picture_uri(picture: TranscriptPicture) -> str | None:
    """The picture as a ``data:`` URI, None when its file is not at hand or not a picture a browser shows."""
    if picture.path is None or picture.mime not in EMBEDDABLE:
        return None
    try:
        data = picture.path.read_bytes()
    except OSError:
        return None
    return f"data:{picture.mime};base64,{base64.b64encode(data).decode('ascii')}"


def transcript_template() -> jinja2.Template:
    """The page's template, compiled once for a whole export."""
    return html_environment().get_template("export/transcript.html.j2")


def transcript_html(transcript: Transcript, *, template: jinja2.Template | None = None,
                    generated_at: dt.datetime | None = None) -> str:
    """The transcript as one self-contained HTML page."""
    return (template or transcript_template()).render(
        t=transcript, picture_uri=picture_uri, stamp=stamp, app_version=__version__,
        generated_at=stamp(generated_at) if generated_at else "",
    )
