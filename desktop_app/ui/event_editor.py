"""The event editor: meetings, visits, strikes and the rest."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from desktop_app.domain.drafts import Draft
from desktop_app.domain.records import Event
from desktop_app.domain.vocabulary import EVENT_KINDS
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.date_fields import DateField, OptionalDateField
from desktop_app.ui.i18n import translate
from desktop_app.ui.pickers import ActorField, PlaceField


class EventEditor(RememberingDialog):
    def __init__(
        self, db, event: Event | None = None, parent=None, date: str | None = None
    ) -> None:
        super().__init__(
            translate("EventEditor", "Edit event")
            if event
            else translate("EventEditor", "New event"),
            parent,
        )
        self.db = db
        self.original = event
        self.date = DateField(date)  # a new event starts at the window's as-of date
        self.end_date = OptionalDateField(empty_text=translate("EventEditor", "same day"))
        self.kind = QComboBox()
        for kind in EVENT_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(
            translate("EventEditor", "What happened, in a few words")
        )
        self.place = PlaceField(db, multiple=False)
        self.actors = ActorField(db)
        self.fatalities = QSpinBox()
        self.fatalities.setRange(-1, 10_000_000)
        self.fatalities.setSpecialValueText(translate("EventEditor", "unknown"))
        self.fatalities.setValue(-1)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(90)
        for label, widget in (
            (translate("EventEditor", "&Date"), self.date),
            (translate("EventEditor", "&End date"), self.end_date),
            (translate("EventEditor", "&Kind"), self.kind),
            (translate("EventEditor", "&Title"), self.title_edit),
            (translate("EventEditor", "&Place"), self.place),
            (translate("EventEditor", "&Actors"), self.actors),
            (translate("EventEditor", "&Fatalities"), self.fatalities),
            (translate("EventEditor", "De&scription"), self.description),
        ):
            self.form.addRow(label, widget)
        if event:
            self.date.set_iso(event.date)
            self.end_date.set_iso(event.end_date)
            self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind)))
            self.title_edit.setText(event.title)
            if event.place_id:
                self.place.set_place_ids([event.place_id])
            self.actors.set_actor_ids([a for a, _role in event.actors])
            self.fatalities.setValue(-1 if event.fatalities is None else event.fatalities)
            self.description.setPlainText(event.description)

    def build_result(self) -> Draft:
        roles = dict(self.original.actors) if self.original else {}
        event = Event(
            date=self.date.iso(),
            end_date=self.end_date.iso(),
            kind=self.kind.currentData(),
            title=self.title_edit.text(),
            description=self.description.toPlainText(),
            fatalities=None if self.fatalities.value() < 0 else self.fatalities.value(),
            source_ids=self.original.source_ids if self.original else (),
            uuid=self.original.uuid if self.original else None,
        )
        return Draft(
            event,
            actors=tuple((a, roles.get(a, "actor")) for a in self.actors.refs()),
            places=tuple(self.place.refs()),
        )
