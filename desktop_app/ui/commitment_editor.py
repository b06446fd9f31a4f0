"""The commitment editor: create a commitment or change one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from desktop_app.domain.drafts import Draft
from desktop_app.domain.records import Commitment
from desktop_app.domain.vocabulary import CATEGORIES, DATE_PRECISIONS
from desktop_app.store import listings
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.date_fields import DateField, OptionalDateField
from desktop_app.ui.i18n import category_label, precision_label, translate
from desktop_app.ui.pickers import ActorField, PlaceField, SourceField


class CommitmentEditor(RememberingDialog):
    def __init__(
        self, db, commitment: Commitment | None = None, parent=None, made_on: str | None = None
    ) -> None:
        """made_on: the date a new commitment starts with (the window's as-of date, so that
        what is recorded shows in the table that is open)."""
        super().__init__(
            translate("CommitmentEditor", "Edit commitment")
            if commitment
            else translate("CommitmentEditor", "New commitment"),
            parent,
        )
        self.db = db
        self.original = commitment
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(
            translate("CommitmentEditor", "What was promised, in a few words")
        )
        self.category = QComboBox()
        for category in CATEGORIES:
            self.category.addItem(category_label(category), category)
        self.made_on = DateField(made_on)
        self.deadline = OptionalDateField(empty_text=translate("CommitmentEditor", "no deadline"))
        self.deadline_precision = QComboBox()
        for precision in DATE_PRECISIONS:
            self.deadline_precision.addItem(precision_label(precision), precision)
        self.promisors = ActorField(db)
        self.beneficiaries = ActorField(db)
        self.beneficiaries.setPlaceholderText(
            translate("CommitmentEditor", "Optional: who benefits, separated by ;")
        )
        self.places = PlaceField(db)
        self.origin = QComboBox()
        self.origin.addItem(translate("CommitmentEditor", "(none)"), None)
        for event_id, text in listings.event_choices(db):
            self.origin.addItem(text, event_id)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            translate("CommitmentEditor", "Details, wording, conditions")
        )
        self.description.setFixedHeight(90)
        self.sources = SourceField(db)
        self.quote = QPlainTextEdit()
        self.quote.setPlaceholderText(
            translate("CommitmentEditor", "The exact words of the promise, as published")
        )
        self.quote.setFixedHeight(60)
        self.quote_source = SourceField(db, multiple=False)
        self.quote_source.setPlaceholderText(
            translate("CommitmentEditor", "Where the quote comes from (web address)")
        )
        self._lay_out()
        if commitment:
            self._show(commitment)

    def _lay_out(self) -> None:
        for label, widget in (
            (translate("CommitmentEditor", "&Title"), self.title_edit),
            (translate("CommitmentEditor", "&Category"), self.category),
            (translate("CommitmentEditor", "&Made on"), self.made_on),
            (translate("CommitmentEditor", "&Deadline"), self.deadline),
            (translate("CommitmentEditor", "Deadline p&recision"), self.deadline_precision),
            (translate("CommitmentEditor", "&Promised by"), self.promisors),
            (translate("CommitmentEditor", "&Beneficiaries"), self.beneficiaries),
            (translate("CommitmentEditor", "P&laces"), self.places),
            (translate("CommitmentEditor", "&Origin event"), self.origin),
            (translate("CommitmentEditor", "D&escription"), self.description),
            (translate("CommitmentEditor", "&Sources"), self.sources),
            (translate("CommitmentEditor", "&Quote"), self.quote),
            (translate("CommitmentEditor", "Quote so&urce"), self.quote_source),
        ):
            self.form.addRow(label, widget)

    def _show(self, c: Commitment) -> None:
        self.title_edit.setText(c.title)
        self.category.setCurrentIndex(max(0, self.category.findData(c.category)))
        self.made_on.set_iso(c.made_on)
        self.deadline.set_iso(c.deadline)
        self.deadline_precision.setCurrentIndex(
            max(0, self.deadline_precision.findData(c.deadline_precision))
        )
        self.promisors.set_actor_ids([a for a, role in c.parties if role != "beneficiary"])
        self.beneficiaries.set_actor_ids([a for a, role in c.parties if role == "beneficiary"])
        self.places.set_place_ids(list(c.place_ids))
        self.origin.setCurrentIndex(max(0, self.origin.findData(c.origin_event_id)))
        self.description.setPlainText(c.description)
        self.sources.set_source_ids(list(c.source_ids))
        self.quote.setPlainText(c.quote)
        self.quote_source.set_source_ids([c.quote_source_id] if c.quote_source_id else [])

    def build_result(self) -> Draft:
        promisors = self.promisors.refs()
        if not promisors:
            raise ValueError(
                translate("CommitmentEditor", "name at least one party that made the commitment")
            )
        beneficiaries = [b for b in self.beneficiaries.refs() if b not in promisors]
        quote = self.quote.toPlainText().strip()
        quote_sources = self.quote_source.refs()
        if quote_sources and not quote:
            raise ValueError(
                translate(
                    "CommitmentEditor",
                    "type the quote whose source is given, or clear the quote source",
                )
            )
        commitment = Commitment(
            title=self.title_edit.text(),
            made_on=self.made_on.iso(),
            category=self.category.currentData(),
            description=self.description.toPlainText(),
            origin_event_id=self.origin.currentData(),
            deadline=self.deadline.iso(),
            deadline_precision=self.deadline_precision.currentData(),
            quote=quote,
            uuid=self.original.uuid if self.original else None,
        )
        return Draft(
            commitment,
            actors=tuple((a, "promisor") for a in promisors)
            + tuple((b, "beneficiary") for b in beneficiaries),
            places=tuple(self.places.refs()),
            sources=tuple(self.sources.refs()),
            quote_source=quote_sources[0] if quote_sources else None,
        )
