"""Sentences that use a promise's words but promise nothing now: promises from the past or
ones that failed ("were never carried out", "had pledged in 2019"), conditionals ("if
India withdraws, China would…") and questions ("Will the deal hold?", "asked whether")."""

from __future__ import annotations

import re

_I = re.IGNORECASE
_CUE = r"(?:pledged|promised|vowed|committed|agreed|undertook|undertaken|signed\s+up)"
FAILED = re.compile(
    r"\bnever\s+(?:\w+\s+){0,2}?(?:carried\s+out|implemented|honou?red|kept|fulfilled|"
    r"materiali[sz]ed|delivered|happened|took\s+place|enforced|ratified)\b|"
    r"\b(?:went|remain(?:s|ed)?|are\s+still|is\s+still|left)\s+unfulfilled\b|"
    r"\b(?:broke|broken|breaking)\s+(?:its|their|his|her|the|a)\s+(?:promise|pledge|word)|"
    r"\breneged\b|\bfailed\s+(?:when|after|because|as)\b|\bfell\s+through\b|\bwent\s+unheeded\b|\bwas\s+abandoned\b|"
    r"\b(?:promises?|pledges?|commitments?|undertakings?)\s+(?:\w+\s+)?(?:made|given)\s+"
    r"(?:in|on|during|at|back\s+in|years?\s+ago)\b",
    _I,
)
# an earlier promise recalled: "had pledged", "pledged in 2019", "had agreed back in 2021"
# (the year right after the verb: "agreed to restore flights suspended in 2020" is a promise)
_RECALLED_YEAR = re.compile(
    rf"\bhad\s+(?:also\s+)?(?:{_CUE}|said|announced|stated)\s+(?:\w+\s+){{0,6}}?"
    r"(?:in|back\s+in)\s+(\d{4})\b|"
    rf"\b{_CUE}\s+(?:in|back\s+in)\s+(\d{{4}})\b|"
    rf"\b(?:in|back\s+in)\s+(\d{{4}}),?\s+(?:[\w'’-]+\s+){{0,4}}had\s+(?:also\s+)?{_CUE}\b",
    _I,
)
# "would need", "did not say when": a condition or a silence, not a promise; "…, which will
# link": the subject of "will" is a thing
NOT_SAID = re.compile(
    r"\b(?:did|do|does)\s+not\s+(?:say|specify|explain|confirm|give)\b|"
    r"\b(?:would|will)\s+(?:need|require|depend|take\s+years|cost)\b|"
    r",\s+which\s+(?:will|would)\b",
    _I,
)
_PAST_PERFECT = re.compile(
    rf"\bhad\s+(?:already\s+|previously\s+|once\s+)?{_CUE}\b[^,;]*\b(?:years?\s+ago|"
    r"previously|in\s+the\s+past|last\s+year|before\s+the\s+war|decades?\s+ago)\b",
    _I,
)
CONDITIONAL = re.compile(
    r"^[\"“‘]?(?:if|unless|should\s+\w+\s+(?!be\b)|were\s+\w+\s+to|in\s+case)\b|"
    r"\b(?:only\s+if|on\s+condition\s+that|provided\s+that|as\s+long\s+as)\b|"
    r"\bwould\b[^.]{0,200}\bif\b|\bif\b[^.]{0,200}\bwould\b",
    _I,
)
QUESTION = re.compile(r"\?[\"”’)]*\s*$|\b(?:asked|wondered|questioned)\s+(?:whether|if)\b", _I)


def not_a_promise(sentence: str, published: str | None) -> str | None:
    """Why the sentence is no promise made now ('past', 'conditional', 'question'), or None."""
    if FAILED.search(sentence) or _PAST_PERFECT.search(sentence):
        return "past"
    recalled = _RECALLED_YEAR.search(sentence)
    year = recalled and (recalled.group(1) or recalled.group(2) or recalled.group(3))
    if year and published and int(year) < int(published[:4]):
        return "past"
    if NOT_SAID.search(sentence):
        return "not said"
    if QUESTION.search(sentence):
        return "question"
    if CONDITIONAL.search(sentence):
        return "conditional"
    return None
