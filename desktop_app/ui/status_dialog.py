"""Update status…: record a dated status for a commitment, or for one of its parties."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

from desktop_app.domain.dates import today_iso
from desktop_app.domain.drafts import Draft
from desktop_app.domain.records import StatusUpdate
from desktop_app.domain.status import ENTERABLE_STATUSES, Status
from desktop_app.store import listings
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.date_fields import DateField
from desktop_app.ui.i18n import status_definition, status_label, translate
from desktop_app.ui.pickers import SourceField


class StatusDialog(RememberingDialog):
    def __init__(self, db, commitment_id: int, date: str | None = None, parent=None) -> None:
        detail = listings.commitment_detail(db, commitment_id) or {"title": "?", "parties": []}
        super().__init__(
            translate("StatusDialog", "Update status: {title}").format(title=detail["title"]),
            parent,
        )
        self.db = db
        self.commitment_id = commitment_id
        self.date = DateField(date or today_iso())
        self.status = QComboBox()
        for status in ENTERABLE_STATUSES:  # Mixed is worked out, never recorded
            self.status.addItem(status_label(status), status.value)
            self.status.setItemData(self.status.count() - 1, status_definition(status), 3)  # tip
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.status.currentIndexChanged.connect(self._show_definition)
        self.status.setCurrentIndex(1)
        self.party = QComboBox()
        self.party.addItem(translate("StatusDialog", "The whole commitment"), None)
        for party in detail["parties"]:
            self.party.addItem(
                translate("StatusDialog", "{party} only").format(party=party["name"]), party["id"]
            )
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            translate("StatusDialog", "The rationale: what happened, and why it earns this status")
        )
        self.note.setFixedHeight(80)
        # a known source or a new web address (kept under its old name: a link to the source)
        self.source_url = SourceField(db, multiple=False)
        self.source_url.setPlaceholderText(translate("StatusDialog", "https://… or a known source"))
        self.source_hint = QLabel(
            translate(
                "StatusDialog", "Without a source this rating is marked unsourced in the history."
            )
        )
        self.source_hint.setStyleSheet("color: gray;")
        self.source_url.textChanged.connect(
            lambda text: self.source_hint.setVisible(not text.strip())
        )
        self.evidence = QComboBox()
        self.evidence.addItem(translate("StatusDialog", "(none)"), None)
        for event_id, text in listings.event_choices(db):
            self.evidence.addItem(text, event_id)
        for label, widget in (
            (translate("StatusDialog", "&Date"), self.date),
            (translate("StatusDialog", "&Status"), self.status),
            ("", self.definition),
            (translate("StatusDialog", "&Concerns"), self.party),
            (translate("StatusDialog", "&Rationale"), self.note),
            (translate("StatusDialog", "S&ource"), self.source_url),
            ("", self.source_hint),
            (translate("StatusDialog", "&Evidence event"), self.evidence),
        ):
            self.form.addRow(label, widget)

    def _show_definition(self) -> None:
        self.definition.setText(self.status.currentData(3) or "")

    def build_result(self) -> Draft:
        status = self.status.currentData()
        if status != Status.NOT_RATED.value and not self.note.toPlainText().strip():
            raise ValueError(
                translate(
                    "StatusDialog", "give the rationale for this status: what happened, and why"
                )
            )
        sources = self.source_url.refs()
        update = StatusUpdate(
            commitment_id=self.commitment_id,
            date=self.date.iso(),
            status=status,
            actor_id=self.party.currentData(),
            note=self.note.toPlainText(),
            evidence_event_id=self.evidence.currentData(),
        )
        return Draft(update, source=sources[0] if sources else None)
