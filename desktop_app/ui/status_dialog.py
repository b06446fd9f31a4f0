"""Update status…: record a dated status for a commitment, or for one of its parties."""

from __future__ import annotations

from urllib.parse import urlparse

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from desktop_app.domain.dates import today_iso
from desktop_app.domain.drafts import Draft, NewSource
from desktop_app.domain.records import Source, StatusUpdate
from desktop_app.domain.status import ENTERABLE_STATUSES, STATUS_INFO
from desktop_app.store import listings
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.date_fields import DateField


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
        self.note.setPlaceholderText("What happened, and why this status")
        self.note.setFixedHeight(80)
        self.source_url = QLineEdit()
        self.source_url.setPlaceholderText("https://… (optional link to the source)")
        self.evidence = QComboBox()
        self.evidence.addItem("(none)", None)
        for event_id, text in listings.event_choices(db):
            self.evidence.addItem(text, event_id)
        for label, widget in (
            ("&Date", self.date),
            ("&Status", self.status),
            ("", self.definition),
            ("&Concerns", self.party),
            ("&Note", self.note),
            ("Source &URL", self.source_url),
            ("&Evidence event", self.evidence),
        ):
            self.form.addRow(label, widget)

    def _show_definition(self) -> None:
        self.definition.setText(self.status.currentData(3) or "")

    def build_result(self) -> Draft:
        url = self.source_url.text().strip()
        if url:
            parsed = urlparse(url)
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise ValueError(f"{url!r} is not a web address starting with http:// or https://")
        update = StatusUpdate(
            commitment_id=self.commitment_id,
            date=self.date.iso(),
            status=self.status.currentData(),
            actor_id=self.party.currentData(),
            note=self.note.toPlainText(),
            evidence_event_id=self.evidence.currentData(),
        )
        if not url:  # no source given: nothing to parse
            return Draft(update)
        source = NewSource(Source(title=parsed.netloc, url=url, accessed_on=today_iso()))
        return Draft(update, source=source)
