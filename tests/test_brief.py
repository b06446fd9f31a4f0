"""The brief's content against the store's own queries (and the SQL reference), on the sample
and at earlier as-of dates; its deadlines; the calendar export read back with icalendar."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from icalendar import Calendar

from desktop_app.exchange.brief_content import BriefScope, numbers_paragraph, read_brief
from desktop_app.exchange.deadlines_ics import deadlines_calendar
from desktop_app.store import deadlines, queries
from desktop_app.store.queries import CommitmentFilter
from tests import sql_reference
from tests.builders import commitment, status

AS_OF_DATES = ("2024-12-31", "2024-03-01", "2024-01-24")


@pytest.mark.parametrize("as_of", AS_OF_DATES)
def test_the_brief_counts_what_the_queries_count(sample_db, as_of):
    brief = read_brief(sample_db, BriefScope(as_of))
    rows = queries.commitment_page(sample_db, as_of, limit=10_000)
    assert brief.total == queries.count_commitments(sample_db, as_of) == len(rows)
    assert brief.status_counts == dict(Counter(row["status"] for row in rows))
    assert brief.overdue_count == queries.count_overdue(sample_db, as_of)
    assert brief.compliance == sorted(
        sql_reference.compliance_by_party(sample_db, as_of), key=lambda c: c.actor.lower()
    )
    assert [c.id for c in brief.commitments] == [r["id"] for r in rows]
    assert [c.status for c in brief.commitments] == [r["status"] for r in rows]


def test_the_numbers_paragraph_on_the_sample_and_at_an_earlier_date(sample_db):
    # counted by hand from resources/sample/founding_example.json
    late = numbers_paragraph(read_brief(sample_db, BriefScope("2024-12-31")))
    assert late == (
        "Of 7 commitments made since January 2024, 2 fulfilled, 2 in progress, none broken, "
        "3 not yet rated; none overdue, none due in the next 90 days."
    )
    early = numbers_paragraph(read_brief(sample_db, BriefScope("2024-01-24")))
    assert early == (
        "Of 1 commitment made since January 2024, none broken, 1 not yet rated; "
        "none overdue, 1 due in the next 90 days."
    )


def test_overdue_and_due_soon_follow_the_one_overdue_rule(sample_db):
    late = commitment(sample_db, "Reopen the Taftan crossing", "2024-02-01", deadline="2024-03-01")
    soon = commitment(sample_db, "Name a joint commission", "2024-02-01", deadline="2024-08-15")
    done = commitment(
        sample_db, "Release the detained fishermen", "2024-02-01", deadline="2024-07-20"
    )
    status(sample_db, done, "2024-02-10", "fulfilled")
    brief = read_brief(sample_db, BriefScope("2024-07-01"))
    expected = queries.commitment_page(
        sample_db, "2024-07-01", CommitmentFilter(overdue_only=True), limit=100
    )
    assert [r["id"] for r in brief.overdue] == [r["id"] for r in expected] == [late]
    assert [r["id"] for r in brief.due_soon] == [soon]  # a fulfilled one is not "due"
    assert "1 overdue, 1 due in the next 90 days" in numbers_paragraph(brief)
    # the dashboard's list asks the same module, with or without a choice of commitments
    assert deadlines.overdue(sample_db, "2024-07-01", only=[late, soon]) == brief.overdue
    assert deadlines.due_within(sample_db, "2024-07-01", 30, only=None) == []
    # a deadline on the as-of day is due, not yet overdue
    assert [r["id"] for r in deadlines.due_within(sample_db, "2024-08-15", 0)] == [soon]


def test_parties_and_categories_choose_the_commitments_and_the_compliance(sample_db):
    brief = read_brief(sample_db, BriefScope("2024-12-31", ("irn",), ("security", "economic")))
    expected = {
        row[0]
        for row in sample_db.execute(
            """SELECT c.id FROM commitments c JOIN commitment_parties p ON p.commitment_id = c.id
               JOIN actors a ON a.id = p.actor_id
               WHERE a.iso3 = 'IRN' AND c.category IN ('security', 'economic')"""
        )
    }
    assert {c.id for c in brief.commitments} == expected and len(expected) == 4
    assert [c.actor for c in brief.compliance] == ["Iran"]
    assert brief.party_names == ["Iran"]
    with pytest.raises(ValueError, match="no party 'XYZ'"):
        read_brief(sample_db, BriefScope("2024-12-31", ("XYZ",)))


def test_each_commitment_has_its_quote_rationale_and_numbered_sources(sample_db):
    brief = read_brief(sample_db, BriefScope("2024-12-31"))
    titles = {r.number: r.title for r in brief.references}
    assert sorted(titles) == list(range(1, len(titles) + 1))
    envoys = next(c for c in brief.commitments if c.title.startswith("Return the ambassadors"))
    assert envoys.quote.startswith("Paraphrase, not the exact words:")
    assert titles[envoys.quote_source].startswith("Press reports of the two governments")
    history = queries.status_history(sample_db, envoys.id)
    assert envoys.rationale.note == history[-1]["note"]
    assert envoys.rationale.status == "fulfilled"
    assert [p[2] for p in envoys.parties] == ["fulfilled", "fulfilled"]
    earlier = read_brief(sample_db, BriefScope("2024-03-01"))
    terror = next(c for c in earlier.commitments if c.title == "Cooperate against terrorism")
    assert terror.rationale is None  # its only update is dated 22 April


def test_a_party_of_its_own_gets_its_own_status(sample_db):
    made = commitment(sample_db, "Hand over the suspects", "2024-02-01", parties=("PAK", "IRN"))
    status(sample_db, made, "2024-03-01", "in_progress")
    status(sample_db, made, "2024-04-01", "broken", party="IRN", note="Iran refused.")
    brief = read_brief(sample_db, BriefScope("2024-12-31"))
    mine = next(c for c in brief.commitments if c.id == made)
    assert mine.status == "mixed"
    assert mine.parties == [
        ("Pakistan", "promisor", "in_progress"),
        ("Iran", "promisor", "broken"),
    ]
    assert (mine.rationale.party, mine.rationale.note) == ("Iran", "Iran refused.")


def test_statistics_are_those_known_by_the_date_with_their_periods(sample_db):
    brief = read_brief(sample_db, BriefScope("2024-12-31"))
    known = queries.statistics_in_range(sample_db, "2024-12-31")
    assert [(s.label, s.period_start, s.period_end) for s in brief.statistics] == [
        (s["label"], s["period_start"], s["period_end"]) for s in known
    ]
    assert round(brief.statistics[0].change) == 67
    # published on 30 January 2024: not known the day before
    assert read_brief(sample_db, BriefScope("2024-01-29")).statistics == []


@pytest.mark.parametrize("as_of", ["2024-12-31", "2024-01-24"])
def test_the_calendar_parses_back_with_one_event_per_deadline(sample_db, as_of):
    content = deadlines_calendar(sample_db, as_of)
    calendar = Calendar.from_ical(content)
    events = calendar.walk("VEVENT")
    expected = [r for r in queries.commitment_page(sample_db, as_of, limit=100) if r["deadline"]]
    expected.sort(key=lambda r: (r["deadline"], r["id"]))
    assert len(events) == len(expected) > 0
    for event, row in zip(events, expected, strict=True):
        assert event.decoded("dtstart") == dt.date.fromisoformat(row["deadline"])
        assert row["uuid"] in str(event["uid"])
        summary = str(event["summary"])
        assert row["title"] in summary
        status_label = queries.STATUS_INFO[queries.Status(row["status"])].label
        assert f"({status_label})" in summary
        assert f"Status as of {as_of}: {status_label}" in str(event["description"])


def test_long_lists_show_their_first_rows_and_say_how_many(sample_db, monkeypatch):
    from desktop_app.exchange import brief_content, brief_html

    monkeypatch.setattr(brief_content, "MOST_ROWS", 2)
    for day in ("01", "02", "03"):
        commitment(sample_db, f"Missed promise {day}", "2024-02-01", deadline=f"2024-03-{day}")
    brief = read_brief(sample_db, BriefScope("2024-07-01"))
    assert brief.overdue_count == 3  # counted in full
    assert "3 overdue" in numbers_paragraph(brief)
    html = brief_html.brief_html(brief, {})
    overdue_table = html.split("Due in the next")[0]
    assert "Missed promise 02" in overdue_table and "Missed promise 03" not in overdue_table
    assert "The first 2 of 3, earliest deadline first." in html


@pytest.mark.parametrize("as_of", ["2024-02-15", "2024-03-20", "2024-05-01", "2024-12-31"])
def test_the_deadline_lists_agree_with_the_sql_on_every_date(sample_db, as_of):
    # the lists classify with the status index; the SQL of queries.py is the reference
    mixed = commitment(
        sample_db, "Hand over suspects", "2024-02-01", ("PAK", "IRN"), deadline="2024-03-15"
    )
    status(sample_db, mixed, "2024-02-10", "fulfilled", party="PAK")
    kept = commitment(sample_db, "Exchange prisoners", "2024-02-01", deadline="2024-04-30")
    status(sample_db, kept, "2024-04-01", "fulfilled")
    commitment(sample_db, "Open a consulate", "2024-02-01", deadline="2024-05-20")
    sql_overdue = queries.commitment_page(
        sample_db, as_of, CommitmentFilter(overdue_only=True), sort="deadline", limit=100
    )
    assert [r["id"] for r in deadlines.overdue(sample_db, as_of)] == [r["id"] for r in sql_overdue]
    by_id = {r["id"]: r for r in queries.commitment_page(sample_db, as_of, limit=100)}
    for row in deadlines.every_deadline(sample_db, as_of):
        assert (row["status"], row["overdue"]) == (
            by_id[row["id"]]["status"],
            bool(by_id[row["id"]]["overdue"]),
        )


def test_the_dashboard_list_says_how_many_it_leaves_out(qtbot, sample_db):
    from desktop_app.ui.upcoming_deadlines import UpcomingDeadlines

    for day in ("01", "02", "03"):
        commitment(sample_db, f"Missed promise {day}", "2024-02-01", deadline=f"2024-03-{day}")
    for day in ("05", "06", "20"):  # two due within 30 days of 1 July, one within 90
        commitment(sample_db, f"Coming {day}", "2024-02-01", deadline=f"2024-07-{day}")
    commitment(sample_db, "Coming in August", "2024-02-01", deadline="2024-08-25")
    lists = deadlines.deadline_lists(sample_db, "2024-07-01", limit=2)
    assert (lists.overdue_total, lists.due_total, lists.soon_total) == (3, 4, 3)
    view = UpcomingDeadlines()
    qtbot.addWidget(view)
    view.show_lists(lists)
    groups = [view.topLevelItem(n) for n in range(view.topLevelItemCount())]
    assert [g.text(0) for g in groups] == [
        "Overdue (3)",
        "Due in the next 30 days (3)",
        "Due in 31 to 90 days (1)",
    ]
    last_rows = [g.child(g.childCount() - 1).text(1) for g in groups]
    assert last_rows == ["… and 1 more", "… and 1 more", "Coming in August"]
    # each list has its own first rows, whatever the one before holds
    assert [r["title"] for r in lists.later] == ["Coming in August"]
    brief = read_brief(sample_db, BriefScope("2024-07-01"))
    assert [r["title"] for r in brief.due_soon][:4] == [
        "Coming 05",
        "Coming 06",
        "Coming 20",
        "Coming in August",
    ]
