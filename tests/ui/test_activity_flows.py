"""The study's working screens, driven through the sandbox fakes (real loopback
HTTP servers): the ice-breaking sheet, a week-1 day, the planning sheet, a week-2
day with ratings, the diary's automatic whole-conversation screenshot, and the
week-3 revision. Each step checks the rows it stored."""

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from diaryrec.protocol.model import Activity
from diaryrec.services.study import join_study
from diaryrec.store.models import (
    Conversation,
    DiaryScreenshot,
    Feedback,
    IceBreakingAnswer,
    IdeationItem,
    Message,
    RecommendedTrack,
    SheetVersion,
)
from diaryrec.runtime.context import AppContext

from ui_helpers import JOINED, seoul


@pytest.fixture
def sandbox_joined(data_dir, default_study):
    context = AppContext.open(data_dir)
    active = join_study(context.store, default_study, "P07", now=JOINED, zone_name="Asia/Seoul", sandbox=True)
    context.close()
    return active


def _rows(context, model, *where):
    with context.store.session() as session:
        return session.exec(select(model).where(*where)).all()


def _send(qtbot, chat, text):
    before = chat.turns_done
    chat.input.setFocus()
    chat.input.setPlainText(text)
    qtbot.keyClick(chat.input, Qt.Key.Key_Return)  # Enter sends
    qtbot.waitUntil(lambda: chat.turns_done == before + 1 or chat.last_error is not None, timeout=15000)
    assert chat.last_error is None, chat.last_error
    assert chat.input.toPlainText() == ""


def _check(choice_list, *codes):
    for row in range(choice_list.count()):
        item = choice_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in codes:
            item.setCheckState(Qt.CheckState.Checked)


def test_the_three_weeks_through_the_sandbox(qtbot, open_window, sandbox_joined):
    window, context = open_window(now=seoul(2, 12), lang="ko", sandbox=True)
    assert context.turns is not None and context.llm.config.sandbox
    # -- week 1 day 1: the ice-breaking sheet ------------------------------------------------
    window.home.refresh()
    qtbot.waitUntil(lambda: window.home.activity_button.isVisible())
    window.home.activity_button.click()
    assert window.current_key == "activity"
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.state is not None and sheet.current == ("task", "s1-demographics"))
    assert sheet.progress.text() == "10개 중 0개 과제 완료"
    _send(qtbot, sheet.chat, "안녕! 나는 26살 개발자야. 음악 추천해 줘")
    assert sheet.chat.cards, "the plain assistant's reply shows recommendation cards"
    qtbot.waitUntil(lambda: all(c.track.verdict != "pending" for c in sheet.chat.cards.values()))
    assert sheet.chat.cards and any(c.track.verdict == "verified" for c in sheet.chat.cards.values())
    verified = [c for c in sheet.chat.cards.values() if c.track.verdict == "verified"]
    qtbot.waitUntil(lambda: all(c.cover.pixmap() is not None and not c.cover.pixmap().isNull() for c in verified))
    assert all(c.open_button.isEnabled() and c.track.url.startswith("https://open.spotify.com/track/") for c in verified)
    assert all(c.badge.text() == "✓ Spotify에서 확인됨" for c in verified)  # words, not colour alone
    assert sheet.chat.who("assistant") == "정해진 답변(샌드박스)"  # scripted, never "AI"
    sheet.pros.setPlainText("간단하다")
    sheet.cons.setPlainText("너무 일반적이다")
    sheet.done_button.click()
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-five-favourites"))
    answer = _rows(context, IceBreakingAnswer, IceBreakingAnswer.task_id == "s1-demographics")[0]
    assert (answer.pros, answer.cons) == ("간단하다", "너무 일반적이다") and answer.completed_at is not None
    conv = _rows(context, Conversation, Conversation.id == answer.conversation_id)[0]
    assert (conv.purpose, conv.task_id, conv.study_day, conv.sandbox) == ("ice_breaking", "s1-demographics", 1, True)
    assert [m.role for m in _rows(context, Message, Message.conversation_id == conv.id)] == ["system", "user", "assistant"]
    # the stage's ideation list, then leave and resume
    sheet._select(("ideas", 1))
    qtbot.waitUntil(lambda: sheet.current == ("ideas", 1))
    for idea in ("오늘의 날씨", "최근에 본 영화"):
        sheet.new_idea.setText(idea)
        sheet.add_button.click()
        qtbot.waitUntil(lambda: sheet.current == ("ideas", 1) and sheet.ideas.count() >= 1)
    qtbot.waitUntil(lambda: len(_rows(context, IdeationItem)) == 2)
    assert [i.text for i in _rows(context, IdeationItem, IdeationItem.stage == 1)] == ["오늘의 날씨", "최근에 본 영화"]
    window.open_activity(1, Activity.ICE_BREAKING)  # resumed: opens on the first task not done
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-five-favourites"))
    assert sheet.progress.text() == "10개 중 1개 과제 완료"

    # -- week 1 day 2: the daily composer, own ideas first ------------------------------------
    context.now = lambda: seoul(3, 12)
    window.open_activity(2, Activity.DAILY_COMPOSER)
    composer = window.screens["activity"].body
    qtbot.waitUntil(lambda: composer.form is not None)
    first = composer.form.data_types.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == "" and "오늘의 날씨" in first.text()
    first.setCheckState(Qt.CheckState.Checked)
    _check(composer.form.purposes, "will_like")
    _check(composer.form.styles, "keywords")
    _check(composer.form.modes, "rating")
    composer.form.count.setValue(3)
    qtbot.waitUntil(lambda: "오늘의 날씨" in composer.preview.toPlainText())
    composer.save_button.click()
    qtbot.waitUntil(lambda: composer.pages.currentIndex() == 1)
    _send(qtbot, composer.chat, "비 오는 날 듣기 좋은 노래")
    daily = _rows(context, SheetVersion, SheetVersion.kind == "daily")
    assert [(v.sheet_key, v.study_day) for v in daily] == [("day-2", 2)]
    assert daily[0].content["preference_input"]["own_data_types"] == ["오늘의 날씨"]
    conv2 = _rows(context, Conversation, Conversation.study_day == 2)[0]
    assert (conv2.purpose, conv2.sheet_version_id) == ("daily", daily[0].id)

    # -- week 2 day 1: the planning sheet, then a day with ratings -------------------------
    context.now = lambda: seoul(9, 12)
    window.open_activity(8, Activity.PLANNING_SHEET)
    planning = window.screens["activity"].body
    qtbot.waitUntil(lambda: planning.form is not None)
    planning.name.setText("비 오는 날 DJ")
    planning.objective.setPlainText("날씨에 맞는 음악을 추천받기")
    _check(planning.form.data_types, "situation_emotion")
    _check(planning.form.purposes, "will_like")
    _check(planning.form.styles, "keywords")
    _check(planning.form.modes, "rating")
    planning.form.count.setValue(4)
    qtbot.waitUntil(lambda: "비 오는 날 DJ" in planning.preview.toPlainText())
    planning.save_button.click()
    qtbot.waitUntil(lambda: planning.pages.currentIndex() == 1)
    week2 = _rows(context, SheetVersion, SheetVersion.kind == "planning")
    assert [(v.sheet_key, v.version, v.study_day, v.based_on_id) for v in week2] == [("recommender-1", 1, 8, None)]

    context.now = lambda: seoul(10, 12)
    window.open_activity(9, Activity.OWN_RECOMMENDER)
    own = window.screens["activity"].body
    qtbot.waitUntil(lambda: own.chat.factory is not None)
    _send(qtbot, own.chat, "퇴근길에 들을 잔잔한 노래")
    panel = own.chat.feedback
    assert panel is not None and len(panel.stars) == len(own.chat.cards) > 0
    for n, stars in enumerate(panel.stars.values()):
        stars.buttons[n % 5].click()
    panel.send_button.click()
    qtbot.waitUntil(lambda: own.chat.turns_done == 2, timeout=15000)
    ratings = _rows(context, Feedback, Feedback.kind == "rating")
    assert len(ratings) == len(panel.stars) and ratings[0].rating == 1 and ratings[0].sent_as_message_id is not None
    sent = _rows(context, Message, Message.id == ratings[0].sent_as_message_id)[0]
    assert "1/5점" in sent.text

    # -- the diary: the whole conversation as the automatic screenshot ------------------------
    window.screens["activity"].go_to_diary()
    assert window.current_key == "diary"
    qtbot.waitUntil(lambda: window.diary.state is not None and window.diary.day == 9 and len(window.diary.state.screenshots) == 1)
    info = window.diary.state.screenshots[0]
    assert info.automatic
    # the earlier days' conversations were captured for their entries when they were left
    assert len(_rows(context, DiaryScreenshot, DiaryScreenshot.automatic == True)) == 3  # noqa: E712 - days 1, 2, 9 (no chat on day 8)
    from PySide6.QtGui import QImage

    image = QImage(str(info.path))
    viewport = own.chat.scroll.viewport().height()
    assert image.height() > viewport, "the whole conversation, not only the visible part"

    # -- week 3 day 1: the revision, starting from the week-2 version ------------------------
    context.now = lambda: seoul(16, 12)
    window.open_activity(15, Activity.PLANNING_REVISION)
    revision = window.screens["activity"].body
    qtbot.waitUntil(lambda: revision.form is not None and revision.name.text() == "비 오는 날 DJ")
    assert revision.start_from.currentData() == "base"
    revision.form.count.setValue(6)
    qtbot.waitUntil(lambda: "곡 수: 4 → 6" in revision.changes.text())
    assert any(line.startswith("+") and "6" in line for line in revision.diff.toPlainText().splitlines())
    assert "피드백 방식" not in revision.changes.text()  # only what changed is listed
    revision.save_button.click()
    qtbot.waitUntil(lambda: revision.pages.currentIndex() == 1)
    versions = _rows(context, SheetVersion, SheetVersion.kind == "planning")
    assert [(v.sheet_key, v.version, v.study_day) for v in versions] == [("recommender-1", 1, 8), ("recommender-1", 2, 15)]
    assert versions[1].based_on_id == versions[0].id and versions[1].content["presentation"]["track_count"] == 6
    assert versions[0].content["presentation"]["track_count"] == 4  # the week-2 version is kept as it was
    assert _rows(context, RecommendedTrack)


def test_errors_show_in_the_conversation_and_keep_the_message(qtbot, open_window, sandbox_joined):
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.open_activity(1, Activity.ICE_BREAKING)
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    context._services.sandbox_llm.fail_next("unauthorized")
    chat = sheet.chat
    chat.input.setPlainText("hello there")
    chat.send_button.click()
    qtbot.waitUntil(lambda: chat.last_error is not None, timeout=15000)
    assert chat.retry_button.isEnabled() and not chat.busy
    errors = [w for w in chat.inner.findChildren(type(chat.inner)) if w.objectName() == "chatError"]
    assert errors and "API key" in errors[0].accessibleName()
    chat.retry()  # the stored message is answered this time
    qtbot.waitUntil(lambda: chat.turns_done == 1, timeout=15000)
    users = _rows(context, Message, Message.role == "user")
    assert [m.text for m in users] == ["hello there"]


def test_test_connection_works_against_the_sandbox_fakes(qtbot, open_window, sandbox_joined):
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.show_screen("settings")
    form = window.screens["settings"].credentials
    qtbot.waitUntil(form.isEnabled)
    assert form.base_url.text() == context._services.sandbox_llm.url and form.spotify_token_url == context._services.sandbox_spotify.token_url
    with qtbot.waitSignal(form.tested, timeout=15000) as reports:
        form.test_button.click()
    assert [(r.service, r.ok) for r in reports.args[0]] == [("llm", True), ("spotify", True)]
    assert form.result.text().splitlines() == ["Language model: works.", "Spotify: works."]


def test_a_past_day_opens_read_only(qtbot, open_window, sandbox_joined):
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.open_activity(1, Activity.ICE_BREAKING)
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    _send(qtbot, sheet.chat, "Recommend music for a 26-year-old developer")
    window.close()
    window, context = open_window(now=seoul(4, 12), lang="en", sandbox=True)  # day 3
    window.open_day(1)
    day = window.screens["day"]
    qtbot.waitUntil(lambda: day.record is not None)
    assert day.activity_button.isVisible()
    day.activity_button.click()
    view = window.screens["activity"]
    assert view.read_only and not view.diary_button.isVisible() and "read-only" in view.title.text()
    sheet = view.body
    qtbot.waitUntil(lambda: len(sheet.chat.cards) > 0)  # the stored conversation with its cards
    assert not sheet.chat.composer.isVisible() and not sheet.pros.isEnabled()
    assert sheet.chat.feedback is None


def test_a_tournament_ranks_every_track_winner_first(qtbot):
    from diaryrec.services.conversation import TrackView
    from diaryrec.ui.feedback_widgets import Tournament

    tracks = [TrackView(i, 1, f"Song {i}", "Artist", None, None, "", [], "verified") for i in (11, 12, 13, 14, 15)]
    widget = Tournament(tracks)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.finished) as done:
        while widget.pair() is not None:
            left, right = widget.pair()
            widget.choose(0 if left > right else 1)  # the higher id always wins
    assert done.args[0][0] == 15 and sorted(done.args[0]) == [11, 12, 13, 14, 15]


def test_stop_keeps_the_message_and_sending_it_again_answers_it(qtbot, open_window, sandbox_joined):
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.open_activity(1, Activity.ICE_BREAKING)
    chat = window.screens["activity"].body.chat
    qtbot.waitUntil(lambda: chat.factory is not None)
    context._services.sandbox_llm.fail_next("slow_first_token", delay=5)
    chat.input.setPlainText("a slow one")
    chat.send_button.click()
    qtbot.waitUntil(lambda: chat.stop_button.isEnabled())
    chat.stop_button.click()
    qtbot.waitUntil(lambda: chat.last_error is not None, timeout=4000)  # well before the 5 s the server waits
    assert type(chat.last_error).__name__ == "TurnCancelledError"
    assert chat.input.toPlainText() == "a slow one" and chat.retry_button.isEnabled()
    chat.last_error = None
    chat.send_button.click()  # the same text again: the stored message is answered, not stored twice
    qtbot.waitUntil(lambda: chat.turns_done == 1, timeout=15000)
    assert [m.text for m in _rows(context, Message, Message.role == "user")] == ["a slow one"]
    assert chat.input.toPlainText() == ""


def test_images_attached_pasted_and_sent(qtbot, open_window, sandbox_joined, tmp_path):
    from PIL import Image
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QColor, QImage

    from diaryrec.store.models import MessageImage

    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.open_activity(1, Activity.ICE_BREAKING)
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    sheet._select(("task", "s1-image-mood"))
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-image-mood"))
    assert "Attach a picture" in sheet.example.text()
    chat = sheet.chat
    photo = tmp_path / "노을.jpg"
    Image.new("RGB", (64, 48), (250, 120, 60)).save(photo)
    chat.attach_files([photo])
    pasted = QImage(32, 32, QImage.Format.Format_RGB32)
    pasted.fill(QColor("navy"))
    mime = QMimeData()
    mime.setImageData(pasted)
    chat.input.insertFromMimeData(mime)
    assert [name for name, _ in chat.attachments] == ["노을.jpg", "pasted image"] and "노을.jpg" in chat.attached.text()
    chat.input.setPlainText("Music for this mood, please")
    qtbot.keyClick(chat.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not a send
    assert chat.turns_done == 0 and chat.input.toPlainText().count("\n") == 1
    chat.send_button.click()
    qtbot.waitUntil(lambda: chat.turns_done == 1 or chat.last_error is not None, timeout=15000)
    assert chat.last_error is None
    assert sorted((i.width, i.height) for i in _rows(context, MessageImage)) == [(32, 32), (64, 48)]
    sent = context._services.sandbox_llm.chat_requests[-1]["messages"][-1]["content"]
    assert [part["type"] for part in sent].count("image_url") == 2
    assert chat.attachments == []


def test_multiple_choice_free_text_and_tournament_feedback(qtbot, open_window, sandbox_joined):
    window, context = open_window(now=seoul(3, 12), lang="en", sandbox=True)
    window.open_activity(2, Activity.DAILY_COMPOSER)
    composer = window.screens["activity"].body
    qtbot.waitUntil(lambda: composer.form is not None)
    _check(composer.form.data_types, "music_description")
    _check(composer.form.purposes, "will_like")
    _check(composer.form.styles, "keywords")
    _check(composer.form.modes, "multiple_choice", "free_text", "tournament")
    composer.form.count.setValue(4)
    qtbot.waitUntil(lambda: composer.save_button.isEnabled())
    composer.save_button.click()
    qtbot.waitUntil(lambda: composer.pages.currentIndex() == 1)
    chat = composer.chat
    _send(qtbot, chat, "calm piano and warm vocals")
    panel = chat.feedback
    assert panel is not None and panel.choices, "the recommender's options as check boxes"
    assert panel.free_text is not None and panel.tournament is not None
    panel.choices[0].setChecked(True)
    panel.free_text.setPlainText("The second one felt too loud for the evening.")
    while panel.tournament.pair() is not None:
        panel.tournament.left.click()
    ranking = panel.tournament.ranking
    assert len(ranking) == len(chat.cards) and "Winner" in panel.tournament.question.text()
    panel.send_button.click()
    qtbot.waitUntil(lambda: chat.turns_done == 2, timeout=15000)
    stored = {f.kind: f for f in _rows(context, Feedback)}
    assert stored["multiple_choice"].choices == [panel.choices[0].text()]
    assert stored["free_text"].text == "The second one felt too loud for the evening."
    assert stored["tournament"].choices == [str(t) for t in ranking] and stored["tournament"].track_id == ranking[0]
    assert len({f.sent_as_message_id for f in stored.values()}) == 1
    assert chat.feedback is not panel  # the reply to the feedback brings its own questions


def test_services_start_from_the_settings_and_unchecked_tracks_are_checked_again(qtbot, open_window, data_dir, default_study):
    import datetime as dt

    context = AppContext.open(data_dir)
    context.joined(join_study(context.store, default_study, "P07", now=JOINED, zone_name="Asia/Seoul"))  # starts them
    assert context.validator.catalogs == ["musicbrainz"]  # no Spotify app set up: the open catalog checks
    assert context.llm.config.base_url == "https://api.openai.com/v1" and not context.llm.config.sandbox
    assert context.turns is not None
    context.stop_services()
    assert context.turns is None and context.llm is None
    with context.store.session() as session:
        conv = Conversation(study_day=1, purpose="ice_breaking", task_id="s1-demographics")
        session.add(conv)
        session.flush()
        reply = Message(conversation_id=conv.id, seq=1, role="assistant", text="…")
        session.add(reply)
        session.flush()
        session.add(RecommendedTrack(message_id=reply.id, position=0, title="Spring Day", artist="BTS", verdict="unchecked",
                                     next_check_at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)))
        session.commit()
    context.close()
    from diaryrec.store.models import Enrolment

    again = AppContext.open(data_dir)
    with again.store.session() as session:  # this study runs in the sandbox from now on
        enrolment = session.exec(select(Enrolment)).one()
        enrolment.sandbox = True
        session.add(enrolment)
        session.commit()
    again.close()
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    qtbot.waitUntil(lambda: _rows(context, RecommendedTrack)[0].verdict != "unchecked", timeout=15000)
    assert _rows(context, RecommendedTrack)[0].verdict == "verified"


def test_saved_settings_rebuild_the_llm_client(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 12), lang="en", services=True)
    assert context.llm.config.model == "gpt-4o-mini"
    window.show_screen("settings")
    view = window.screens["settings"]
    qtbot.waitUntil(view.credentials.isEnabled)
    view.credentials.model.setText("gpt-4.1-mini")
    view.credentials.api_key.setText("sk-test-key-123")
    view.save()
    qtbot.waitUntil(lambda: context.llm is not None and context.llm.config.model == "gpt-4.1-mini", timeout=5000)
    assert context.llm.config.api_key == "sk-test-key-123"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_planning_sheet_says_what_is_missing_in_the_interface_language(qtbot, open_window, sandbox_joined, lang,
                                                                          artifacts_dir):
    window, context = open_window(now=seoul(9, 12), lang=lang, sandbox=True)
    window.open_activity(8, Activity.PLANNING_SHEET)
    planning = window.screens["activity"].body
    qtbot.waitUntil(lambda: planning.form is not None)
    words = {
        "en": ("Stage 1: choose at least one kind of information", "Stage 3: choose at least one way", "Give your recommender a name"),
        "ko": ("1단계", "3단계", "이름"),
    }[lang]
    planning.update_preview()
    assert words[0] in planning.problem.text() and not planning.save_button.isEnabled()
    qtbot.wait(200)  # laid out
    window.grab().save(str(artifacts_dir / "screens" / f"{lang}-14-planning-incomplete.png"))
    _check(planning.form.data_types, "situation_emotion")
    planning.update_preview()
    assert words[1] in planning.problem.text()
    _check(planning.form.modes, "rating")
    planning.name.setText("")
    planning.update_preview()
    assert words[2] in planning.problem.text()
    assert "String should" not in planning.problem.text()  # never pydantic's own words
    planning.name.setText("비 오는 날 DJ")
    planning.objective.setPlainText("날씨에 맞는 음악")
    planning.update_preview()
    assert planning.problem.text() == "" and planning.save_button.isEnabled()


def test_every_ice_breaking_conversation_of_the_day_reaches_the_diary(qtbot, open_window, sandbox_joined):
    """One chat shows the tasks' conversations one after another: leaving a task keeps a
    picture of its conversation (it used to be replaced by the next task's)."""
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.open_activity(1, Activity.ICE_BREAKING)
    sheet = window.activity.body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    _send(qtbot, sheet.chat, "I am 26. Music, please")
    sheet._select(("task", "s1-describe"))
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-describe"))
    _send(qtbot, sheet.chat, "Slow piano with rain sounds")
    sheet._select(("task", "s1-demographics"))  # back to the first: nothing new, nothing replaced
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    window.activity.go_to_diary()
    qtbot.waitUntil(lambda: window.diary.state is not None and window.diary.day == 1)
    qtbot.waitUntil(lambda: len([s for s in window.diary.state.screenshots if s.automatic]) == 2)
    shots = _rows(context, DiaryScreenshot, DiaryScreenshot.automatic == True)  # noqa: E712
    assert len({s.sha256 for s in shots}) == 2  # two different conversations, not one twice


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_ice_breaking_feedback_tasks_say_how_to_rate_the_plain_assistant(qtbot, open_window, sandbox_joined, lang):
    window, _ = open_window(now=seoul(2, 12), lang=lang, sandbox=True)
    window.home.refresh()
    qtbot.waitUntil(lambda: window.home.activity_button.isVisible())
    window.home.activity_button.click()
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    hint = "4/5"
    assert hint not in sheet.example.text()  # stage 1: nothing to rate yet
    sheet._select(("task", "s3-rating"))
    qtbot.waitUntil(lambda: sheet.current == ("task", "s3-rating"))
    assert hint in sheet.example.text() and sheet.example.isVisible()
    assert ("rating buttons" if lang == "en" else "평가 버튼") in sheet.example.text()
