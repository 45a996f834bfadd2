"""How fast this machine is against the one the issues' budgets were measured on.

Issue #4 gives a figure of its machine that can be repeated exactly: python-calamine reads
200,000 rows x 12 columns of an .xlsx in about 2 s. The same read, run here just before the
budgets, says whether a figure over budget comes from the code or from a slower (or busier)
machine: a shared 2-core virtual machine has been seen to run the same work 2.5 times
slower than another, and to vary by a third from one minute to the next.

(The issue's other figure, 70,000 encrypted inserts a second, names no table or row, so it
cannot be repeated as such; it is left out.)
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from python_calamine import CalamineWorkbook

REFERENCE_READ_S = 2.0
ROWS, COLUMNS = 200_000, 12


@dataclass(frozen=True)
class MachineSpeed:
    read_s: float
    rows: int = ROWS

    @property
    def slowdown(self) -> float:
        """How many times longer than on the issue's machine work takes here."""
        return self.read_s / (REFERENCE_READ_S * self.rows / ROWS)

    def scaled(self, seconds: float) -> float:
        """A figure measured here, as it would be on the issue's machine."""
        return seconds / self.slowdown

    def line(self) -> str:
        return (
            f"this machine: python-calamine reads {self.rows:,} x {COLUMNS} cells in "
            f"{self.read_s:.1f} s (issue #4's machine: {REFERENCE_READ_S:.1f} s for "
            f"{ROWS:,}), so work takes {self.slowdown:.2f}x as long here"
        )


def rows(count: int = ROWS, *, seed: int = 3) -> list[tuple[object, ...]]:
    """Card-like rows: text and numbers as a typed card file holds them."""
    rng = random.Random(seed)
    return [
        (f"客户{n}", f"13{rng.randrange(10**9):09d}", rng.choice("男女"), rng.randrange(20, 90),
         f"19{rng.randrange(40, 99)}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}",
         f"杭州市西湖区文三路{rng.randrange(400)}号", "310012", f"K{n:06d}",
         rng.randrange(600), rng.random() * 100, "青霉素" if n % 20 == 0 else "", "备注")
        for n in range(count)
    ]  # fmt: skip


def reference_file(folder: Path, count: int = ROWS) -> Path:
    """The .xlsx that is read (written once, then reused)."""
    path = folder / f"machine-reference-{count}.xlsx"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        sheet = book.add_worksheet()
        for number, row in enumerate(rows(count)):
            sheet.write_row(number, 0, row)
        book.close()
    return path


def measure(folder: Path, count: int = ROWS) -> MachineSpeed:
    """The best of three reads, so one pause of a shared machine does not count."""
    source = reference_file(folder, count)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        cells = CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()
        best = min(best, time.perf_counter() - started)
        if len(cells) != count:
            raise RuntimeError(f"the reference file holds {len(cells)} rows, not {count}")
    return MachineSpeed(best, count)
