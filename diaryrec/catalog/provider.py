"""The catalog provider seam: one track record every catalog answers with, the base
class a catalog implements, and the registry the study file's
``[catalog] providers = [...]`` names are looked up in.

Everything above this module (matching, the cache, the validator, the texts a
participant reads) works on ``CatalogTrack`` and ``CatalogProvider`` only; what is
Spotify-shaped or MusicBrainz-shaped (query syntax, paging, rate limits, the JSON)
stays inside that catalog's own module. Adding a catalog: a module with a
``CatalogProvider`` subclass decorated with ``@register``, its import in
``diaryrec.catalog.providers``, a loopback fake in ``diaryrec.sandbox``, its settings
(if it needs keys), its tests and a README line (shape after MusicBrainz Picard's
``picard/coverart/providers``: a base class and a registry).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar


@dataclass(frozen=True)
class Suggestion:
    """A track as the LLM suggested it."""

    title: str
    artist: str
    album: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class CatalogTrack:
    """One track as a catalog knows it.

    ``catalog`` is the provider's id ("spotify", "musicbrainz"), ``id`` the catalog's
    own id (a Spotify track id, a MusicBrainz recording MBID). ``release_date`` is
    "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or ""). ``aliases`` are other names the
    catalog lists for the credited artists (other scripts and spellings: 아이유 for
    IU), which matching accepts as the artist's name.
    """

    catalog: str
    id: str
    title: str
    artists: tuple[str, ...] = ()
    album: str = ""
    release_date: str = ""
    duration_ms: int | None = None
    url: str = ""
    image_url: str = ""
    popularity: int | None = None
    aliases: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        text = self.release_date[:4]
        return int(text) if text.isdigit() else None

    def public(self) -> dict[str, Any]:
        """The form a verdict stores (``recommended_track.catalog_track`` /
        ``suggestion``) and the exports carry. The title is stored as ``name``: the key
        exports have had since the first version."""
        full = self.to_dict()
        return {k: full[k] for k in ("catalog", "id", "name", "artists", "album", "release_date", "url", "image_url", "duration_ms")}

    def to_dict(self) -> dict[str, Any]:
        """Everything, for the cache (ranking needs the popularity, matching the aliases)."""
        return {
            "catalog": self.catalog,
            "id": self.id,
            "name": self.title,
            "artists": list(self.artists),
            "album": self.album,
            "release_date": self.release_date,
            "url": self.url,
            "image_url": self.image_url,
            "duration_ms": self.duration_ms,
            "popularity": self.popularity,
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, catalog: str = "spotify") -> CatalogTrack:
        """Read the stored form back; rows written before catalogs were named are
        Spotify's (the only catalog then)."""
        duration = data.get("duration_ms")
        popularity = data.get("popularity")
        return cls(
            catalog=str(data.get("catalog") or catalog),
            id=str(data.get("id") or ""),
            title=str(data.get("name") or data.get("title") or ""),
            artists=tuple(str(a) for a in data.get("artists") or () if a),
            album=str(data.get("album") or ""),
            release_date=str(data.get("release_date") or ""),
            duration_ms=int(duration) if isinstance(duration, (int, float)) else None,
            url=str(data.get("url") or ""),
            image_url=str(data.get("image_url") or ""),
            popularity=int(popularity) if isinstance(popularity, (int, float)) else None,
            aliases=tuple(str(a) for a in data.get("aliases") or () if a),
        )

    def with_aliases(self, aliases: Sequence[str]) -> CatalogTrack:
        return replace(self, aliases=tuple(dict.fromkeys([*self.aliases, *aliases])))


class CatalogUnavailable(Exception):
    """No answer from the catalog (rate limit, server error, timeout, garbage).
    ``kind``: "timeout", "unreachable", "rate_limit" or "answer" (the catalog
    answered, but not usefully), so "Test connection" can say which."""

    def __init__(self, reason: str, retry_after: float | None = None, *, kind: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.kind = kind or ("rate_limit" if retry_after is not None else "answer")


@dataclass(frozen=True)
class Query:
    """One search a provider runs for a suggestion: ``text`` in the catalog's own
    syntax; ``label`` names the strategy for logs and benchmarks. ``vouches_artist``:
    the catalog filters this search by the suggested artist itself (Spotify's
    ``artist:`` matches romanised and native names alike), so what it returns is by
    that artist in the catalog's judgement, whatever the script."""

    text: str
    label: str = ""
    vouches_artist: bool = False


@dataclass
class BatchAnswer:
    """What combined requests answered for several suggestions: the candidates per
    suggestion, by its index; an index left out goes through its own queries.
    ``searched``: the answers of single queries the combined requests answered in
    full (query text -> tracks), which the checker caches as if each had run alone,
    so the same reply checked again sends nothing."""

    candidates: dict[int, list[CatalogTrack]] = field(default_factory=dict)
    searched: dict[str, list[CatalogTrack]] = field(default_factory=dict)


class CatalogProvider(ABC):
    """A catalog diaryrec checks suggestions against.

    Subclasses set ``id`` (the study file's name for it) and ``name`` (the word
    participants read: "verified in <name>"), and implement ``queries`` and
    ``search``. ``search_batch`` is for catalogs that can answer a whole reply in
    one request (MusicBrainz); the default answers nothing, so every suggestion
    goes through its own ``queries``.
    """

    id: ClassVar[str]
    name: ClassVar[str]
    #: how many searches may run at once against this catalog
    concurrency: int = 1
    #: ``search_batch`` answers a whole reply in combined requests
    batches: ClassVar[bool] = False

    @classmethod
    def usable(cls, *, study_catalog: Any = None, settings: Any = None) -> bool:
        """Whether this catalog can check tracks here (its credentials exist); a
        catalog without keys always can."""
        return True

    @classmethod
    @abstractmethod
    def from_study(cls, *, study_catalog: Any = None, settings: Any = None, market: str | None = None,
                   contact: str = "", concurrency: int = 10) -> CatalogProvider | None:
        """The provider for a study (its ``[catalog]`` table, the participant's
        settings, the researcher's e-mail as a contact); None when it cannot be used."""

    @property
    def cache_scope(self) -> str:
        """What else the answers depend on (Spotify's market); part of cache keys."""
        return ""

    @abstractmethod
    def queries(self, s: Suggestion) -> list[Query]:
        """The searches for ``s`` in the order they are tried: precise first."""

    @abstractmethod
    def search(self, query: Query) -> list[CatalogTrack]:
        """Run one search; raises ``CatalogUnavailable`` when the catalog does not
        answer (and ``UserError`` subclasses for what no retry mends)."""

    def search_batch(self, suggestions: Sequence[Suggestion]) -> BatchAnswer:
        """Candidates for several suggestions from as few requests as the catalog
        allows; suggestions left out go through ``queries`` one by one."""
        return BatchAnswer()

    def enrich(self, track: CatalogTrack) -> CatalogTrack:
        """Fill in what the search answer lacks (a cover) for a track about to be
        shown; the default has nothing to add."""
        return track

    def check_connection(self) -> None:
        """Prove the catalog answers (and accepts our credentials), or raise."""
        self.search(Query("test"))

    def close(self) -> None:
        """Release connections."""


PROVIDERS: dict[str, type[CatalogProvider]] = {}


def register(cls: type[CatalogProvider]) -> type[CatalogProvider]:
    """Class decorator: make a provider known by its ``id``."""
    PROVIDERS[cls.id] = cls
    return cls
