"""The participant view's read-only pages as HTML for a QTextBrowser: conversations
with their recommendation cards, diary entries with screenshots, sheet versions with
their compiled prompts and the week 2 → week 3 changes.

Images are never read by the browser itself: the view decodes them in a worker and
registers each under the name ``images[path]`` gives; a page drawn before that
says the image is loading.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from diaryrec.research.read import DiaryView, MessageView, TrackView
from diaryrec.research.report import flatten_content
from diaryrec.research.browse import ParticipantDetail, local_time
from diaryrec.ui.research.words import ResearchWords
from diaryrec.ui.words import verdict_colour, verdict_text

esc = html.escape
# not 100% wide: Qt's table layout then overflows by a pixel and shows a horizontal scroll bar
WIDE_TABLE = "<table class='cards' width='99%' cellspacing='0'>"

CSS = """
h2 { color: #1f2328; margin-top: 18px; }
h3 { color: #1f2328; margin-top: 14px; margin-bottom: 4px; }
.meta { color: #57606a; }
.empty { color: #57606a; font-style: italic; }
table.cards { border-collapse: collapse; margin: 4px 0 10px 0; }
table.cards th { background: #eef1f4; text-align: left; padding: 4px 8px; }
table.cards td { padding: 4px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
pre { background: #f6f8fa; padding: 8px; white-space: pre-wrap; }
td.changed { background: #fff8c5; }
"""


class ImageSlots:
    """Which resource name each image path is registered under, and which decoded."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.decoded: dict[str, bool] = {}  # path -> clipped, for the decoded ones
        self.done = False  # decoding finished (what is not in ``decoded`` is unreadable)

    def name(self, path: Path) -> str:
        return self.names.setdefault(str(path), f"img:{len(self.names)}")


class ResearchPages(QObject):
    def __init__(self, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self.words = ResearchWords(self)

    # -- shared ---------------------------------------------------------------
    def _page(self, parts: list[str]) -> str:
        return f"<html><head><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"

    def _image(self, path: Path | None, slots: ImageSlots) -> str:
        if path is None:
            return "<p class='empty'>{}</p>".format(esc(self.tr("This image is not in the study data (the merge kept no files).")))
        name = slots.name(path)
        if str(path) not in slots.decoded:
            text = self.tr("Image could not be read: {file}") if slots.done else self.tr("Loading image {file}…")
            return "<p class='empty'>{}</p>".format(esc(text.format(file=path.name)))
        link = QUrl.fromLocalFile(str(path)).toString()
        note = self.tr("Top part shown; open the full image") if slots.decoded[str(path)] else self.tr("Open the full image")
        return f"<p><img src='{esc(name)}'><br><a href='{esc(link)}'>{esc(note)}</a> <span class='meta'>{esc(path.name)}</span></p>"

    def _day_heading(self, detail: ParticipantDetail, day: int) -> str:
        week = detail.week_of(day)
        return self.tr("Day {day} · Week {week}").format(day=day, week=week)

    # -- conversations ----------------------------------------------------------
    def conversations(self, detail: ParticipantDetail, slots: ImageSlots) -> str:
        zone = detail.participant.summary.time_zone
        parts = ["<h2>{}</h2>".format(esc(self.tr("Conversations")))]
        if not detail.conversations:
            parts.append("<p class='empty'>{}</p>".format(esc(self.tr("This participant had no conversation."))))
        anchored: set[int] = set()
        for conv in detail.conversations:
            if conv.study_day not in anchored:
                parts.append(f"<a name='day-{conv.study_day}'></a>")
                anchored.add(conv.study_day)
            heading = self._day_heading(detail, conv.study_day) + " · " + self.words.purpose(conv.purpose)
            parts.append(f"<h3>{esc(heading)}</h3>")
            started = self.tr("Started {time} (participant's local time)").format(time=local_time(conv.started_at, zone))
            if conv.task_id:
                started += " · " + self.tr("task {task}").format(task=conv.task_id)
            parts.append(f"<p class='meta'>{esc(started)}</p>")
            for message in conv.messages:
                parts.append(self._message(message, slots))
        return self._page(parts)

    def _message(self, message: MessageView, slots: ImageSlots) -> str:
        if message.role == "system":
            return "<p class='meta'><b>{}</b></p><pre>{}</pre>".format(esc(self.tr("System prompt")), esc(message.text))
        text = esc(message.text).replace("\n", "<br>")
        status = ""
        if message.status == "error":
            status = " <span class='empty'>{}</span>".format(esc(self.tr("(the reply failed; this is what arrived)")))
        elif message.status == "raw":
            status = " <span class='empty'>{}</span>".format(esc(self.tr("(the reply could not be read as cards; raw text)")))
        out = [f"<p><b>{esc(self.words.role(message.role))}:</b> {text}{status}</p>"]
        out += [self._image(path, slots) for path in message.images]
        if message.tracks:
            out.append(self._cards(message.tracks))
        return "".join(out)

    def _cards(self, tracks: tuple[TrackView, ...]) -> str:
        head = [self.tr("#"), self.tr("Title"), self.tr("Artist"), self.tr("Album, year"), self.tr("Verdict"), self.tr("Rating"), self.tr("Why")]
        rows = ["<tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>"]
        for t in tracks:
            title = esc(t.title)
            if t.hidden:
                title += " <span class='empty'>{}</span>".format(esc(self.tr("(hidden by the participant)")))
            album = ", ".join(x for x in (t.album or "", str(t.year) if t.year else "") if x)
            verdict = f"<span style='color:{verdict_colour(t.verdict)}; font-weight:600'>{esc(verdict_text(t.verdict, t.catalog))}</span>"
            rows.append(
                f"<tr><td>{t.position + 1}</td><td>{title}</td><td>{esc(t.artist)}</td><td>{esc(album)}</td>"
                f"<td>{verdict}</td><td>{esc(self._rating(t.ratings))}</td><td>{esc(t.reason)}</td></tr>"
            )
        return WIDE_TABLE + "".join(rows) + "</table>"

    def _rating(self, ratings: tuple[int, ...]) -> str:
        if not ratings:
            return self.tr("not rated")
        text = self.tr("{rating} of 5").format(rating=ratings[-1])
        if len(ratings) > 1:
            text += " " + self.tr("(earlier: {ratings})").format(ratings=", ".join(str(r) for r in ratings[:-1]))
        return text

    # -- diary --------------------------------------------------------------------
    def diary(self, detail: ParticipantDetail, slots: ImageSlots) -> str:
        zone = detail.participant.summary.time_zone
        parts = ["<h2>{}</h2>".format(esc(self.tr("Diary entries")))]
        if not detail.diaries:
            parts.append("<p class='empty'>{}</p>".format(esc(self.tr("This participant wrote no diary entry."))))
        for entry in detail.diaries:
            parts.append(f"<a name='day-{entry.study_day}'></a><h3>{esc(self._day_heading(detail, entry.study_day))}</h3>")
            parts.append(f"<p class='meta'>{esc(self._entry_state(entry, zone))}</p>")
            questions = self._questions(detail, entry.study_day)
            keys = list(dict.fromkeys([*questions, *entry.answers]))
            for key in keys:
                if key == "screenshot" or questions.get(key, ("", ""))[1] == "screenshot":
                    continue
                label = questions.get(key, (key, ""))[0]
                answer = esc(entry.answers.get(key, "")).replace("\n", "<br>") or "<span class='empty'>{}</span>".format(esc(self.tr("(no answer)")))
                parts.append(f"<p><b>{esc(label)}</b><br>{answer}</p>")
            parts.append("<p><b>{}</b></p>".format(esc(self.tr("Screenshots"))))
            if not entry.screenshots:
                parts.append("<p class='empty'>{}</p>".format(esc(self.tr("No screenshot."))))
            parts += [self._image(path, slots) for path in entry.screenshots]
        return self._page(parts)

    def _entry_state(self, entry: DiaryView, zone: str) -> str:
        if entry.status != "saved":
            return self.tr("Draft, never saved")
        text = self.tr("Saved {time}").format(time=local_time(entry.saved_at, zone))
        if entry.late:
            text += " · " + self.tr("late")
        return text

    def _questions(self, detail: ParticipantDetail, day: int) -> dict[str, tuple[str, str]]:
        """Question id → (text in the interface language, kind) for that day's week."""
        study = detail.study
        if study is None:
            return {}
        week = detail.week_of(day)
        for w in study.weeks:
            if w.number == week:
                return {q.id: (q.text.get(self.lang), q.kind) for q in w.diary_questions}
        return {}

    # -- sheets ---------------------------------------------------------------------
    def sheets(self, detail: ParticipantDetail) -> str:
        zone = detail.participant.summary.time_zone
        parts = []
        if detail.comparisons:
            parts.append("<h2>{}</h2>".format(esc(self.tr("Planning sheet, week 2 → week 3"))))
            for comparison in detail.comparisons:
                parts.append(self._comparison(comparison))
        parts.append("<h2>{}</h2>".format(esc(self.tr("Sheet versions"))))
        if not detail.sheets:
            parts.append("<p class='empty'>{}</p>".format(esc(self.tr("This participant saved no sheet."))))
        by_id = {s.id: s for s in detail.sheets}
        for sheet in detail.sheets:
            heading = self.tr("{kind} “{key}”, version {version}").format(
                kind=self.words.sheet_kind(sheet.kind), key=sheet.sheet_key, version=sheet.version
            )
            parts.append(f"<h3>{esc(heading)}</h3>")
            meta = self._day_heading(detail, sheet.study_day) + " · " + self.tr("saved {time}").format(time=local_time(sheet.created_at, zone))
            base = by_id.get(sheet.based_on_id) if sheet.based_on_id is not None else None
            if base is not None:
                meta += " · " + self.tr("revised from “{key}” version {version}").format(key=base.sheet_key, version=base.version)
            parts.append(f"<p class='meta'>{esc(meta)}</p>")
            fields = flatten_content(sheet.content)
            if fields:
                rows = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in fields.items())
                parts.append(f"<table class='cards'>{rows}</table>")
            parts.append("<p><b>{}</b></p>".format(esc(self.tr("Compiled prompt"))))
            prompt = sheet.compiled_prompt or self.tr("(no compiled prompt)")
            parts.append(f"<pre>{esc(prompt)}</pre>")
        return self._page(parts)

    def _comparison(self, comparison) -> str:  # noqa: ANN001 - report.SheetComparison
        out = []
        if comparison.new_scenario:
            out.append("<p class='meta'>{}</p>".format(esc(self.tr("Week 3 is a new scenario (“{key}”), not a revision.").format(key=comparison.week3_key))))
        head = [self.tr("Field"), self.tr("Week 2"), self.tr("Week 3"), self.tr("Changed")]
        rows = ["<tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>"]
        for name, before, after, changed in [*comparison.fields, ("prompt", comparison.week2_prompt, comparison.week3_prompt,
                                                                   comparison.week2_prompt != comparison.week3_prompt)]:
            label = self.tr("Compiled prompt") if name == "prompt" else name
            cls = " class='changed'" if changed else ""
            mark = self.tr("changed") if changed else self.tr("same")
            rows.append(f"<tr><td><b>{esc(label)}</b></td><td{cls}>{esc(before)}</td><td{cls}>{esc(after)}</td><td{cls}>{esc(mark)}</td></tr>")
        out.append(WIDE_TABLE + "".join(rows) + "</table>")
        return "".join(out)

