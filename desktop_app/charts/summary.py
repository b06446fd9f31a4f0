"""Each chart said in words, from the same numbers it is drawn from: what a screen reader reads
as the chart's accessible description ("By party: Iran 7 commitments, compliance +0.50 ...").
No Qt, so the sentences are tested directly."""

from __future__ import annotations

from desktop_app.charts.chart_data import (
    DashboardData,
    EventsPerMonth,
    StackedBars,
    StatusOverTime,
    Timeline,
)
from desktop_app.domain.status import STATUS_ORDER, label
from desktop_app.store.map_queries import MapData
from desktop_app.store.status_index import STATUSES

#: a description names this many rows at most; more is a wall of words, not a summary
MOST_NAMED = 12


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _status_counts(counts: dict[str, list[int]], column: int) -> str:
    """'5 In progress, 2 Broken' for one bar: the statuses it holds, in the legend's order."""
    parts = [
        f"{counts[s.value][column]} {label(s.value)}"
        for s in STATUS_ORDER
        if counts.get(s.value) and counts[s.value][column]
    ]
    return ", ".join(parts)


def _more(total: int, named: int, noun: str) -> str:
    return f"; and {_plural(total - named, noun)} more" if total > named else ""


def stacked_bars_summary(title: str, data: StackedBars) -> str:
    """'By party: Iran 7 commitments, compliance +0.50 (75%), 4 rated (5 In progress, 2
    Fulfilled); Pakistan ...'."""
    if not data.labels:
        return f"{title}: no commitments for this filter and date."
    rows = []
    for column, name in enumerate(data.labels[:MOST_NAMED]):
        total = sum(counts[column] for counts in data.counts.values())
        note = data.notes[column] if column < len(data.notes) else ""
        text = f"{name} {_plural(total, 'commitment')}"
        text += f", {note}" if note else ""
        rows.append(f"{text} ({_status_counts(data.counts, column)})")
    caption = f" ({data.caption})" if data.caption else ""
    more = _more(len(data.labels), MOST_NAMED, "row")
    return f"{title}{caption}: " + "; ".join(rows) + more + "."


def status_over_time_summary(data: StatusOverTime) -> str:
    """The months covered and the statuses at the last month's end."""
    if not data.periods:
        return "Status over time: no commitments made by this date."
    last = len(data.periods) - 1
    total = sum(counts[last] for counts in data.counts.values())
    return (
        f"Status over time, {len(data.periods)} months from {data.periods[0][:7]} to "
        f"{data.periods[-1][:7]}: at the end, {_plural(total, 'commitment')} "
        f"({_status_counts(data.counts, last)})."
    )


def events_summary(data: EventsPerMonth) -> str:
    """The events counted per kind over the months shown, and the busiest month."""
    if not data.months:
        return "Events per month: no events by this date."
    by_kind = {kind: sum(counts) for kind, counts in data.counts.items()}
    monthly = [sum(column) for column in zip(*data.counts.values(), strict=True)]
    busiest = max(range(len(monthly)), key=monthly.__getitem__)
    kinds = ", ".join(
        f"{n} {kind}" for kind, n in sorted(by_kind.items(), key=lambda item: -item[1]) if n
    )
    text = (
        f"Events per month, {data.months[0]} to {data.months[-1]}: "
        f"{_plural(sum(monthly), 'event')} ({kinds}); the busiest month is "
        f"{data.months[busiest]} with {monthly[busiest]}."
    )
    if data.statistics:
        text += " Reported: " + "; ".join(stat["text"] for stat in data.statistics) + "."
    return text


def timeline_summary(data: Timeline) -> str:
    """The commitments on the timeline, newest first, with their status and span."""
    if not data.bars and not data.events:
        return "Timeline: nothing to show for this filter and date."
    bars = list(reversed(data.bars))  # the chart draws the oldest lowest; say the newest first
    rows = [
        f"{bar.title}, {label(bar.status)}, made {bar.start}" + (", overdue" if bar.missed else "")
        for bar in bars[:MOST_NAMED]
    ]
    return (
        f"Timeline of {_plural(len(bars), 'commitment')} and {_plural(len(data.events), 'event')}"
        + (": " + "; ".join(rows) if rows else "")
        + _more(len(bars), MOST_NAMED, "commitment")
        + "."
    )


def chart_summary(name: str, data: DashboardData) -> str:
    """The description of the named dashboard chart (names as in charts/dashboard.py)."""
    if name == "status-over-time":
        return status_over_time_summary(data.status_over_time)
    if name == "by-party":
        return stacked_bars_summary("By party", data.by_party)
    if name == "by-category":
        return stacked_bars_summary("By category", data.by_category)
    if name == "events":
        return events_summary(data.events)
    if name == "timeline":
        return timeline_summary(data.timeline)
    raise ValueError(f"unknown chart {name!r}")


def map_summary(data: MapData) -> str:
    """'Map as of 2024-06-30: 4 places of 5 commitments (3 In progress, 2 Stalled); events at
    4 places (6 events).'"""
    statuses = data.commitments.status
    counts = {s: int((statuses == i).sum()) for i, s in enumerate(STATUSES)}
    named = ", ".join(
        f"{counts[s.value]} {label(s.value)}" for s in STATUS_ORDER if counts.get(s.value)
    )
    places = _plural(len(set(data.commitments.place_id.tolist())), "place")
    commitments = _plural(len(set(data.commitments.commitment_id.tolist())), "commitment")
    text = f"Map as of {data.as_of}: {places} of {commitments}" + (f" ({named})" if named else "")
    event_places = _plural(len(data.events.place_id), "place")
    events = _plural(int(data.events.counts.sum()), "event")
    return f"{text}; events at {event_places} ({events})."
