"""The words of the data inventory (``research.inventory``) that the codebook does not
already hold: Korean for every stored table and column (the English is the codebook's,
``research.tables``), both languages for what is kept but never exported (the catalog
cache, the data folder's other files, the settings), and the page's own texts.

``tests/unit/research/test_research_inventory.py`` fails when a table, column, data
folder entry or setting has no words here, so a new one cannot go unlisted.
"""

from __future__ import annotations

#: Korean for each table's ``about`` and each column's meaning (English: research.tables)
KO_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "enrolment": ("참가자가 참여한 연구 (한 행).", {
        "id": "행 번호",
        "study_id": "연구 파일의 id",
        "study_name": "연구의 기본 언어로 된 이름",
        "protocol_version": "연구자가 붙인 프로토콜 버전",
        "study_sha256": "참여할 때의 연구 파일 SHA-256",
        "study_text": "참여할 때의 연구 파일 (TOML; 키와 비밀값은 [redacted]로 바뀜)",
        "participant_code": "연구팀이 참가자에게 준 코드",
        "enrolled_on": "연구 1일째의 현지 날짜 (YYYY-MM-DD)",
        "time_zone": "참가자의 IANA 시간대",
        "sandbox": "실제 LLM이 아니라 스크립트 대역으로 실행했으면 true (파일럿)",
        "consented_at": "참가자가 동의서에 동의한 시각",
        "joined_at": "참가자가 참여한 시각",
    }),
    "protocol_day": ("프로토콜의 모든 날과 그날을 했는지, 늦었는지, 빠졌는지.", {
        "number": "연구 일차 (1 = 참여한 날)",
        "week": "프로토콜의 주차 (1 탐색, 2 선택, 3 완성)",
        "day_in_week": "주 안의 날 (1부터)",
        "activity": "그날 프로토콜이 요구하는 활동",
        "interview": "그날이 연구자 인터뷰로 시작하면 true",
        "had_session": "그날 추천 시스템의 답을 한 번 이상 받았으면 true",
        "diary_saved": "그날의 일기를 저장했으면 true",
        "late": "일기를 그날이 끝난 뒤에 저장했으면 true",
        "state": "내보낸 시점 기준: done, late, partly, missed, today, upcoming",
    }),
    "ice_breaking_answer": ("아이스브레이킹 과제마다 쓴 (+)와 (−).", {
        "id": "행 번호",
        "task_id": "연구 파일의 과제 id",
        "pros": "이 상호작용 방식의 좋은 점 (+)",
        "cons": "좋지 않은 점 (−)",
        "conversation_id": "과제를 해 본 대화 (conversation.id)",
        "updated_at": "마지막으로 고친 시각",
        "completed_at": "과제를 마쳤다고 표시한 시각",
    }),
    "ideation_item": ("아이스브레이킹 아이디어 칸의 아이디어.", {
        "id": "행 번호",
        "stage": "아이디어가 들어 있는 단계 (1 선호 입력, 2 제시, 3 피드백)",
        "position": "칸 안의 순서",
        "text": "쓴 그대로의 아이디어",
        "created_at": "쓴 시각",
    }),
    "sheet_version": ("모든 시트의 저장된 모든 버전과 그 시스템 프롬프트 (prompts/에도 있음).", {
        "id": "행 번호",
        "sheet_key": "어느 시트인지: 예) day-3 (그날의 구성), recommender-1 (기획 시트)",
        "kind": "daily 또는 planning",
        "version": "시트 안의 버전 번호; 덮어쓰지 않음",
        "study_day": "버전을 저장한 연구 일차",
        "content": "시트의 항목 (JSON)",
        "compiled_prompt": "시트로 만든 시스템 프롬프트",
        "template": "프롬프트를 만든 템플릿",
        "sheet_sha256": "시트 내용의 SHA-256",
        "based_on_id": "이 버전이 고친 버전 (sheet_version.id)",
        "created_at": "버전을 저장한 시각",
    }),
    "conversation": ("추천 시스템과의 대화.", {
        "id": "행 번호",
        "study_day": "대화한 연구 일차",
        "purpose": "ice_breaking, daily 또는 own_recommender",
        "task_id": "아이스브레이킹 과제 (purpose가 ice_breaking일 때)",
        "sheet_version_id": "추천 시스템이 쓴 프롬프트의 시트 버전 (sheet_version.id)",
        "provider": "LLM 제공자 (기본 URL의 호스트)",
        "model": "LLM 모델 이름",
        "sandbox": "답이 스크립트 대역에서 왔으면 true",
        "started_at": "대화를 시작한 시각",
    }),
    "message": ("모든 대화의 모든 차례.", {
        "id": "행 번호",
        "conversation_id": "conversation.id",
        "seq": "대화 안의 순서",
        "role": "system, user 또는 assistant",
        "text": "메시지 내용",
        "raw_text": "읽을 수 없었거나 실패한 답의 원문",
        "follow_up": "추천 시스템이 덧붙인 후속 질문 (JSON)",
        "status": "complete, raw (읽지 못한 답을 글로 보관) 또는 error",
        "error_kind": "status가 error일 때 실패의 종류",
        "provider": "답한 LLM 제공자",
        "model": "답한 LLM 모델",
        "created_at": "메시지를 저장한 시각",
        "request_started_at": "답을 요청한 시각",
        "first_token_ms": "답의 첫 부분이 올 때까지 걸린 밀리초",
        "duration_ms": "답이 끝날 때까지 걸린 밀리초",
        "prompt_tokens": "보낸 토큰 수 (제공자 집계)",
        "completion_tokens": "받은 토큰 수 (제공자 집계)",
    }),
    "message_image": ("참가자가 첨부한 그림 (images/의 파일, 메타데이터 제거됨).", {
        "id": "행 번호",
        "message_id": "message.id",
        "file_name": "images/ 안의 파일 이름",
        "sha256": "파일의 SHA-256",
        "mime": "그림 형식",
        "width": "가로 픽셀",
        "height": "세로 픽셀",
        "size_bytes": "파일 크기",
    }),
    "recommended_track": ("추천 시스템이 제안한 곡과 카탈로그의 판정.", {
        "id": "행 번호",
        "message_id": "곡을 제안한 답 (message.id)",
        "position": "답 안의 순서",
        "title": "제안된 곡 제목",
        "artist": "제안된 아티스트",
        "album": "제안된 앨범",
        "year": "제안된 연도",
        "reason": "추천 시스템이 든 이유",
        "keywords": "이유와 함께 준 키워드 (JSON 목록)",
        "verdict": "verified, not_found, uncertain, unchecked 또는 pending",
        "verdict_reason": "판정의 이유",
        "catalog": "판정한 카탈로그: spotify 또는 musicbrainz (확인 전에는 비어 있음; 카탈로그 이름을 기록하기 전의 판정은 모두 Spotify의 것)",
        "score": "가장 가까운 카탈로그 후보의 일치 점수 (0–1)",
        "catalog_track": "일치한 카탈로그 곡 (JSON: catalog, id — Spotify id 또는 MusicBrainz MBID — 이름, 아티스트, 앨범, 발매일, 주소)",
        "suggestion": "대신 제시한 비슷한 카탈로그 곡 (JSON)",
        "discrepancies": "제안과 카탈로그의 차이 (JSON 목록)",
        "checked_at": "카탈로그에 물어본 시각",
        "next_check_at": "확인하지 못한 곡을 다시 물어볼 시각",
        "replaces_id": "이 곡이 대신하는 찾지 못한 곡 (recommended_track.id)",
        "hidden": "참가자에게 숨긴 곡이면 true (찾지 못한 곡에 대한 연구 방침)",
    }),
    "feedback": ("참가자가 곡이나 차례마다 준 피드백.", {
        "id": "행 번호",
        "conversation_id": "conversation.id",
        "message_id": "피드백 대상인 답 (message.id)",
        "track_id": "피드백 대상인 곡 (recommended_track.id)",
        "kind": "rating, multiple_choice, free_text, tournament 또는 own",
        "rating": "kind가 rating일 때 1–5",
        "choices": "고른 선택지 (JSON 목록)",
        "text": "자유 글",
        "sent_as_message_id": "피드백을 보낸 사용자 메시지 (message.id)",
        "created_at": "준 시각",
    }),
    "diary_entry": ("연구 일차마다의 일기.", {
        "id": "행 번호",
        "study_day": "일기가 속한 연구 일차",
        "answers": "일기 질문 id별 답 (JSON 객체)",
        "status": "draft 또는 saved",
        "revision": "저장한 횟수",
        "drafted_at": "처음 쓰기 시작한 시각",
        "saved_at": "저장한 시각",
        "late": "그날이 끝난 뒤에 저장했으면 true",
    }),
    "diary_screenshot": ("일기에 붙인 스크린샷 (screenshots/의 파일).", {
        "id": "행 번호",
        "entry_id": "diary_entry.id",
        "position": "일기 안의 순서",
        "file_name": "screenshots/ 안의 파일 이름",
        "sha256": "파일의 SHA-256",
        "automatic": "앱이 그날의 대화를 찍었으면 true, 참가자가 파일을 골랐으면 false",
        "created_at": "붙인 시각",
    }),
    "interview": ("앱이 기록한 연구자 인터뷰.", {
        "id": "행 번호",
        "week": "인터뷰로 시작한 주",
        "happened_at": "시각",
        "notes": "연구자의 메모 (있으면)",
    }),
    "event": ("앱의 이벤트 기록 (앱 시작, 알림 표시, 일기 저장 …).", {
        "id": "행 번호",
        "at": "시각",
        "kind": "일어난 일",
        "detail": "자세한 내용 (JSON 객체; 경로와 사용자 이름은 지움)",
    }),
}

#: tables kept on the computer but never exported: both languages (no codebook entry)
LOCAL_TABLES: dict[str, dict[str, tuple[str, dict[str, str]]]] = {
    "catalog_cache": {
        "en": ("The catalogs' answers about suggested tracks (found or not), kept so that checking again works offline.", {
            "key": "the question asked (normalised title, artist, album, year and market)",
            "market": "what the answer depends on: the Spotify market asked (empty for MusicBrainz)",
            "payload": "the catalog's answer: the matching catalogue tracks (JSON, naming the catalog)",
            "fetched_at": "when the catalog answered",
            "expires_at": "when the answer is asked again",
        }),
        "ko": ("제안된 곡에 대한 카탈로그의 답 (찾았든 못 찾았든); 다시 확인할 때 오프라인으로도 되도록 보관.", {
            "key": "물어본 내용 (정규화한 제목, 아티스트, 앨범, 연도, 시장)",
            "market": "답이 달라지는 조건: 물어본 Spotify 시장 (MusicBrainz는 비어 있음)",
            "payload": "카탈로그의 답: 일치하는 카탈로그 곡 (JSON, 카탈로그 이름 포함)",
            "fetched_at": "카탈로그가 답한 시각",
            "expires_at": "다시 물어볼 시각",
        }),
    },
}

#: the data folder's files and folders (``paths.DataLayout``'s properties): what each
#: holds, and whether the export bundle carries it
DATA_FOLDER: dict[str, dict[str, str]] = {
    "database": {
        "en": "the study database (SQLite): every table below",
        "ko": "연구 데이터베이스 (SQLite): 아래의 모든 표",
    },
    "screenshots": {
        "en": "the diary's screenshots (in the bundle)",
        "ko": "일기의 스크린샷 (내보내기 파일에 들어감)",
    },
    "images": {
        "en": "photos attached in conversations, re-encoded with every piece of metadata (EXIF, GPS) removed (in the bundle)",
        "ko": "대화에 첨부한 사진; 모든 메타데이터(EXIF, GPS)를 지우고 다시 저장 (내보내기 파일에 들어감)",
    },
    "covers": {
        "en": "album covers downloaded from Spotify for the track cards (not exported)",
        "ko": "곡 카드에 보여 줄, Spotify에서 받은 앨범 표지 (내보내지 않음)",
    },
    "backups": {
        "en": "copies of the database taken before each schema upgrade (not exported)",
        "ko": "스키마를 올리기 전에 만든 데이터베이스 사본 (내보내지 않음)",
    },
    "logs": {
        "en": "diaryrec.log, the app's log for troubleshooting; keys and authorization headers are redacted (not exported)",
        "ko": "문제 해결용 앱 기록 diaryrec.log; 키와 인증 헤더는 가림 (내보내지 않음)",
    },
    "settings_file": {
        "en": "settings.json: the participant's settings (below; not exported)",
        "ko": "settings.json: 참가자의 설정 (아래; 내보내지 않음)",
    },
    "calendar_cache": {
        "en": "calendar.json: the study calendar, cached for a fast start (not exported)",
        "ko": "calendar.json: 빠른 시작을 위해 보관한 연구 달력 (내보내지 않음)",
    },
}

#: Korean for the settings' titles (English: ``settings.Settings``' field titles)
KO_SETTINGS: dict[str, str] = {
    "schema_version": "설정 파일 형식 버전",
    "llm_base_url": "LLM 제공자 기본 URL (연구 파일과 다를 때만)",
    "llm_model": "모델 (연구 파일과 다를 때만)",
    "spotify_client_id": "Spotify client ID (연구 파일과 다를 때만)",
    "market": "Spotify 시장 (연구 파일과 다를 때만)",
    "reminder_time": "매일 알림 시각",
    "reminders_enabled": "매일 알림 켜기",
    "ui_language": "화면 언어",
    "last_screen": "마지막으로 본 화면",
    "last_screen_day": "마지막 화면을 본 연구 일차",
    "window_geometry": "창 위치와 크기 (base64)",
}
EN_SETTINGS_EXTRA: dict[str, str] = {
    "schema_version": "settings file format version",
}

#: the page's own texts
WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Data inventory", "ko": "데이터 목록"},
    "intro": {
        "en": "What diaryrec stores for this study on each participant's computer, where it is kept, what leaves the "
              "computer and when, and what never does. Generated from the study file and from the app's own schema, "
              "so every stored column is listed.",
        "ko": "이 연구를 위해 diaryrec가 참가자의 컴퓨터에 저장하는 것, 보관 위치, 컴퓨터 밖으로 나가는 것과 그 시점, "
              "그리고 절대 나가지 않는 것입니다. 연구 파일과 앱의 스키마에서 만들었으므로 저장되는 모든 열이 들어 있습니다.",
    },
    "study": {"en": "Study", "ko": "연구"},
    "researcher": {"en": "Researcher", "ko": "연구자"},
    "days": {"en": " days", "ko": "일"},
    "generated": {"en": "Generated", "ko": "작성"},
    "none_given": {"en": "(none given)", "ko": "(없음)"},
    "leaves": {"en": "What leaves the computer, and when", "ko": "컴퓨터 밖으로 나가는 것과 그 시점"},
    "recipient": {"en": "Recipient", "ko": "받는 곳"},
    "what": {"en": "What", "ko": "무엇을"},
    "when": {"en": "When", "ko": "언제"},
    "llm_what": {
        "en": "the participant's messages, the photos they attach (metadata removed), the system prompt compiled from "
              "their sheets and the conversation so far; the API key as the credential",
        "ko": "참가자의 메시지, 첨부한 사진 (메타데이터 제거), 시트로 만든 시스템 프롬프트와 지금까지의 대화; 인증에 쓰는 API 키",
    },
    "llm_when": {
        "en": "each time the participant sends a message in a conversation (testing the connection asks for the list of models, or for a one-token reply)",
        "ko": "참가자가 대화에서 메시지를 보낼 때마다 (연결 시험은 모델 목록이나 한 토큰짜리 답을 요청)",
    },
    "llm_key_study": {"en": "The API key is in the study file: every participant shares it.",
                      "ko": "API 키가 연구 파일에 있어 모든 참가자가 같이 씁니다."},
    "llm_key_own": {"en": "Each participant enters their own API key.", "ko": "참가자마다 자기 API 키를 입력합니다."},
    "llm_own_provider": {
        "en": "A participant may choose another provider in Settings; each conversation records the provider and model that answered.",
        "ko": "참가자는 설정에서 다른 제공자를 고를 수 있으며, 대화마다 답한 제공자와 모델이 기록됩니다.",
    },
    "catalog_what": {
        "en": "the title, artist, album and year of each suggested track; the study's Spotify client ID and secret as the credential",
        "ko": "제안된 곡마다 제목, 아티스트, 앨범, 연도; 인증에 쓰는 연구의 Spotify client ID와 secret",
    },
    "catalog_when": {
        "en": "when a reply suggests tracks, when a track not checked yet is checked again, and when the participant tests the connection",
        "ko": "답에 곡이 제안될 때, 아직 확인하지 못한 곡을 다시 확인할 때, 참가자가 연결을 시험할 때",
    },
    "catalog_on": {"en": "This study file names a Spotify app (client ID{secret}).",
                   "ko": "이 연구 파일에 Spotify 앱이 있습니다 (client ID{secret})."},
    "catalog_secret_in_file": {"en": " and secret", "ko": "와 secret"},
    "catalog_off": {
        "en": "This study file names no Spotify app: nothing is sent to Spotify unless a participant enters a client ID and secret themselves.",
        "ko": "이 연구 파일에는 Spotify 앱이 없습니다: 참가자가 직접 client ID와 secret을 입력하지 않으면 Spotify에는 아무것도 보내지 않습니다.",
    },
    "musicbrainz_what": {
        "en": "the title and artist of each suggested track; in every request's User-Agent, diaryrec's version and the "
              "study's researcher e-mail (MusicBrainz asks every application for a contact); no key, no account",
        "ko": "제안된 곡마다 제목과 아티스트; 모든 요청의 User-Agent에 diaryrec 버전과 연구자의 이메일 "
              "(MusicBrainz는 모든 프로그램에 연락처를 요구함); 키도 계정도 없음",
    },
    "catalogs_listed": {"en": "The study file lists the catalogs, in order: {catalogs}.",
                        "ko": "연구 파일이 카탈로그를 순서대로 정합니다: {catalogs}."},
    "catalogs_default": {
        "en": "The study file lists no catalog: Spotify when its app is set up, otherwise MusicBrainz.",
        "ko": "연구 파일에 카탈로그 목록이 없습니다: Spotify 앱이 있으면 Spotify, 없으면 MusicBrainz.",
    },
    "musicbrainz_pace": {"en": "At most one request a second; a whole reply is checked in one or two combined searches.",
                         "ko": "초당 최대 한 번 요청하며, 답 하나는 한두 번의 묶음 검색으로 확인합니다."},
    "covers_who": {"en": "Spotify's image server", "ko": "Spotify 이미지 서버"},
    "covers_what": {"en": "the address of a matched track's album cover (to download the picture)",
                    "ko": "일치한 곡의 앨범 표지 주소 (그림을 받기 위해)"},
    "covers_when": {"en": "when a checked track's card is shown", "ko": "확인된 곡의 카드를 보여 줄 때"},
    "team_who": {"en": "The research team", "ko": "연구팀"},
    "team_what": {
        "en": "the export bundle: the tables below marked “exported”, the diary's screenshots, the attached photos, "
              "every compiled prompt and a codebook",
        "ko": "내보내기 파일: 아래에서 ‘내보냄’으로 표시된 표, 일기 스크린샷, 첨부한 사진, 모든 시스템 프롬프트와 코드북",
    },
    "team_when": {
        "en": "only when the participant exports it (File → Export my data…) and sends the file themselves; diaryrec never uploads it",
        "ko": "참가자가 직접 내보내고 (파일 → 내 데이터 내보내기…) 그 파일을 보낼 때만; diaryrec는 올리지 않습니다",
    },
    "nothing_else": {
        "en": "Nothing else leaves: no usage statistics, crash reports or update checks. With --sandbox, scripted "
              "stand-ins on the computer answer instead of the LLM provider and Spotify, and nothing leaves at all.",
        "ko": "그 밖에는 아무것도 나가지 않습니다: 사용 통계, 오류 보고, 업데이트 확인이 없습니다. --sandbox로 실행하면 "
              "LLM 제공자와 Spotify 대신 컴퓨터 안의 스크립트 대역이 답하므로 아무것도 나가지 않습니다.",
    },
    "never": {"en": "What never leaves the computer", "ko": "절대 컴퓨터 밖으로 나가지 않는 것"},
    "never_keys": {
        "en": "API keys and the Spotify client secret: kept in the operating system's keyring (or in memory for one "
              "session), never in the data folder; replaced by [redacted] in every text of the bundle",
        "ko": "API 키와 Spotify client secret: 운영체제의 키링에 (또는 한 세션 동안 메모리에만) 보관하고 데이터 폴더에는 "
              "두지 않음; 내보내기 파일의 모든 글에서 [redacted]로 바뀜",
    },
    "never_paths": {
        "en": "folder paths on the computer and the computer's user name: removed from every text of the bundle",
        "ko": "컴퓨터의 폴더 경로와 컴퓨터 사용자 이름: 내보내기 파일의 모든 글에서 지움",
    },
    "never_metadata": {
        "en": "the metadata of attached photos (camera, time, GPS position): removed before the photo is stored",
        "ko": "첨부한 사진의 메타데이터 (카메라, 시각, GPS 위치): 사진을 저장하기 전에 지움",
    },
    "never_local": {
        "en": "the settings, the catalog cache, the album covers, the database backups and the log file (a participant "
              "may send the log to the team themselves; keys in it are redacted)",
        "ko": "설정, 카탈로그 캐시, 앨범 표지, 데이터베이스 사본, 기록 파일 (참가자가 직접 기록 파일을 연구팀에 보낼 수는 "
              "있으며, 그 안의 키는 가려져 있음)",
    },
    "kept": {"en": "Where it is kept", "ko": "보관 위치"},
    "kept_folder": {
        "en": "Everything is kept in the participant's data folder: %APPDATA%\\diaryrec on Windows, ~/Library/Application "
              "Support/diaryrec on macOS, ~/.local/share/diaryrec on Linux (or the folder the participant chose). "
              "diaryrec deletes nothing of the study's data: it stays until the participant deletes the folder.",
        "ko": "모두 참가자의 데이터 폴더에 보관합니다: Windows는 %APPDATA%\\diaryrec, macOS는 ~/Library/Application "
              "Support/diaryrec, Linux는 ~/.local/share/diaryrec (또는 참가자가 고른 폴더). diaryrec는 연구 데이터를 "
              "지우지 않으며, 참가자가 폴더를 지울 때까지 남아 있습니다.",
    },
    "kept_keys": {
        "en": "Keys: the operating system's keyring (Windows Credential Manager, macOS Keychain, the Secret Service on Linux).",
        "ko": "키: 운영체제의 키링 (Windows 자격 증명 관리자, macOS 키체인, Linux의 Secret Service).",
    },
    "entry": {"en": "In the data folder", "ko": "데이터 폴더 안"},
    "holds": {"en": "Holds", "ko": "내용"},
    "asked": {"en": "What participants are asked to write", "ko": "참가자에게 쓰도록 요청하는 것"},
    "asked_intro": {
        "en": "From the study file: the diary questions of each week and the ice-breaking tasks, which are done in a "
              "conversation with the LLM (so their answers reach the LLM provider).",
        "ko": "연구 파일에서: 주마다의 일기 질문과 아이스브레이킹 과제. 과제는 LLM과의 대화에서 하므로 그 답은 LLM 제공자에게 갑니다.",
    },
    "week": {"en": "Week", "ko": "주"},
    "icebreaker_tasks": {"en": "Ice-breaking tasks (day 1)", "ko": "아이스브레이킹 과제 (1일째)"},
    "stage": {"en": "stage", "ko": "단계"},
    "stored": {"en": "Every stored item", "ko": "저장되는 모든 항목"},
    "stored_intro": {
        "en": "Each table of the study database with every column. “Exported”: the table is in the export bundle "
              "(tables/NAME.csv and data.json); “kept here”: it never leaves the computer.",
        "ko": "연구 데이터베이스의 표와 그 모든 열입니다. ‘내보냄’: 내보내기 파일에 들어가는 표 (tables/이름.csv와 "
              "data.json); ‘여기에만’: 컴퓨터 밖으로 나가지 않는 표.",
    },
    "exported": {"en": "exported", "ko": "내보냄"},
    "kept_here": {"en": "kept here", "ko": "여기에만"},
    "derived": {"en": "exported, computed at export from the study file and the days' records",
                "ko": "내보냄; 내보낼 때 연구 파일과 날마다의 기록으로 계산"},
    "column": {"en": "Column", "ko": "열"},
    "meaning": {"en": "Meaning", "ko": "뜻"},
    "settings": {"en": "The participant's settings (settings.json, not exported)", "ko": "참가자의 설정 (settings.json, 내보내지 않음)"},
    "setting": {"en": "Setting", "ko": "설정"},
    "footer": {"en": "Written by diaryrec {version} (research data-inventory).",
               "ko": "diaryrec {version}이(가) 작성함 (research data-inventory)."},
}
