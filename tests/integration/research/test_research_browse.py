"""The researcher window's reads (diaryrec.research.browse), without Qt: the
participants table's hallucination rate is the report's not_found share."""

from __future__ import annotations

import sqlite3

import pytest
from research_helpers import export, participant

from diaryrec.research.browse import NotStudyDatabaseError, StudyHolder, check_local_database, load_study
from diaryrec.research.report import aggregate, share


def test_share_is_none_without_a_total():
    assert share(0, 0) is None
    assert share(1, 4) == 0.25


def test_the_window_rate_and_the_report_share_are_one_number(tmp_path):
    folder = tmp_path / "bundles"
    folder.mkdir()
    for i in range(2):
        export(participant(tmp_path, i), folder / f"P{i}.zip")
    holder = StudyHolder()
    try:
        loaded = load_study(str(folder), holder)
        assert loaded is not None and holder.count() == 1
        report = {row["participant_code"]: row for row in aggregate(loaded.data).verdicts_by_participant}
        assert len(loaded.participants) == 2
        for row in loaded.participants:
            assert row.tracks > 0 and row.tracks == report[row.summary.code]["total"]
            assert round(row.hallucination_rate, 4) == report[row.summary.code]["not_found_share"]
    finally:
        holder.close_all()
    assert holder.count() == 0


def test_a_participant_database_is_named_for_what_it_is(tmp_path):
    layout = participant(tmp_path, 0)
    with pytest.raises(NotStudyDatabaseError) as caught:
        check_local_database(layout.database)
    assert caught.value.kind == "participant"
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(NotStudyDatabaseError) as caught:
        check_local_database(other)
    assert caught.value.kind == "other"
