"""Streaming .xlsx sheets: a styled, frozen header, fitted widths and typed cells.

xlsxwriter in constant-memory mode writes each row out as soon as the next one starts, so
a sheet of any length costs the memory of one row. Column widths must therefore be known
before the first row: they are fitted to the header and a sample of the first rows.

Cells are written with the typed methods only. Text always goes through `write_string`, so
"=HYPERLINK(...)", "+1" or "@x" stay text and no formula ever runs when the file is opened;
the workbook is also made with strings_to_formulas/strings_to_urls off for any `write()`.
Dates arrive as Excel serial numbers (days since 1899-12-30, computed in SQL) and are
written as numbers with a date format, which is what an Excel date is.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

KINDS = ("text", "int", "number", "money", "date", "datetime", "month", "bool", "percent")
SAMPLE_ROWS = 500
EXCEL_ROWS = 1_048_576
MIN_WIDTH, MAX_WIDTH = 6, 60
NUMBER_FORMATS = {
    "money": '"¥"#,##0.00',
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "month": "yyyy-mm",
    "percent": "0.0%",
}
# Widths of what a format shows, whatever the value (a date is always 10 characters).
FIXED_WIDTHS = {"date": 11, "datetime": 17, "month": 8, "bool": 7, "percent": 8}
WORKBOOK_OPTIONS: dict[str, Any] = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}

Row = Sequence[object]
Cell = tuple[str | int | float | None, str]  # a value and its kind


@dataclass(frozen=True)
class Column:
    """A column: its header (already in the UI language) and the kind of its cells."""

    header: str
    kind: str = "text"


def display_width(text: str) -> int:
    """Columns a spreadsheet gives `text`: CJK characters take about two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _value_width(kind: str, value: object) -> int:
    if kind in FIXED_WIDTHS:
        return FIXED_WIDTHS[kind]
    if kind == "money" and isinstance(value, int | float):
        return len(f"¥{value:,.2f}") + 1
    return display_width(str(value))


def fitted_widths(columns: Sequence[Column], sample: Sequence[Row]) -> list[int]:
    """A width per column from its header and the sample rows, within sane bounds."""
    widths = [display_width(c.header) + 3 for c in columns]  # room for the filter button
    for row in sample:
        for i, value in enumerate(row):
            if value is not None:
                widths[i] = max(widths[i], _value_width(columns[i].kind, value) + 1)
    return [min(MAX_WIDTH, max(MIN_WIDTH, w)) for w in widths]


class StreamingBook:
    """One .xlsx file written sheet by sheet, each sheet streamed row by row."""

    def __init__(self, path: Path, *, tmpdir: Path) -> None:
        # tmpdir: xlsxwriter's own temporary files (row data, parts) hold the same personal
        # data as the export, so they stay beside it and go with it, not in the system's temp.
        self.book = xlsxwriter.Workbook(str(path), {**WORKBOOK_OPTIONS, "tmpdir": str(tmpdir)})
        self.header_format = self.book.add_format(
            {"bold": True, "bg_color": "#DCE6F1", "bottom": 1, "valign": "vcenter"}
        )
        self.max_rows = EXCEL_ROWS - 1  # data rows a sheet holds below its header
        self.formats: dict[str, Format | None] = {kind: None for kind in KINDS}
        for kind, pattern in NUMBER_FORMATS.items():
            self.formats[kind] = self.book.add_format({"num_format": pattern})

    def sheet(self, name: str, columns: Sequence[Column], rows: Iterable[Row]) -> int:
        """Add a sheet and stream `rows` into it; returns how many data rows were written.

        Past Excel's 1,048,576 rows the lines go on in "name (2)", "name (3)" … with the
        same header, rather than being dropped (two million purchase lines do not fit one).
        """
        source = iter(rows)
        sample = list(islice(source, SAMPLE_ROWS))
        widths = fitted_widths(columns, sample)
        stream: Iterator[Row] = chain(sample, source)
        total, part = 0, 1
        while True:
            title = name[:31] if part == 1 else f"{name[:25]} ({part})"
            sheet = self._start(title, columns, widths)
            written = self._rows(sheet, columns, islice(stream, self.max_rows))
            sheet.autofilter(0, 0, written, len(columns) - 1)
            total += written
            following = next(stream, None) if written == self.max_rows else None
            if following is None:
                return total
            stream, part = chain([following], stream), part + 1

    def _start(self, title: str, columns: Sequence[Column], widths: Sequence[int]) -> Worksheet:
        sheet = self.book.add_worksheet(title)
        for i, width in enumerate(widths):
            sheet.set_column(i, i, width)
        sheet.freeze_panes(1, 0)
        for i, column in enumerate(columns):
            sheet.write_string(0, i, column.header, self.header_format)
        return sheet

    def _writers(self, sheet: Worksheet, columns: Sequence[Column]) -> list[tuple[Any, Any]]:
        by_kind = {"text": sheet.write_string, "bool": sheet.write_boolean}
        return [(by_kind.get(c.kind, sheet.write_number), self.formats[c.kind]) for c in columns]

    def _rows(self, sheet: Worksheet, columns: Sequence[Column], rows: Iterator[Row]) -> int:
        writers = self._writers(sheet, columns)
        number = 0
        for number, row in enumerate(rows, start=1):
            for i, value in enumerate(row):
                # None and "" are empty cells: nothing to write in a streamed sheet.
                if value is not None and value != "":
                    write, cell_format = writers[i]
                    write(number, i, value, cell_format)
        return number

    def table(self, name: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> int:
        """A small sheet whose cells each carry their kind (a KPI table mixes ¥ and %)."""
        sheet = self.book.add_worksheet(name[:31])
        widths = [display_width(h) + 3 for h in headers]
        for row in rows:
            for i, (value, kind) in enumerate(row):
                if value is not None:
                    widths[i] = max(widths[i], _value_width(kind, value) + 1)
        for i, width in enumerate(widths):
            sheet.set_column(i, i, min(MAX_WIDTH, max(MIN_WIDTH, width)))
        sheet.freeze_panes(1, 0)
        for i, text in enumerate(headers):
            sheet.write_string(0, i, text, self.header_format)
        for number, row in enumerate(rows, start=1):
            for i, (value, kind) in enumerate(row):
                if isinstance(value, str):
                    sheet.write_string(number, i, value)
                elif value is not None:
                    sheet.write_number(number, i, value, self.formats[kind])
        sheet.autofilter(0, 0, len(rows), len(headers) - 1)
        return len(rows)

    def close(self) -> None:
        self.book.close()

    def abandon(self) -> None:
        """Close the row files of an unfinished book so its folder can be removed."""
        for sheet in self.book.worksheets():
            handle = getattr(sheet, "row_data_fh", None)
            if handle is not None and not handle.closed:
                handle.close()
