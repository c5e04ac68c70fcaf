from diaryrec.services import taste
from diaryrec.services.day_record import day_record
from diaryrec.services.diary import save_draft
from diaryrec.services.feedback import FeedbackItem, store_feedback
from diaryrec.store import glance
from diaryrec.store.models import Conversation, Feedback, IdeationItem, Message, RecommendedTrack, SheetVersion


def _conversation(store, day=3):
    with store.session() as session:
        conv = Conversation(study_day=day, purpose="daily")
        session.add(conv)
        session.flush()
        session.add(Message(conversation_id=conv.id, seq=0, role="system", text="system prompt"))
        user = Message(conversation_id=conv.id, seq=1, role="user", text="비 오는 날 음악")
        reply = Message(conversation_id=conv.id, seq=2, role="assistant", text="추천합니다")
        session.add_all([user, reply])
        session.flush()
        tracks = [
            RecommendedTrack(message_id=reply.id, position=i, title=t, artist=a, keywords=k, verdict="verified")
            for i, (t, a, k) in enumerate([
                ("봄날", "BTS", ["감성", "겨울"]),
                ("Hype Boy", "NewJeans", ["Upbeat", "감성"]),
                ("Loud Song", "Band", ["loud"]),
            ])
        ]
        session.add_all(tracks)
        session.flush()
        ids = [t.id for t in tracks]
        session.commit()
        return conv.id, reply.id, ids


def test_taste_summary_groups_ratings_keywords_and_notes(store):
    conv, msg, (spring, hype, loud) = _conversation(store)
    with store.session() as session:
        session.add_all([
            Feedback(conversation_id=conv, message_id=msg, track_id=spring, kind="rating", rating=5),
            Feedback(conversation_id=conv, message_id=msg, track_id=hype, kind="rating", rating=2),
            Feedback(conversation_id=conv, message_id=msg, track_id=hype, kind="rating", rating=4),  # changed mind
            Feedback(conversation_id=conv, message_id=msg, track_id=loud, kind="rating", rating=1),
            Feedback(conversation_id=conv, message_id=msg, track_id=loud, kind="free_text", text="너무 시끄러워요"),
            Feedback(conversation_id=conv, message_id=msg, kind="multiple_choice", choices=["가사가 좋다", "템포"]),
            IdeationItem(stage=1, position=0, text="오늘의 날씨"),
        ])
        session.commit()
    summary = taste.taste_summary(store)
    assert [t.title for t in summary.liked] == ["봄날", "Hype Boy"]
    assert [t.title for t in summary.disliked] == ["Loud Song"]
    assert summary.liked_keywords[0] == ("감성", 2)
    assert ("loud", 1) in summary.disliked_keywords
    texts = [(n.kind, n.text, n.track) for n in summary.notes]
    assert ("free_text", "너무 시끄러워요", "Loud Song — Band") in texts
    assert ("multiple_choice", "가사가 좋다; 템포", "") in texts
    assert ("idea", "오늘의 날씨", "") in texts


def test_annotation_newest_wins(store):
    assert taste.taste_summary(store).annotation == ""
    taste.save_annotation(store, "첫 메모")
    taste.save_annotation(store, "I like rainy-day ballads")
    summary = taste.taste_summary(store)
    assert summary.annotation == "I like rainy-day ballads" and summary.empty


def _recommender(store):
    """The name the home screen shows, read the way it reads it (plain SQL)."""
    with glance.reading(store.layout.database) as query:
        return glance.recommender_name(query)


def test_current_recommender_is_the_newest_planning_version(store):
    assert _recommender(store) is None
    with store.session() as session:
        session.add(SheetVersion(sheet_key="recommender-1", kind="planning", version=1, study_day=8, content={"name": "비 오는 날 DJ"}))
        session.add(SheetVersion(sheet_key="day-3", kind="daily", version=1, study_day=3, content={"name": "not this"}))
        session.commit()
        session.add(SheetVersion(sheet_key="recommender-1", kind="planning", version=2, study_day=15, content={"name": "사진 DJ"}))
        session.commit()
    assert _recommender(store) == "사진 DJ"


def test_day_record_lists_messages_tracks_and_entry(store):
    _conversation(store, day=3)
    save_draft(store, 3, {"pros_cons": "좋았다"})
    record = day_record(store, 3)
    assert [m.role for m in record.conversations[0].messages] == ["user", "assistant"]
    assert [t.title for t in record.conversations[0].messages[1].tracks] == ["봄날", "Hype Boy", "Loud Song"]
    assert record.diary.answers == {"pros_cons": "좋았다"}
    assert day_record(store, 4).conversations == []


def test_a_song_recommended_on_several_days_is_one_song_with_its_newest_rating(store):
    conv1, msg1, (spring1, _, _) = _conversation(store, day=3)
    conv2, msg2, (spring2, _, _) = _conversation(store, day=5)
    with store.session() as session:
        session.add_all([
            Feedback(conversation_id=conv1, message_id=msg1, track_id=spring1, kind="rating", rating=2),
            Feedback(conversation_id=conv2, message_id=msg2, track_id=spring2, kind="rating", rating=5),
        ])
        session.commit()
    summary = taste.taste_summary(store)
    assert [(t.title, t.rating, t.days) for t in summary.liked] == [("봄날", 5, (3, 5))]
    assert summary.disliked == []
    assert summary.liked_keywords == [("감성", 1), ("겨울", 1)]  # equal counts: in the order they came, every time


def test_the_tournament_winner_is_among_the_liked_tracks(store):
    """Stored as the participant sends it (store_feedback: the winner is the track, the
    ranking the choices); it used to look for a "winner" choice that never exists."""
    conv, msg, (spring, hype, loud) = _conversation(store)
    store_feedback(store, conv, msg, [FeedbackItem(kind="tournament", ranking=[loud, hype, spring])])
    summary = taste.taste_summary(store)
    assert [(t.title, t.won_tournament) for t in summary.liked] == [("Loud Song", True)]
