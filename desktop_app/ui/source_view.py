"""One source as the Sources tab shows it: its details, the records citing it, and its snapshot
(the article it was made from) with the sentences its records came from highlighted."""

from __future__ import annotations

import re
from html import escape

from desktop_app.store.snapshots import Snapshot
from desktop_app.ui.i18n import translate

# highlighted sentences are underlined as well as tinted, so that they show in black and white
HIGHLIGHT_STYLE = "background-color:#FFE08A; text-decoration:underline"


def source_html(detail: dict, citing: list[dict], snapshot: Snapshot | None) -> str:
    title = escape(detail["title"])
    url = detail["url"]
    link = f"<a href='{escape(url)}'>{escape(url)}</a>" if url else "—"
    facts = "".join(
        f"<tr><td><b>{name}</b></td><td>{value}</td></tr>"
        for name, value in (
            (translate("SourceView", "Web address"), link),
            (translate("SourceView", "Publisher"), escape(detail["publisher"] or "—")),
            (translate("SourceView", "Published"), escape(detail["published_on"] or "—")),
            (translate("SourceView", "Accessed"), escape(detail["accessed_on"] or "—")),
        )
    )
    cited = (
        translate("SourceView", "Cited by 1 record")
        if len(citing) == 1
        else translate("SourceView", "Cited by {count} records").format(count=len(citing))
    )
    return f"""
    <h3>{title}</h3>
    <table cellspacing=2>{facts}</table>
    <h4>{cited}</h4>
    {_citing_html(citing)}
    <h4>{translate("SourceView", "Snapshot")}</h4>
    {_snapshot_html(snapshot)}
    """


def _citing_html(citing: list[dict]) -> str:
    if not citing:
        return "<p style='color:gray'>{}</p>".format(
            translate("SourceView", "No live record cites this source.")
        )
    items = "".join(
        f"<li>{escape(c['kind'])}: {escape(c['label'])}{_dated(c['date'])}</li>" for c in citing
    )
    return f"<ul>{items}</ul>"


def _dated(date: str | None) -> str:
    return f" ({escape(date)})" if date else ""


def _snapshot_html(snapshot: Snapshot | None) -> str:
    if snapshot is None:
        return "<p style='color:gray'>{}</p>".format(
            translate(
                "SourceView",
                "No snapshot: only sources made with New from article keep the article's text.",
            )
        )
    size = len(snapshot.text.encode("utf-8"))
    note = "<p style='color:gray'>{}</p>".format(
        translate(
            "SourceView",
            "The article as it was added ({size} bytes, stored in {stored}); "
            "{highlighted}: the sentences records were made from.",
        ).format(
            size=f"{size:,}",
            stored=f"{snapshot.stored_bytes:,}",
            highlighted="<span style='{}'>{}</span>".format(
                HIGHLIGHT_STYLE, translate("SourceView", "highlighted")
            ),
        )
    )
    return note + highlighted_paragraphs(snapshot.text, snapshot.sentences)


def highlighted_paragraphs(text: str, sentences: tuple[str, ...]) -> str:
    """The text as HTML paragraphs (spaces and line breaks inside a paragraph joined, as the
    extractor read them), each given sentence highlighted where it occurs."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text):
        joined = " ".join(paragraph.split())
        if not joined:
            continue
        spans = _sentence_spans(joined, sentences)
        html, at = [], 0
        for start, end in spans:
            html.append(escape(joined[at:start]))
            html.append(f"<span style='{HIGHLIGHT_STYLE}'>{escape(joined[start:end])}</span>")
            at = end
        html.append(escape(joined[at:]))
        paragraphs.append(f"<p>{''.join(html)}</p>")
    return "".join(paragraphs)


def _sentence_spans(paragraph: str, sentences: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the sentences occur in the paragraph, merged where they overlap, in order."""
    found = []
    for sentence in sentences:
        start = paragraph.find(sentence)
        while start >= 0 and sentence:
            found.append((start, start + len(sentence)))
            start = paragraph.find(sentence, start + len(sentence))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
