"""PNGs of the study's working screens (ice-breaking sheet, daily composer,
planning sheet and its revision, the chat with cards and feedback) in English and
Korean, under test-artifacts/screens/, driven through the sandbox fakes."""

import pytest
from PySide6.QtCore import Qt

from diaryrec.protocol.model import Activity

from test_activity_flows import _check, _send, sandbox_joined  # noqa: F401 - the fixture
from test_screen_pictures import SIZE, _save
from ui_helpers import seoul


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pictures_of_the_activity_screens(qtbot, open_window, sandbox_joined, artifacts_dir, lang):  # noqa: F811
    folder = artifacts_dir / "screens"
    folder.mkdir(exist_ok=True)
    window, context = open_window(now=seoul(2, 12), lang=lang, sandbox=True)
    window.resize(*SIZE)
    window.open_activity(1, Activity.ICE_BREAKING)
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    _send(qtbot, sheet.chat, "안녕! 나는 26살 개발자야. 잔잔한 음악 추천해 줘" if lang == "ko" else "Hi! I'm a 26-year-old developer. Recommend calm music.")
    qtbot.waitUntil(lambda: all(c.track.verdict != "pending" for c in sheet.chat.cards.values()))
    sheet.pros.setPlainText("간단하다" if lang == "ko" else "Quick to do")
    _save(window, qtbot, folder / f"{lang}-10-ice-breaking.png")
    sheet._select(("ideas", 1))
    qtbot.waitUntil(lambda: sheet.current == ("ideas", 1))
    sheet.new_idea.setText("오늘의 날씨" if lang == "ko" else "today's weather")
    sheet.add_button.click()
    qtbot.waitUntil(lambda: sheet.current == ("ideas", 1) and sheet.ideas.count() == 1)
    _save(window, qtbot, folder / f"{lang}-11-ideation.png")

    context.now = lambda: seoul(3, 12)
    window.open_activity(2, Activity.DAILY_COMPOSER)
    composer = window.screens["activity"].body
    qtbot.waitUntil(lambda: composer.form is not None)
    composer.form.data_types.item(0).setCheckState(Qt.CheckState.Checked)
    _check(composer.form.purposes, "unfamiliar_might_enjoy")
    _check(composer.form.styles, "keywords")
    _check(composer.form.modes, "rating", "tournament")
    qtbot.waitUntil(lambda: composer.save_button.isEnabled())
    _save(window, qtbot, folder / f"{lang}-12-composer.png")
    composer.save_button.click()
    qtbot.waitUntil(lambda: composer.pages.currentIndex() == 1)
    _send(qtbot, composer.chat, "비 오는 날 듣기 좋은 노래" if lang == "ko" else "songs for a rainy day")
    _save(window, qtbot, folder / f"{lang}-13-chat-feedback.png")

    context.now = lambda: seoul(9, 12)
    window.open_activity(8, Activity.PLANNING_SHEET)
    planning = window.screens["activity"].body
    qtbot.waitUntil(lambda: planning.form is not None)
    planning.name.setText("비 오는 날 DJ" if lang == "ko" else "Rainy-day DJ")
    planning.objective.setPlainText("날씨에 맞는 음악 추천받기" if lang == "ko" else "Music that fits the weather")
    _check(planning.form.data_types, "situation_emotion", "mood_image")
    _check(planning.form.purposes, "will_like")
    _check(planning.form.styles, "keywords", "personal_why")
    _check(planning.form.modes, "rating", "multiple_choice")
    qtbot.waitUntil(lambda: planning.save_button.isEnabled())
    _save(window, qtbot, folder / f"{lang}-14-planning.png")
    planning.save_button.click()
    qtbot.waitUntil(lambda: planning.pages.currentIndex() == 1)

    context.now = lambda: seoul(16, 12)
    window.open_activity(15, Activity.PLANNING_REVISION)
    revision = window.screens["activity"].body
    qtbot.waitUntil(lambda: revision.form is not None and revision.name.text() != "")
    revision.form.count.setValue(3)
    _check(revision.form.modes, "free_text")
    qtbot.waitUntil(lambda: "→ 3" in revision.changes.text())
    _save(window, qtbot, folder / f"{lang}-15-revision.png")
