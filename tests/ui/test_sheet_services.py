"""The Qt-free services under the sheet screens (kept beside their screens' tests):
the ice-breaking sheet's answers, ideas and resume point, and what changed between
two sheet versions."""

from diaryrec.services import ice_breaking, sheet_flow
from diaryrec.store.models import Conversation


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
    changes = sheet_flow.sheet_changes(old, new)
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("presentation.track_count", 4, 6),
        ("presentation.purposes", ["will_like"], ["will_like", "might_dislike"]),
    ]
    assert sheet_flow.sheet_changes(old, old) == []
    diff = sheet_flow.prompt_diff("a\n한 번에 4곡\nc", "a\n한 번에 6곡\nc")
    assert "-한 번에 4곡" in diff and "+한 번에 6곡" in diff
