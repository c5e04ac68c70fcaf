"""The study lived as a participant lives it (issue 13): through the real main window,
its menus and its buttons, over the loopback fakes (the sandbox's OpenAI and Spotify
stand-ins), with a clock that moves by days, at 1024×700, in English and in Korean.

First run → day 1 ice-breaking (several tasks, one with a photo) → the diary → day 2
composer with two turns and feedback → day 8 planning sheet → day 15 revision → My
taste → export. At every step it checks what the participant sees: every turn's cards
still there after later turns, every conversation of the day in the diary's capture,
no JSON on screen, no horizontal scroll bar on the timeline, an interface language
that never changes by itself, a wheel that scrolls the page and not a spin box. Each
step's picture goes to ``test-artifacts/journey/``.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from diaryrec.vocabulary import Verdict

SIZE = (1024, 700)
JOURNEY = Path(__file__).resolve().parents[2] / "test-artifacts" / "journey"


class Clock:
    """The participant's clock: moved by the test, read by the app (context.now)."""

    def __init__(self, start: dt.datetime):
        self.at = start

    def now(self) -> dt.datetime:
        return self.at

    def day(self, number: int, hour: int = 12) -> None:
        """Noon (UTC, the sandbox study's zone here) of study day ``number``."""
        self.at = dt.datetime(2026, 3, 2, hour, tzinfo=dt.timezone.utc) + dt.timedelta(days=number - 1)


class Journey:
    def __init__(self, qtbot, window, context, lang: str):  # noqa: ANN001
        self.qtbot, self.window, self.context, self.lang = qtbot, window, context, lang
        self.step = 0
        self.file_menu = self.menu_titles()

    # -- what the participant sees -------------------------------------------------------
    def shot(self, name: str) -> Path:
        self.step += 1
        self.qtbot.wait(150)  # the last card's layout pass, as the participant's next frame shows it
        JOURNEY.mkdir(parents=True, exist_ok=True)
        path = JOURNEY / f"{self.lang}-{self.step:02d}-{name}.png"
        assert self.window.grab().save(str(path)), path
        self.check_screen()
        return path

    def menu_titles(self) -> list[str]:
        return [action.text() for action in self.window.menuBar().actions()]

    def check_screen(self) -> None:
        """What holds on every screen of the journey."""
        # the interface language never changes by itself
        assert self.menu_titles()[0] == self.file_menu[0], (self.menu_titles(), self.file_menu)
        # no wrapped text is squeezed into less height than its lines (overlapping words)
        for label in self.window.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.text() and label.width() > 0:
                # a line is 14 px or more: less than that short is spacing, not a cut line
                assert label.height() >= label.heightForWidth(label.width()) - 6, (self.step, label.text()[:80], label.height())
        # no text on screen is JSON (a reply's contract, a cut stream)
        for text in visible_texts(self.window):
            stripped = text.strip()
            assert '"message"' not in stripped and '"recommendations"' not in stripped, stripped[:200]
            if stripped[:1] in "{[":
                try:
                    json.loads(stripped)
                except ValueError:
                    continue
                raise AssertionError(f"JSON on screen: {stripped[:200]}")

    # -- moving around, as the participant does -------------------------------------------
    def go(self, key: str) -> None:
        """Through the Go menu."""
        title = self.window.screen_title(key)
        go_menu = self.window.menuBar().actions()[1].menu()
        action = next(a for a in go_menu.actions() if a.text().replace("&", "") == title.replace("&", ""))
        action.trigger()
        self.qtbot.waitUntil(lambda: self.window.current_key == key)

    def start_today(self, day: int) -> QWidget:
        self.go("home")
        home = self.window.home
        home.refresh()
        self.qtbot.waitUntil(lambda: home.summary is not None and home.summary.day_now == day)
        self.qtbot.waitUntil(lambda: home.activity_button.isVisible() and home.activity_button.isEnabled())
        self.qtbot.mouseClick(home.activity_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: self.window.current_key == "activity" and self.window.activity.body is not None)
        return self.window.activity.body

    def send(self, chat, text: str) -> None:  # noqa: ANN001 - ChatView
        before = chat.turns_done
        chat.input.setFocus()
        chat.input.setPlainText(text)
        self.qtbot.waitUntil(lambda: chat.send_button.isEnabled(), timeout=15_000)  # the services are up
        self.qtbot.keyClick(chat.input, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: chat.turns_done == before + 1 or chat.last_error is not None, timeout=20_000)
        assert chat.last_error is None, chat.last_error
        self.qtbot.waitUntil(lambda: all(c.track.verdict != Verdict.PENDING for c in chat.cards.values()), timeout=20_000)


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit,)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
    return texts


def check(choice_list, *codes: str) -> None:  # noqa: ANN001 - a QListWidget of choices
    for row in range(choice_list.count()):
        item = choice_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in codes:
            item.setCheckState(Qt.CheckState.Checked)


def wheel_over(widget: QWidget, steps: int = -3) -> None:
    """A real wheel event over ``widget`` (negative: scrolling down the page)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_study_as_a_participant_lives_it(qtbot, open_window, tmp_path, monkeypatch, lang):
    clock = Clock(dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc))
    # English: nothing chosen, the computer's language (English here) must hold although
    # the study is Korean; Korean: chosen by the participant
    window, context = open_window(now=clock.now(), lang="ko" if lang == "ko" else None)
    context.now = clock.now  # type: ignore[method-assign]
    window.resize(*SIZE)
    journey = Journey(qtbot, window, context, lang)
    assert journey.file_menu[0] == QCoreApplication.translate("MainWindow", "&File")
    journey.shot("first-run")

    # -- first run: the sandbox study, consent, joined -----------------------------------------
    first = window.first_run
    qtbot.mouseClick(first.sandbox_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    journey.shot("consent")
    first.consent_box.setChecked(True)
    qtbot.mouseClick(first.consent_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.study is not None and window.nav is not None and window.home is not None)
    qtbot.waitUntil(lambda: window.services.up, timeout=20_000)
    journey.shot("home-day-1")

    # -- day 1: the ice-breaking sheet, two tasks, one with a photo ---------------------------
    sheet = journey.start_today(1)
    qtbot.waitUntil(lambda: sheet.state is not None and sheet.current == ("task", "s1-demographics"))
    journey.send(sheet.chat, "26살 개발자예요. 음악 추천해 주세요" if lang == "ko" else "I am 26 and a developer. Some music, please")
    assert sheet.chat.cards
    sheet.pros.setPlainText("간단하다" if lang == "ko" else "simple")
    sheet.cons.setPlainText("너무 일반적이다" if lang == "ko" else "too general")
    qtbot.mouseClick(sheet.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-five-favourites"))
    photo = tmp_path / "노을.jpg"
    Image.new("RGB", (320, 200), (250, 120, 60)).save(photo)
    sheet._select(("task", "s1-image-mood"))  # the step list, as a click on its row does
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-image-mood"))
    sheet.chat.attach_files([photo])
    journey.send(sheet.chat, "이 분위기에 맞는 음악" if lang == "ko" else "Music for this mood")
    journey.shot("ice-breaking-photo")

    # the diary: every conversation of the day is in its automatic screenshots
    qtbot.mouseClick(window.activity.diary_button, Qt.MouseButton.LeftButton)
    diary = window.diary
    qtbot.waitUntil(lambda: window.current_key == "diary" and diary.state is not None and diary.day == 1)
    qtbot.waitUntil(lambda: len([s for s in diary.state.screenshots if s.automatic]) == 2, timeout=10_000)
    heights = sorted(QImage(str(s.path)).height() for s in diary.state.screenshots if s.automatic)
    assert all(h > 100 for h in heights), heights
    editor = next(iter(diary.editors.values()))
    editor.setPlainText("첫날: 과제 두 개를 해 봤다." if lang == "ko" else "Day one: tried two tasks.")
    qtbot.mouseClick(diary.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: diary.state is not None and diary.state.saved)
    journey.shot("diary-day-1")

    # -- day 2: the composer, two turns with feedback between them -----------------------------
    clock.day(2)
    composer = journey.start_today(2)
    qtbot.waitUntil(lambda: composer.form is not None)
    check(composer.form.data_types, "situation_emotion")
    check(composer.form.purposes, "will_like")
    check(composer.form.styles, "keywords")
    check(composer.form.modes, "rating")
    count = composer.form.count
    count.setValue(5)
    count.clearFocus()
    wheel_over(count)  # the page scrolls; the number stays
    assert count.value() == 5
    qtbot.waitUntil(lambda: composer.save_button.isEnabled() and composer.preview.toPlainText() != "")
    journey.shot("composer")
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.pages.currentIndex() == 1)
    chat = composer.chat
    journey.send(chat, "비 오는 날 듣기 좋은 노래" if lang == "ko" else "Songs for a rainy day")
    first_cards = list(chat.cards)
    assert len(first_cards) >= 3
    panel = chat.feedback
    assert panel is not None
    for n, stars in enumerate(list(panel.stars.values())[:3]):
        stars.buttons[(n + 2) % 5].click()
    before = chat.turns_done
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: chat.turns_done == before + 1, timeout=20_000)
    journey.send(chat, "조금 더 신나는 곡도" if lang == "ko" else "Something more upbeat too")
    for track_id in first_cards:  # every turn keeps its cards on screen
        assert track_id in chat.cards and chat.cards[track_id].isVisible(), track_id
    journey.shot("composer-two-turns")
    window.activity.go_to_diary()
    qtbot.waitUntil(lambda: window.current_key == "diary" and diary.state is not None and diary.day == 2)
    qtbot.waitUntil(lambda: any(s.automatic for s in diary.state.screenshots), timeout=10_000)
    capture = QImage(str(next(s.path for s in diary.state.screenshots if s.automatic)))
    assert capture.height() > chat.scroll.viewport().height()  # the whole conversation, every turn's cards

    # -- home: the timeline fits without a horizontal scroll bar --------------------------------
    journey.go("home")
    window.home.refresh()
    qtbot.waitUntil(lambda: window.home.summary is not None and window.home.summary.day_now == 2)
    for area in window.home.findChildren(QAbstractScrollArea):
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible(), area.objectName()
    journey.shot("home-day-2")

    # -- day 8: the planning sheet; day 15: its revision ----------------------------------------
    clock.day(8)
    planning = journey.start_today(8)
    qtbot.waitUntil(lambda: planning.form is not None)
    planning.name.setText("비 오는 날 DJ" if lang == "ko" else "Rainy day DJ")
    planning.objective.setPlainText("날씨에 맞는 음악" if lang == "ko" else "Music that fits the weather")
    check(planning.form.data_types, "situation_emotion")
    check(planning.form.purposes, "will_like")
    check(planning.form.styles, "keywords")
    check(planning.form.modes, "rating")
    planning.form.count.setValue(4)
    qtbot.waitUntil(lambda: planning.save_button.isEnabled() and planning.preview.toPlainText() != "")
    journey.shot("planning")
    qtbot.mouseClick(planning.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: planning.pages.currentIndex() == 1)
    journey.send(planning.chat, "퇴근길 노래" if lang == "ko" else "Songs for the way home")
    journey.shot("own-recommender")

    clock.day(15)
    revision = journey.start_today(15)
    qtbot.waitUntil(lambda: revision.form is not None and revision.name.text() != "")
    revision.form.count.setValue(6)
    qtbot.waitUntil(lambda: "6" in revision.changes.text())
    qtbot.waitUntil(lambda: revision.save_button.isEnabled())
    journey.shot("revision")
    qtbot.mouseClick(revision.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: revision.pages.currentIndex() == 1)

    # -- My taste; export through the File menu ------------------------------------------------
    journey.go("taste")
    taste = window.screens["taste"]
    qtbot.waitUntil(lambda: getattr(taste, "summary", None) is not None)
    liked = taste.browser.toPlainText()
    assert taste.summary.liked and all(t.title in liked for t in taste.summary.liked), "day 2's 4- and 5-star tracks"
    journey.shot("my-taste")
    out = tmp_path / "export.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    reports: list[tuple[str, bool]] = []
    window.exporter.reported.connect(lambda text, ok: reports.append((text, ok)))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert reports[0][1], reports
    with zipfile.ZipFile(out) as bundle:
        names = bundle.namelist()
    assert "data.json" in names and any(n.startswith("screenshots/") for n in names)
    journey.shot("exported")
    assert window.width() <= SIZE[0] + 1  # nothing on the way widened the window
