"""The panel beside the commitments table: one commitment and its history as a timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.local_names import with_local_name
from desktop_app.domain.status import Status, is_overdue
from desktop_app.store import change_history, listings, queries
from desktop_app.ui.i18n import category_label, role_label, status_label, translate
from desktop_app.ui.status_style import status_badge_html, status_text_colour

#: how a rating that cites no source is marked in the history (words, not only a colour)
UNSOURCED_HTML = "<b style='color:#D55E00'>unsourced</b>"


class DetailPanel(QWidget):
    update_status_requested = Signal()
    edit_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(translate("DetailPanel", "Commitment details"))
        self.browser.setAccessibleDescription(
            translate(
                "DetailPanel",
                "The selected commitment: its status, parties, deadline, places, sources "
                "and history",
            )
        )
        self.changes_browser = QTextBrowser()
        self.changes_browser.setAccessibleName(
            translate("DetailPanel", "Changes to the commitment")
        )
        self.changes_browser.setAccessibleDescription(
            translate(
                "DetailPanel",
                "What changed in the selected commitment and its status updates, when, and by whom",
            )
        )
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(self.browser, translate("DetailPanel", "Details"))
        self.views.addTab(self.changes_browser, translate("DetailPanel", "Changes"))
        self.update_button = QPushButton(translate("DetailPanel", "Update status…"))
        self.edit_button = QPushButton(translate("DetailPanel", "Edit…"))
        self.update_button.clicked.connect(self.update_status_requested)
        self.edit_button.clicked.connect(self.edit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)
        layout.addLayout(buttons)
        self.commitment_id: int | None = None
        self.show_commitment(None, None, "")

    def focus_order(self) -> list[QWidget]:
        """The panel's controls in the order Tab visits them."""
        return [self.views, self.browser, self.update_button, self.edit_button]

    def show_commitment(self, db, commitment_id: int | None, as_of: str) -> None:
        self.commitment_id = commitment_id
        detail = listings.commitment_detail(db, commitment_id) if commitment_id else None
        self.update_button.setEnabled(detail is not None)
        self.edit_button.setEnabled(detail is not None)
        if detail is None:
            self.browser.setHtml(
                "<p style='color:gray'>"
                + translate(
                    "DetailPanel", "Select a commitment to see its parties, deadline and history."
                )
                + "</p>"
            )
            self.changes_browser.setHtml(
                "<p style='color:gray'>Select a commitment to see what changed and who changed it."
                "</p>"
            )
            return
        history = queries.status_history(db, commitment_id)
        current, own = queries.commitment_statuses(db, as_of, commitment_id)
        self.browser.setHtml(_detail_html(detail, history, as_of, current, own))
        uuids = [detail["uuid"], *(entry["uuid"] for entry in history)]
        entries = change_history.changes_of(db, uuids)
        values = {e[k] for e in entries for k in ("old_value", "new_value")}
        labels = change_history.labels_of(db, values)
        self.changes_browser.setHtml(changes_html(entries, labels))


def _detail_html(
    detail: dict,
    history: list[dict],
    as_of: str,
    current: str,
    own: list[queries.PartyStatus],
) -> str:
    """The commitment, its status on as_of (with each party's own beside it when they
    differ) and its history."""
    parties = (
        ", ".join(f"{escape(p['name'])} ({role_label(p['role'])})" for p in detail["parties"])
        or "—"
    )
    places = (
        ", ".join(escape(with_local_name(p["name"], p["local_name"])) for p in detail["places"])
        or "—"
    )
    w = _card_words()
    deadline = escape(detail["deadline"] or w["none"])
    if is_overdue(detail["deadline"], current, as_of):
        colour = status_text_colour(Status.BROKEN).name()  # readable on the theme's base
        deadline += f" <b style='color:{colour}'>({w['overdue']})</b>"
    origin = (
        f"{escape(detail['origin_date'])} · {escape(detail['origin_event'])}"
        if detail["origin_event"]
        else "—"
    )
    sources = "<br>".join(_source_html(s) for s in detail["sources"]) or "—"
    rows = "".join(_history_row(entry, as_of) for entry in history) or (
        f"<tr><td colspan=5 style='color:gray'>{w['no_status']}</td></tr>"
    )
    return f"""
    <h3>{escape(detail["title"])}</h3>
    <p>{status_badge_html(current)} &nbsp;{w["as_of"]} {escape(as_of)}{_own_statuses_html(own)}</p>
    <table cellspacing=2>
      <tr><td><b>{w["Parties"]}</b></td><td>{parties}</td></tr>
      <tr><td><b>{w["Category"]}</b></td><td>{escape(category_label(detail["category"]))}</td></tr>
      <tr><td><b>{w["Made on"]}</b></td><td>{escape(detail["made_on"])}</td></tr>
      <tr><td><b>{w["Deadline"]}</b></td><td>{deadline}</td></tr>
      <tr><td><b>{w["Places"]}</b></td><td>{places}</td></tr>
      <tr><td><b>{w["Origin"]}</b></td><td>{origin}</td></tr>
      <tr><td><b>{w["Sources"]}</b></td><td>{sources}</td></tr>
    </table>
    {_quote_html(detail)}
    <p>{escape(detail["description"])}</p>
    <h4>{w["History"]}</h4>
    <table cellspacing=4 width="100%">
      <tr><th align=left>{w["Date"]}</th><th align=left>{w["Status"]}</th>
          <th align=left>{w["Concerns"]}</th><th align=left>{w["Rationale"]}</th>
          <th align=left>{w["Source"]}</th></tr>
      {rows}
    </table>
    """


def _card_words() -> dict[str, str]:
    """The detail card's headings in the interface's language (lupdate reads each literal)."""
    return {
        "none": translate("DetailPanel", "none"),
        "overdue": translate("DetailPanel", "overdue"),
        "no_status": translate("DetailPanel", "No status recorded yet."),
        "as_of": translate("DetailPanel", "as of"),
        "Parties": translate("DetailPanel", "Parties"),
        "Category": translate("DetailPanel", "Category"),
        "Made on": translate("DetailPanel", "Made on"),
        "Deadline": translate("DetailPanel", "Deadline"),
        "Places": translate("DetailPanel", "Places"),
        "Origin": translate("DetailPanel", "Origin"),
        "Sources": translate("DetailPanel", "Sources"),
        "History": translate("DetailPanel", "History"),
        "Date": translate("DetailPanel", "Date"),
        "Status": translate("DetailPanel", "Status"),
        "Concerns": translate("DetailPanel", "Concerns"),
        "Rationale": translate("DetailPanel", "Rationale"),
        "Source": translate("DetailPanel", "Source"),
    }


def _own_statuses_html(own: list[queries.PartyStatus]) -> str:
    """Each party's own status, after the headline: ' · Pakistan [In progress] Iran [...]'."""
    if not own:
        return ""
    badges = " &nbsp;".join(
        f"{escape(p.name)}{'' if p.role == 'promisor' else f' ({escape(role_label(p.role))})'} "
        f"{status_badge_html(p.status)}"
        for p in own
    )
    return f" &nbsp;·&nbsp; {badges}"


def _quote_html(detail: dict) -> str:
    """The words of the promise as published, with where they were published."""
    if not detail["quote"]:
        return ""
    source = ""
    if detail["quote_source_title"]:
        source = "<br>— " + _source_html(
            {
                "title": detail["quote_source_title"],
                "url": detail["quote_source_url"],
                "published_on": detail["quote_source_published_on"],
            }
        )
    return (
        "<blockquote style='margin-left:12px; font-style:italic'>"
        f"“{escape(detail['quote'])}”{source}</blockquote>"
    )


def _source_html(source: dict) -> str:
    title = escape(source["title"])
    if source["url"]:
        title = f"<a href='{escape(source['url'])}'>{title}</a>"
    when = f" ({escape(source['published_on'])})" if source["published_on"] else ""
    return title + when


def _history_row(entry: dict, as_of: str) -> str:
    future = entry["date"] > as_of
    style = " style='color:gray'" if future else ""
    source = ""
    if entry["source_url"]:
        source = f"<a href='{escape(entry['source_url'])}'>{escape(entry['source_title'])}</a>"
    elif entry["source_title"]:
        source = escape(entry["source_title"])
    if entry["source_id"] is None:
        source = UNSOURCED_HTML
    note = escape(entry["note"])
    if entry["evidence"]:
        evidence = translate("DetailPanel", "Evidence: {event}").format(event=entry["evidence"])
        note += f"<br><i>{escape(evidence)}</i>"
    after = " " + translate("DetailPanel", "(after the as-of date)") if future else ""
    party = entry["party"] or translate("DetailPanel", "all parties")
    return (
        f"<tr{style}><td>{escape(entry['date'])}{after}</td>"
        f"<td>{status_badge_html(entry['status'])}</td>"
        f"<td>{escape(party)}</td><td>{note}</td><td>{source}</td></tr>"
    )


_ACTIONS = {
    "insert": "added",
    "delete": "deleted",
    "restore": "restored",
    "remove": "removed (an addition undone)",
    "import": "imported",
}
_NOUNS = {"commitments": "Commitment", "status_updates": "Status update"}


def changes_html(entries: list[dict], labels: dict[str, str] | None = None) -> str:
    """The change log of a commitment and its status updates, newest first; labels name the
    records that values give by UUID."""
    if not entries:
        return "<p style='color:gray'>No change logged for this commitment.</p>"
    rows = "".join(_change_row(entry, labels or {}) for entry in entries)
    return f"""
    <table cellspacing=4 width="100%">
      <tr><th align=left>When (UTC)</th><th align=left>Who</th><th align=left>Record</th>
          <th align=left>Change</th></tr>
      {rows}
    </table>"""


def _change_row(entry: dict, labels: dict[str, str]) -> str:
    when = escape(entry["created_at"].replace("T", " ")[:16])
    who = escape(entry["analyst"]) or "<i>unknown</i>"
    noun = _NOUNS.get(entry["table_name"], entry["table_name"])
    action, field = entry["action"], _field_name(entry["field"] or "")
    old = _value_html(entry["old_value"], labels)
    new = _value_html(entry["new_value"], labels)
    if action == "update":
        change = f"<b>{field}</b>: {old} → {new}"
    elif action in ("link", "unlink"):
        change = f"<b>{field}</b>: " + (f"added {new}" if action == "link" else f"removed {old}")
    elif action in ("insert", "remove"):
        summary = _summary(entry["new_value"] if action == "insert" else entry["old_value"])
        change = _ACTIONS[action] + (f": {escape(summary)}" if summary else "")
    else:
        change = _ACTIONS.get(action, escape(action))
    return f"<tr><td>{when}</td><td>{who}</td><td>{noun}</td><td>{change}</td></tr>"


def _field_name(field: str) -> str:
    """quote_source_id -> 'quote source'."""
    return escape(field.removesuffix("_id").replace("_", " "))


def _summary(row_json: str | None) -> str:
    """A record added or removed, in a few words (its title, or its status and date)."""
    import json

    try:
        row = json.loads(row_json or "{}")
    except ValueError:
        return ""
    if "status" in row:
        return f"{status_label(row['status'])} · {row.get('date', '?')}"
    return str(row.get("title") or row.get("label") or row.get("name") or "")


def _value_html(value, labels: dict[str, str]) -> str:
    if value is None or value == "":
        return "<i style='color:gray'>empty</i>"
    text = labels.get(value, str(value)) if isinstance(value, str) else str(value)
    return escape(text if len(text) <= 120 else text[:119] + "…")
