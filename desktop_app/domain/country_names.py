"""Countries by the names people write: ISO 3166-1 codes (alpha-2, alpha-3, numeric), ISO's
names, official and common names (pycountry), and the usual other names ("Burma", "DRC",
"Ivory Coast", "UK"), in any case, with or without accents, a leading "the" ignored.

The one home of countries and their names: the importer, the gazetteer (which offers Country,
countries, country_by_code and find_country to its callers) and the article extractor read
them from here. No fuzzy matching: a name is known or it is not, so "Iranian" or "Hamas" are
never countries. The tables are built once, on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

#: Names people write that ISO and pycountry do not list (ISO's own names, official names and
#: pycountry's common names are added from pycountry), by ISO alpha-3 code.
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "BIH": ("Bosnia",),
    "BRN": ("Brunei",),
    "CHN": ("PRC",),
    "CIV": ("Ivory Coast",),
    "COD": ("DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Congo (Kinshasa)"),
    "COG": ("Congo-Brazzaville", "Congo (Brazzaville)"),
    "CPV": ("Cape Verde",),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain"),
    "MAC": ("Macau",),
    "MKD": ("Macedonia",),
    "MMR": ("Burma",),
    "NLD": ("Holland",),
    "PRK": ("DPRK",),
    "RUS": ("Russia",),
    "SAU": ("KSA",),
    "SWZ": ("Swaziland",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey",),
    "USA": ("US", "U.S.", "USA", "U.S.A.", "America"),
    "VAT": ("Vatican", "Vatican City", "Vatican City State"),
}
#: ISO's inverted names ("Korea, Republic of") are also read the right way round when what
#: follows the comma ends in "of" ("Republic of Korea") or is one word ("British Virgin Islands").
_INVERTIBLE = re.compile(r"(?:\bof|\bof the|^\S+)$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_IGNORED = re.compile(r"[.'’‘`´]")  # "U.S." = "US", "Côte d’Ivoire" = "Cote dIvoire"
_WORD_BREAKS = re.compile(r"[\s,()\-‐‑–—]+")  # "Congo-Kinshasa" = "Congo (Kinshasa)"
_SAME_WORDS = {"st": "saint", "&": "and"}

#: Separators that always split a list of parties; commas and "and" split only as below.
_HARD_SEPARATORS = re.compile(r"\s*[;/|\n]\s*")
_SOFT_SEPARATORS = re.compile(r"\s*(,)\s*(?:and\b|&)?\s*|\s*(?:\band\b|&)\s*", re.IGNORECASE)
#: No country name has more than three parts between commas and "and"s ("Saint Helena,
#: Ascension and Tristan da Cunha"): longer runs of a list are never tried.
_LONGEST_RUN = 4


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str  # pycountry's common name if it has one ("Iran"), else ISO's ("Saudi Arabia")


@functools.cache
def countries() -> tuple[Country, ...]:
    import pycountry

    return tuple(
        Country(c.alpha_3, c.alpha_2, getattr(c, "common_name", None) or c.name)
        for c in pycountry.countries
    )


@functools.cache
def _countries_by_code() -> dict[str, Country]:
    table = {}
    for country in countries():
        table[country.iso3] = country
        table[country.iso2] = country
    return table


def country_by_code(code: str) -> Country | None:
    """The country of an ISO alpha-3 or alpha-2 code, any case."""
    return _countries_by_code().get(code.strip().upper())


def name_key(text: str) -> str:
    """The form in which two spellings of one name are equal: case, accents, full stops,
    apostrophes, hyphens, commas, brackets and the word "the" ignored, "St" read as "Saint"."""
    plain = _IGNORED.sub("", _without_accents(text).casefold()).replace("&", " & ")
    return " ".join(
        _SAME_WORDS.get(word, word) for word in _WORD_BREAKS.split(plain) if word and word != "the"
    )


def country_named(text: str) -> Country | None:
    """The country that text names (a code or a name, see the module), or None."""
    return _countries_by_key().get(name_key(text))


def country_spellings() -> dict[str, str]:
    """Every name of every country as it is written in running text (no codes, no ISO inverted
    forms such as "Korea, Republic of"), with and without accents -> ISO alpha-3 code."""
    return dict(_country_spellings())


@functools.cache
def _country_spellings() -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for spelling, iso3, _short in _names():
        named = _countries_by_key().get(name_key(spelling))
        if "," in spelling or "(" in spelling or named is None or named.iso3 != iso3:
            continue  # nor short forms that name no country or another ("Korea", "Congo")
        for written in (spelling, _without_accents(spelling)):
            found.setdefault(written, iso3)
    return tuple(found.items())


def split_country_list(text: str) -> tuple[list[Country], list[str]]:
    """The countries a cell of parties names, and its other parts as written, in order.

    ";", "/", "|" and new lines always separate parties; commas separate them unless they are
    part of one country's name ("Korea, Republic of"); "and" and "&" separate them only next
    to a country, so "Iran and Pakistan" is two countries but "Ministry of Trade and Industry"
    stays one name. The whole text and the longest runs of parts are tried first, so "Bosnia
    and Herzegovina" is one country. Alpha-3 codes are countries here, but two-letter and
    numeric codes are not (see _country_in_list)."""
    found, others = _split_country_list(text)
    return list(found), list(others)


@functools.lru_cache(maxsize=4096)
def _split_country_list(text: str) -> tuple[tuple[Country, ...], tuple[str, ...]]:
    found: list[Country] = []
    others: list[str] = []
    for chunk in _HARD_SEPARATORS.split(text.strip()):
        whole = _country_in_list(chunk) if chunk else None
        parts = [(whole, chunk)] if whole else _parts_of(chunk)
        for country, part in parts:
            if country is not None and country not in found:
                found.append(country)
            elif country is None and part and part not in others:
                others.append(part)
    return tuple(found), tuple(others)


@functools.lru_cache(maxsize=8192)
def _country_in_list(text: str) -> Country | None:
    """country_named, but not from a two-letter or numeric code (unless it is also a name, as
    "US" and "UK" are): in a list of parties "NA", "IS", "AU" or "PA" more often mean "not
    available", Islamic State, the African Union or the Palestinian Authority than Namibia,
    Iceland, Australia or Panama."""
    key = name_key(text)
    return None if key in _short_codes() else _countries_by_key().get(key)


@functools.cache
def _short_codes() -> frozenset[str]:
    names = {name_key(spelling) for spelling, _iso3, _short in _names()}
    codes = (name_key(c.iso2) for c in countries())
    return frozenset({*codes, *_numeric_codes().values()} - names)


def _parts_of(chunk: str) -> list[tuple[Country | None, str]]:
    """(country or None, text) for each part of chunk: the longest runs of pieces that name a
    country, and what is left, pieces joined by "and" put back together."""
    spans, commas = _pieces(chunk)
    parts: list[tuple[Country | None, int, int]] = []  # (country, first piece, last piece)
    i = 0
    while i < len(spans):
        if not chunk[spans[i][0] : spans[i][1]].strip():
            i += 1  # nothing between two separators
            continue
        last = min(len(spans), i + _LONGEST_RUN) - 1
        country = None
        while last >= i:
            country = _country_in_list(chunk[spans[i][0] : spans[last][1]])
            if country:
                break
            last -= 1
        last = max(last, i)
        after_other = bool(parts) and parts[-1][0] is None and parts[-1][2] == i - 1
        if not country and after_other and not commas[i - 1]:
            parts[-1] = (None, parts[-1][1], last)  # "Trade and Industry" stays one name
        else:
            parts.append((country, i, last))
        i = last + 1
    return [(c, chunk[spans[a][0] : spans[b][1]].strip()) for c, a, b in parts]


def _pieces(chunk: str) -> tuple[list[tuple[int, int]], list[bool]]:
    """The (start, end) of each piece of chunk between separators, and whether each separator
    is a comma (not an "and")."""
    spans: list[tuple[int, int]] = []
    commas: list[bool] = []
    start = 0
    for match in _SOFT_SEPARATORS.finditer(chunk):
        spans.append((start, match.start()))
        commas.append(match.group(1) is not None)
        start = match.end()
    spans.append((start, len(chunk)))
    return spans, commas


@functools.cache
def _countries_by_key() -> dict[str, Country]:
    """name_key of every code and name -> its country. A name wins over a short form ("Congo"
    of "Congo, The Democratic Republic of the"), which wins over a code; a key that names two
    countries at the same rank ("Korea" of both Koreas) names none."""
    ranks: list[dict[str, set[str]]] = [{}, {}, {}]  # codes, short forms, names
    for spelling, iso3, short in _names():
        ranks[1 if short else 2].setdefault(name_key(spelling), set()).add(iso3)
    for country in countries():
        for code in (country.iso2, country.iso3, _numeric_codes()[country.iso3]):
            ranks[0].setdefault(name_key(code), set()).add(country.iso3)
    table: dict[str, Country] = {}
    for rank in ranks:
        for key, codes in rank.items():
            country = country_by_code(next(iter(codes)))
            if len(codes) == 1 and key and country:
                table[key] = country
    return table


@functools.cache
def _numeric_codes() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.numeric for c in pycountry.countries}


@functools.cache
def _names() -> tuple[tuple[str, str, bool], ...]:
    """(spelling, ISO alpha-3 code, whether it is a short form) for every name of every
    country: pycountry's, their inversions and short forms, and OTHER_NAMES."""
    import pycountry

    names: list[tuple[str, str, bool]] = []
    for record in pycountry.countries:
        written = {
            record.name,
            getattr(record, "official_name", ""),
            getattr(record, "common_name", ""),
        }
        for name in sorted(written - {""}):
            names.extend((s, record.alpha_3, short) for s, short in _forms_of(name))
    for iso3, others in OTHER_NAMES.items():
        names.extend((name, iso3, False) for name in others)
    return tuple(names)


def _forms_of(name: str) -> Iterator[tuple[str, bool]]:
    """(spelling, is short form) for an ISO name: itself, without brackets ("Holy See"), and
    for "X, Y" the short form X and, when it reads well, "Y X"."""
    name = _LEADING_THE.sub("", name)
    yield name, False
    if "(" in name:
        yield _PARENTHESES.sub("", name), False
    elif ", " in name:
        head, tail = name.split(", ", 1)
        yield head, True
        if _INVERTIBLE.search(tail):
            yield _LEADING_THE.sub("", f"{tail} {head}"), False


def _without_accents(text: str) -> str:
    if text.isascii():  # most names: half the time of a name_key
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )
