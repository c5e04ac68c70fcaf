"""The tables of a participant bundle, declared once: which store table each one is,
its columns in a stable order, and what every column means.

The export writes ``tables/<name>.csv`` from these, the codebook (README.md in the
bundle) is rendered from the same descriptions, and the merged database has one
table per entry here, keyed by participant. A column added to a store model without
a description here fails ``tests/unit/research/test_research_tables.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import SQLModel

from diaryrec.store import models as m
from diaryrec.vocabulary import Verdict


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[SQLModel] | None  # None: derived by the export, not stored
    about: str
    columns: dict[str, str]  # column name -> meaning, in CSV order

    @property
    def file(self) -> str:
        return f"tables/{self.name}.csv"


WHEN = " (ISO 8601 with the participant's UTC offset)"

PROTOCOL_DAY_COLUMNS = {
    "number": "study day, 1 = the day the participant joined",
    "week": "week of the protocol (1 Exploration, 2 Selecting, 3 Finalization)",
    "day_in_week": "day within the week, 1-based",
    "activity": "what the protocol asks for that day: ice_breaking, daily_composer, planning_sheet, planning_revision, own_recommender",
    "interview": "true when the day starts with an interview with the researcher",
    "had_session": "true when the participant got at least one reply from the recommender that day (the ice-breaking day: and every task of the sheet was done)",
    "diary_saved": "true when the day's diary entry was saved",
    "late": "true when the diary entry was saved after the day ended (plus the protocol's grace hours)",
    "state": "done (session and diary), late (done, diary late), partly (one of the two), missed, today, upcoming — as of the export time",
}

TABLES: list[TableSpec] = [
    TableSpec("enrolment", m.Enrolment, "The study the participant joined (one row).", {
        "id": "row id",
        "study_id": "the study file's id",
        "study_name": "the study's name in its main language",
        "protocol_version": "the researcher's version label of the protocol",
        "study_sha256": "SHA-256 of the study file as joined",
        "study_text": "the study file as joined (TOML; keys and secrets replaced by [redacted])",
        "participant_code": "the code the research team gave the participant",
        "enrolled_on": "local date of study day 1 (YYYY-MM-DD)",
        "time_zone": "the participant's IANA time zone, used for every time in this bundle",
        "sandbox": "true when the app ran against scripted stand-ins (a pilot), not a real LLM",
        "consented_at": "when the participant accepted the consent text" + WHEN,
        "joined_at": "when the participant joined" + WHEN,
    }),
    TableSpec("protocol_day", None, "Every day of the protocol and whether it was done, late or missed.", PROTOCOL_DAY_COLUMNS),
    TableSpec("ice_breaking_answer", m.IceBreakingAnswer, "The (+) and (−) written for each ice-breaking task.", {
        "id": "row id",
        "task_id": "the task's id in the study file (e.g. s1-demographics)",
        "pros": "what the participant found good about this way of interacting (+)",
        "cons": "what the participant found not good (−)",
        "conversation_id": "the conversation in which the task was tried (conversation.id)",
        "updated_at": "last change" + WHEN,
        "completed_at": "when the task was marked complete; empty when not" + WHEN,
    }),
    TableSpec("ideation_item", m.IdeationItem, "Ideas from the ice-breaking ideation boxes.", {
        "id": "row id",
        "stage": "the stage (1 preference input, 2 presentation, 3 feedback) whose box holds the idea",
        "position": "order within the box",
        "text": "the idea as written",
        "created_at": "when it was written" + WHEN,
    }),
    TableSpec("sheet_version", m.SheetVersion, "Every saved version of every sheet, with the system prompt it compiled to (also in prompts/).", {
        "id": "row id",
        "sheet_key": "which sheet: e.g. day-3 (a day's composition) or recommender-1 (a planning sheet)",
        "kind": "daily or planning",
        "version": "version number within the sheet, 1-based; versions are never overwritten",
        "study_day": "study day on which the version was saved",
        "content": "the sheet's fields as JSON",
        "compiled_prompt": "the system prompt compiled from the sheet",
        "template": "the prompt template used for compiling",
        "sheet_sha256": "SHA-256 of the sheet content",
        "based_on_id": "the version this one revises (sheet_version.id), e.g. week 3's revision of week 2's sheet",
        "created_at": "when the version was saved" + WHEN,
    }),
    TableSpec("conversation", m.Conversation, "Conversations with the recommender.", {
        "id": "row id",
        "study_day": "study day of the conversation",
        "purpose": "ice_breaking, daily or own_recommender",
        "task_id": "the ice-breaking task, when purpose is ice_breaking",
        "sheet_version_id": "the sheet version whose prompt the recommender used (sheet_version.id)",
        "provider": "LLM provider (base URL host)",
        "model": "LLM model name",
        "sandbox": "true when replies came from the scripted stand-in",
        "started_at": "when the conversation started" + WHEN,
    }),
    TableSpec("message", m.Message, "Every turn of every conversation.", {
        "id": "row id",
        "conversation_id": "conversation.id",
        "seq": "order within the conversation",
        "role": "system, user or assistant",
        "text": "the message text",
        "raw_text": "the raw reply when it could not be parsed or failed",
        "follow_up": "structured follow-up the recommender offered (JSON)",
        "status": "complete, raw (unparsed reply kept as text) or error",
        "error_kind": "kind of failure when status is error",
        "provider": "LLM provider of a reply",
        "model": "LLM model of a reply",
        "created_at": "when the message was stored" + WHEN,
        "request_started_at": "when the request for a reply was sent" + WHEN,
        "first_token_ms": "milliseconds until the first part of the reply arrived",
        "duration_ms": "milliseconds until the reply was complete",
        "prompt_tokens": "tokens sent, as the provider counted them",
        "completion_tokens": "tokens received, as the provider counted them",
    }),
    TableSpec("message_image", m.MessageImage, "Images the participant attached (files in images/, metadata stripped).", {
        "id": "row id",
        "message_id": "message.id",
        "file_name": "file name in images/",
        "sha256": "SHA-256 of the file",
        "mime": "image type",
        "width": "pixels",
        "height": "pixels",
        "size_bytes": "file size",
    }),
    TableSpec("recommended_track", m.RecommendedTrack, "Tracks the recommender suggested, with the catalog's verdict.", {
        "id": "row id",
        "message_id": "the reply that suggested it (message.id)",
        "position": "order within the reply",
        "title": "title as suggested",
        "artist": "artist as suggested",
        "album": "album as suggested",
        "year": "year as suggested",
        "reason": "the recommender's reason",
        "keywords": "keywords given with the reason (JSON list)",
        "verdict": "verified (found in the catalog named in catalog), not_found (likely hallucinated), uncertain, unchecked or pending",
        "verdict_reason": "why the verdict was given",
        "catalog": "the catalog that gave the verdict: spotify or musicbrainz (empty while pending; every verdict from before catalogs were named is Spotify's)",
        "score": "match score of the best catalog candidate (0–1)",
        "catalog_track": "the matching catalog track (JSON: catalog, id — a Spotify id or a MusicBrainz MBID — name, artists, album, release_date, url)",
        "suggestion": "a close catalog match offered instead (JSON)",
        "discrepancies": "differences between the suggestion and the catalog (JSON list)",
        "checked_at": "when the catalog was asked" + WHEN,
        "next_check_at": "when an unchecked track would be asked again" + WHEN,
        "replaces_id": "the not-found track this one replaces (recommended_track.id)",
        "hidden": "true when the track was hidden from the participant (study policy for unknown tracks)",
    }),
    TableSpec("feedback", m.Feedback, "Feedback the participant gave, per track or per turn.", {
        "id": "row id",
        "conversation_id": "conversation.id",
        "message_id": "the reply the feedback is about (message.id)",
        "track_id": "the track the feedback is about (recommended_track.id)",
        "kind": "rating, multiple_choice, free_text, tournament or own",
        "rating": "1–5 when kind is rating",
        "choices": "options chosen (JSON list)",
        "text": "free text",
        "sent_as_message_id": "the user message the feedback was sent as (message.id)",
        "created_at": "when it was given" + WHEN,
    }),
    TableSpec("diary_entry", m.DiaryEntry, "The diary entry of each study day.", {
        "id": "row id",
        "study_day": "study day the entry belongs to",
        "answers": "answers by diary question id (JSON object)",
        "status": "draft or saved",
        "revision": "number of saves",
        "drafted_at": "when it was first drafted" + WHEN,
        "saved_at": "when it was saved" + WHEN,
        "late": "true when saved after the day ended",
    }),
    TableSpec("diary_screenshot", m.DiaryScreenshot, "Screenshots attached to diary entries (files in screenshots/).", {
        "id": "row id",
        "entry_id": "diary_entry.id",
        "position": "order within the entry",
        "file_name": "file name in screenshots/",
        "sha256": "SHA-256 of the file",
        "automatic": "true when the app took it of the day's conversation, false when the participant chose a file",
        "created_at": "when it was attached" + WHEN,
    }),
    TableSpec("interview", m.Interview, "Interviews with the researcher that the app recorded.", {
        "id": "row id",
        "week": "the week the interview opened",
        "happened_at": "when" + WHEN,
        "notes": "the researcher's notes, if given",
    }),
    TableSpec("event", m.Event, "The app's event log (app started, reminder shown, entry saved, …).", {
        "id": "row id",
        "at": "when" + WHEN,
        "kind": "what happened",
        "detail": "details (JSON object; paths and user names scrubbed)",
    }),
]

BY_NAME = {spec.name: spec for spec in TABLES}
STORED = [spec for spec in TABLES if spec.model is not None]
#: the catalog cache is the app's offline memory of catalog answers, not study data
NOT_EXPORTED = {m.CatalogCacheEntry.__tablename__}


def csv_columns(spec: TableSpec) -> list[str]:
    """Every CSV starts with the participant code, so tables from many bundles can be stacked."""
    return ["participant_code", *spec.columns]


def model_columns(model: type[SQLModel]) -> list[str]:
    return [column.name for column in model.__table__.columns]  # type: ignore[attr-defined]


# --- the report's aggregate tables (``diaryrec research report --csv DIR``) ----------
# Written by ``diaryrec.research.report.write_csv`` with a codebook (README.md) in DIR
# rendered from these descriptions (templates/report/codebook.md.j2).

ENDED = "a study day has ended when the participant had begun a later one at the export time, by their own day boundaries (the study's day start, in the zone they lived that day in)"

#: the report's verdict groups: each answer the catalog gives, and "not_checked" for none
NOT_CHECKED = "not_checked"
VERDICT_COUNT_COLUMNS = {
    Verdict.VERIFIED.value: "suggested tracks the catalog found",
    Verdict.NOT_FOUND.value: "suggested tracks the catalog did not find (likely made up by the LLM)",
    Verdict.UNCERTAIN.value: "suggested tracks with a close but not exact catalog match",
    NOT_CHECKED: "suggested tracks the catalog gave no answer for (pending, unchecked)",
    "total": "suggested tracks",
    f"{Verdict.VERIFIED}_share": "verified / total, 0–1 (0 without tracks)",
    f"{Verdict.NOT_FOUND}_share": "not found / total, 0–1: the hallucination rate (0 without tracks)",
}

REPORT_TABLES: list[TableSpec] = [
    TableSpec("participants", None, "One row per participant: their compliance and what they did.", {
        "participant_code": "the code the research team gave the participant",
        "study_id": "the study file's id",
        "exported_at": "when the participant exported the bundle" + WHEN,
        "days_total": "the study's days (the protocol's length, e.g. 21)",
        "days_ended": "the study days that had ended at the export (" + ENDED + ")",
        "days_done": "days done (a session and a diary entry, late ones included), the day of the export included",
        "ended_days_done": "of the days that had ended, the ones done (late ones included)",
        "days_late": "done days whose diary entry was saved after the day ended",
        "days_partly": "days with a session or a diary entry, not both",
        "days_missed": "ended days with neither",
        "compliance": "ended_days_done / days_ended, 0–1 (4 decimals); empty when no day had ended. Over days_total it would count days not reached yet",
        "sessions": "conversations with the recommender",
        "diary_entries": "saved diary entries",
        "diary_words": "words in the diary entries (whitespace-separated: in Korean, 어절)",
        "tracks_not_found": "suggested tracks the catalog did not find (not_found_tracks.csv lists them)",
    }),
    TableSpec("compliance", None, "Every participant × study day and its state at the export.", {
        "participant_code": "participant",
        "day": "study day, 1 = the day the participant joined",
        "week": "week of the protocol",
        "state": PROTOCOL_DAY_COLUMNS["state"],
        "ended": "true when the day had ended at the export (" + ENDED + "); compliance counts these days",
    }),
    TableSpec("weekly_activity", None, "Sessions and diary entries per week, all participants together.", {
        "week": "week of the protocol",
        "participants": "participants in the report",
        "sessions": "conversations that got at least one reply",
        "diary_entries": "saved diary entries",
    }),
    TableSpec("ratings_by_week", None, "How often each rating (1–5) was given per week.", {
        "week": "week of the conversation rated in",
        "rating": "1–5",
        "count": "ratings given",
    }),
    TableSpec("ratings_by_participant_week", None, "Each participant's ratings per week.", {
        "participant_code": "participant",
        "week": "week of the conversation rated in",
        "ratings": "ratings (1–5) given",
        "mean_rating": "their mean (2 decimals); empty without ratings",
    }),
    TableSpec("verdicts_by_participant", None, "The catalog's verdicts on the suggested tracks, per participant.",
              {"participant_code": "participant", **VERDICT_COUNT_COLUMNS}),
    TableSpec("verdicts_by_week", None, "The catalog's verdicts on the suggested tracks, per week.",
              {"week": "week of the conversation", **VERDICT_COUNT_COLUMNS}),
    TableSpec("not_found_tracks", None, "Every suggested track the catalog did not find.", {
        "participant_code": "participant",
        "study_day": "study day of the conversation",
        "week": "its week",
        "title": "title as suggested",
        "artist": "artist as suggested",
        "album": "album as suggested",
        "year": "year as suggested",
        "catalog_said": "the catalog's reason, with its nearest track (title — artists) when it named one",
        "score": "match score of the nearest catalog candidate (0–100)",
    }),
    TableSpec("diary_answers", None, "One row per answered diary question: how long the answer is.", {
        "participant_code": "participant",
        "study_day": "the entry's study day",
        "week": "its week",
        "status": "draft or saved",
        "late": "true when saved after the day ended",
        "question_id": "the diary question's id in the study file",
        "words": "whitespace-separated words of the answer (in Korean, 어절)",
        "characters": "characters of the answer",
    }),
    TableSpec("scenarios", None, "Each participant's week-2 and week-3 recommenders (the paper's Table 2): the last version of each planning sheet saved that week.", {
        "participant_code": "participant",
        "week": "2 or 3",
        "sheet_key": "which sheet (sheet_version.sheet_key in the bundle)",
        "version": "its version number",
        "scenario": "the name the participant gave it",
        "objective": "its objective, as written",
        "revises_week2": "week 3 only: true when it revises the participant's week-2 sheet, false for a new scenario",
    }),
    TableSpec("option_choices", None, "How often each stage-1/2/3 option was chosen: in the week-1 composer (one sheet per day composed) and in the week-2 and week-3 planning sheets (the last version of each sheet that week).", {
        "stage": "1 preference input, 2 presentation, 3 feedback",
        "field": "the sheet field holding the option (e.g. preference_input.data_types)",
        "field_words": "that field in words",
        "option": "the option's code; own_idea: an idea in the participant's own words",
        "option_words": "the option in words",
        "week1_composer_sheets": "week-1 day sheets that chose it",
        "week1_composer_participants": "participants who chose it on at least one week-1 day",
        "week2_planning_sheets": "week-2 planning sheets that chose it",
        "week2_planning_participants": "participants with such a week-2 sheet",
        "week3_planning_sheets": "week-3 planning sheets that chose it",
        "week3_planning_participants": "participants with such a week-3 sheet",
    }),
    TableSpec("sheet_changes", None, "Each participant's last week-2 planning sheet beside each week-3 sheet, field by field.", {
        "participant_code": "participant",
        "week2_sheet": "the week-2 sheet's key",
        "week3_sheet": "the week-3 sheet's key",
        "week2_scenario": "the week-2 sheet's name (the scenario)",
        "week3_scenario": "the week-3 sheet's name",
        "new_scenario": "true when week 3 is a new scenario, not a revision of week 2",
        "field": "the field (dotted path, e.g. presentation.track_count)",
        "field_words": "the field in words",
        "week2": "its value in week 2, as stored (codes; lists joined with '; ')",
        "week3": "its value in week 3, as stored",
        "week2_words": "its value in week 2 in words",
        "week3_words": "its value in week 3 in words",
        "changed": "true when the two differ",
    }),
    TableSpec("sheet_field_changes", None, "Per field: in how many week-2 → week-3 revisions it changed (new scenarios, which change everything, left out).", {
        "field": "the field (dotted path)",
        "field_words": "the field in words",
        "revisions": "revisions compared",
        "changed": "revisions in which the field changed",
        "changed_share": "changed / revisions, 0–1 (4 decimals)",
    }),
]
REPORT_BY_NAME = {spec.name: spec for spec in REPORT_TABLES}
