"""Reads an import file (.xlsx, .xls, .ods, .csv) into plain rows for the import engine.

The first step of an import: every row of one sheet, numbered as the spreadsheet program
shows it, with cell values as Python types and nothing interpreted. Files come from
outside, so each is checked before a parser sees it: its size; for the zip-based formats
the declared and the real unpacked sizes, compression ratios and DTDs (spreadsheets never
need one); for .xlsx the extent of each sheet, because calamine allocates a sheet's whole
grid at once and aborts the process when that fails (one stray cell at XFD1048576 does it).
"""

from __future__ import annotations

import copy
import csv
import gc
import hashlib
import io
import posixpath
import re
import threading
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import IO, Final, Literal
from xml.etree import ElementTree

from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from pharmadesk.errors import OperationFailed

Code = Literal[
    "cannot_open",
    "empty",
    "encrypted",
    "too_big",
    "zip_bomb",
    "not_a_spreadsheet",
    "truncated",
    "malformed",
    "no_such_sheet",
    "unsupported_type",
    "xml_attack",
]
Calamine = int | float | str | bool | time | date | datetime | timedelta

_BOOK_SUFFIXES: Final = frozenset({".xlsx", ".xls", ".ods"})
_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC: Final = bytes.fromhex("d0cf11e0a1b11ae1")
# An OOXML file saved with a password is an OLE container holding this stream.
_ENCRYPTED_STREAM: Final = "EncryptedPackage".encode("utf-16-le")
_RATIO_MIN_BYTES: Final = 10 * 2**20
_MAX_RATIO: Final = 100
_CHUNK: Final = 2**20
_MAX_TAG: Final = 2**20
_UNBOUNDED: Final = 2**62
_DTD_MARKERS: Final = (b"<!DOCTYPE", b"<!ENTITY")
# A cell that holds something (a start tag, not `<c .../>`), and a row with content: their
# `r` attributes bound the grid calamine will allocate.
# The cell tags are matched twice, once for the column letters and once for the row
# number: splitting a million (letters, digits) pairs cost half again as much.
_CELL_COLUMN: Final = re.compile(rb' r="([A-Z]{1,3})[0-9]{1,7}"[^>]*(?<!/)>')
_CELL_ROW: Final = re.compile(rb' r="[A-Z]{1,3}([0-9]{1,7})"[^>]*(?<!/)>')
_ROW_REF: Final = re.compile(rb' r="([0-9]{1,7})"[^>]*(?<!/)>')
# What RawRow.cells promise; calamine may also give times and durations.
_PROMISED: Final = frozenset({str, int, float, bool, date, datetime, type(None)})
_CSV_DELIMITERS: Final = (",", ";", "\t")
_SNIFF_CHARS: Final = 64 * 1024
_SNIFF_RECORDS: Final = 50


@dataclass(frozen=True)
class RawRow:
    """One row. `number` is what the spreadsheet shows (1-based); for CSV, the line it starts on.

    `cells` hold str, int, float, bool, datetime.date, datetime.datetime or None (empty),
    from column A on, with trailing empty cells removed: a blank row has no cells.
    """

    number: int
    cells: tuple[object, ...]


@dataclass(frozen=True)
class RawTable:
    """Every row of one sheet in order, blank rows included, and the file's sha256."""

    source: Path
    sheet: str | None
    rows: list[RawRow]
    file_hash: str


@dataclass(frozen=True)
class Limits:
    """What a file may not exceed; past any of these it is refused, never half read."""

    max_file_bytes: int = 50 * 2**20
    max_unpacked_bytes: int = 500 * 2**20
    max_rows: int = 1_000_000
    max_cell_chars: int = 32_767
    # Rows x columns of the grid a sheet spans (calamine holds ~32 bytes per cell).
    max_cells: int = 20_000_000


DEFAULT_LIMITS: Final = Limits()


class UnreadableFile(OperationFailed):
    """An import file that cannot be read. `code` is for programs; the message is for people."""

    def __init__(self, path: Path, *, code: Code, reason: str) -> None:
        super().__init__(f'"{path.name}" {reason}.')
        self.code = code
        self.path = path


@dataclass
class _Extent:
    """The bottom-right corner of the cells of one sheet's XML that hold something."""

    rows: int = 0
    columns: int = 0

    def add(self, xml: bytes) -> None:
        columns = set(_CELL_COLUMN.findall(xml))
        if columns:
            self.columns = max(self.columns, *map(_column_number, columns))
            self.rows = max(self.rows, *map(int, set(_CELL_ROW.findall(xml))))
        row_refs = _ROW_REF.findall(xml)
        if row_refs:
            self.rows = max(self.rows, *map(int, row_refs))


def sheet_names(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """The sheets a person can choose from, in workbook order; [] for a CSV file.

    Hidden sheets are left out unless every sheet is hidden.

    Raises:
        UnreadableFile: the file is missing, unsafe, damaged or not a spreadsheet.
    """
    data = _load(path, limits)
    if _is_csv(path):
        return []
    _check_container(path, data, limits)
    with _calamine_errors(path, data):
        return _offered_sheets(CalamineWorkbook.from_filelike(io.BytesIO(data)))


_collector = threading.Lock()
_pauses = 0
_collector_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for one bulk step of an import (read, plan, commit).

    Such a step makes millions of small objects (cells, rows, key tuples) that live until
    it ends; the collector would walk them over and over and free nothing: about 2 s of the
    14 that 100,000 cards took. Reference counting frees memory as always; the odd cycle
    made meanwhile is collected once the collector runs again, after the last pause ends.
    Also a decorator.
    """
    global _pauses, _collector_was_enabled
    with _collector:
        if _pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _collector:
            _pauses -= 1
            if _pauses == 0 and _collector_was_enabled:
                gc.enable()


@collector_paused()
def read_table(
    path: Path, *, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> RawTable:
    """Every row of the named sheet (else the first one), or of a CSV file.

    Raises:
        UnreadableFile: the file is missing, unsafe, damaged, too big, empty or not a
            spreadsheet, or has no sheet of that name.
    """
    data = _load(path, limits)
    if _is_csv(path):
        name, rows = None, _csv_rows(path, data, limits)
    else:
        name, rows = _book_rows(path, data, sheet, limits)
    if not any(row.cells for row in rows):
        where = f'sheet "{name}"' if name is not None else "it"
        raise UnreadableFile(path, code="empty", reason=f"has no data: {where} has no rows")
    return RawTable(path, name, rows, hashlib.sha256(data).hexdigest())


# --- The file itself ---------------------------------------------------------------------


def _is_csv(path: Path) -> bool:
    return path.suffix.lower() == ".csv"


def _load(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refused by its name or size before anything parses them."""
    if not _is_csv(path) and path.suffix.lower() not in _BOOK_SUFFIXES:
        reason = "is not a file that can be imported: use .xlsx, .xls, .ods or .csv"
        raise UnreadableFile(path, code="unsupported_type", reason=reason)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise _too_big(path, size, limits)
        with path.open("rb") as stream:
            # Read one byte past the limit: the file may have grown since stat().
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as exc:
        reason = f"cannot be opened ({exc.strerror or exc})"
        raise UnreadableFile(path, code="cannot_open", reason=reason) from exc
    if not data:
        raise UnreadableFile(path, code="empty", reason="is empty (0 bytes)")
    if len(data) > limits.max_file_bytes:
        raise _too_big(path, len(data), limits)
    return data


def _too_big(path: Path, size: int, limits: Limits) -> UnreadableFile:
    reason = f"is {_mb(size)}, more than the {_mb(limits.max_file_bytes)} an import can take"
    return UnreadableFile(path, code="too_big", reason=reason)


def _mb(size: int) -> str:
    return f"{size / 2**20:,.1f} MB"


# --- Spreadsheets ------------------------------------------------------------------------


def _check_container(path: Path, data: bytes, limits: Limits) -> dict[str, _Extent]:
    """Refuses what calamine must not see; returns the extent of each .xlsx sheet part."""
    if data.startswith(_ZIP_MAGIC):
        return _check_zip(path, data, limits)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            reason = "is protected by a password: remove it in Excel or WPS and save again"
            raise UnreadableFile(path, code="encrypted", reason=reason)
        # Legacy .xls: the format caps a sheet at 65,536 x 256 cells, a bounded grid.
        return {}
    raise UnreadableFile(path, code="not_a_spreadsheet", reason=_not_a_book(data))


def _not_a_book(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        kind = "a web page or XML file"
    elif b"\x00" not in head:
        kind = "a text file"
    else:
        kind = "a file of another kind"
    return (
        f"is not a spreadsheet but {kind} with a spreadsheet name;"
        " open it in Excel or WPS and save it as .xlsx"
    )


@contextmanager
def _calamine_errors(path: Path, data: bytes) -> Iterator[None]:
    """Turns calamine's errors, and its panics on some damaged files, into UnreadableFile."""
    try:
        yield
    except CalamineError as exc:
        raise _damaged(path, data, exc) from exc
    except BaseException as exc:
        # pyo3 raises a Rust panic as PanicException, a BaseException not importable by name.
        if type(exc).__name__ != "PanicException":
            raise
        raise _damaged(path, data, exc) from exc


def _damaged(path: Path, data: bytes, exc: BaseException) -> UnreadableFile:
    if "cell limit" in str(exc).lower():
        reason = "has a sheet that spans too many cells; delete stray cells far from the data"
        return UnreadableFile(path, code="too_big", reason=reason)
    # An OLE file is made of whole 512-byte sectors; a partial one means a cut-short copy.
    if data.startswith(_OLE_MAGIC) and len(data) % 512:
        return _truncated(path)
    reason = "is damaged and cannot be read; open it in Excel or WPS and save it again"
    return UnreadableFile(path, code="malformed", reason=reason)


def _truncated(path: Path) -> UnreadableFile:
    reason = "is cut short (an incomplete copy or download); copy the file again"
    return UnreadableFile(path, code="truncated", reason=reason)


def _book_rows(
    path: Path, data: bytes, wanted: str | None, limits: Limits
) -> tuple[str, list[RawRow]]:
    extents = _check_container(path, data, limits)
    with _calamine_errors(path, data):
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        name = _choose_sheet(path, book, wanted)
        if extents:
            # Before calamine allocates the grid: past this it would abort the process.
            _check_grid(path, name, _sheet_extent(data, name, extents), limits)
        return name, _sheet_rows(path, name, book.get_sheet_by_name(name), limits)


def _offered_sheets(book: CalamineWorkbook) -> list[str]:
    worksheets = [m for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    visible = [m.name for m in worksheets if m.visible == SheetVisibleEnum.Visible]
    return visible or [m.name for m in worksheets]


def _choose_sheet(path: Path, book: CalamineWorkbook, wanted: str | None) -> str:
    offered = _offered_sheets(book)
    if wanted is None:
        if not offered:
            raise UnreadableFile(path, code="empty", reason="has no data: it has no sheets")
        return offered[0]
    worksheets = {m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet}
    if wanted not in worksheets:
        listed = ", ".join(f'"{name}"' for name in offered) or "none"
        reason = f'has no sheet named "{wanted}"; its sheets are: {listed}'
        raise UnreadableFile(path, code="no_such_sheet", reason=reason)
    return wanted


def _sheet_rows(path: Path, name: str, sheet: CalamineSheet, limits: Limits) -> list[RawRow]:
    end = sheet.end
    rows, columns = (end[0] + 1, end[1] + 1) if end else (0, 0)
    _check_rows(path, name, rows, limits)
    _check_grid(path, name, _Extent(rows, columns), limits)
    # Not iter_rows(): it pads the empty rows above the data but not the columns left of it.
    grid: list[list[Calamine]] = sheet.to_python(skip_empty_area=False)
    return [
        RawRow(number, _cells(path, name, number, values, limits))
        for number, values in enumerate(grid, start=1)
    ]


def _check_rows(path: Path, sheet: str, rows: int, limits: Limits) -> None:
    if rows > limits.max_rows:
        reason = (
            f'has {rows:,} rows on sheet "{sheet}", more than the {limits.max_rows:,}'
            " an import can take; delete stray cells below the data"
        )
        raise UnreadableFile(path, code="too_big", reason=reason)


def _check_grid(path: Path, sheet: str, extent: _Extent, limits: Limits) -> None:
    if extent.rows * extent.columns > limits.max_cells:
        corner = f"{_column_name(extent.columns)}{extent.rows}"
        reason = (
            f'has a sheet "{sheet}" that reaches cell {corner}, too large a grid to read;'
            " delete stray cells far right of or below the data"
        )
        raise UnreadableFile(path, code="too_big", reason=reason)


def _cells(
    path: Path, sheet: str, number: int, values: Sequence[Calamine], limits: Limits
) -> tuple[object, ...]:
    end = len(values)
    while end and values[end - 1] == "":
        end -= 1
    cells = [None if value == "" else value for value in values[:end]]
    kinds = set(map(type, cells))
    if str in kinds:
        longest = max(len(value) for value in cells if type(value) is str)
        if longest > limits.max_cell_chars:
            raise _long_cell(path, f'a cell of row {number} on sheet "{sheet}"')
    if not kinds <= _PROMISED:
        # A time of day or a duration: as text, the normaliser reads it like a typed one.
        cells = [str(value) if isinstance(value, time | timedelta) else value for value in cells]
    return tuple(cells)


def _long_cell(path: Path, where: str) -> UnreadableFile:
    reason = f"is damaged: {where} is longer than a spreadsheet cell can hold"
    return UnreadableFile(path, code="malformed", reason=reason)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _column_name(number: int) -> str:
    name = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


# --- Zip containers (.xlsx, .ods) --------------------------------------------------------


def _check_zip(path: Path, data: bytes, limits: Limits) -> dict[str, _Extent]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        # It starts like a zip but its directory, stored at the very end, is missing.
        raise _truncated(path) from exc
    with archive:
        members = archive.infolist()
        _check_declared_sizes(path, members, limits)
        names = {member.filename for member in members}
        if not names & {"[Content_Types].xml", "content.xml"}:
            reason = "is a zip archive, not a spreadsheet"
            raise UnreadableFile(path, code="not_a_spreadsheet", reason=reason)
        return _scan_members(path, archive, members, limits)


def _check_declared_sizes(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if sum(member.file_size for member in members) > limits.max_unpacked_bytes:
        raise _zip_bomb(path, limits)
    for member in members:
        _check_ratio(path, member, member.file_size)


def _check_ratio(path: Path, member: zipfile.ZipInfo, unpacked: int) -> None:
    if unpacked > _RATIO_MIN_BYTES and unpacked > _MAX_RATIO * max(member.compress_size, 1):
        raise _zip_bomb(path, None)


def _zip_bomb(path: Path, limits: Limits | None) -> UnreadableFile:
    size = f"to more than {_mb(limits.max_unpacked_bytes)}" if limits else "absurdly far"
    reason = f"unpacks {size}, which no registration sheet needs; it was refused as unsafe"
    return UnreadableFile(path, code="zip_bomb", reason=reason)


def _scan_members(
    path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], limits: Limits
) -> dict[str, _Extent]:
    """Unpacks every member once, trusting no declared size, and looks into the XML."""
    ooxml = any(member.filename == "[Content_Types].xml" for member in members)
    extents: dict[str, _Extent] = {}
    budget = limits.max_unpacked_bytes
    for member in members:
        xml = member.filename.lower().endswith((".xml", ".rels"))
        extent = _Extent() if ooxml and xml else None
        try:
            budget -= _scan_member(path, archive, member, budget, xml=xml, extent=extent)
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
            reason = "is damaged and cannot be unpacked; open it in Excel or WPS and save again"
            raise UnreadableFile(path, code="malformed", reason=reason) from exc
        if extent is not None:
            extents[member.filename] = extent
    return extents


def _scan_member(
    path: Path,
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    budget: int,
    *,
    xml: bool,
    extent: _Extent | None,
) -> int:
    # zipfile would stop at the declared size (and then fail the CRC): unbounded, a member
    # that lies about its size shows how big it really is, and the budget stops the reading.
    unlimited = copy.copy(member)
    unlimited.file_size = _UNBOUNDED
    unpacked = 0
    with archive.open(unlimited) as stream:
        for body in _tag_aligned(path, stream) if xml else iter(lambda: stream.read(_CHUNK), b""):
            unpacked += len(body)
            if unpacked > budget:
                raise _zip_bomb(path, None)
            _check_ratio(path, member, unpacked)
            if xml and any(marker in body for marker in _DTD_MARKERS):
                raise _xml_attack(path)
            if extent is not None:
                extent.add(body)
    return unpacked


def _tag_aligned(path: Path, stream: IO[bytes]) -> Iterator[bytes]:
    """The stream in pieces that never cut a tag in two (an unclosed tag waits for more)."""
    pending = b""
    while chunk := stream.read(_CHUNK):
        data = pending + chunk
        start = data.rfind(b"<")
        cut = start if start >= 0 and data.find(b">", start) < 0 else len(data)
        if len(data) - cut > _MAX_TAG:
            raise UnreadableFile(path, code="malformed", reason="holds XML that is not valid")
        pending = data[cut:]
        yield data[:cut]
    if pending:
        yield pending


def _xml_attack(path: Path) -> UnreadableFile:
    reason = (
        "holds XML with a document type declaration, which spreadsheets never use;"
        " it was refused as unsafe"
    )
    return UnreadableFile(path, code="xml_attack", reason=reason)


def _sheet_extent(data: bytes, sheet: str, extents: dict[str, _Extent]) -> _Extent:
    """The extent of the sheet's own XML, else (an unusual layout) the largest of any part."""
    part = _xlsx_sheet_parts(data).get(sheet)
    if part in extents:
        return extents[part]
    return max(extents.values(), key=lambda extent: extent.rows * max(extent.columns, 1))


def _xlsx_sheet_parts(data: bytes) -> dict[str, str]:
    """Sheet name -> zip member, from the workbook and its relationships (DTDs already refused)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relations}
    parts = {}
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        ids = [value for key, value in element.attrib.items() if _local(key) == "id"]
        target = targets.get(ids[0]) if ids else None
        if target:
            name = element.get("name", "")
            parts[name] = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
    return parts


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# --- CSV ---------------------------------------------------------------------------------


def _csv_rows(path: Path, data: bytes, limits: Limits) -> list[RawRow]:
    text = _decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[RawRow] = []
    start = 1
    try:
        for fields in reader:
            if len(rows) >= limits.max_rows:
                reason = f"has more than the {limits.max_rows:,} rows an import can take"
                raise UnreadableFile(path, code="too_big", reason=reason)
            rows.append(RawRow(start, _csv_cells(path, start, fields, limits)))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise _long_cell(path, f"a cell of the record on line {start}") from exc
        reason = (
            f"is not valid CSV from line {start} (a quote is not closed, or text follows"
            " a closing quote); open it in Excel or WPS and save it again"
        )
        raise UnreadableFile(path, code="malformed", reason=reason) from exc
    return rows


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC) or b"\x00" in data:
        reason = "is not a CSV text file; if it is a workbook, give it its real extension"
        raise UnreadableFile(path, code="not_a_spreadsheet", reason=reason)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    reason = "is not a CSV text file (its text is neither UTF-8 nor GBK)"
    raise UnreadableFile(path, code="not_a_spreadsheet", reason=reason)


def _delimiter(text: str) -> str:
    """The candidate that splits the first records into the most cells (ties: a comma)."""

    def score(delimiter: str) -> int:
        reader = csv.reader(io.StringIO(text[:_SNIFF_CHARS], newline=""), delimiter=delimiter)
        try:
            return sum(len(fields) - 1 for fields in islice(reader, _SNIFF_RECORDS))
        except csv.Error:
            return -1

    return max(_CSV_DELIMITERS, key=score)


def _csv_cells(path: Path, line: int, fields: list[str], limits: Limits) -> tuple[object, ...]:
    end = len(fields)
    while end and not fields[end - 1]:
        end -= 1
    for column, field in enumerate(fields[:end], start=1):
        if len(field) > limits.max_cell_chars:
            raise _long_cell(path, f"cell {column} of the record on line {line}")
    return tuple(field or None for field in fields[:end])
