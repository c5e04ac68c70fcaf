"""The screens' words for the codes of ``diaryrec.vocabulary``, in the interface
language: each code's English text is marked once with ``QT_TRANSLATE_NOOP`` (so
pyside6-lupdate collects it into ``resources/translations/diaryrec_ko.ts``) and
translated when shown with ``QCoreApplication.translate``.

Only screen text lives here. What the *model* reads (a sheet's compiled prompt, the
repair and replacement requests) follows the sheet's language, not the interface's,
and comes from ``diaryrec/sheets/prompt_words.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from diaryrec.errors import QT_TRANSLATE_NOOP
from diaryrec.sheets.vocabulary import DataType, ExplanationLevel, ExplanationStyle, Purpose
from diaryrec.vocabulary import VERDICT_COLOURS, FeedbackKind, Verdict, catalog_name

VERDICT_CONTEXT = "Verdict"  # the translation contexts (lupdate needs them spelt out in each mark)

# the one verdict → words map of the screens (chat cards, diary day, research window);
# the sign in front carries the verdict without colour
_VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.VERIFIED: QT_TRANSLATE_NOOP("Verdict", "✓ verified in {catalog}"),
    Verdict.NOT_FOUND: QT_TRANSLATE_NOOP("Verdict", "✗ not found in {catalog}"),
    Verdict.UNCERTAIN: QT_TRANSLATE_NOOP("Verdict", "? uncertain match"),
    Verdict.UNCHECKED: QT_TRANSLATE_NOOP("Verdict", "… not checked yet"),
    Verdict.PENDING: QT_TRANSLATE_NOOP("Verdict", "… not checked yet"),
}
_UNKNOWN_COLOUR = VERDICT_COLOURS[Verdict.UNCHECKED]


def verdict_text(verdict: str, catalog: str | None = None) -> str:
    """A track's verdict in the interface language, naming the catalog that gave it
    (an unknown code as it is)."""
    words = _VERDICT_WORDS.get(verdict)  # type: ignore[call-overload]  # a StrEnum key matches its string
    if not words:
        return verdict
    return QCoreApplication.translate(VERDICT_CONTEXT, words).replace("{catalog}", catalog_name(catalog))


def catalogs_named(catalogs: Iterable[str | None]) -> str:
    """The catalogs that gave some verdicts, by name, in order ("Spotify", "Spotify, MusicBrainz")."""
    return ", ".join(dict.fromkeys(catalog_name(c) for c in catalogs)) or catalog_name(None)


def verdict_colour(verdict: str) -> str:
    """The verdict's colour (``diaryrec.vocabulary.VERDICT_COLOURS``, the report's too)."""
    return VERDICT_COLOURS.get(verdict, _UNKNOWN_COLOUR)  # type: ignore[call-overload]


# the screens' text of each fixed choice of a sheet (what the sheet form lists, what a
# version comparison names); the prompt has its own words, in the sheet's language
CHOICE_CONTEXT = "Choice"
_CHOICE_WORDS: dict[str, str] = {
    DataType.DEMOGRAPHICS: QT_TRANSLATE_NOOP("Choice", "general demographic information (age, gender, occupation)"),
    DataType.FIVE_FAVOURITE_SONGS: QT_TRANSLATE_NOOP("Choice", "five favourite songs"),
    DataType.MUSIC_DESCRIPTION: QT_TRANSLATE_NOOP("Choice", "a detailed description of the music I like"),
    DataType.MOOD_IMAGE: QT_TRANSLATE_NOOP("Choice", "a photo or image that conveys a mood"),
    DataType.SITUATION_EMOTION: QT_TRANSLATE_NOOP("Choice", "my current situation or emotion"),
    DataType.FAVOURITE_ARTISTS: QT_TRANSLATE_NOOP("Choice", "favourite artists"),
    DataType.EVENT_INFO: QT_TRANSLATE_NOOP("Choice", "information about an event (e.g. a rock festival)"),
    DataType.CHARACTER_PROFILE: QT_TRANSLATE_NOOP("Choice", "a virtual character's profile"),
    DataType.DISLIKED_MUSIC: QT_TRANSLATE_NOOP("Choice", "music I dislike"),
    DataType.PERSONALITY_TEST: QT_TRANSLATE_NOOP("Choice", "personality-test results"),
    DataType.YOUTUBE_CHANNEL: QT_TRANSLATE_NOOP("Choice", "a YouTube channel I watch"),
    Purpose.MIGHT_DISLIKE: QT_TRANSLATE_NOOP("Choice", "music I might dislike"),
    Purpose.UNFAMILIAR_MIGHT_ENJOY: QT_TRANSLATE_NOOP("Choice", "unfamiliar music I might enjoy"),
    Purpose.WILL_LIKE: QT_TRANSLATE_NOOP("Choice", "music I will like"),
    Purpose.NEW_GENRES_ERAS_COUNTRIES: QT_TRANSLATE_NOOP("Choice", "new genres, eras or countries, starting from my taste"),
    ExplanationStyle.DETAILED: QT_TRANSLATE_NOOP("Choice", "a detailed explanation"),
    ExplanationStyle.KEYWORDS: QT_TRANSLATE_NOOP("Choice", "keywords"),
    ExplanationStyle.IMAGES: QT_TRANSLATE_NOOP("Choice", "images (a scene described in words)"),
    ExplanationStyle.OBJECTIVE_ATTRIBUTES: QT_TRANSLATE_NOOP("Choice", "objective attributes (genre, era, release year, album, producer, vocal style)"),
    ExplanationStyle.PERSONAL_WHY: QT_TRANSLATE_NOOP("Choice", "why I personally might like or dislike it"),
    ExplanationLevel.CONCRETE: QT_TRANSLATE_NOOP("Choice", "concrete"),
    ExplanationLevel.BALANCED: QT_TRANSLATE_NOOP("Choice", "balanced"),
    ExplanationLevel.OPEN: QT_TRANSLATE_NOOP("Choice", "deliberately open"),
    FeedbackKind.RATING: QT_TRANSLATE_NOOP("Choice", "a rating from 1 to 5 for each track"),
    FeedbackKind.MULTIPLE_CHOICE: QT_TRANSLATE_NOOP("Choice", "multiple-choice options you generate on why a track is good or bad"),
    FeedbackKind.FREE_TEXT: QT_TRANSLATE_NOOP("Choice", "a free explanation, followed by questions you ask to deepen my reflection"),
    FeedbackKind.TOURNAMENT: QT_TRANSLATE_NOOP("Choice", "a tournament between the recommended tracks"),
    FeedbackKind.OWN: QT_TRANSLATE_NOOP("Choice", "my own way of giving feedback"),
}


def choice_label(code: str) -> str:
    """A fixed choice of a sheet in the interface language (an unknown code as it is)."""
    words = _CHOICE_WORDS.get(str(code))
    return QCoreApplication.translate(CHOICE_CONTEXT, words) if words else str(code)
