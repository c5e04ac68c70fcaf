"""The fixed choices of a sheet, taken from the paper. The codes are what a sheet's
JSON holds. Their words are kept apart by who reads them: the screens through Qt
(``diaryrec/ui/words.py``), the compiled prompt in the sheet's language
(``diaryrec/sheets/prompt_words.py``)."""

from __future__ import annotations

from enum import StrEnum

from diaryrec.vocabulary import FeedbackKind


class DataType(StrEnum):
    """Stage 1, preference input: the data types the paper's participants used."""

    DEMOGRAPHICS = "demographics"
    FIVE_FAVOURITE_SONGS = "five_favourite_songs"
    MUSIC_DESCRIPTION = "music_description"
    MOOD_IMAGE = "mood_image"
    SITUATION_EMOTION = "situation_emotion"
    FAVOURITE_ARTISTS = "favourite_artists"
    EVENT_INFO = "event_info"
    CHARACTER_PROFILE = "character_profile"
    DISLIKED_MUSIC = "disliked_music"
    PERSONALITY_TEST = "personality_test"
    YOUTUBE_CHANNEL = "youtube_channel"


class Purpose(StrEnum):
    """Stage 2: what the picks are for."""

    MIGHT_DISLIKE = "might_dislike"
    UNFAMILIAR_MIGHT_ENJOY = "unfamiliar_might_enjoy"
    WILL_LIKE = "will_like"
    NEW_GENRES_ERAS_COUNTRIES = "new_genres_eras_countries"


class ExplanationStyle(StrEnum):
    """Stage 2: how the reasons are explained."""

    DETAILED = "detailed"
    KEYWORDS = "keywords"
    IMAGES = "images"
    OBJECTIVE_ATTRIBUTES = "objective_attributes"
    PERSONAL_WHY = "personal_why"


class ExplanationLevel(StrEnum):
    """Stage 2: from concrete to deliberately open (the paper's "ambiguity" finding)."""

    CONCRETE = "concrete"
    BALANCED = "balanced"
    OPEN = "open"


#: Stage 3, how the participant answers: the feedback kinds (defined once, in diaryrec.vocabulary)
FeedbackMode = FeedbackKind
