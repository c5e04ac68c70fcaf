"""The fixed choices of a sheet, taken from the paper, with their labels in English
and Korean. The codes are what a sheet's JSON holds; the labels are what the
participant sees and what the compiled prompt says."""

from __future__ import annotations

from enum import StrEnum


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


class FeedbackMode(StrEnum):
    """Stage 3: how the participant answers."""

    RATING = "rating"
    MULTIPLE_CHOICE = "multiple_choice"
    FREE_TEXT = "free_text"
    TOURNAMENT = "tournament"
    OWN = "own"


LABELS: dict[str, dict[str, str]] = {
    # stage 1
    "demographics": {"en": "general demographic information (age, gender, occupation)", "ko": "일반적인 인구통계 정보(나이, 성별, 직업)"},
    "five_favourite_songs": {"en": "five favourite songs", "ko": "가장 좋아하는 노래 다섯 곡"},
    "music_description": {"en": "a detailed description of the music I like", "ko": "좋아하는 음악에 대한 자세한 설명"},
    "mood_image": {"en": "a photo or image that conveys a mood", "ko": "분위기를 전하는 사진이나 이미지"},
    "situation_emotion": {"en": "my current situation or emotion", "ko": "지금의 상황이나 감정"},
    "favourite_artists": {"en": "favourite artists", "ko": "좋아하는 아티스트"},
    "event_info": {"en": "information about an event (e.g. a rock festival)", "ko": "행사에 대한 정보(예: 록 페스티벌)"},
    "character_profile": {"en": "a virtual character's profile", "ko": "가상 캐릭터의 프로필"},
    "disliked_music": {"en": "music I dislike", "ko": "싫어하는 음악"},
    "personality_test": {"en": "personality-test results", "ko": "성격 검사 결과"},
    "youtube_channel": {"en": "a YouTube channel I watch", "ko": "즐겨 보는 유튜브 채널"},
    # stage 2, purposes
    "might_dislike": {"en": "music I might dislike", "ko": "내가 싫어할 수도 있는 음악"},
    "unfamiliar_might_enjoy": {"en": "unfamiliar music I might enjoy", "ko": "낯설지만 좋아할 만한 음악"},
    "will_like": {"en": "music I will like", "ko": "내가 좋아할 음악"},
    "new_genres_eras_countries": {
        "en": "new genres, eras or countries, starting from my taste",
        "ko": "내 취향에서 출발한 새로운 장르, 시대, 나라의 음악",
    },
    # stage 2, explanation styles
    "detailed": {"en": "a detailed explanation", "ko": "자세한 설명"},
    "keywords": {"en": "keywords", "ko": "키워드"},
    "images": {"en": "images (a scene described in words)", "ko": "이미지(말로 그린 장면)"},
    "objective_attributes": {
        "en": "objective attributes (genre, era, release year, album, producer, vocal style)",
        "ko": "객관적 속성(장르, 시대, 발매 연도, 앨범, 프로듀서, 보컬 스타일)",
    },
    "personal_why": {"en": "why I personally might like or dislike it", "ko": "내가 왜 좋아하거나 싫어할지"},
    # stage 2, explanation level
    "concrete": {"en": "concrete", "ko": "구체적으로"},
    "balanced": {"en": "balanced", "ko": "적당히"},
    "open": {"en": "deliberately open", "ko": "일부러 열어 두기"},
    # stage 3
    "rating": {"en": "a rating from 1 to 5 for each track", "ko": "곡마다 1~5점 평가"},
    "multiple_choice": {
        "en": "multiple-choice options you generate on why a track is good or bad",
        "ko": "곡이 좋거나 나쁜 이유에 대해 추천 시스템이 만든 객관식 선택지",
    },
    "free_text": {
        "en": "a free explanation, followed by questions you ask to deepen my reflection",
        "ko": "자유로운 설명과, 생각을 깊게 해 주는 추천 시스템의 추가 질문",
    },
    "tournament": {"en": "a tournament between the recommended tracks", "ko": "추천곡끼리의 토너먼트"},
    "own": {"en": "my own way of giving feedback", "ko": "나만의 피드백 방식"},
}


def label(code: str, language: str) -> str:
    """The label of a fixed choice in ``language`` (English when no Korean exists)."""
    texts = LABELS.get(str(code))
    if texts is None:
        return str(code)
    return texts.get(language) or texts["en"]
