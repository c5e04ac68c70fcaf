""""My taste": what the participant rated and said over the weeks, gathered from the
store for one page (the paper's "deeper understanding"), and their own annotation.

The annotation is appended to the event log as ``taste_annotation`` (newest wins),
so every earlier version stays for the researcher, like the sheets' versions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from sqlmodel import select

from diaryrec.store import Store
from diaryrec.store.models import Conversation, Event, Feedback, IdeationItem, RecommendedTrack
from diaryrec.vocabulary import FeedbackKind

LIKED_FROM = 4  # ratings 4–5 count as liked, 1–2 as disliked
DISLIKED_UP_TO = 2
TOP_KEYWORDS = 15


@dataclass(frozen=True)
class TasteTrack:
    track_id: int
    title: str
    artist: str
    album: str | None
    year: int | None
    rating: int | None  # the newest rating of this song
    study_day: int  # the day of that rating
    keywords: list[str]
    won_tournament: bool = False
    days: tuple[int, ...] = ()  # every day the song was rated (it may be recommended again)


@dataclass(frozen=True)
class TasteNote:
    study_day: int
    kind: str  # a FeedbackKind, or "idea"
    text: str
    track: str = ""  # "title — artist" when the note is about one track


@dataclass
class TasteSummary:
    liked: list[TasteTrack] = field(default_factory=list)
    disliked: list[TasteTrack] = field(default_factory=list)
    liked_keywords: list[tuple[str, int]] = field(default_factory=list)
    disliked_keywords: list[tuple[str, int]] = field(default_factory=list)
    notes: list[TasteNote] = field(default_factory=list)
    annotation: str = ""
    annotated_at: dt.datetime | None = None

    @property
    def empty(self) -> bool:
        return not (self.liked or self.disliked or self.notes)


def _keywords(tracks: list[TasteTrack]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for track in tracks:
        # in the track's own order (a set's order changes from run to run): equal counts
        # keep the order they first came in, the same on every opening
        for word in dict.fromkeys(k.strip() for k in track.keywords if k.strip()):
            key = word.casefold()
            shown.setdefault(key, word)
            counts[key] += 1
    return [(shown[k], n) for k, n in counts.most_common(TOP_KEYWORDS)]


def taste_summary(store: Store) -> TasteSummary:
    with store.session() as session:
        rows = session.exec(
            select(Feedback, Conversation.study_day)
            .join(Conversation, Conversation.id == Feedback.conversation_id)  # type: ignore[arg-type]
            .order_by(Feedback.created_at)  # type: ignore[arg-type]
        ).all()
        track_ids = {f.track_id for f, _ in rows if f.track_id is not None}
        tracks = {
            t.id: t for t in session.exec(select(RecommendedTrack).where(RecommendedTrack.id.in_(track_ids))).all()  # type: ignore[union-attr]
        } if track_ids else {}
        ideas = session.exec(select(IdeationItem).order_by(IdeationItem.stage, IdeationItem.position)).all()  # type: ignore[arg-type]
        annotation = session.exec(
            select(Event).where(Event.kind == "taste_annotation").order_by(Event.id.desc())  # type: ignore[union-attr]
        ).first()

    latest_rating: dict[int, tuple[int, int]] = {}  # track id -> (rating, day); the newest rating wins
    winners: set[int] = set()
    notes: list[TasteNote] = []
    for feedback, day in rows:
        track = tracks.get(feedback.track_id) if feedback.track_id is not None else None
        label = f"{track.title} — {track.artist}" if track else ""
        if feedback.kind == FeedbackKind.RATING and feedback.rating and feedback.track_id is not None:
            latest_rating[feedback.track_id] = (feedback.rating, day)
        if feedback.kind == FeedbackKind.TOURNAMENT and feedback.track_id is not None:
            winners.add(feedback.track_id)  # store_feedback keeps the winner as the track (choices: the ranking)
        if feedback.text.strip():
            notes.append(TasteNote(study_day=day, kind=feedback.kind, text=feedback.text.strip(), track=label))
        elif feedback.kind == FeedbackKind.MULTIPLE_CHOICE and feedback.choices:
            notes.append(TasteNote(study_day=day, kind=feedback.kind, text="; ".join(feedback.choices), track=label))
    notes.extend(TasteNote(study_day=1, kind="idea", text=i.text) for i in ideas if i.text.strip())

    def as_taste(track_id: int, rating: int | None, day: int) -> TasteTrack:
        t = tracks[track_id]
        return TasteTrack(
            track_id=track_id, title=t.title, artist=t.artist, album=t.album, year=t.year, rating=rating,
            study_day=day, keywords=list(t.keywords), won_tournament=track_id in winners,
        )

    # The same song recommended on several days is one song here: its newest rating counts.
    songs: dict[tuple[str, str], TasteTrack] = {}
    day_of = {f.track_id: d for f, d in rows if f.track_id is not None}
    rated = [(i, r, d) for i, (r, d) in latest_rating.items()]
    rated += [(i, None, day_of[i]) for i in winners if i not in latest_rating and i in tracks]
    for track_id, rating, day in sorted(rated, key=lambda x: (x[2], x[0])):
        t = tracks[track_id]
        key = (t.title.strip().casefold(), t.artist.strip().casefold())
        before = songs.get(key)
        days = tuple(sorted({*(before.days if before else ()), day}))
        newer = as_taste(track_id, rating if rating is not None else (before.rating if before else None), day)
        songs[key] = replace(newer, days=days, won_tournament=newer.won_tournament or bool(before and before.won_tournament))
    liked = [t for t in songs.values() if (t.rating is None and t.won_tournament) or (t.rating or 0) >= LIKED_FROM]
    disliked = [t for t in songs.values() if t.rating is not None and t.rating <= DISLIKED_UP_TO]
    liked.sort(key=lambda t: (-(t.rating or 5), t.study_day))
    disliked.sort(key=lambda t: (t.rating or 0, t.study_day))
    return TasteSummary(
        liked=liked,
        disliked=disliked,
        liked_keywords=_keywords(liked),
        disliked_keywords=_keywords(disliked),
        notes=notes,
        annotation=str(annotation.detail.get("text", "")) if annotation else "",
        annotated_at=annotation.at if annotation else None,
    )


def save_annotation(store: Store, text: str) -> None:
    if len(text) > 50_000:
        from diaryrec.errors import QT_TRANSLATE_NOOP, UserError

        raise UserError(QT_TRANSLATE_NOOP("UserError", "Your notes are longer than {limit:,} characters; please shorten them."), limit=50_000)
    store.log_event("taste_annotation", text=text)
