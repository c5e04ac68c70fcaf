"""Checking the tracks an LLM suggests against the Spotify catalog: the client
(``client``), normalisation and matching (``normalize``, ``match``), the cache of
answers in the study database (``cache``), the ``TrackValidator`` a turn uses
(``validator``) and cover-art thumbnails (``covers``). No Qt here."""
