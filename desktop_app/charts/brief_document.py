"""A brief written to a file: one self-contained HTML page (its charts inside as base64 PNG), or
a PDF laid out by Qt's rich text engine (QTextDocument on a QPdfWriter, A4 or Letter). Needs a
QApplication (the charts are widgets); the CLI makes an offscreen one.

The file appears whole or not at all: it is written beside the target and renamed over it.
"""

from __future__ import annotations

import base64
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.exchange.brief_content import Brief, BriefScope, read_brief
from desktop_app.exchange.brief_html import BRIEF_CHARTS, brief_html, brief_title

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

    from desktop_app.charts.chart_data import DashboardData

PAGE_SIZES = ("A4", "Letter")
OUTPUT_SUFFIXES = (".pdf", ".html", ".htm")
CHART_SIZE = (900, 470)  # pixels: axis text about 8 pt at the printed width of the page
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@dataclass(frozen=True)
class WrittenBrief:
    path: Path
    pages: int | None  # PDF pages; None for HTML


def check_output(output: str | Path, page_size: str = "A4") -> Path:
    """The output path, or a ValueError saying what is wrong with it or the page size."""
    output = Path(output)
    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise ValueError(f"{output.name}: a brief is written as .pdf or .html; name it so")
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}; expected one of: A4, Letter")
    return output


def chart_numbers(db: Database, brief: Brief) -> DashboardData:
    """The numbers of the brief's charts, for exactly the commitments it counts (no Qt: a
    worker thread may count them)."""
    from desktop_app.charts.chart_data import charts_of_commitments

    return charts_of_commitments(db, brief.scope.as_of, brief.ids)


def chart_pngs(data: DashboardData) -> dict[str, bytes]:
    """The brief's charts drawn (on the GUI thread: they are widgets), as PNG bytes by name."""
    from desktop_app.charts.render import chart_png

    return {name: chart_png(name, data, *CHART_SIZE) for name in BRIEF_CHARTS}


def write_brief(
    db: Database, scope: BriefScope, output: str | Path, page_size: str = "A4"
) -> WrittenBrief:
    """Read the brief for scope and write it to output (.pdf or .html)."""
    output = check_output(output, page_size)
    brief = read_brief(db, scope)
    return write_read_brief(brief, chart_pngs(chart_numbers(db, brief)), output, page_size)


def write_read_brief(
    brief: Brief, pngs: dict[str, bytes], output: Path, page_size: str = "A4"
) -> WrittenBrief:
    """Write a brief already read (and its charts already drawn) to output."""
    output = check_output(output, page_size)
    # a name of our own beside the target (mkstemp would make it readable by its owner only)
    temporary = output.resolve().parent / f".{output.stem}.{secrets.token_hex(4)}{output.suffix}"
    try:
        if output.suffix.lower() == ".pdf":
            _write_pdf(brief, pngs, Path(temporary), page_size)
            pages = len(_PDF_PAGE.findall(Path(temporary).read_bytes()))
        else:
            Path(temporary).write_text(_self_contained_html(brief, pngs), encoding="utf-8")
            pages = None
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return WrittenBrief(output, pages)


def _self_contained_html(brief: Brief, pngs: dict[str, bytes]) -> str:
    sources = {
        name: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        for name, png in pngs.items()
    }
    return brief_html(brief, sources)


def _write_pdf(brief: Brief, pngs: dict[str, bytes], path: Path, page_size: str) -> None:
    from PySide6.QtCore import QMarginsF, QUrl
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    size_id = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}[page_size]
    writer.setPageSize(QPageSize(size_id))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(brief_title(brief))
    writer.setCreator("Commitment Tracker")
    document = QTextDocument()
    document.setDocumentMargin(0)
    sources = {}
    for name, png in pngs.items():
        url = f"brief-chart:{name}.png"  # a resource of this document, not a file
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(url), QImage.fromData(png)
        )
        sources[name] = url
    document.setHtml(brief_html(brief, sources))
    document.print_(writer)  # paginates onto the writer's pages, with Qt's 2 cm margins
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path.parent}")
