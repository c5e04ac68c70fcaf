"""The study report from a merged database written row by row (tests/unit/research/
merged_study.py): compliance over the days ended at the export, scenario headings and
sheet fields in words, each participant's not-found tracks, weekly rating means,
diary word counts (Korean) and ice-breaking sheet, the option and field-change tables
across participants, labelled chart axes, the CSVs with their codebook, and the files'
mode."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from merged_study import MergedStudy, seoul

from diaryrec.research.participant_tables import word_count
from diaryrec.research.read import open_study_data
from diaryrec.research.report import aggregate, render_report, write_csv, write_report
from diaryrec.research.sheet_words import option_words, value_words
from diaryrec.research.tables import REPORT_TABLES
from diaryrec.sheets import FeedbackSetup, PlanningSheet, PreferenceInput, Presentation, sheet_to_dict
from diaryrec.sheets.composer import compose_day
from diaryrec.sheets.prompt_words import LABELS
from diaryrec.sheets.vocabulary import DataType, ExplanationStyle, FeedbackMode, Purpose
from diaryrec.vocabulary import Language

NS = "{http://www.w3.org/2000/svg}"
SEVEN_DONE_THEN_MISSED = ["done"] * 7 + ["missed", "today"] + ["upcoming"] * 12


def planning(name: str, data_types: list[DataType], modes: list[FeedbackMode], *, own_data: list[str] = (),
             purposes: list[Purpose] = (Purpose.WILL_LIKE,), count: int = 5) -> dict:
    return sheet_to_dict(PlanningSheet(
        name=name, objective=f"{name}: 말로 설명하기 어려운 음악을 사진으로 찾기",
        preference_input=PreferenceInput(data_types=data_types, own_data_types=list(own_data)),
        presentation=Presentation(purposes=list(purposes), explanation_styles=[ExplanationStyle.KEYWORDS], track_count=count),
        feedback=FeedbackSetup(modes=modes), language="ko"))


def day_sheet(day: int, data_types: list[str], modes: list[str], own_data: list[str] = ()) -> dict:
    return sheet_to_dict(compose_day(day, "ko", data_types=data_types, own_data_types=own_data,
                                     purposes=[Purpose.MIGHT_DISLIKE], explanation_styles=[ExplanationStyle.DETAILED],
                                     feedback_modes=modes))


@pytest.fixture
def study(tmp_path):
    """P01: 7 days done, day 8 missed, exported at noon on day 9; a week-1 composer,
    "Photo DJ" in week 2 revised as "Photo DJ at dawn" in week 3; tracks, ratings, a
    Korean diary and the ice-breaking sheet. P02: a new scenario in week 3."""
    db = MergedStudy(tmp_path / "study.sqlite")
    p1 = db.participant("P01", SEVEN_DONE_THEN_MISSED, exported_at=seoul(9, 12))
    db.sheet(p1, "day-2", "daily", 1, 2, day_sheet(2, [DataType.MOOD_IMAGE], [FeedbackMode.RATING]))
    db.sheet(p1, "day-3", "daily", 1, 3, day_sheet(3, [DataType.FIVE_FAVOURITE_SONGS], [FeedbackMode.RATING]))
    db.sheet(p1, "day-3", "daily", 2, 3, day_sheet(3, [DataType.MOOD_IMAGE, DataType.SITUATION_EMOTION],
                                                    [FeedbackMode.TOURNAMENT], own_data=["오늘의 날씨"]))
    first = db.sheet(p1, "recommender-1", "planning", 1, 8,
                     planning("Photo DJ", [DataType.MOOD_IMAGE, DataType.SITUATION_EMOTION], [FeedbackMode.RATING]))
    db.sheet(p1, "recommender-1", "planning", 2, 15,
             planning("Photo DJ at dawn", [DataType.MOOD_IMAGE], [FeedbackMode.RATING, FeedbackMode.FREE_TEXT], count=3),
             based_on=first)
    conv1, reply = db.conversation(p1, 2)
    conv2, reply2 = db.conversation(p1, 8, "own_recommender")
    found = db.insert("recommended_track", p1, message_id=reply, position=0, title="밤편지", artist="아이유", verdict="verified")
    db.insert("recommended_track", p1, message_id=reply, position=1, title="Invisible Song", artist="Nobody Band",
              album="Ghost", verdict="not_found", verdict_reason="no such track in the catalog", score=41.5)
    db.insert("recommended_track", p1, message_id=reply2, position=0, title="Spring Day", artist="아이유",
              verdict="not_found", verdict_reason="not by this artist; the title exists by BTS",
              suggestion={"name": "Spring Day", "artists": ["BTS"]}, score=70.0)
    for rating, conv, message in ((2, conv1, reply), (5, conv1, reply), (4, conv2, reply2)):
        db.insert("feedback", p1, conversation_id=conv, message_id=message, track_id=found, kind="rating", rating=rating,
                  created_at=seoul(2, 22))
    db.insert("diary_entry", p1, study_day=2, status="saved", revision=1, late=False, saved_at=seoul(2, 23),
              answers={"screenshot": "day-02.png", "pros_cons": "오늘은 비 오는 날에 어울리는 음악을 추천받았다."})
    db.insert("diary_entry", p1, study_day=9, status="draft", revision=0, late=False,
              answers={"strengths_weaknesses": "설명이 짧아서 좋았다", "suggestions": ""})
    db.insert("ice_breaking_answer", p1, task_id="s1-demographics", pros="편하다 (+)", cons="설명이 길다 (−)")
    db.insert("ideation_item", p1, stage=2, position=0, text="날씨에 맞춘 추천")
    db.insert("ideation_item", p1, stage=1, position=0, text="사진 한 장")

    p2 = db.participant("P02", ["done"] * 21, exported_at=seoul(23, 12))
    db.sheet(p2, "recommender-1", "planning", 1, 9, planning("Festival mix", [DataType.EVENT_INFO], [FeedbackMode.RATING]))
    db.sheet(p2, "recommender-2", "planning", 1, 16, planning("Character radio", [DataType.CHARACTER_PROFILE, DataType.MOOD_IMAGE],
                                                               [FeedbackMode.TOURNAMENT]))
    db.close()
    return tmp_path / "study.sqlite"


def test_compliance_is_over_the_days_ended_at_the_export(study):
    with open_study_data(study) as data:
        people = {p.code: p for p in data.participants()}
    p1 = people["P01"]
    # exported on day 9: days 1–8 have ended, 7 of them done; the study has 21 days
    assert (p1.days_ended, p1.ended_days_done, p1.days_total) == (8, 7, 21)
    assert p1.compliance == 7 / 8
    assert people["P02"].compliance == 1.0 and people["P02"].days_ended == 21  # exported after the study
    html = unescape(render_report(open_study_data(study)))
    assert re.search(r"<td class=\"num\">88 %</td>\s*<td class=\"num\">7 of 8</td><td class=\"num\">21</td>", html)
    assert "compliance 88 % (7 of 8 ended days; the study has 21)" in html
    assert "33 %" not in html  # 7 of 21, the old figure


def test_the_day_of_the_export_ends_at_the_study_s_day_start_in_the_participant_s_zone(tmp_path):
    db = MergedStudy(tmp_path / "s.sqlite")
    # 03:30 in Seoul on the 9th calendar day is still study day 8 (days start at 04:00)
    db.participant("P01", ["done"] * 7 + ["today"] + ["upcoming"] * 13, exported_at=seoul(9, 3, 30))
    # a day done on the day of the export is done, but not over: it does not count yet
    db.participant("P02", ["done"] * 9 + ["upcoming"] * 12, exported_at=seoul(9, 4, 30))
    db.close()
    with open_study_data(tmp_path / "s.sqlite") as data:
        people = {p.code: p for p in data.participants()}
    assert (people["P01"].days_ended, people["P01"].compliance) == (7, 1.0)
    assert (people["P02"].days_ended, people["P02"].ended_days_done, people["P02"].days_done) == (8, 8, 9)


def test_no_ended_day_has_no_compliance(tmp_path):
    db = MergedStudy(tmp_path / "s.sqlite")
    db.participant("P01", ["today"] + ["upcoming"] * 20, exported_at=seoul(1, 15))
    db.close()
    with open_study_data(tmp_path / "s.sqlite") as data:
        (p,) = data.participants()
        assert p.days_ended == 0 and p.compliance is None
        html = render_report(data)
    assert "— (no day had ended)" in html


def test_sheets_are_headed_by_scenario_and_read_in_words(study):
    with open_study_data(study) as data:
        html = unescape(render_report(data))
        agg = aggregate(data)
    assert "P01: Photo DJ → Photo DJ at dawn</h3>" in html
    assert "P02: Festival mix → Character radio (a new scenario)</h3>" in html
    assert "recommender-1 →" not in html
    (revision,) = [c for c in agg.sheets if c.participant_code == "P01"]
    words = {name: (before, after, changed) for name, before, after, changed in revision.worded}
    mood, situation = LABELS[DataType.MOOD_IMAGE][Language.EN], LABELS[DataType.SITUATION_EMOTION][Language.EN]
    assert words["information given"] == (f"{mood}; {situation}", mood, True)
    assert words["number of tracks"] == ("5", "3", True)
    assert words["reply language"] == ("Korean", "Korean", False)
    assert f"<td class=\"answer\">{mood}; {situation}</td>" in html
    assert "mood_image" not in re.sub(r"<details>.*?</details>", "", html, flags=re.S)


def test_option_words_come_from_the_sheet_vocabulary_in_english_and_korean():
    assert option_words(DataType.MOOD_IMAGE, Language.KO) == "분위기를 전하는 사진이나 이미지"
    assert value_words("feedback.modes", [FeedbackMode.RATING, FeedbackMode.TOURNAMENT], Language.KO) == "곡마다 1~5점 평가; 추천곡끼리의 토너먼트"
    assert value_words("presentation.notes", "그대로") == "그대로"


def test_each_participant_s_not_found_tracks_rating_means_diary_and_ice_breaking(study):
    with open_study_data(study) as data:
        agg = aggregate(data)
        html = unescape(render_report(data))
    p1 = next(m for m in agg.material if m.summary.code == "P01")
    assert [(t.study_day, t.title, t.artist, t.catalog_said) for t in p1.missing] == [
        (2, "Invisible Song", "Nobody Band", "no such track in the catalog"),
        (8, "Spring Day", "아이유", "not by this artist; the title exists by BTS (catalog: Spring Day — BTS)"),
    ]
    assert "<td>Invisible Song</td><td>Nobody Band</td><td>Ghost</td><td>no such track in the catalog</td>" in html
    assert [(r.week, r.ratings, r.mean) for r in p1.ratings] == [(1, 2, 3.5), (2, 1, 4.0), (3, 0, None)]
    assert re.search(r"<td>1</td><td class=\"num\">2</td><td class=\"num\">3.50</td>", html)
    # Korean words are whitespace-separated 어절; the screenshot question is a picture, not words
    day2, day9 = p1.diaries
    assert [(a.question_id, a.words) for a in day2.answers] == [("pros_cons", 7)]  # 오늘은 비 오는 날에 어울리는 음악을 추천받았다.
    assert day2.answers[0].question.startswith("What were the advantages")
    assert (day9.status, day9.words, [a.question_id for a in day9.answers]) == ("draft", 3, ["strengths_weaknesses"])
    assert p1.diary_words == 10
    assert "Day 2 (week 1) · 7 words" in html and "Day 9 (week 2) · 3 words · draft" in html
    (task,) = p1.ice_breaking.tasks
    assert (task.stage, task.pros, task.cons) == (1, "편하다 (+)", "설명이 길다 (−)")
    assert task.instruction.startswith("Give general information about yourself")
    assert p1.ice_breaking.ideas == {1: ("사진 한 장",), 2: ("날씨에 맞춘 추천",), 3: ()}
    assert "<td class=\"answer\">편하다 (+)</td><td class=\"answer\">설명이 길다 (−)</td>" in html
    assert "1 · Preference input" in html and "<li>날씨에 맞춘 추천</li>" in html


def test_word_count_counts_whitespace_separated_words():
    assert word_count("오늘은 비 오는 날에") == 4
    assert word_count("  설명이\n짧아서\t좋았다 ") == 3
    assert word_count("") == 0


def test_options_chosen_in_the_composer_and_the_planning_sheets(study):
    with open_study_data(study) as data:
        agg = aggregate(data)
        html = unescape(render_report(data))
    counts = {(o.field, o.option): (o.sheets, o.participants) for o in agg.options}

    def sheets(field, option):
        s, _ = counts[(field, str(option))]
        return s["week1_composer"], s["week2_planning"], s["week3_planning"]

    # week 1: day 2 (mood image), day 3's last version (mood image, situation, an own idea)
    # week 2: P01 Photo DJ (mood, situation), P02 Festival mix (event); week 3: Photo DJ at dawn (mood), Character radio (character, mood)
    assert sheets("preference_input.data_types", DataType.MOOD_IMAGE) == (2, 1, 2)
    assert sheets("preference_input.data_types", DataType.SITUATION_EMOTION) == (1, 1, 0)
    assert sheets("preference_input.data_types", DataType.FIVE_FAVOURITE_SONGS) == (0, 0, 0)  # day 3's first version only
    assert sheets("preference_input.data_types", "own_idea") == (1, 0, 0)
    assert sheets("preference_input.data_types", DataType.EVENT_INFO) == (0, 1, 0)
    assert sheets("feedback.modes", FeedbackMode.RATING) == (1, 2, 1)
    assert sheets("feedback.modes", FeedbackMode.FREE_TEXT) == (0, 0, 1)
    assert sheets("presentation.purposes", Purpose.MIGHT_DISLIKE) == (2, 0, 0)
    assert counts[("preference_input.data_types", DataType.MOOD_IMAGE)][1] == {"week1_composer": 1, "week2_planning": 1, "week3_planning": 2}
    mood = LABELS[DataType.MOOD_IMAGE][Language.EN]
    assert f"<tr><td>{mood}</td><td class=\"num\">2 (1)</td><td class=\"num\">1 (1)</td><td class=\"num\">2 (2)</td></tr>" in html
    assert "stage 1, preference input: information given" in html and "stage 3, feedback: feedback" in html


def test_week_2_to_3_changes_per_field(study):
    with open_study_data(study) as data:
        agg = aggregate(data)
        html = unescape(render_report(data))
    changes = {c.field: (c.changed, c.revisions) for c in agg.field_changes}
    # one revision (P01); P02's week 3 is a new scenario, counted apart
    assert changes["name"] == (1, 1) and changes["objective"] == (1, 1)
    assert changes["preference_input.data_types"] == (1, 1) and changes["feedback.modes"] == (1, 1)
    assert changes["presentation.track_count"] == (1, 1) and changes["presentation.purposes"] == (0, 1)
    assert agg.new_scenarios == 1
    assert "<tr><td>number of tracks</td><td class=\"num\">1</td><td class=\"num\">1</td></tr>" in html
    assert [(s.participant_code, s.week, s.name, s.based_on_week2) for s in agg.scenarios] == [
        ("P01", 2, "Photo DJ", False), ("P01", 3, "Photo DJ at dawn", True),
        ("P02", 2, "Festival mix", False), ("P02", 3, "Character radio", False)]


def test_every_chart_names_both_axes(study):
    with open_study_data(study) as data:
        html = render_report(data)
    charts = re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL)
    assert len(charts) == 5
    for chart in charts:
        root = ET.fromstring(chart)
        labels = [t.text for t in root.iter(f"{NS}text") if t.get("class") == "axis-label"]
        assert len(labels) == 2 and all(labels), labels
    heatmap = ET.fromstring(charts[0])
    assert {t.text for t in heatmap.iter(f"{NS}text") if t.get("class") == "axis-label"} == {"study day", "participant"}


def _rows(folder, name):
    return list(csv.DictReader(io.StringIO((folder / f"{name}.csv").read_text(encoding="utf-8-sig"))))


def test_the_csvs_and_their_codebook(study, tmp_path):
    out = tmp_path / "tables"
    with open_study_data(study) as data:
        written = write_csv(data, out)
    assert {p.name for p in written} == {f"{spec.name}.csv" for spec in REPORT_TABLES} | {"README.md"}
    p1 = next(r for r in _rows(out, "participants") if r["participant_code"] == "P01")
    assert (p1["compliance"], p1["days_ended"], p1["ended_days_done"], p1["days_total"]) == ("0.875", "8", "7", "21")
    assert (p1["diary_words"], p1["tracks_not_found"]) == ("10", "2")
    ended = {int(r["day"]): r["ended"] for r in _rows(out, "compliance") if r["participant_code"] == "P01"}
    assert ended[8] == "true" and ended[9] == "false"
    missing = _rows(out, "not_found_tracks")
    assert [(r["title"], r["catalog_said"]) for r in missing][0] == ("Invisible Song", "no such track in the catalog")
    assert {(r["question_id"], r["words"]) for r in _rows(out, "diary_answers")} == {("pros_cons", "7"), ("strengths_weaknesses", "3")}
    means = {(r["participant_code"], r["week"]): r["mean_rating"] for r in _rows(out, "ratings_by_participant_week")}
    assert means[("P01", "1")] == "3.5" and means[("P01", "3")] == ""
    changes = [r for r in _rows(out, "sheet_changes") if r["participant_code"] == "P01" and r["field"] == "preference_input.data_types"]
    assert changes[0]["week2"] == "mood_image; situation_emotion" and changes[0]["week3_scenario"] == "Photo DJ at dawn"
    assert changes[0]["week3_words"] == LABELS[DataType.MOOD_IMAGE][Language.EN]
    option = next(r for r in _rows(out, "option_choices") if r["option"] == DataType.MOOD_IMAGE)
    assert (option["week1_composer_sheets"], option["week3_planning_participants"]) == ("2", "2")
    codebook = (out / "README.md").read_text(encoding="utf-8")
    for spec in REPORT_TABLES:
        header = next(csv.reader(io.StringIO((out / f"{spec.name}.csv").read_text(encoding="utf-8-sig"))))
        assert header == list(spec.columns)
        assert f"### `{spec.name}.csv`" in codebook
        for column in spec.columns:
            assert f"| `{column}` |" in codebook, (spec.name, column)
            assert spec.columns[column], (spec.name, column)  # described, not just listed
    assert "7 of 8 (0.875)" in codebook and "어절" in codebook


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize(("folder_mode", "file_mode"), [(0o755, 0o644), (0o750, 0o640), (0o700, 0o600)])
def test_report_files_are_readable_by_whoever_may_open_their_folder(study, tmp_path, folder_mode, file_mode):
    out = tmp_path / "out"
    (out / "tables").mkdir(parents=True)
    for folder in (out, out / "tables"):
        folder.chmod(folder_mode)
    with open_study_data(study) as data:
        write_report(data, out / "report.html")
        written = write_csv(data, out / "tables")
    for path in [out / "report.html", *written]:
        assert stat.S_IMODE(path.stat().st_mode) == file_mode, path.name


def test_export_times_are_the_participant_s_own_clock(study):
    with open_study_data(study) as data:
        html = render_report(data)
    assert "exported 2025-04-09 12:00 UTC+09:00 ·" in html  # noon in Seoul on day 9
