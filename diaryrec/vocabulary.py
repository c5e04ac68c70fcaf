"""The codes diaryrec stores and compares, each defined once (issue 12, item 5).

Every module that stores, compares or shows one of these codes names it through the
enums below, never as a string of its own: ``tests/unit/test_vocabulary.py`` fails
when a verdict, feedback-kind or activity literal appears anywhere else in the
package. The enums are ``StrEnum``\\ s, so what the database and the export files
hold stays the same plain strings (no migration) and a member compares equal to its
string.

What the codes *mean to a person* lives elsewhere, once as well: the screens' words
in ``diaryrec/ui/words.py`` (through Qt's ``tr``), the model-facing words in the
sheet's language in ``diaryrec/sheets/prompt_words.py``. The one thing defined here
besides the codes is the verdicts' colours, because both the screens (Qt) and the
HTML report (Qt-free) paint with them.

The bottom layer: standard library only, imports nothing from diaryrec (the start-up
path imports it before anything heavy, see ``diaryrec/protocol/calendar.py``).
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """The languages of study texts, of the interface and of a sheet's prompt."""

    EN = "en"
    KO = "ko"


#: every language, English first (the fallback)
LANGUAGES: tuple[Language, ...] = tuple(Language)


class Verdict(StrEnum):
    """What the music catalog said about a recommended track (``recommended_track.verdict``)."""

    PENDING = "pending"  # stored, not yet looked up
    VERIFIED = "verified"  # found in the catalog
    NOT_FOUND = "not_found"  # not in the catalog: likely made up by the model
    UNCERTAIN = "uncertain"  # a near match a human should look at
    UNCHECKED = "unchecked"  # could not be looked up (no catalog, or it failed)

    @property
    def checked(self) -> bool:
        """The catalog gave an answer (verified, not found or uncertain)."""
        return self not in (Verdict.PENDING, Verdict.UNCHECKED)


#: the one colour of each verdict, for the screens and the HTML report alike (colour is
#: never the only carrier: the words always go with it); the unanswered ones are grey
VERDICT_COLOURS: dict[Verdict, str] = {
    Verdict.VERIFIED: "#1a7f37",
    Verdict.NOT_FOUND: "#cf222e",
    Verdict.UNCERTAIN: "#9a6700",
    Verdict.UNCHECKED: "#57606a",
    Verdict.PENDING: "#57606a",
}


class CatalogId(StrEnum):
    """The music catalogs suggested tracks are checked against (the study file's
    ``[catalog] providers``, ``recommended_track.catalog``)."""

    SPOTIFY = "spotify"
    MUSICBRAINZ = "musicbrainz"  # the open catalog: no key needed


#: a catalog's name as participants read it ("verified in Spotify"), the same in every language
CATALOG_NAMES: dict[CatalogId, str] = {CatalogId.SPOTIFY: "Spotify", CatalogId.MUSICBRAINZ: "MusicBrainz"}


def catalog_name(catalog: str | None) -> str:
    """The name of a stored catalog id; verdicts from before catalogs were named are Spotify's."""
    if not catalog:
        return CATALOG_NAMES[CatalogId.SPOTIFY]
    return CATALOG_NAMES.get(catalog, catalog)  # type: ignore[call-overload]  # a StrEnum key matches its string


class FeedbackKind(StrEnum):
    """How a participant answers a reply: the stage-3 modes of a sheet, and the
    ``kind`` of a stored ``feedback`` row."""

    RATING = "rating"  # 1–5 for a track
    MULTIPLE_CHOICE = "multiple_choice"  # the options they picked
    FREE_TEXT = "free_text"
    TOURNAMENT = "tournament"  # a ranking of tracks, winner first
    OWN = "own"  # their own way, in their words


class FollowUpKind(StrEnum):
    """The follow-up a reply asks for (the reply contract's ``follow_up.kind``): the
    feedback kinds the model can ask for itself ("own" travels as free text), or none."""

    RATING = FeedbackKind.RATING.value
    MULTIPLE_CHOICE = FeedbackKind.MULTIPLE_CHOICE.value
    FREE_TEXT = FeedbackKind.FREE_TEXT.value
    TOURNAMENT = FeedbackKind.TOURNAMENT.value
    NONE = "none"


class Activity(StrEnum):
    """What a study day asks for (the study file's weeks, the home screen's calendar)."""

    ICE_BREAKING = "ice_breaking"
    DAILY_COMPOSER = "daily_composer"
    PLANNING_SHEET = "planning_sheet"
    PLANNING_REVISION = "planning_revision"
    OWN_RECOMMENDER = "own_recommender"


class ConversationPurpose(StrEnum):
    """What a conversation is for (``conversation.purpose``): the ice-breaking tasks,
    a week-1 daily experiment, or the participant's own recommender (weeks 2 and 3)."""

    ICE_BREAKING = Activity.ICE_BREAKING.value
    DAILY = "daily"
    OWN_RECOMMENDER = Activity.OWN_RECOMMENDER.value
