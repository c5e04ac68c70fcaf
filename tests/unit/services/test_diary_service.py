import datetime as dt
import io

import pytest
from PIL import Image
from sqlmodel import select

from diaryrec.services import diary
from diaryrec.services.study import join_study
from diaryrec.store.models import DiaryScreenshot, Event

JOINED = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.timezone.utc)  # 10:00 in Seoul, day 1


@pytest.fixture
def active(store, default_study):
    return join_study(store, default_study, "P01", now=JOINED, zone_name="Asia/Seoul")


def _png(w=40, h=30, color=(200, 10, 10)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, format="PNG")
    return buf.getvalue()


def test_drafts_then_save_on_time(store, active):
    assert diary.latest_draft(store, 1).status == "none"
    diary.save_draft(store, 1, {"pros_cons": "장점: 새로운 곡"})
    diary.save_draft(store, 1, {"pros_cons": "장점: 새로운 곡, 단점: 너무 많음"})
    draft = diary.latest_draft(store, 1)
    assert draft.status == "draft" and draft.answers["pros_cons"].endswith("너무 많음")
    saved = diary.save_entry(store, active, 1, draft.answers, now=JOINED + dt.timedelta(hours=5))
    assert saved.saved and not saved.late and saved.revision == 1
    # the timer never turns a saved entry back into a draft
    diary.save_draft(store, 1, {"pros_cons": "typed after saving"})
    assert diary.latest_draft(store, 1).answers["pros_cons"].endswith("너무 많음")
    with store.session() as session:
        kinds = [e.kind for e in session.exec(select(Event)).all()]
    assert "entry_saved" in kinds


def test_late_entry_is_marked_late_and_keeps_that_on_resave(store, active):
    after_day_1 = dt.datetime(2026, 3, 2, 19, 30, tzinfo=dt.timezone.utc)  # 04:30 next day in Seoul
    saved = diary.save_entry(store, active, 1, {"pros_cons": "늦게"}, now=after_day_1)
    assert saved.late
    again = diary.save_entry(store, active, 1, {"pros_cons": "고침"}, now=after_day_1 + dt.timedelta(hours=1))
    assert again.late and again.revision == 2


def test_open_entry_logs_an_event(store, active):
    diary.open_entry(store, 2)
    with store.session() as session:
        events = session.exec(select(Event).where(Event.kind == "entry_opened")).all()
    assert [e.detail["day"] for e in events] == [2]


def test_screenshots_add_remove_and_image_files(store, active, tmp_path):
    auto = diary.add_screenshot(store, 1, _png(), automatic=True)
    assert auto.path.exists() and auto.path.parent == store.layout.screenshots
    photo = tmp_path / "사진.jpg"
    Image.new("RGB", (64, 48), (0, 128, 0)).save(photo, format="JPEG")
    added = diary.add_image_file(store, 1, photo)
    with Image.open(added.path) as image:
        # re-encoded through the chat photos' gate (media.images): a photo stays JPEG, without metadata
        assert image.format == "JPEG" and image.size == (64, 48) and not image.getexif()
    state = diary.latest_draft(store, 1)
    assert [(s.automatic, s.position) for s in state.screenshots] == [(True, 0), (False, 1)]
    diary.remove_screenshot(store, auto.id)
    assert not auto.path.exists()
    with store.session() as session:
        assert len(session.exec(select(DiaryScreenshot)).all()) == 1


def test_an_unreadable_image_is_refused_in_plain_words(store, active, tmp_path):
    fake = tmp_path / "notes.png"
    fake.write_text("not an image")
    with pytest.raises(diary.DiaryImageError, match="notes.png is not a picture diaryrec can use"):
        diary.add_image_file(store, 1, fake)
