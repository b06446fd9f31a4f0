"""Reported figures in a sentence: counts with units ("20 killed", "1.2 million refugees",
"23 soldiers were killed"), sums of money ("$118bn", "€2.1bn", "54.6 billion dirhams"),
quantities ("1,946 gigawatt-hours"), with the period ("in 2024", "last year", "in the first
six months of 2024") and the change ("up 9% on 2023", "a 40 percent increase") where stated.

Every pattern starts only where a number starts, and sentences reach here at most 1,000
characters long (text.bounded), so a run of digits costs linear time."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "dirham": "AED",
    "riyal": "SAR",
    "rouble": "RUB",
    "ruble": "RUB",
    "lira": "TRY",
    "naira": "NGN",
    "rand": "ZAR",
    "shilling": "KES",
    "peso": "MXN",
    "real": "BRL",
    "reais": "BRL",
}
# units people count; the figure's unit is the word as written, in the singular where
# the plural only adds an s ("refugees" stays: it is how tables label the column)
COUNT_NOUNS = (
    r"killed|dead|deaths?|wounded|injured|casualties|fatalities|refugees|displaced|"
    r"migrants|civilians|soldiers|troops|prisoners|detainees|hostages|people|persons|"
    r"attacks?|incidents?|strikes?|explosions?|protests?|protesters|cases|arrests|"
    r"tonnes|tons|barrels|megawatts?|MW|gigawatts?|GW|megawatt-hours|MWh|gigawatt-hours|"
    r"GWh|kilometres|kilometers|km|vehicles|lorries|trucks|containers|passengers|visitors|"
    r"pilgrims|households|families|children|students|workers|jobs"
)
_COUNT_NOUNS = "|".join(sorted(COUNT_NOUNS.split("|"), key=len, reverse=True))  # longest first
_NUMBER = r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
_SCALE = r"(?:\s*(thousand|million|billion|trillion|mn|bn|tn|[kmb])\b)?"
_MONEY_SIGN = re.compile(
    r"(US\$|\$|€|£|¥|₹)\s?" + _NUMBER.replace("(?<![\\w.,])", "") + _SCALE, re.I
)
_MONEY_WORD = re.compile(
    _NUMBER + _SCALE + r"\s+(?:US\s+)?(" + "|".join(CURRENCY_WORDS) + r")s?\b", re.I
)
_COUNT = re.compile(
    _NUMBER
    + r"(?:\s+(thousand|million|billion))?\s+((?:[A-Za-z-]+\s+){0,2}?)("
    + _COUNT_NOUNS
    + r")\b"
    r"(?:\s+(?:were|was|have\s+been|had\s+been)\s+(killed|wounded|injured|displaced|arrested))?",
)
_KILLED_N = re.compile(
    r"\b(killed|wounded|displaced)\s+(?:at\s+least\s+|some\s+|about\s+)?" + _NUMBER
)
_VERB_BEFORE = re.compile(
    r"\b(killed|wounded|injured|displaced)\s+(?:at\s+least\s+|some\s+|about\s+|over\s+)?$", re.I
)
_CHANGE = re.compile(
    r"(?:\b(up|rose|rising|increased?|grew|jumped|climbed|down|fell|falling|dropped|declined|"
    r"decreased?)\s+(?:by\s+|of\s+)?|\ban?\s+)?(?<![\w.,])(\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)"
    r"(?:\s+(increase|rise|jump|more|higher|decrease|drop|fall|fewer|lower|decline))?",
    re.I,
)
_FALLING = {"down", "fell", "falling", "dropped", "declined", "decrease", "decreased", "drop",
            "fall", "fewer", "lower", "decline"}  # fmt: skip
_FIRST_MONTHS = re.compile(r"\bfirst\s+(\d{1,2}|\w+)\s+months\s+of\s+(\d{4})\b", re.I)
_IN_YEAR = re.compile(r"\b(?:in|during|for|of|through)\s+(\d{4})\b(?!\s*(?:%|per))")
_LAST_YEAR = re.compile(r"\b(?:last|past)\s+year\b", re.I)
_WORD_NUMBERS = {"three": 3, "six": 6, "nine": 9, "four": 4, "five": 5, "two": 2, "eight": 8,
                 "seven": 7, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


@dataclass
class Figure:
    value: float
    unit: str
    label: str
    period_start: str | None = None
    period_end: str | None = None
    change_percent: float | None = None

    @property
    def baseline(self) -> int | None:
        """The value before the change, where the change is stated."""
        if self.change_percent is None or self.change_percent == -100:
            return None
        return round(self.value / (1 + self.change_percent / 100))


def _amount(whole: str, fraction: str | None, scale: str | None) -> float:
    value = float(whole.replace(",", "") + ("." + fraction if fraction else ""))
    return value * SCALES.get((scale or "").lower(), 1)


def figures_in(sentence: str, published: str | None = None) -> list[Figure]:
    """Every figure the sentence reports, in order, each with the sentence's period and
    change (a sentence reporting two changes gives the first to both)."""
    found: list[tuple[int, Figure]] = []
    taken: list[range] = []

    def add(match: re.Match, figure: Figure) -> None:
        if _is_a_year(sentence, match, figure):
            return
        span = range(match.start(), match.end())
        if any(span.start < other.stop and other.start < span.stop for other in taken):
            return
        taken.append(span)
        found.append((match.start(), figure))

    for match in _MONEY_SIGN.finditer(sentence):
        unit = CURRENCY_SIGNS[match.group(1).lower()]
        value = _amount(match.group(2), match.group(3), match.group(4))
        add(match, Figure(value, unit, f"{match.group().strip()}"))
    for match in _MONEY_WORD.finditer(sentence):
        value = _amount(match.group(1), match.group(2), match.group(3))
        add(match, Figure(value, CURRENCY_WORDS[match.group(4).lower()], match.group().strip()))
    for match in _COUNT.finditer(sentence):
        value = _amount(match.group(1), match.group(2), match.group(3))
        unit = match.group(6) or match.group(5)
        verb = _VERB_BEFORE.search(sentence[max(0, match.start() - 30) : match.start()])
        if verb and unit.lower() in ("people", "persons"):
            unit = verb.group(1).lower()  # "killed 7 people": 7 killed; "killed 9 civilians" stays
        add(match, Figure(value, unit, match.group().strip()))
    for match in _KILLED_N.finditer(sentence):
        add(
            match,
            Figure(_amount(match.group(2), match.group(3), None), match.group(1), match.group()),
        )
    period = _period(sentence, published)
    change = _change(sentence)
    figures = [figure for _start, figure in sorted(found, key=lambda pair: pair[0])]
    for figure in figures:
        figure.period_start, figure.period_end = period
        figure.change_percent = change
    return figures


_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|from|to|and|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)|[,(])\s*$",
    re.I,
)


def _is_a_year(sentence: str, match: re.Match, figure: Figure) -> bool:
    """ "in September 2022 killed …": 2022 is the year, not a count."""
    written = match.group()
    number = re.search(r"\d[\d,]*", written)
    return bool(
        number
        and re.fullmatch(r"(?:19|20)\d\d", number.group())
        and _YEAR_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()])
    )


def _change(sentence: str) -> float | None:
    for match in _CHANGE.finditer(sentence):
        verb, amount, noun = match.group(1), match.group(2), match.group(3)
        if not (verb or noun):
            continue  # "a 9% share" is no change
        falling = (verb or "").lower() in _FALLING or (noun or "").lower() in _FALLING
        return -float(amount) if falling else float(amount)
    return None


def _period(sentence: str, published: str | None) -> tuple[str | None, str | None]:
    months = _FIRST_MONTHS.search(sentence)
    if months:
        count = months.group(1).lower()
        # a number we cannot read ("the first few months") stands for the whole year
        count = int(count) if count.isdigit() else _WORD_NUMBERS.get(count, 12)
        year = int(months.group(2))
        if 1 <= count <= 12 and year >= 1:  # "the first 13 months of 2024" gives no period
            last = calendar.monthrange(year, count)[1]
            return f"{year:04d}-01-01", dt.date(year, count, last).isoformat()
        return None, None
    year_match = _IN_YEAR.search(sentence)
    if year_match and int(year_match.group(1)) >= 1:
        year = int(year_match.group(1))
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if _LAST_YEAR.search(sentence) and published and int(published[:4]) > 1:
        year = int(published[:4]) - 1
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    return None, None
