"""Spotify as a catalog provider: the spotipy client (``client``) behind the
provider seam, with Spotify's field-filter query syntax."""

from __future__ import annotations

from typing import Any

from diaryrec.catalog.client import MAX_SEARCH_LIMIT, CatalogClient, CatalogConfig, resolve_config
from diaryrec.catalog.credentials import resolve_credentials
from diaryrec.catalog.normalize import fold, split_artists, split_title
from diaryrec.catalog.provider import CatalogProvider, CatalogTrack, Query, Suggestion, register
from diaryrec.vocabulary import CATALOG_NAMES, CatalogId


def _filter_value(text: str) -> str:
    # a quote or a colon would end Spotify's field filter early; folded text has neither
    return text.replace('"', " ").replace(":", " ").strip()


@register
class SpotifyProvider(CatalogProvider):
    id = CatalogId.SPOTIFY
    name = CATALOG_NAMES[CatalogId.SPOTIFY]

    def __init__(self, config: CatalogConfig, client: CatalogClient | None = None):
        self.config = config
        self.client = client or CatalogClient(config)
        self.concurrency = max(1, config.concurrency)

    @classmethod
    def usable(cls, *, study_catalog: Any = None, settings: Any = None) -> bool:
        return resolve_credentials(study_catalog=study_catalog, settings=settings).complete

    @classmethod
    def from_study(cls, *, study_catalog: Any = None, settings: Any = None, market: str | None = None,
                   contact: str = "", concurrency: int = 10) -> SpotifyProvider | None:
        config = resolve_config(study_catalog=study_catalog, settings=settings, market=market, concurrency=concurrency)
        return cls(config) if config is not None else None

    @property
    def cache_scope(self) -> str:
        return self.config.market

    def queries(self, s: Suggestion) -> list[Query]:
        parts = split_title(s.title)
        title = _filter_value(" ".join([parts.core, *sorted(parts.markers)]))
        artists = split_artists(s.artist)
        artist = _filter_value(artists[0] if artists else fold(s.artist))
        queries = [
            Query(f"track:{title} artist:{artist}", "field-filtered", vouches_artist=True) if artist else Query(f"track:{title}", "title"),
            Query(f"{title} {artist}".strip(), "plain"),  # typos and odd credits survive the plain query better
        ]
        if parts.bare and artist:  # "Song (Part of the Title)": the catalog may know it without the subtitle
            bare = _filter_value(" ".join([parts.bare, *sorted(parts.markers)]))
            queries.append(Query(f"track:{bare} artist:{artist}", "without subtitle", vouches_artist=True))
        queries.append(Query(f"track:{title}", "title"))  # who really sings it, when the LLM named the wrong artist
        first: dict[str, Query] = {}
        for q in queries:
            if q.text.strip():
                first.setdefault(q.text, q)
        return list(first.values())

    def search(self, query: Query) -> list[CatalogTrack]:
        return self.client.search_tracks(query.text, MAX_SEARCH_LIMIT)

    def check_connection(self) -> None:
        self.client.check_credentials()

    def close(self) -> None:
        self.client.close()
