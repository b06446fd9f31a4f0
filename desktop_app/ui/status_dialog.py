"""Update status…: record a dated status for a commitment, or for one of its parties."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

from desktop_app.domain.dates import today_iso
from desktop_app.domain.drafts import Draft
from desktop_app.domain.records import StatusUpdate
from desktop_app.domain.status import ENTERABLE_STATUSES, STATUS_INFO, Status
from desktop_app.store import listings
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.date_fields import DateField
from desktop_app.ui.pickers import SourceField

UNSOURCED_HINT = "Without a source this rating is marked unsourced in the history."


class StatusDialog(RememberingDialog):
    def __init__(self, db, commitment_id: int, date: str | None = None, parent=None) -> None:
        detail = listings.commitment_detail(db, commitment_id) or {"title": "?", "parties": []}
        super().__init__(f"Update status: {detail['title']}", parent)
        self.db = db
        self.commitment_id = commitment_id
        self.date = DateField(date or today_iso())
        self.status = QComboBox()
        for status in ENTERABLE_STATUSES:  # Mixed is worked out, never recorded
            info = STATUS_INFO[status]
            self.status.addItem(info.label, status.value)
            self.status.setItemData(self.status.count() - 1, info.definition, 3)  # tooltip
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.status.currentIndexChanged.connect(self._show_definition)
        self.status.setCurrentIndex(1)
        self.party = QComboBox()
        self.party.addItem("The whole commitment", None)
        for party in detail["parties"]:
            self.party.addItem(f"{party['name']} only", party["id"])
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("The rationale: what happened, and why it earns this status")
        self.note.setFixedHeight(80)
        # a known source or a new web address (kept under its old name: a link to the source)
        self.source_url = SourceField(db, multiple=False)
        self.source_url.setPlaceholderText("https://… or a known source")
        self.source_hint = QLabel(UNSOURCED_HINT)
        self.source_hint.setStyleSheet("color: gray;")
        self.source_url.textChanged.connect(
            lambda text: self.source_hint.setVisible(not text.strip())
        )
        self.evidence = QComboBox()
        self.evidence.addItem("(none)", None)
        for event_id, text in listings.event_choices(db):
            self.evidence.addItem(text, event_id)
        for label, widget in (
            ("&Date", self.date),
            ("&Status", self.status),
            ("", self.definition),
            ("&Concerns", self.party),
            ("&Rationale", self.note),
            ("S&ource", self.source_url),
            ("", self.source_hint),
            ("&Evidence event", self.evidence),
        ):
            self.form.addRow(label, widget)

    def _show_definition(self) -> None:
        self.definition.setText(self.status.currentData(3) or "")

    def build_result(self) -> Draft:
        status = self.status.currentData()
        if status != Status.NOT_RATED.value and not self.note.toPlainText().strip():
            raise ValueError("give the rationale for this status: what happened, and why")
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
