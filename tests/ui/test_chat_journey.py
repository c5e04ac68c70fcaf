"""The chat as a participant lives it (issue 13), through the real MainWindow and its
buttons over the sandbox fakes: every turn keeps its cards, what was sent as feedback
is shown, no JSON ever reaches the screen, pictures are shown and open larger,
replaced suggestions can be seen, slow replies and an unreachable Spotify are said in
words, and an answered error keeps no live Retry. PNGs go to test-artifacts/chat/."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton

from diaryrec.protocol.model import Activity
from diaryrec.ui import chat_view as chat_module
from diaryrec.ui.chat_view import Bubble, CardGroup, NotShownNote
from diaryrec.ui.image_viewer import ImageViewer

from test_activity_flows import _check, _send, sandbox_joined  # noqa: F401 - the fixture
from ui_helpers import seoul

SIZES = [(1024, 700), (1920, 1080)]


def _composer_chat(qtbot, window, modes=("rating",), count=5):
    window.open_activity(2, Activity.DAILY_COMPOSER)
    composer = window.screens["activity"].body
    qtbot.waitUntil(lambda: composer.form is not None)
    _check(composer.form.data_types, "music_description")
    _check(composer.form.purposes, "will_like")
    _check(composer.form.styles, "keywords")
    _check(composer.form.modes, *modes)
    composer.form.count.setValue(count)
    qtbot.waitUntil(lambda: composer.save_button.isEnabled())
    composer.save_button.click()
    qtbot.waitUntil(lambda: composer.pages.currentIndex() == 1)
    return composer.chat


def _shown(widget, top) -> bool:
    while widget is not None and widget is not top:
        if widget.isHidden():
            return False
        widget = widget.parentWidget()
    return True


def _texts(chat) -> list[str]:
    """Every text the conversation shows (labels and buttons)."""
    widgets = chat.inner.findChildren(QLabel) + chat.inner.findChildren(QAbstractButton)
    texts = [w.text() for w in widgets if _shown(w, chat.inner) and w.text()]
    assert texts, "the conversation shows something"
    return texts


def _parses_as_json(text: str) -> bool:
    if "{" not in text:
        return False
    if '{"' in text or text.lstrip().startswith("{"):
        return True
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _picture(qtbot, window, chat, widget, artifacts_dir, name):
    folder = artifacts_dir / "chat"
    folder.mkdir(exist_ok=True)
    qtbot.wait(100)
    chat.scroll.ensureWidgetVisible(widget)
    qtbot.wait(100)
    window.grab().save(str(folder / f"{name}.png"))


def _wrapped_short_titles(panel) -> list[str]:
    """Rating-row titles short enough for one line that wrap all the same."""
    from diaryrec.ui.feedback_widgets import RATING_NAME_ONE_LINE_PX

    labels = [panel.ratings.itemAtPosition(row, 0).widget() for row in range(len(panel.stars))]
    return [label.text() for label in labels
            if label.fontMetrics().horizontalAdvance(label.text()) < RATING_NAME_ONE_LINE_PX - 8
            and label.heightForWidth(label.width()) > 1.5 * label.fontMetrics().lineSpacing()]


def _live_errors(chat):
    return [b for b in chat.error_boxes if b.isEnabled()]


def _rated_turn(qtbot, chat):
    _send(qtbot, chat, "calm piano for a rainy evening")
    qtbot.waitUntil(lambda: all(c.track.verdict != "pending" for c in chat.cards.values()))
    panel = chat.feedback
    assert panel is not None and len(panel.stars) == 5
    for n, stars in enumerate(list(panel.stars.values())[:3]):
        stars.buttons[n + 2].click()  # 3, 4 and 5 stars
    return panel


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_turn_keeps_its_cards_and_the_feedback_sent_is_shown(qtbot, open_window, sandbox_joined, lang,  # noqa: F811
                                                                  artifacts_dir):
    window, context = open_window(now=seoul(3, 12), lang=lang, sandbox=True)
    window.resize(*SIZES[0])
    chat = _composer_chat(qtbot, window)
    panel = _rated_turn(qtbot, chat)
    first_ids = list(panel.stars)
    first_group = chat.groups[chat.cards[first_ids[0]].track.message_id]
    # one order, the recommender's: the cards in the order of the rating list
    assert [c.track.id for c in first_group.cards()] == first_ids
    panel.send_button.click()
    qtbot.waitUntil(lambda: chat.turns_done == 2, timeout=20000)
    assert chat.last_error is None
    # the first reply's five cards are still in the conversation, under it
    assert all(i in chat.cards for i in first_ids)
    assert [c.track.id for c in first_group.cards()] == first_ids
    assert all(_shown(c, chat.inner) for c in first_group.cards())
    assert len(chat.groups) == 2
    # what was sent, not "(feedback sent)"
    sent = chat._feedback_bubble.text.text()
    assert "(feedback sent)" not in _texts(chat)
    assert sent.count("/5") == 3 and chat.cards[first_ids[0]].track.title in sent
    assert not any(_parses_as_json(t) for t in _texts(chat))
    folder = artifacts_dir / "chat"
    folder.mkdir(exist_ok=True)
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.wait(150)
        assert _wrapped_short_titles(chat.feedback) == [], width  # "Shape of You — / Ed Sheeran" by an empty half panel
        window.grab().save(str(folder / f"{lang}-{width}-two-turns.png"))
    # the diary's automatic screenshot is made from this widget tree: both turns' cards in it
    image = chat.capture()
    image.save(str(folder / f"{lang}-capture.png"))
    bottom = max(g.geometry().bottom() for g in chat.groups.values())
    assert image.height() >= bottom > first_group.geometry().bottom()
    window.screens["activity"].go_to_diary()
    qtbot.waitUntil(lambda: window.diary.state is not None and len(window.diary.state.screenshots) == 1)


def test_card_order_is_the_recommenders_whatever_order_the_verdicts_come_in(qtbot):
    from diaryrec.services.conversation import TrackView
    from diaryrec.ui.track_card import TrackCard

    group = CardGroup(1)
    qtbot.addWidget(group)
    tracks = [TrackView(10 + n, 1, f"Song {n}", "A", None, None, "", [], "verified", position=n) for n in range(4)]
    for track in (tracks[2], tracks[0], tracks[3], tracks[1]):  # verdicts land in any order
        group.insert(TrackCard(track))
    assert [c.track.position for c in group.cards()] == [0, 1, 2, 3]
    group.arrange([13, 10, 11, 12])
    assert [c.track.id for c in group.cards()] == [13, 10, 11, 12]


def test_a_cut_or_malformed_reply_never_shows_json(qtbot, open_window, sandbox_joined):  # noqa: F811
    window, context = open_window(now=seoul(3, 12), lang="en", sandbox=True)
    chat = _composer_chat(qtbot, window)
    fake = context._services.sandbox_llm
    fake.fail_next("cut_stream")
    chat.input.setPlainText("songs for a long drive")
    chat.send_button.click()
    qtbot.waitUntil(lambda: chat.last_error is not None, timeout=15000)
    assert not any(_parses_as_json(t) for t in _texts(chat)), _texts(chat)
    assert chat.retry_button.isEnabled()
    # a reply that breaks the contract twice: a plain note and Retry, never its raw text
    chat.last_error = None
    fake.fail_next("invalid_json", times=2)
    chat.retry_button.click()
    qtbot.waitUntil(lambda: chat.turns_done == 1 and not chat.busy, timeout=15000)
    texts = _texts(chat)
    assert not any(_parses_as_json(t) or "{" in t for t in texts), texts
    assert any("did not arrive in the form" in box.accessibleName() for box in _live_errors(chat))
    assert chat.retry_button.isEnabled() and chat.feedback is None
    chat.retry_button.click()  # asked once more: an ordinary reply with its cards
    qtbot.waitUntil(lambda: chat.turns_done == 2 and not chat.busy, timeout=15000)
    assert chat.cards and chat.feedback is not None and not _live_errors(chat)
    # the stored conversation, opened again, shows no JSON either
    window.open_activity(2, Activity.DAILY_COMPOSER)
    again = window.screens["activity"].body.chat
    qtbot.waitUntil(lambda: len(again.cards) > 0)
    # the history's bubbles are laid out after the cards on a busy machine: wait for them
    qtbot.waitUntil(lambda: any(_shown(w, again.inner) and w.text() for w in again.inner.findChildren(QLabel)))
    assert not any(_parses_as_json(t) for t in _texts(again)), _texts(again)


def test_an_answered_error_keeps_no_live_retry(qtbot, open_window, sandbox_joined, artifacts_dir):  # noqa: F811
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.resize(*SIZES[0])
    window.open_activity(1, Activity.ICE_BREAKING)
    chat = window.screens["activity"].body.chat
    qtbot.waitUntil(lambda: chat.factory is not None)
    fake = context._services.sandbox_llm
    fake.fail_next("server_error", times=3)  # as sent, again, then one mode lower (llm.client): all fail
    chat.input.setPlainText("hello")
    chat.send_button.click()
    qtbot.waitUntil(lambda: chat.last_error is not None and not chat.busy, timeout=15000)
    fake.fail_next("server_error", times=3)
    chat.last_error = None
    retry = [b for b in _live_errors(chat)[0].findChildren(QPushButton) if b.text() == "Try again"][0]
    retry.click()
    qtbot.waitUntil(lambda: chat.last_error is not None and not chat.busy, timeout=15000)
    assert len(chat.error_boxes) == 2 and len(_live_errors(chat)) == 1
    _picture(qtbot, window, chat, chat.error_boxes[-1], artifacts_dir, "en-1024-errors")
    assert _live_errors(chat)[0] is chat.error_boxes[-1]
    chat.retry_button.click()
    qtbot.waitUntil(lambda: chat.turns_done == 1, timeout=15000)
    assert not _live_errors(chat)


def test_a_slow_reply_says_it_is_still_waiting(qtbot, open_window, sandbox_joined, monkeypatch):  # noqa: F811
    monkeypatch.setattr(chat_module, "WAIT_NOTICE_S", 1)
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.open_activity(1, Activity.ICE_BREAKING)
    chat = window.screens["activity"].body.chat
    qtbot.waitUntil(lambda: chat.factory is not None)
    context._services.sandbox_llm.fail_next("slow_first_token", delay=3)
    chat.input.setPlainText("take your time")
    chat.send_button.click()
    qtbot.waitUntil(lambda: "Still waiting for the recommender" in chat._reply.text.text(), timeout=2500)
    assert "s)" in chat._reply.text.text()
    qtbot.waitUntil(lambda: chat.turns_done == 1, timeout=15000)
    assert all("Still waiting" not in t for t in _texts(chat))


def test_spotify_unreachable_says_checking_is_retried(qtbot, open_window, sandbox_joined, artifacts_dir):  # noqa: F811
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.resize(*SIZES[0])
    window.open_activity(1, Activity.ICE_BREAKING)
    chat = window.screens["activity"].body.chat
    qtbot.waitUntil(lambda: chat.factory is not None)
    # Spotify fails: MusicBrainz, the sandbox's second catalog, checks the tracks instead
    context._services.sandbox_spotify.set_fault("500")
    _send(qtbot, chat, "music for a 26-year-old developer")
    qtbot.waitUntil(lambda: chat.cards and all(c.track.verdict != "pending" for c in chat.cards.values()), timeout=20_000)
    assert {c.track.catalog for c in chat.cards.values() if c.track.verdict == "verified"} == {"musicbrainz"}
    assert any(c.badge.text() == "✓ verified in MusicBrainz" for c in chat.cards.values())
    # both fail: unchecked, retried later, said once
    context._services.sandbox_musicbrainz.set_fault("500")
    _send(qtbot, chat, "more music for a developer")
    group = list(chat.groups.values())[-1]
    qtbot.waitUntil(lambda: group.cards() and all(c.track.verdict == "unchecked" for c in group.cards()), timeout=20_000)
    notes = [group.unchecked.text()] if group.unchecked is not None and _shown(group.unchecked, chat.inner) else []
    assert len(notes) == 1 and "again later" in notes[0]
    assert sum("again later" in t for t in _texts(chat)) == 1  # one line, not one per card
    _picture(qtbot, window, chat, group.unchecked, artifacts_dir, "en-1024-unchecked")
    context._services.sandbox_spotify.set_fault(None)
    context._services.sandbox_musicbrainz.set_fault(None)


def test_replaced_suggestions_are_told_and_can_be_opened(qtbot, open_window, sandbox_joined, artifacts_dir):  # noqa: F811
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    window.resize(*SIZES[0])
    window.open_activity(1, Activity.ICE_BREAKING)
    chat = window.screens["activity"].body.chat
    qtbot.waitUntil(lambda: chat.factory is not None)
    context._services.sandbox_llm.add_replies({
        "message": "Three for you.",
        "recommendations": [
            {"title": "Dynamite", "artist": "BTS", "album": None, "year": 2020, "reason": "upbeat", "keywords": []},
            {"title": "Moonlight Over Gangnam", "artist": "The Invented Band", "album": None, "year": 2019,
             "reason": "made up", "keywords": []},
            {"title": "Spring Day", "artist": "BLACKPINK", "album": None, "year": 2017, "reason": "misattributed",
             "keywords": []},
        ],
        "follow_up": {"kind": "none", "question": "", "options": []},
    })
    _send(qtbot, chat, "upbeat k-pop please")
    group = next(iter(chat.groups.values()))
    note = group.not_shown
    assert isinstance(note, NotShownNote)
    assert note.summary.text() == "2 suggestions were not found in Spotify and were replaced."
    assert note.details.isHidden()
    note.toggle.setFocus()
    qtbot.keyClick(note.toggle, Qt.Key.Key_Space)  # reachable without a mouse
    assert not note.details.isHidden()
    lines = note.details.text().splitlines()
    assert lines[0] == "Moonlight Over Gangnam — The Invented Band (not found)"
    assert lines[1].startswith("Spring Day — BLACKPINK (by another artist: BTS")
    assert not any(c.track.title == "Moonlight Over Gangnam" for c in chat.cards.values())
    summary = note.summary.text()
    _picture(qtbot, window, chat, note, artifacts_dir, "en-1024-replaced")
    # opened again later, the conversation still says so
    window.open_activity(1, Activity.ICE_BREAKING)
    again = window.screens["activity"].body.chat
    qtbot.waitUntil(lambda: len(again.cards) > 0)
    assert next(iter(again.groups.values())).not_shown.summary.text() == summary


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_an_attached_photo_is_shown_and_opens_larger(qtbot, open_window, sandbox_joined, tmp_path, artifacts_dir, lang):  # noqa: F811
    from PIL import Image

    window, context = open_window(now=seoul(2, 12), lang=lang, sandbox=True)
    window.resize(*SIZES[0])
    window.open_activity(1, Activity.ICE_BREAKING)
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    sheet._select(("task", "s1-image-mood"))
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-image-mood"))
    chat = sheet.chat
    qtbot.wait(100)
    width = window.width()
    photo = tmp_path / "a-rather-long-name-for-the-sunset-photo-taken-at-the-beach.jpg"
    Image.new("RGB", (640, 480), (250, 120, 60)).save(photo)
    chat.attach_files([photo])
    qtbot.waitUntil(lambda: chat.thumbnails and chat.thumbnails[0].pixmap() is not None and not chat.thumbnails[0].pixmap().isNull())
    qtbot.wait(100)
    assert window.width() == width, "attaching a picture must not widen the window"
    assert chat.thumb_scroll.width() >= chat_module.THUMB_PX, "the picture is shown in the composer"
    folder = artifacts_dir / "chat"
    folder.mkdir(exist_ok=True)
    window.grab().save(str(folder / f"{lang}-1024-attached.png"))
    chat.input.setPlainText("노을 사진에 어울리는 음악" if lang == "ko" else "Music for this sunset, please")
    chat.send_button.click()
    qtbot.waitUntil(lambda: chat.turns_done == 1 or chat.last_error is not None, timeout=15000)
    assert chat.last_error is None and not chat.thumbnails
    bubble = [b for b in chat.inner.findChildren(Bubble) if b.property("role") == "user"][0]
    assert "image(s) attached" not in bubble.text.text() and "이미지" not in bubble.text.text()
    assert len(bubble.thumbnails) == 1
    thumb = bubble.thumbnails[0]
    qtbot.waitUntil(lambda: thumb.pixmap() is not None and not thumb.pixmap().isNull())
    for w, h in SIZES:
        window.resize(w, h)
        qtbot.wait(150)
        window.grab().save(str(folder / f"{lang}-{w}-photo-sent.png"))
    # the keyboard opens it larger, Esc closes it
    thumb.setFocus()
    qtbot.keyClick(thumb, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(v.isVisible() for v in chat.findChildren(ImageViewer)))
    viewer = [v for v in chat.findChildren(ImageViewer) if v.isVisible()][0]
    assert viewer.image.width() == 640
    viewer.grab().save(str(folder / f"{lang}-viewer.png"))
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible())
    qtbot.mouseDClick(thumb, Qt.MouseButton.LeftButton)  # and so does a double-click
    qtbot.waitUntil(lambda: any(v.isVisible() for v in chat.findChildren(ImageViewer)))
    for v in chat.findChildren(ImageViewer):
        v.reject()
    # the diary capture is drawn from the bubble with its picture
    image = chat.capture()
    top_left = bubble.mapTo(chat.inner, thumb.geometry().center())
    colour = image.pixelColor(top_left.x(), top_left.y())
    assert (colour.red(), colour.green(), colour.blue()) == pytest.approx((250, 120, 60), abs=12)
    # the diary's screenshot opens larger too
    window.screens["activity"].go_to_diary()
    qtbot.waitUntil(lambda: window.diary.screenshots is not None and window.diary.screenshots.list.count() == 1)
    shots = window.diary.screenshots.list
    shots.setFocus()
    shots.setCurrentRow(0)
    qtbot.keyClick(shots, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(v.isVisible() for v in window.diary.findChildren(ImageViewer)))
    viewer = [v for v in window.diary.findChildren(ImageViewer) if v.isVisible()][0]
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_choices_show_check_boxes_and_the_tournament_leaves_no_or(qtbot, open_window, sandbox_joined, artifacts_dir, lang):  # noqa: F811
    window, context = open_window(now=seoul(3, 12), lang=lang, sandbox=True)
    window.resize(*SIZES[0])
    chat = _composer_chat(qtbot, window, modes=("multiple_choice", "tournament"), count=4)
    _send(qtbot, chat, "calm piano and warm vocals")
    panel = chat.feedback
    assert panel is not None and panel.choices and panel.tournament is not None
    folder = artifacts_dir / "chat"
    folder.mkdir(exist_ok=True)
    chat.scroll.ensureWidgetVisible(panel)
    qtbot.wait(150)
    window.grab().save(str(folder / f"{lang}-1024-choices.png"))
    box = panel.choices[0]
    # an unchecked box shows its box: the indicator is drawn with a visible border
    picture = box.grab().toImage()
    colours = {picture.pixelColor(x, picture.height() // 2).name() for x in range(0, 24)}
    assert len(colours) > 2, "the check box's square is drawn before it is clicked"
    assert box.property("chip") is True
    tournament = panel.tournament
    assert not tournament.or_label.isHidden()
    while tournament.pair() is not None:
        tournament.left.click()
    assert tournament.ranking and tournament.or_label.isHidden()
    chat.scroll.ensureWidgetVisible(panel.send_button)
    qtbot.wait(150)
    window.grab().save(str(folder / f"{lang}-1024-tournament-done.png"))
