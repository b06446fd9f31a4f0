"""Places a sentence names: gazetteer cities (with coordinates), regions such as
"southern Armenia", and other capitalised names after in/at/to that no gazetteer knows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.domain import gazetteer
from desktop_app.extract import countries, rules, sites

TITLES = set(
    "president minister prime foreign secretary chancellor king queen prince emir sheikh "
    "general gen mr mrs ms dr ambassador envoy spokesman spokeswoman spokesperson counterpart "
    "leader chief commander governor mayor senator premier deputy caretaker".split()
)
NOT_PLACES = set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december the this that these those they "
    "he she it during under after before according additionally furthermore however meanwhile "
    "recent both all a an in on at white house group council ministry institute agency press "
    "union organization organisation committee commission party army forces guards route "
    "peace prosperity international world united nations".split()
)
ORGANISATION_WORDS = set(
    "group council ministry institute agency press union organization organisation committee "
    "commission house forces guards bank fund office court route".split()
)
# English words that are also the names of towns in the gazetteer: a place only after "in",
# "to", "near"…
COMMON_WORD_TOWNS = set(
    "police mobile reading bath nice split sale mission union independence hope temple "
    "marathon opportunity colon concord progress unity liberty victory enterprise commerce "
    "justice security florence march may june august most deal wells troy many rich "
    "industry harmony providence plenty orange port".split()
)
# words before a name that make it a place rather than an actor
PLACE_PREPOSITIONS = set(
    "in at to from near into via through outside inside around and of visit visited "
    "visiting".split()
)
# a capital letter, accented ones too ("Šiauliai", "Étang", "Łódź")
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAPITALISED = re.compile(rf"[{UPPER}][\w'’-]*(?:\s+(?:al-|el-|de\s)?[{UPPER}][\w'’-]*){{0,2}}")
_REGION = re.compile(
    r"\b((?:southern|northern|eastern|western|central|south-eastern|south-western|"
    r"north-eastern|north-western)\s+[A-Z][\w-]+)"
)
_LINK = r"(?:(?:del|de\s+la|de|da|do|di|la|el|al|du|des|van|von)\s+)?"
_NAME = rf"[{UPPER}][\w'’–-]+(?:\s+{_LINK}[{UPPER}][\w'’–-]+)?"
# "in Kadugli", "to Kadugli and Umm Sarit", "from Turbat, Gwadar and Panjgur", "between Sohar
# and Al Ain", "through Dhalkebar"
_AFTER_PREPOSITION = re.compile(
    r"\b(?:(?i:along|across|off|into|on|over|around|near)\s+the\s+(?=[A-Z])|(?i:in|at|near|outside|from|to|into|between|through|"
    r"across|along|via|towards|off|beyond|past|linking|opposite|including|around|over|"
    r"as\s+far\s+as)\s+"
    r"(?:the\s+(?:port|town|city|village|district|region|province|state|border\s+town)\s+of\s+)?)"
    rf"({_NAME}(?:(?:,\s+|\s+and\s+){_NAME})*)"
)
# "the Tienditas bridge", "the Dorohusk crossing", "the Itaipu dam", "the port of Sohar"
_FACILITY = re.compile(
    # "the Kyzyl-Bel and Karamyk crossings", "the Kambar-Ata 1 hydropower plant"
    rf"\b({_NAME}(?:\s+and\s+{_NAME})?)(?:\s+\d{{1,2}})?\s+(?:[a-z]+(?:-[a-z]+)+\s+)?"
    r"(?:land\s+|dry\s+|inland\s+|new\s+|main\s+|international\s+|air\s+|naval\s+)?"
    r"(?:border\s+|road\s+|rail\s+|power\s+|gas\s+|oil\s+|transmission\s+)?"
    r"(?:bridge|crossing|crossing\s+point|hydropower\s+plant|power\s+station|tunnel|base|"
    r"border\s+post|post|gate|checkpoint|dam|port|airport|pass|terminal|oilfield|gas\s+field|"
    r"power\s+plant|nuclear\s+plant|refinery|valley|corridor|border\s+point|railway|"
    r"rail\s+line|line|road|highway|pipeline|route|interconnector|"
    # an area: "the Al Dhahirah governorate", "the Gedo region"
    r"governorate|province|district|region|county|municipality|oblast|prefecture)s?\b|"
    rf"\b(?:port|town|city|village|region|province|state|district|border\s+post|crossing|"
    rf"border\s+crossing|bridge|dam|island|exclave|enclave|governorate|municipality|county|"
    rf"oblast|provinces|regions|districts|towns|villages|cities|ports)\s+of\s+"
    rf"({_NAME}(?:(?:,\s+|\s+and\s+){_NAME})*)|"
    # a water or a coast named with "of": "the Strait of Gibraltar", "Lake of Geneva"
    rf"\b((?:Straits?|Gulf|Bay|Lake|Sea|Isle|Cape)\s+of\s+(?:the\s+)?{_NAME})"
)
# a water, an island, a park, named with its word: "the Uruguay River", "Brunei Bay", "the
# Mekong Delta", "the Haa Dhaalu atoll" (kept whole: "Uruguay" alone would be the country)
_NATURAL = re.compile(
    rf"\b((?:the\s+)?{_NAME}\s+(?i:river|canal|reservoir|lake|national\s+park|"
    r"international\s+park|park|island|islands|gulf|bay|strait|delta|basin|atoll|sea|valley|"
    r"plateau|mountains|desert|coast))\b"
)
_VENUE = re.compile(
    r"\b(?:convened|met|meeting|talks|arrived|gathered|summit|conference|signed[^.]*?)\s+"
    r"(?:\w+\s+){0,3}?(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


@dataclass(frozen=True)
class FoundPlace:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # exact, near, region
    role: str = "mentioned"  # or "venue": where the meeting happened

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "role": self.role,
        }


def _city(name: str, role: str = "mentioned") -> FoundPlace | None:
    if any(word.lower() in ORGANISATION_WORDS for word in name.split()):
        return None  # "White House" is a building, not the town of that name
    city = gazetteer.place_exactly(name)
    if city is None:
        return None
    return FoundPlace(
        name, city.country_iso3, round(city.latitude, 4), round(city.longitude, 4), "exact", role
    )


def _person_name_offsets(sentence: str) -> set[int]:
    """Offsets of capitalised words that follow a title: a person's name, not a place."""
    skipped: set[int] = set()
    words = list(re.finditer(r"[\w'’.-]+", sentence))
    for i, word in enumerate(words):
        if word.group().lower().strip(".,") in TITLES:
            j = i + 1
            while j < len(words) and (
                words[j].group()[0].isupper() and words[j].group().lower() not in TITLES
            ):
                skipped.add(words[j].start())
                j += 1
    return skipped


def _usable(name: str) -> bool:
    words = name.split()
    return (
        bool(words)
        and len(name) >= 3
        and not (
            any(w.lower() in NOT_PLACES for w in words)
            or countries.is_country_word(name)
            or countries.is_country_word(words[0])
        )
    )


def places_in(sentence: str) -> list[FoundPlace]:
    found: dict[str, FoundPlace] = {}
    persons = _person_name_offsets(sentence)
    for match in _REGION.finditer(sentence):
        region = match.group(1)
        codes = countries.countries_in(region)
        found[region.lower()] = FoundPlace(
            region, codes[0] if codes else None, None, None, "region"
        )
    if rules.enabled("small_places"):
        _add_sites(sentence, found)
    for match in _CAPITALISED.finditer(sentence):
        if match.start() in persons:
            continue
        words = match.group().split()
        following = sentence[match.end() : match.end() + 20].strip().split(" ")[0].lower()
        if any(w.lower().strip(".,;") in ORGANISATION_WORDS for w in [*words, following]):
            continue  # "Minsk Group" is not Minsk
        before = sentence[max(0, match.start() - 30) : match.start()].split()
        previous = before[-1].lower() if before else ""
        if match.group() in countries.capitals() and previous not in PLACE_PREPOSITIONS:
            continue  # "Washington signed": the government, not the city
        if (
            len(words) == 1
            and words[0].lower() in COMMON_WORD_TOWNS
            and previous not in PLACE_PREPOSITIONS
        ):
            continue  # "Police said": the police, not the Polish town
        for size in range(len(words), 0, -1):
            name = without_possessive(" ".join(words[:size]))
            if not _usable(name) or (size < len(words) and name.lower() in COMMON_WORD_TOWNS):
                continue  # "Port Bell" is not the town of Port
            city = _city(name)
            if city:
                found.setdefault(name.lower(), city)
                break
    for match in [*_AFTER_PREPOSITION.finditer(sentence), *_FACILITY.finditer(sentence)]:
        named = next(group for group in match.groups() if group)
        if match.start(1) in persons:
            continue
        for name in _names_in(named):
            words = name.split()
            if (
                not _usable(name)
                or words[0].lower() in TITLES
                or any(w.lower() in ORGANISATION_WORDS for w in words)
                or any(name.lower() in key for key in found)
            ):
                continue
            found[name.lower()] = _city(name) or FoundPlace(name, None, None, None, "near")
    _add_natural_places(sentence, persons, found)
    return list(found.values())


def _add_sites(sentence: str, found: dict[str, FoundPlace]) -> None:
    """The curated sites the sentence names ("eastern Ladakh": the region, with what is known
    of Ladakh)."""
    for site in sites.sites_in(sentence):
        region = next((key for key in found if site.name.lower() in key), None)
        if region:
            old = found[region]
            found[region] = FoundPlace(old.name, site.country, site.lat, site.lon, "region")
            continue
        found.setdefault(
            site.name.lower(),
            FoundPlace(site.name, site.country, site.lat, site.lon, site.precision),
        )


def _add_natural_places(sentence: str, persons: set[int], found: dict[str, FoundPlace]) -> None:
    """Waters, islands and parks, whole with their word, in place of a part found before."""
    for match in _NATURAL.finditer(sentence):
        name = re.sub(r"^the\s+", "", match.group(1))
        name = without_owner(name)
        if match.start(1) in persons or name.split()[0].lower() in NOT_PLACES:
            continue
        for key in [k for k in found if k in name.lower()]:
            del found[key]  # "Uruguay River", not "Uruguay"
        found.setdefault(name.lower(), FoundPlace(name, None, None, None, "near"))


def without_owner(name: str) -> str:
    """ "Chile's Coquimbo region" -> "Coquimbo region": the owner's name before a place's."""
    return re.sub(r"^[A-Z]\w*['’]s\s+(?=[A-Z])", "", name)


def without_possessive(name: str) -> str:
    """ "Pakistan's" -> "Pakistan", "Wales'" -> "Wales"; "Bardibas" stays whole."""
    return re.sub(r"['’]s?$", "", name)


def _names_in(listed: str) -> list[str]:
    """'Kadugli and Umm Sarit', 'Turbat, Gwadar', 'Nemba-Gasenyi', 'Alican–Margara': the
    places one by one (a pair joined by a dash is a crossing or a line between two places,
    unless the pair is itself a known name, 'Nagorno-Karabakh', or a hyphen joins a part of
    three letters or fewer: 'Kambar-Ata', 'Kyzyl-Bel')."""
    names = []
    for name in re.split(r",\s+|\s+and\s+", listed):
        name = without_possessive(without_owner(name))
        parts = re.split(r"–(?=[A-Z])|-(?=[A-Z][\w'’]{3})(?<=[\w'’]{4}-)", name)
        if len(parts) > 1 and name not in sites.known_sites() and not _city(name):
            names.extend(parts)
        else:
            names.append(name)
    return names


def filed_from(place: str | None) -> FoundPlace | None:
    """The dateline's place as the meeting's venue until a sentence names another: a story
    filed from Muscat about talks is, nearly always, about talks in Muscat."""
    if not place:
        return None
    city = _city(place, "venue")  # first: "Kuwait City" is a city, though it starts with a country
    if city or not _usable(place):
        return city
    return FoundPlace(place, None, None, None, "near", "venue")


def venue_in(sentence: str) -> FoundPlace | None:
    """Where a meeting or signing took place, if the sentence says so."""
    match = _VENUE.search(sentence)
    if not match:
        return None
    name = match.group(1)
    if name.split()[0].lower() in NOT_PLACES - {"white", "house"}:
        return None
    return _city(name, "venue") or FoundPlace(name, None, None, None, "near", "venue")
