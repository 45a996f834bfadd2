"""Import files made on the spot for the file-reading tests: good workbooks and hostile ones.

.xlsx comes from openpyxl; .ods, .xls (BIFF8 in an OLE container) and the broken or
hostile zips are built by hand, so every format is tested without a writer we do not ship.
A row is a list of cell values, None for an empty cell; an empty list is a blank row.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

Rows = Sequence[Sequence[object]]

TITLE = "阳光大药房会员登记表"
HEADER = ["姓名", "手机", "生日", "积分", "余额", "链接"]
HYPERLINK = '=HYPERLINK("http://x","y")'


def card_rows() -> list[list[object]]:
    """A typed-up sheet of paper cards: a title, two blank rows, the header, the cards."""
    return [
        [TITLE],
        [],
        [],
        [*HEADER],
        ["张三", "13812345678", date(1980, 5, 17), 120, 35.5, HYPERLINK],
        ["李四", 13900001111, datetime(1975, 1, 2, 8, 30), 0, None, None],
        [],
        ["王五", None, None, None, None, None, "备注在最右"],
    ]


def xlsx(
    path: Path,
    sheets: Mapping[str, Rows],
    *,
    merge: str | None = None,
    hidden: Sequence[str] = (),
) -> Path:
    """A workbook as Excel would save it; `merge` merges a range of the first sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    cell = sheet.cell(row=number, column=column, value=value)
                    # Typed text that looks like a formula is text (Excel's leading apostrophe).
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"
        if name in hidden:
            sheet.sheet_state = "hidden"
    if merge:
        book.worksheets[0].merge_cells(merge)
    book.save(path)
    return path


def big_xlsx(path: Path, rows: int) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("会员")
    sheet.append(HEADER)
    for n in range(rows):
        sheet.append([f"会员{n}", f"138{n:08d}", date(1990, 1, 1), n, n / 2, None])
    book.save(path)
    return path


# --- Hand-made .xlsx, for what no sane writer produces --------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def xlsx_parts(path: Path, *, sheet_data: str, shared: Sequence[str] = (), dtd: str = "") -> Path:
    """A minimal valid .xlsx: one sheet "Sheet1" with this <sheetData> body.

    `shared` are the shared strings (cells of type "s" point at them); `dtd` goes into
    the prolog of both the sheet and the shared strings.
    """
    strings = "".join(f"<si><t>{text}</t></si>" for text in shared)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
            f'Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_DOC_RELS}/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_DOC_RELS}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'{dtd}<worksheet xmlns="{_MAIN}"><sheetData>{sheet_data}</sheetData></worksheet>'
        ),
        "xl/sharedStrings.xml": f'{dtd}<sst xmlns="{_MAIN}">{strings}</sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, _PROLOG + text)
    return path


def billion_laughs(levels: int = 9) -> str:
    """A DTD whose entity `&lol{levels};` expands to 10**levels copies of "lol"."""
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels + 1):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    return f"<!DOCTYPE lolz [{''.join(entities)}]>"


# --- .ods by hand (no ODF writer is a dependency) --------------------------------------------

_ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def ods(path: Path, sheets: Mapping[str, Rows]) -> Path:
    """An OpenDocument spreadsheet as LibreOffice lays it out (mimetype first, stored)."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">{"".join(map(_ods_row, rows))}</table:table>'
        for name, rows in sheets.items()
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{_OFFICE}"'
        f' xmlns:table="{_TABLE}" xmlns:text="{_TEXT}" office:version="1.2"><office:body>'
        f"<office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{_ODS_MIME}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", _ODS_MIME, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _ods_row(row: Sequence[object]) -> str:
    cells = "".join(map(_ods_cell, row)) or "<table:table-cell/>"
    return f"<table:table-row>{cells}</table:table-row>"


def _ods_cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, datetime | date):
        kind, attribute = "date", f'office:date-value="{value.isoformat()}"'
    elif isinstance(value, int | float):
        kind, attribute = "float", f'office:value="{value}"'
    else:
        kind, attribute = "string", ""
    return (
        f'<table:table-cell office:value-type="{kind}" {attribute}>'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


# --- .xls by hand: BIFF8 records in an OLE compound file --------------------------------------

_END_OF_CHAIN, _FREE, _FAT_SECTOR, _NO_STREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
_EXCEL_EPOCH = date(1899, 12, 30)


def xls(path: Path, sheet: str, rows: Rows) -> Path:
    """An Excel 97-2003 workbook with one sheet of text, numbers and dates (format 14)."""
    path.write_bytes(_compound_file(_workbook_stream(sheet, rows)))
    return path


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))


def _xf(number_format: int) -> bytes:
    return _record(0x00E0, struct.pack("<HHHHHHIIH", 0, number_format, 1, 0x20, 0, 0, 0, 0, 0x20C0))


def _xls_cell(row: int, column: int, value: object) -> bytes:
    if isinstance(value, str):
        text = struct.pack("<HB", len(value), 1) + value.encode("utf-16-le")
        return _record(0x0204, struct.pack("<HHH", row, column, 0) + text)  # LABEL
    if isinstance(value, date):
        serial, xf = float((value - _EXCEL_EPOCH).days), 1
    elif isinstance(value, int | float):
        serial, xf = float(value), 0
    else:
        raise TypeError(f"no .xls cell for {value!r}")
    return _record(0x0203, struct.pack("<HHHd", row, column, xf, serial))  # NUMBER


def _workbook_stream(name: str, rows: Rows) -> bytes:
    cells = b"".join(
        _xls_cell(r, c, value)
        for r, row in enumerate(rows)
        for c, value in enumerate(row)
        if value is not None
    )
    width = max((len(row) for row in rows), default=0)
    dimensions = _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
    sheet = _bof(0x0010) + dimensions + cells + _record(0x000A)

    def book_globals(sheet_offset: int) -> bytes:
        entry = struct.pack("<IBBBB", sheet_offset, 0, 0, len(name), 1) + name.encode("utf-16-le")
        return (
            _bof(0x0005)
            + _record(0x0042, struct.pack("<H", 1200))  # CODEPAGE: UTF-16
            + _xf(0)
            + _xf(14)
            + _record(0x0085, entry)  # BOUNDSHEET8
            + _record(0x000A)
        )

    return book_globals(len(book_globals(0))) + sheet


def _compound_file(stream: bytes) -> bytes:
    # Sector 0 holds the FAT, then the stream (at least 4096 bytes: no mini stream needed),
    # then the directory.
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    sectors = len(stream) // 512
    fat = [_FAT_SECTOR, *range(2, sectors + 1), _END_OF_CHAIN, _END_OF_CHAIN]
    fat += [_FREE] * (128 - len(fat))
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<9I", 0, 1, sectors + 1, 0, 0x1000, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", _FREE) * 108
    )
    directory = (
        _directory_entry("Root Entry", kind=5, child=1, start=_END_OF_CHAIN, size=0)
        + _directory_entry("Workbook", kind=2, child=_NO_STREAM, start=1, size=len(stream))
        + _directory_entry("", kind=0, child=_NO_STREAM, start=_FREE, size=0) * 2
    )
    return header + struct.pack("<128I", *fat) + stream + directory


def _directory_entry(name: str, *, kind: int, child: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0" if name else b""
    links = struct.pack("<HBBIII", len(raw), kind, 1, _NO_STREAM, _NO_STREAM, child)
    return raw.ljust(64, b"\0") + links + bytes(36) + struct.pack("<IQ", start, size)


# --- Hostile zips ----------------------------------------------------------------------------


def zeros_zip(path: Path, size: int, *, declared: int | None = None) -> Path:
    """A zip that looks like an .xlsx, with `size` zero bytes deflated into one member.

    With `declared`, both headers claim that unpacked size instead (a lying zip).
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _PROLOG + "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(size))
    if declared is not None:
        data = bytearray(path.read_bytes())
        _patch_sizes(data, b"xl/worksheets/sheet1.xml", declared)
        path.write_bytes(bytes(data))
    return path


def _patch_sizes(data: bytearray, name: bytes, size: int) -> None:
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", size)
            at = data.find(signature, at + 1)
