"""File > Export to Excel… driven as the owner does it: what, purpose, file, progress, result."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import AuditEvent
from pharmadesk.io import export as export_module
from pharmadesk.io import staged_files
from pharmadesk.services.context import Context
from pharmadesk.ui.export_dialog import ExportDialog
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.unit.io.export_shop import fill
from tests.unit.ui.conftest import when_modal


@pytest.fixture
def dialog(qtbot: QtBot, pharmacy: Context) -> Iterator[ExportDialog]:
    fill(pharmacy)
    runner = BackgroundRunner(on_stop=pharmacy.close)
    shown = ExportDialog(pharmacy, runner, ["心脑血管", "感冒用药"])
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    runner.stop()


def choose_file(monkeypatch: pytest.MonkeyPatch, dialog: ExportDialog, target: Path) -> None:
    monkeypatch.setattr(dialog, "ask_target", lambda: target)


def test_exports_what_was_ticked_with_a_purpose(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warning = dialog.findChild(QWidget, "exportWarning")
    assert "plain text" in warning.text()  # type: ignore[attr-defined]
    assert not dialog.start.isEnabled()  # no purpose yet
    qtbot.mouseClick(dialog.what["purchases"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.purpose, "month-end accounts")
    assert dialog.start.isEnabled()
    target = tmp_path / "export.xlsx"
    choose_file(monkeypatch, dialog, target)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10_000)
    assert target.exists()
    book = load_workbook(target)
    assert book.sheetnames == ["customers", "purchases"]
    assert book["customers"].max_row == 1 + 4
    assert book["purchases"].max_row == 1 + 8
    assert str(target) in dialog.status.text()
    assert "purchases: 8 row" in dialog.status.text()  # "rows" once the lead translates
    event = AuditEvent.select().where(AuditEvent.action == "export.written").get()
    assert "month-end accounts" in event.details


def test_once_every_row_is_in_it_says_the_file_is_being_written(dialog: ExportDialog) -> None:
    dialog.shared.latest = (8, 8)  # as the worker leaves it before the workbook is saved
    dialog._show_progress()
    assert dialog.status.text() == "Writing the file…"


def test_customer_filters_and_dates_reach_the_export(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.category.setCurrentIndex(dialog.category.findData("心脑血管"))
    qtbot.mouseClick(dialog.what["analytics"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.limit_dates, Qt.MouseButton.LeftButton)
    dialog.date_from.setDate(QDate(2026, 9, 1))
    qtbot.keyClicks(dialog.purpose, "call-back list")
    request = dialog.request()
    assert request.what == ("customers", "analytics")
    assert request.customers.category == "心脑血管"
    assert request.date_from == date(2026, 9, 1)
    choose_file(monkeypatch, dialog, tmp_path / "filtered.xlsx")
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10_000)
    assert dialog.written is not None
    assert dialog.written.rows["customers"] == 1
    assert "months" in dialog.written.rows


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(dialog.purpose, "test")
    target = tmp_path / "cancelled.xlsx"
    choose_file(monkeypatch, dialog, target)
    # The worker waits until Cancel has been clicked, so the click always comes in time.
    clicked = threading.Event()
    real_export = export_module.export

    def export_after_the_click(*args: Any, **kwargs: Any) -> Any:
        assert clicked.wait(10)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(export_module, "export", export_after_the_click)
    assert not dialog.cancel.isEnabled()
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.cancel.isEnabled()
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    clicked.set()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=10_000)
    assert "cancelled" in dialog.status.text()
    assert dialog.written is None
    assert not dialog.cancel.isEnabled()
    assert list(tmp_path.glob("cancelled*")) == []
    assert not any(p.name.startswith(staged_files.PREFIX) for p in tmp_path.iterdir())


def test_file_menu_opens_the_export_dialog(qtbot: QtBot, window: MainWindow) -> None:
    assert window.act_export.isEnabled()
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        dialog.close()

    errors = when_modal(qtbot, look)
    window.act_export.trigger()
    assert errors == []
    assert seen == ["ExportDialog"]
    QApplication.processEvents()
