"""Loopback fakes of the OpenAI Chat Completions API and the Spotify Web API.

Real HTTP servers on 127.0.0.1, so the real openai and spotipy client code runs
against them: the tests use them, and ``diaryrec --sandbox`` runs them for offline
pilots, where every reply is labelled as scripted, never as AI.
"""
