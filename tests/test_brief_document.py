"""The brief written as PDF (read back with pypdf) and as self-contained HTML, and the brief and
deadlines commands run as a user would, in a separate process with no display."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from desktop_app.charts.brief_document import write_brief
from desktop_app.exchange.brief_content import BriefScope, numbers_paragraph, read_brief

# PDF points: A4 is 210 x 297 mm, Letter 8.5 x 11 in
PAGE_POINTS = {"A4": (595, 842), "Letter": (612, 792)}


def _flat(text: str) -> str:
    """Text as read from the PDF: ligatures (the "fi" of "fulfilled") undone, spaces single."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _pages(path) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(path).pages]


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_the_pdf_has_its_pages_size_and_text(qapp, sample_db, tmp_path, page_size):
    scope = BriefScope("2024-12-31")
    written = write_brief(sample_db, scope, tmp_path / "brief.pdf", page_size)
    reader = PdfReader(written.path)
    assert len(reader.pages) == written.pages
    assert 3 <= written.pages <= 8  # cover, charts, the seven commitments, statistics
    width, height = PAGE_POINTS[page_size]
    for page in reader.pages:
        assert (round(page.mediabox.width), round(page.mediabox.height)) == (width, height)
    pages = _pages(written.path)
    brief = read_brief(sample_db, scope)
    assert pages[0].startswith("Commitments brief, as of 31 December 2024")
    assert numbers_paragraph(brief) in pages[0]
    assert "Compliance by party" in pages[0] and "G7 Research Group method" in pages[0]
    # the commitments begin on a page of their own, each with its status in words
    first = next(n for n, text in enumerate(pages) if text.startswith("Commitments Return"))
    assert first > 0 and "Commitments" not in pages[first - 1].replace("Commitments brief", "")
    text = " ".join(pages)
    for commitment in brief.commitments:
        assert _flat(commitment.title) in text
    assert text.count("Status ■ Fulfilled") == 2 and text.count("Status ■ In progress") == 2
    assert "Paraphrase, not the exact words" in text
    assert "Reported statistics" in text and "2023-01-01 to 2023-11-30" in text
    assert "[1] Press reports of the two governments" in text


def test_a_narrower_brief_has_fewer_pages(qapp, sample_db, tmp_path):
    whole = write_brief(sample_db, BriefScope("2024-12-31"), tmp_path / "all.pdf")
    one = write_brief(sample_db, BriefScope("2024-12-31", (), ("economic",)), tmp_path / "e.pdf")
    assert one.pages < whole.pages
    text = " ".join(_pages(one.path))
    assert "Activate joint border markets" in text and "Cooperate against terrorism" not in text


def test_the_html_is_one_file_with_its_charts_inside(qapp, sample_db, tmp_path):
    written = write_brief(sample_db, BriefScope("2024-12-31"), tmp_path / "brief.html")
    html = written.path.read_text(encoding="utf-8")
    sources = re.findall(r"<img src='([^']*)'", html)
    assert len(sources) == 2
    for source in sources:
        prefix = "data:image/png;base64,"
        assert source.startswith(prefix)
        assert base64.b64decode(source[len(prefix) :]).startswith(b"\x89PNG\r\n\x1a\n")
    assert "http" not in html.replace("https://www.khaama.com/", "")  # nothing fetched
    assert "&#9632;</span>&nbsp;Fulfilled" in html  # the word beside the colour


def _cli(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_the_brief_and_deadlines_commands(tmp_path):
    db = tmp_path / "s.db"
    assert _cli("sample", str(db)).returncode == 0
    out = tmp_path / "brief.pdf"
    args = ["brief", "--db", str(db), "--as-of", "2024-12-31", "--party", "PAK", "IRN"]
    result = _cli(*args, "--page-size", "Letter", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(out).pages) == int(re.search(r"\((\d+) pages\)", result.stderr)[1])
    bad = _cli("brief", "--db", str(db), "--party", "XYZ", "-o", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0
    assert not (tmp_path / "x.pdf").exists()
    calendar = tmp_path / "d.ics"
    result = _cli("deadlines", "--db", str(db), "--as-of", "2024-12-31", "-o", str(calendar))
    assert result.returncode == 0, result.stderr
    assert calendar.read_bytes().count(b"BEGIN:VEVENT") == 2
    assert "2 deadlines" in result.stderr
