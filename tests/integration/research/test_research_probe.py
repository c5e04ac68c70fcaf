"""``diaryrec research probe`` end to end: the real command, the real turn machinery,
the loopback OpenAI fake answering in scripted ways, and the Spotify fake over the
whole catalog data set; each rate shown to move the right way."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from diaryrec.__main__ import main
from diaryrec.research.probe.queries import ProbeKind, default_queries, load_queries, queries_json
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sheets.io import sheet_to_json
from tests.catalog_data import csv_fake
from tests.probe_behaviours import ProbeResponder, example_sheet, study_file


@pytest.fixture(scope="module")
def spotify():
    fake = csv_fake()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def catalog_env(spotify, monkeypatch):
    monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", spotify.api_url)
    monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", spotify.token_url)
    return spotify


#: from the shipped set, queries of every shape: years, "before", an artist, "not by",
#: an exact count; a track's year, its decade, its singer; a wrong artist, a wrong era, a made-up album
SHAPES = {ProbeKind.EXPLICIT: (1, 5, 6, 9, 10), ProbeKind.IMPLICIT: (1, 5, 8, 9),
          ProbeKind.MISINFORMED: (1, 5, 8)}


def some_queries(folder: Path, language: str = "en", per_kind: int | None = None) -> tuple[Path, list]:
    """Queries of every shape from the shipped set (12; ``per_kind`` at most of each kind), as a query file."""
    chosen = []
    for kind, numbers in SHAPES.items():
        ids = [f"{language}-{kind.value}-{n:02d}" for n in numbers][:per_kind]
        chosen += [q for q in default_queries(language) if q.id in ids]
    path = folder / "queries.json"
    path.write_text(queries_json(chosen), encoding="utf-8")
    return path, chosen


def probe(tmp_path: Path, behaviour: str, catalog_env, capsys, *, language: str = "en", sheet: bool = False,
          extra: tuple[str, ...] = ()) -> tuple[int, dict, str, str]:
    queries_path, queries = some_queries(tmp_path, language)
    responder = ProbeResponder(behaviour, queries)
    with FakeOpenAI(responder=responder, api_key="sk-probe") as llm:
        study = study_file(tmp_path, llm, catalog_env, language)
        source = [str(study)]
        if sheet:
            sheet_path = tmp_path / "sheet.json"
            sheet_path.write_text(sheet_to_json(example_sheet(language)), encoding="utf-8")
            source = [str(sheet_path), "--study", str(study)]
        out, js = tmp_path / "probe.html", tmp_path / "probe.json"
        code = main(["research", "probe", *source, "--queries", str(queries_path), "--out", str(out), "--json", str(js),
                     *extra])
    captured = capsys.readouterr()
    document = json.loads(js.read_text(encoding="utf-8")) if js.exists() else {}
    return code, document, out.read_text(encoding="utf-8") if out.exists() else "", captured.err


def rates(document: dict, kind: str = "overall") -> dict:
    return document["by_kind"][kind]["rates"]


def test_a_recommender_that_follows_conditions_scores_well(tmp_path, catalog_env, capsys):
    code, document, html, err = probe(tmp_path, "follows", catalog_env, capsys)
    assert code == 0, err
    overall = rates(document)
    assert overall["existence"] == 1.0
    assert overall["condition"] >= 0.95
    assert overall["fail_to_recommend"] == 0.0
    assert overall["premise_correction"] == 1.0 and overall["false_alarm"] == 0.0
    # progress on stderr, one line per query
    assert len(re.findall(r"^\[\d+/12\] en-", err, flags=re.M)) == 12
    # the suggestions were checked against the catalog and their metadata kept
    first = document["outcomes"][0]["suggestions"][0]
    assert first["verdict"] == "verified" and first["catalog"] == "spotify" and first["catalog_track"]["release_date"]
    assert "Probe: the plain assistant" in html and "How to read it" in html


def test_a_recommender_that_ignores_conditions_is_caught(tmp_path, catalog_env, capsys):
    code, document, _html, err = probe(tmp_path, "ignores", catalog_env, capsys)
    assert code == 0, err
    for kind in ("explicit", "implicit"):
        assert rates(document, kind)["condition"] <= 0.1, kind
    assert rates(document)["existence"] == 1.0  # real songs, wrong ones


def test_a_recommender_that_invents_songs_is_caught(tmp_path, catalog_env, capsys):
    code, document, html, err = probe(tmp_path, "invents", catalog_env, capsys)
    assert code == 0, err
    overall = rates(document)
    assert overall["existence"] == 0.0
    assert overall["condition"] is None  # nothing found: nothing to decide
    assert document["by_kind"]["overall"]["counts"]["unknown"] > 0
    assert "not found" in html and "Zyxq Moonlit Ferry" in html


def test_a_recommender_that_accepts_false_premises_is_caught(tmp_path, catalog_env, capsys):
    code, document, html, err = probe(tmp_path, "accepts", catalog_env, capsys)
    assert code == 0, err
    assert rates(document, "misinformed")["premise_correction"] == 0.0
    assert document["by_kind"]["misinformed"]["counts"]["accepted"] == 3
    assert rates(document)["condition"] >= 0.95  # it follows the conditions all the same
    assert "False premise" in html


def test_a_recommender_that_gives_too_few_tracks_fails_to_recommend(tmp_path, catalog_env, capsys):
    code, document, html, err = probe(tmp_path, "stingy", catalog_env, capsys)
    assert code == 0, err
    assert rates(document)["fail_to_recommend"] == 1.0
    assert "too few" in html


def test_a_korean_sheet_is_probed_in_korean(tmp_path, catalog_env, capsys):
    code, document, html, err = probe(tmp_path, "follows", catalog_env, capsys, language="ko", sheet=True)
    assert code == 0, err
    assert document["target"]["name"] == "밤 버스 DJ" and document["target"]["language"] == "ko"
    assert {o["query"]["language"] for o in document["outcomes"]} == {"ko"}
    assert rates(document, "misinformed")["premise_correction"] == 1.0  # "전제: 틀림" read as a correction
    assert "밤 버스 DJ" in html and "추천해 주세요" in html and 'lang="ko"' in html


def test_the_sheets_compiled_prompt_and_the_premise_request_reach_the_model(tmp_path, catalog_env, capsys):
    queries_path, queries = some_queries(tmp_path, "en", per_kind=1)
    with FakeOpenAI(responder=ProbeResponder("follows", queries), api_key="sk-probe") as llm:
        study = study_file(tmp_path, llm, catalog_env)
        sheet_path = tmp_path / "sheet.json"
        sheet_path.write_text(sheet_to_json(example_sheet("en")), encoding="utf-8")
        assert main(["research", "probe", str(sheet_path), "--study", str(study), "--queries", str(queries_path),
                     "--out", str(tmp_path / "p.html")]) == 0
        requests = llm.chat_requests
    assert len(requests) == 3  # one fresh conversation per query: system prompt + the query, nothing earlier
    for request, query in zip(requests, queries):
        system, user = request["messages"][0], request["messages"][-1]
        assert system["role"] == "system" and "Night bus DJ" in system["content"]
        assert len(request["messages"]) == 2
        assert user["content"].startswith(query.text) and 'Begin your message with "Premise: correct."' in user["content"]


def test_runs_repeat_each_query(tmp_path, catalog_env, capsys):
    code, document, html, _err = probe(tmp_path, "follows", catalog_env, capsys, extra=("--runs", "2"))
    assert code == 0
    assert len(document["outcomes"]) == 24 and {o["run"] for o in document["outcomes"]} == {1, 2}
    assert "run 2" in html


def test_an_error_every_query_would_meet_stops_the_probe_with_one_message(tmp_path, catalog_env, capsys):
    queries_path, queries = some_queries(tmp_path)
    with FakeOpenAI(responder=ProbeResponder("follows", queries), api_key="sk-right") as llm:
        study = study_file(tmp_path, llm, catalog_env)  # its key is sk-probe: refused
        code = main(["research", "probe", str(study), "--queries", str(queries_path), "--out", str(tmp_path / "p.html")])
    err = capsys.readouterr().err
    assert code != 0 and "refused the API key" in err and "Traceback" not in err
    assert not (tmp_path / "p.html").exists()


def test_a_probe_stopped_halfway_keeps_what_was_answered(tmp_path, catalog_env, capsys):
    queries_path, queries = some_queries(tmp_path)
    responder = ProbeResponder("follows", queries)
    with FakeOpenAI(responder=responder, api_key="sk-probe") as llm:
        responder.on_call = lambda n: llm.fail_next("quota", times=50) if n == 5 else None
        study = study_file(tmp_path, llm, catalog_env)
        code = main(["research", "probe", str(study), "--queries", str(queries_path), "--out", str(tmp_path / "p.html"),
                     "--json", str(tmp_path / "p.json")])
    err = capsys.readouterr().err
    assert code == 1 and "stopped early" in err
    document = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert len(document["outcomes"]) == 5 and "quota" in document["stopped"]
    assert "stopped early" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_write_queries_gives_the_shipped_set_to_start_from(tmp_path, capsys):
    out = tmp_path / "mine.json"
    assert main(["research", "probe", "--write-queries", str(out)]) == 0
    assert load_queries(out) == default_queries()


def test_the_report_is_self_contained(tmp_path, catalog_env, capsys):
    _code, _document, html, _err = probe(tmp_path, "follows", catalog_env, capsys)
    assert "<script" not in html and not re.search(r'(src|href)="(https?:)?//', html)
    assert "<style>" in html


def test_the_demo_studys_sheet_can_be_probed_in_the_sandbox(tmp_path, capsys):
    """What demo-study suggests: its sheet, its study file, the sandbox's fakes answering."""
    demo = tmp_path / "demo"
    assert main(["research", "demo-study", str(demo), "--participants", "1"]) == 0
    said = capsys.readouterr().out
    sheet = demo / "sheet-P001.json"
    assert f"diaryrec --sandbox research probe {sheet} --study {demo / 'study.toml'}" in said
    out = tmp_path / "probe.html"
    assert main(["--sandbox", "research", "probe", str(sheet), "--study", str(demo / "study.toml"), "--out", str(out),
                 "--json", str(tmp_path / "probe.json")]) == 0
    document = json.loads((tmp_path / "probe.json").read_text(encoding="utf-8"))
    assert document["model"] == "diaryrec-sandbox-scripted" and document["catalogs"] == ["spotify", "musicbrainz"]
    assert len(document["outcomes"]) == 30 and document["target"]["language"] == "ko"
    assert document["target"]["name"] in out.read_text(encoding="utf-8")


def test_a_catalog_that_does_not_answer_is_said_not_hidden_in_the_rates(tmp_path, catalog_env, capsys):
    catalog_env.set_fault("500")  # every search fails: the suggestions stay unchecked
    try:
        code, document, html, err = probe(tmp_path, "follows", catalog_env, capsys)
    finally:
        catalog_env.set_fault(None)
    assert code == 0
    counts = document["by_kind"]["overall"]["counts"]
    assert counts["unchecked"] == counts["suggestions"] > 0
    assert rates(document)["existence"] is None  # not 0 %: nothing was decided
    assert "the catalog answered for none of the suggestions" in err
    assert "unchecked" in html
