"""Normalising track titles and artist names so that what an LLM wrote and what the
catalog holds can be compared: case, accents, punctuation, smart quotes, "&"/"and",
credits ("feat."/"with"), edition suffixes ("- Remastered 2011", "(Radio Edit)")
and version markers (Live, Remix, Acoustic, Instrumental, Cover, Karaoke), plus a
Latin reading of Hangul and kana so "쉼표" can meet "Swimpyo" and "アイドル" "aidoru".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

#: version markers: a different recording, so they must agree between suggestion and match
VERSION_MARKERS = {
    "live": ("live", "en vivo", "ao vivo", "unplugged", "concert"),
    "remix": ("remix", "rmx", "mix", "bootleg", "edit remix", "vip"),
    "acoustic": ("acoustic", "acustico", "stripped"),
    "instrumental": ("instrumental", "inst"),
    "cover": ("cover",),
    "karaoke": ("karaoke", "originally performed", "in the style of"),
}
# Words that make a "mix" an edition rather than a remix ("Radio Mix", "Original Mix").
_EDITION_MIX = re.compile(r"\b(original|radio|album|single|main|extended|clean|explicit)\s+mix\b")
_EDITION_WORDS = re.compile(
    r"\b(remaster(ed)?|radio edit|single version|album version|edit|version|mono|stereo|"
    r"deluxe|bonus track|explicit|clean|original mix|radio mix|extended mix|from .*|\d{4})\b"
)
_CREDIT = re.compile(r"^\s*(feat\.?|ft\.?|featuring|with|prod\.?( by)?|w/)\s+(.+)$", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "´": "'", "`": "'"})
_BRACKETS = re.compile(r"[\(\[\{]([^\)\]\}]*)[\)\]\}]")
_INNER_CREDIT = re.compile(r"\s(feat\.?|ft\.?|featuring)\s", re.IGNORECASE)
_DASH_SUFFIX = re.compile(r"\s+[-–—]\s+(.+)$")
_ARTIST_SPLIT = re.compile(r"\s*(?:,|;|/|\s&\s|\sand\s|\sx\s|\s×\s|\sfeat\.?\s|\sft\.?\s|\sfeaturing\s|\swith\s|\svs\.?\s)\s*", re.IGNORECASE)
_KANA_VOICING = {"\u3099", "\u309a"}
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff]")  # Hangul syllables and kana
_LATIN = re.compile(r"[a-z]")


def fold(text: str) -> str:
    """Lower case, no accents, "&" as "and", punctuation as spaces, one space apart.

    Accents are dropped through NFKD, then NFC puts Hangul syllables back together
    (NFKD splits them into jamo, which are letters, not marks); the kana voicing
    marks are marks but not accents ("ド" is not "ト"), so they stay."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if unicodedata.category(ch) != "Mn" or ch in _KANA_VOICING)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("&", " and ").replace("+", " and ")
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # don't -> dont, so apostrophes never split words
    text = re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.", "", text)  # M.I.A. -> mia
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def markers_in(text: str) -> set[str]:
    folded = fold(text)
    if not folded:
        return set()
    folded = _EDITION_MIX.sub(" ", folded)
    folded = re.sub(r"\b(acoustic|live|instrumental|karaoke) (mix|version|edit)\b", r"\1", folded)
    found = set()
    for marker, words in VERSION_MARKERS.items():
        if any(re.search(rf"\b{re.escape(w)}\b", folded) for w in words):
            found.add(marker)
    return found


@dataclass
class TitleParts:
    core: str  # folded title without credits, editions and version parts
    markers: set[str] = field(default_factory=set)
    credits: list[str] = field(default_factory=list)  # featured artists named in the title
    #: who or where a version names, by marker: "Dillon Francis Remix" -> {"remix": "dillon francis"}
    versions: dict[str, str] = field(default_factory=dict)
    #: the core without its parenthesised subtitles ("Song (Part of the Title)" -> "song"); "" when it has none
    bare: str = ""

    def readings(self) -> list[str]:
        """The title with and without its subtitles: either may be how a side names it."""
        return [self.core, self.bare] if self.bare and self.bare != self.core else [self.core]


# words that name a version's kind, not who made it or where: dropped from its qualifier
_VERSION_FILLER = {w for words in VERSION_MARKERS.values() for w in words for w in w.split()} | {
    "at", "the", "from", "in", "on", "by", "version", "edit", "mix", "session", "sessions", "recorded", "performance",
    "a", "an", "of", "and",
}


def version_qualifier(part: str) -> str:
    """The words of a version part that name it: "Live at Wembley Stadium" -> "wembley
    stadium", "R3HAB Remix" -> "r3hab", "Acoustic Version" -> ""."""
    folded = _EDITION_MIX.sub(" ", fold(part))
    words = [w for w in folded.split() if w not in _VERSION_FILLER and not re.fullmatch(r"\d{4}", w)]
    return " ".join(words)


def split_title(title: str) -> TitleParts:
    """'Bad Habits (feat. X) - Remastered 2011' -> core 'bad habits', credits ['x']."""
    text = unicodedata.normalize("NFKC", title or "").translate(_QUOTES)
    markers: set[str] = set()
    credits: list[str] = []
    versions: dict[str, str] = {}
    subtitles: list[str] = []

    def take(part: str) -> None:
        credit = _CREDIT.match(part)
        if credit:
            credits.extend(split_artists(credit.group(3)))
            return
        found = markers_in(part)
        markers.update(found)
        qualifier = version_qualifier(part) if found else ""
        for marker in found:
            if qualifier:
                versions[marker] = qualifier

    def bracket(match: re.Match[str]) -> str:
        inner = match.group(1)
        if _INNER_CREDIT.search(inner):  # "(Drake ft. Rick Ross)": who sings, not a subtitle
            credits.extend(split_artists(inner))
            return " "
        # a bracket of the other script is an alternative name ("숙녀 (淑女) Lady"), keep it;
        # so is a subtitle ("Song (Part of the Title)"), which ``bare`` leaves out
        if not _CREDIT.match(inner) and not markers_in(inner) and not _EDITION_WORDS.search(fold(inner)):
            subtitles.append(inner)
            return f" {inner} "
        take(inner)
        return " "

    text = _BRACKETS.sub(bracket, text)
    while True:
        suffix = _DASH_SUFFIX.search(text)
        if not suffix:
            break
        part = suffix.group(1)
        if not (_CREDIT.match(part) or markers_in(part) or _EDITION_WORDS.search(fold(part))):
            break  # a real part of the title ("Pt. 1 - The Return")
        take(part)
        text = text[: suffix.start()]
    inline = re.search(r"\s(feat\.?|ft\.?|featuring)\s+(.+)$", text, re.IGNORECASE)
    if inline:
        credits.extend(split_artists(inline.group(2)))
        text = text[: inline.start()]
    core = fold(text)
    if not core:  # a title that is only a bracket, e.g. "(Intro)"
        core = fold(title)
    bare = f" {core} "
    for subtitle in subtitles:
        bare = bare.replace(f" {fold(subtitle)} ", " ", 1)
    bare = " ".join(bare.split()) if subtitles else ""
    return TitleParts(core=core, markers=markers, credits=[c for c in (fold(c) for c in credits) if c],
                      versions=versions, bare=bare)


def split_artists(artist: str) -> list[str]:
    """'Ed Sheeran & Justin Bieber' -> two names; 'IU (아이유)' keeps both spellings."""
    text = unicodedata.normalize("NFKC", artist or "")
    names: list[str] = []
    for part in _ARTIST_SPLIT.split(text):
        for alias in _BRACKETS.findall(part):
            if alias.strip():
                names.append(alias)
        bare = _BRACKETS.sub(" ", part).strip()
        if bare:
            names.append(bare)
    return [n for n in (fold(n) for n in names) if n] or ([fold(text)] if fold(text) else [])


# --- Hangul and kana -> Latin letters ---
_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
           "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
           "ng", "t", "t", "k", "t", "p", "t"]


_KANA = dict(zip(
    "あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわをんぁぃぅぇぉゔ",
    "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da ji zu de do "
    "na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro "
    "wa o n a i u e o vu".split(),
))
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def _romanize_kana(text: str) -> str:
    """Hepburn for hiragana and katakana (katakana is hiragana shifted by 0x60)."""
    chars = [chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text]
    out: list[str] = []
    double = False
    for c in chars:
        if c in ("っ", "ー"):
            double = c == "っ"
            continue
        if c in _SMALL_Y and out and out[-1].endswith("i"):
            head = out.pop()[:-1]
            out.append(head + ("" if head in ("sh", "ch", "j") else "y") + _SMALL_Y[c])
            continue
        romaji = _KANA.get(c, _SMALL_Y.get(c, c))
        if double and romaji[:1].isalpha() and romaji[0] not in "aiueo":
            romaji = romaji[0] + romaji
        double = False
        out.append(romaji)
    return "".join(out)


def romanize(text: str) -> str:
    """A Latin reading of the Hangul (Revised Romanisation, syllable by syllable, no
    sound-change rules) and kana (Hepburn) in ``text``; other characters kept."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_INITIALS[code // 588] + _VOWELS[(code % 588) // 28] + _FINALS[code % 28])
        else:
            out.append(ch)
    return _romanize_kana("".join(out))


def variants(folded: str) -> set[str]:
    """Ways to read one folded name: as is, its Hangul part, its Latin part, romanised.

    K-pop titles often carry both scripts ("피카부 peek a boo"); an LLM usually
    names only one of them."""
    found = {folded}
    if _HANGUL.search(folded):
        words = folded.split()
        hangul = " ".join(w for w in words if _HANGUL.search(w))
        latin = " ".join(w for w in words if not _HANGUL.search(w) and _LATIN.search(w))
        found.update(x for x in (hangul, latin) if x)
        found.add(romanize(folded).replace(" ", ""))
        if hangul:
            found.add(romanize(hangul).replace(" ", ""))
    return {v for v in found if v}
