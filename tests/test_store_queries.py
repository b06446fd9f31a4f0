"""Every query the app relies on, on small databases built in the test."""

from __future__ import annotations

from desktop_app.store import queries
from desktop_app.store.queries import CommitmentFilter
from tests import sql_reference
from tests.builders import commitment, status


def test_status_as_of_follows_the_history(db):
    cid = commitment(db, made_on="2024-01-10")
    status(db, cid, "2024-02-01", "in_progress")
    status(db, cid, "2024-05-01", "fulfilled")
    assert sql_reference.statuses_as_of(db, "2024-01-20")[cid] == "not_rated"
    assert sql_reference.statuses_as_of(db, "2024-02-01")[cid] == "in_progress"
    assert sql_reference.statuses_as_of(db, "2024-04-30")[cid] == "in_progress"
    assert sql_reference.statuses_as_of(db, "2024-06-01")[cid] == "fulfilled"


def test_same_day_updates_take_the_one_entered_last(db, monkeypatch):
    from desktop_app.store import records

    stamps = iter(f"2024-02-01T09:00:0{n}+00:00" for n in range(10))
    monkeypatch.setattr(records, "now_utc", lambda: next(stamps))
    cid = commitment(db)
    status(db, cid, "2024-02-01", "stalled")
    status(db, cid, "2024-02-01", "in_progress")  # typed second: it stands
    assert sql_reference.statuses_as_of(db, "2024-02-01")[cid] == "in_progress"


def test_overdue_means_deadline_passed_and_still_open(db):
    late = commitment(db, title="Late", deadline="2024-03-01")
    kept = commitment(db, title="Kept", deadline="2024-03-01")
    status(db, kept, "2024-02-20", "fulfilled")
    future = commitment(db, title="Future", deadline="2025-01-01")
    assert {r["id"] for r in sql_reference.overdue_commitments(db, "2024-03-02")} == {late}
    assert queries.count_overdue(db, "2024-02-28") == 0
    assert queries.count_overdue(db, "2025-06-01") == 2
    assert future in {r["id"] for r in sql_reference.overdue_commitments(db, "2025-06-01")}


def test_status_counts_per_month(db):
    a = commitment(db, title="A", made_on="2024-01-05")
    b = commitment(db, title="B", made_on="2024-01-20")
    commitment(db, title="C", made_on="2024-03-03")
    status(db, a, "2024-02-10", "in_progress")
    status(db, a, "2024-03-15", "fulfilled")
    status(db, b, "2024-02-01", "stalled")
    status(db, b, "2024-02-25", "broken")  # same month: only the month-end state counts
    rows = sql_reference.status_counts_per_period(db, "2024-03-31", "month")
    table = {(p, s): n for p, s, n in rows}
    assert {p for p, _, _ in rows} == {"2024-01-31", "2024-02-29", "2024-03-31"}
    assert table[("2024-01-31", "not_rated")] == 2
    assert table[("2024-02-29", "in_progress")] == 1
    assert table[("2024-02-29", "broken")] == 1
    assert table[("2024-02-29", "stalled")] == 0
    assert table[("2024-02-29", "not_rated")] == 0
    assert table[("2024-03-31", "fulfilled")] == 1
    assert table[("2024-03-31", "not_rated")] == 1
    assert table[("2024-03-31", "in_progress")] == 0
    # every month-end counts each commitment made by then exactly once
    for period, made in (("2024-01-31", 2), ("2024-02-29", 2), ("2024-03-31", 3)):
        assert sum(n for (p, _), n in table.items() if p == period) == made


def test_status_counts_stop_at_the_as_of_date(db):
    a = commitment(db, made_on="2024-01-05")
    status(db, a, "2024-03-15", "fulfilled")
    rows = sql_reference.status_counts_per_period(db, "2024-03-10", "month")
    table = {(p, s): n for p, s, n in rows}
    assert table[("2024-03-31", "fulfilled")] == 0
    assert table[("2024-03-31", "not_rated")] == 1


def test_status_counts_per_week(db):
    a = commitment(db, made_on="2024-01-01")  # a Monday
    status(db, a, "2024-01-09", "in_progress")
    rows = sql_reference.status_counts_per_period(db, "2024-01-14", "week")
    table = {(p, s): n for p, s, n in rows}
    assert table[("2024-01-07", "not_rated")] == 1
    assert table[("2024-01-14", "in_progress")] == 1


def test_counts_by_party_and_category(db):
    a = commitment(db, parties=("PAK", "IRN"), category="security")
    commitment(db, parties=("PAK",), category="economic")
    status(db, a, "2024-02-01", "fulfilled")
    status(db, a, "2024-03-01", "broken", party="IRN")
    by_party = {(name, s): n for _, name, s, n in sql_reference.counts_by_party(db, "2024-04-01")}
    assert by_party[("Pakistan", "fulfilled")] == 1
    assert by_party[("Pakistan", "not_rated")] == 1
    assert by_party[("Iran", "broken")] == 1
    by_category = {(c, s): n for c, s, n in sql_reference.counts_by_category(db, "2024-04-01")}
    # the promisors disagree (Pakistan fulfilled, Iran broken): the commitment is mixed
    assert by_category == {("economic", "not_rated"): 1, ("security", "mixed"): 1}


def test_compliance_score_per_party(db):
    kept = commitment(db, parties=("PAK", "IRN"))
    partial = commitment(db, parties=("PAK",))
    broken = commitment(db, parties=("IRN",))
    commitment(db, parties=("PAK",))  # not rated: left out
    status(db, kept, "2024-02-01", "fulfilled")
    status(db, partial, "2024-02-01", "partially_fulfilled")
    status(db, broken, "2024-02-01", "broken")
    scores = {c.actor: c for c in sql_reference.compliance_by_party(db, "2024-03-01")}
    assert scores["Pakistan"].score == 0.5 and scores["Pakistan"].rated == 2
    assert scores["Pakistan"].percent == 75.0
    assert scores["Iran"].score == 0.0 and scores["Iran"].percent == 50.0
    before = {c.actor for c in sql_reference.compliance_by_party(db, "2024-01-15")}
    assert before == set()


def test_events_per_month_by_kind(sample_db):
    rows = queries.events_per_month_by_kind(sample_db, "2024-12-31")
    table = {(m, k): n for m, k, n in rows}
    assert table[("2024-01", "strike")] == 2
    assert table[("2024-01", "meeting")] == 1
    assert table[("2024-04", "visit")] == 1
    assert ("2024-04", "visit") not in {
        (m, k) for m, k, _ in queries.events_per_month_by_kind(sample_db, "2024-03-01")
    }


def test_full_text_search_covers_titles_descriptions_and_notes(sample_db):
    titles = {
        r["title"] for r in sql_reference.search_commitments(sample_db, "liaison", "2024-12-31")
    }
    assert titles == {"Appoint liaison officers in Turbat and Zahidan"}
    by_prefix = {
        r["title"] for r in sql_reference.search_commitments(sample_db, "Zahid", "2024-12-31")
    }
    assert "Appoint liaison officers in Turbat and Zahidan" in by_prefix
    by_note = {
        r["title"] for r in sql_reference.search_commitments(sample_db, "arrived", "2024-12-31")
    }
    assert by_note == {"Visit of Iran's president to Pakistan"}
    assert sql_reference.search_commitments(sample_db, 'quote" OR', "2024-12-31") == []
    assert sql_reference.search_events(sample_db, "Balochistan")


def test_filters_combine(sample_db):
    as_of = "2024-12-31"
    fulfilled = queries.commitment_page(sample_db, as_of, CommitmentFilter(statuses=("fulfilled",)))
    assert {r["title"] for r in fulfilled} == {
        "Return the ambassadors to their posts",
        "Visit of Iran's president to Pakistan",
    }
    economic = CommitmentFilter(category="economic", text="trade")
    assert [r["title"] for r in queries.commitment_page(sample_db, as_of, economic)] == [
        "Raise bilateral trade to 10 billion dollars"
    ]
    assert (
        queries.count_commitments(sample_db, as_of, CommitmentFilter(made_from="2024-04-01")) == 1
    )


def test_pages_sort_and_do_not_overlap(sample_db):
    first = queries.commitment_page(sample_db, "2024-12-31", sort="title", limit=3)
    second = queries.commitment_page(sample_db, "2024-12-31", sort="title", limit=3, offset=3)
    titles = [r["title"] for r in first + second]
    assert titles == sorted(titles, key=str.lower)
    assert len(set(titles)) == 6


def test_status_history_is_in_date_order(sample_db):
    cid = sql_reference.search_commitments(sample_db, "ambassadors", "2024-12-31")[0]["id"]
    history = queries.status_history(sample_db, cid)
    assert [h["status"] for h in history] == ["fulfilled"]
    assert history[0]["evidence"] == "Ambassadors resume their posts"


def test_event_month_counts_follow_every_change(sample_db):
    from desktop_app.domain.records import Event
    from desktop_app.store import records

    def direct():
        return sorted(
            sample_db.execute(
                """SELECT substr(date, 1, 7), kind, COUNT(*) FROM events WHERE deleted_at IS NULL
               GROUP BY 1, 2"""
            ).fetchall()
        )

    def kept():
        return sorted(
            sample_db.execute(
                "SELECT month, kind, n FROM event_month_counts WHERE n > 0"
            ).fetchall()
        )

    assert kept() == direct()
    new_id = records.add(sample_db, Event(date="2024-02-10", kind="attack", title="Raid"))
    moved = records.get(sample_db, Event, new_id)
    moved.date, moved.kind = "2024-03-05", "strike"
    records.update(sample_db, new_id, moved)
    assert kept() == direct()
    records.set_deleted(sample_db, Event, new_id, True)
    assert kept() == direct()
    records.set_deleted(sample_db, Event, new_id, False)
    sample_db.execute("DELETE FROM event_actors WHERE event_id = ?", [new_id])
    sample_db.execute("DELETE FROM events WHERE id = ?", [new_id])
    assert kept() == direct()
    # the month holding the as-of date counts only up to that day
    table = {(m, k): n for m, k, n in queries.events_per_month_by_kind(sample_db, "2024-01-17")}
    assert table == {("2024-01", "statement"): 1, ("2024-01", "strike"): 1}


def test_the_as_of_month_counts_each_day_in_either_half_as_a_plain_count(sample_db):
    from desktop_app.domain.records import Event
    from desktop_app.store import records

    for day, kind in ((1, "strike"), (15, "strike"), (16, "meeting"), (31, "strike")):
        records.add(sample_db, Event(date=f"2024-01-{day:02d}", kind=kind, title=f"On {day}"))
    gone = records.add(sample_db, Event(date="2024-01-20", kind="visit", title="Withdrawn"))
    records.set_deleted(sample_db, Event, gone, True)
    for day in range(1, 32):
        as_of = f"2024-01-{day:02d}"
        plain = sample_db.execute(
            """SELECT substr(date, 1, 7), kind, COUNT(*) FROM events
               WHERE deleted_at IS NULL AND date <= ? GROUP BY 1, 2 ORDER BY 1, 2""",
            [as_of],
        ).fetchall()
        assert queries.events_per_month_by_kind(sample_db, as_of) == [tuple(r) for r in plain]


def test_known_statistics_answer_what_the_sql_answers(sample_db):
    from desktop_app.domain.records import Source, Statistic
    from desktop_app.store import records
    from desktop_app.store.known_statistics import KnownStatistics

    report = Source(title="Report", url="https://example.org/r", published_on="2024-05-02")
    later = records.add(sample_db, report)
    for start, end, source in (
        ("2023-01-01", "2023-11-30", later),  # known when its source was published
        ("2022-06-01", None, None),  # known from its period's start
        ("2023-01-01", "2023-03-31", None),  # the same start: by id
        (None, None, None),  # no period: never in range
    ):
        statistic = Statistic(label="Attacks", value=1, period_start=start, period_end=end)
        statistic.source_id = source
        records.add(sample_db, statistic)
    known = KnownStatistics.load(sample_db)
    for as_of in (
        "2021-01-01",
        "2022-06-01",
        "2023-03-31",
        "2023-12-31",
        "2024-05-02",
        "2025-01-01",
    ):
        assert known.summary(as_of) == queries.statistics_in_range_summary(sample_db, as_of)
        first = queries.statistics_with_ids(sample_db, known.first(as_of, 3))
        assert first == queries.statistics_in_range(sample_db, as_of, limit=3)
