"""A recommendation card: cover, title, artist, album, year, the reason and
keywords, the catalog's verdict in words (never colour alone, naming the catalog
that gave it) and "Open in <catalog>". The card fills in as the verdict and the cover arrive."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from diaryrec.services.conversation import TrackView
from diaryrec.ui.restyle import restyle
from diaryrec.ui.words import verdict_text
from diaryrec.vocabulary import catalog_name

COVER_PX = 72


class TrackCard(QFrame):
    def __init__(self, track: TrackView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trackCard")
        self.track = track
        self.cover = QLabel()
        self.cover.setObjectName("cover")
        self.cover.setFixedSize(QSize(COVER_PX, COVER_PX))
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setText("♪")
        self.title = QLabel()
        self.title.setObjectName("trackTitle")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("trackDetails")
        self.details.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.keywords = QLabel()
        self.keywords.setObjectName("trackKeywords")
        self.keywords.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("verdictBadge")
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.details)
        text.addWidget(self.reason)
        text.addWidget(self.keywords)
        side = QVBoxLayout()
        side.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignRight)
        side.addStretch(1)
        side.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        layout.addLayout(side)
        self._show(track)

    def update_track(self, track: TrackView) -> None:
        if track != self.track:  # the turn's end hands every card its track again, mostly unchanged
            self._show(track)

    def _show(self, track: TrackView) -> None:
        self.track = track
        self.title.setText(track.title)
        parts = [track.artist]
        if track.album:
            parts.append(track.album)
        if track.year:
            parts.append(str(track.year))
        self.details.setText(" · ".join(parts))
        self.reason.setText(track.reason)
        self.reason.setVisible(bool(track.reason))
        self.keywords.setText(self.tr("Keywords: {words}").format(words=", ".join(track.keywords)))
        self.keywords.setVisible(bool(track.keywords))
        self.badge.setText(verdict_text(track.verdict, track.catalog))
        self.badge.setProperty("verdict", track.verdict)
        restyle(self.badge)
        catalog = catalog_name(track.catalog)
        self.open_button.setText(self.tr("Open in {catalog}").format(catalog=catalog))
        self.open_button.setEnabled(bool(track.url))
        self.open_button.setToolTip(track.url or self.tr("Not found in {catalog}, so there is nothing to open.").format(catalog=catalog))
        self.setAccessibleName(self.tr("{title} by {artist}: {verdict}").format(
            title=track.title, artist=track.artist, verdict=verdict_text(track.verdict, track.catalog)))

    def set_cover(self, image: QImage) -> None:
        if image.isNull():
            return
        scaled = image.scaled(COVER_PX, COVER_PX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.cover.setPixmap(QPixmap.fromImage(scaled))

    def _open(self) -> None:
        if self.track.url:
            QDesktopServices.openUrl(QUrl(self.track.url))

