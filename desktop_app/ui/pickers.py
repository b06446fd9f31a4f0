"""Text fields that autocomplete actors (ISO countries and known actors) and places (known
places and the offline gazetteer). Several values in one field are separated by "; "."""

from __future__ import annotations

from urllib.parse import urlparse

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit
from shiboken6 import isValid

from desktop_app.domain import gazetteer
from desktop_app.domain.dates import today_iso
from desktop_app.domain.drafts import ActorRef, NewPlace, NewSource, NewState, PlaceRef, SourceRef
from desktop_app.domain.records import Place, Source
from desktop_app.store import listings
from desktop_app.ui.i18n import translate

SEPARATOR = "; "


def known_place_labels(db) -> dict[str, int]:
    """'Zahidan, Iran' -> place id, for every live place."""
    labels = {}
    for place_id, name, iso3 in listings.place_choices(db):
        country = gazetteer.country_by_code(iso3) if iso3 else None
        labels[f"{name}, {country.name}" if country else name] = place_id
    return labels


def known_place_aliases(db, labels: dict[str, int]) -> dict[str, str]:
    """Another spelling of each known place's label -> the label: its local name in place of
    its name ('زاهدان, Iran' -> 'Zahidan, Iran'), so that typing either finds the place."""
    local = listings.place_local_names(db)
    aliases = {}
    for label, place_id in labels.items():
        if place_id in local:
            _name, comma, country = label.rpartition(", ")
            aliases[f"{local[place_id]}, {country}" if comma else local[place_id]] = label
    return aliases


def split_values(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


class MultiValueCompleter(QCompleter):
    """Completes the value after the last separator, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(";")[-1].strip()]

    def pathFromIndex(self, index) -> str:
        chosen = super().pathFromIndex(index)
        line = self.widget()
        before = line.text().split(";")[:-1] if isinstance(line, QLineEdit) else []
        # The line edit asks twice, on highlight and on activation, the second time with the
        # highlighted text already in place: each value is kept once, so both give one answer.
        values = dict.fromkeys([*(b.strip() for b in before if b.strip()), chosen])
        return SEPARATOR.join(values) + SEPARATOR


class ActorField(QLineEdit):
    """Actors by name or ISO code; unknown country names are refused when resolved."""

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.setPlaceholderText(
            translate("Pickers", "Countries or actors, separated by ;  (e.g. Pakistan; Iran)")
        )
        names = {name for _id, name, _iso in listings.actor_choices(db)}
        names.update(country.name for country in gazetteer.countries())
        completer = MultiValueCompleter(sorted(names, key=str.lower), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompleter(completer)

    def set_actor_ids(self, actor_ids: list[int]) -> None:
        names = {i: name for i, name, _iso in listings.actor_choices(self.db)}
        self.setText(SEPARATOR.join(names[i] for i in actor_ids if i in names))

    def refs(self) -> list[ActorRef]:
        """The typed values as known actors' ids or states to add (nothing is written here)."""
        choices = listings.actor_choices(self.db)
        known: dict[str, int] = {name.lower(): i for i, name, _iso in choices}
        known.update({iso.lower(): i for i, _n, iso in choices if iso})
        refs: list[ActorRef] = []
        for value in split_values(self.text()):
            if value.lower() in known:
                refs.append(known[value.lower()])
                continue
            country = gazetteer.find_country(value)
            if country is None:
                raise ValueError(f"{value!r} is neither a known actor nor a country")
            refs.append(NewState(country.iso3))
        return list(dict.fromkeys(refs))


class PlaceField(QLineEdit):
    """Places: known ones first, then gazetteer cities with coordinates, else a new place.

    The known places and the gazetteer (tens of thousands of cities) are read on a worker the
    first time the user types, never on the GUI thread; suggestions appear when they are ready.
    """

    def __init__(self, db, multiple: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.multiple = multiple
        self.setPlaceholderText(
            translate("Pickers", "Places, separated by ;  (type 3 letters for suggestions)")
            if multiple
            else translate("Pickers", "Place")
        )
        self._model = QStringListModel(self)
        completer = (
            MultiValueCompleter(self._model, self) if multiple else QCompleter(self._model, self)
        )
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._gazetteer: dict[str, gazetteer.GazetteerPlace] = {}
        self._known: dict[str, int] | None = None  # read once, on a worker
        self._aliases: dict[str, str] = {}  # local-name spellings of the known labels
        self._loading = False
        self.textEdited.connect(self._suggest)

    def _known_labels(self) -> dict[str, int]:
        if self._known is None:  # needed now (resolving what was typed): read it here
            self._remember(known_place_labels(self.db), None)
        return self._known

    def _remember(self, labels: dict[str, int], aliases: dict[str, str] | None) -> None:
        self._known = labels
        self._aliases = known_place_aliases(self.db, labels) if aliases is None else aliases

    @property
    def ready(self) -> bool:
        """Whether suggestions can be made without reading anything on the GUI thread."""
        return self._known is not None and gazetteer.cities_loaded()

    def suggestions(self, prefix: str) -> list[str]:
        prefix = prefix.strip().lower()
        known = [label for label in self._known_labels() if label.lower().startswith(prefix)]
        known += [
            label
            for alias, label in self._aliases.items()
            if alias.lower().startswith(prefix) and label not in known
        ]  # typed in the local script: the place's usual label
        found = gazetteer.find_places(prefix) if len(prefix) >= 3 else []
        self._gazetteer.update({place.label: place for place in found})
        return known + [p.label for p in found if p.label not in known]

    def _suggest(self, _text: str = "") -> None:
        if not self.ready:
            self._load_in_background()
            return
        text = self.text()
        last = text.split(";")[-1] if self.multiple else text
        self._model.setStringList(self.suggestions(last))
        if self.hasFocus() and len(last.strip()) >= 1:
            self.completer().complete()

    def _load_in_background(self) -> None:
        if self._loading:
            return
        self._loading = True
        from desktop_app.store.database import database_path
        from desktop_app.ui.worker import report_failure, run_in_background, with_own_connection

        def work(db, _report):
            labels = known_place_labels(db)
            aliases = known_place_aliases(db, labels)
            gazetteer.load_cities()
            return labels, aliases

        def done(result: tuple[dict[str, int], dict[str, str]]) -> None:
            if not isValid(self):
                return  # the dialog was closed before the places were read
            self._remember(*result)
            self._loading = False
            self._suggest()

        path = database_path(self.db)
        run_in_background(
            self, with_own_connection(path, work), done, report_failure(self, "Place suggestions")
        )

    def set_place_ids(self, place_ids: list[int]) -> None:
        by_id = {i: label for label, i in self._known_labels().items()}
        self.setText(SEPARATOR.join(by_id[i] for i in place_ids if i in by_id))

    def refs(self) -> list[PlaceRef]:
        """The typed values as known places' ids or new places (with coordinates when the
        gazetteer knows them); nothing is written here."""
        labels = self._known_labels()
        known = {label.lower(): i for label, i in labels.items()}
        known |= {alias.lower(): labels[label] for alias, label in self._aliases.items()}
        values = split_values(self.text()) if self.multiple else [self.text().strip()]
        refs: list[PlaceRef] = []
        for value in filter(None, values):
            ref = (
                known[value.lower()] if value.lower() in known else NewPlace(self._new_place(value))
            )
            if ref not in refs:
                refs.append(ref)
        return refs

    def _new_place(self, value: str) -> Place:
        match = self._gazetteer.get(value)
        name, _, country_text = value.partition(",")
        country = gazetteer.find_country(country_text) if country_text.strip() else None
        if match is None:
            exact = gazetteer.place_exactly(name)
            if exact and (country is None or exact.country_iso3 == country.iso3):
                match = exact
        if match:
            return Place(
                name=match.official_name if match.name == match.local_name else match.name,
                country_iso3=match.country_iso3,
                latitude=match.latitude,
                longitude=match.longitude,
                local_name=match.local_name,
            )
        return Place(name=name.strip(), country_iso3=country.iso3 if country else None)


def new_web_source(value: str) -> NewSource:
    """A source for a web address typed for the first time (titled by its site until someone
    gives it a better title); ValueError for anything that is not an http(s) address."""
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(
            f"{value!r} is neither a known source nor a web address starting with http(s)://"
        )
    return NewSource(Source(title=parsed.netloc, url=value, accessed_on=today_iso()))


class SourceField(QLineEdit):
    """Sources by web address (or title, for a source without one), separated by ; (or one
    source, with multiple=False). A new web address becomes a new source when saved."""

    def __init__(self, db, multiple: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.multiple = multiple
        self.setPlaceholderText(
            translate("Pickers", "Web addresses or known sources, separated by ;")
            if multiple
            else translate("Pickers", "Web address")
        )
        self._labels = listings.source_choices(db)
        completer = (
            MultiValueCompleter(sorted({label for _i, label in self._labels}), self)
            if multiple
            else QCompleter(sorted({label for _i, label in self._labels}), self)
        )
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def set_source_ids(self, source_ids: list[int]) -> None:
        by_id = dict(self._labels)
        self.setText(SEPARATOR.join(by_id[i] for i in source_ids if i in by_id))

    def refs(self) -> list[SourceRef]:
        """The typed values as known sources' ids or new web sources (nothing is written)."""
        known: dict[str, int] = {}
        for source_id, label in self._labels:
            known.setdefault(label.lower(), source_id)  # the oldest of equal labels
        values = split_values(self.text()) if self.multiple else [self.text().strip()]
        refs: list[SourceRef] = []
        for value in filter(None, values):
            ref = known.get(value.lower())
            refs.append(ref if ref is not None else new_web_source(value))
        unique: list[SourceRef] = []
        for ref in refs:  # kept in order without hashing: a new source's Source is mutable
            if ref not in unique:
                unique.append(ref)
        return unique
