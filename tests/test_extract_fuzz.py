"""Any text, any publication date: the extractor gives candidates or none, never an exception.
Hypothesis builds the text from pieces that have broken it before (huge numbers, dates past
9999, month 13, datelines, runs of digits) mixed with arbitrary characters."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.vocabulary import PLACE_PRECISIONS
from desktop_app.extract.extractor import extract

NUMBER = st.one_of(
    st.integers(min_value=0, max_value=10**30).map(str),
    st.integers(min_value=0, max_value=10**6).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=1e12, allow_nan=False).map(lambda x: f"{x:.2f}"),
)
PIECES = st.one_of(
    st.sampled_from(
        [
            "China agreed to",
            "India pledged to",
            "both sides will",
            "within",
            "days",
            "months",
            "years",
            "weeks",
            "by the end of",
            "first",
            "months of",
            "killed",
            "refugees",
            "million",
            "billion",
            "$",
            "bn",
            "percent increase",
            "% drop",
            "on Monday",
            "this summer",
            "next month",
            "by year-end",
            "before the end of the year",
            "by the end of Q",
            "December",
            "March",
            "Beijing, ",
            "LAHORE (Reuters) —",
            "date ",
            "in Lahore",
            "eastern Ladakh",
            ".",
            ",",
            "?",
            "\n\n",
            "Mr.",
            "“",
        ]
    ),
    NUMBER,
    st.text(max_size=30),
)
ARTICLE = st.lists(PIECES, max_size=60).map(" ".join)
PUBLISHED = st.one_of(
    st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ARTICLE, published=PUBLISHED)
def test_any_text_gives_candidates_or_none(text: str, published: dt.date | None) -> None:
    found = extract(text, published.isoformat() if published else None)
    for candidate in found:
        json.dumps(candidate.as_json())  # what the CLI prints for the dialog
        for place in candidate.places:  # what the store accepts
            assert place["precision"] in PLACE_PRECISIONS
        for value in (candidate.deadline, candidate.date, candidate.period_end):
            if value:
                dt.date.fromisoformat(value)


@settings(max_examples=100, deadline=None)
@given(
    amount=st.integers(min_value=0, max_value=10**40),
    unit=st.sampled_from(["days", "weeks", "months", "years"]),
    published=st.dates(min_value=dt.date(9990, 1, 1), max_value=dt.date(9999, 12, 31)),
)
def test_huge_spans_and_the_end_of_the_calendar(amount: int, unit: str, published) -> None:
    text = f"China agreed to reopen the crossing within {amount} {unit}."
    (candidate,) = extract(text, published.isoformat())
    if candidate.deadline:
        assert candidate.deadline >= published.isoformat()


def test_thirteen_months_keeps_the_rest_of_the_article() -> None:
    text = (
        "date 2025-02-01\n"
        "Attacks rose to 300 incidents in the first 13 months of 2024, a 20% increase.\n\n"
        "China agreed to reopen the Nathu La crossing within 30 days."
    )
    kinds = [c.kind for c in extract(text)]
    assert "commitment" in kinds
