"""What the sheets show of the prompt: the reply format diaryrec appends is folded
away and labelled as diaryrec's (never as if the participant wrote it), and the
week-3 revision shows the prompt's changes coloured, + and − written out."""

import pytest

from diaryrec.protocol.model import Activity
from diaryrec.store.models import SheetVersion

from test_activity_flows import _check, _rows, sandbox_joined  # noqa: F401 - the fixture
from ui_helpers import seoul


def _json_looking(text: str) -> bool:
    """A line that opens a JSON object: what the participant must not read as theirs."""
    return any(line.strip().startswith("{") for line in text.splitlines())


def _fill_planning(qtbot, planning, lang):
    qtbot.waitUntil(lambda: planning.form is not None)
    planning.name.setText("비 오는 날 DJ" if lang == "ko" else "Rainy-day DJ")
    planning.objective.setPlainText("날씨에 맞는 음악" if lang == "ko" else "Music that fits the weather")
    _check(planning.form.data_types, "situation_emotion")
    _check(planning.form.purposes, "will_like")
    _check(planning.form.styles, "keywords")
    _check(planning.form.modes, "rating")
    qtbot.waitUntil(lambda: planning.save_button.isEnabled())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_reply_format_is_folded_away_and_said_to_be_diaryrecs(qtbot, open_window, sandbox_joined, lang):  # noqa: F811
    window, context = open_window(now=seoul(9, 12), lang=lang, sandbox=True)
    window.open_activity(8, Activity.PLANNING_SHEET)
    planning = window.screens["activity"].body
    _fill_planning(qtbot, planning, lang)
    qtbot.waitUntil(lambda: planning.contract_toggle.isVisible())
    assert '"recommendations"' not in planning.preview.toPlainText() and not _json_looking(planning.preview.toPlainText())
    assert planning.preview.toPlainText().strip() and not planning.contract_view.isVisible()
    assert "diaryrec" in planning.contract_toggle.text()
    planning.contract_toggle.click()
    assert planning.contract_view.isVisible() and '"recommendations"' in planning.contract_view.toPlainText()
    planning.save_button.click()
    qtbot.waitUntil(lambda: planning.pages.currentIndex() == 1)
    saved = _rows(context, SheetVersion, SheetVersion.kind == "planning")[0]
    assert '"recommendations"' in saved.compiled_prompt  # what the recommender gets keeps the reply format


def test_the_revision_shows_the_prompts_changes_coloured(qtbot, open_window, sandbox_joined):  # noqa: F811
    window, context = open_window(now=seoul(9, 12), lang="en", sandbox=True)
    window.open_activity(8, Activity.PLANNING_SHEET)
    planning = window.screens["activity"].body
    _fill_planning(qtbot, planning, "en")
    planning.save_button.click()
    qtbot.waitUntil(lambda: planning.pages.currentIndex() == 1)
    context.now = lambda: seoul(16, 12)
    window.open_activity(15, Activity.PLANNING_REVISION)
    revision = window.screens["activity"].body
    qtbot.waitUntil(lambda: revision.form is not None and revision.name.text() == "Rainy-day DJ")
    revision.form.count.setValue(7)
    _check(revision.form.modes, "free_text")
    qtbot.waitUntil(lambda: "→ 7" in revision.changes.text())
    lines = revision.diff.toPlainText().splitlines()
    assert not any(line.startswith(("---", "+++", "@@")) for line in lines), "no raw diff headers"
    assert any(line.startswith("+ ") and "7" in line for line in lines)
    assert any(line.startswith("− ") and "5" in line for line in lines)
    html = revision.diff.toHtml()
    assert "#dafbe1" in html and "#ffebe9" in html  # added on green, removed on red
