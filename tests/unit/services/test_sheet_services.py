"""The Qt-free services under the sheet screens: the ice-breaking sheet's answers,
ideas and resume point, saving sheet versions with only a store, and what changed
between two sheet versions (one rule for the revision screen and the report)."""

from sqlmodel import select

from diaryrec.research.report import flatten_content
from diaryrec.services import ice_breaking, sheet_versions
from diaryrec.sheets import parse_sheet
from diaryrec.sheets.changes import compare_sheets, prompt_diff, sheet_changes
from diaryrec.store.models import Conversation, Event

from tests.unit.sheets.sheet_samples import sheet_data


def test_answers_ideas_and_where_a_resumed_sheet_opens(store):
    ids = ["a", "b", "c"]
    state = ice_breaking.load_sheet(store)
    assert state.next_task(ids) == "a" and state.done_count(ids) == 0
    with store.session() as session:  # chatted about "b" but not judged yet
        session.add(Conversation(study_day=1, purpose="ice_breaking", task_id="b"))
        session.commit()
    ice_breaking.save_answer(store, "a", " 빠르다 ", "단조롭다", done=True)
    state = ice_breaking.load_sheet(store)
    assert state.task("a") == ice_breaking.TaskState("a", "빠르다", "단조롭다", None, True)
    assert state.next_task(ids) == "b" and state.task("b").conversation_id is not None and not state.task("b").done
    ice_breaking.save_answer(store, "a", "빠르다", "단조롭다", done=False)
    assert not ice_breaking.load_sheet(store).task("a").done
    assert ice_breaking.save_ideas(store, 1, ["날씨", " 날씨 ", "", "기분"]) == ["날씨", "기분"]
    ice_breaking.save_ideas(store, 1, ["기분"])
    ice_breaking.save_ideas(store, 3, ["이모지로 답하기"])
    assert ice_breaking.ideas_by_stage(store) == {1: ["기분"], 3: ["이모지로 답하기"]}


def test_changes_between_two_versions_field_by_field_and_in_the_prompt():
    old = {"name": "DJ", "presentation": {"track_count": 4, "purposes": ["will_like"]}, "language": "ko"}
    new = {"name": "DJ", "presentation": {"track_count": 6, "purposes": ["will_like", "might_dislike"]}, "language": "ko"}
    changes = sheet_changes(old, new)
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("presentation.track_count", 4, 6),
        ("presentation.purposes", ["will_like"], ["will_like", "might_dislike"]),
    ]
    assert sheet_changes(old, old) == []
    diff = prompt_diff("a\n한 번에 4곡\nc", "a\n한 번에 6곡\nc")
    assert "-한 번에 4곡" in diff and "+한 번에 6곡" in diff


def test_every_field_in_the_newer_sheets_order_and_the_report_flattens_the_same_way():
    old = {"name": "DJ", "gone": None, "presentation": {"purposes": ["will_like"]}}
    new = {"presentation": {"purposes": ["will_like", "might_dislike"]}, "name": "DJ"}
    assert [(c.field, c.changed) for c in compare_sheets(old, new)] == [
        ("presentation.purposes", True), ("name", False), ("gone", False)]
    assert flatten_content(new) == {"presentation.purposes": "will_like; might_dislike", "name": "DJ"}


def test_a_sheet_version_is_saved_with_only_the_store(store):
    sheet = parse_sheet(sheet_data())
    first = sheet_versions.save_sheet_version(store, sheet, sheet_key="recommender-1", kind="planning", study_day=8)
    second = sheet_versions.save_sheet_version(store, sheet, sheet_key="recommender-1", kind="planning", study_day=9,
                                               based_on_id=first.id)
    assert (first.version, second.version) == (1, 2) and first.compiled_prompt == second.compiled_prompt != ""
    saved = sheet_versions.versions(store)
    assert [(v.version, v.based_on_id) for v in saved] == [(1, None), (2, first.id)]
    assert sheet_versions.latest_version(store, sheet_key="recommender-1").id == second.id
    assert sheet_versions.next_recommender_key(saved) == "recommender-2"
    with store.session() as session:
        assert len(session.exec(select(Event).where(Event.kind == "sheet_saved")).all()) == 2
