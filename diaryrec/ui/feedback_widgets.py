"""Stage 3 of a recommender: the feedback widgets the sheet's feedback modes ask
for, under a reply. Stars per track, the recommender's multiple-choice options, a
free explanation (after which the recommender asks its follow-up questions), a
tournament of pairwise comparisons, and the participant's own way. ``submitted``
carries ``FeedbackItem``s; the chat view stores them and sends them as the next turn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diaryrec.services.feedback import FeedbackItem
from diaryrec.services.conversation import TrackView
from diaryrec.vocabulary import FeedbackKind


RATING_NAME_MAX_PX = 420  # a longer title wraps, so its stars stay beside it
#: a title up to this wide keeps one line (the grid otherwise gives a word-wrapped label
#: its narrowest width: "Shape of You — / Ed Sheeran" beside an empty half panel); it
#: still fits the panel at 1024 × 700 with the stars and "not rated" beside it
RATING_NAME_ONE_LINE_PX = 260


class StarRating(QWidget):
    """Five checkable star buttons; Tab reaches each, Space picks it."""

    changed = Signal(int)

    def __init__(self, subject: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.value = 0
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        for n in range(1, 6):
            button = QToolButton()
            button.setObjectName("star")
            button.setCheckable(True)
            button.setText("☆")
            button.setAccessibleName(self.tr("{n} of 5 stars for {subject}").format(n=n, subject=subject))
            button.setToolTip(self.tr("{n} of 5").format(n=n))
            self.group.addButton(button, n)
            layout.addWidget(button)
            self.buttons.append(button)
        self.words = QLabel(self.tr("not rated"))
        self.words.setObjectName("ratingWords")
        layout.addWidget(self.words)
        layout.addStretch(1)
        self.group.idClicked.connect(self.set_value)

    def set_value(self, value: int) -> None:
        self.value = value
        for n, button in enumerate(self.buttons, 1):
            button.setText("★" if n <= value else "☆")
            button.setChecked(n == value)
        self.words.setText(self.tr("{n} of 5").format(n=value) if value else self.tr("not rated"))
        self.changed.emit(value)


class Tournament(QWidget):
    """Knock-out rounds of pairwise comparisons until one track is left. The
    ranking is the winner first, then the tracks in the reverse order they lost."""

    finished = Signal(list)

    def __init__(self, tracks: Sequence[TrackView], parent: QWidget | None = None):
        super().__init__(parent)
        self.names = {t.id: f"{t.title} — {t.artist}" for t in tracks}
        self.round: list[int] = [t.id for t in tracks]
        self.winners: list[int] = []
        self.lost: list[int] = []
        self.ranking: list[int] = []
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.left = QPushButton()
        self.right = QPushButton()
        for button in (self.left, self.right):
            button.setObjectName("tournamentChoice")
        self.left.clicked.connect(lambda: self.choose(0))
        self.right.clicked.connect(lambda: self.choose(1))
        self.restart = QPushButton(self.tr("Start over"))
        self.restart.clicked.connect(lambda: self._reset([t.id for t in tracks]))
        self.or_label = QLabel(self.tr("or"))
        row = QHBoxLayout()
        row.addWidget(self.left, 1)
        row.addWidget(self.or_label)
        row.addWidget(self.right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.restart)
        self._next()

    def _reset(self, ids: list[int]) -> None:
        self.round, self.winners, self.lost, self.ranking = ids, [], [], []
        self._next()

    def pair(self) -> tuple[int, int] | None:
        return (self.round[0], self.round[1]) if len(self.round) >= 2 else None

    def choose(self, side: int) -> None:
        pair = self.pair()
        if pair is None:
            return
        self.winners.append(pair[side])
        self.lost.append(pair[1 - side])
        self.round = self.round[2:]
        self._next()

    def _show_pair(self, shown: bool) -> None:
        for widget in (self.left, self.or_label, self.right):
            widget.setVisible(shown)

    def _next(self) -> None:
        if len(self.round) == 1:  # an odd one out goes through to the next round
            self.winners.append(self.round.pop())
        if not self.round and len(self.winners) > 1:
            self.round, self.winners = self.winners, []
        elif not self.round and len(self.winners) == 1:
            self.ranking = [self.winners[0], *reversed(self.lost)]
            self._show_pair(False)
            self.question.setText(self.tr("Winner: {name}").format(name=self.names[self.ranking[0]]))
            self.finished.emit(self.ranking)
            return
        pair = self.pair()
        if pair is None:
            self.question.setText(self.tr("A tournament needs at least two tracks."))
            self._show_pair(False)
            return
        self._show_pair(True)
        self.question.setText(self.tr("Which do you prefer?"))
        self.left.setText(self.names[pair[0]])
        self.right.setText(self.names[pair[1]])
        self.left.setAccessibleName(self.tr("Prefer {name}").format(name=self.names[pair[0]]))
        self.right.setAccessibleName(self.tr("Prefer {name}").format(name=self.names[pair[1]]))


class FeedbackPanel(QFrame):
    submitted = Signal(list)  # [FeedbackItem]

    def __init__(self, modes: Sequence[str], tracks: Sequence[TrackView], follow_up: dict[str, Any] | None,
                 own_description: str = "", parent: QWidget | None = None, *, rating_rows: int | None = None):
        """``rating_rows``: how many of the tracks' rating rows to build now (None: all);
        ``add_rating_rows`` builds the rest, a few at a time."""
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        self.modes = [m for m in modes if m]
        self.tracks = list(tracks)
        follow_up = follow_up or {}
        self.stars: dict[int, StarRating] = {}
        self.choices: list[QCheckBox] = []
        self.free_text: QPlainTextEdit | None = None
        self.own_text: QPlainTextEdit | None = None
        self.tournament: Tournament | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Your feedback"))
        heading.setObjectName("cardHeading")
        layout.addWidget(heading)
        question = str(follow_up.get("question") or "")
        if question:
            asked = QLabel(question)
            asked.setObjectName("followUpQuestion")
            asked.setWordWrap(True)
            layout.addWidget(asked)
        self.ratings = QGridLayout()
        self._unbuilt: list[TrackView] = []  # tracks whose rating row is still to build
        if FeedbackKind.RATING in self.modes and self.tracks:
            # the stars stay next to their titles on a wide screen: the room left goes after them
            self.ratings.setColumnStretch(2, 1)
            layout.addWidget(self._section(self.tr("Rate each track from 1 to 5")))
            layout.addLayout(self.ratings)
            self._unbuilt = list(self.tracks)
        options = [str(o) for o in follow_up.get("options") or [] if str(o).strip()]
        if FeedbackKind.MULTIPLE_CHOICE in self.modes:
            layout.addWidget(self._section(self.tr("Choose the answers that fit")))
            for option in options:
                box = QCheckBox(option)
                box.setObjectName("choiceChip")  # a chip with its box drawn (style.qss), not plain text
                box.setProperty("chip", True)
                self.choices.append(box)
                layout.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
            if not options:
                none = QLabel(self.tr("The recommender offered no options this time; use the other boxes or write a message."))
                none.setWordWrap(True)
                layout.addWidget(none)
        if FeedbackKind.FREE_TEXT in self.modes:
            layout.addWidget(self._section(self.tr("Explain why you liked or disliked the tracks; the recommender will ask you questions back")))
            self.free_text = QPlainTextEdit()
            self.free_text.setAccessibleName(self.tr("Your explanation"))
            self.free_text.setTabChangesFocus(True)
            self.free_text.setFixedHeight(70)
            layout.addWidget(self.free_text)
        if FeedbackKind.TOURNAMENT in self.modes and len(self.tracks) >= 2:
            layout.addWidget(self._section(self.tr("Tournament: pick the better of each pair until one is left")))
            self.tournament = Tournament(self.tracks)
            layout.addWidget(self.tournament)
        if FeedbackKind.OWN in self.modes:
            layout.addWidget(self._section(own_description or self.tr("Your own way of giving feedback")))
            self.own_text = QPlainTextEdit()
            self.own_text.setAccessibleName(self.tr("Your own feedback"))
            self.own_text.setTabChangesFocus(True)
            self.own_text.setFixedHeight(60)
            layout.addWidget(self.own_text)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send feedback"))
        self.send_button.setObjectName("primaryButton")
        self.send_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.send_button)
        layout.addLayout(row)
        self.add_rating_rows(len(self._unbuilt) if rating_rows is None else rating_rows)

    def add_rating_rows(self, count: int) -> bool:
        """Build the next ``count`` rating rows (title and stars); True while more are left.
        Ten rows are 60 widgets: the chat builds them a few per event-loop pass."""
        for track in self._unbuilt[:count]:
            row = len(self.stars)  # the rows built so far
            name = QLabel(f"{track.title} — {track.artist}")
            name.setWordWrap(True)
            name.setMaximumWidth(RATING_NAME_MAX_PX)
            name.setMinimumWidth(min(name.fontMetrics().horizontalAdvance(name.text()) + 4, RATING_NAME_ONE_LINE_PX))
            stars = StarRating(track.title)
            self.stars[track.id] = stars
            self.ratings.addWidget(name, row, 0)
            self.ratings.addWidget(stars, row, 1)
        del self._unbuilt[:count]
        return bool(self._unbuilt)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("feedbackSection")
        label.setWordWrap(True)
        return label

    def has_inputs(self) -> bool:
        return bool(self.stars or self._unbuilt or self.choices or self.free_text or self.own_text or self.tournament)

    def items(self) -> list[FeedbackItem]:
        items = [FeedbackItem(FeedbackKind.RATING, track_id=tid, rating=s.value) for tid, s in self.stars.items() if s.value]
        picked = [box.text() for box in self.choices if box.isChecked()]
        if picked:
            items.append(FeedbackItem(FeedbackKind.MULTIPLE_CHOICE, choices=picked))
        if self.tournament is not None and self.tournament.ranking:
            items.append(FeedbackItem(FeedbackKind.TOURNAMENT, ranking=list(self.tournament.ranking)))
        if self.free_text is not None and self.free_text.toPlainText().strip():
            items.append(FeedbackItem(FeedbackKind.FREE_TEXT, text=self.free_text.toPlainText()))
        if self.own_text is not None and self.own_text.toPlainText().strip():
            items.append(FeedbackItem(FeedbackKind.OWN, text=self.own_text.toPlainText()))
        return items

    def submit(self) -> None:
        items = self.items()
        if not items:
            self.error.setText(self.tr("Give at least one answer first."))
            return
        self.error.clear()
        self.setEnabled(False)
        self.submitted.emit(items)
