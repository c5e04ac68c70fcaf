"""Which catalogs check a study's tracks: the one rule (``choose``) for the turn's
validator, ``diaryrec catalog check`` and the Settings screen.

The study file's ``[catalog] providers`` lists them in order. Without that list:
Spotify when its app credentials are available (``credentials.resolve_credentials``),
else MusicBrainz, which needs no key, so checking is never silently off. A listed
Spotify without credentials is left out, and the reason says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from diaryrec.catalog.provider import PROVIDERS, CatalogProvider
from diaryrec.vocabulary import CatalogId, catalog_name


@dataclass(frozen=True)
class CatalogPlan:
    """Which catalogs check tracks, decided without building a client (the Settings
    screen and the notice above every screen read it on the GUI's worker)."""

    ids: tuple[str, ...]
    #: why: "study file" (its list), "spotify credentials", "no spotify credentials",
    #: "no listed catalog usable" or "chosen" (``catalog check --catalog``)
    because: str
    #: catalogs the study file listed that cannot be used here, with the reason
    left_out: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> list[str]:
        return [catalog_name(c) for c in self.ids]


_NO_CREDENTIALS = "no app credentials (client ID and secret) are configured"


def registered() -> dict[str, type[CatalogProvider]]:
    """The catalogs, by id: each catalog's module registers its provider when imported.
    Imported here, when first asked, not at start-up (spotipy and requests are slow to load)."""
    import diaryrec.catalog.musicbrainz  # noqa: F401
    import diaryrec.catalog.spotify  # noqa: F401

    return PROVIDERS


def _usable(catalog: str, *, study_catalog: Any, settings: Any) -> bool:
    cls = registered().get(catalog)
    return cls is not None and cls.usable(study_catalog=study_catalog, settings=settings)


def plan(*, study_catalog: Any = None, settings: Any = None, only: str | None = None) -> CatalogPlan:
    """The one rule: the study file's ``[catalog] providers`` in order (those usable
    here); without a list, Spotify when its app credentials are available, else
    MusicBrainz. Never empty, except that ``only`` (one catalog the caller insists
    on) raises when it cannot be used."""
    listed: Sequence[str] = [only] if only else [str(c) for c in getattr(study_catalog, "providers", None) or []]
    if listed:
        usable = tuple(c for c in listed if _usable(c, study_catalog=study_catalog, settings=settings))
        left_out = tuple((c, _NO_CREDENTIALS) for c in listed if c not in usable)
        if usable:
            return CatalogPlan(usable, "chosen" if only else "study file", left_out)
        if only:
            from diaryrec.catalog.client import CredentialsMissingError

            raise CredentialsMissingError(
                "no Spotify client ID and secret are configured.",
                hint="Set DIARYREC_SPOTIFY_CLIENT_ID and DIARYREC_SPOTIFY_CLIENT_SECRET, save them in diaryrec's "
                "settings, or use --catalog musicbrainz (no key needed).",
            )
        return CatalogPlan((CatalogId.MUSICBRAINZ,), "no listed catalog usable", left_out)
    if _usable(CatalogId.SPOTIFY, study_catalog=study_catalog, settings=settings):
        return CatalogPlan((CatalogId.SPOTIFY,), "spotify credentials")
    return CatalogPlan((CatalogId.MUSICBRAINZ,), "no spotify credentials")


def build(catalog: str, *, study_catalog: Any = None, settings: Any = None, market: str | None = None,
          contact: str = "", concurrency: int = 10) -> CatalogProvider | None:
    """One catalog's provider, or None when it cannot be used here (no credentials)."""
    cls = registered().get(catalog)
    if cls is None:
        raise KeyError(f"unknown catalog {catalog!r} (known: {', '.join(sorted(PROVIDERS))})")
    return cls.from_study(study_catalog=study_catalog, settings=settings, market=market, contact=contact,
                          concurrency=concurrency)


def choose(*, study_catalog: Any = None, settings: Any = None, market: str | None = None, contact: str = "",
           only: str | None = None, concurrency: int = 10) -> tuple[CatalogPlan, list[CatalogProvider]]:
    """The plan in effect and its providers, built."""
    chosen = plan(study_catalog=study_catalog, settings=settings, only=only)
    providers = [build(c, study_catalog=study_catalog, settings=settings, market=market, contact=contact,
                       concurrency=concurrency) for c in chosen.ids]
    return chosen, [p for p in providers if p is not None]
