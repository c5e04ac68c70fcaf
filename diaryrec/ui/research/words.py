"""The words for the codes stored in study data (day states, verdicts, activities,
roles), in the interface language. Colour is never the only carrier of a state."""

from __future__ import annotations

from PySide6.QtCore import QObject

# background and border of each day state (the home screen's timeline uses the same)
STATE_COLOURS = {
    "done": ("#dafbe1", "#4ac26b"),
    "late": ("#fff8c5", "#d4a72c"),
    "partly": ("#ddf4ff", "#54aeff"),
    "missed": ("#ffebe9", "#ff8182"),
    "today": ("#ffffff", "#0969da"),
    "upcoming": ("#f6f8fa", "#d8dee4"),
}
VERDICT_COLOURS = {"verified": "#1a7f37", "not_found": "#cf222e", "uncertain": "#9a6700"}


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
            "ice_breaking": self.tr("Ice-breaking"),
            "daily_composer": self.tr("Daily experiment"),
            "planning_sheet": self.tr("Planning sheet"),
            "planning_revision": self.tr("Sheet revision"),
            "own_recommender": self.tr("Own recommender"),
        }.get(code, code)

    def purpose(self, code: str) -> str:
        return {
            "ice_breaking": self.tr("ice-breaking"),
            "daily": self.tr("daily experiment"),
            "own_recommender": self.tr("own recommender"),
        }.get(code, code)

    def verdict(self, code: str) -> str:
        return {
            "verified": self.tr("found in the catalogue"),
            "not_found": self.tr("not found (made up?)"),
            "uncertain": self.tr("uncertain match"),
            "unchecked": self.tr("not checked"),
            "pending": self.tr("not checked"),
        }.get(code, code)

    def role(self, code: str) -> str:
        return {"user": self.tr("Participant"), "assistant": self.tr("Recommender")}.get(code, code)

    def sheet_kind(self, code: str) -> str:
        return {"planning": self.tr("Planning sheet"), "daily": self.tr("Daily composition")}.get(code, code)
