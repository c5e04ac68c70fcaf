"""The researcher window over a small synthetic study: opened as a merged database
and as a folder of bundles, the participants table, one participant's timeline,
conversations, diary and sheets, errors in plain words, Korean, and pictures of it
under test-artifacts/screens/ (en-research-*.png, ko-research-*.png)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from merged_study import MergedStudy, seoul
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QTextDocument

import diaryrec.ui.research
from diaryrec.paths import DataLayout
from diaryrec.research.export import export_bundle
from diaryrec.research.merge import merge_bundles
from diaryrec.research.merged import open_merged
from diaryrec.research.read import open_study_data
from diaryrec.research.synthetic import SyntheticSpec, make_participant
from diaryrec.store import open_store
from diaryrec.ui.app import ensure_application
from diaryrec.ui.i18n import install_language, translations_dir
from diaryrec.ui.main_thread_gc import MainThreadGC
from diaryrec.ui.research import ResearchWindow, open_research_window
from diaryrec.ui.research.loading import decode_images
from diaryrec.ui.research.participants_table import ParticipantsModel
from diaryrec.ui.tasks import TaskRunner

SPEC = SyntheticSpec(participants=3, days=9, turns_per_day=1, tracks_per_turn=3, screenshot_bytes=20_000, seed=11)
NOW = dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
KOREAN_CODE = "참가자-02"
SIZE = (1280, 800)


class Study:
    def __init__(self, root: Path):
        self.root = root
        self.bundles = root / "bundles"
        self.bundles.mkdir(parents=True)
        self.stores: dict[str, Path] = {}
        for index in range(SPEC.participants):
            layout = make_participant(root / f"data-{index}", index, SPEC, NOW)
            code = KOREAN_CODE if index == 1 else f"P{index + 1:03d}"
            with sqlite3.connect(layout.database) as conn:
                conn.execute("UPDATE enrolment SET participant_code = ?", (code,))
            store = open_store(DataLayout(layout.root))
            try:
                export_bundle(store, self.bundles / f"bundle-{index + 1}.zip", now=NOW)
            finally:
                store.close()
            self.stores[code] = layout.database
        self.database = root / "study.sqlite"
        engine = open_merged(str(self.database))
        try:
            outcomes = merge_bundles(engine, sorted(self.bundles.glob("*.zip")), root / "study-files")
        finally:
            engine.dispose()
        assert [o.status for o in outcomes] == ["added"] * SPEC.participants

    def own(self, code: str, sql: str) -> int:
        """A count from the participant's own database (not through the research code)."""
        with sqlite3.connect(self.stores[code]) as conn:
            return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Study:
    return Study(tmp_path_factory.mktemp("study"))


@pytest.fixture
def research(qtbot):
    """``research(source=None, parent=None)`` → a shown ResearchWindow; shut down after."""
    collector = MainThreadGC().start()
    ensure_application()
    tasks = TaskRunner()
    opened: list[ResearchWindow] = []

    def _open(source=None, parent=None) -> ResearchWindow:
        window = open_research_window(parent, tasks, source)
        if parent is None:
            qtbot.addWidget(window)
        window.resize(*SIZE)
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield _open
    for window in opened:
        window.shutdown()
    tasks.shutdown()
    install_language("en")
    collector.stop()


def loaded(qtbot, window: ResearchWindow, count: int) -> None:
    qtbot.waitUntil(lambda: not window.loading and window.table.model().rowCount() == count, timeout=20_000)


def detail_shown(qtbot, window: ResearchWindow, code: str) -> None:
    qtbot.waitUntil(lambda: window.view.detail is not None and window.view.detail.participant.summary.code == code, timeout=10_000)
    qtbot.waitUntil(lambda: window.view.images_done, timeout=10_000)


def column(name: str) -> int:
    return ParticipantsModel.COLUMNS.index(name)


def cell(window: ResearchWindow, row: int, name: str) -> str:
    return window.table.model().index(row, column(name)).data()


def save(window: ResearchWindow, qtbot, path: Path) -> None:
    qtbot.wait(100)  # layouts settle
    image = window.grab().toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    assert len(colours) > 4, f"{path.name} looks blank"
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))


def test_the_participants_table_of_a_merged_database(qtbot, research, study, artifacts_dir):
    window = research(study.database)
    loaded(qtbot, window, 3)
    rows = {cell(window, r, "code"): r for r in range(3)}
    assert set(rows) == {"P001", KOREAN_CODE, "P003"}
    with open_study_data(study.database) as data:
        summaries = {p.code: p for p in data.participants()}
    for code, r in rows.items():
        s = summaries[code]
        assert cell(window, r, "sessions") == str(study.own(code, "SELECT count(*) FROM conversation")) == str(s.sessions)
        assert cell(window, r, "diary") == str(study.own(code, "SELECT count(*) FROM diary_entry WHERE status = 'saved'"))
        assert cell(window, r, "complete") == str(s.days_done)
        assert cell(window, r, "missed") == str(s.days_missed) and cell(window, r, "late") == str(s.days_late)
        assert cell(window, r, "partly") == str(s.days_partly)
        # exported on day days + 2 (synthetic: joined days + 1 days before): days 1 … days + 1 had ended
        assert (s.days_ended, s.days_total) == (SPEC.days + 1, 21)
        assert cell(window, r, "compliance") == f"{round(100 * s.ended_days_done / s.days_ended)}% · {s.ended_days_done}/{s.days_ended}"
        assert cell(window, r, "study_days") == "21"
        tracks = study.own(code, "SELECT count(*) FROM recommended_track")
        missing = study.own(code, "SELECT count(*) FROM recommended_track WHERE verdict = 'not_found'")
        assert tracks > 0
        assert cell(window, r, "not_found") == f"{round(100 * missing / tracks)}%"
    assert "study.sqlite" in window.windowTitle()

    # sortable: numbers as numbers, both ways
    window.table.sortByColumn(column("not_found"), Qt.SortOrder.DescendingOrder)
    shares = [window.table.row_at(r).hallucination_rate for r in range(3)]
    assert shares == sorted(shares, reverse=True)
    window.table.sortByColumn(column("sessions"), Qt.SortOrder.AscendingOrder)
    sessions = [window.table.row_at(r).summary.sessions for r in range(3)]
    assert sessions == sorted(sessions)

    # keyboard: the first row is current; Down moves to the next participant and shows them
    window.table.setFocus()
    first = window.table.current_participant().summary.code
    detail_shown(qtbot, window, first)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    second = window.table.row_at(1).summary.code
    assert second != first
    detail_shown(qtbot, window, second)
    save(window, qtbot, artifacts_dir / "screens" / "en-research-1-participants.png")


def test_compliance_is_over_the_days_ended_at_the_export(qtbot, research, tmp_path, artifacts_dir):
    """7 days done and day 8 missed, exported on day 9: 7 of 8 ended days (88 %), of 21."""
    db = MergedStudy(tmp_path / "study.sqlite")
    db.participant("P01", ["done"] * 7 + ["missed", "today"] + ["upcoming"] * 12, exported_at=seoul(9, 12))
    db.participant("P02", ["today"] + ["upcoming"] * 20, exported_at=seoul(1, 15))
    db.close()
    window = research(tmp_path / "study.sqlite")
    window.resize(1024, 700)
    loaded(qtbot, window, 2)
    rows = {cell(window, r, "code"): r for r in range(2)}
    assert cell(window, rows["P01"], "compliance") == "88% · 7/8"
    assert cell(window, rows["P01"], "study_days") == "21"
    tip = window.table.model().index(rows["P01"], column("compliance")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "7 of the 8 days ended at the export complete; the study has 21 days"
    assert cell(window, rows["P02"], "compliance") == "—"  # no day had ended yet
    assert window.table.select_code("P01")
    detail_shown(qtbot, window, "P01")
    assert "compliance 88%: 7 of 8 ended days complete (the study has 21 days)" in window.view.summary.text()
    window.table.sortByColumn(column("compliance"), Qt.SortOrder.DescendingOrder)
    assert [window.table.row_at(r).summary.code for r in range(2)] == ["P01", "P02"]
    save(window, qtbot, artifacts_dir / "screens" / "en-research-7-compliance.png")


def test_one_participants_view(qtbot, research, study, artifacts_dir):
    window = research(study.database)
    loaded(qtbot, window, 3)
    assert window.table.select_code("P001")
    detail_shown(qtbot, window, "P001")
    view = window.view
    detail = view.detail

    # the timeline: every protocol day, coloured AND labelled by its state
    assert len(view.timeline.cells) == 21
    states = {c.row.state for c in view.timeline.cells}
    assert {"done", "upcoming"} <= states
    words = {"done": "Done", "late": "Done, diary late", "partly": "Partly done", "missed": "Missed",
             "today": "In progress at export", "upcoming": "Not reached at export"}
    for c in view.timeline.cells:
        assert f"Day {c.row.number}" in c.label.text() and words[c.row.state] in c.label.text()
        assert c.property("state") == c.row.state
    done = next(c for c in view.timeline.cells if c.row.state == "done")
    upcoming = next(c for c in view.timeline.cells if c.row.state == "upcoming")
    assert done.grab().toImage().pixelColor(4, done.height() // 2) != upcoming.grab().toImage().pixelColor(4, upcoming.height() // 2)
    assert [c.row.number for c in view.timeline.cells] == list(range(1, 22))
    save(window, qtbot, artifacts_dir / "screens" / "en-research-2-timeline.png")

    # conversations with their cards: title, artist, verdict in words, rating
    text = view.conversations.toPlainText()
    with sqlite3.connect(study.stores["P001"]) as conn:
        tracks = conn.execute(
            "SELECT t.title, t.artist, t.verdict, f.rating FROM recommended_track t JOIN feedback f ON f.track_id = t.id"
        ).fetchall()
    assert tracks
    for title, artist, _verdict, rating in tracks:
        assert title in text and artist in text
    assert "of 5" in text and "비 오는 날 듣기 좋은 노래 추천해 줘" in text
    if any(v == "not_found" for _, _, v, _ in tracks):
        assert "✗ not found in Spotify" in text
    assert "✓ verified in Spotify" in text  # the words of the chat's track cards (diaryrec.ui.words)
    first_day = detail.conversations[0].study_day
    done.click()  # a day button shows that day's record
    assert view.tabs.currentWidget() in (view.conversations, view.diary)
    view.show_day(first_day)
    assert view.tabs.currentWidget() is view.conversations
    qtbot.wait(50)
    assert view.conversations.horizontalScrollBar().maximum() == 0  # the cards fit the width
    save(window, qtbot, artifacts_dir / "screens" / "en-research-3-conversations.png")

    # diary entries with their screenshots, decoded in a worker and scaled
    view.tabs.setCurrentWidget(view.diary)
    diary_text = view.diary.toPlainText()
    answers = [text for e in detail.diaries for text in e.answers.values() if text]  # every week's own questions
    assert answers and all(a in diary_text for a in answers)
    assert "Loading image" not in diary_text and "could not be read" not in diary_text
    shots = [p for e in detail.diaries for p in e.screenshots]
    assert shots and all(p is not None for p in shots)
    for path in shots:
        image = view.diary.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(view.slots.name(path)))
        assert image is not None and not image.isNull() and image.width() <= 420
    save(window, qtbot, artifacts_dir / "screens" / "en-research-4-diary.png")

    # sheet versions with their compiled prompts, and the week 2 → week 3 changes
    view.tabs.setCurrentWidget(view.sheets)
    sheets_text = view.sheets.toPlainText()
    for sheet in detail.sheets:
        assert sheet.compiled_prompt.strip() in sheets_text  # a real prompt ends with a newline
    assert "Planning sheet, week 2 → week 3" in sheets_text
    assert "사진 DJ" in sheets_text and "사진 DJ 2" in sheets_text and "changed" in sheets_text
    save(window, qtbot, artifacts_dir / "screens" / "en-research-5-sheets.png")


def test_a_folder_of_bundles_with_a_refused_one(qtbot, research, study, tmp_path, artifacts_dir):
    folder = tmp_path / "bundles"
    folder.mkdir()
    for bundle in study.bundles.glob("*.zip"):
        (folder / bundle.name).write_bytes(bundle.read_bytes())
    import zipfile

    with zipfile.ZipFile(study.bundles / "bundle-1.zip") as src, zipfile.ZipFile(folder / "tampered.zip", "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info.filename, data + b"x" if info.filename == "tables/message.csv" else data)

    window = research(folder)
    loaded(qtbot, window, 3)
    assert window.notice.isVisible()
    assert "tampered.zip" in window.notice.text() and "changed file tables/message.csv" in window.notice.text()
    assert "Traceback" not in window.notice.text()
    assert {window.table.row_at(r).summary.code for r in range(3)} == {"P001", KOREAN_CODE, "P003"}
    window.table.select_code(KOREAN_CODE)
    detail_shown(qtbot, window, KOREAN_CODE)
    assert window.view.heading.text() == KOREAN_CODE
    assert window.view.slots.decoded  # screenshots came out of the bundles
    window.view.tabs.setCurrentWidget(window.view.diary)
    save(window, qtbot, artifacts_dir / "screens" / "en-research-6-folder-refused.png")
    temp = window.study.data._temp
    assert temp is not None and temp.is_dir()

    window.close()  # closing frees the temporary merge
    qtbot.waitUntil(lambda: not temp.exists(), timeout=10_000)
    assert window.table.model().rowCount() == 0


KINDS = ["not_a_database", "participant_database", "other_database", "newer_database", "missing", "single_bundle", "empty_folder"]


@pytest.mark.parametrize("kind", KINDS)
def test_errors_are_said_in_plain_words(qtbot, research, study, tmp_path, artifacts_dir, kind):
    if kind == "not_a_database":
        source = tmp_path / "notes.sqlite"
        source.write_text("these are my interview notes, not a database\n" * 50, encoding="utf-8")
    elif kind == "participant_database":
        source = tmp_path / "diaryrec.sqlite"
        source.write_bytes(study.stores["P001"].read_bytes())
    elif kind == "other_database":
        source = tmp_path / "other.db"
        with sqlite3.connect(source) as conn:
            conn.execute("CREATE TABLE songs (title TEXT)")
        conn.close()
    elif kind == "newer_database":
        source = tmp_path / "newer.sqlite"
        source.write_bytes(study.database.read_bytes())
        with sqlite3.connect(source) as conn:
            conn.execute("UPDATE diaryrec_merged SET schema_version = 99")
        conn.close()
    elif kind == "missing":
        source = tmp_path / "nowhere.sqlite"
    elif kind == "single_bundle":
        source = study.bundles / "bundle-1.zip"
    else:
        source = tmp_path / "empty"
        source.mkdir()
    window = research(source)
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    assert window.error.isVisible()
    text = window.error.text()
    assert source.name in text
    assert not any(noise in text for noise in ("Traceback", 'File "', "[SQL:", "sqlalche.me", "Error:"))
    expected = {
        "not_a_database": "is not a database file",
        "participant_database": "is a participant's own diaryrec database",
        "other_database": "is a database, but not a merged diaryrec study",
        "newer_database": "written by a newer diaryrec",
        "missing": "There is no merged study database",
        "single_bundle": "is a single export bundle",
        "empty_folder": "holds no export bundles",
    }[kind]
    assert expected in text
    assert window.table.model().rowCount() == 0 and window.database_button.isEnabled()
    if kind == "not_a_database":
        save(window, qtbot, artifacts_dir / "screens" / "en-research-0-error.png")
    # the window stays usable: the good study opens after the error
    window.open_source(study.database)
    assert window.busy_row.isVisible() and "study.sqlite" in window.busy_label.text()  # busy until the worker answers
    assert not window.database_button.isEnabled() and not window.open_folder_action.isEnabled()
    loaded(qtbot, window, 3)
    assert not window.error.isVisible() and not window.busy_row.isVisible() and window.database_button.isEnabled()


def test_one_window_per_main_window(qtbot, research, study, open_window):
    main, _context = open_window()
    window = research(study.database, parent=main)
    loaded(qtbot, window, 3)
    assert window.parent() is main and window.isWindow()
    again = open_research_window(main, main.tasks)
    assert again is window and window.table.model().rowCount() == 3


def test_tall_images_are_scaled_and_clipped_in_the_worker(tmp_path):
    tall = tmp_path / "tall.png"
    Image.new("RGB", (840, 6000), (200, 220, 240)).save(tall)
    small = tmp_path / "small.png"
    Image.new("RGB", (100, 80), (10, 20, 30)).save(small)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    images = decode_images([tall, small, broken])
    assert set(images) == {str(tall), str(small)}
    assert (images[str(tall)].image.width(), images[str(tall)].image.height(), images[str(tall)].clipped) == (420, 1200, True)
    assert (images[str(small)].image.width(), images[str(small)].image.height(), images[str(small)].clipped) == (100, 80, False)


# -- Korean ------------------------------------------------------------------------------

def _catalogue() -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(translations_dir() / "diaryrec_ko.ts").getroot()
    return {(c.findtext("name"), m.findtext("source")): m.find("translation") for c in root.iter("context") for m in c.iter("message")}


# The window's Korean strings are delivered as /work/briefs/h_ko.json and merged into
# diaryrec_ko.ts by the lead; until then these two tests are expected to fail (and must).
MERGED = any(name == "ResearchWindow" for name, _ in _catalogue())
pending_merge = pytest.mark.xfail(not MERGED, reason="the research window's strings are not merged into diaryrec_ko.ts yet", strict=True)


@pending_merge
def test_every_research_string_is_translated(tmp_path):
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in Path(diaryrec.ui.research.__file__).parent.glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(tool), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    root = ET.parse(fresh).getroot()
    wanted = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    assert len(wanted) > 100
    shipped = _catalogue()
    missing = sorted(wanted - set(shipped))
    assert missing == [], "merge the research window's strings into diaryrec_ko.ts"
    untranslated = sorted(k for k in wanted if shipped[k].get("type") == "unfinished" or not (shipped[k].text or "").strip())
    assert untranslated == []


@pending_merge
def test_korean_window(qtbot, research, study, artifacts_dir, default_study):
    install_language("ko")
    window = research(study.database)
    loaded(qtbot, window, 3)
    assert window.windowTitle().endswith("연구 데이터 — diaryrec")
    headers = [window.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(window.table.model().columnCount())]
    assert headers[0] == "참가자" and all(h and not h.isascii() for h in headers)
    assert window.table.select_code(KOREAN_CODE)
    detail_shown(qtbot, window, KOREAN_CODE)
    view = window.view
    assert view.heading.text() == KOREAN_CODE
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["타임라인", "대화", "일기", "시트"]
    assert view.timeline.cells[0].label.text().startswith("<b>1일차</b>")
    assert view.timeline.week_labels[0].text().splitlines() == ["1주차", "탐색"]  # the study file's own week name
    diary_text = view.diary.toPlainText()
    # the participant's question texts come from their study file, in the interface language
    week1 = {q.id: q.text.get("ko") for q in default_study.study.weeks[0].diary_questions}
    assert week1["pros_cons"] in diary_text and "pros_cons" not in diary_text
    assert "스크린샷" in diary_text and view.slots.decoded
    save(window, qtbot, artifacts_dir / "screens" / "ko-research-1-participants.png")
    view.tabs.setCurrentWidget(view.conversations)
    save(window, qtbot, artifacts_dir / "screens" / "ko-research-2-conversations.png")
    view.tabs.setCurrentWidget(view.diary)
    save(window, qtbot, artifacts_dir / "screens" / "ko-research-3-diary.png")


def menu_action(window: ResearchWindow, text: str):
    return next(a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == text)


def test_the_file_menu_writes_the_report_and_the_qda_project_of_what_is_open(qtbot, research, study, tmp_path,
                                                                              monkeypatch, artifacts_dir):
    """What ``research report`` and ``research export-qda`` write, from the window's File menu."""
    import zipfile

    from PySide6.QtWidgets import QFileDialog

    window = research()
    report, qda = menu_action(window, "Write study &report…"), menu_action(window, "Export for &qualitative coding (REFI-QDA)…")
    assert not report.isEnabled() and not qda.isEnabled()  # nothing open yet
    window.open_source(study.bundles)
    loaded(qtbot, window, 3)
    assert report.isEnabled() and qda.isEnabled()
    out = tmp_path / "보고서" / "report.html"
    out.parent.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (asked.append(a[2]) or str(out), "")))
    report.trigger()
    qtbot.waitUntil(lambda: not window.writing, timeout=20_000)
    assert asked[0].endswith("report.html")
    html = out.read_text(encoding="utf-8")
    assert KOREAN_CODE in html and "P003" in html
    assert window.statusBar().currentMessage() == f"Wrote the report report.html ({out.parent})."

    project = tmp_path / "study.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(project), "")))
    qda.trigger()
    assert window.writing and not qda.isEnabled()  # one write at a time
    qtbot.waitUntil(lambda: not window.writing, timeout=30_000)
    with zipfile.ZipFile(project) as archive:
        assert "project.qde" in archive.namelist()
        assert KOREAN_CODE in archive.read("project.qde").decode("utf-8")
    assert window.statusBar().currentMessage().startswith("Wrote study.qdpx: 3 participant(s), ")
    assert not window.error.isVisible()
    save(window, qtbot, artifacts_dir / "screens" / "en-research-8-written.png")

    # a place that cannot be written is said in words, and the window goes on
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path), "")))
    report.trigger()
    qtbot.waitUntil(lambda: not window.writing, timeout=20_000)
    assert window.error.isVisible() and "could not be written" in window.error.text()
    assert "Traceback" not in window.error.text() and report.isEnabled()


def test_the_main_windows_file_menu_opens_the_research_window(qtbot, data_dir):
    from diaryrec.runtime.context import AppContext
    from diaryrec.ui.main_window import MainWindow
    from diaryrec.ui.research.window import ResearchWindow

    context = AppContext.open(data_dir)
    window = MainWindow(context)
    qtbot.addWidget(window)
    actions = {a.text(): a for m in window.menuBar().actions() for a in m.menu().actions()}
    actions["Open study &data…"].trigger()
    opened = [w for w in window.findChildren(ResearchWindow)]
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].close()
    window.close()
    context.close()
