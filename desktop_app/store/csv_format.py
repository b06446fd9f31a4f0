"""Reading and writing CSV text safely: encodings, delimiters, and spreadsheet formula cells.

Formula neutralisation follows the OWASP advice on CSV injection: a cell that a spreadsheet would
evaluate (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
Cells that are plain numbers (-3.5) are left alone. The rule is applied recursively to cells that
already start with a quote, so that unescaping our own files gives back exactly what was written.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t", "|")
MAX_CELL = 20_000
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class CsvProblem(ValueError):
    """A file that cannot be read as CSV at all; str() is one sentence for the user."""


def _needs_quote(cell: str) -> bool:
    if cell.startswith("'"):
        return _needs_quote(cell[1:])
    return cell.startswith(FORMULA_STARTS) and not _NUMBER.match(cell)


def neutralise(cell: str) -> str:
    return "'" + cell if cell and _needs_quote(cell) else cell


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell


@dataclass
class DecodedFile:
    text: str
    encoding: str
    delimiter: str
    excel: bool  # written by our Excel-friendly export (BOM): formula cells are neutralised


def read_csv_file(
    path: str | Path, encoding: str | None = None, delimiter: str | None = None
) -> DecodedFile:
    """Read and decode a whole CSV file, detecting encoding and delimiter unless given."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CsvProblem(f"{path.name} cannot be read: the file no longer exists.") from None
    except IsADirectoryError:
        raise CsvProblem(f"{path.name} is a folder, not a CSV file.") from None
    except OSError as error:
        raise CsvProblem(f"{path.name} cannot be read: {error.strerror}.") from None
    if not data.strip(b"\xef\xbb\xbf \r\n\t"):
        raise CsvProblem(f"{path.name} is empty.")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise CsvProblem(
            f"{path.name} contains NUL bytes (first on line {line}): it looks like a binary "
            "file, not CSV."
        )
    has_bom = data.startswith(b"\xef\xbb\xbf")
    encoding = encoding or _detect_encoding(path.name, data)
    try:
        text = data.decode("utf-8-sig" if encoding in ("utf-8", "utf-8-sig") else encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvProblem(
            f"{path.name} is not valid {encoding} (line {line}); choose another encoding."
        ) from None
    delimiter = delimiter or _detect_delimiter(text)
    return DecodedFile(text, encoding, delimiter, excel=has_bom)


def _detect_encoding(name: str, data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as error:
        bad_line = data[: error.start].count(b"\n") + 1
    lines = data.split(b"\n")
    utf8_non_ascii = [n for n, line in enumerate(lines, 1) if not line.isascii() and _is_utf8(line)]
    if utf8_non_ascii:
        raise CsvProblem(
            f"{name} mixes encodings: line {utf8_non_ascii[0]} is UTF-8 but line {bad_line} is "
            "not; save it again as UTF-8 and retry."
        )
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        raise CsvProblem(
            f"{name} is neither UTF-8 nor Windows-1252 text (line {bad_line})."
        ) from None
    return "cp1252"


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _detect_delimiter(text: str) -> str:
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def rows_with_lines(decoded: DecodedFile):
    """Yield (line number where the row starts, list of cells), header included."""
    csv.field_size_limit(10_000_000)
    reader = csv.reader(_lines(decoded.text), delimiter=decoded.delimiter)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CsvProblem(f"line {start}: the CSV cannot be parsed ({error}).") from None
        if decoded.excel:
            row = [unneutralise(cell) for cell in row]
        yield start, row


# a line with its ending (\r\n, \r or \n), as a file opened with newline="" gives it
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


def _lines(text: str):
    """The lines of text, one at a time. (io.StringIO would first copy the whole text into a
    buffer of four bytes a character: over half a gigabyte for a million-row file.)"""
    for match in _LINE.finditer(text):
        yield match.group()


def csv_writer(handle, excel: bool):
    """A csv writer for our exports: CRLF for Excel, LF otherwise."""
    return csv.writer(handle, lineterminator="\r\n" if excel else "\n")
