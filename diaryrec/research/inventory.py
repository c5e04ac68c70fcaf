"""The data inventory of a study, for an ethics board (``diaryrec research
data-inventory STUDY.toml --out inventory.html``): every item diaryrec stores and
exports for that study, where it is kept, what leaves the computer and when, and
what never does.

Nothing in it is written by hand twice: the tables and columns are the store's
SQLModel tables (``store.models.ALL_TABLES``) with the codebook's meanings
(``research.tables``, which the export writes its CSVs and README from), the files
are ``paths.DataLayout``'s, the settings ``settings.Settings``' fields, and the
recipients, models, market and keys the study file's. A column, file or setting
without words in ``research.inventory_words`` fails the tests, so none goes unlisted.
One self-contained HTML page (inline CSS, no scripts), in English or Korean.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from diaryrec import __version__
from diaryrec.fileio import write_atomic
from diaryrec.paths import DataLayout, templates_dir
from diaryrec.protocol import LoadedStudy
from diaryrec.research import inventory_words as words
from diaryrec.research.tables import BY_NAME, NOT_EXPORTED, PROTOCOL_DAY_COLUMNS, model_columns
from diaryrec.settings import Settings
from diaryrec.store.models import ALL_TABLES
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import CatalogId, catalog_name

LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class TableItem:
    name: str
    about: str
    exported: bool
    derived: bool  # computed at export, not stored (protocol_day)
    columns: list[tuple[str, str]]  # name, meaning


@dataclass(frozen=True)
class Recipient:
    who: str
    what: str
    when: str
    notes: list[str]


def data_folder_entries() -> list[str]:
    """``DataLayout``'s files and folders, by property name, in declaration order."""
    return [name for name, value in vars(DataLayout).items() if isinstance(value, property)]


def _table_words(name: str, lang: str) -> tuple[str, dict[str, str]]:
    if name in words.LOCAL_TABLES:
        return words.LOCAL_TABLES[name][lang]
    if lang == "ko":
        return words.KO_TABLES[name]
    spec = BY_NAME[name]
    return spec.about, spec.columns


def stored_tables(lang: str) -> list[TableItem]:
    """Every table the participant's database holds, every column with its meaning
    (a ``KeyError`` for one without: the tests catch it), and the table the export
    computes (protocol_day) where it goes in the bundle."""
    items = []
    for model in ALL_TABLES:
        name = model.__tablename__
        about, meanings = _table_words(name, lang)
        items.append(TableItem(name, about, exported=name not in NOT_EXPORTED, derived=False,
                               columns=[(c, meanings[c]) for c in model_columns(model)]))
    about, meanings = _table_words("protocol_day", lang)
    derived = TableItem("protocol_day", about, exported=True, derived=True,
                        columns=[(c, meanings[c]) for c in PROTOCOL_DAY_COLUMNS])
    at = next(i for i, item in enumerate(items) if item.name == "enrolment") + 1
    return [*items[:at], derived, *items[at:]]


def settings_items(lang: str) -> list[tuple[str, str]]:
    out = []
    for name, info in Settings.model_fields.items():
        english = info.title or words.EN_SETTINGS_EXTRA[name]
        out.append((name, english if lang == "en" else words.KO_SETTINGS[name]))
    return out


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def recipients(loaded: LoadedStudy, lang: str) -> list[Recipient]:
    study = loaded.study
    w = {key: value[lang] for key, value in words.WORDS.items()}
    llm, catalog = study.llm, study.catalog
    llm_notes = [w["llm_key_study"] if llm.api_key else w["llm_key_own"], w["llm_own_provider"]]
    if catalog.client_id:
        catalog_notes = [w["catalog_on"].format(secret=w["catalog_secret_in_file"] if catalog.client_secret else "")]
    else:
        catalog_notes = [w["catalog_off"]]
    listed = [str(c) for c in catalog.providers]
    order = (w["catalogs_listed"].format(catalogs=", ".join(catalog_name(c) for c in listed)) if listed
             else w["catalogs_default"])
    found = [Recipient(f"{_host(llm.base_url)} ({llm.model})", w["llm_what"], w["llm_when"], llm_notes)]
    if not listed or CatalogId.SPOTIFY in listed:
        found.append(Recipient(f"Spotify Web API (api.spotify.com, market {catalog.market})", w["catalog_what"],
                               w["catalog_when"], [order, *catalog_notes]))
        found.append(Recipient(w["covers_who"] + " (i.scdn.co)", w["covers_what"], w["covers_when"], []))
    if not listed or CatalogId.MUSICBRAINZ in listed:
        found.append(Recipient("MusicBrainz (musicbrainz.org)", w["musicbrainz_what"], w["catalog_when"],
                               [order, w["musicbrainz_pace"]]))
    found.append(Recipient(w["team_who"], w["team_what"], w["team_when"], []))
    return found


def asked(loaded: LoadedStudy, lang: str) -> tuple[list[tuple[str, list[str]]], list[tuple[str, int, str]]]:
    """The diary questions of each week and the ice-breaking tasks, in ``lang``."""
    study = loaded.study
    text = lambda value: value.get(lang, study.study.language)  # noqa: E731
    weeks = [(f"{w.number} · {text(w.name)}", [text(q.text) for q in w.diary_questions]) for w in study.weeks]
    tasks = [(task.id, task.stage, text(task.instruction)) for task in study.ice_breaking.tasks]
    return weeks, tasks


def render_inventory(loaded: LoadedStudy, lang: str | None = None, now: dt.datetime | None = None) -> str:
    study = loaded.study
    lang = lang or study.study.language
    if lang not in LANGUAGES:
        raise ValueError(f"no inventory words for language {lang!r}")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())),
                             undefined=jinja2.StrictUndefined, autoescape=True)
    weeks, tasks = asked(loaded, lang)
    info = study.study
    contact = " ".join(part for part in (info.researcher.name, f"<{info.researcher.email}>" if info.researcher.email else "") if part)
    return env.get_template("inventory/inventory.html.j2").render(
        lang=lang, w={key: value[lang] for key, value in words.WORDS.items()},
        study_name=info.name.get(lang, info.language), study_id=info.id, protocol_version=info.protocol_version,
        researcher=contact, days=study.total_days, weeks=weeks, tasks=tasks,
        recipients=recipients(loaded, lang), tables=stored_tables(lang), settings=settings_items(lang),
        folder=[(name, words.DATA_FOLDER[name][lang]) for name in data_folder_entries()],
        generated_at=(now or utcnow()).isoformat(timespec="seconds"), version=__version__,
    )


def write_inventory(loaded: LoadedStudy, out: Path, lang: str | None = None) -> None:
    write_atomic(Path(out), render_inventory(loaded, lang).encode("utf-8"), shared=True)  # for the ethics board, like the report
