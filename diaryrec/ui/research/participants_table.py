"""The participants table: one row per participant with their compliance (over the
days that had ended at their export, the study's length beside it) and the share of
suggested tracks the catalogue did not find. Sortable by every column
(numbers sort as numbers), read-only, navigable by keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from diaryrec.research.browse import ParticipantRow, local_time
from diaryrec.vocabulary import Verdict

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


class ParticipantsModel(QAbstractTableModel):
    COLUMNS = ("code", "study", "compliance", "study_days", "complete", "late", "partly", "missed", "sessions", "diary", Verdict.NOT_FOUND, "exported")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[ParticipantRow] = []
        self.titles = {
            "code": (self.tr("Participant"), self.tr("The code the research team gave the participant")),
            "study": (self.tr("Study"), self.tr("The study file's id")),
            "compliance": (self.tr("Compliance"), self.tr("Share of the days ended at the export with a session and a diary entry (complete of ended days)")),
            "study_days": (self.tr("Study days"), self.tr("The study's length in days, reached or not")),
            "complete": (self.tr("Days complete"), self.tr("Days with a recommendation session and a diary entry (late ones included)")),
            "late": (self.tr("Late"), self.tr("Complete days whose diary entry was saved after the day ended")),
            "partly": (self.tr("Partly"), self.tr("Days with a session or a diary entry, not both")),
            "missed": (self.tr("Missed"), self.tr("Days with neither a session nor a diary entry")),
            "sessions": (self.tr("Sessions"), self.tr("Conversations with the recommender")),
            "diary": (self.tr("Diary entries"), self.tr("Saved diary entries")),
            Verdict.NOT_FOUND: (self.tr("Not found"), self.tr("Hallucination rate: share of suggested tracks the catalogue did not find")),
            "exported": (self.tr("Exported"), self.tr("When the participant exported this data (their local time)")),
        }

    def set_rows(self, rows: list[ParticipantRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        title, tip = self.titles[self.COLUMNS[section]]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == SORT_ROLE:
            return self._value(row, key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("code", "study", "exported"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, row: ParticipantRow, key: str) -> Any:
        s = row.summary
        return {
            "code": s.code.casefold(), "study": s.study_id.casefold(),
            "compliance": -1.0 if s.compliance is None else s.compliance, "study_days": s.days_total,
            "complete": s.days_done, "late": s.days_late, "partly": s.days_partly, "missed": s.days_missed,
            "sessions": s.sessions, "diary": s.diary_entries,
            Verdict.NOT_FOUND: -1.0 if row.hallucination_rate is None else row.hallucination_rate,
            "exported": s.exported_at.timestamp(),
        }[key]

    def _text(self, row: ParticipantRow, key: str) -> str:
        s = row.summary
        if key == "code":
            return s.code
        if key == "study":
            return s.study_id
        if key == "compliance":
            if s.compliance is None:
                return "—"
            return self.tr("{percent} · {done}/{ended}").format(percent=_percent(s.compliance), done=s.ended_days_done, ended=s.days_ended)
        if key == Verdict.NOT_FOUND:
            return _percent(row.hallucination_rate)
        if key == "exported":
            return local_time(s.exported_at, s.time_zone)
        return str(self._value(row, key))

    def _tip(self, row: ParticipantRow, key: str) -> str | None:
        s = row.summary
        if key == "compliance":
            if s.compliance is None:
                return self.tr("No study day had ended at the export; the study has {total} days").format(total=s.days_total)
            return self.tr("{done} of the {ended} days ended at the export complete; the study has {total} days").format(
                done=s.ended_days_done, ended=s.days_ended, total=s.days_total)
        if key == Verdict.NOT_FOUND:
            return self.tr("{not_found} of {tracks} suggested tracks were not found").format(not_found=row.not_found, tracks=row.tracks)
        if key == "exported":
            return s.time_zone
        return None


class ParticipantsTable(QTableView):
    """Emits ``participant_chosen`` with the ParticipantRow whose row became current."""

    participant_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("participantsTable")
        self.source = ParticipantsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setAccessibleName(self.tr("Participants"))
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_rows(self, rows: list[ParticipantRow]) -> None:
        self.source.set_rows(rows)
        if rows:
            self.selectRow(0)

    def row_at(self, view_row: int) -> ParticipantRow:
        return self.proxy.index(view_row, 0).data(ROW_ROLE)

    def current_participant(self) -> ParticipantRow | None:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_code(self, code: str) -> bool:
        for view_row in range(self.proxy.rowCount()):
            if self.row_at(view_row).summary.code == code:
                self.selectRow(view_row)
                return True
        return False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.participant_chosen.emit(current.data(ROW_ROLE))
