"""Errors raised by the Qt-free layers reach the participant in the interface language
(diaryrec.ui.errors.error_text over the UserError templates in diaryrec_ko.ts)."""

import errno

import pytest

from diaryrec.llm.errors import NoApiKeyError
from diaryrec.protocol import StudyFileError, parse_study_text
from diaryrec.store.engine import as_storage_error
from diaryrec.ui import errors as ui_errors
from diaryrec.ui.errors import error_text
from diaryrec.ui.i18n import install_language

from ui_helpers import seoul


SHOWN = {
    "ko": "일기를 읽거나 저장할 수 없습니다: 메모.txt: diaryrec에서 사용할 수 있는 사진이 아닙니다. "
    "JPEG, PNG, WebP, GIF 또는 HEIC 사진을 첨부해 주세요.",
    "en": "Could not read or save the diary: 메모.txt is not a picture diaryrec can use. "
    "Attach a JPEG, PNG, WebP, GIF or HEIC photo.",
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_image_the_diary_refuses_is_explained_in_the_interface_language(qtbot, open_window, joined, tmp_path, lang):
    window, context = open_window(now=seoul(2, 21), lang=lang)
    window.open_diary(None)
    view = window.diary
    qtbot.waitUntil(lambda: view.state is not None)
    not_a_picture = tmp_path / "메모.txt"
    not_a_picture.write_text("a shopping list, not a photo", encoding="utf-8")
    view.add_images([not_a_picture])
    qtbot.waitUntil(lambda: "메모.txt" in view.status.text(), timeout=10_000)
    assert view.status.text() == SHOWN[lang]


@pytest.fixture
def korean(qapp):
    install_language("ko")
    yield
    install_language("en")


def test_each_kind_of_error_in_korean(korean, tmp_path):
    full = as_storage_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    assert error_text(full) == (
        f"diaryrec가 저장하지 못했습니다: 데이터 폴더({tmp_path})가 있는 디스크가 가득 찼거나 고장 나고 있습니다. "
        "디스크 공간을 확보한 뒤 다시 저장해 주세요. 이전에 저장한 내용은 모두 그대로 있습니다."
    )
    assert "is full" in str(full)  # the logs and the CLI keep the English
    with pytest.raises(StudyFileError) as raised:
        parse_study_text('[study]\nid = "x"\n', source="mine.toml")
    assert error_text(raised.value) == "mine.toml, 1번째 줄: study.name 항목: 꼭 필요한 항목인데 빠져 있습니다"
    assert error_text(NoApiKeyError()) == "언어 모델 제공자의 API 키가 없습니다. 설정에서 키를 입력해 주세요(키는 컴퓨터의 비밀번호 저장소에 보관됩니다)."
    assert error_text(ValueError("bad value")) == "bad value"
    assert error_text(RuntimeError()) == "RuntimeError"


def test_english_is_the_english_text(qapp, tmp_path):
    install_language("en")
    full = as_storage_error(OSError(errno.EROFS, "Read-only file system"), tmp_path)
    assert error_text(full) == str(full)
    assert error_text(NoApiKeyError()) == str(NoApiKeyError())


def test_a_translation_that_does_not_fit_falls_back_to_english(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(ui_errors, "_translate", lambda text: text.replace("{folder}", "{폴더}"))
    full = as_storage_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    assert error_text(full) == str(full)
