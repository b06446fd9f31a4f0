"""Splitting an article into its publication date and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.extract import rules
from desktop_app.extract.datelines import read_dateline

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sen",
    "rep",
    "gov",
    "st",
    "no",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "approx",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


# a paragraph ends at a blank line, and before a bulleted line ("- Turkey to open …", "• …"):
# each bullet is a sentence of its own even when it has no full stop
_BULLET = re.compile(r"\n\s*\n|\n[ \t]*(?=[-•*–][ \t])")


@dataclass
class Article:
    text: str
    published: str | None  # ISO date
    sentences: list[str]
    filed_in: str | None = None  # the dateline's place: where the story was filed


def publication_date(raw: str) -> str | None:
    """The date the text says it was published: a leading `date YYYY-MM-DD` line, else its
    dateline ("Beijing, 14 March 2025 —"); None when it says neither."""
    match = _DATE_LINE.match(raw)
    if match:
        return match.group(1)
    dateline = read_dateline(raw) if rules.enabled("datelines") else None
    return dateline.published if dateline else None


def parse_article(raw: str, published: str | None = None) -> Article:
    """The publication date (the one given, else a leading `date YYYY-MM-DD` line, else the
    story's dateline) and the sentences, without the dateline."""
    match = _DATE_LINE.match(raw)
    if match:
        published = published or match.group(1)
        raw = raw[match.end() :]
    dateline = read_dateline(raw) if rules.enabled("datelines") else None
    if dateline:
        published = published or dateline.published
        raw = raw[: dateline.start] + "\n\n" + raw[dateline.end :]
    sentences = []
    for paragraph in _BULLET.split(raw):
        for sentence in split_sentences(" ".join(paragraph.split())):
            sentences.extend(bounded(sentence))
    filed_in = dateline.place if dateline else None
    return Article(raw, published, [s for s in sentences if s], filed_in)


#: no sentence of news prose is this long; a longer "sentence" (a table pasted as one line, a
#: run of digits) is read in pieces, so that every rule runs on bounded text and reading stays
#: linear in the length of the article whatever it holds
MAX_SENTENCE = 1000


def bounded(sentence: str, limit: int = MAX_SENTENCE) -> list[str]:
    """sentence in pieces of at most `limit` characters, cut at a space where there is one."""
    pieces = []
    while len(sentence) > limit:
        cut = sentence.rfind(" ", limit // 2, limit)
        cut = cut if cut > 0 else limit
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    pieces.append(sentence)
    return pieces


def split_sentences(paragraph: str) -> list[str]:
    """Split at . ! ? followed by a capital, except after common abbreviations and initials."""
    pieces: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(paragraph):
        # only the last word matters: a bounded look back keeps a paragraph of many
        # abbreviations ("Mr. A. Mr. B. …") linear
        before = paragraph[max(start, boundary.start() - 40) : boundary.start()].rstrip('"”’)')
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
            continue
        pieces.append(paragraph[start : boundary.start()].strip())
        start = boundary.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]
