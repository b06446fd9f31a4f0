"""Edit > New from article…: paste an article, tick and edit the candidates the extractor
proposes, and add them (commitments, their meeting, places, parties, the article as a source)
in one undoable step."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
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

from desktop_app.domain import gazetteer
from desktop_app.domain.dates import check_iso_date, today_iso
from desktop_app.domain.records import Source
from desktop_app.domain.vocabulary import CATEGORIES
from desktop_app.extract.extractor import Candidate
from desktop_app.extract.text import publication_date
from desktop_app.session.article import ArticlePlan, ChosenCandidate
from desktop_app.store.errors import StoreError
from desktop_app.ui.accessibility import buttons_in_shown_order, prepare_forms_under
from desktop_app.ui.choice_delegate import VALUE_ROLE, ChoiceDelegate
from desktop_app.ui.date_fields import DateField
from desktop_app.ui.extraction import ExtractionProcess
from desktop_app.ui.i18n import translate
from desktop_app.ui.status_style import warning_text_colour

COLUMNS = (  # translated where shown
    QT_TRANSLATE_NOOP("ArticleDialog", "Add"),
    QT_TRANSLATE_NOOP("ArticleDialog", "Kind"),
    QT_TRANSLATE_NOOP("ArticleDialog", "Title"),
    QT_TRANSLATE_NOOP("ArticleDialog", "Parties"),
    QT_TRANSLATE_NOOP("ArticleDialog", "Places"),
    QT_TRANSLATE_NOOP("ArticleDialog", "Deadline or date"),
    QT_TRANSLATE_NOOP("ArticleDialog", "Category"),
)
COL_ADD, COL_KIND, COL_TITLE, COL_PARTIES, COL_PLACES, COL_DATE, COL_CATEGORY = range(len(COLUMNS))
NOTE_COLOUR = "#FFF2B3"  # a date cell with a note: a deadline already past, or none given


class ArticleDialog(QDialog):
    def __init__(self, parent=None, text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ArticleDialog", "New from article"))
        self.resize(1000, 700)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            translate(
                "ArticleDialog", "Paste the article here (Ctrl+V), then press Find candidates"
            )
        )
        clipboard = QApplication.clipboard().text() if text is None else text
        if clipboard and len(clipboard.split()) > 20:
            self.text.setPlainText(clipboard)
        self.published = DateField(today_iso())
        self.source_title = QLineEdit()
        self.source_title.setPlaceholderText(
            translate("ArticleDialog", "Headline or description of the article")
        )
        self.source_url = QLineEdit()
        self.source_url.setPlaceholderText(translate("ArticleDialog", "https://… (optional)"))
        self.publisher = QLineEdit()
        self.find_button = find = QPushButton(translate("ArticleDialog", "&Find candidates"))
        find.clicked.connect(self._find_or_stop)
        self.reader = ExtractionProcess(self)
        self.reader.finished.connect(self._found)
        self.reader.failed.connect(self._not_read)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("ArticleDialog", c) for c in COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(COL_TITLE, 380)
        self.table.setColumnWidth(COL_PARTIES, 110)
        self.table.setColumnWidth(COL_PLACES, 170)
        self.table.setColumnWidth(COL_DATE, 120)
        self.categories = ChoiceDelegate([(c.capitalize(), c) for c in CATEGORIES], self.table)
        self.table.setItemDelegateForColumn(COL_CATEGORY, self.categories)
        self.table.itemChanged.connect(self._cell_edited)
        self.summary = QLabel(
            translate("ArticleDialog", "Paste an article and press Find candidates.")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            translate("ArticleDialog", "Add selected"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.candidates: list[Candidate] = []
        self.found_text = ""  # the text the candidates were found in: the source's snapshot
        self.save: Callable[[ArticlePlan], None] | None = None
        if self.text.toPlainText():
            self.find_candidates()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("ArticleDialog", "Published on"), self.published)
        form.addRow(translate("ArticleDialog", "Source title"), self.source_title)
        form.addRow(translate("ArticleDialog", "Source URL"), self.source_url)
        form.addRow(translate("ArticleDialog", "Publisher"), self.publisher)
        top = QHBoxLayout()
        top.addWidget(self.text, 3)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.find_button)
        side.addStretch()
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 2)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        prepare_forms_under(self)  # screen readers say each field's label
        buttons_in_shown_order(self.buttons)
        self.text.setAccessibleName(translate("ArticleDialog", "Article text"))
        self.table.setAccessibleName(translate("ArticleDialog", "Candidate commitments and events"))
        self.table.setAccessibleDescription(
            translate("ArticleDialog", "Tick the rows to add; Space ticks the current one")
        )

    #: longer text is not one article: it is refused with a sentence instead of read for minutes
    MAX_CHARACTERS = 200_000

    def find_candidates(self) -> None:
        """Read the article on a worker (the window keeps painting); Stop drops the answer."""
        text = self.text.toPlainText()
        if len(text) > self.MAX_CHARACTERS:
            self.summary.setText(
                translate(
                    "ArticleDialog",
                    "This text has {count} characters; New from article reads one article "
                    "of up to {most}. Paste one article at a time.",
                ).format(count=f"{len(text):,}", most=f"{self.MAX_CHARACTERS:,}")
            )
            return
        dated = publication_date(text)  # the article's own date, not today's, when it has one
        if dated:
            self.published.set_iso(dated)
        self.find_button.setText(translate("ArticleDialog", "&Stop"))
        self.add_button.setEnabled(False)
        self.summary.setText(translate("ArticleDialog", "Finding candidates…"))
        self.reader.start(text, self.published.iso())

    @property
    def finding(self) -> bool:
        return self.reader.running

    def _find_or_stop(self) -> None:
        if self.finding:
            self.reader.stop()
            self._finding_done()
            self.summary.setText(
                translate("ArticleDialog", "Stopped. Edit the text or press Find candidates again.")
            )
        else:
            self.find_candidates()

    def _finding_done(self) -> None:
        self.find_button.setText(translate("ArticleDialog", "&Find candidates"))

    def _found(self, candidates: list[Candidate]) -> None:
        self._finding_done()
        self._show_candidates(candidates)

    def _not_read(self, reason: str) -> None:
        self._finding_done()
        self.summary.setText(
            translate("ArticleDialog", "The article could not be read: {reason}").format(
                reason=reason
            )
        )

    def done(self, result: int) -> None:
        self.reader.stop()  # closing the dialog stops the reading
        super().done(result)

    def _show_candidates(self, candidates: list[Candidate]) -> None:
        # filled with its signals and painting off: a thousand rows, one repaint
        self.table.setUpdatesEnabled(False)
        self.table.blockSignals(True)
        try:
            self._fill_table(candidates)
        finally:
            self.table.blockSignals(False)
            self.table.setUpdatesEnabled(True)

    def _fill_table(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        text = self.found_text = self.text.toPlainText()
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
            self.table.setItem(row, COL_PLACES, places_item(candidate))
            date = QTableWidgetItem(
                candidate.deadline or candidate.date or candidate.period_end or ""
            )
            if candidate.note:
                date.setBackground(QColor(NOTE_COLOUR))
                date.setToolTip(candidate.note[:1].upper() + candidate.note[1:] + ".")
            self.table.setItem(row, COL_DATE, date)
            self.table.setItem(row, COL_CATEGORY, self.categories.item(candidate.category))
        if not self.source_title.text().strip() and text.strip():
            first = next(
                (s for s in text.splitlines() if s.strip() and not s.startswith("date")), ""
            )
            self.source_title.setText(" ".join(first.split()[:12]))
        commitments = sum(c.kind == "commitment" for c in self.candidates)
        self.summary.setText(
            translate(
                "ArticleDialog",
                "{count} candidates ({commitments} commitments). "
                "Untick what is wrong, edit titles, parties, places and dates, then add. "
                "A yellow date has a note: point at it.",
            ).format(count=len(self.candidates), commitments=commitments)
        )
        self.add_button.setEnabled(bool(self.candidates))

    def chosen(self) -> list[tuple[Candidate, dict]]:
        """Ticked candidates with the user's edits."""
        picked = []
        for row, candidate in enumerate(self.candidates):
            if self.table.item(row, COL_ADD).checkState() != Qt.CheckState.Checked:
                continue
            parties = [
                part_to_code(p)
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
                        "category": self.table.item(row, COL_CATEGORY).data(VALUE_ROLE),
                        "places": typed_places(self.table.item(row, COL_PLACES).text(), candidate),
                    },
                )
            )
        return picked

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        """Parties typed as names become codes as soon as the cell is left ("pakistan; Iran"
        -> "PAK; IRN"); a name that is no country stays as typed, marked, with the reason."""
        if item.column() != COL_PARTIES:
            return
        codes, unknown = resolve_parties(item.text())
        self.table.blockSignals(True)  # the rewrite below is no new edit
        try:
            item.setText("; ".join(codes))
            item.setBackground(QColor("#F9D3BF") if unknown else QBrush())
            item.setToolTip(
                translate("ArticleDialog", "{name} is not a country name or ISO code").format(
                    name=repr(unknown[0])
                )
                if unknown
                else ""
            )
        finally:
            self.table.blockSignals(False)

    def accept(self) -> None:
        try:
            self._check_cells()
            if self.save is not None:
                self.save(self.plan())
        except (ValueError, StoreError) as error:
            colour = warning_text_colour()
            self.summary.setText(f"<span style='color:{colour}'>{escape(str(error))}.</span>")
            return
        super().accept()

    def _check_cells(self) -> None:
        """Every ticked row's title, parties and date are usable; the first bad cell is marked
        and named, and nothing is written."""
        for row in range(self.table.rowCount()):
            for column in (COL_TITLE, COL_PARTIES, COL_DATE):
                self.table.item(row, column).setBackground(QBrush())
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_ADD).checkState() != Qt.CheckState.Checked:
                continue
            for column, check in (
                (COL_TITLE, _check_title),
                (COL_PARTIES, _check_parties),
                (COL_DATE, check_iso_date),
            ):
                item = self.table.item(row, column)
                try:
                    check(item.text().strip())
                except ValueError as error:
                    item.setBackground(QColor("#F9D3BF"))
                    self.table.setCurrentItem(item)
                    raise ValueError(
                        translate("ArticleDialog", "row {row}, {column}: {error}").format(
                            row=row + 1,
                            column=translate("ArticleDialog", COLUMNS[column]),
                            error=error,
                        )
                    ) from None
            self._check_deadline(row)

    def _check_deadline(self, row: int) -> None:
        """A commitment's deadline before the article appeared is shown (flagged), but not
        written: the user clears or corrects it."""
        item = self.table.item(row, COL_DATE)
        published = self.published.iso()
        date = item.text().strip()
        if self.candidates[row].kind == "commitment" and date and published and date < published:
            item.setBackground(QColor("#F9D3BF"))
            self.table.setCurrentItem(item)
            raise ValueError(
                translate(
                    "ArticleDialog",
                    "row {row}: the deadline {date} is before the publication date "
                    "{published}; clear it or correct it",
                ).format(row=row + 1, date=date, published=published)
            )

    def plan(self) -> ArticlePlan:
        """What Add selected writes: the ticked candidates with the user's edits."""
        return ArticlePlan(
            chosen=[ChosenCandidate(c, **edits) for c, edits in self.chosen()],
            source=Source(
                title=self.source_title.text().strip() or "Article",
                url=self.source_url.text().strip() or None,
                publisher=self.publisher.text().strip() or None,
                published_on=self.published.iso(),
                accessed_on=today_iso(),
            ),
            published=self.published.iso(),
            article_text=self.found_text,
        )


def _check_title(text: str) -> None:
    if not text:
        raise ValueError(translate("ArticleDialog", "a ticked candidate needs a title"))


def _check_parties(text: str) -> None:
    for part in text.split(";"):
        if part.strip():
            part_to_code(part)


def resolve_parties(text: str) -> tuple[list[str], list[str]]:
    """(what the cell should say, the parts that are no country): codes for the parts that
    name a country, the other parts as typed."""
    shown, unknown = [], []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        try:
            shown.append(part_to_code(part))
        except ValueError:
            shown.append(part)
            unknown.append(part)
    return list(dict.fromkeys(shown)), unknown


def places_item(candidate: Candidate) -> QTableWidgetItem:
    """The places cell: a commitment's own places (the meeting's venue is the meeting's),
    an event's all; the tooltip says where each one is."""
    shown = [
        p for p in candidate.places if candidate.kind != "commitment" or p.get("role") != "venue"
    ]
    item = QTableWidgetItem("; ".join(p["name"] for p in shown))
    item.setToolTip(
        "\n".join(
            f"{p['name']}: {p.get('precision') or 'near'}"
            + (f", {p['lat']:.2f}, {p['lon']:.2f}" if p.get("lat") is not None else "")
            + (translate("ArticleDialog", " (venue)") if p.get("role") == "venue" else "")
            for p in shown
        )
    )
    return item


def typed_places(text: str, candidate: Candidate) -> list[dict]:
    """The places a user left or typed in the cell: a name the candidate had keeps what the
    extractor knew of it; a new name is looked up in the gazetteer, else kept by its name.
    The meeting's venue stays with the candidate (it is the meeting's, not the cell's)."""
    known = {p["name"].lower(): p for p in candidate.places}
    places = [p for p in candidate.places if p.get("role") == "venue"]
    for name in (n.strip() for n in text.split(";")):
        if not name:
            continue
        place = known.get(name.lower())
        if place is None:
            city = gazetteer.place_exactly(name)
            place = {
                "name": name,
                "country": city.country_iso3 if city else None,
                "lat": round(city.latitude, 4) if city else None,
                "lon": round(city.longitude, 4) if city else None,
                "precision": "exact" if city else "near",
                "role": "mentioned",
            }
        places.append(place | {"role": "mentioned"})
    return list({p["name"].lower(): p for p in places}.values())


def part_to_code(text: str) -> str:
    """A party typed in a cell ("Pakistan", "pak", "PAK") as its ISO 3166-1 alpha-3 code."""
    country = gazetteer.find_country(text.strip())
    if country is None:
        raise ValueError(
            translate("ArticleDialog", "{name} is not a country name or ISO code").format(
                name=repr(text.strip())
            )
        )
    return country.iso3
