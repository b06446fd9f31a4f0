"""Datelines set the publication date; relative deadlines count from it (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.extract.deadlines import find_deadline
from desktop_app.extract.extractor import extract
from desktop_app.extract.text import parse_article

ARTICLES = Path(__file__).parent / "articles"


@pytest.mark.parametrize(
    "opening, published, filed_in",
    [
        ("Beijing, 14 March 2025 — ", "2025-03-14", "Beijing"),
        ("BEIJING, March 14, 2025 (Reuters) - ", "2025-03-14", "Beijing"),
        ("NAIROBI, Friday, 14th March 2025: ", "2025-03-14", "Nairobi"),
        ("Buenos Aires, Mar. 14, 2025 – ", "2025-03-14", "Buenos Aires"),
        ("14 March 2025 — ", "2025-03-14", None),
        ("March 14, 2025 - ", "2025-03-14", None),
        ("Talks end in Beijing\nBEIJING, 14 March 2025 — ", "2025-03-14", "Beijing"),
        ("ISLAMABAD (AFP) — ", None, "Islamabad"),
        ("Readout of the talks\n\nLima, 18 June 2025\n\n", "2025-06-18", "Lima"),
        ("Live: talks in Doha\nSunday 19 October 2025\n\n", "2025-10-19", None),
        ("Accra, the 7th of March 2025 – ", "2025-03-07", "Accra"),
        ("12 September 2025 | Europe desk\n\n", "2025-09-12", None),
        ("BOGOTÁ, Wednesday 9 April 2025\n", "2025-04-09", "Bogotá"),
        ("Beijing, 31 February 2025 — ", None, None),  # no such day: no date, no dateline
    ],
)
def test_datelines(opening: str, published: str | None, filed_in: str | None) -> None:
    article = parse_article(opening + "China agreed to reopen the crossing. It was late.")
    assert article.published == published
    assert article.filed_in == filed_in
    expected = ["China agreed to reopen the crossing.", "It was late."]
    if filed_in or published:  # a dateline read is a dateline taken out of the story
        assert article.sentences[-2:] == expected


def test_a_given_date_wins_over_the_dateline() -> None:
    assert parse_article("Beijing, 14 March 2025 — Text.", "2025-03-20").published == "2025-03-20"


PUBLISHED = "2025-03-14"  # a Friday


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("before the end of the year", ("2025-12-31", "year")),
        ("by year-end", ("2025-12-31", "year")),
        ("by the end of next year", ("2026-12-31", "year")),
        ("by end-2026", ("2026-12-31", "year")),
        ("by mid-2026", ("2026-06-30", "month")),
        ("this summer", ("2025-08-31", "month")),
        ("by the autumn", ("2025-11-30", "month")),
        ("next month", ("2025-04-30", "month")),
        ("later this month", ("2025-03-31", "month")),
        ("next week", ("2025-03-23", "day")),
        ("by the end of Q3", ("2025-09-30", "month")),
        ("by the end of Q1", ("2025-03-31", "month")),
        ("in the third quarter of 2026", ("2026-09-30", "month")),
        ("on Thursday", ("2025-03-20", "day")),
        ("by Friday", ("2025-03-21", "day")),  # the next Friday, not the day of writing
        ("tomorrow", ("2025-03-15", "day")),
        ("next year", ("2026-12-31", "year")),
        ("in the coming weeks", (None, "day")),
    ],
)
def test_relative_deadlines(phrase: str, expected: tuple) -> None:
    assert find_deadline(f"reopen the crossing {phrase}", PUBLISHED) == expected


def test_a_quarter_already_past_is_next_years() -> None:
    assert find_deadline("by the end of Q1", "2025-11-02") == ("2026-03-31", "month")


def test_the_dateline_article() -> None:
    """The analyst's case: the dateline, not today, is the day relative dates count from; a
    deadline with no date is kept with a note."""
    found = extract((ARTICLES / "india_china_dateline.txt").read_text(encoding="utf-8"))
    by_start = {c.title.split()[0]: c for c in found if c.kind == "commitment"}
    assert by_start["Pull"].deadline == "2025-06-14"
    assert by_start["Reopen"].deadline == "2025-08-31"
    assert by_start["Restore"].deadline == "2025-12-31"
    assert by_start["Hold"].deadline is None
    assert "coming weeks" in by_start["Hold"].note


def test_a_deadline_before_publication_is_kept_and_flagged() -> None:
    (candidate,) = extract("date 2025-03-14\nIran pledged to repay the loan by June 2024.")
    assert candidate.deadline == "2024-06-30"
    assert "before the publication date" in candidate.note
