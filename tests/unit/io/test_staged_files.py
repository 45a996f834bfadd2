"""Files written whole or not at all: nothing is left behind when the rename fails, and the
leftovers of a crash are swept away by the next write."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pharmadesk.errors import OperationFailed
from pharmadesk.io import staged_files
from pharmadesk.io.charts import save_figure
from pharmadesk.io.month_report import write_month_report
from tests.unit.io import dashboards


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "documents"
    made.mkdir()
    return made


def test_a_report_over_a_folder_fails_clearly_and_leaves_nothing(folder: Path) -> None:
    target = folder / "report.pdf"
    target.mkdir()  # as good as a file open in a viewer on Windows: it cannot be replaced
    with pytest.raises(OperationFailed, match=r"report\.pdf cannot be written"):
        write_month_report(dashboards.busy(), target, lang="en")
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_a_failed_rename_keeps_the_old_chart(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pharmadesk.io.charts import figure_for

    target = folder / "sales.png"
    target.write_bytes(b"last month's chart")

    def locked(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(staged_files.os, "replace", locked)
    with pytest.raises(OperationFailed, match="open in another program"):
        save_figure(figure_for("weekdays", dashboards.busy(), lang="en"), target)
    assert target.read_bytes() == b"last month's chart"
    assert [p.name for p in folder.iterdir()] == ["sales.png"]


def test_the_leftovers_of_a_crash_are_swept_by_the_next_write(folder: Path) -> None:
    stale = folder / f"{staged_files.PREFIX}crashed"
    stale.mkdir()
    (stale / "rows.xml").write_text("张三,13812345678", encoding="utf-8")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    fresh = folder / f"{staged_files.PREFIX}running"
    fresh.mkdir()  # another write under way now: left alone
    with staged_files.staged(folder / "out.xlsx") as (partial, _):
        partial.write_bytes(b"x")
        staged_files.replace(partial, folder / "out.xlsx")
    assert sorted(p.name for p in folder.iterdir()) == [fresh.name, "out.xlsx"]
