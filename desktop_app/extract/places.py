"""Places a sentence names: gazetteer cities (with coordinates), regions such as
"southern Armenia", and other capitalised names after in/at/near that no gazetteer knows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.domain import gazetteer
from desktop_app.extract import countries

TITLES = {
    "president",
    "minister",
    "prime",
    "foreign",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "emir",
    "sheikh",
    "general",
    "gen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "counterpart",
    "leader",
    "chief",
    "commander",
    "governor",
    "mayor",
    "senator",
    "premier",
    "deputy",
    "caretaker",
}
NOT_PLACES = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "the",
    "this",
    "that",
    "these",
    "those",
    "they",
    "he",
    "she",
    "it",
    "during",
    "under",
    "after",
    "before",
    "according",
    "additionally",
    "furthermore",
    "however",
    "meanwhile",
    "recent",
    "both",
    "all",
    "a",
    "an",
    "in",
    "on",
    "at",
    "white",
    "house",
    "group",
    "council",
    "ministry",
    "institute",
    "agency",
    "press",
    "union",
    "organization",
    "organisation",
    "committee",
    "commission",
    "party",
    "army",
    "forces",
    "guards",
    "route",
    "peace",
    "prosperity",
    "international",
    "world",
    "united",
    "nations",
}
ORGANISATION_WORDS = {
    "group",
    "council",
    "ministry",
    "institute",
    "agency",
    "press",
    "union",
    "organization",
    "organisation",
    "committee",
    "commission",
    "house",
    "forces",
    "guards",
    "bank",
    "fund",
    "office",
    "court",
    "route",
}
PLACE_PREPOSITIONS = {
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
    "and",
    "of",
    "visit",
    "visited",
    "visiting",
}
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:al-|el-|de\s)?[A-Z][\w'’-]*){0,2}")
_REGION = re.compile(
    r"\b(?:in|through|across|into|from|near)\s+((?:southern|northern|eastern|western|central|"
    r"south-eastern|south-western|north-eastern|north-western)\s+[A-Z][\w-]+)"
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|near|outside|from)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
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


def _person_name_tokens(sentence: str) -> set[int]:
    """Character offsets of capitalised words that follow a title (a person's name)."""
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


def places_in(sentence: str) -> list[FoundPlace]:
    found: dict[str, FoundPlace] = {}
    persons = _person_name_tokens(sentence)
    for match in _REGION.finditer(sentence):
        region = match.group(1)
        codes = countries.countries_in(region)
        found[region.lower()] = FoundPlace(
            region, codes[0] if codes else None, None, None, "region"
        )
    for match in _CAPITALISED.finditer(sentence):
        if match.start() in persons:
            continue
        words = match.group().split()
        following = sentence[match.end() : match.end() + 20].strip().split(" ")[0].lower()
        if any(w.lower().strip(".,;") in ORGANISATION_WORDS for w in [*words, following]):
            continue  # "Minsk Group" is not Minsk
        before = sentence[: match.start()].split()
        previous = before[-1].lower() if before else ""
        if match.group() in countries.CAPITALS and previous not in PLACE_PREPOSITIONS:
            continue  # "Washington signed": the government, not the city
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size]).rstrip("'’s").rstrip("'’")
            if name.lower() in NOT_PLACES or countries.is_country_word(name) or len(name) < 3:
                continue
            if any(w.lower() in NOT_PLACES for w in name.split()):
                continue
            city = gazetteer.place_exactly(name)
            if city:
                found.setdefault(
                    name.lower(),
                    FoundPlace(
                        name,
                        city.country_iso3,
                        round(city.latitude, 4),
                        round(city.longitude, 4),
                        "exact",
                    ),
                )
                break
    for match in _AFTER_PREPOSITION.finditer(sentence):
        name = match.group(1).rstrip("'’s")
        first = name.split()[0]
        if (
            match.start(1) in persons
            or name.lower() in found
            or first.lower() in NOT_PLACES
            or countries.is_country_word(first)
            or any(w.lower() in ORGANISATION_WORDS for w in name.split())
        ):
            continue
        if any(name.lower() in key for key in found):
            continue
        found[name.lower()] = FoundPlace(name, None, None, None, "near")
    return list(found.values())


_VENUE = re.compile(
    r"\b(?:convened|met|meeting|talks|arrived|gathered|summit|conference|signed[^.]*?)\s+"
    r"(?:\w+\s+){0,3}?(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


def venue_in(sentence: str) -> FoundPlace | None:
    """Where a meeting or signing took place, if the sentence says so."""
    match = _VENUE.search(sentence)
    if not match:
        return None
    name = match.group(1)
    if name.split()[0].lower() in NOT_PLACES - {"white", "house"}:
        return None
    city = gazetteer.place_exactly(name)
    if city:
        return FoundPlace(
            name,
            city.country_iso3,
            round(city.latitude, 4),
            round(city.longitude, 4),
            "exact",
            "venue",
        )
    return FoundPlace(name, None, None, None, "near", "venue")
