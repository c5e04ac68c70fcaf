"""diaryrec: a three-week diary study in which every participant designs their own
LLM-powered music recommender (after Yun & Lim, CHI '25)."""

__version__ = "0.1.0"
APP_NAME = "diaryrec"
