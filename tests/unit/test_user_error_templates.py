"""Errors the app can show in Korean keep their English text for ``str()`` (the CLI,
the logs): the message and hint are templates filled from keyword values, and
``render(translate)`` passes the templates, never the values, through a translator."""

import datetime as dt
import errno
from pathlib import Path

import pytest

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.media.images import ImageRejectedError, prepare_image_bytes
from diaryrec.protocol import StudyFileError, parse_study_text
from diaryrec.services.study import join_study
from diaryrec.store.engine import StorageError, as_storage_error


def shouting(template: str) -> str:
    """A stand-in translator: what passed through it is visible."""
    return template.upper().replace("{NAME}", "{name}").replace("{LIMIT}", "{limit}").replace("{FOLDER}", "{folder}")


def test_a_join_error_is_the_same_english(store, default_study):
    with pytest.raises(UserError) as raised:
        join_study(store, default_study, "   ", now=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), zone_name="Asia/Seoul")
    assert str(raised.value) == "Please enter the participant code the research team gave you."
    assert raised.value.template == str(raised.value)

    with pytest.raises(UserError) as raised:
        join_study(store, default_study, "P" * 65, now=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), zone_name="Asia/Seoul")
    assert str(raised.value) == "The participant code is at most 64 characters long."
    assert raised.value.template == "The participant code is at most {limit} characters long."
    assert raised.value.template_values == {"limit": 64}


def test_disk_full_is_the_same_english(tmp_path: Path):
    error = as_storage_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    assert isinstance(error, StorageError)
    assert error.message == f"diaryrec could not save: the disk that holds your data folder ({tmp_path}) is full or failing."
    assert error.hint == "Free some space on it, then save again. Everything saved before is still there."
    assert str(error) == f"{error.message} {error.hint}"
    assert error.render() == str(error)
    # only the templates go through the translator; the folder is filled in as it is
    assert error.render(shouting).startswith(f"DIARYREC COULD NOT SAVE: THE DISK THAT HOLDS YOUR DATA FOLDER ({tmp_path}) IS FULL")


def test_an_image_refusal_is_the_same_english():
    with pytest.raises(ImageRejectedError) as raised:
        prepare_image_bytes(b"this is not a picture at all", "notes.txt")
    assert str(raised.value) == "notes.txt is not a picture diaryrec can use. Attach a JPEG, PNG, WebP, GIF or HEIC photo."
    assert raised.value.template_values == {"name": "notes.txt"}
    assert raised.value.render(shouting) == "notes.txt IS NOT A PICTURE DIARYREC CAN USE. ATTACH A JPEG, PNG, WEBP, GIF OR HEIC PHOTO."


def test_a_study_file_error_translates_its_words_not_its_field():
    with pytest.raises(StudyFileError) as raised:
        parse_study_text('[study]\nid = "x"\n', source="mine.toml")
    error = raised.value
    assert str(error) == "mine.toml, line 1: field study.name: is required but missing"
    assert (error.file, error.line, error.field, error.problem) == ("mine.toml", 1, "study.name", "is required but missing")
    assert error.render() == str(error)

    def korean(template: str) -> str:
        return {
            "{file}, line {line}: field {field}: {problem}": "{file}, {line}번째 줄: {field} 항목: {problem}",
            "is required but missing": "꼭 필요한 항목인데 빠져 있습니다",
        }[template]

    assert error.render(korean) == "mine.toml, 1번째 줄: study.name 항목: 꼭 필요한 항목인데 빠져 있습니다"


def test_an_english_only_message_with_braces_is_not_formatted():
    error = UserError("cannot parse {this}", hint="see {that}")
    assert str(error) == "cannot parse {this} see {that}"
    assert error.render(str.upper) == "CANNOT PARSE {THIS} SEE {THAT}"


def test_the_marker_returns_its_text():
    assert QT_TRANSLATE_NOOP("UserError", "{name} is larger than {limit} MB.") == "{name} is larger than {limit} MB."
    error = UserError(QT_TRANSLATE_NOOP("UserError", "{limit:,} characters at most."), limit=50_000)
    assert str(error) == "50,000 characters at most."
