"""A PNG of every screen, in English and Korean, under test-artifacts/screens/ so
anyone can look at them. The test checks each picture was drawn with content."""

import datetime as dt
import io

import pytest
from PIL import Image
from PySide6.QtGui import QColor

from diaryrec.paths import DataLayout
from diaryrec.services import diary, taste
from diaryrec.store import open_store
from diaryrec.store.models import Conversation, Feedback, IdeationItem, Message, RecommendedTrack, SheetVersion
from diaryrec.ui.first_run import FirstRunView

from diaryrec.protocol import schedule

from ui_helpers import seoul

SIZE = (1280, 800)  # a 13-inch laptop's usual logical size


def at(active, day: int, hours: float):
    """``hours`` after study day ``day`` began (04:00 local), whatever the machine's zone."""
    start, _ = schedule.day_bounds(active.study, active.enrolment.enrolled_on, active.zone, day)
    return start + dt.timedelta(hours=hours)


def _seed(data_dir, active):
    store = open_store(DataLayout(data_dir))
    with store.session() as session:
        for day in (1, 2, 3, 5, 8):
            conv = Conversation(study_day=day, purpose="daily" if day > 1 else "ice_breaking")
            session.add(conv)
            session.flush()
            session.add(Message(conversation_id=conv.id, seq=1, role="user", text="비 오는 날 듣기 좋은 잔잔한 노래를 추천해 줘"))
            reply = Message(conversation_id=conv.id, seq=2, role="assistant", text="비 오는 날에 어울리는 곡들을 골라 봤어요.")
            session.add(reply)
            session.flush()
            tracks = [
                RecommendedTrack(message_id=reply.id, position=0, title="봄날", artist="BTS", album="You Never Walk Alone", year=2017,
                                 keywords=["감성", "겨울"], verdict="verified"),
                RecommendedTrack(message_id=reply.id, position=1, title="Rain", artist="태연", year=2016, keywords=["비", "감성"], verdict="uncertain"),
                RecommendedTrack(message_id=reply.id, position=2, title="Made-up Song", artist="Nobody", keywords=["loud"], verdict="not_found"),
            ]
            session.add_all(tracks)
            session.flush()
            session.add_all([
                Feedback(conversation_id=conv.id, message_id=reply.id, track_id=tracks[0].id, kind="rating", rating=5),
                Feedback(conversation_id=conv.id, message_id=reply.id, track_id=tracks[1].id, kind="rating", rating=4),
                Feedback(conversation_id=conv.id, message_id=reply.id, track_id=tracks[2].id, kind="rating", rating=1),
                Feedback(conversation_id=conv.id, message_id=reply.id, track_id=tracks[2].id, kind="free_text", text="너무 시끄러워서 비 오는 날과 안 맞아요"),
            ])
        session.add(IdeationItem(stage=1, position=0, text="오늘의 날씨와 기분"))
        session.add(SheetVersion(sheet_key="recommender-1", kind="planning", version=1, study_day=8, content={"name": "비 오는 날 DJ"}))
        session.commit()
    for day in (1, 2, 5):
        diary.save_entry(store, active, day, {"strengths_weaknesses": "", "pros_cons": "새로운 곡을 알게 되어 좋았다. 설명이 조금 길었다."},
                         now=at(active, day, 17) if day != 2 else at(active, 3, 6))
    buf = io.BytesIO()
    Image.new("RGB", (400, 1400), (230, 240, 250)).save(buf, format="PNG")
    diary.add_screenshot(store, 9, buf.getvalue(), automatic=True)
    diary.save_draft(store, 9, {"strengths_weaknesses": "사진으로 분위기를 전할 수 있어서 좋다.\n하지만 가끔 없는 곡을 추천한다.", "suggestions": ""})
    taste.save_annotation(store, "비 오는 날엔 잔잔한 발라드가 좋다. 너무 시끄러운 곡은 싫다.")
    store.close()


def _save(window, qtbot, path):
    qtbot.wait(150)  # let workers deliver and layouts settle
    image = window.grab().toImage()
    assert image.width() >= SIZE[0] - 10 and image.height() >= SIZE[1] - 10
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    assert len(colours) > 4, f"{path.name} looks blank"
    image.save(str(path))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pictures_of_every_screen(qtbot, open_window, data_dir, default_study, artifacts_dir, lang):
    folder = artifacts_dir / "screens"
    folder.mkdir(exist_ok=True)

    window, context = open_window(now=seoul(2, 10), lang=lang)
    window.resize(*SIZE)
    first = window.centralWidget()
    assert isinstance(first, FirstRunView)
    _save(window, qtbot, folder / f"{lang}-01-first-run.png")
    first.show_study(default_study, sandbox=False)
    _save(window, qtbot, folder / f"{lang}-02-consent.png")
    first.consent_box.setChecked(True)
    first.code.setText("P07")
    first.consent_next.click()
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    _save(window, qtbot, folder / f"{lang}-03-credentials.png")
    first.join_button.click()
    qtbot.waitUntil(lambda: context.study is not None)
    active = context.study
    window.close()

    _seed(data_dir, active)
    window, context = open_window(now=at(active, 9, 17), lang=lang)  # day 9, 21:00
    window.resize(*SIZE)
    window.show_screen("home")
    qtbot.waitUntil(lambda: len(window.home.timeline_view.cells) == 21)
    _save(window, qtbot, folder / f"{lang}-04-home.png")
    window.open_day(1)
    qtbot.waitUntil(lambda: window.screens["day"].record is not None)
    _save(window, qtbot, folder / f"{lang}-05-day.png")
    window.open_diary(None)
    qtbot.waitUntil(lambda: window.diary.day == 9 and window.diary.screenshots.list.count() == 1)
    _save(window, qtbot, folder / f"{lang}-06-diary.png")
    window.show_screen("taste")
    qtbot.waitUntil(lambda: window.screens["taste"].summary is not None)
    _save(window, qtbot, folder / f"{lang}-07-my-taste.png")
    window.show_screen("settings")
    qtbot.waitUntil(window.screens["settings"].credentials.isEnabled)
    _save(window, qtbot, folder / f"{lang}-08-settings.png")
