"""A brief as HTML: the one markup both the self-contained .html file and the PDF (Qt's rich
text engine) are made from, so it keeps to what QTextDocument lays out (tables, inline styles,
page-break-before). Every status is written as its word beside a colour square, so a page
printed in black and white loses nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from desktop_app.domain.status import STATUS_INFO, Status, label, percent_text
from desktop_app.exchange.brief_content import (
    DUE_SOON,
    MOST_LISTED,
    Brief,
    BriefCommitment,
    Reference,
    ReportedStatistic,
    compliance_method,
    long_date,
    numbers_paragraph,
)

#: the charts a brief holds, with the sentence under each
BRIEF_CHARTS = {
    "status-over-time": "How many commitments stood in each status at the end of each month.",
    "by-party": "Each party's own status on the commitments it promised, with its compliance.",
}
_PAGE_BREAK = "page-break-before: always"
_AFTER_TABLE = "<p>&nbsp;</p><h2>"  # Qt drops a heading's top margin after a table
# a table's <thead> row is repeated by Qt on every page the table runs onto
_TABLE = "border='1' cellspacing='0' cellpadding='4' width='100%'"
_STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #000000; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 14pt; margin-top: 14pt; }
h3 { font-size: 11pt; margin-top: 10pt; margin-bottom: 2pt; }
table { border-collapse: collapse; border-color: #777777; }
th { background-color: #eeeeee; text-align: left; }
.small { font-size: 8.5pt; color: #333333; }
"""


def status_words(status: str) -> str:
    """A colour square and the status's word (the word alone carries it in black and white)."""
    info = STATUS_INFO[Status(status)]
    return f"<span style='color:{info.colour}'>&#9632;</span>&nbsp;{escape(info.label)}"


def _ref(number: int | None) -> str:
    return f"&nbsp;[{number}]" if number is not None else ""


def brief_title(brief: Brief) -> str:
    return f"Commitments brief, as of {long_date(brief.scope.as_of)}"


def _scope_line(brief: Brief) -> str:
    parties = ", ".join(brief.party_names) or "all"
    categories = ", ".join(c.capitalize() for c in brief.scope.categories) or "all"
    return f"Parties: {escape(parties)} &middot; Categories: {escape(categories)}"


def brief_html(brief: Brief, images: Mapping[str, str]) -> str:
    """The whole brief as one HTML page; images maps each BRIEF_CHARTS name to the src of its
    picture (a data: URL for the file, a resource name for the PDF), or leaves it out."""
    sections = [
        f"<h1>{escape(brief_title(brief))}</h1>",
        f"<p class='small'>{_scope_line(brief)}</p>",
        f"<p><b>{escape(numbers_paragraph(brief))}</b></p>",
        _compliance_html(brief),
        _deadlines_html(brief),
        _charts_html(images),
        _commitments_html(brief),
        _statistics_html(brief.statistics, brief.statistics_total),
        _references_html(brief.references),
    ]
    body = "\n".join(s for s in sections if s)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{escape(brief_title(brief))}</title><style>{_STYLE}</style></head>"
        f"<body>\n{body}\n</body></html>\n"
    )


def _compliance_html(brief: Brief) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.actor)}</td><td align='right'>{c.score:+.2f}</td>"
        f"<td align='right'>{percent_text(c.percent)}</td><td align='right'>{c.rated}</td></tr>"
        for c in brief.compliance
    )
    table = (
        f"<table {_TABLE}><thead><tr><th>Party</th><th>Score (&minus;1 to +1)</th>"
        f"<th>Compliance</th><th>Commitments rated</th></tr></thead>{rows}</table>"
        if rows
        else "<p>No promising party has a rated commitment yet.</p>"
    )
    return f"<h2>Compliance by party</h2>{table}<p class='small'>{escape(compliance_method())}</p>"


def _first_of(shown: int, total: int, order: str) -> str:
    if shown >= total:
        return ""
    return f"<p class='small'>The first {shown} of {total:,}, {order}.</p>"


def _deadline_table(rows: list[dict], total: int, empty: str) -> str:
    if not rows:
        return f"<p>{escape(empty)}</p>"
    lines = "".join(
        f"<tr><td>{escape(r['deadline'])}</td><td>{escape(r['title'])}</td>"
        f"<td>{status_words(r['status'])}</td><td>{escape(r['parties'] or '')}</td></tr>"
        for r in rows
    )
    return (
        f"<table {_TABLE}><thead><tr><th>Deadline</th><th>Commitment</th><th>Status</th>"
        f"<th>Parties</th></tr></thead>{lines}</table>"
    ) + _first_of(len(rows), total, "earliest deadline first")


def _deadlines_html(brief: Brief) -> str:
    return (
        "<h2>Deadlines</h2><h3>Overdue</h3>"
        + _deadline_table(brief.overdue, brief.overdue_count, "No commitment is overdue.")
        + f"<h3>Due in the next {DUE_SOON} days</h3>"
        + _deadline_table(
            brief.due_soon,
            brief.due_soon_count,
            f"No open commitment falls due in the next {DUE_SOON} days.",
        )
    )


def _charts_html(images: Mapping[str, str]) -> str:
    shown = [
        f"<p><img src='{escape(images[name])}' width='640'><br>"
        f"<span class='small'>{escape(caption)}</span></p>"
        for name, caption in BRIEF_CHARTS.items()
        if name in images
    ]
    return f"<h2 style='{_PAGE_BREAK}'>Charts</h2>" + "".join(shown) if shown else ""


def _commitments_html(brief: Brief) -> str:
    parts = [f"<h2 style='{_PAGE_BREAK}'>Commitments</h2>"]
    if brief.left_out:
        parts.append(
            f"<p>The first {MOST_LISTED} of {brief.total} commitments, earliest made first; "
            "choose parties or categories for a shorter brief that lists them all.</p>"
        )
    if not brief.commitments:
        parts.append("<p>None in this selection.</p>")
    parts += [_commitment_html(c, brief.scope.as_of) for c in brief.commitments]
    return "\n".join(parts)


def _commitment_html(c: BriefCommitment, as_of: str) -> str:
    status = status_words(c.status) + (" &middot; <b>overdue</b>" if c.overdue else "")
    parties = "<br>".join(
        f"{escape(name)} ({escape(role)}): {status_words(own)}" for name, role, own in c.parties
    )
    deadline = escape(c.deadline or "none")
    if c.deadline and c.deadline_precision != "day":  # "2029-04-22 (to the month)"
        deadline += f" (to the {escape(c.deadline_precision)})"
    refs = ", ".join(f"[{n}]" for n in c.references) or "none"
    quote = f"<br><i>&ldquo;{escape(c.quote)}&rdquo;</i>{_ref(c.quote_source)}" if c.quote else ""
    if c.rationale is None:
        rationale = f"No status recorded by {escape(long_date(as_of))}."
    else:
        r = c.rationale
        concerns = f", {escape(r.party)} only" if r.party else ""
        note = escape(r.note) if r.note.strip() else "<i>no rationale recorded</i>"
        rationale = (
            f"{escape(r.date)} ({escape(label(r.status))}{concerns}): {note}{_ref(r.source)}"
        )
    # the title and quote are the table's header row, which Qt repeats on the next page when
    # a table runs over, so no part of a commitment is left on a page without its name
    return f"""<table {_TABLE} style='margin-top: 10pt'>
<thead><tr><td colspan='2' style='background-color: #eeeeee'>
<b style='font-size: 11pt'>{escape(c.title)}</b>{quote}</td></tr></thead>
<tr><td width='22%'><b>Status</b></td><td>{status}</td></tr>
<tr><td><b>Parties</b></td><td>{parties or "&mdash;"}</td></tr>
<tr><td><b>Category</b></td><td>{escape(c.category.capitalize())}</td></tr>
<tr><td><b>Made on</b></td><td>{escape(c.made_on)}</td></tr>
<tr><td><b>Deadline</b></td><td>{deadline}</td></tr>
<tr><td><b>Latest rationale</b></td><td>{rationale}</td></tr>
<tr><td><b>Sources</b></td><td>{refs}</td></tr>
<tr><td colspan='2' class='small'>{escape(c.description)}</td></tr>
</table>"""


def _statistics_html(statistics: list[ReportedStatistic], total: int) -> str:
    if not statistics:
        return f"{_AFTER_TABLE}Reported statistics</h2><p>None known by this date.</p>"
    rows = []
    for s in statistics:
        period = f"{s.period_start} to {s.period_end or 'ongoing'}"
        baseline = "&mdash;"
        if s.baseline_value is not None:
            span = f" ({s.baseline_start} to {s.baseline_end})" if s.baseline_start else ""
            baseline = f"{s.baseline_value:,.10g}{escape(span)}"
        change = f"{s.change:+.0f}%" if s.change is not None else "&mdash;"
        rows.append(
            f"<tr><td>{escape(s.label)}{_ref(s.source)}</td>"
            f"<td align='right'>{s.value:,.10g} {escape(s.unit)}</td><td>{escape(period)}</td>"
            f"<td>{baseline}</td><td align='right'>{change}</td></tr>"
        )
        if s.method_note:
            rows.append(f"<tr><td colspan='5' class='small'>{escape(s.method_note)}</td></tr>")
    return (
        f"{_AFTER_TABLE}Reported statistics</h2><table {_TABLE}><thead><tr><th>Statistic</th>"
        f"<th>Value</th><th>Period</th><th>Baseline</th><th>Change</th></tr></thead>"
        f"{''.join(rows)}</table>"
    ) + _first_of(len(statistics), total, "earliest period first")


def _references_html(references: list[Reference]) -> str:
    if not references:
        return ""
    items = []
    for r in references:
        text = escape(r.title)
        details = ", ".join(escape(x) for x in (r.publisher, r.published_on) if x)
        if details:
            text += f". {details}"
        if r.url:
            text += f". <a href='{escape(r.url)}'>{escape(r.url)}</a>"
        items.append(f"<tr><td width='6%' valign='top'>[{r.number}]</td><td>{text}</td></tr>")
    table = f"<table cellpadding='2' width='100%'>{''.join(items)}</table>"
    return f"{_AFTER_TABLE}Sources</h2>{table}"
