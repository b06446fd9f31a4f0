"""What makes a sentence a commitment, and what only looks like one; titles and categories."""

from __future__ import annotations

import re

# a time or a place between the verb and its "to": "resolved on Monday to", "vowed in Doha to"
_WHEN = (
    r"(?:\s+(?:on|in|at|during|after|last|this)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+|"
    r"\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"  # "agreed Wednesday to" (wire style)
)
_ACTION_VERBS = (
    r"hold|set|open|reopen|build|release|resume|establish|create|form|provide|deploy|return|"
    r"hand|allow|expand|double|cut|lift|start|launch|complete|finish|sign|ratify|send|allocate|"
    r"invest|train|increase|raise|reduce|restore|repair|help|share|exchange|meet|draft|review|"
    r"extend|open|grant|issue|remove|repatriate|demarcate|patrol|monitor|supply|buy|sell|import|"
    r"export|build|upgrade|fund|finance|host|appoint|activate|conduct|carry|step\s+up"
)
# (pattern, confidence, how the promised action is introduced)
COMMITMENT_CUES: list[tuple[re.Pattern, float]] = [
    (re.compile(p, re.IGNORECASE), confidence)
    for p, confidence in (
        (
            r"\bagree[ds]?\s+(?:(?:on|in|at|during|after|with|last)\s+[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*"
            r"\s+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
            r"\s+)?(?:to|on|that)\s+",
            0.9,
        ),
        # the verb, not the noun: "pledged to", "to pledge cooperation", "pledges to" (not "The
        # pledge is meant to calm fears")
        (
            rf"\bpledg(?:ed|ing){_WHEN}\s+(?:to\s+)?|\bpledges?\s+to\s+|"
            r"(?<!\bthe\s)(?<!\bThe\s)(?<!\ba\s)(?<!\bA\s)(?<!\bthis\s)(?<!\bThis\s)\bpledge\s+",
            0.9,
        ),
        # a document signed for a purpose: "signed a memorandum to build a power line"
        (
            r"\bsigned\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:memorandum|agreement|deal|"
            r"accord|protocol|declaration|treaty|pact|roadmap)(?:\s+of\s+understanding)?\s+"
            r"(?:to|on|for)\s+",
            0.8,
        ),
        # what a signed text holds: "the agreement also provides for joint patrols"
        (
            r"\b(?:deal|agreement|accord|memorandum|declaration|plan|pact|treaty|roadmap|"
            r"protocol|communiqu[eé])\s+(?:also\s+)?(?:provides|provided)\s+for\s+",
            0.75,
        ),
        (
            r"\bexpressed\s+(?:its\s+|their\s+|his\s+|her\s+)?(?:readiness|willingness)\s+"
            r"to\s+",
            0.7,
        ),
        # the English of communiqués written in French: "agreed for the reopening of",
        # "has engaged itself to hand over"
        (r"\bagreed\s+for\s+(?=the\s+)", 0.8),
        (r"\b(?:has|have)\s+engaged\s+(?:itself|themselves)\s+to\s+", 0.8),
        (
            r"\bcommit(?:ted|s|ting)?\s+(?:themselves\s+|itself\s+|their\s+countries\s+|"
            r"their\s+governments\s+)?to\s+",
            0.85,
        ),
        (rf"\bpromis(?:e|ed|es|ing){_WHEN}\s+(?:to\s+|(?=not\s+to\s+))", 0.85),
        (rf"\bvow(?:ed|s)?{_WHEN}\s+to\s+", 0.8),
        (rf"\bundert(?:ook|ake|akes){_WHEN}\s+to\s+", 0.85),
        (rf"\b(?:decided|resolved){_WHEN}\s+to\s+", 0.75),
        (
            r"\bestablish(?:ed)?\s+(?=(?:a|an|the)\s+(?:\w+\s+){0,2}(?:system|mechanism|framework|"
            r"committee|commission|hotline|channel|task force|working group)\b)",
            0.7,
        ),
        (r"\b(?:upcoming|forthcoming|planned|expected)\s+visit\b", 0.7),
        (r"\bwill\s+meet\s+(?:again|next)\b", 0.6),
        # the next round agreed: "The next session will be held in Baghdad in 2026"
        (
            r"\b(?:next|following)\s+(?:[\w-]+\s+){0,2}(?:meeting|session|round|summit|talks)\b"
            r".*?\b(?:will\s+be\s+|(?:is|are)\s+(?:to\s+be\s+)?)(?:held|planned|scheduled)\b",
            0.6,
        ),
        (
            r"\b(?:will|shall|would)(?:,\s+\w+,)?\s+(?:also\s+)?(?!likely\b|probably\b|be\s+remembered\b|still\b|"
            r"be\s+held\b|have\s+to\s+be\b)",
            0.75,
        ),
        (r"\b(?:is|are)\s+(?:also\s+)?(?:scheduled|set|due)\s+to\s+", 0.6),
        # a plan in the wire's future: "the line is to reopen by 2029", "Construction is to begin"
        (
            rf"\b(?:is|are)\s+(?:also\s+)?to\s+(?=(?:{_ACTION_VERBS}|begin|run|close|"
            r"be\s+\w+ed)\b)",
            0.6,
        ),
        (r"\b(?:plans?|planned|intends?|intended)\s+to\s+", 0.6),
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
        r"\bno\s+(?:agreement|commitment|deal|pledges?|promises?)\b",
        # a demand in the sentence's main clause: "Environmental groups urged both governments"
        r"^[^,]*\b(?:urged|called\s+on|appealed\s+to|demanded\s+that)\b",
        r"\b(?:analysts?|critics?|experts?|observers?|diplomats?)\s+(?:said|say|warned|"
        r"believe|expect)\b.*\b(?:will|would|might|could)\b",
        # a denial, a fear: "denied that Beirut had agreed", "fears that Addis
        # Ababa would shift trade"
        r"\bdenied\s+(?:that|having|it\s+had|any)\b",
        r"\bit\s+(?:is|was)\s+(?:unclear|not\s+clear)\b",
        r"\b(?:may|might|could)\s+(?:eventually\s+)?(?:agree|sign|commit)",
        r"\?\s*$",
        r"\bweather\b",
        r"\bwill\s+(?:be\s+)?(?:likely|probably|possibly)\b",
        r"\bwould\s+likely\b",
    )
]
# a sentence that opens with a quotation: only what follows it can be the reporter's account
# of a promise ('"We will not …," the minister said, announcing that El Salvador would …')
QUOTED_OPENING = re.compile(r"^[“\"][^”\"]*[”\"]")
# a quotation's first sentence (an opening mark, never closed) or its last (a closing mark
# with none before it: '…and they will keep crossing it," the minister said')
QUOTATION_START = re.compile(r"^[“\"][^”\"]*$")
QUOTATION_END = re.compile(r"^[^“\"”]*[^\s“\"][”\"]")
# the cues of a plain future ("will", "is to"): a promise only with a promisor before them
FUTURE_CUES = (r"\b(?:will|shall|would)", r"\b(?:is|are)\s+(?:also\s+)?to\s+")


def is_future(cue: re.Pattern) -> bool:
    """Whether the cue is a plain future ("will", "is to")."""
    return cue.pattern.startswith(FUTURE_CUES)


def is_plan(cue: re.Pattern) -> bool:
    """Whether the cue is the wire's planned future ("is to begin")."""
    return cue.pattern.startswith(FUTURE_CUES[1])


# a thing planned, before "is to": "the full line is to reopen by 2029"
PLANNED_THING = re.compile(
    r"^(?:the\s+)?(?:[\w,-]+\s+){0,3}(?:line|bridge|railway|road|crossing|pipeline|project|"
    r"plant|port|tunnel|corridor|border|market|office|post)\s*$",
    re.IGNORECASE,
)
# a promise made a noun, and agreed in the passive: "The establishment of a joint cell in
# Malanville was also agreed"
NOMINAL_PROMISE = re.compile(
    r"^(?P<action>(?:the\s+)?(?:creation|establishment|opening|reopening|setting\s+up|"
    r"formation|launch|construction|resumption|release|return|exchange|restoration)\s+of\b.*?)"
    r"\s+(?:was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:agreed|approved|decided|endorsed|"
    r"announced)\b",
    re.IGNORECASE,
)
# clauses whose "will" or "would" is no promise: "…, which will link the ports", "…to calm
# fears in Djibouti that Addis Ababa would shift its trade"
WHICH_CLAUSE = re.compile(
    r",\s+which\s+(?:will|would)\b[^,;]*|"
    r"\b(?:fears?|feared|concerns?|worries|worried)\s+(?:\w+\s+){0,4}?that\b[^;]*",
    re.IGNORECASE,
)
# "will be completed", "will be set up": a work promised in the passive (not "will be held",
# a meeting, nor "will be difficult", a forecast)
PASSIVE_PROMISE = re.compile(
    r"(?:also\s+)?be\s+(?:\w+ed|built|set\s+up|rebuilt|paid|sent|given|made|undertaken)\b"
    r"(?<!\bheld)(?<!\bneeded)(?<!\brequired)(?<!\bexpected)(?<!\bsurprised)(?<!\bpleased)",
    re.IGNORECASE,
)
# "It will, however, provide buses": a government named in the sentence before
PRONOUN_SUBJECT = re.compile(r"it|they", re.IGNORECASE)
# several promised actions in one: "to reopen X and to resume Y", "will set up a hotline by
# March 15 and hold joint drills before year-end" (a verb after "and" starts an action)
ACTIONS_SPLIT = re.compile(
    rf",?\s+and\s+(?:to|also\s+to)\s+|,?\s+and\s+(?:also\s+)?(?=(?:{_ACTION_VERBS})\s)",
    re.IGNORECASE,
)
# where a second promisor's clause begins: "A vowed to X, while B committed to Y"
NEXT_CLAUSE = re.compile(
    r",?\s+(?:while|whereas)\s+|;\s+|,\s+and\s+(?=(?-i:[A-Z])|the\s)", re.IGNORECASE
)
PARTY_SUBJECT = re.compile(
    r"\b(?:they|the\s+(?:two|three|four|both)\s+\w+|both\s+(?:sides|countries|nations|governments)|"
    r"ministers|leaders|"
    r"the\s+(?:leaders|ministers|foreign\s+ministers|governments|countries|sides|parties)|"
    r"government|ministry|president|prime\s+minister|minister|army|forces|rebels|militia|"
    r"negotiators|delegations?|authorities|under\s+the\s+(?:deal|agreement|declaration|"
    r"accord|truce|plan)|"
    # the bodies a government acts through: "the security committee will meet"
    r"committee|commission|council|teams?|coast\s+guards?|navy|navies|border\s+guards?|"
    r"police|task\s+force|working\s+group|officials\s+said|"
    # a work promised: "Construction is to begin", "Work to upgrade the post will begin"
    r"^(?:the\s+)?(?:construction|work|works|building))\b",
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
