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
    r"\b(?:is|are|remains?)\s+(?:still\s+)?(?:incomplete|unfinished)\b|"
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
    r"\b(?:would|will)\s+(?:need|require|depend|take\s+(?:years|months|weeks|time|long)|cost)\b",
    _I,
)
_PAST_PERFECT = re.compile(
    rf"\bhad\s+(?:already\s+|previously\s+|once\s+)?{_CUE}\b[^,;]*\b(?:years?\s+ago|"
    r"previously|in\s+the\s+past|last\s+year|before\s+the\s+war|decades?\s+ago)\b",
    _I,
)
CONDITIONAL = re.compile(
    r"^[\"“‘]?(?:if|unless|should\s+\w+\s+(?!be\b)|were\s+\w+\s+to|in\s+case)\b|"
    r"\b(?:only\s+(?:if|after|when)|on\s+condition\s+that|provided\s+that|as\s+long\s+as)\b|"
    r"\bwould\b[^.]{0,200}\bif\b|\bif\b[^.]{0,200}\bwould\b",
    _I,
)
# a guess, not a promise: "Gulf states might fund the repair" (case matters: "by May")
SPECULATION = re.compile(r"\b(?:might|could|may)\s+(?:also\s+|eventually\s+|still\s+)?[a-z]")
_FIRM_CUE = re.compile(rf"\b(?:{_CUE}|decided|resolved|will|shall)\b", _I)
# a failure in the present perfect: "has not been carried out", "has never put to sea"
_NOT_DONE = re.compile(
    r"\b(?:has|have)\s+(?:still\s+)?(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:carried\s+out|"
    r"met|implemented|honou?red|kept|fulfilled|delivered|materiali[sz]ed|completed|built|"
    r"opened|started|begun|enforced|applied|respected)\b|\b(?:has|have)\s+never\b",
    _I,
)
# a promise dated before the article: "In 2022 the two countries promised", "A 2019 pledge
# to open", "at the cabinet of 2022, the governments pledged" (a year after the promise's verb
# is a promise about that year: "agreed to restore flights suspended in 2020")
_PROMISE_WORD = re.compile(rf"\b(?:{_CUE}|pledges?|promises?|commitments?|undertakings?)\b", _I)
_EARLIER_YEAR = re.compile(r"(?<!since\s)(?<!from\s)(?<!to\s)\b(1[89]\d\d|20\d\d)\b")
_SAID = re.compile(r"\b(?:said|says|announced)\b", _I)
_FIRST_PROMISED = re.compile(rf"\b(?:first|originally|initially)\s+{_CUE}\b", _I)
# the promisor is a company, not a state: "A Vietnamese carmaker pledged to invest"
_COMPANY = re.compile(
    r"\b(?:company|companies|firm|firms|carmaker|automaker|corporation|conglomerate|"
    r"manufacturer|maker|shareholder|consortium|contractor|investors?|lender|bank|operator|"
    r"(?:hotel|business|mining|energy|media|shipping|investment)\s+group|"
    r"developer)\b",
    _I,
)
QUESTION = re.compile(
    r"\?[\"”’)]*\s*$|^whether\b|\b(?:asked|wondered|questioned)\s+(?:whether|if)\b", _I
)


def not_a_promise(sentence: str, published: str | None) -> str | None:
    """Why the sentence is no promise made now ('past', 'conditional', 'question'), or None."""
    if FAILED.search(sentence) or _PAST_PERFECT.search(sentence):
        return "past"
    recalled = _RECALLED_YEAR.search(sentence)
    year = recalled and (recalled.group(1) or recalled.group(2) or recalled.group(3))
    if year and published and int(year) < int(published[:4]):
        return "past"
    if _NOT_DONE.search(sentence):
        return "past"
    promise = _PROMISE_WORD.search(sentence)
    if promise and published:
        if _year_before(sentence[: promise.start()], published):
            return "past"
        if _FIRST_PROMISED.search(sentence) and _year_before(sentence, published):
            return "past"  # "Brazil first undertook to build it in a treaty of 1958"
    # the subject before the promise, or before "said it would", is a company
    for verb in (promise, _SAID.search(sentence)):
        if verb and _COMPANY.search(sentence[: verb.start()]):
            return "not a state"
    if SPECULATION.search(sentence) and not _FIRM_CUE.search(sentence):
        return "speculation"
    if NOT_SAID.search(sentence):
        return "not said"
    if QUESTION.search(sentence):
        return "question"
    if CONDITIONAL.search(sentence):
        return "conditional"
    return None


def _year_before(text: str, published: str) -> bool:
    """Whether text names a year before the article's."""
    return any(int(year) < int(published[:4]) for year in _EARLIER_YEAR.findall(text))
