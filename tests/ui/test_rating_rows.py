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
