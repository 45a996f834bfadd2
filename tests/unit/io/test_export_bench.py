"""The export benchmark compares like with like: the plain xlsxwriter file holds the same
cells as the export (values and number formats), and both are timed."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from pharmadesk.io import export_bench
from pharmadesk.services.context import Context
from tests.unit.io.export_shop import fill


def cells(path: Path) -> list[list[tuple[object, str]]]:
    sheet = load_workbook(path).worksheets[0]
    return [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]


def test_the_plain_writer_writes_the_same_cells(pharmacy: Context, tmp_path: Path) -> None:
    fill(pharmacy)
    timing = export_bench.measure(pharmacy, tmp_path, keep=True)
    assert (timing.rows, timing.columns) == (4, 35)  # 31 fields and 4 custom fields
    assert timing.export_s > 0
    assert timing.xlsxwriter_s > 0
    exported = cells(tmp_path / export_bench.EXPORT_FILE)
    assert exported == cells(tmp_path / export_bench.PLAIN_FILE)
    assert len(exported) == 5
    assert "ratio" in export_bench.format_line(timing)


def test_the_files_are_removed_unless_kept(pharmacy: Context, tmp_path: Path) -> None:
    export_bench.measure(pharmacy, tmp_path)
    assert list(tmp_path.glob("*.xlsx")) == []
