"""A UTF-8 or Windows-1252 file is held as its bytes and decoded a row at a time: one character
outside Latin-1 would make Python hold a decoded million-row file at two or four bytes a
character (840 MB for the bench's 210 MB file). The rows must come out exactly as decoded text."""

from __future__ import annotations

import pytest

from desktop_app.exchange.csv_format import CsvRowProblem, read_csv_file, rows_with_lines

ROWS = [
    ["title", "place", "note"],
    ["Talks in Zāhedān", "زاهدان", "first line\nsecond line, with a comma"],
    ["Market reopened", "Ürümqi", 'said "soon"'],
    ["Border post", "Taftān", ""],
]


def _write(path, encoding: str, rows=ROWS, ending: str = "\r\n") -> None:
    def cell(text: str) -> str:
        needs = any(c in text for c in ',"\n\r')
        return '"' + text.replace('"', '""') + '"' if needs else text

    path.write_bytes(ending.join(",".join(cell(c) for c in row) for row in rows).encode(encoding))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_rows_come_out_as_the_text_whatever_the_file_is_held_as(tmp_path, encoding):
    path = tmp_path / "colleague.csv"
    _write(path, encoding)
    decoded = read_csv_file(path)
    assert isinstance(decoded.text, str if encoding == "utf-16" else bytes)
    assert [row for _line, row in rows_with_lines(decoded)] == ROWS
    assert [line for line, _row in rows_with_lines(decoded)] == [1, 2, 4, 5]
    assert decoded.line_breaks() == 4


def test_a_windows_1252_file_is_held_as_bytes_and_decoded_as_windows_1252(tmp_path):
    rows = [["title", "place"], ["Café talks", "Québec"], ["Accord signé", "Genève"]]
    path = tmp_path / "latin.csv"
    _write(path, "cp1252", rows)
    decoded = read_csv_file(path)
    assert decoded.encoding == "cp1252" and isinstance(decoded.text, bytes)
    assert [row for _line, row in rows_with_lines(decoded)] == rows


def test_an_unclosed_quote_after_wide_characters_is_reported_where_it_opens(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes('title,place\nTalks,زاهدان\n"Open quote,Zāhedān\nmore\nand more\n'.encode())
    decoded = read_csv_file(path)
    with pytest.raises(CsvRowProblem) as raised:
        list(rows_with_lines(decoded))
    assert raised.value.line == 3


def test_old_mac_line_endings_in_bytes(tmp_path):
    path = tmp_path / "mac.csv"
    _write(path, "utf-8", ROWS[:1] + ROWS[2:], ending="\r")
    decoded = read_csv_file(path)
    assert [row for _line, row in rows_with_lines(decoded)] == ROWS[:1] + ROWS[2:]
    assert decoded.delimiter == ","
