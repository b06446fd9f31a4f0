"""Promise words that promise nothing now: past or failed promises, conditionals, questions
(issue 21). Each case has a twin that is a promise, so a rule that drops everything fails."""

from __future__ import annotations

import pytest

from desktop_app.extract.extractor import extract

PUBLISHED = "2025-03-14"


def commitments(sentence: str) -> list[str]:
    return [c.title for c in extract(sentence, PUBLISHED) if c.kind == "commitment"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Promises made in 2019 to expand flights were never fully carried out.",
        "India had pledged in 2019 to open three new crossings.",
        "Kenya pledged in 2021 to build the road, officials recalled.",
        "The pledges China made years ago to reopen the route remain unfulfilled.",
        "Russia agreed to a truce that fell through within a week.",
        "Colombia had promised years ago to demine the valley.",
        "If Venezuela reopens the bridge, Colombia would lift the tariffs.",
        "Rwanda will withdraw its troops only if Burundi disarms the militia.",
        "Will China agree to reopen the pilgrimage route this summer?",
        "Reporters asked whether Oman would commit to the new port fees.",
    ],
)
def test_no_promise(sentence: str) -> None:
    assert commitments(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "India pledged to open three new crossings within a year.",
        "China agreed to restore flights suspended in 2020.",
        "Kenya and Somalia agreed to reopen the Mandera crossing by June.",
        "Colombia promised to demine the valley by the end of the year.",
        "Rwanda will withdraw its troops from the border in the coming weeks.",
    ],
)
def test_still_a_promise(sentence: str) -> None:
    assert len(commitments(sentence)) == 1
