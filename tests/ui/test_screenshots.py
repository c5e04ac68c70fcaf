"""A whole scrollable view rendered to one image, not only the visible part."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from diaryrec.ui.screenshots import png_bytes, render_full


def _tall_scroll_area(qtbot) -> QScrollArea:
    content = QWidget()
    layout = QVBoxLayout(content)
    for i in range(60):
        label = QLabel(f"메시지 {i}: 비 오는 날에 어울리는 노래")
        layout.addWidget(label)
    last = QLabel("END")
    last.setStyleSheet("background: rgb(255, 0, 0); color: rgb(255, 0, 0);")
    last.setFixedHeight(40)
    layout.addWidget(last)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area


def test_a_tall_scroll_area_renders_taller_than_its_viewport(qtbot):
    area = _tall_scroll_area(qtbot)
    viewport = area.viewport().height()
    image = render_full(area)
    assert image.height() > 3 * viewport
    assert image.height() == area.widget().height()
    # the last row, far below the visible part, is in the image
    assert QColor(image.pixel(10, image.height() - 20)) == QColor(255, 0, 0)
    assert area.verticalScrollBar().value() == 0
    assert png_bytes(image).startswith(b"\x89PNG")


def test_a_text_view_is_stitched_from_its_scrolled_pages(qtbot):
    browser = QTextBrowser()
    browser.setHtml("".join(f"<p>줄 {i}</p>" for i in range(80)) + "<p style='background:#00ff00'>&nbsp;LAST&nbsp;</p><p></p>")
    browser.resize(360, 240)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    browser.verticalScrollBar().setValue(37)
    image = render_full(browser)
    bar = browser.verticalScrollBar()
    assert image.height() == bar.maximum() + browser.viewport().height()
    assert image.height() > 3 * browser.viewport().height()
    assert bar.value() == 37  # the participant's scroll position is given back
    greens = [y for y in range(image.height() - 200, image.height()) if QColor(image.pixel(5, y)) == QColor(0, 255, 0)]
    assert greens, "the last paragraph is in the image"
