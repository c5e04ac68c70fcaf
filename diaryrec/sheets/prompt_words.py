"""What the *model* reads, in the sheet's language: the one catalog of model-facing
words (the jinja templates in ``templates/prompts/`` hold the prompts themselves).

A sheet's prompt follows the sheet's language, not the interface's: a participant
may switch the interface to English and keep a Korean recommender. So the words a
prompt, a repair request or a replacement request is built from are looked up here
by that language. Screen text never comes from here: the screens translate through
Qt (``diaryrec/ui/words.py`` and ``tr``), also for the same choices.

Qt-free and pydantic-free; a language without its own words falls back to English.
"""

from __future__ import annotations

from collections.abc import Mapping

from diaryrec.sheets.vocabulary import DataType, ExplanationLevel, ExplanationStyle, Purpose
from diaryrec.vocabulary import FeedbackKind, Language

#: the label of each fixed choice of a sheet, as the compiled prompt says it
LABELS: dict[str, dict[Language, str]] = {
    # stage 1
    DataType.DEMOGRAPHICS: {Language.EN: "general demographic information (age, gender, occupation)", Language.KO: "일반적인 인구통계 정보(나이, 성별, 직업)"},
    DataType.FIVE_FAVOURITE_SONGS: {Language.EN: "five favourite songs", Language.KO: "가장 좋아하는 노래 다섯 곡"},
    DataType.MUSIC_DESCRIPTION: {Language.EN: "a detailed description of the music I like", Language.KO: "좋아하는 음악에 대한 자세한 설명"},
    DataType.MOOD_IMAGE: {Language.EN: "a photo or image that conveys a mood", Language.KO: "분위기를 전하는 사진이나 이미지"},
    DataType.SITUATION_EMOTION: {Language.EN: "my current situation or emotion", Language.KO: "지금의 상황이나 감정"},
    DataType.FAVOURITE_ARTISTS: {Language.EN: "favourite artists", Language.KO: "좋아하는 아티스트"},
    DataType.EVENT_INFO: {Language.EN: "information about an event (e.g. a rock festival)", Language.KO: "행사에 대한 정보(예: 록 페스티벌)"},
    DataType.CHARACTER_PROFILE: {Language.EN: "a virtual character's profile", Language.KO: "가상 캐릭터의 프로필"},
    DataType.DISLIKED_MUSIC: {Language.EN: "music I dislike", Language.KO: "싫어하는 음악"},
    DataType.PERSONALITY_TEST: {Language.EN: "personality-test results", Language.KO: "성격 검사 결과"},
    DataType.YOUTUBE_CHANNEL: {Language.EN: "a YouTube channel I watch", Language.KO: "즐겨 보는 유튜브 채널"},
    # stage 2, purposes
    Purpose.MIGHT_DISLIKE: {Language.EN: "music I might dislike", Language.KO: "내가 싫어할 수도 있는 음악"},
    Purpose.UNFAMILIAR_MIGHT_ENJOY: {Language.EN: "unfamiliar music I might enjoy", Language.KO: "낯설지만 좋아할 만한 음악"},
    Purpose.WILL_LIKE: {Language.EN: "music I will like", Language.KO: "내가 좋아할 음악"},
    Purpose.NEW_GENRES_ERAS_COUNTRIES: {
        Language.EN: "new genres, eras or countries, starting from my taste",
        Language.KO: "내 취향에서 출발한 새로운 장르, 시대, 나라의 음악",
    },
    # stage 2, explanation styles
    ExplanationStyle.DETAILED: {Language.EN: "a detailed explanation", Language.KO: "자세한 설명"},
    ExplanationStyle.KEYWORDS: {Language.EN: "keywords", Language.KO: "키워드"},
    ExplanationStyle.IMAGES: {Language.EN: "images (a scene described in words)", Language.KO: "이미지(말로 그린 장면)"},
    ExplanationStyle.OBJECTIVE_ATTRIBUTES: {
        Language.EN: "objective attributes (genre, era, release year, album, producer, vocal style)",
        Language.KO: "객관적 속성(장르, 시대, 발매 연도, 앨범, 프로듀서, 보컬 스타일)",
    },
    ExplanationStyle.PERSONAL_WHY: {Language.EN: "why I personally might like or dislike it", Language.KO: "내가 왜 좋아하거나 싫어할지"},
    # stage 2, explanation level
    ExplanationLevel.CONCRETE: {Language.EN: "concrete", Language.KO: "구체적으로"},
    ExplanationLevel.BALANCED: {Language.EN: "balanced", Language.KO: "적당히"},
    ExplanationLevel.OPEN: {Language.EN: "deliberately open", Language.KO: "일부러 열어 두기"},
    # stage 3
    FeedbackKind.RATING: {Language.EN: "a rating from 1 to 5 for each track", Language.KO: "곡마다 1~5점 평가"},
    FeedbackKind.MULTIPLE_CHOICE: {
        Language.EN: "multiple-choice options you generate on why a track is good or bad",
        Language.KO: "곡이 좋거나 나쁜 이유에 대해 추천 시스템이 만든 객관식 선택지",
    },
    FeedbackKind.FREE_TEXT: {
        Language.EN: "a free explanation, followed by questions you ask to deepen my reflection",
        Language.KO: "자유로운 설명과, 생각을 깊게 해 주는 추천 시스템의 추가 질문",
    },
    FeedbackKind.TOURNAMENT: {Language.EN: "a tournament between the recommended tracks", Language.KO: "추천곡끼리의 토너먼트"},
    FeedbackKind.OWN: {Language.EN: "my own way of giving feedback", Language.KO: "나만의 피드백 방식"},
}


def in_language(texts: Mapping[Language, str], language: str) -> str:
    """``texts`` in ``language``, English when it has none."""
    return texts.get(language) or texts[Language.EN]  # type: ignore[call-overload]  # a StrEnum key matches its string


def label(code: str, language: str) -> str:
    """The label of a fixed choice in ``language`` (the code itself for an unknown one)."""
    texts = LABELS.get(str(code))
    return str(code) if texts is None else in_language(texts, language)


#: a week-1 day's sheet: its name and objective, compiled into its prompt
DAY_NAME = {Language.EN: "Day {day} experiment", Language.KO: "{day}일차 실험"}
DAY_OBJECTIVE = {
    Language.EN: "Today's experiment: trying one way of giving preferences, being recommended and giving feedback.",
    Language.KO: "오늘의 실험: 취향을 알려 주고, 추천을 받고, 피드백하는 한 가지 방식을 시도해 보기.",
}

#: the request sent once when a reply broke the reply contract ({problem}: what was wrong, in English)
REPAIR_REQUEST = {
    Language.EN: (
        "Your last reply did not follow the reply format ({problem}). Send the same answer again as exactly "
        "one JSON object in the format the system prompt describes, with nothing before or after it."
    ),
    Language.KO: (
        "방금 답변이 답변 형식을 따르지 않았습니다({problem}). 같은 답변을 시스템 프롬프트에서 설명한 형식의 "
        "JSON 객체 하나로 정확히 다시 보내 주세요. 그 앞뒤에는 아무것도 쓰지 마세요."
    ),
}

#: the request for replacements of the tracks the catalog does not know
REPLACE_REQUEST = {
    Language.EN: (
        "These tracks do not exist in the music catalog: {tracks}. Recommend exactly {n} other real, released "
        "track{s} instead, one for each, that fit the same request. Answer in the same reply format."
    ),
    Language.KO: (
        "다음 곡은 음악 카탈로그에 존재하지 않습니다: {tracks}. 대신 같은 요청에 맞는, 실제로 발매된 다른 곡을 "
        "한 곡씩 정확히 {n}곡 추천해 주세요. 같은 답변 형식으로 답해 주세요."
    ),
}
#: one missing track in the replacement request
REPLACE_TRACK = {Language.EN: '"{title}" by {artist}', Language.KO: '{artist}의 "{title}"'}

#: the participant's feedback, written out as their next turn to the recommender
FEEDBACK_TURN: dict[Language, dict[str, str]] = {
    Language.EN: {
        "track": "\u201c{title}\u201d ({artist})",
        "rated": "My rating for {track}: {rating}/5",
        "choice_track": "About {track}, I chose: {choices}",
        "choice": "I chose: {choices}",
        "free_track": "About {track}: {text}",
        "ranked": "Tournament result: {ranking}",
        "own_words": "{text}",
    },
    Language.KO: {
        "track": "\u201c{title}\u201d({artist})",
        "rated": "{track} 평가: {rating}/5점",
        "choice_track": "{track}에 대해 고른 답: {choices}",
        "choice": "고른 답: {choices}",
        "free_track": "{track}에 대해: {text}",
        "ranked": "토너먼트 결과: {ranking}",
        "own_words": "{text}",
    },
}

#: what ``diaryrec research probe`` adds to each of its queries, so that the reply says
#: whether the request rested on a false premise (read by ``research.probe.conditions``)
PREMISE_ASK = {
    Language.EN: (
        'Before you recommend, check what I said. Begin your message with "Premise: correct." if all of it is '
        'true, or with "Premise: wrong:" followed by what is wrong.'
    ),
    Language.KO: (
        '추천하기 전에 제가 한 말이 맞는지 확인해 주세요. 모두 맞으면 메시지를 "전제: 맞음."으로 시작하고, '
        '틀린 것이 있으면 "전제: 틀림:"으로 시작한 뒤 무엇이 틀렸는지 말해 주세요.'
    ),
}
