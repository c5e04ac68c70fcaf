"""Writing and checking study files, for the researcher.

``new_study_text`` starts from the shipped protocol (``resources/protocols/
yun-lim-2025.toml``, which carries the comments that explain every setting) and
puts a placeholder where the researcher's own consent text must go. ``describe``
renders what a participant will see: the study's name, the consent text, and every
day with its activity and diary questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diaryrec.errors import UserError
from diaryrec.protocol import LoadedStudy, default_study_path, parse_study_text
from diaryrec.protocol import schedule
from diaryrec.protocol.model import Activity, StudyFile
from diaryrec.vocabulary import CatalogId

CONSENT_PLACEHOLDER = "REPLACE THIS: your consent text"
_CONSENT = re.compile(r'^consent = \{.*?"""\s*\}\s*$', re.DOTALL | re.MULTILINE)
_ID = re.compile(r'^id = "[^"]*"', re.MULTILINE)
_HEADER_END = "format_version = 1"

HEADER = """\
# diaryrec study file, written by `diaryrec research new-study` from the protocol of
# Yun & Lim (CHI '25), "User Experience with LLM-powered Conversational Recommendation
# Systems: A Case of Music Recommendation".
#
# Edit it, then check it with `diaryrec research check-study FILE`, which shows what
# a participant will see, and send it with the installer to every participant.
# Texts may be a plain string or a table of languages, e.g. { en = "...", ko = "..." };
# the participant sees the study's `language` first.
#
# Before you send it:
#   - set [study] id and name, and your contact in `researcher`;
#   - write your consent text in place of the placeholder below (check-study refuses
#     the file while the placeholder is there);
#   - [llm]: an OpenAI-compatible provider (OpenAI, Ollama, LM Studio, vLLM, ...);
#     leave api_key empty so that each participant enters their own key (kept in the
#     OS keyring), or fill it in only if every participant should share one key;
#   - [catalog]: the catalogs that check that suggested tracks exist. `providers`
#     lists them in order ("spotify", "musicbrainz"; a track verified by any of them
#     is verified); left empty, Spotify checks when its app is set up, else
#     MusicBrainz, the open catalog, which needs no key. For Spotify, create one app
#     for the whole study on the Spotify developer dashboard (its owner needs Spotify
#     Premium since 2026; see README.md, "Catalog validation"); put its client_id here
#     and either give each participant the client secret to type (kept in their OS
#     keyring), or put client_secret here too if the file itself is handled as a
#     secret. MusicBrainz is asked with your `researcher` e-mail as its contact;
#   - [study] unknown_tracks: what happens to a suggested track the catalog does not know:
#     "replace" asks the LLM for a replacement, "mark" shows it marked as not found,
#     "hide" leaves it out of the participant's view (it is still recorded).

"""

CONSENT_TEXT = f'''consent = {{ en = """\\
{CONSENT_PLACEHOLDER}. Say what the study asks of the participant, what is recorded \\
(conversations, sheets, ratings, diary entries, screenshots), who receives it and \\
when (only when the participant exports it), how long it is kept, and that they may \\
stop at any time.""", ko = """\\
{CONSENT_PLACEHOLDER} (여기에 연구 동의서 내용을 쓰세요)""" }}'''

ACTIVITY_WORDS = {
    Activity.ICE_BREAKING: "Ice-breaking sheet: try ten ways of asking for music with the plain assistant and note the (+) and (−) of each",
    Activity.DAILY_COMPOSER: "Compose today's recommender from stage 1/2/3 options and get recommendations at least once",
    Activity.PLANNING_SHEET: "Planning sheet: name, objective and the three stages of your own recommender, compiled into its prompt",
    Activity.PLANNING_REVISION: "Revise the planning sheet (or design a new scenario)",
    Activity.OWN_RECOMMENDER: "Use your own recommender and get recommendations at least once",
}


class StudyNotReadyError(UserError):
    exit_code = 1


def new_study_text(study_id: str = "my-study") -> str:
    """A complete, commented study file that validates, with a consent placeholder."""
    text = default_study_path().read_text(encoding="utf-8")
    body = text[text.index(_HEADER_END):]
    body, n_consent = _CONSENT.subn(lambda _m: CONSENT_TEXT, body, count=1)
    body, n_id = _ID.subn(f'id = "{study_id}"', body, count=1)
    if n_consent != 1 or n_id != 1:  # the shipped protocol changed shape; fail loudly, not silently
        raise RuntimeError("the default protocol no longer has the expected consent and id lines")
    out = HEADER + body
    parse_study_text(out, source="new study file")  # never write a file check-study would refuse
    return out


@dataclass(frozen=True)
class StudyCheck:
    text: str  # what a participant will see, as plain text
    problems: list[str]  # reasons the file is not ready to send
    notes: list[str]


def _contact(name: str, email: str) -> str:
    if name and email:
        return f"{name} <{email}>"
    return name or email or "(none given)"


def describe(loaded: LoadedStudy, lang: str | None = None) -> StudyCheck:
    study: StudyFile = loaded.study
    info = study.study
    lang = lang or info.language
    t = lambda value: value.get(lang, info.language)  # noqa: E731
    problems: list[str] = []
    notes: list[str] = []
    consent = t(info.consent)
    if CONSENT_PLACEHOLDER in consent or not consent.strip():
        problems.append("the consent text is still the placeholder: write your own in [study] consent")
    if study.llm.api_key:
        notes.append("the study file carries an LLM API key: every participant will share it")
    catalog = study.catalog
    listed = [str(c) for c in catalog.providers]
    spotify_meant = not listed or CatalogId.SPOTIFY in listed
    if not spotify_meant:
        catalog_line = f"{', '.join(listed)} (no key needed): every track is checked"
    elif catalog.client_id and catalog.client_secret:
        catalog_line = "Spotify app (client id and secret) in the study file: every track is checked against Spotify"
        notes.append("the study file carries a Spotify client secret: every participant will share it")
    elif catalog.client_id:
        catalog_line = ("client id in the study file; each participant types the client secret you give them "
                        "(until they do, tracks are checked against MusicBrainz)")
    elif catalog.client_secret:
        catalog_line = "client secret in the study file but no client id: each participant must type the client id"
        notes.append("[catalog] has a client_secret without its client_id: give the client_id in the study file too")
    else:
        catalog_line = ("no Spotify app in the study file: tracks are checked against MusicBrainz (the open catalog) "
                        "unless a participant types a Spotify client id and secret")
        notes.append("no Spotify app: suggested tracks are checked against MusicBrainz only; set [catalog] "
                     'providers = ["musicbrainz"] to say so, or set client_id (see README.md, Catalog validation)')
    if listed and len(listed) > 1:
        catalog_line += f"; catalogs in order: {', '.join(listed)}"
    email = info.researcher.email.strip().casefold()
    if (not listed or CatalogId.MUSICBRAINZ in listed) and (not email or email.endswith(("@example.org", "@example.com"))):
        notes.append("MusicBrainz asks every client for a contact, and diaryrec sends the researcher's e-mail: "
                     "set [study] researcher to your real address")
    lines = [
        f"Study: {t(info.name)}",
        f"  id {info.id}, protocol {info.protocol_version}, shown in {lang}",
        f"  researcher: {_contact(info.researcher.name, info.researcher.email)}",
        f"  time zone: {info.time_zone or 'the participant’s own'}; a day starts at {info.day_starts_at}"
        + (f"; a diary counts as late {info.late_after_hours} h after its day" if info.late_after_hours else ""),
        f"  participant code: {info.participant_code or 'typed by the participant'}",
        f"  LLM: {study.llm.model} at {study.llm.base_url}; API key "
        + ("in the study file" if study.llm.api_key else "entered by each participant"),
        f"  catalog: {', '.join(listed) if listed else 'Spotify with its app, else MusicBrainz'}; Spotify market "
        f"{study.catalog.market}; tracks not found: {info.unknown_tracks.value}",
        f"  catalog check: {catalog_line}",
        "",
        "Consent text:",
        *("  " + line for line in consent.splitlines()),
        "",
        f"Schedule: {study.total_days} days",
    ]
    for week in study.weeks:
        lines.append(f"Week {week.number}: {t(week.name)} ({week.days} days)")
        for day in schedule.days(study):
            if day.week.number != week.number:
                continue
            extra = " — interview with the researcher first" if day.interview else ""
            lines.append(f"  day {day.number} (week day {day.day_in_week}): {ACTIVITY_WORDS[day.activity]}{extra}")
            if day.activity == Activity.ICE_BREAKING:
                for task in study.ice_breaking.tasks:
                    lines.append(f"      task {task.id} (stage {task.stage}): {t(task.instruction)}")
        lines.append("  diary questions every day:")
        for question in week.diary_questions:
            lines.append(f"    - [{question.kind}] {t(question.text)}")
    return StudyCheck(text="\n".join(lines), problems=problems, notes=notes)
