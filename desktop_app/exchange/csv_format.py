"""Reading and writing CSV text safely: encodings, delimiters, and spreadsheet formula cells.

Formula neutralisation follows the OWASP advice on CSV injection: a cell that a spreadsheet would
evaluate (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
Cells that are plain numbers (-3.5) are left alone. The rule is applied recursively to cells that
already start with a quote, so that unescaping our own files gives back exactly what was written.

Reading never trusts the file: it is refused before it is opened if it is a file this process
already holds open (the database: under POSIX, closing any descriptor of a file drops every lock
the process holds on it), a binary file is refused from its first block (so /dev/zero is not
read for ever), and a quoted field that is never closed is reported on the line where it opens
instead of swallowing the rest of the file into one cell.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-32")
DELIMITERS = (",", ";", "\t", "|")
MAX_CELL = 20_000
READ_BLOCK = 1 << 16  # the first block read: a NUL byte in it means a binary file
MAX_STREAM = 1 << 30  # bytes read from something that is not a regular file (a pipe, a device)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# byte order marks that name a wide encoding (UTF-32 first: its LE mark starts like UTF-16's)
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class CsvProblem(ValueError):
    """A file that cannot be read as CSV at all; str() is one sentence for the user."""


class CsvRowProblem(CsvProblem):
    """A row the CSV reader cannot make out, at line `line`; str() is 'line N: reason'."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


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
    """A CSV file checked to be valid in its encoding. `text` is the text itself, or, for the
    encodings where every line break, quote and delimiter is one byte (UTF-8, Windows-1252),
    the file's bytes, decoded a line at a time as the rows are read: one character outside
    Latin-1 would make Python hold the whole text at two or four bytes a character."""

    text: str | bytes
    encoding: str
    delimiter: str
    excel: bool  # written by our Excel-friendly export (BOM): formula cells are neutralised

    def line_breaks(self) -> int:
        """At least the number of lines after the first (\n or \r endings)."""
        newline, carriage = ("\n", "\r") if isinstance(self.text, str) else (b"\n", b"\r")
        return max(self.text.count(newline), self.text.count(carriage))

    def ends_with_line_break(self) -> bool:
        return self.text[-1:] in (("\n", "\r") if isinstance(self.text, str) else (b"\n", b"\r"))


def read_csv_file(
    path: str | Path, encoding: str | None = None, delimiter: str | None = None
) -> DecodedFile:
    """Read and decode a whole CSV file, detecting encoding and delimiter unless given."""
    path = Path(path)
    data = _read_bytes(path)
    wide = next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is None:
        _refuse_binary(path.name, data)
    if not _SOMETHING.search(data):  # (data.strip() would copy the whole file)
        raise CsvProblem(f"{path.name} is empty.")
    has_bom = data.startswith(b"\xef\xbb\xbf")
    # a UTF-16 or UTF-32 byte order mark says what the file is, whatever was chosen
    encoding = wide or encoding or _detect_encoding(path.name, data)
    if wide is None:
        bad = _first_undecodable(data, encoding)
        if bad is not None:
            line = data[:bad].count(b"\n") + 1
            raise CsvProblem(
                f"{path.name} is not valid {encoding} (line {line}); choose another encoding."
            )
        body = data[3:] if has_bom and encoding in ("utf-8", "utf-8-sig") else data
        first = _BYTE_LINE.match(body)
        first_line = first.group().decode(_line_codec(encoding)) if first else ""
        return DecodedFile(body, encoding, delimiter or _detect_delimiter(first_line), has_bom)
    text = data.decode(encoding)
    del data
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise CsvProblem(
            f"{path.name} contains NUL characters (first on line {line}): it looks like a "
            "binary file, not CSV."
        )
    if not text.strip("\ufeff \r\n\t"):
        raise CsvProblem(f"{path.name} is empty.")
    text = text.lstrip("\ufeff")
    return DecodedFile(text, encoding, delimiter or _detect_delimiter(text), excel=has_bom)


def _line_codec(encoding: str) -> str:
    return "utf-8" if encoding in ("utf-8", "utf-8-sig") else encoding


def _first_undecodable(data: bytes, encoding: str, chunk: int = 1 << 22) -> int | None:
    """Where data stops being valid in encoding (None: valid throughout), found a few
    megabytes at a time: decoding it whole would hold the whole text at once."""
    decoder = codecs.getincrementaldecoder(_line_codec(encoding))()
    view = memoryview(data)
    for start in range(0, len(data), chunk):
        try:
            decoder.decode(view[start : start + chunk], final=start + chunk >= len(data))
        except UnicodeDecodeError as error:
            return start + max(error.start, 0)
    return None


def checked_before_opening(path: Path, what: str) -> os.stat_result:
    """The file's stat, once it is known that it exists, is not a folder and is not a file
    this process holds open (the database: under POSIX, closing any descriptor of a file drops
    every lock the process holds on it); else CsvProblem. `what`: "a CSV file", ..."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CsvProblem(f"{path.name} cannot be read: the file no longer exists.") from None
    except OSError as error:
        raise CsvProblem(f"{path.name} cannot be read: {error.strerror}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise CsvProblem(f"{path.name} is a folder, not {what}.")
    if stat.S_ISREG(info.st_mode) and is_open_in_this_process(info):
        raise CsvProblem(
            f"{path.name} is open in Commitment Tracker (the database or one of its files), "
            f"not {what} to import."
        )
    return info


def _read_bytes(path: Path) -> bytes:
    """The bytes of path, read only once it is known to be safe to open and to end."""
    regular = stat.S_ISREG(checked_before_opening(path, "a CSV file").st_mode)
    try:
        with path.open("rb") as handle:
            first = handle.read(READ_BLOCK)
            if not any(first.startswith(bom) for bom, _ in _WIDE_BOMS):
                _refuse_binary(path.name, first)
            if regular:
                handle.seek(0)
                return handle.read()
            return _read_stream(path.name, handle, first)
    except IsADirectoryError:
        raise CsvProblem(f"{path.name} is a folder, not a CSV file.") from None
    except OSError as error:
        raise CsvProblem(f"{path.name} cannot be read: {error.strerror}.") from None


def _read_stream(name: str, handle, first: bytes) -> bytes:
    """A pipe or a device, read block by block: it may never end (/dev/zero, /dev/urandom)."""
    blocks = [first]
    size = len(first)
    while block := handle.read(1 << 20):
        if b"\x00" in block:
            _refuse_binary(name, b"".join(blocks) + block)
        blocks.append(block)
        size += len(block)
        if size > MAX_STREAM:
            raise CsvProblem(
                f"{name} is not a regular file and goes on past {MAX_STREAM >> 30} GB; save it "
                "as a file first."
            )
    return b"".join(blocks)


def _refuse_binary(name: str, data: bytes) -> None:
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise CsvProblem(
            f"{name} contains NUL bytes (first on line {line}): it looks like a binary file, "
            "not CSV."
        )


def is_open_in_this_process(info: os.stat_result) -> bool:
    """Whether this process already holds a descriptor of the file whose stat is info (found
    from /proc/self/fd or /dev/fd, without opening the file). Where neither lists descriptors
    (Windows) the answer is False: there, opening a file drops no lock."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            try:
                other = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                return True
        return False
    return False


def _detect_encoding(name: str, data: bytes) -> str:
    bad = _first_undecodable(data, "utf-8")
    if bad is None:
        return "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    bad_line = data[:bad].count(b"\n") + 1
    lines = data.split(b"\n")
    utf8_non_ascii = [n for n, line in enumerate(lines, 1) if not line.isascii() and _is_utf8(line)]
    if utf8_non_ascii:
        raise CsvProblem(
            f"{name} mixes encodings: line {utf8_non_ascii[0]} is UTF-8 but line {bad_line} is "
            "not; save it again as UTF-8 and retry."
        )
    if _first_undecodable(data, "cp1252") is not None:
        raise CsvProblem(f"{name} is neither UTF-8 nor Windows-1252 text (line {bad_line}).")
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
    """Yield (line number where the row starts, list of cells), header included.

    CsvRowProblem if a row cannot be parsed, or if a quoted field never closes: one that runs
    to the end of the file, or over lines for more than MAX_CELL characters (a cell that long
    is refused anyway), is reported on the line where it opens.
    """
    return iter(RecordReader(decoded))


class RecordReader:
    """The rows of a decoded text as rows_with_lines gives them. The text may be a piece of a
    file that starts on line first_line; `feed` tells where the row being read starts in the
    text (feed.record_start) and whether the text ran out under it (feed.exhausted)."""

    def __init__(self, decoded: DecodedFile, first_line: int = 1) -> None:
        csv.field_size_limit(10_000_000)
        self.feed = _LineFeed(decoded.text, decoded.delimiter, _line_codec(decoded.encoding))
        self._reader = csv.reader(self.feed, delimiter=decoded.delimiter)
        self._before = first_line - 1
        self._excel = decoded.excel

    def __iter__(self):
        reader, feed = self._reader, self.feed
        while True:
            start = reader.line_num + 1 + self._before
            feed.start_record(start)
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise CsvRowProblem(start, f"the CSV cannot be parsed ({error}).") from None
            if feed.exhausted:  # the reader asked for a line past the last one: a quote is open
                feed.check_quotes(at_end=True)
            if self._excel:
                row = [unneutralise(cell) for cell in row]
            yield start, row


def header_end(decoded: DecodedFile) -> tuple[int, int]:
    """Where the rows after the header start in decoded.text, and on which line."""
    records = RecordReader(decoded)
    next(iter(records), None)
    return records.feed.end, records._reader.line_num + 1


# a line with its ending (\r\n, \r or \n), as a file opened with newline="" gives it
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")
_BYTE_LINE = re.compile(rb"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")
_SOMETHING = re.compile(rb"[^\xef\xbb\xbf \r\n\t]")  # a byte that is not a BOM or a space


def _lines(text: str):
    """The lines of text, one at a time. (io.StringIO would first copy the whole text into a
    buffer of four bytes a character: over half a gigabyte for a million-row file.)"""
    for match in _LINE.finditer(text):
        yield match.group()


_FIELD_START, _IN_FIELD, _IN_QUOTES, _QUOTE_IN_QUOTES = range(4)


class _LineFeed:
    """The lines of the text, one at a time, for csv.reader, watching for a quoted field that
    does not close.

    The reader asks for a second line of a row only when a quoted field is still open at the
    end of the first, so rows of one line cost two comparisons. Once a row has run over more
    than MAX_CELL characters, its text is scanned (resuming where the last scan stopped) with
    the reader's own rules to find the open field and the line where it opened.
    """

    def __init__(self, text: str | bytes, delimiter: str, codec: str) -> None:
        self.text = text
        self._bytes = isinstance(text, bytes)  # lines decoded as they are handed out
        self._codec = codec
        self._matches = (_BYTE_LINE if self._bytes else _LINE).finditer(text)
        pattern = f"[{re.escape(delimiter)}\r\n]"
        self._unquoted_end = re.compile(pattern.encode() if self._bytes else pattern)
        # the characters the scan looks at, of the text's own type (each is one byte)
        self._quote, self.delimiter, self._line_end, self._two_quotes = (
            (b'"', delimiter.encode(), b"\r\n", b'""')
            if self._bytes
            else ('"', delimiter, "\r\n", '""')
        )
        self.end = 0  # offset after the last line handed out
        self.exhausted = False
        self.start_record(1)

    def start_record(self, line: int) -> None:
        self.record_line = line
        self.record_start = self.end
        self._check_at = self.end + MAX_CELL
        self._scanned = self.end
        self._state = _FIELD_START
        self._opened = -1  # offset of the open quote of the field being scanned

    def __iter__(self):
        return self

    def __next__(self) -> str:
        match = next(self._matches, None)
        if match is None:
            self.exhausted = True
            raise StopIteration
        start, self.end = match.span()
        if self.end > self._check_at and start > self.record_start:
            self.check_quotes(at_end=False)
        return match.group().decode(self._codec) if self._bytes else match.group()

    def check_quotes(self, at_end: bool) -> None:
        """CsvRowProblem if a quoted field is open at the end of the text read so far and the
        file ends (at_end) or the field runs past MAX_CELL characters."""
        self._scan(self.end)
        if self._state != _IN_QUOTES:
            self._check_at = self.end + MAX_CELL
            return
        value = (
            self.end - self._opened - 1 - self.text.count(self._two_quotes, self._opened, self.end)
        )
        if not at_end and value <= MAX_CELL:
            self._check_at = self.end + MAX_CELL - value  # where it could first be too long
            return
        line = self.record_line + _line_breaks(self.text, self.record_start, self._opened)
        why = (
            "the file ends inside it"
            if at_end
            else f"no closing quote within {MAX_CELL:,} characters"
        )
        raise CsvRowProblem(
            line, f"a quoted field opened here is never closed ({why}); add the closing quote."
        )

    def _scan(self, end: int) -> None:
        """Follow the reader's states (default dialect: double quotes escape a quote; a quote
        not at the start of a field is an ordinary character) over text[_scanned:end]."""
        text, i, state = self.text, self._scanned, self._state
        quote, delimiter, line_end = self._quote, self.delimiter, self._line_end
        while i < end:
            if state == _IN_QUOTES:
                found = text.find(quote, i, end)
                if found < 0:
                    i = end
                    break
                i, state = found + 1, _QUOTE_IN_QUOTES
                continue
            char = text[i : i + 1]
            if state == _QUOTE_IN_QUOTES:
                if char == quote:
                    state = _IN_QUOTES
                elif char == delimiter or char in line_end:
                    state = _FIELD_START
                else:
                    state = _IN_FIELD
                i += 1
            elif state == _FIELD_START:
                if char == quote:
                    state, self._opened = _IN_QUOTES, i
                elif not (char == delimiter or char in line_end):
                    state = _IN_FIELD
                i += 1
            else:  # in an unquoted field, up to the next delimiter or line end
                found = self._unquoted_end.search(text, i, end)
                if found is None:
                    i = end
                    break
                i, state = found.end(), _FIELD_START
        self._scanned, self._state = i, state


def _line_breaks(text: str | bytes, start: int, end: int) -> int:
    newline, carriage, both = (
        ("\n", "\r", "\r\n") if isinstance(text, str) else (b"\n", b"\r", b"\r\n")
    )
    return (
        text.count(newline, start, end)
        + text.count(carriage, start, end)
        - text.count(both, start, end)
    )


def csv_writer(handle, excel: bool):
    """A csv writer for our exports: CRLF for Excel, LF otherwise.

    The csv module quotes a cell holding a character of the line terminator only; with "\\n"
    alone a lone carriage return in a cell went out bare, and every reader then split the row
    there. So rows are always made with "\\r\\n" (any CR or LF in a cell is quoted) and, for LF
    files, each row's ending is changed on its way to the handle."""
    if excel:
        return csv.writer(handle, lineterminator="\r\n")
    return csv.writer(_LineFeedEndings(handle), lineterminator="\r\n")


class _LineFeedEndings:
    """A text handle whose every write is one CSV row ending in \\r\\n, written ending in \\n."""

    def __init__(self, handle) -> None:
        self._write = handle.write

    def write(self, row: str) -> int:
        return self._write(row[:-2] + "\n")
