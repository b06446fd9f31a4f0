"""Each dashboard chart's drawn numbers against a count made by hand on the sample.

The expected numbers below were counted by reading resources/sample/founding_example.json,
not by running any query: 7 commitments, 7 events, 1 statistic. The numbers compared are the
ones the pyqtgraph items hold after the dashboard drew them (tests/drawn_charts.py), drawn the
way the app draws them: Dashboard.draw(dashboard_data(db, as_of)).

The sample, as counted by hand (made on; category; parties; status updates):
  envoys         2024-01-22 diplomatic  PAK, IRN promisors  fulfilled 2024-01-26 (deadline 01-26)
  terrorism      2024-01-29 security    PAK, IRN promisors  in_progress 2024-04-22
  consultations  2024-01-29 diplomatic  PAK, IRN promisors  none
  liaison        2024-01-29 security    PAK, IRN promisors  none
  markets        2024-01-29 economic    PAK, IRN promisors  in_progress 2024-04-22
  raisi          2024-01-29 diplomatic  IRN promisor, PAK beneficiary only  fulfilled 2024-04-22
  trade          2024-04-22 economic    PAK, IRN promisors  none (deadline 2029-04-22)
Events: 01-16 strike, 01-17 statement, 01-18 strike, 01-22 agreement, 01-26 other,
01-29 meeting, 04-22 visit (to 04-24). Statistic: 664 attacks in Jan-Nov 2023 against 398 the
year before, its source published 2024-01-30.
"""

from __future__ import annotations

import pytest

from desktop_app.charts.chart_data import dashboard_data
from desktop_app.charts.dashboard import Dashboard
from tests import drawn_charts

EARLY, LATE = "2024-02-15", "2024-12-31"


@pytest.fixture
def drawn(qtbot, sample_db):
    """The dashboard drawn as of a date, as the window draws it."""

    def draw(as_of: str) -> Dashboard:
        dashboard = Dashboard()
        qtbot.addWidget(dashboard)
        dashboard.draw(dashboard_data(sample_db, as_of, cache_key=("chart numbers", as_of)))
        return dashboard

    return draw


# --- status over time ----------------------------------------------------------------------------

# Early: by 15 February six commitments were made (envoys on 01-22, five on 01-29); only the
# envoys one was rated (fulfilled on 01-26). The February bar stands as of 15 February.
# Late: the trade target is made on 04-22, and on 04-22 terrorism and markets go in_progress
# and raisi fulfilled; from April on: fulfilled envoys+raisi = 2, in_progress 2, not rated
# consultations+liaison+trade = 3. Nothing changes after April.
JAN_TO_MAR = {"not_rated": 5, "fulfilled": 1}
FROM_APRIL = {"fulfilled": 2, "in_progress": 2, "not_rated": 3}
STATUS_OVER_TIME = {
    EARLY: {"2024-01": JAN_TO_MAR, "2024-02": JAN_TO_MAR},
    LATE: {
        **{f"2024-{m:02d}": JAN_TO_MAR for m in (1, 2, 3)},
        **{f"2024-{m:02d}": FROM_APRIL for m in range(4, 13)},
    },
}


@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_status_over_time_draws_the_hand_count(drawn, as_of):
    chart = drawn(as_of).status_over_time
    assert drawn_charts.status_over_time(chart) == STATUS_OVER_TIME[as_of]
    tops = drawn_charts.status_over_time_tops(chart)  # segments stacked, not overlapping
    assert tops == {m: sum(c.values()) for m, c in STATUS_OVER_TIME[as_of].items()}
    assert drawn_charts.as_of_line(chart) == as_of


# --- by party ------------------------------------------------------------------------------------

# Iran promised all seven (six made by 15 February).
# Early: envoys fulfilled, the other five made by then not rated.
# Late: fulfilled envoys+raisi, in_progress terrorism+markets, not rated the other three.
# Compliance (promisors only; fulfilled +1, in progress 0, not rated left out):
# early Iran +1 from envoys alone; late Iran (1+1+0+0)/4 = +0.50, (0.5+1)/2 = 75%.
IRAN = {
    EARLY: {"fulfilled": 1, "not_rated": 5},
    LATE: {"fulfilled": 2, "in_progress": 2, "not_rated": 3},
}
# Pakistan promised six: all but raisi, where it is only the beneficiary.
# Early: envoys fulfilled; terrorism, consultations, liaison, markets not rated.
# Late: envoys fulfilled; terrorism, markets in_progress; consultations, liaison, trade not rated.
# Compliance: early +1 (envoys); late (1+0+0)/3 = +0.33, (0.333+1)/2 = 66.7%, 3 rated.
PAKISTAN = {
    EARLY: {"fulfilled": 1, "not_rated": 4},
    LATE: {"fulfilled": 1, "in_progress": 2, "not_rated": 3},
}
PARTY_LABELS = {
    EARLY: [
        "Iran · compliance +1.00 (100%), 1 rated",
        "Pakistan · compliance +1.00 (100%), 1 rated",
    ],
    LATE: [
        "Iran · compliance +0.50 (75%), 4 rated",
        "Pakistan · compliance +0.33 (66.7%), 3 rated",
    ],
}


def _by_party(dashboard) -> dict[str, dict[str, int]]:
    """Drawn bars by party name (the label without its compliance note)."""
    bars = drawn_charts.stacked_bars(dashboard.by_party)
    return {label.split(" · ")[0]: counts for label, counts in bars.items()}


@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_by_party_draws_iran_and_both_compliance_scores_by_hand(drawn, as_of):
    dashboard = drawn(as_of)
    labels = drawn_charts.left_labels(dashboard.by_party)
    assert [labels[y] for y in sorted(labels, reverse=True)] == PARTY_LABELS[as_of]
    assert set(_by_party(dashboard)) == {"Iran", "Pakistan"}
    assert _by_party(dashboard)["Iran"] == IRAN[as_of]
    assert drawn_charts.stacked_bars_touch(dashboard.by_party)


@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_by_party_bar_counts_only_what_the_party_promised(drawn, as_of):
    # Raisi's visit is Iran's promise; Pakistan is its beneficiary only, so it is not in
    # Pakistan's bar (it used to be: a Fulfilled piece Pakistan never delivered)
    assert _by_party(drawn(as_of))["Pakistan"] == PAKISTAN[as_of]


# --- by category ---------------------------------------------------------------------------------

# Early: diplomatic envoys (fulfilled), consultations, raisi (not rated); economic markets;
# security terrorism, liaison. Late: raisi fulfilled, terrorism and markets in progress, and
# the trade target (economic, not rated) is made.
BY_CATEGORY = {
    EARLY: {
        "Diplomatic": {"fulfilled": 1, "not_rated": 2},
        "Economic": {"not_rated": 1},
        "Security": {"not_rated": 2},
    },
    LATE: {
        "Diplomatic": {"fulfilled": 2, "not_rated": 1},
        "Economic": {"in_progress": 1, "not_rated": 1},
        "Security": {"in_progress": 1, "not_rated": 1},
    },
}


@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_by_category_draws_the_hand_count(drawn, as_of):
    chart = drawn(as_of).by_category
    assert drawn_charts.stacked_bars(chart) == BY_CATEGORY[as_of]
    assert drawn_charts.stacked_bars_touch(chart)


# --- events per month ----------------------------------------------------------------------------

JANUARY = {"strike": 2, "statement": 1, "agreement": 1, "other": 1, "meeting": 1}  # 16th-29th
EVENTS = {
    EARLY: {"2024-01": JANUARY},  # nothing in February up to the 15th; Raisi's visit later
    LATE: {"2024-01": JANUARY, "2024-04": {"visit": 1}},  # February and March: none
}
# the PICSS figure: (664 - 398) / 398 = +66.8%, named as +67%
STATISTIC = "Attacks in Pakistan: 664 attacks, Jan 2023–Nov 2023, +67% on the baseline"


@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_events_per_month_draws_the_hand_count(drawn, as_of):
    chart = drawn(as_of).events
    assert drawn_charts.events_per_month(chart) == EVENTS[as_of]
    assert STATISTIC in chart.getPlotItem().titleLabel.text


def test_events_and_statistics_after_the_as_of_date_are_not_drawn(drawn):
    # 25 January: the strikes (16th, 18th), the recall (17th), the agreement (22nd); the
    # ambassadors' return (26th) and the meeting (29th) are later, and so is the statistic's
    # source (published 30 January)
    chart = drawn("2024-01-25").events
    assert drawn_charts.events_per_month(chart) == {
        "2024-01": {"strike": 2, "statement": 1, "agreement": 1}
    }
    assert "Attacks in Pakistan" not in chart.getPlotItem().titleLabel.text


# --- timeline ------------------------------------------------------------------------------------

# A bar runs from the day made to the day resolved (fulfilled or broken), else to the
# deadline, else to the as-of date; coloured by the status on the as-of date.
TIMELINE = {
    EARLY: {
        "Return the ambassadors to their posts": ("2024-01-22", "2024-01-26", "fulfilled"),
        "Cooperate against terrorism": ("2024-01-29", EARLY, "not_rated"),
        "Hold regular foreign-minister consultations": ("2024-01-29", EARLY, "not_rated"),
        "Appoint liaison officers in Turbat and Zahidan": ("2024-01-29", EARLY, "not_rated"),
        "Activate joint border markets": ("2024-01-29", EARLY, "not_rated"),
        "Visit of Iran's president to Pakistan": ("2024-01-29", EARLY, "not_rated"),
    },
    LATE: {
        "Return the ambassadors to their posts": ("2024-01-22", "2024-01-26", "fulfilled"),
        "Cooperate against terrorism": ("2024-01-29", LATE, "in_progress"),
        "Hold regular foreign-minister consultations": ("2024-01-29", LATE, "not_rated"),
        "Appoint liaison officers in Turbat and Zahidan": ("2024-01-29", LATE, "not_rated"),
        "Activate joint border markets": ("2024-01-29", LATE, "in_progress"),
        "Visit of Iran's president to Pakistan": ("2024-01-29", "2024-04-22", "fulfilled"),
        "Raise bilateral trade to 10 billion dollars": ("2024-04-22", "2029-04-22", "not_rated"),
    },
}
JANUARY_EVENTS = [
    ("2024-01-16", "strike"),
    ("2024-01-17", "statement"),
    ("2024-01-18", "strike"),
    ("2024-01-22", "agreement"),
    ("2024-01-26", "other"),
    ("2024-01-29", "meeting"),
]
TIMELINE_EVENTS = {EARLY: JANUARY_EVENTS, LATE: [*JANUARY_EVENTS, ("2024-04-22", "visit")]}
DEADLINES = {EARLY: ["2024-01-26"], LATE: ["2024-01-26", "2029-04-22"]}


def _full_titles(drawn_bars: dict, titles) -> dict:
    """Drawn bars keyed by the full title their (possibly shortened) row label stands for."""
    result = {}
    for label, bar in drawn_bars.items():
        matches = [t for t in titles if t.startswith(label.removesuffix("…"))]
        assert len(matches) == 1, label
        result[matches[0]] = bar
    return result


@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_timeline_draws_the_hand_count(drawn, as_of):
    chart = drawn(as_of).timeline
    bars = drawn_charts.timeline_bars(chart)
    assert _full_titles(bars, TIMELINE[as_of]) == TIMELINE[as_of]
    events, deadlines = drawn_charts.timeline_markers(chart)
    assert events == TIMELINE_EVENTS[as_of]
    assert deadlines == DEADLINES[as_of]
    assert drawn_charts.as_of_line(chart) == as_of
