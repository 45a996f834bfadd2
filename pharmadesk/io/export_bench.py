"""The export's speed figure for `pharmadesk bench`: every customer with every field, against
plain xlsxwriter in constant-memory mode writing the same cells (the budget: at most 1.3x).

The comparison writes exactly the cells the export wrote (the same values, formats, widths,
frozen header and filter) with xlsxwriter's typed calls, and its clock stops while the next
rows are read, so it measures the writer alone; the export's time includes reading the
encrypted database, the summaries and the atomic rename.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import xlsxwriter

from pharmadesk.io import export_customers
from pharmadesk.io.export import ExportRequest, export
from pharmadesk.io.export_customers import CustomerFilter
from pharmadesk.io.xlsx_stream import NUMBER_FORMATS, Column, fitted_widths
from pharmadesk.services.context import Context

TARGET_RATIO = 1.3
CHUNK = 5000


@dataclass(frozen=True)
class ExportTiming:
    rows: int
    columns: int
    export_s: float
    xlsxwriter_s: float
    export_peak_mb: float | None  # growth of the process's peak memory during the export

    @property
    def ratio(self) -> float:
        return self.export_s / self.xlsxwriter_s if self.xlsxwriter_s else float("nan")


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


EXPORT_FILE, PLAIN_FILE = "bench-export.xlsx", "bench-xlsxwriter.xlsx"


def measure(ctx: Context, folder: Path, *, keep: bool = False) -> ExportTiming:
    """Export every customer to `folder`, then write the same cells with plain xlsxwriter.
    The two files are removed afterwards unless `keep`."""
    folder.mkdir(parents=True, exist_ok=True)
    request = ExportRequest(what=("customers",), purpose="benchmark", language="zh_CN")
    before = _peak_mb()
    started = time.perf_counter()
    result = export(ctx, folder / EXPORT_FILE, request)
    export_s = time.perf_counter() - started
    grown = _peak_mb() - before
    sheet = export_customers.sheet_for(ctx, request.language)
    plain_s = _plain_xlsxwriter(ctx, folder / PLAIN_FILE, sheet)
    if not keep:
        for name in (EXPORT_FILE, PLAIN_FILE):
            (folder / name).unlink(missing_ok=True)
    return ExportTiming(
        rows=result.rows["customers"],
        columns=len(sheet.columns),
        export_s=export_s,
        xlsxwriter_s=plain_s,
        export_peak_mb=grown if grown > 0 else None,
    )


def _plain_xlsxwriter(ctx: Context, path: Path, sheet: export_customers.CustomerSheet) -> float:
    """Seconds xlsxwriter alone takes to write the sheet's cells (reading not counted)."""
    source: Iterator[tuple[Any, ...]] = export_customers.rows(ctx, sheet, CustomerFilter())
    first = list(islice(source, CHUNK))
    started = time.perf_counter()
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    worksheet, writers = _prepared(book, sheet.columns, first)
    elapsed = time.perf_counter() - started
    number, chunk = 0, first
    while chunk:
        started = time.perf_counter()
        for row in chunk:
            number += 1
            for i, value in enumerate(row):
                if value is not None and value != "":
                    write, cell_format = writers[i]
                    write(number, i, value, cell_format)
        elapsed += time.perf_counter() - started
        chunk = list(islice(source, CHUNK))  # reading: off the clock
    started = time.perf_counter()
    worksheet.autofilter(0, 0, number, len(sheet.columns) - 1)
    book.close()
    return elapsed + time.perf_counter() - started


def _prepared(
    book: xlsxwriter.Workbook, columns: Sequence[Column], sample: Sequence[Sequence[object]]
) -> tuple[Any, list[tuple[Any, Any]]]:
    worksheet = book.add_worksheet("customers")
    formats = {kind: book.add_format({"num_format": p}) for kind, p in NUMBER_FORMATS.items()}
    header = book.add_format({"bold": True, "bg_color": "#DCE6F1", "bottom": 1})
    for i, width in enumerate(fitted_widths(columns, sample[:500])):
        worksheet.set_column(i, i, width)
    worksheet.freeze_panes(1, 0)
    for i, column in enumerate(columns):
        worksheet.write_string(0, i, column.header, header)
    typed = {"text": worksheet.write_string, "bool": worksheet.write_boolean}
    writers = [(typed.get(c.kind, worksheet.write_number), formats.get(c.kind)) for c in columns]
    return worksheet, writers


def format_line(timing: ExportTiming) -> str:
    verdict = "yes" if timing.ratio <= TARGET_RATIO else "NO"
    memory = f", peak +{timing.export_peak_mb:.0f} MB" if timing.export_peak_mb else ""
    return (
        f"export {timing.rows:,} customers x {timing.columns} columns to xlsx: "
        f"{timing.export_s:.1f} s{memory}; plain xlsxwriter (constant memory, same cells) "
        f"{timing.xlsxwriter_s:.1f} s; ratio {timing.ratio:.2f}, target <= {TARGET_RATIO}  "
        f"{verdict}"
    )
