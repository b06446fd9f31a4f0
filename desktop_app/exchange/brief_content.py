"""What a brief says, as of a date and for chosen parties and categories: read from the store's
own queries (statuses, overdue, compliance, history, statistics), never worked out again here.
Rendering it (HTML, PDF) is charts/brief_document.py's work; this module has no Qt.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.domain.records import change_percent
from desktop_app.domain.status import STATUS_INFO, STATUS_ORDER, Status, label
from desktop_app.domain.vocabulary import CATEGORIES
from desktop_app.store import deadlines, listings, queries
from desktop_app.store.queries import CommitmentFilter, Compliance, PartyStatus
from desktop_app.store.status_index import StatusIndex

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

#: commitments described one by one; past it the brief says how many it left out
MOST_LISTED = 200
#: rows of each other list (overdue, due soon, statistics) a brief shows
MOST_ROWS = 100
DUE_SOON = deadlines.DUE_SOON_DAYS[-1]


@dataclass(frozen=True)
class BriefScope:
    """Which brief: as of a date, for parties (ISO3 codes or names) and categories (empty:
    all of them)."""

    as_of: str
    parties: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    number: int
    title: str
    publisher: str | None
    published_on: str | None
    url: str | None


@dataclass(frozen=True)
class Rationale:
    date: str
    status: str
    party: str | None  # None: the update is for the whole commitment
    note: str
    source: int | None  # reference number


@dataclass
class BriefCommitment:
    id: int
    title: str
    category: str
    made_on: str
    deadline: str | None
    deadline_precision: str  # day, week, month or year
    status: str
    overdue: bool
    description: str
    quote: str
    quote_source: int | None  # reference number
    parties: list[tuple[str, str, str]]  # (name, role, own status), in the order listed
    rationale: Rationale | None  # the latest update on or before the as-of date
    references: list[int]  # every source it cites, by number


@dataclass(frozen=True)
class ReportedStatistic:
    label: str
    value: float
    unit: str
    period_start: str
    period_end: str | None
    baseline_value: float | None
    baseline_start: str | None
    baseline_end: str | None
    change: float | None  # percent against the baseline
    method_note: str
    source: int | None  # reference number


@dataclass
class Brief:
    scope: BriefScope
    party_names: list[str]  # the parties asked for, by name (empty: all)
    total: int
    first_made: str | None
    status_counts: dict[str, int]
    compliance: list[Compliance]
    overdue: list[dict]  # commitment_rows rows: the first MOST_ROWS
    due_soon: list[dict]  # the first MOST_ROWS
    commitments: list[BriefCommitment]
    statistics: list[ReportedStatistic]
    references: list[Reference] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)  # every commitment the brief counts
    statistics_total: int = 0  # the brief shows the first MOST_ROWS
    overdue_count: int = 0
    due_soon_count: int = 0

    @property
    def left_out(self) -> int:
        return self.total - len(self.commitments)


def _resolve_parties(db: Database, wanted: tuple[str, ...]) -> list[tuple[int, str]]:
    """(actor id, name) of each party asked for by ISO3 code or name; a ValueError names one
    that no commitment has."""
    choices = listings.actor_choices(db)  # (id, name, iso3)
    found = []
    for text in wanted:
        key = text.strip().lower()
        match = [(i, n) for i, n, iso3 in choices if key in ((iso3 or "").lower(), n.lower())]
        if not match:
            raise ValueError(f"no party {text!r} in this database; give an ISO3 code or a name")
        found += match
    return list(dict.fromkeys(found))


def _check_categories(wanted: tuple[str, ...]) -> tuple[str, ...]:
    for category in wanted:
        if category not in CATEGORIES:
            raise ValueError(
                f"unknown category {category!r}; expected one of: {', '.join(CATEGORIES)}"
            )
    return tuple(dict.fromkeys(wanted))


def selected_ids(db: Database, scope: BriefScope) -> list[int]:
    """Live commitments made by the as-of date that involve one of the parties and fall in one
    of the categories (all when none is given), earliest made first."""
    parties = [party_id for party_id, _ in _resolve_parties(db, scope.parties)] or [None]
    categories = _check_categories(scope.categories) or (None,)
    chosen: set[int] = set()
    for party_id in parties:
        for category in categories:
            flt = CommitmentFilter(party_id=party_id, category=category)
            chosen.update(queries.commitment_ids(db, scope.as_of, flt))
    ordered = queries.commitment_ids(db, scope.as_of, CommitmentFilter())
    return [i for i in ordered if i in chosen]


def read_brief(db: Database, scope: BriefScope) -> Brief:
    """Everything the brief shows, as the store answers it on scope.as_of."""
    as_of = scope.as_of
    parties = _resolve_parties(db, scope.parties)
    ids = selected_ids(db, scope)
    index = StatusIndex.load(db)
    snapshot = index.snapshot(db, as_of, index.positions_of(ids))
    compliance = snapshot.compliance()
    if parties:  # the parties asked about, not everyone else on their commitments
        compliance = [c for c in compliance if c.actor_id in {i for i, _ in parties}]
    references = _References(db)
    due = deadlines.deadline_lists(db, as_of, limit=MOST_ROWS, index=index, only=ids)
    brief = Brief(
        scope=scope,
        party_names=[name for _, name in parties],
        total=len(ids),
        first_made=index.first_made(index.positions_of(ids)) if ids else None,
        status_counts=snapshot.status_counts(),
        compliance=sorted(compliance, key=lambda c: c.actor.lower()),
        overdue=due.overdue,
        due_soon=(due.soon + due.later)[:MOST_ROWS],  # the first due, both spans together
        commitments=[_commitment(db, as_of, i, references) for i in ids[:MOST_LISTED]],
        statistics=[],
        ids=ids,
        overdue_count=due.overdue_total,
        due_soon_count=due.due_total,
    )
    brief.statistics, brief.statistics_total = _statistics(db, as_of, parties, references)
    brief.references = references.listed()
    return brief


class _References:
    """Sources numbered in the order the brief first cites them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.numbers: dict[int, int] = {}

    def number(self, source_id: int | None) -> int | None:
        if source_id is None:
            return None
        return self.numbers.setdefault(source_id, len(self.numbers) + 1)

    def listed(self) -> list[Reference]:
        if not self.numbers:
            return []
        marks = ", ".join("?" for _ in self.numbers)
        sql = f"SELECT id, title, publisher, published_on, url FROM sources WHERE id IN ({marks})"
        found = {r[0]: r[1:] for r in self.db.execute(sql, list(self.numbers))}
        return [Reference(n, *found[i]) for i, n in self.numbers.items() if i in found]


def _commitment(db: Database, as_of: str, commitment_id: int, refs: _References) -> BriefCommitment:
    detail = listings.commitment_detail(db, commitment_id)
    [row] = queries.commitment_rows(db, as_of, [commitment_id])
    own = queries.party_statuses(db, as_of, [commitment_id]).get(commitment_id, [])
    quote, quote_source = db.execute(
        "SELECT quote, quote_source_id FROM commitments WHERE id = ?", [commitment_id]
    ).fetchone()
    history = [h for h in queries.status_history(db, commitment_id) if h["date"] <= as_of]
    cited = _cited_sources(db, as_of, commitment_id)
    quote_number = refs.number(quote_source)
    rationale = None
    if history:
        latest = history[-1]  # the rule's order: the last read stands
        rationale = Rationale(
            latest["date"],
            latest["status"],
            latest["party"],
            latest["note"],
            refs.number(latest["source_id"]),
        )
    return BriefCommitment(
        id=commitment_id,
        title=row["title"],
        category=row["category"],
        made_on=row["made_on"],
        deadline=row["deadline"],
        deadline_precision=detail["deadline_precision"],
        status=row["status"],
        overdue=bool(row["overdue"]),
        description=detail["description"],
        quote=quote or "",
        quote_source=quote_number,
        parties=_party_lines(detail["parties"], own, row["status"]),
        rationale=rationale,
        references=sorted({n for n in map(refs.number, cited) if n is not None}),
    )


def _party_lines(parties: list[dict], own: list[PartyStatus], headline: str) -> list[tuple]:
    """Each party with its role and own status (the headline's, unless it has its own)."""
    by_actor = {p.actor_id: p.status for p in own}
    return [(p["name"], p["role"], by_actor.get(p["id"], headline)) for p in parties]


def _cited_sources(db: Database, as_of: str, commitment_id: int) -> list[int]:
    """The sources of the commitment, of its quote and of its status updates by as_of."""
    sql = """SELECT source_id FROM commitment_sources WHERE commitment_id = :id
             UNION SELECT quote_source_id FROM commitments WHERE id = :id
             UNION SELECT source_id FROM status_updates WHERE commitment_id = :id
                   AND deleted_at IS NULL AND date <= :as_of"""
    return [r[0] for r in db.execute(sql, {"id": commitment_id, "as_of": as_of}) if r[0]]


def _statistics(
    db: Database, as_of: str, parties: list[tuple[int, str]], refs: _References
) -> tuple[list[ReportedStatistic], int]:
    """The first MOST_ROWS statistics known by as_of (queries.statistics_in_range) with their
    periods, and how many there are; with parties asked for, those about their countries or
    about no country."""
    shown = queries.statistics_in_range(db, as_of)
    if not shown:
        return [], 0
    marks = ", ".join("?" for _ in shown)
    sql = f"""SELECT id, baseline_start, baseline_end, method_note, source_id, country_iso3
              FROM statistics WHERE id IN ({marks})"""
    more = {r[0]: r[1:] for r in db.execute(sql, [s["id"] for s in shown])}
    countries = {code for i, _, code in listings.actor_choices(db) if i in dict(parties) and code}
    result, total = [], 0
    for stat in shown:
        baseline_start, baseline_end, method, source, country = more[stat["id"]]
        if parties and country and country not in countries:
            continue
        total += 1
        if total > MOST_ROWS:
            continue  # counted, not shown: its source is not cited either
        result.append(
            ReportedStatistic(
                stat["label"],
                stat["value"],
                stat["unit"],
                stat["period_start"],
                stat["period_end"],
                stat["baseline_value"],
                baseline_start,
                baseline_end,
                change_percent(stat["value"], stat["baseline_value"]),
                method,
                refs.number(source),
            )
        )
    return result, total


# --- words -------------------------------------------------------------------------------------


def long_date(iso: str) -> str:
    """'31 December 2024'."""
    date = dt.date.fromisoformat(iso)
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"


def month_year(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return f"{calendar.month_name[date.month]} {date.year}"


def _count(n: int, what: str) -> str:
    return f"{'none' if n == 0 else f'{n:,}'} {what}"


# the order a sentence names them in: outcomes first, then what is still open
_SAID_ORDER = (
    Status.FULFILLED,
    Status.PARTIALLY_FULFILLED,
    Status.IN_PROGRESS,
    Status.STALLED,
    Status.BROKEN,
    Status.MIXED,
    Status.NOT_RATED,
)
assert set(_SAID_ORDER) == set(STATUS_ORDER)


def numbers_paragraph(brief: Brief) -> str:
    """'Of 7 commitments made since January 2024, 2 fulfilled, 2 in progress, none broken;
    1 overdue.' as of the brief's date."""
    if brief.total == 0:
        return f"No commitment had been made by {long_date(brief.scope.as_of)} in this selection."
    noun = "commitment" if brief.total == 1 else "commitments"
    parts = [
        _count(brief.status_counts.get(s.value, 0), label(s.value).lower())
        for s in _SAID_ORDER
        if brief.status_counts.get(s.value) or s == Status.BROKEN
    ]
    soon = brief.due_soon_count
    return (
        f"Of {brief.total:,} {noun} made since {month_year(brief.first_made)}, "
        f"{', '.join(parts)}; {_count(brief.overdue_count, 'overdue')}, "
        f"{_count(soon, f'due in the next {DUE_SOON} days')}."
    )


def compliance_method() -> str:
    """How the compliance score is worked out, from the statuses' own scores."""
    scored: dict[int, list[str]] = {}
    for info in STATUS_INFO.values():
        if info.compliance is not None:
            scored.setdefault(info.compliance, []).append(info.label.lower())
    left_out = [i.label.lower() for i in STATUS_INFO.values() if i.compliance is None]
    terms = ", ".join(
        f"{score:+d}".replace("+0", "0") + f" for {' or '.join(names)}"
        for score, names in sorted(scored.items(), reverse=True)
    )
    return (
        "G7 Research Group method: each party's score is the mean, over the commitments it "
        f"promised, of its own status scored {terms} ({' and '.join(left_out)} left out); "
        "the percentage is (score + 1) / 2."
    )
