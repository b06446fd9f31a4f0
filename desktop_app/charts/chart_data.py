"""The numbers each chart draws, shaped from store queries. No Qt, so they are tested directly."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.domain.records import change_percent
from desktop_app.domain.status import STATUS_ORDER, Status, label, percent_text
from desktop_app.store import queries
from desktop_app.store.known_statistics import KnownStatistics
from desktop_app.store.per_version import kept
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.status_index import STATUSES, StatusIndex

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@functools.lru_cache(maxsize=65536)
def timestamp(iso: str) -> float:
    """Seconds since the epoch at midnight UTC of an ISO date (what pyqtgraph's date axis uses)."""
    return (dt.date.fromisoformat(iso).toordinal() - _EPOCH_ORDINAL) * 86400.0


@dataclass
class StatusOverTime:
    periods: list[str]  # period end dates
    counts: dict[str, list[int]]  # status -> count per period

    def stacked(self) -> list[tuple[str, list[int]]]:
        """Cumulative tops per status, bottom first (the order of the legend)."""
        running = [0] * len(self.periods)
        layers = []
        for status in STATUS_ORDER:
            running = [a + b for a, b in zip(running, self.counts[status.value], strict=True)]
            layers.append((status.value, running))
        return layers


@dataclass
class StackedBars:
    labels: list[str]
    counts: dict[str, list[int]]  # status -> count per label
    notes: list[str] = field(default_factory=list)  # one per label (e.g. compliance)
    ids: list[int | None] = field(default_factory=list)
    caption: str = ""  # what is left out, when not everything fits
    counted_as: str = ""  # what a bar counts, when the axis title alone does not say
    can_be_mixed: bool = True  # whether a bar may hold the derived status Mixed


def _stack(rows: list[tuple[str, str, int]]) -> tuple[list[str], dict[str, list[int]]]:
    labels = sorted({r[0] for r in rows}, key=str.lower)
    position = {name: i for i, name in enumerate(labels)}
    counts = {s.value: [0] * len(labels) for s in Status}
    for name, status, n in rows:
        counts[status][position[name]] += n
    return labels, counts


#: more bars than this do not fit the dashboard's cell (a screenshot of 20 showed their labels
#: overlapping): the parties with most commitments; a party filter shows any other
MOST_PARTIES = 10


def _party_bars(counts: list, scores: list, chosen: int | None = None) -> StackedBars:
    """Bars of the parties with most commitments; the party `chosen` in the filter always
    among them."""
    totals: dict[str, int] = {}
    for _id, name, _status, n in counts:
        totals[name] = totals.get(name, 0) + n
    caption = ""
    if len(totals) > MOST_PARTIES:
        first = {name for actor_id, name, _status, _n in counts if actor_id == chosen}
        ranked = sorted(totals, key=lambda name: (name not in first, -totals[name], name))
        keep = set(ranked[:MOST_PARTIES])
        counts = [row for row in counts if row[1] in keep]
        caption = f"top {MOST_PARTIES} of {len(totals)}"  # (an axis title: short)
    labels, stacked = _stack([(name, status, n) for _id, name, status, n in counts])
    by_name = {c.actor: c for c in scores}
    notes = []
    for name in labels:
        score = by_name.get(name)
        notes.append(
            f"compliance {score.score:+.2f} ({percent_text(score.percent)}), {score.rated} rated"
            if score
            else "compliance: nothing rated yet"
        )
    # each party's own status on the commitments it promised: the same commitments its
    # compliance score is the mean of (a party's own status is never Mixed)
    return StackedBars(
        labels, stacked, notes, caption=caption, counted_as="as promisor", can_be_mixed=False
    )


def _category_bars(counts: list) -> StackedBars:
    labels, stacked = _stack(counts)
    return StackedBars([name.capitalize() for name in labels], stacked)


def by_party(db: Database, as_of: str, flt: CommitmentFilter | None = None) -> StackedBars:
    _index, _only, snapshot = _statuses_on(db, as_of, flt, None)
    return _party_bars(snapshot.by_party(), snapshot.compliance(), flt and flt.party_id)


def by_category(db: Database, as_of: str, flt: CommitmentFilter | None = None) -> StackedBars:
    _index, _only, snapshot = _statuses_on(db, as_of, flt, None)
    return _category_bars(snapshot.by_category())


@dataclass
class TimelineBar:
    commitment_id: int
    title: str
    start: str
    end: str
    status: str
    open_ended: bool  # no deadline and not resolved: drawn up to the as-of date
    deadline: str | None = None
    missed: bool = False  # the deadline passed while the commitment was still open

    @property
    def tooltip(self) -> str:
        ends = "still open" if self.open_ended else self.end
        return f"{self.title}\n{label(self.status)} · made {self.start} · until {ends}"


@dataclass
class TimelineEvent:
    date: str
    kind: str
    title: str


@dataclass
class Timeline:
    bars: list[TimelineBar]
    events: list[TimelineEvent]


LEAD_UP = dt.timedelta(days=31)


def timeline(
    db: Database, as_of: str, flt: CommitmentFilter | None = None, limit: int = 60
) -> Timeline:
    """The most recent commitments (up to limit) as bars, and events up to as_of as markers."""
    flt = flt or CommitmentFilter()
    made_by_then = dataclasses.replace(flt, made_to=min(flt.made_to or as_of, as_of))
    rows = queries.commitment_page(
        db, as_of, made_by_then, sort="made_on", descending=True, limit=limit
    )
    resolved = queries.resolution_dates(db, [r["id"] for r in rows], as_of)
    bars = []
    for row in reversed(rows):  # oldest first: row 0, the lowest bar, above the events lane
        end = resolved.get(row["id"]) or row["deadline"]
        bars.append(
            TimelineBar(
                row["id"],
                row["title"],
                row["made_on"],
                end or as_of,
                row["status"],
                end is None,
                row["deadline"],
                bool(row["overdue"]),
            )
        )
    # the events that led to the commitments: from a month before the first one was made
    first = (
        dt.date.fromisoformat(min((b.start for b in bars), default=as_of)) - LEAD_UP
    ).isoformat()
    event_rows = db.execute(
        """SELECT date, kind, title FROM events WHERE deleted_at IS NULL
           AND date BETWEEN ? AND ? ORDER BY date LIMIT 2000""",
        [first, as_of],
    ).fetchall()
    return Timeline(bars, [TimelineEvent(*r) for r in event_rows])


@dataclass
class EventsPerMonth:
    months: list[str]  # YYYY-MM
    counts: dict[str, list[int]]  # kind -> count per month
    statistics: list[dict]  # the first few, earliest period first (the chart names three)
    statistics_count: int | None = None  # all of them (None: as many as listed)
    statistics_since: str | None = None  # the earliest period start of all of them


#: statistics read for the events chart, which names two (thousands would take a second)
STATISTICS_SHOWN = 2  # (more squeezed the bars to a strip: a screenshot of 3 and "more")


def events_per_month(
    db: Database, as_of: str, known: KnownStatistics | None = None
) -> EventsPerMonth:
    """Events by kind per month up to as_of, and the statistics known by then (from `known`,
    read once per version of the data, when given)."""
    rows = queries.events_per_month_by_kind(db, as_of)
    months = _month_range([m for m, _, _ in rows])
    position = {m: i for i, m in enumerate(months)}
    kinds = sorted({k for _, k, _ in rows})
    counts = {k: [0] * len(months) for k in kinds}
    for month, kind, n in rows:
        counts[kind][position[month]] = n
    stats = []
    if known is None:
        total, since = queries.statistics_in_range_summary(db, as_of)
        shown = queries.statistics_in_range(db, as_of, limit=STATISTICS_SHOWN)
    else:
        total, since = known.summary(as_of)
        shown = queries.statistics_with_ids(db, known.first(as_of, STATISTICS_SHOWN))
    for stat in shown:
        change = change_percent(stat["value"], stat["baseline_value"])
        period = f"{_month_name(stat['period_start'])}–{_month_name(stat['period_end'] or as_of)}"
        text = f"{stat['value']:,.10g} {stat['unit']}, {period}".strip()
        if change is not None:
            text += f", {change:+.0f}% on the baseline"
        stats.append(stat | {"text": text, "change": change})
    return EventsPerMonth(months, counts, stats, total, since)


def _month_name(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return f"{calendar.month_abbr[date.month]} {date.year}"


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last, so that quiet months show as zero."""
    if not months:
        return []
    year, month = map(int, min(months).split("-"))
    last = max(months)
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        result.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return result


@dataclass
class DashboardData:
    """Everything the dashboard draws for one filter and as-of date."""

    as_of: str
    status_over_time: StatusOverTime
    by_party: StackedBars
    by_category: StackedBars
    timeline: Timeline
    events: EventsPerMonth


def dashboard_data(
    db: Database, as_of: str, flt: CommitmentFilter | None = None, cache_key: object = None
) -> DashboardData:
    """All five charts' numbers. The status counts come from a StatusIndex of the whole status
    history; with a cache_key (which must change whenever the data does) that index is kept
    between calls, so a new as-of date or filter costs array operations, not a re-read."""
    index, only, snapshot = _statuses_on(db, as_of, flt, cache_key)
    return DashboardData(
        as_of,
        _status_over_time_from_index(index, as_of, only),
        _party_bars(snapshot.by_party(), snapshot.compliance(), flt and flt.party_id),
        _category_bars(snapshot.by_category()),
        timeline(db, as_of, flt),
        events_per_month(db, as_of, kept(KnownStatistics, db, cache_key)),
    )


def _statuses_on(db: Database, as_of: str, flt: CommitmentFilter | None, cache_key: object):
    """The status index, the positions the filter keeps (None: all), and the snapshot."""
    index = status_index(db, cache_key)
    only = None
    if flt is not None and not flt.is_empty():
        only = index.positions_of(queries.matching_ids(db, as_of, flt))
    return index, only, index.snapshot(db, as_of, only)


def status_index(db: Database, cache_key: object) -> StatusIndex:
    """The status index for cache_key, kept between calls while the data is unchanged (the
    dashboard, the map and the brief read it; a read ahead of the first request keeps it)."""
    return kept(StatusIndex, db, cache_key)


def _month_end(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return date.replace(day=calendar.monthrange(date.year, date.month)[1]).isoformat()


def _status_over_time_from_index(index: StatusIndex, as_of: str, only) -> StatusOverTime:
    """Month ends from the first commitment made to the as-of month, which is counted as it
    stood on the as-of date."""
    first = index.first_made(only)
    if first is None or first > as_of:
        return StatusOverTime([], {s.value: [] for s in Status})
    periods = [_month_end(f"{m}-01") for m in _month_range([first[:7], as_of[:7]])]
    counts = index.counts_over_days([*periods[:-1], as_of], only)
    return StatusOverTime(
        periods, {status: counts[:, code].tolist() for code, status in enumerate(STATUSES)}
    )


def charts_of_commitments(db: Database, as_of: str, ids: list[int]) -> DashboardData:
    """The status-over-time, by-party and by-category numbers of these commitments alone
    (a brief's choice of parties and categories, which one filter cannot say); the timeline
    and the events are left empty."""
    index = StatusIndex.load(db)
    only = index.positions_of(ids)
    snapshot = index.snapshot(db, as_of, only)
    return DashboardData(
        as_of,
        _status_over_time_from_index(index, as_of, only),
        _party_bars(snapshot.by_party(), snapshot.compliance()),
        _category_bars(snapshot.by_category()),
        Timeline([], []),
        EventsPerMonth([], {}, []),
    )
