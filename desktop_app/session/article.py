"""New from article, the writing half: the ticked candidates of an article become records (its
source, the meeting the commitments came from, places, parties, commitments and statistics),
all inside one change of the session."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.records import Commitment, Event, Place, Source, Statistic
from desktop_app.extract.extractor import Candidate
from desktop_app.store import records
from desktop_app.store.references import find_or_create_place, find_or_create_state
from desktop_app.store.snapshots import keep_snapshot

if TYPE_CHECKING:
    from sqlite_utils import Database

ORIGIN_KINDS = ("meeting", "visit", "agreement")


@dataclass
class ChosenCandidate:
    """A ticked candidate with what the user typed over it (parties as ISO codes)."""

    candidate: Candidate
    title: str
    parties: list[str]
    date: str | None
    category: str
    places: list[dict] | None = None  # as edited in the dialog; None: the candidate's

    @property
    def own_places(self) -> list[dict]:
        """The places that are the candidate's own (not the meeting's venue)."""
        chosen = self.candidate.places if self.places is None else self.places
        return [p for p in chosen if p.get("role") != "venue"]

    @property
    def all_places(self) -> list[dict]:
        return self.candidate.places if self.places is None else self.places


@dataclass
class ArticlePlan:
    chosen: list[ChosenCandidate]
    source: Source
    published: str
    article_text: str = ""  # the article whole, kept as the source's snapshot

    @property
    def commitments(self) -> list[ChosenCandidate]:
        return [c for c in self.chosen if c.candidate.kind == "commitment"]

    def write(self, db: Database) -> int:
        """Add everything to db (the caller's transaction); returns the commitments added."""
        return _ArticleWriter(db, self).write()


class _ArticleWriter:
    def __init__(self, db: Database, plan: ArticlePlan) -> None:
        self.db = db
        self.plan = plan
        self.source_id = 0

    def write(self) -> int:
        self.source_id = records.add(self.db, self.plan.source)
        if self.plan.article_text.strip():
            sentences = [c.candidate.sentence for c in self.plan.chosen]
            keep_snapshot(self.db, self.source_id, self.plan.article_text, sentences)
        origin_id = self._events()
        commitments = self.plan.commitments
        if commitments and origin_id is None:
            origin_id = self._reported_meeting(commitments)
        for chosen in commitments:
            self._commitment(chosen, origin_id)
        for chosen in self.plan.chosen:
            if chosen.candidate.kind == "statistic":
                self._statistic(chosen)
        return len(commitments)

    def _place(self, found: dict) -> int:
        return find_or_create_place(
            self.db,
            Place(
                name=found["name"],
                country_iso3=found.get("country"),
                latitude=found.get("lat"),
                longitude=found.get("lon"),
                precision=found.get("precision") or "exact",
            ),
        )

    def _actors(self, codes: list[str], role: str) -> tuple[tuple[int, str], ...]:
        ids = dict.fromkeys(find_or_create_state(self.db, code) for code in codes)
        return tuple((actor_id, role) for actor_id in ids)

    def _events(self) -> int | None:
        """Add the ticked events; returns the first meeting, visit or signing among them."""
        origin_id = None
        for chosen in self.plan.chosen:
            candidate = chosen.candidate
            if candidate.kind != "event":
                continue
            places = chosen.own_places[:1] or chosen.all_places[:1]
            event_id = records.add(
                self.db,
                Event(
                    date=chosen.date or candidate.date or self.plan.published,
                    kind=candidate.event_kind,
                    title=chosen.title,
                    description=candidate.sentence,
                    place_id=self._place(places[0]) if places else None,
                    actors=self._actors(chosen.parties, "participant"),
                    source_ids=(self.source_id,),
                ),
            )
            if origin_id is None and candidate.event_kind in ORIGIN_KINDS:
                origin_id = event_id
        return origin_id

    def _reported_meeting(self, commitments: list[ChosenCandidate]) -> int:
        """The talks the commitments came from, when no event of the article was ticked."""
        venue = next(
            (p for c in commitments for p in c.all_places if p.get("role") == "venue"),
            None,
        )
        return records.add(
            self.db,
            Event(
                date=self.plan.published,
                kind="meeting",
                title=f"Talks reported by {self.plan.source.title}",
                place_id=self._place(venue) if venue else None,
                actors=self._actors(commitments[0].parties, "participant"),
                source_ids=(self.source_id,),
            ),
        )

    def _commitment(self, chosen: ChosenCandidate, origin_id: int | None) -> None:
        candidate = chosen.candidate
        published = self.plan.published
        records.add(
            self.db,
            Commitment(
                title=chosen.title,
                made_on=published,
                category=chosen.category,
                description=candidate.sentence,
                origin_event_id=origin_id,
                deadline=chosen.date if chosen.date and chosen.date >= published else None,
                deadline_precision=candidate.deadline_precision,
                parties=self._actors(chosen.parties, "promisor"),
                place_ids=tuple(dict.fromkeys(self._place(p) for p in chosen.own_places)),
                source_ids=(self.source_id,),
            ),
        )

    def _statistic(self, chosen: ChosenCandidate) -> None:
        candidate = chosen.candidate
        records.add(
            self.db,
            Statistic(
                label=chosen.title,
                value=candidate.value,
                unit=candidate.unit or "",
                period_start=candidate.period_start,
                # the date the user typed over the candidate's period end (issue 21)
                period_end=chosen.date or candidate.period_end,
                baseline_value=candidate.baseline_value,
                country_iso3=chosen.parties[0] if chosen.parties else None,
                source_id=self.source_id,
                method_note=candidate.sentence,
            ),
        )
