"""The bench's machine reference reads a real file and scales figures by what it measured."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from pharmadesk.io import machine_reference
from pharmadesk.io.machine_reference import MachineSpeed


def test_the_reference_file_holds_the_rows_it_reads(tmp_path: Path) -> None:
    speed = machine_reference.measure(tmp_path, count=500)
    path = machine_reference.reference_file(tmp_path, count=500)
    cells = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(cells) == 500
    assert len(cells[0]) == machine_reference.COLUMNS
    assert cells[7][0] == "客户7"
    assert speed.read_s > 0
    assert speed.rows == 500


def test_a_machine_twice_as_slow_halves_its_figures() -> None:
    speed = MachineSpeed(read_s=4.0)
    assert speed.slowdown == 2.0
    assert speed.scaled(20.0) == 10.0
    assert "2.00x" in speed.line()


def test_a_smaller_file_is_compared_with_its_share_of_the_reference() -> None:
    assert MachineSpeed(read_s=1.0, rows=100_000).slowdown == 1.0
