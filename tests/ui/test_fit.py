"""Every screen fits the window from 1024 × 700 up, in English and Korean: no
horizontal scroll bar, no word cut off in the timeline; on a 1920 × 1080 screen the
content keeps a readable width. PNGs of each in test-artifacts/fit/."""

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea

from diaryrec.ui.widgets import READABLE_WIDTH

from test_home import _seed
from ui_helpers import seoul

SIZES = [(1024, 700), (1100, 720), (1920, 1080)]  # the smallest supported, the default, a large screen


def _horizontal_scrollers(widget):
    return [area for area in widget.findChildren(QAbstractScrollArea)
            if area.isVisible() and area.horizontalScrollBar().maximum() > 0]


def _cut_words(cell) -> list[str]:
    label = cell.label
    metrics = QFontMetrics(label.font())
    return [word for line in label.text().split("\n") for word in line.split()
            if metrics.horizontalAdvance(word) > label.contentsRect().width()]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_home_timeline_fits_without_horizontal_scrolling(qtbot, open_window, joined, data_dir, artifacts_dir, lang, size):
    _seed(data_dir)
    window, _ = open_window(now=seoul(6, 12), lang=lang)
    window.resize(*size)
    home = window.home
    qtbot.waitUntil(lambda: len(home.timeline_view.cells) == 21)
    qtbot.wait(100)
    folder = artifacts_dir / "fit"
    folder.mkdir(exist_ok=True)
    window.grab().save(str(folder / f"{lang}-home-{size[0]}x{size[1]}.png"))
    assert _horizontal_scrollers(home) == []
    scroll = home.findChild(QScrollArea, "pageScroll")
    right = scroll.viewport().width()
    for cell in home.timeline_view.cells:
        assert cell.mapTo(scroll.viewport(), cell.rect().topRight()).x() <= right, f"day {cell.status.number} is cut"
        assert _cut_words(cell) == [], f"day {cell.status.number}: {cell.label.text()!r}"
    assert home.timeline_view.width() <= READABLE_WIDTH
    if size[0] >= 1920:
        assert scroll.viewport().width() > READABLE_WIDTH + 200, "a wide window keeps margins beside the content"
        page = scroll.viewport().grab().toImage()
        low = page.height() - 10
        assert page.pixelColor(page.width() - 10, low) == page.pixelColor(page.width() // 2, low), \
            "the margins have the page's colour"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_sidebar_screen_fits_1024_by_700(qtbot, open_window, joined, data_dir, lang):
    _seed(data_dir)
    window, _ = open_window(now=seoul(6, 12), lang=lang)
    window.resize(1024, 700)
    for key in ("home", "diary", "taste", "settings"):
        window.show_screen(key)
        qtbot.wait(150)
        assert _horizontal_scrollers(window.screens[key]) == [], key


def test_the_focused_sidebar_has_no_blue_bar_beside_it(qtbot, open_window, joined):
    window, _ = open_window(now=seoul(6, 12), lang="en")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    image = window.nav.grab().toImage()
    blue = sum(1 for y in range(image.height()) for x in range(4) if image.pixelColor(x, y).name() == "#0969da")
    assert blue < image.height() // 4, "a focus bar runs down the sidebar"  # the focused item's thin outline only


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_long_heading_keeps_one_line_and_the_sheet_stays_put(qtbot, open_window, joined, lang):
    from diaryrec.protocol.model import Activity

    window, _ = open_window(now=seoul(9, 12), lang=lang)  # day 8: the planning sheet, with an interview
    window.resize(1024, 700)
    window.open_activity(8, Activity.PLANNING_SHEET)
    view = window.screens["activity"]
    qtbot.waitUntil(lambda: view.body.form is not None)
    qtbot.wait(50)
    top = view.body.mapTo(view, view.body.rect().topLeft()).y()
    view.open(8, Activity.PLANNING_SHEET, read_only=True)  # a longer title: "… · interview … · read-only"
    qtbot.waitUntil(lambda: view.body.form is not None)
    qtbot.wait(50)
    title = view.title
    assert title.text().endswith("read-only" if lang == "en" else title.text()[-4:])
    assert title.height() < 2 * title.fontMetrics().height(), "one line"
    assert view.body.mapTo(view, view.body.rect().topLeft()).y() <= top + 4, "the sheet does not move down a line"
    if title.fontMetrics().horizontalAdvance(title.text()) > title.contentsRect().width():
        assert title.shown_text().endswith("…") and title.toolTip() == title.text()


def test_a_days_activity_keeps_a_readable_width_on_a_wide_screen(qtbot, open_window, joined):
    from diaryrec.protocol.model import Activity
    from diaryrec.ui.widgets import ACTIVITY_WIDTH

    window, _ = open_window(now=seoul(3, 12), lang="en")
    window.resize(1920, 1080)
    window.open_activity(2, Activity.DAILY_COMPOSER)
    view = window.screens["activity"]
    qtbot.waitUntil(lambda: view.body.form is not None)
    qtbot.wait(50)
    assert view.width() > ACTIVITY_WIDTH + 200
    assert view.body.width() <= ACTIVITY_WIDTH and view.body.chat.width() <= ACTIVITY_WIDTH
