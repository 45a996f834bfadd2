"""The bench's import figure runs the real path on its synthetic card file."""

from __future__ import annotations

from pathlib import Path

from pharmadesk.io import import_bench


def test_the_import_figure_accounts_for_every_row(tmp_path: Path) -> None:
    timing = import_bench.measure(tmp_path, rows=300)
    assert timing.counts["data_rows"] == 300
    assert timing.counts["imported"] + timing.counts["merged"] + timing.counts["flagged"] == 300
    assert timing.counts["merged"] >= 1  # the file holds customers typed in twice
    assert not list(tmp_path.glob("import-bench.db*"))  # the scratch pharmacy is removed
