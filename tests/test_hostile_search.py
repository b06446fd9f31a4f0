"""Whatever is typed into a search field, the search answers with rows or none, never an error:
a lone quote, NUL, a lone surrogate, FTS5 syntax (NEAR(, AND, *, -, column filters)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.store import listings, queries
from desktop_app.store.database import open_database
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.sample import write_sample
from tests import sql_reference

AS_OF = "2024-12-31"

TYPED = ['"', '""', "\0", "\ud800", "\udfff", "*", "NEAR(", "NEAR(a b, 2)", "AND", "OR", "NOT"]
TYPED += ["-", "^", "+", ":", "(", ")", "title:", "{title description}:", "'", "border", "Iran"]

search_text = st.lists(
    st.one_of(
        st.sampled_from(TYPED),
        st.text(st.characters(exclude_categories=()), max_size=8),  # surrogates and NUL too
    ),
    max_size=6,
).flatmap(lambda parts: st.sampled_from([" ", "", '"', "\t"]).map(lambda sep: sep.join(parts)))


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "sample.db"
    write_sample(path)
    db = open_database(path)
    yield db
    db.close()


@pytest.mark.parametrize("text", TYPED)
def test_each_awkward_input_answers(sample, text):
    _answers_consistently(sample, text)


@settings(max_examples=150, deadline=None)
@given(text=search_text)
def test_any_text_typed_into_a_search_field_answers(sample, text):
    _answers_consistently(sample, text)


def _answers_consistently(db, text: str) -> None:
    """What the commitments and events tables ask of the store for a search, agreeing."""
    flt = CommitmentFilter(text=text)
    page = queries.commitment_page(db, AS_OF, flt, limit=-1)
    assert queries.count_commitments(db, AS_OF, flt) == len(page)
    assert sorted(queries.commitment_ids(db, AS_OF, flt)) == sorted(r["id"] for r in page)
    assert len(sql_reference.search_commitments(db, text, AS_OF)) == len(page)
    events = listings.event_page(db, text, limit=-1)
    assert listings.count_events(db, text) == len(events)
    assert sorted(listings.event_ids(db, text)) == sorted(r["id"] for r in events)
    found = sql_reference.search_events(db, text)  # the full-text search alone: blank finds none
    assert sorted(found) == (sorted(r["id"] for r in events) if text.strip() else [])


def test_words_still_find_what_they_name(sample):
    every = len(queries.commitment_page(sample, AS_OF, CommitmentFilter(), limit=-1))
    found = sql_reference.search_commitments(sample, 'border"', AS_OF)
    assert 0 < len(found) < every
    assert sql_reference.search_commitments(sample, '"', AS_OF) == []  # no word: nothing to find
