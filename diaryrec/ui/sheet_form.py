"""The three stages of a recommender as a form, shared by the week-1 daily
composer and the planning sheet: checkable lists of the paper's choices (the
participant's own ideation items first), their own words, and a debounced
``changed`` signal for the live prompt preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from diaryrec.sheets.composer import Option, composer_options
from diaryrec.sheets.models import FeedbackSetup, PlanningSheet, PreferenceInput, Presentation
from diaryrec.vocabulary import FeedbackKind
from diaryrec.ui.words import choice_label
from diaryrec.ui.controls import ComboBox, SpinBox

DEBOUNCE_MS = 150


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("screenSubtitle")
    return label


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


class ChoiceList(QListWidget):
    """A checkable list; Space toggles the current item."""

    def __init__(self, options: list[Option], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        # long labels wrap inside the pane instead of widening the whole form
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(160)
        own = [o for o in options if not o.code]  # the participant's own ideas come first
        for option in own + [o for o in options if o.code]:
            text = option.text if option.code else "★ " + option.text
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, option.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, option.text)
            self.addItem(item)
        # as tall as its rows, never a small scroll box of its own inside the page's scroll:
        # the height follows the width, at which the labels wrap
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self._fitted_width = -1
        self._fit()

    def _fit(self) -> None:
        self.doItemsLayout()  # the rows as laid out at this width, wrapped labels included
        if self.count():
            first, last = self.visualItemRect(self.item(0)), self.visualItemRect(self.item(self.count() - 1))
            rows = max(last.bottom() - first.top() + 1, sum(self.sizeHintForRow(r) for r in range(self.count())))
        else:
            rows = 20
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2 * self.spacing() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != self._fitted_width:
            self._fitted_width = event.size().width()
            self._fit()

    def checked(self) -> tuple[list[str], list[str]]:
        """(codes, own texts) of the checked items."""
        codes, own = [], []
        for row in range(self.count()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                code = item.data(Qt.ItemDataRole.UserRole)
                (codes if code else own).append(code or item.data(Qt.ItemDataRole.UserRole + 1))
        return codes, own

    def set_checked(self, codes: list[str], own: list[str] = ()) -> None:  # type: ignore[assignment]
        for row in range(self.count()):
            item = self.item(row)
            code = item.data(Qt.ItemDataRole.UserRole)
            on = code in codes if code else item.data(Qt.ItemDataRole.UserRole + 1) in own
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class SheetForm(QWidget):
    changed = Signal()  # debounced

    def __init__(self, language: str, ideas: dict[int, list[str]] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        options = composer_options(choice_label, ideas or {})
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)

        self.data_types = ChoiceList(options.data_types, self.tr("Information the recommender gets"))
        self.own_data = QLineEdit()
        self.own_data.setAccessibleName(self.tr("Other information, in your words"))
        self.own_data.setPlaceholderText(self.tr("other information, separated by commas"))
        self.pref_notes = QLineEdit()
        self.pref_notes.setAccessibleName(self.tr("Notes on preference input"))
        self.pref_notes.setPlaceholderText(self.tr("notes (optional)"))
        # short titles: a group box is never narrower than its title, so the rest wraps below it
        stage1 = QGroupBox(self.tr("Stage 1 · Preference input"))
        f1 = QVBoxLayout(stage1)
        f1.addWidget(_note(self.tr("What the recommender knows about you")))
        for w in (self.data_types, self.own_data, self.pref_notes):
            f1.addWidget(w)

        self.purposes = ChoiceList(options.purposes, self.tr("Purpose of the recommendations"))
        self.own_purpose = QLineEdit()
        self.own_purpose.setAccessibleName(self.tr("Own purpose"))
        self.own_purpose.setPlaceholderText(self.tr("another purpose, in your words"))
        self.styles = ChoiceList(options.explanation_styles, self.tr("How reasons are explained"))
        self.own_style = QLineEdit()
        self.own_style.setAccessibleName(self.tr("Own explanation style"))
        self.own_style.setPlaceholderText(self.tr("another way of explaining, in your words"))
        self.level = ComboBox()
        for option in options.explanation_levels:
            self.level.addItem(option.text, option.code)
        self.level.setCurrentIndex(max(0, self.level.findData("balanced")))
        self.level.setAccessibleName(self.tr("Level of explanation"))
        self.count = SpinBox()
        self.count.setRange(1, 20)
        self.count.setValue(5)
        self.count.setAccessibleName(self.tr("Number of tracks"))
        self.exclusions = QLineEdit()
        self.exclusions.setAccessibleName(self.tr("Exclusions"))
        self.exclusions.setPlaceholderText(self.tr("e.g. no artists involved in controversies"))
        stage2 = QGroupBox(self.tr("Stage 2 · Presentation"))
        f2 = QVBoxLayout(stage2)
        f2.addWidget(_note(self.tr("What the picks are for and how they are explained")))
        f2.addWidget(self.purposes)
        f2.addWidget(self.own_purpose)
        f2.addWidget(self.styles)
        f2.addWidget(self.own_style)
        small = QFormLayout()
        small.addRow(self.tr("Explanation &level"), self.level)
        small.addRow(self.tr("Number of &tracks"), self.count)
        small.addRow(self.tr("E&xclusions"), self.exclusions)
        f2.addLayout(small)

        self.modes = ChoiceList(options.feedback_modes, self.tr("How you give feedback"))
        self.own_feedback = QLineEdit()
        self.own_feedback.setAccessibleName(self.tr("Own way of giving feedback"))
        self.own_feedback.setPlaceholderText(self.tr("your own way of giving feedback (optional)"))
        stage3 = QGroupBox(self.tr("Stage 3 · User feedback"))
        f3 = QVBoxLayout(stage3)
        f3.addWidget(_note(self.tr("How you answer the picks")))
        f3.addWidget(self.modes)
        f3.addWidget(self.own_feedback)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (stage1, stage2, stage3):
            layout.addWidget(box)
        for lst in (self.data_types, self.purposes, self.styles, self.modes):
            lst.itemChanged.connect(self._edited)
        for edit in (self.own_data, self.pref_notes, self.own_purpose, self.own_style, self.exclusions, self.own_feedback):
            edit.textChanged.connect(self._edited)
        self.level.currentIndexChanged.connect(self._edited)
        self.count.valueChanged.connect(self._edited)

    def _edited(self, *_: Any) -> None:
        self._debounce.start()

    def sheet(self, name: str, objective: str) -> PlanningSheet:
        """The form as a sheet; pydantic's ValueError says what is missing."""
        data_codes, data_own = self.data_types.checked()
        purpose_codes, purpose_own = self.purposes.checked()
        style_codes, _ = self.styles.checked()
        mode_codes, mode_own = self.modes.checked()
        own_feedback = ", ".join([*mode_own, *_split(self.own_feedback.text())] if mode_own else _split(self.own_feedback.text()))
        modes = list(mode_codes) + ([FeedbackKind.OWN] if own_feedback else [])
        own_purpose = "; ".join([*purpose_own, self.own_purpose.text().strip()] if self.own_purpose.text().strip() else purpose_own)
        return PlanningSheet(
            name=name, objective=objective, language=self.language,  # type: ignore[arg-type]
            preference_input=PreferenceInput(data_types=data_codes, own_data_types=data_own + _split(self.own_data.text()),
                                             notes=self.pref_notes.text()),
            presentation=Presentation(purposes=purpose_codes, own_purpose=own_purpose, explanation_styles=style_codes,
                                      own_explanation_style=self.own_style.text(), track_count=self.count.value(),
                                      exclusions=_split(self.exclusions.text()), explanation_level=self.level.currentData()),
            feedback=FeedbackSetup(modes=modes, own_description=own_feedback),
        )

    def load(self, content: dict[str, Any]) -> None:
        pref = content.get("preference_input", {})
        pres = content.get("presentation", {})
        fb = content.get("feedback", {})
        self.data_types.set_checked(pref.get("data_types", []), pref.get("own_data_types", []))
        known_own = {self.data_types.item(r).data(Qt.ItemDataRole.UserRole + 1) for r in range(self.data_types.count())}
        self.own_data.setText(", ".join(t for t in pref.get("own_data_types", []) if t not in known_own))
        self.pref_notes.setText(pref.get("notes", ""))
        self.purposes.set_checked(pres.get("purposes", []))
        self.own_purpose.setText(pres.get("own_purpose", ""))
        self.styles.set_checked(pres.get("explanation_styles", []))
        self.own_style.setText(pres.get("own_explanation_style", ""))
        self.level.setCurrentIndex(max(0, self.level.findData(pres.get("explanation_level", "balanced"))))
        self.count.setValue(int(pres.get("track_count", 5)))
        self.exclusions.setText(", ".join(pres.get("exclusions", [])))
        self.modes.set_checked([m for m in fb.get("modes", []) if m != FeedbackKind.OWN])
        self.own_feedback.setText(fb.get("own_description", ""))
        self._debounce.start()


def form_row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    return row
