"""The extractor: article text in, candidate commitments, events and statistics out."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass

from desktop_app.extract import countries, cues, rules, sites
from desktop_app.extract.categories import category_of as keyword_category
from desktop_app.extract.deadlines import NUMBERS, find_deadline
from desktop_app.extract.not_promises import not_a_promise
from desktop_app.extract.places import FoundPlace, filed_from, places_in, venue_in
from desktop_app.extract.relative_dates import vague_deadline
from desktop_app.extract.statistics import figures_in
from desktop_app.extract.text import parse_article


@dataclass
class Candidate:
    kind: str  # commitment, event, statistic
    sentence: str
    title: str
    parties: list[str]
    places: list[dict]
    deadline: str | None = None
    deadline_precision: str = "day"
    category: str = "other"
    confidence: float = 0.5
    date: str | None = None  # events: when it happened
    event_kind: str | None = None
    value: float | None = None  # statistics
    unit: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    change_percent: float | None = None
    baseline_value: float | None = None
    # what a reviewer should know: a deadline before the publication date, a time promised
    # without a date ("in the coming weeks")
    note: str | None = None

    def with_parties(self, parties: list[str]) -> Candidate:
        self.parties = parties
        return self

    def with_places(self, places: list[dict]) -> Candidate:
        self.places = places
        return self

    def as_json(self) -> dict:
        data = asdict(self)
        return {k: v for k, v in data.items() if v is not None or k in ("deadline",)}


def extract(text: str, published: str | None = None) -> list[Candidate]:
    """All candidates in an article, in the order of their sentences."""
    article = parse_article(text, published)
    main_parties = _main_parties(article.text, article.sentences)
    venue: FoundPlace | None = filed_from(article.filed_in)
    candidates: list[Candidate] = []
    for sentence in article.sentences:
        said_venue = venue_in(sentence)
        venue = said_venue or venue
        places = [p.as_json() for p in places_in(sentence)]
        for place in places:
            if said_venue and place["name"] == said_venue.name:
                place["role"] = "venue"  # "after talks in Beijing": the meeting's place
        named = countries.countries_in(sentence)
        promises = _commitments(sentence, article.published)
        for action, confidence, subject in promises:
            candidates.append(
                _commitment(sentence, action, confidence, subject, article.published)
                .with_parties(_parties(named, main_parties, subject))
                .with_places(_commitment_places(places, action, venue))
            )
        event = _event(sentence, article.published, named or main_parties, places)
        if event:
            if venue and event.event_kind in ("meeting", "visit", "agreement"):
                event.places = _with_venue(event.places, venue)
            candidates.append(event)
        if rules.enabled("statistics"):
            if not promises:  # a figure in a promise is a target, not a report
                candidates.extend(
                    statistics_in(sentence, named or main_parties, places, article.published)
                )
        else:
            statistic = _statistic(sentence, named or main_parties, places)
            candidates.extend([statistic] if statistic else [])
    if rules.enabled("small_places"):
        _locate_small_places(candidates, frozenset(main_parties))
    return candidates


def plain_number(value: float) -> str:
    """118000000000.0 -> '118,000,000,000', 1.25 -> '1.25': never '1.18e+11'."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def statistics_in(
    sentence: str, parties: list[str], places: list[dict], published: str | None
) -> list[Candidate]:
    """The figures the sentence reports (statistics.figures_in), as candidates."""
    figures = figures_in(sentence, published)
    # one category for the sentence's figures: a long table of figures stays linear
    category = category_of("", sentence) if figures else "other"
    return [
        Candidate(
            kind="statistic",
            sentence=sentence,
            title=f"{plain_number(figure.value)} {figure.unit}",
            parties=parties,
            places=places,
            category=category,
            confidence=0.7,
            value=figure.value,
            unit=figure.unit,
            period_start=figure.period_start,
            period_end=figure.period_end,
            change_percent=figure.change_percent,
            baseline_value=figure.baseline,
        )
        for figure in figures
    ]


def _locate_small_places(candidates: list[Candidate], parties: frozenset[str]) -> None:
    """Coordinates for the names no bigger gazetteer knew, from GeoNames' places of 500
    people, preferring the article's parties' countries (one look-up for the article)."""
    unknown = {
        p["name"]
        for c in candidates
        for p in c.places
        if p["lat"] is None and p["precision"] == "near"
    }
    found = sites.small_places(unknown, parties) if unknown else {}
    for candidate in candidates:
        for place in candidate.places:
            site = found.get(place["name"]) if place["lat"] is None else None
            if site:
                place.update(country=site.country, lat=site.lat, lon=site.lon, precision="exact")


def category_of(title: str, sentence: str) -> str:
    """The keyword model's category (categories.py); the older title-only count when the
    model is switched off for the ablation."""
    if rules.enabled("categories"):
        return keyword_category(title, sentence)
    return cues.category_of(title)


def _commitment(
    sentence: str, action: str, confidence: float, subject: str, published: str | None
) -> Candidate:
    # the promise's own words first: not "…, the ministers announced on Wednesday"
    deadline, precision = find_deadline(_ATTRIBUTION.split(action)[0], published)
    if deadline is None:
        deadline, precision = find_deadline(action, published)
    title = action_title(sentence, action)
    return Candidate(
        kind="commitment",
        sentence=sentence,
        title=title,
        parties=[],
        places=[],
        deadline=deadline,
        deadline_precision=precision,
        category=category_of(title, sentence),
        confidence=confidence,
        note=deadline_note(action, deadline, published),
    )


_ATTRIBUTION = re.compile(
    r",\s+(?:[\w'’-]+\s+){1,6}?(?:said|say|says|told|added|announced|reported)\b|"
    r"\b(?:after|during|at|following)\s+(?:[\w'’-]+\s+){0,4}?(?:talks|meeting|summit|"
    r"consultations|negotiations)\b",
    re.IGNORECASE,
)


def _commitment_places(places: list[dict], action: str, venue: FoundPlace | None) -> list[dict]:
    """The sentence's places; the meeting's venue stays marked as the venue (the session
    gives it to the meeting, not the commitment) unless the promised action names it."""
    promised = _ATTRIBUTION.split(action)[0]  # without ", officials said after talks in …"
    here = []
    for place in places:
        named_in_action = place["name"] in promised
        role = "mentioned" if named_in_action else place["role"]
        here.append(place | {"role": role})
    return _with_venue(here, venue) if venue else here


def _with_venue(places: list[dict], venue: FoundPlace) -> list[dict]:
    if any(p["name"] == venue.name for p in places):
        return places
    return [*places, venue.as_json()]


def deadline_note(action: str, deadline: str | None, published: str | None) -> str | None:
    """Kept, but said: a deadline already past when the article appeared, or a time promised
    with no date."""
    if deadline and published and deadline < published:
        return f"deadline {deadline} is before the publication date {published}"
    vague = vague_deadline(action) if not deadline else None
    return f"no date: “{vague}”" if vague else None


def _main_parties(text: str, sentences: list[str] | tuple = ()) -> list[str]:
    """The meeting's parties: the first two states of the lead (the first of the opening
    sentences that names two: "Russia and Ukraine swapped prisoners in a deal mediated by the
    UAE"), else the two states the article names most."""
    if rules.enabled("party_roles"):
        for sentence in sentences[:3]:
            named = countries.countries_in(sentence)
            if len(named) >= 2:
                return named[:2]
    mentions = countries.country_mentions(text)
    ranked = sorted(mentions, key=lambda code: -mentions[code])
    return [code for code in ranked[:2] if mentions[code] >= 1]


_PLURAL_SUBJECT = re.compile(
    r"\b(?:they|both|the\s+two|leaders|ministers|governments|countries|nations|sides)\b", re.I
)


def _parties(named: list[str], main: list[str], subject: str) -> list[str]:
    """The promisors. By role: the states of the subject that promised ("China agreed to",
    "Beijing will"), not the ones the promise is to ("… for Indian pilgrims"); a plural
    subject ("both sides", "the two countries", "the ministers") means the meeting's parties,
    the article's main ones. Without either, the states the sentence names."""
    if not rules.enabled("party_roles"):
        if _PLURAL_SUBJECT.search(subject) or not named:
            return list(dict.fromkeys([*main, *named]))
        return named
    clause = _subject_clause(subject)
    in_subject = countries.countries_in(clause)
    if _PLURAL_SUBJECT.search(clause) and len(in_subject) < 2:
        return list(dict.fromkeys([*in_subject, *main]))
    if in_subject:
        return in_subject
    return named or list(main)


def _subject_clause(subject: str) -> str:
    """The part of the text before the promise verb that holds its subject: the last clause
    that names a state or a plural subject ("After talks with Kenya, Somalia pledged": Somalia)."""
    clauses = [
        c
        for c in re.split(r",\s+|;\s+|\s+(?:said|says|announced)\s+(?:that\s+)?", subject)
        if c.strip()
    ]
    for clause in reversed(clauses):
        if countries.countries_in(clause) or _PLURAL_SUBJECT.search(clause):
            return clause
    return subject


def _commitments(sentence: str, published: str | None) -> list[tuple[str, float, str]]:
    """The promised actions in a sentence (several when it says 'agreed to X and to Y')."""
    if cues.QUOTATION_START.match(sentence):
        return []  # a speaker's words, the quotation going on in the next sentence
    quoted = cues.QUOTED_OPENING.match(sentence) or cues.QUOTATION_END.match(sentence)
    if quoted:  # a quotation's own words are no promise; the reporter's account after may be
        sentence = sentence[quoted.end() :]
    if any(p.search(sentence) for p in cues.LOOKALIKES):
        return []
    if rules.enabled("not_a_promise") and not_a_promise(sentence, published):
        return []
    telegram = cues.TELEGRAM.match(sentence)
    if telegram and (
        countries.countries_in(telegram.group(1)) or _PLURAL_SUBJECT.search(telegram.group(1))
    ):
        return [(sentence[telegram.end() :], 0.6, telegram.group(1))]
    nominal = cues.NOMINAL_PROMISE.match(sentence)
    if nominal:  # "The creation of a joint fund was also approved"
        return [(nominal.group("action"), 0.6, "")]
    # the "will" of a clause about a thing is not a promise: "…, which will link the ports"
    scanned = cues.WHICH_CLAUSE.sub(lambda m: " " * len(m.group()), sentence)
    return _promised_actions(sentence, scanned)


def _promised_actions(sentence: str, scanned: str) -> list[tuple[str, float, str]]:
    """The actions of the first promise cue in the sentence (by position), and of the next
    clause's when it has a promisor of its own ("A vowed to X, while B committed to Y")."""
    found = []
    for pattern, confidence in cues.COMMITMENT_CUES:
        for match in pattern.finditer(scanned):
            if _a_promisor_before(pattern, sentence, match):
                found.append((match.start(), pattern, confidence, match))
                break
    if not found:
        return []
    _start, pattern, confidence, match = min(found, key=lambda f: f[0])
    clause = cues.NEXT_CLAUSE.search(scanned, match.end())
    later: list[tuple[str, float, str]] = []
    if clause:  # "…, while Armenia committed to …": the next clause's own promise
        later = [
            (action, conf, sentence[: clause.end()] + subject)
            for action, conf, subject in _promised_actions(
                sentence[clause.end() :], scanned[clause.end() :]
            )
        ]
    if later:
        sentence, scanned = sentence[: clause.start()], scanned[: clause.start()]
    actions = _actions_after(sentence, pattern, confidence, match)
    return [a for a in actions + later if len(a[0].split()) >= 2]


def _a_promisor_before(pattern: re.Pattern, sentence: str, match: re.Match) -> bool:
    """Whether a "will" has a government (or its bodies, or a work promised in the passive)
    before it; other cues need none."""
    if not cues.is_future(pattern):
        return True
    before = sentence[: match.start()]
    return bool(
        countries.countries_in(before)
        or cues.PARTY_SUBJECT.search(before)
        or cues.PASSIVE_PROMISE.match(sentence, match.end())
        or cues.PRONOUN_SUBJECT.fullmatch(before.strip())
        or (cues.is_plan(pattern) and cues.PLANNED_THING.match(before))
    )  # else "the talks will…" is a forecast, not a promise


def _actions_after(sentence: str, pattern: re.Pattern, confidence: float, match: re.Match):
    """The promised actions the cue match introduces, each with the cue's confidence and the
    text before it (where its promisor is)."""
    subject = sentence[: match.start()]
    visit = "visit" in pattern.pattern and "visit" in match.group().lower()
    if visit or match.group().endswith(("held", "planned", "scheduled", "again", "next")):
        return [(sentence, confidence, subject)]
    action = sentence[match.end() :]
    if re.search(r"\bto\s+be\s+(?:signed|ratified|approved)", match.group()):
        return [(_pending_action(match.group(), subject, action), confidence, subject)]
    thing = cues.is_plan(pattern) and not countries.countries_in(subject)
    # "Work on the bridge will be completed", "Construction is to begin": the thing first
    if thing or (cues.is_future(pattern) and cues.PASSIVE_PROMISE.match(sentence, match.end())):
        return [(f"{subject.strip()} to {action}", confidence, subject)]
    return [(part, confidence, subject) for part in cues.ACTIONS_SPLIT.split(action)]


_MONTH_NAMES = "|".join(calendar.month_name[1:])
_PENDING_VERBS = {"signed": "Sign", "ratified": "Ratify", "approved": "Approve"}


def _pending_action(cue: str, subject: str, rest: str) -> str:
    """'The peace deal will have to be ratified by both parliaments' -> 'Ratify the peace
    deal by both parliaments': the verbs of the cue, then what is to be signed."""
    verbs = [_PENDING_VERBS[v] for v in re.findall(r"signed|ratified|approved", cue)]
    verbs = [verbs[0]] + [v.lower() for v in verbs[1:]]
    thing = subject.strip().rstrip(",")
    thing = thing[:1].lower() + thing[1:] if thing.startswith(("The ", "This ", "That ")) else thing
    # "… by Pakistan", "by both parliaments": who signs (a party), not a time ("by June")
    agent = re.match(r"\s*by\s+([^,;.]+)", rest)
    if agent and not re.search(r"\d|\bend\b|year|month|week|" + _MONTH_NAMES, agent.group(1)):
        rest = rest[agent.end() :]
    return " ".join(part for part in (" and ".join(verbs), thing, rest.strip(" .")) if part)


def action_title(sentence: str, action: str) -> str:
    if action == sentence:
        return cues.visit_title(sentence) or cues.title_from(sentence)
    if re.search(
        r"\bestablish(?:ed)?\s+$", sentence[: sentence.find(action)] if action in sentence else ""
    ):
        title = cues.title_from(action)
        return "Set up " + title[:1].lower() + title[1:]
    return cues.title_from(action)


EVENT_PATTERNS = (
    ("agreement", re.compile(r"\b(?:signed|initialled|initialed)\b", re.I)),
    ("strike", re.compile(r"\b(?:missile|air|drone)\s*strikes?\b|\bstruck\b|\bshelled\b", re.I)),
    ("attack", re.compile(r"\b(?:attacked|ambush(?:ed)?|bombing|gunmen)\b", re.I)),
    ("visit", re.compile(r"\b(?:arrived\s+in|visited|paid\s+a\s+visit|\w+-day\s+visit)\b", re.I)),
    (
        "meeting",
        re.compile(
            r"\b(?:met|convened|held\s+talks|talks\s+with|summit|"
            r"press\s+conference)\b",
            re.I,
        ),
    ),
)
_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_FUTURE = re.compile(r"\b(?:will|scheduled|upcoming|planned|to\s+be|yet\s+to)\b", re.I)
_NEGATED = re.compile(r"\b(?:did|does|do|would)\s+not\b|\brefused\b|\bcancell?ed\b", re.I)
_PENDING = re.compile(r"\b(?:has|have)\s+to\s+be\b|\byet\s+to\b", re.I)


def _event(
    sentence: str, published: str | None, parties: list[str], places: list[dict]
) -> Candidate | None:
    if (
        _PENDING.search(sentence)
        or _NEGATED.search(sentence)
        or (_FUTURE.search(sentence) and not re.search(r"\bsigned\b", sentence))
    ):
        return None
    for kind, pattern in EVENT_PATTERNS:
        if pattern.search(sentence):
            if kind == "strike" and re.search(r"\b(?:following|after|recent)\b", sentence, re.I):
                return None  # a reference back to earlier strikes, not a new event
            return Candidate(
                kind="event",
                sentence=sentence,
                title=cues.title_from(sentence, limit=80),
                parties=parties,
                places=places,
                date=_event_date(sentence, published),
                event_kind=kind,
                category=cues.category_of(sentence),
                confidence=0.6,
            )
    return None


def _event_date(sentence: str, published: str | None) -> str | None:
    if not published:
        return None
    pub = dt.date.fromisoformat(published)
    match = _WEEKDAY.search(sentence)
    if match:
        wanted = list(calendar.day_name).index(match.group(1))
        back = (pub.weekday() - wanted) % 7
        if back > pub.toordinal() - 1:
            return None  # before the first day of the calendar
        return (pub - dt.timedelta(days=back)).isoformat()
    return published


# Each number pattern starts only where a number starts ((?<![\d.,])): otherwise a search
# would try every digit of a long run of digits as a start, in time square to its length.
_STAT = re.compile(
    r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s+((?:[a-z-]+\s+){0,1}(?:attacks?|incidents?|people|deaths?|killed|"
    r"casualties|refugees|civilians|strikes?|displaced|migrants|cases|troops|soldiers|"
    r"fatalities|explosions?|protests?))\b",
    re.I,
)
_CHANGE = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:per\s*cent|percent|%)\s*(?:increase|rise|jump|more|higher|up)|"
    r"(?:increase|rise|jump|up)\s+(?:of\s+)?(\d+(?:\.\d+)?)\s*(?:per\s*cent|percent|%)",
    re.I,
)
_DROP = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:per\s*cent|percent|%)\s*(?:decrease|drop|fall|"
    r"fewer|lower|down|decline)",
    re.I,
)
_FIRST_MONTHS = re.compile(r"first\s+(\d+|\w+)\s+months\s+of\s+(\d{4})", re.I)
_YEAR = re.compile(r"\b(?:in|during|of)\s+(\d{4})\b")


def _statistic(sentence: str, parties: list[str], places: list[dict]) -> Candidate | None:
    match = _STAT.search(sentence)
    change = _CHANGE.search(sentence)
    drop = _DROP.search(sentence)
    if not match or not (change or drop or _FIRST_MONTHS.search(sentence)):
        return None
    value = float(match.group(1).replace(",", ""))
    percent = None
    if change:
        percent = float(change.group(1) or change.group(2))
    elif drop:
        percent = -float(drop.group(1))
    start = end = None
    months = _FIRST_MONTHS.search(sentence)
    if months:
        count = months.group(1)
        count = int(count) if count.isdigit() else (NUMBERS.get(count.lower()) or 12)
        year = int(months.group(2))
        if 1 <= count <= 12 and year >= 1:  # "the first 13 months of 2024" gives no period
            start = f"{year:04d}-01-01"
            end = dt.date(year, count, calendar.monthrange(year, count)[1]).isoformat()
    elif year_match := _YEAR.search(sentence):
        start, end = f"{year_match.group(1)}-01-01", f"{year_match.group(1)}-12-31"
    baseline = round(value / (1 + percent / 100)) if percent not in (None, -100) else None
    unit = match.group(2).split()[-1].lower()
    return Candidate(
        kind="statistic",
        sentence=sentence,
        title=f"{value:,.10g} {unit}",
        parties=parties,
        places=places,
        category="security",
        confidence=0.7,
        value=value,
        unit=unit,
        period_start=start,
        period_end=end,
        change_percent=percent,
        baseline_value=baseline,
    )
