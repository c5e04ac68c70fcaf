"""Checking the tracks an LLM suggests against music catalogs: the provider seam
(``provider``: the track record, the base class, the registry), the catalogs
(``spotify`` over the spotipy client in ``client``, ``musicbrainz``), which ones a
study uses (``providers``), normalisation and word-by-word matching (``normalize``,
``match``), the cache of answers in the study database (``cache``), the
``TrackValidator`` a turn uses (``validator``) and cover-art thumbnails (``covers``).
No Qt here."""
