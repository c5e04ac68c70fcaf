"""On a wide screen the stars stay next to the titles they rate (issue 13, finding 7)."""

from __future__ import annotations

from diaryrec.services.conversation import TrackView
from diaryrec.ui.feedback_widgets import FeedbackPanel


def test_the_stars_sit_beside_their_titles_at_full_hd(qtbot, qapp):
    import dataclasses

    base = {f.name: None for f in dataclasses.fields(TrackView)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    tracks = [TrackView(**{**base, "id": n, "message_id": 1, "position": n, "title": title, "artist": "BTS",
                           "verdict": "verified", "keywords": []}) for n, title in enumerate(["Spring Day", "Dynamite"], 1)]
    panel = FeedbackPanel(["rating"], tracks, None)
    qtbot.addWidget(panel)
    panel.resize(1300, 400)
    panel.show()
    qtbot.waitExposed(panel)
    stars = panel.stars[1]
    gap = stars.mapTo(panel, stars.rect().topLeft()).x()
    assert gap < 520, gap  # beside the title, not at the far right of a 1300 px panel


def test_rating_rows_built_a_few_at_a_time_end_as_the_whole_panel(qtbot, qapp):
    """The chat builds a panel's rows a few per event-loop pass: same rows, same order."""
    import dataclasses

    base = {f.name: None for f in dataclasses.fields(TrackView)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    tracks = [TrackView(**{**base, "id": n, "message_id": 1, "position": n, "title": f"Song {n}", "artist": "BTS",
                           "verdict": "verified", "keywords": []}) for n in range(1, 6)]
    whole = FeedbackPanel(["rating"], tracks, None)
    grown = FeedbackPanel(["rating"], tracks, None, rating_rows=0)
    qtbot.addWidget(whole)
    qtbot.addWidget(grown)
    assert grown.has_inputs() and not grown.stars
    while grown.add_rating_rows(2):
        pass
    assert list(grown.stars) == list(whole.stars) == [1, 2, 3, 4, 5]
    for row, track in enumerate(tracks):
        for panel in (whole, grown):
            assert panel.ratings.itemAtPosition(row, 0).widget().text() == f"{track.title} — BTS"
            assert panel.ratings.itemAtPosition(row, 1).widget() is panel.stars[track.id]
