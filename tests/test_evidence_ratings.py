"""Ratings and their evidence: the Update status dialog asks for the rationale and a source, a
rating without a source is marked unsourced in the history, and the filter bar finds the
commitments whose rating on the as-of date is unsourced."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.records import Source, StatusUpdate
from desktop_app.store import queries, records
from desktop_app.store.queries import CommitmentFilter
from desktop_app.ui.detail_panel import DetailPanel
from desktop_app.ui.status_dialog import StatusDialog
from tests.builders import commitment
from tests.ui_helpers import when_modal_opens


def rate(db, commitment_id, date, status, source_id=None, note="why", party=None) -> int:
    actor_id = records.state_actor(db, party) if party else None
    return records.add(
        db,
        StatusUpdate(
            commitment_id=commitment_id,
            date=date,
            status=status,
            note=note,
            source_id=source_id,
            actor_id=actor_id,
        ),
    )


def unsourced_ids(db, as_of: str) -> list[int]:
    rows = queries.commitment_page(db, as_of, CommitmentFilter(unsourced_only=True), limit=100)
    return sorted(row["id"] for row in rows)


def test_the_filter_finds_commitments_whose_current_rating_is_unsourced(db):
    report = records.add(db, Source(title="Report", url="https://example.org/r"))
    sourced_then_not = commitment(db, title="A")
    rate(db, sourced_then_not, "2024-02-01", "in_progress", source_id=report)
    rate(db, sourced_then_not, "2024-05-01", "stalled")  # no source
    unsourced_then_sourced = commitment(db, title="B")
    rate(db, unsourced_then_sourced, "2024-02-01", "in_progress")
    rate(db, unsourced_then_sourced, "2024-05-01", "fulfilled", source_id=report)
    never_rated = commitment(db, title="C")
    party_rating = commitment(db, title="D", parties=("PAK", "IRN"))
    rate(db, party_rating, "2024-02-01", "in_progress", source_id=report)
    rate(db, party_rating, "2024-02-01", "stalled", party="IRN")  # same day, one party, none

    # the latest rating decides, as of the date asked
    assert unsourced_ids(db, "2024-12-31") == [sourced_then_not, party_rating]
    assert unsourced_ids(db, "2024-03-01") == [unsourced_then_sourced, party_rating]
    assert never_rated not in unsourced_ids(db, "2024-12-31")
    assert queries.count_commitments(db, "2024-12-31", CommitmentFilter(unsourced_only=True)) == 2


def test_an_unsourced_rating_is_marked_in_the_history(db, qtbot):
    report = records.add(db, Source(title="Field report", url="https://example.org/f"))
    commitment_id = commitment(db)
    rate(db, commitment_id, "2024-02-01", "in_progress", source_id=report, note="Talks began")
    rate(db, commitment_id, "2024-03-01", "stalled", note="Nothing since")
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_commitment(db, commitment_id, "2024-12-31")
    lines = [line.strip() for line in panel.browser.toPlainText().splitlines()]
    # each history row reads date, status, concerns, rationale, source (one cell per line)
    assert lines[lines.index("Talks began") + 1] == "Field report"
    assert lines[lines.index("Nothing since") + 1] == "unsourced"
    assert lines.count("unsourced") == 1


def test_the_status_dialog_asks_for_the_rationale_and_keeps_the_source(window, qtbot):
    commitment_id = commitment(window.db, title="Hold talks in April", made_on="2024-03-01")
    window.refresh()
    assert window.select_commitment(commitment_id)
    seen = {}

    def fill(dialog: StatusDialog) -> None:
        seen["hint"] = dialog.source_hint.isVisible()
        dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()  # no rationale yet: refused
        seen["error"] = dialog.error_label.text()
        qtbot.keyClicks(dialog.note, "Both delegations met in Kabul.")
        qtbot.keyClicks(dialog.source_url, "https://example.org/talks")
        seen["hint after"] = dialog.source_hint.isVisible()
        ok.click()

    when_modal_opens(fill)
    window.update_status_action.trigger()
    assert seen["error"].startswith("Give the rationale")
    assert seen["hint"] and not seen["hint after"]
    row = window.db.execute(
        """SELECT s.note, src.url FROM status_updates s JOIN sources src ON src.id = s.source_id
           WHERE s.commitment_id = ?""",
        [commitment_id],
    ).fetchone()
    assert tuple(row) == ("Both delegations met in Kabul.", "https://example.org/talks")


def test_the_unsourced_box_of_the_filter_bar_narrows_the_table(window, qtbot):
    sourced = commitment(window.db, title="Sourced promise", made_on="2024-03-01")
    report = records.add(window.db, Source(title="R", url="https://example.org/x"))
    rate(window.db, sourced, "2024-04-01", "in_progress", source_id=report)
    unsourced = commitment(window.db, title="Unsourced promise", made_on="2024-03-01")
    rate(window.db, unsourced, "2024-04-01", "in_progress")
    window.refresh()
    window.filter_bar.unsourced.setChecked(True)
    qtbot.waitUntil(lambda: window.commitment_model.row_for_id(unsourced) is not None)
    assert window.commitment_model.row_for_id(sourced) is None
    expected = queries.count_commitments(
        window.db, window.as_of, CommitmentFilter(unsourced_only=True)
    )
    assert window.commitment_model.rowCount() == expected
