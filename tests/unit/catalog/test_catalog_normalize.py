from diaryrec.catalog.normalize import fold, markers_in, romanize, split_artists, split_title, variants


def test_fold_case_accents_quotes_ampersand_punctuation():
    assert fold("Beyoncé") == "beyonce"
    assert fold("Don’t Stop Me Now") == fold("don't stop me now") == "dont stop me now"
    assert fold("Simon & Garfunkel") == "simon and garfunkel"
    assert fold("HUMBLE.") == "humble"
    assert fold("  Señorita!! ") == "senorita"


def test_fold_keeps_hangul_whole():
    assert fold("피카부 Peek-A-Boo") == "피카부 peek a boo"
    assert fold("숙녀") == "숙녀"  # NFKD splits syllables into jamo; they must come back together


def test_edition_suffixes_are_not_part_of_the_title():
    for raw in ["Bohemian Rhapsody - Remastered 2011", "Bohemian Rhapsody (Remastered)", "Bohemian Rhapsody - Radio Edit",
                "Bohemian Rhapsody [2011 Remaster]", "Bohemian Rhapsody - Single Version"]:
        parts = split_title(raw)
        assert parts.core == "bohemian rhapsody", raw
        assert parts.markers == set(), raw


def test_credits_move_out_of_the_title():
    parts = split_title("I Don't Care (with Justin Bieber) - Loud Luxury Remix")
    assert parts.core == "i dont care"
    assert parts.credits == ["justin bieber"]
    assert parts.markers == {"remix"}
    assert split_title("Beautiful People feat. Khalid").credits == ["khalid"]
    assert split_title("Closer (feat. Halsey)").core == "closer"


def test_version_markers_are_found_in_suffixes_only():
    assert split_title("Memories - Dillon Francis Remix").markers == {"remix"}
    assert split_title("Hold The Line - Acoustic").markers == {"acoustic"}
    assert split_title("Symphony - Acoustic Mix").markers == {"acoustic"}
    assert split_title("Love Will Tear Us Apart - Live at Bestival 2012").markers == {"live"}
    assert split_title("Someone You Loved - Madism Radio Mix").markers == set()
    assert split_title("Dark Horse (Originally Performed By Katy Perry) [Karaoke Version]").markers == {"karaoke"}
    assert split_title("Live Forever").markers == set()  # a title word, not a version
    assert markers_in("Instrumental") == {"instrumental"}


def test_a_bracket_that_is_another_name_stays():
    assert split_title("숙녀 (淑女) Lady").core == "숙녀 淑女 lady"
    assert split_title("Pt. 1 - The Return").core == "pt 1 the return"


def test_split_artists():
    assert split_artists("Ed Sheeran & Justin Bieber") == ["ed sheeran", "justin bieber"]
    assert split_artists("Marshmello feat. Bastille") == ["marshmello", "bastille"]
    assert sorted(split_artists("IU (아이유)")) == ["iu", "아이유"]
    assert split_artists("Tones and I") == ["tones", "i"]  # harmless: scores compare the whole name too


def test_romanize_and_variants():
    assert romanize("쉼표") == "swimpyo"
    assert romanize("방탄소년단") == "bangtansonyeondan"
    assert {"피카부", "peek a boo"} <= variants(fold("피카부 Peek-A-Boo"))
    assert variants("plain") == {"plain"}


def test_kana_keeps_its_voicing_and_reads_as_hepburn():
    assert fold("アイドル") == "アイドル"  # the dakuten is a mark but not an accent
    assert romanize("アイドル") == "aidoru"
    assert romanize("きゃりーぱみゅぱみゅ") == "kyaripamyupamyu"
    assert romanize("ちょっと") == "chotto"
    assert "aidoru" in variants(fold("アイドル"))
