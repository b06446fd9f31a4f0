"""What makes a sentence a commitment, and what only looks like one; titles and categories."""

from __future__ import annotations

import re

# (pattern, confidence, how the promised action is introduced)
COMMITMENT_CUES: list[tuple[re.Pattern, float]] = [
    (re.compile(p, re.IGNORECASE), confidence)
    for p, confidence in (
        (
            r"\bagree[ds]?\s+(?:(?:on|in|at|during|after|with)\s+[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*"
            r"\s+)?(?:to|on|that)\s+",
            0.9,
        ),
        (r"\bpledg(?:e|ed|es|ing)\s+(?:to\s+)?", 0.9),
        # the English of communiqués written in French: "agreed for the reopening of",
        # "has engaged itself to hand over"
        (r"\bagreed\s+for\s+(?=the\s+)", 0.8),
        (r"\b(?:has|have)\s+engaged\s+(?:itself|themselves)\s+to\s+", 0.8),
        (
            r"\bcommit(?:ted|s|ting)?\s+(?:themselves\s+|itself\s+|their\s+countries\s+|"
            r"their\s+governments\s+)?to\s+",
            0.85,
        ),
        (r"\bpromis(?:e|ed|es|ing)\s+(?:to\s+|(?=not\s+to\s+))", 0.85),
        (r"\bvow(?:ed|s)?\s+to\s+", 0.8),
        (r"\bundert(?:ook|ake|akes)\s+to\s+", 0.85),
        (r"\b(?:decided|resolved)\s+to\s+", 0.75),
        (
            r"\bestablish(?:ed)?\s+(?=(?:a|an|the)\s+(?:\w+\s+){0,2}(?:system|mechanism|framework|"
            r"committee|commission|hotline|channel|task force|working group)\b)",
            0.7,
        ),
        (r"\b(?:upcoming|forthcoming|planned|expected)\s+visit\b", 0.7),
        (
            r"\b(?:will|shall|would)\s+(?:also\s+)?(?!likely\b|probably\b|be\s+remembered\b|"
            r"be\s+held\b|have\s+to\s+be\b)",
            0.75,
        ),
        (r"\b(?:is|are)\s+(?:also\s+)?(?:scheduled|set|due)\s+to\s+", 0.6),
        (
            r"\b(?:still\s+)?(?:will\s+)?(?:has|have|needs?)\s+to\s+be\s+(?:signed|ratified|"
            r"approved)(?:\s+and\s+(?:signed|ratified|approved))?",
            0.5,
        ),
    )
]
LOOKALIKES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bcommitted\s+(?:a|an|the|many|several|war|serious)?\s*(?:crimes?|atrocit|attacks?|"
        r"murders?|abuses?|violations?|suicide|fraud|offences?)",
        r"\b(?:did|do|does|would|could)\s+not\s+(?:agree|commit|pledge|promise)",
        r"\b(?:refused|failed|declined)\s+to\b",
        r"\bno\s+(?:agreement|commitment|deal)\b",
        r"\b(?:analysts?|critics?|experts?|observers?|officials?)\s+(?:said|say|warned|"
        r"believe|expect)\b.*\bwill\b",
        r"\bit\s+(?:is|was)\s+(?:unclear|not\s+clear)\b",
        r"\b(?:may|might|could)\s+(?:eventually\s+)?(?:agree|sign|commit)",
        r"\?\s*$",
        r"\bweather\b",
        r"\bwill\s+(?:be\s+)?(?:likely|probably|possibly)\b",
        r"\bwould\s+likely\b",
        r"^[“\"]",
    )
]
PARTY_SUBJECT = re.compile(
    r"\b(?:they|the\s+(?:two|both)\s+\w+|both\s+(?:sides|countries|nations|governments)|"
    r"the\s+(?:leaders|ministers|foreign\s+ministers|governments|countries|sides|parties)|"
    r"government|ministry|president|prime\s+minister|minister|army|forces|rebels|militia|"
    r"negotiators|delegations?|authorities|under\s+the\s+(?:deal|agreement|declaration|"
    r"accord|truce|plan))\b",
    re.IGNORECASE,
)

CATEGORY_WORDS = {
    "security": (
        "terror",
        "security",
        "military",
        "militant",
        "intelligence",
        "liaison officer",
        "ceasefire",
        "cease-fire",
        "troops",
        "weapons",
        "border security",
        "defence",
        "defense",
        "armed",
        "police",
        "counter-terror",
        "demining",
        "missile",
    ),
    "economic": (
        "trade",
        "market",
        "economic",
        "investment",
        "energy",
        "billion",
        "million",
        "dollars",
        "corridor",
        "transit",
        "tariff",
        "pipeline",
        "gas",
        "oil",
        "railway",
        "road",
        "development rights",
        "business",
        "customs",
        "electricity",
    ),
    "humanitarian": (
        "humanitarian",
        "refugee",
        "aid",
        "prisoner",
        "detainee",
        "civilians",
        "displaced",
        "relief",
        "hostage",
        "medical",
    ),
    "political": (
        "peace agreement",
        "peace treaty",
        "ratif",
        "election",
        "constitution",
        "referendum",
        "sovereignty",
        "recognis",
        "recogniz",
        "end decades of conflict",
        "dissolve",
    ),
    "diplomatic": (
        "visit",
        "ambassador",
        "consultation",
        "foreign minister",
        "diplomatic",
        "embassy",
        "summit",
        "talks",
        "relations",
        "envoy",
        "osce",
        "dialogue",
    ),
}

_TRAILING = re.compile(
    r"(?:,\s+(?:strengthening|underlining|aiming|which|while|with\s+a\s+focus|to\s+be\s+called|"
    r"particularly|including|in\s+a\s+ceremony|as\s+part\b)|\s+that\s+will\b|\s+which\b|"
    r"\s+following\s+(?:recent|the|a|last)\b|,\s+(?:[\w'’-]+\s+){1,3}said\b|"
    r"\s+before\s+returning\b|;).*$",
    re.IGNORECASE,
)
# a headline or a bullet in telegram style: "- Turkey to open the crossing by year-end",
# "Both sides to resume flights" (a subject of at most five words, then "to" and a verb)
TELEGRAM = re.compile(
    r"^(?:[-•*–]\s+)?((?:[A-Z][\w'’-]*|and|the|two|both|sides|countries|,)(?:\s*,?\s+"
    r"(?:[A-Z][\w'’-]*|and|the|two|both|sides|countries)){0,4})\s+to\s+(?=[a-z])"
)
_ADVERBS = re.compile(r"^(?:also|further|swiftly|quickly|soon|jointly|formally|to)\s+", re.I)


def category_of(text: str) -> str:
    lowered = text.lower()
    scores = {
        category: sum(lowered.count(word) for word in words)
        for category, words in CATEGORY_WORDS.items()
    }
    best = max(scores, key=scores.get)
    return best if scores[best] else "other"


def title_from(action: str, limit: int = 90) -> str:
    """A short imperative-style title from the words that follow the commitment cue."""
    text = _TRAILING.sub("", action.strip()).strip(" ,.;:")
    while _ADVERBS.match(text):
        text = _ADVERBS.sub("", text, count=1)
    text = re.sub(r"^(?:cooperation)\b", "Cooperate", text, flags=re.IGNORECASE)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:] if text else ""


def visit_title(sentence: str) -> str | None:
    """'…announced Iran's President Ebrahim Raisi's upcoming visit to Pakistan' ->
    'Visit of Iran's President Ebrahim Raisi to Pakistan'."""
    match = re.search(
        r"((?:[A-Z][\w'’-]*\s+){1,6}?[A-Z][\w-]*)['’]s\s+(?:upcoming|forthcoming|planned|"
        r"expected)\s+visit\s+to\s+((?:[A-Z][\w-]*\s*){1,3})",
        sentence,
    )
    if not match:
        return None
    return f"Visit of {match.group(1).strip()} to {match.group(2).strip()}"
