import pytest

from diaryrec.catalog.client import CatalogUnavailable
from diaryrec.catalog.match import Suggestion, decide, match, query_strategies


def item(tid, name, artist, album="Album", date="2019-01-01", **extra):
    artists = artist if isinstance(artist, list) else [artist]
    return {"id": tid, "name": name, "artists": artists, "album": album, "release_date": date,
            "url": f"https://open.spotify.com/track/{tid}", "image_url": "", "duration_ms": 1000, **extra}


MEMORIES = item("orig", "Memories", "Maroon 5", "Memories", "2019-09-20")
REMIX = item("remix", "Memories - Dillon Francis Remix", "Maroon 5", "Memories (Remixes)", "2019-12-13")
OTHER = item("other", "Memories", "CHROM", "Memories", "2012-03-30")


def test_never_the_first_hit_when_it_is_a_different_song():
    verdict = decide(Suggestion("Memories", "Maroon 5"), [OTHER, REMIX, MEMORIES])
    assert verdict.verdict == "verified"
    assert verdict.track["id"] == "orig"


def test_a_first_hit_by_another_artist_alone_is_not_verified():
    verdict = decide(Suggestion("Memories", "Maroon 5"), [OTHER])
    assert verdict.verdict == "not_found"
    assert verdict.track is None
    assert verdict.suggestion["id"] == "other"  # the LLM may have misattributed it
    assert "CHROM" in verdict.reason


def test_version_markers_are_respected():
    assert decide(Suggestion("Memories (Remix)", "Maroon 5"), [MEMORIES, REMIX]).track["id"] == "remix"
    assert decide(Suggestion("Memories", "Maroon 5"), [REMIX, MEMORIES]).track["id"] == "orig"
    only_remix = decide(Suggestion("Memories", "Maroon 5"), [REMIX])
    assert only_remix.verdict == "uncertain" and "version" in only_remix.reason
    live = decide(Suggestion("Memories - Live", "Maroon 5"), [MEMORIES])
    assert live.verdict == "uncertain"


def test_normalisation_lets_reworded_suggestions_verify():
    hit = item("a", "I Don't Care (with Justin Bieber)", "Ed Sheeran", "No.6 Collaborations Project", "2019-07-12")
    for s in [Suggestion("i dont care", "ED SHEERAN"), Suggestion("I Don’t Care", "Ed Sheeran feat. Justin Bieber"),
              Suggestion("I Don't Care - Radio Edit", "Ed Sheeran & Justin Bieber")]:
        assert decide(s, [hit]).verdict == "verified", s
    accents = item("b", "Señorita", "Shawn Mendes")
    assert decide(Suggestion("Senorita", "Shawn Mendes"), [accents]).verdict == "verified"


def test_a_single_typo_in_a_long_title_verifies_but_an_invented_title_does_not():
    real = item("p", "Beautiful People (feat. Khalid)", "Ed Sheeran")
    assert decide(Suggestion("Beautifull People", "Ed Sheeran"), [real]).verdict == "verified"
    invented = decide(Suggestion("Beautiful Strangers", "Ed Sheeran"), [real])
    assert invented.verdict == "not_found"


def test_uncertain_for_a_near_match():
    near = decide(Suggestion("Memories", "Maroon Five"), [MEMORIES])
    assert near.verdict == "uncertain"
    assert near.track["id"] == "orig"


def test_discrepancies_list_album_and_year():
    verdict = decide(Suggestion("Memories", "Maroon 5", album="Red Pill Blues", year=2017), [MEMORIES])
    assert verdict.verdict == "verified"
    assert verdict.discrepancies == [
        {"field": "album", "suggested": "Red Pill Blues", "catalog": "Memories"},
        {"field": "year", "suggested": 2017, "catalog": 2019},
    ]
    assert decide(Suggestion("Memories", "Maroon 5", album="Memories", year=2019), [MEMORIES]).discrepancies == []


def test_the_album_the_llm_named_picks_among_duplicates():
    single = item("single", "Shape of You", "Ed Sheeran", "Shape of You", "2017-01-06")
    album = item("album", "Shape of You", "Ed Sheeran", "÷ (Deluxe)", "2017-03-03")
    assert decide(Suggestion("Shape of You", "Ed Sheeran", album="÷ (Deluxe)"), [single, album]).track["id"] == "album"
    assert decide(Suggestion("Shape of You", "Ed Sheeran"), [album, single]).track["id"] == "single"  # the original


def test_korean_titles_match_either_script():
    hit = item("k", "피카부 Peek-A-Boo", "Red Velvet", "Perfect Velvet", "2017-11-17")
    assert decide(Suggestion("Peek-A-Boo", "Red Velvet"), [hit]).verdict == "verified"
    assert decide(Suggestion("피카부", "Red Velvet"), [hit]).verdict == "verified"
    assert decide(Suggestion("쉼표", "Kozypop"), [item("s", "쉼표", "Kozypop")]).verdict == "verified"
    assert decide(Suggestion("Swimpyo", "Kozypop"), [item("s", "쉼표", "Kozypop")]).verdict == "verified"


def test_strategies_are_field_filtered_first_then_relaxed():
    queries = query_strategies(Suggestion("Memories (Live)", "Maroon 5 feat. Someone"))
    assert queries == ["track:memories live artist:maroon 5", "memories live maroon 5", "track:memories live"]


def test_match_stops_at_the_first_search_that_verifies():
    asked = []

    def search(q):
        asked.append(q)
        return [MEMORIES] if q.startswith("track:memories artist:") else []

    assert match(Suggestion("Memories", "Maroon 5"), search).verdict == "verified"
    assert len(asked) == 1


def test_match_runs_every_strategy_before_saying_not_found():
    asked = []

    def search(q):
        asked.append(q)
        return [OTHER] if q == "track:memories" else []

    verdict = match(Suggestion("Memories", "Maroon 5"), search)
    assert verdict.verdict == "not_found" and verdict.suggestion["id"] == "other"
    assert len(asked) == 3


def test_a_catalog_failure_is_not_a_verdict():
    def search(q):
        raise CatalogUnavailable("down")

    with pytest.raises(CatalogUnavailable):
        match(Suggestion("Memories", "Maroon 5"), search)


def test_empty_suggestions_are_not_found_without_searching():
    assert match(Suggestion("", "Maroon 5"), lambda q: pytest.fail("searched")).verdict == "not_found"


def test_an_album_named_short_is_the_same_album():
    from diaryrec.catalog.match import same_album

    assert same_album("Perfect Velvet", "Perfect Velvet - The 2nd Album")
    assert same_album("A Night At The Opera", "A Night At The Opera (2011 Remaster)")
    assert same_album("÷", "÷ (Deluxe)")  # only symbols: compared as written
    assert not same_album("÷", "x (Deluxe)")
    assert not same_album("Red Pill Blues", "Memories")
