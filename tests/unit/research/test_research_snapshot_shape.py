from diaryrec.research.snapshot import flatten, nest


def tables():
    return {
        "enrolment": [{"id": 1, "participant_code": "P1"}],
        "ice_breaking_answer": [{"id": 1, "task_id": "t"}],
        "ideation_item": [],
        "sheet_version": [{"id": 1, "sheet_key": "recommender-1"}],
        "conversation": [{"id": 1, "study_day": 1}, {"id": 2, "study_day": 2}],
        "message": [{"id": 1, "conversation_id": 1}, {"id": 2, "conversation_id": 1}, {"id": 3, "conversation_id": 2}],
        "message_image": [{"id": 1, "message_id": 2, "file_name": "a.png"}],
        "recommended_track": [{"id": 1, "message_id": 2, "title": "밤편지"}, {"id": 2, "message_id": 3, "title": "Ditto"}],
        "feedback": [{"id": 1, "conversation_id": 2, "rating": 4}],
        "diary_entry": [{"id": 1, "study_day": 1}],
        "diary_screenshot": [{"id": 1, "entry_id": 1, "file_name": "s.png"}],
        "interview": [],
        "event": [{"id": 1, "kind": "app_started"}],
    }


def test_nest_puts_children_in_their_parents_and_flatten_undoes_it():
    original = tables()
    body = nest(original)
    first, second = body["conversations"]
    assert [m["id"] for m in first["messages"]] == [1, 2]
    assert first["messages"][1]["tracks"][0]["title"] == "밤편지"
    assert first["messages"][1]["images"][0]["file_name"] == "a.png"
    assert second["feedback"][0]["rating"] == 4 and first["feedback"] == []
    assert body["diary_entries"][0]["screenshots"][0]["file_name"] == "s.png"
    assert body["enrolment"]["participant_code"] == "P1"
    assert original == tables()  # nest copies
    back = flatten(body)
    assert {k: sorted(v, key=lambda r: r["id"]) for k, v in back.items()} == original
