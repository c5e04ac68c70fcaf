"""The fakes' stand-in for what real catalogs know about artists' other names: the
artists of the test data and the sandbox catalogue whose names have forms in another
script. The MusicBrainz fake serves them as artist aliases (as MusicBrainz does); the
Spotify fake's ``artist:`` filter and free text match them (as Spotify's search matches
romanised and native names). This is test and sandbox data, not the product's: the
product never consults a hand-made alias table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArtistNames:
    """How MusicBrainz knows an artist the data names ``key``: its name (in the
    artist's own script), its sort name, and its aliases."""

    name: str
    sort_name: str
    aliases: tuple[str, ...] = ()


#: the fake's alias data, standing in for MusicBrainz's: artists of the test data and
#: the sandbox catalogue whose names have forms in another script. As on MusicBrainz,
#: Japanese artists are named in Japanese (so "Kenshi Yonezu" is only an alias) while
#: most K-pop acts use their Latin name with the Hangul one as an alias.
ARTIST_NAMES: dict[str, ArtistNames] = {
    "IU": ArtistNames("IU", "IU", ("아이유", "이지은", "Lee Ji-eun")),
    "BTS": ArtistNames("BTS", "BTS", ("방탄소년단", "Bangtan Boys", "Bangtan Sonyeondan")),
    "NewJeans": ArtistNames("NewJeans", "NewJeans", ("뉴진스",)),
    "BLACKPINK": ArtistNames("BLACKPINK", "BLACKPINK", ("블랙핑크",)),
    "TWICE": ArtistNames("TWICE", "TWICE", ("트와이스",)),
    "Red Velvet": ArtistNames("Red Velvet", "Red Velvet", ("레드벨벳",)),
    "SEVENTEEN": ArtistNames("SEVENTEEN", "SEVENTEEN", ("세븐틴",)),
    "Mamamoo": ArtistNames("MAMAMOO", "MAMAMOO", ("마마무", "Mamamoo")),
    "Stray Kids": ArtistNames("Stray Kids", "Stray Kids", ("스트레이 키즈",)),
    "ITZY": ArtistNames("ITZY", "ITZY", ("있지",)),
    "GOT7": ArtistNames("GOT7", "GOT7", ("갓세븐",)),
    "SUNMI": ArtistNames("선미", "Sunmi", ("SUNMI", "Sunmi", "Lee Sun-mi")),
    "PSY": ArtistNames("PSY", "PSY", ("싸이", "박재상")),
    "BoA": ArtistNames("BoA", "BoA", ("보아", "권보아")),
    "HYUKOH": ArtistNames("혁오", "HYUKOH", ("HYUKOH", "Hyukoh")),
    "Dear Cloud": ArtistNames("디어클라우드", "Dear Cloud", ("Dear Cloud",)),
    "Car, the garden": ArtistNames("카더가든", "Car, the garden", ("Car, the garden", "Car the Garden")),
    "Kenshi Yonezu": ArtistNames("米津玄師", "Yonezu, Kenshi", ("Kenshi Yonezu", "ハチ", "Hachi")),
    "YOASOBI": ArtistNames("YOASOBI", "YOASOBI", ("ヨアソビ",)),
    "Mariya Takeuchi": ArtistNames("竹内まりや", "Takeuchi, Mariya", ("Mariya Takeuchi",)),
    "Miki Matsubara": ArtistNames("松原みき", "Matsubara, Miki", ("Miki Matsubara",)),
    "Hikaru Utada": ArtistNames("宇多田ヒカル", "Utada, Hikaru", ("Hikaru Utada", "Utada Hikaru", "Utada")),
    "Junko Ohashi": ArtistNames("大橋純子", "Ohashi, Junko", ("Junko Ohashi",)),
    "Tomoko Aran": ArtistNames("亜蘭知子", "Aran, Tomoko", ("Tomoko Aran",)),
    "Taeko Onuki": ArtistNames("大貫妙子", "Onuki, Taeko", ("Taeko Onuki",)),
    "Masayoshi Takanaka": ArtistNames("高中正義", "Takanaka, Masayoshi", ("Masayoshi Takanaka",)),
    "香取慎吾": ArtistNames("香取慎吾", "Katori, Shingo", ("Shingo Katori",)),
}


def other_names(artist: str) -> tuple[str, ...]:
    """Every name of ``artist`` but the one the data uses (its own-script name, aliases)."""
    names = ARTIST_NAMES.get(artist)
    if names is None:
        return ()
    return tuple(dict.fromkeys(n for n in (names.name, *names.aliases) if n != artist))
