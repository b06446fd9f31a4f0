"""Edit > New from article…: paste an article, tick and edit the candidates the extractor
proposes, and add them (commitments, their meeting, places, parties, the article as a source)
in one undoable step."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.domain.dates import check_iso_date, today_iso
from desktop_app.domain.records import Commitment, Event, Place, Source, Statistic
from desktop_app.domain.vocabulary import CATEGORIES
from desktop_app.extract.extractor import Candidate, extract
from desktop_app.store import records
from desktop_app.ui.date_fields import DateField

COLUMNS = ("Add", "Kind", "Title", "Parties", "Deadline or date", "Category")
COL_ADD, COL_KIND, COL_TITLE, COL_PARTIES, COL_DATE, COL_CATEGORY = range(len(COLUMNS))


class ArticleDialog(QDialog):
    def __init__(self, parent=None, text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New from article")
        self.resize(1000, 700)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Paste the article here (Ctrl+V), then press Find candidates")
        clipboard = QApplication.clipboard().text() if text is None else text
        if clipboard and len(clipboard.split()) > 20:
            self.text.setPlainText(clipboard)
        self.published = DateField(today_iso())
        self.source_title = QLineEdit()
        self.source_title.setPlaceholderText("Headline or description of the article")
        self.source_url = QLineEdit()
        self.source_url.setPlaceholderText("https://… (optional)")
        self.publisher = QLineEdit()
        find = QPushButton("&Find candidates")
        find.clicked.connect(self.find_candidates)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(COL_TITLE, 380)
        self.table.setColumnWidth(COL_PARTIES, 110)
        self.table.setColumnWidth(COL_DATE, 120)
        self.summary = QLabel("Paste an article and press Find candidates.")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            "Add selected", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Published on", self.published)
        form.addRow("Source title", self.source_title)
        form.addRow("Source URL", self.source_url)
        form.addRow("Publisher", self.publisher)
        top = QHBoxLayout()
        top.addWidget(self.text, 3)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(find)
        side.addStretch()
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 2)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.candidates: list[Candidate] = []
        if self.text.toPlainText():
            self.find_candidates()

    def find_candidates(self) -> None:
        text = self.text.toPlainText()
        dated = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})", text)
        if dated:
            self.published.set_iso(dated.group(1))
        self.candidates = extract(text, self.published.iso())
        self.table.setRowCount(len(self.candidates))
        origin_ticked = False
        for row, candidate in enumerate(self.candidates):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            # commitments, and the first meeting, visit or signing (the one they came from)
            is_origin = candidate.event_kind in ("meeting", "visit", "agreement")
            keep = candidate.kind == "commitment" or (is_origin and not origin_ticked)
            origin_ticked = origin_ticked or (is_origin and keep)
            tick.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
            self.table.setItem(row, COL_ADD, tick)
            kind = QTableWidgetItem(candidate.event_kind or candidate.kind)
            kind.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, COL_KIND, kind)
            title = QTableWidgetItem(candidate.title)
            title.setToolTip(candidate.sentence)
            self.table.setItem(row, COL_TITLE, title)
            self.table.setItem(row, COL_PARTIES, QTableWidgetItem("; ".join(candidate.parties)))
            self.table.setItem(
                row,
                COL_DATE,
                QTableWidgetItem(
                    candidate.deadline or candidate.date or candidate.period_end or ""
                ),
            )
            category = QComboBox()
            for name in CATEGORIES:
                category.addItem(name.capitalize(), name)
            category.setCurrentIndex(max(0, category.findData(candidate.category)))
            self.table.setCellWidget(row, COL_CATEGORY, category)
        if not self.source_title.text().strip() and text.strip():
            first = next(
                (s for s in text.splitlines() if s.strip() and not s.startswith("date")), ""
            )
            self.source_title.setText(" ".join(first.split()[:12]))
        commitments = sum(c.kind == "commitment" for c in self.candidates)
        self.summary.setText(
            f"{len(self.candidates)} candidates ({commitments} commitments). "
            "Untick what is wrong, edit titles, parties and dates, then add."
        )
        self.add_button.setEnabled(bool(self.candidates))

    def chosen(self) -> list[tuple[Candidate, dict]]:
        """Ticked candidates with the user's edits."""
        picked = []
        for row, candidate in enumerate(self.candidates):
            if self.table.item(row, COL_ADD).checkState() != Qt.CheckState.Checked:
                continue
            parties = [
                p.strip().upper()
                for p in self.table.item(row, COL_PARTIES).text().split(";")
                if p.strip()
            ]
            picked.append(
                (
                    candidate,
                    {
                        "title": self.table.item(row, COL_TITLE).text().strip(),
                        "parties": parties,
                        "date": self.table.item(row, COL_DATE).text().strip() or None,
                        "category": self.table.cellWidget(row, COL_CATEGORY).currentData(),
                    },
                )
            )
        return picked

    def accept(self) -> None:
        try:
            for _candidate, edits in self.chosen():
                if not edits["title"]:
                    raise ValueError("every ticked candidate needs a title")
                check_iso_date(edits["date"])
        except ValueError as error:
            self.summary.setText(f"<span style='color:#D55E00'>{error}.</span>")
            return
        super().accept()

    def creator(self):
        """A function that adds the chosen candidates to a database (run by the undo command)."""
        chosen = self.chosen()
        published = self.published.iso()
        source = Source(
            title=self.source_title.text().strip() or "Article",
            url=self.source_url.text().strip() or None,
            publisher=self.publisher.text().strip() or None,
            published_on=published,
            accessed_on=today_iso(),
        )

        def create(db) -> list[tuple[type, int]]:
            created: list[tuple[type, int]] = []

            def add(record) -> int:
                record_id = records.add(db, record)
                created.append((type(record), record_id))
                return record_id

            source_id = add(source)
            place_ids: dict[str, int] = {}

            def place(found: dict) -> int:
                if found["name"] not in place_ids:
                    row = db.execute(
                        "SELECT id FROM places WHERE name = ? AND deleted_at IS NULL LIMIT 1",
                        [found["name"]],
                    ).fetchone()
                    place_ids[found["name"]] = (
                        row[0]
                        if row
                        else add(
                            Place(
                                name=found["name"],
                                country_iso3=found.get("country"),
                                latitude=found.get("lat"),
                                longitude=found.get("lon"),
                                precision=found.get("precision") or "exact",
                            )
                        )
                    )
                return place_ids[found["name"]]

            def actors(codes: list[str]) -> list[int]:
                return [records.state_actor(db, code) for code in codes]

            origin_id = None
            for candidate, edits in chosen:
                if candidate.kind != "event":
                    continue
                venue = [p for p in candidate.places if p.get("role") != "venue"][
                    :1
                ] or candidate.places[:1]
                event_id = add(
                    Event(
                        date=edits["date"] or candidate.date or published,
                        kind=candidate.event_kind,
                        title=edits["title"],
                        description=candidate.sentence,
                        place_id=place(venue[0]) if venue else None,
                        actors=tuple((a, "participant") for a in actors(edits["parties"])),
                        source_ids=(source_id,),
                    )
                )
                if origin_id is None and candidate.event_kind in ("meeting", "visit", "agreement"):
                    origin_id = event_id
            commitments = [(c, e) for c, e in chosen if c.kind == "commitment"]
            if commitments and origin_id is None:
                venue = next(
                    (p for c, _ in commitments for p in c.places if p.get("role") == "venue"), None
                )
                origin_id = add(
                    Event(
                        date=published,
                        kind="meeting",
                        title=f"Talks reported by {source.title}",
                        place_id=place(venue) if venue else None,
                        actors=tuple(
                            (a, "participant") for a in actors(commitments[0][1]["parties"])
                        ),
                        source_ids=(source_id,),
                    )
                )
            for candidate, edits in commitments:
                add(
                    Commitment(
                        title=edits["title"],
                        made_on=published,
                        category=edits["category"],
                        description=candidate.sentence,
                        origin_event_id=origin_id,
                        deadline=edits["date"]
                        if edits["date"] and edits["date"] >= published
                        else None,
                        deadline_precision=candidate.deadline_precision,
                        parties=tuple((a, "promisor") for a in actors(edits["parties"])),
                        place_ids=tuple(
                            place(p) for p in candidate.places if p.get("role") != "venue"
                        ),
                        source_ids=(source_id,),
                    )
                )
            for candidate, edits in chosen:
                if candidate.kind == "statistic":
                    add(
                        Statistic(
                            label=edits["title"],
                            value=candidate.value,
                            unit=candidate.unit or "",
                            period_start=candidate.period_start,
                            period_end=candidate.period_end,
                            baseline_value=candidate.baseline_value,
                            country_iso3=edits["parties"][0] if edits["parties"] else None,
                            source_id=source_id,
                            method_note=candidate.sentence,
                        )
                    )
            return created

        return create, len(commitments_of(chosen))


def commitments_of(chosen: list[tuple[Candidate, dict]]) -> list:
    return [c for c, _ in chosen if c.kind == "commitment"]
