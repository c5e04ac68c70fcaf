"""The composer's and the planning sheet's option lists are as tall as their rows:
no small scroll box inside the page, no row cut in half (issue 13), at 1024 × 700
and 1920 × 1080, in English and Korean. PNGs in test-artifacts/fit/."""

import pytest

from diaryrec.protocol.model import Activity
from diaryrec.ui.sheet_form import ChoiceList

from test_activity_flows import sandbox_joined  # noqa: F401 - the fixture
from ui_helpers import seoul


def _cut_rows(choice_list: ChoiceList) -> list[str]:
    viewport = choice_list.viewport().rect()
    return [choice_list.item(row).text() for row in range(choice_list.count())
            if not viewport.contains(choice_list.visualItemRect(choice_list.item(row)))]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("day, activity", [(2, Activity.DAILY_COMPOSER), (8, Activity.PLANNING_SHEET)], ids=["composer", "planning"])
def test_option_lists_show_every_row_whole(qtbot, open_window, sandbox_joined, artifacts_dir, lang, size, day, activity):  # noqa: F811
    window, _ = open_window(now=seoul(1 + day, 12), lang=lang, sandbox=True)
    window.resize(*size)
    window.open_activity(day, activity)
    view = window.screens["activity"].body
    qtbot.waitUntil(lambda: view.form is not None)
    qtbot.wait(100)
    folder = artifacts_dir / "fit"
    folder.mkdir(exist_ok=True)
    window.grab().save(str(folder / f"{lang}-{activity.value}-{size[0]}x{size[1]}.png"))
    lists = view.form.findChildren(ChoiceList)
    assert len(lists) == 4
    for choice_list in lists:
        assert choice_list.verticalScrollBar().maximum() == 0, choice_list.accessibleName()
        assert _cut_rows(choice_list) == [], choice_list.accessibleName()
