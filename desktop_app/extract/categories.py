"""A commitment's category from a keyword model a reader can check by hand.

Each category has a list of word stems. A stem counts when a word of the text starts with it
("ceasefire" counts for "ceasefire" and "ceasefires"; "ratif" for "ratify" and "ratified").
A stem in the promised action (the title) scores three points (twice for the title, once
more as part of the sentence), one elsewhere in the sentence: the action says what was
promised, the rest often only why or where. The category with the
most points wins; on a tie the earlier category in CATEGORY_ORDER wins (security before
humanitarian before economic before political before diplomatic: the more specific first).
No stem scores: "other". `category_reasons` shows which stems decided.
"""

from __future__ import annotations

import functools
import re

CATEGORY_ORDER = ("security", "humanitarian", "economic", "political", "diplomatic")
# fmt: off
STEMS: dict[str, tuple[str, ...]] = {
    "security": (
        "ceasefire", "cease-fire", "truce", "troop", "soldier", "military", "army", "armed",
        "militant", "militia", "terror", "counter-terror", "weapon", "arms", "demin", "landmine",
        "police", "patrol", "disengag", "withdraw", "pull back", "pull troops", "security",
        "defence", "defense", "missile", "insurgen", "rebel", "intelligence", "maritime",
        "naval", "coast guard", "at sea", "battalion", "hostilities", "clash", "border command",
        "buffer zone", "de-escalat", "drone", "attack", "violence", "smuggl", "trafficking",
    ),
    "humanitarian": (
        "humanitarian", "refugee", "aid", "prisoner", "detainee", "detained", "hostage",
        "civilian", "displaced", "relief", "medical", "missing person", "remains", "bodies",
        "release", "food", "shelter", "evacuat", "free passage", "reunif", "asylum",
        "migrants", "returnee", "famine", "vaccin", "health",
    ),
    "economic": (
        "trade", "tariff", "export", "import", "customs", "invest", "financ", "loan", "credit",
        "fund", "billion", "million", "dollar", "market", "business", "energy", "electricity",
        "power", "gas", "oil", "pipeline", "grid", "interconnector", "kilovolt", "railway",
        "rail", "road", "highway", "port", "flight", "cargo", "shipping", "transit", "corridor",
        "crossing", "border post", "bridge", "touris", "train", "freight", "quarantine",
        "licens", "product", "seafood", "agricultur", "grain", "wheat", "sugar", "budget", "tax",
        "currency", "bank", "infrastructure", "construct", "feasibility", "economic", "fisher",
        "mining", "water sharing", "dam", "lorr", "truck", "goods", "supply", "jobs", "debt",
        "climate", "emission", "renewable", "solar", "coal",
    ),
    "political": (
        "peace agreement", "peace treaty", "peace deal", "ratif", "election", "constitution",
        "referendum", "sovereign", "recogni", "archive", "extradit", "hand over", "suspect",
        "court", "justice", "amnesty", "reform", "parliament", "legislat", "accountab",
        "power-sharing", "transition", "dissolve", "normali", "reconcil", "end decades",
    ),
    "diplomatic": (
        "visit", "ambassador", "embass", "consul", "talks", "meeting", "meet", "summit",
        "envoy", "dialogue", "relations", "host", "convene", "working group", "committee",
        "commission", "diplomat", "foreign minister", "follow-up", "round of", "mechanism",
        "hotline", "channel", "visa",
    ),
}
# fmt: on


@functools.cache
def _pattern(category: str) -> re.Pattern:
    stems = sorted(STEMS[category], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")", re.IGNORECASE)


def category_reasons(title: str, sentence: str = "") -> dict[str, list[str]]:
    """The stems each category matched: those of the title listed twice, then those of the
    whole sentence."""
    rest = sentence
    reasons: dict[str, list[str]] = {}
    for category in CATEGORY_ORDER:
        in_title = [m.group().lower() for m in _pattern(category).finditer(title)]
        in_rest = [m.group().lower() for m in _pattern(category).finditer(rest)]
        if in_title or in_rest:
            reasons[category] = in_title * 2 + in_rest
    return reasons


def category_of(title: str, sentence: str = "") -> str:
    """The category with the most points (see the module's docstring), or 'other'."""
    reasons = category_reasons(title, sentence)
    if not reasons:
        return "other"
    return max(CATEGORY_ORDER, key=lambda c: (len(reasons.get(c, ())), -CATEGORY_ORDER.index(c)))
