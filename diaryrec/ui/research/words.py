"""The words for the codes stored in study data (day states, activities, roles), in
the interface language. Colour is never the only carrier of a state. A track's
verdict has its words and colour in diaryrec/ui/words.py, shared with the chat."""

from __future__ import annotations

from PySide6.QtCore import QObject

from diaryrec.vocabulary import Activity, ConversationPurpose

# background and border of each day state (the home screen's timeline uses the same)
STATE_COLOURS = {
    "done": ("#dafbe1", "#4ac26b"),
    "late": ("#fff8c5", "#d4a72c"),
    "partly": ("#ddf4ff", "#54aeff"),
    "missed": ("#ffebe9", "#ff8182"),
    "today": ("#ffffff", "#0969da"),
    "upcoming": ("#f6f8fa", "#d8dee4"),
}


class ResearchWords(QObject):
    def state(self, code: str) -> str:
        return {
            "done": self.tr("Done"),
            "late": self.tr("Done, diary late"),
            "partly": self.tr("Partly done"),
            "missed": self.tr("Missed"),
            "today": self.tr("In progress at export"),
            "upcoming": self.tr("Not reached at export"),
        }.get(code, code)

    def activity(self, code: str) -> str:
        return {
            Activity.ICE_BREAKING: self.tr("Ice-breaking"),
            Activity.DAILY_COMPOSER: self.tr("Daily experiment"),
            Activity.PLANNING_SHEET: self.tr("Planning sheet"),
            Activity.PLANNING_REVISION: self.tr("Sheet revision"),
            Activity.OWN_RECOMMENDER: self.tr("Own recommender"),
        }.get(code, code)

    def purpose(self, code: str) -> str:
        return {
            ConversationPurpose.ICE_BREAKING: self.tr("ice-breaking"),
            ConversationPurpose.DAILY: self.tr("daily experiment"),
            ConversationPurpose.OWN_RECOMMENDER: self.tr("own recommender"),
        }.get(code, code)

    def role(self, code: str) -> str:
        return {"user": self.tr("Participant"), "assistant": self.tr("Recommender")}.get(code, code)

    def sheet_kind(self, code: str) -> str:
        return {"planning": self.tr("Planning sheet"), "daily": self.tr("Daily composition")}.get(code, code)
