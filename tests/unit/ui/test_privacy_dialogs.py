"""The customer's own data and erasure on request, driven by the owner (the retention
review: test_retention_dialog.py; here only what both say when the WAL keeps old pages)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.services import backup_file as bf
from pharmadesk.services import customers
from pharmadesk.services.context import Context
from pharmadesk.ui.privacy_dialogs import CustomerDataDialog, EraseDialog
from pharmadesk.ui.retention_dialog import RetentionDialog
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST, FakeClock
from tests.unit.ui.conftest import focused, press, type_text, when_modal


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    made = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield made
    made.stop()


def _texts(dialog: QWidget) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def _shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _customer(pharmacy: Context, people: dict[str, int]) -> customers.CustomerRecord:
    return customers.get(pharmacy, people["张三"])


def _status(pharmacy: Context, customer_id: int) -> tuple[str, str | None]:
    return pharmacy.db.execute_sql(
        "SELECT status, mobile FROM customer WHERE id = ?", (customer_id,)
    ).fetchone()


def test_the_customers_data_is_written_where_the_owner_says(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner,
    tmp_path: Path,
) -> None:  # fmt: skip
    dialog = _shown(qtbot, CustomerDataDialog(pharmacy, runner, _customer(pharmacy, people)))
    assert isinstance(dialog, CustomerDataDialog)
    assert "张三" in _texts(dialog)
    assert dialog.path.text().endswith(".xlsx")
    assert "张三" not in dialog.path.text()  # named by member code
    target = tmp_path / "for-zhang.xlsx"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10_000)
    assert str(target) in dialog.status.text()
    book = load_workbook(target, read_only=True)
    profile = dict(row[:2] for row in book["profile"].iter_rows(values_only=True))
    book.close()
    assert profile["name"] == "张三"
    assert profile["allergies"] == "青霉素"


def test_erasing_needs_the_name_typed_and_says_what_backups_keep(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner
) -> None:
    customer = _customer(pharmacy, people)
    dialog = _shown(qtbot, EraseDialog(pharmacy, runner, customer))
    assert isinstance(dialog, EraseDialog)
    text = _texts(dialog)
    assert "张三" in text
    assert "cannot be undone" in text
    assert "7 daily, 4 weekly and 12 monthly" in text
    assert not dialog.erase_button.isEnabled()
    code = customer.code or ""
    qtbot.keyClicks(dialog.confirmation, code[:-1])  # part of the code is not enough
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.confirmation, code[-1])
    assert dialog.erase_button.isEnabled()
    dialog.confirmation.setText("张三")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.erased, timeout=10_000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _status(pharmacy, customer.id) == ("anonymised", None)


def test_erasing_a_buyer_of_a_controlled_medicine_says_the_register_keeps_their_lines(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner
) -> None:
    from pharmadesk.services import purchases, register
    from pharmadesk.services.purchases import LineInput
    from pharmadesk.services.register import BuyerInput

    customer = _customer(pharmacy, people)
    [first] = purchases.record(pharmacy, customer.id, [LineInput("新康泰克", 1, 2380)])
    register.set_controlled(pharmacy, first.product_id, True)
    purchases.record(
        pharmacy, customer.id, [LineInput("新康泰克", 1, 2380, batch_no="B1")],
        buyer=BuyerInput("张三", "11010519491231002X"),
    )  # fmt: skip
    dialog = _shown(qtbot, EraseDialog(pharmacy, runner, customer))
    assert isinstance(dialog, EraseDialog)
    assert "1 line of the real-name register (name and ID number as given at the sale) stays" in (
        _texts(dialog)
    )
    dialog.confirmation.setText("张三")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.erased, timeout=10_000)
    assert dialog.kept_by_law == 1


def test_erase_offers_to_export_the_data_first(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner,
    tmp_path: Path,
) -> None:  # fmt: skip
    dialog = _shown(qtbot, EraseDialog(pharmacy, runner, _customer(pharmacy, people)))
    assert isinstance(dialog, EraseDialog)
    target = tmp_path / "before-erasing.xlsx"

    def export(inner: QWidget) -> None:
        assert isinstance(inner, CustomerDataDialog)
        inner.path.setText(str(target))
        qtbot.mouseClick(inner.start, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: inner.written is not None, timeout=10_000)
        inner.reject()

    errors = when_modal(qtbot, export)
    qtbot.mouseClick(dialog.export_first, Qt.MouseButton.LeftButton)
    assert errors == []
    assert target.exists()
    assert _status(pharmacy, people["张三"]) == ("active", "13812345678")


def test_when_the_journal_cannot_be_cleared_at_once_the_dialog_says_so(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner,
    db_path: Path,
) -> None:  # fmt: skip
    # The worker's checkpoint gives up at once on a reader it cannot stop (a test's own).
    runner.submit(lambda: pharmacy.db.execute_sql("PRAGMA busy_timeout = 50"), lambda _: None)
    runner.wait_idle()
    reader = bf.connect(db_path, pharmacy.db._raw_key)  # type: ignore[attr-defined]
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    try:
        customer = _customer(pharmacy, people)
        dialog = _shown(qtbot, EraseDialog(pharmacy, runner, customer))
        assert isinstance(dialog, EraseDialog)
        dialog.confirmation.setText("张三")
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.erased, timeout=10_000)
    finally:
        reader.close()
    assert dialog.isVisible()  # stays open to say it
    text = dialog.status.text()
    assert "erased" in text
    assert "encrypted journal" in text
    assert "when PharmaDesk closes" in text
    assert not dialog.erase_button.isEnabled()
    assert dialog.cancel.text() == "Close"
    assert _status(pharmacy, customer.id) == ("anonymised", None)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Accepted  # the window sees them gone


def test_the_retention_review_says_so_too_when_the_journal_keeps_the_old_data(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, db_path: Path, clock: FakeClock
) -> None:
    today = clock.current
    clock.current = datetime(2020, 3, 1, 9, tzinfo=CST)
    made = customers.create(pharmacy, {"name": "周久", "mobile": "13500000001"}).customer
    assert made is not None
    clock.current = today
    runner.submit(lambda: pharmacy.db.execute_sql("PRAGMA busy_timeout = 50"), lambda _: None)
    runner.wait_idle()
    dialog = RetentionDialog(pharmacy, runner)
    _shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == 1, timeout=10_000)
    reader = bf.connect(db_path, pharmacy.db._raw_key)  # type: ignore[attr-defined]
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    try:
        dialog.start_anonymising([made.id])
        qtbot.waitUntil(lambda: dialog.anonymised == [made.id], timeout=10_000)
    finally:
        reader.close()
    qtbot.waitUntil(lambda: "inactive since" in dialog.status.text(), timeout=10_000)
    text = dialog.status.text()
    assert "anonymised" in text
    assert "encrypted journal" in text


def test_the_introduction_stays_whole_when_an_error_appears_below_it(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner,
    tmp_path: Path,
) -> None:  # fmt: skip
    dialog = _shown(qtbot, CustomerDataDialog(pharmacy, runner, _customer(pharmacy, people)))
    assert isinstance(dialog, CustomerDataDialog)
    [intro] = [label for label in dialog.findChildren(QLabel) if "Excel workbook" in label.text()]
    width = dialog.width()
    folder = tmp_path / "a folder on the USB drive that was named like a workbook.xlsx"
    folder.mkdir()
    dialog.path.setText(str(folder))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No file was written" in dialog.status.text(), timeout=10_000)
    for _ in range(5):
        QApplication.processEvents()
    for label in (intro, dialog.status):
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, f"{label.text()!r}: {label.height()} < {needed}"
    assert dialog.status.height() > dialog.status.fontMetrics().height() * 2  # several lines
    assert dialog.width() >= width  # grown, not narrowed


def _erase_dialog(
    qtbot: QtBot, pharmacy: Context, customer: customers.CustomerRecord, runner: BackgroundRunner
) -> EraseDialog:
    dialog = EraseDialog(pharmacy, runner, customer)
    _shown(qtbot, dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.confirmation)
    return dialog


def test_enter_after_the_typed_name_goes_to_erase_and_a_second_key_erases(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner
) -> None:
    customer = _customer(pharmacy, people)
    dialog = _erase_dialog(qtbot, pharmacy, customer, runner)
    qtbot.keyClicks(dialog.confirmation, (customer.code or "")[:-1])
    press(qtbot, Qt.Key.Key_Return)  # not the whole code yet: it says so and waits
    assert dialog.isVisible()
    assert focused() is dialog.confirmation
    assert "exactly" in dialog.status.text()
    qtbot.keyClicks(dialog.confirmation, (customer.code or "")[-1])
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()  # neither cancelled
    assert _status(pharmacy, customer.id) == ("active", "13812345678")  # nor erased
    assert focused() is dialog.erase_button
    assert dialog.status.text() == ""
    press(qtbot, Qt.Key.Key_Return)  # the second, deliberate key
    qtbot.waitUntil(lambda: dialog.erased, timeout=10_000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _status(pharmacy, customer.id) == ("anonymised", None)


def test_space_on_erase_erases_and_escape_still_cancels(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner
) -> None:
    customer = _customer(pharmacy, people)
    dialog = _erase_dialog(qtbot, pharmacy, customer, runner)
    type_text(qtbot, "张三")
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert _status(pharmacy, customer.id) == ("active", "13812345678")
    dialog = _erase_dialog(qtbot, pharmacy, customer, runner)
    dialog.confirmation.setText("张三")
    press(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert focused() is dialog.erase_button
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.erased, timeout=10_000)
    assert _status(pharmacy, customer.id) == ("anonymised", None)


def test_an_unexpected_error_says_what_to_do_and_nothing_is_erased(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    from pharmadesk.services import erasure

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("customer_id")

    monkeypatch.setattr(erasure, "erase", broken)
    customer = _customer(pharmacy, people)
    dialog = _shown(qtbot, EraseDialog(pharmacy, runner, customer))
    assert isinstance(dialog, EraseDialog)
    dialog.confirmation.setText("张三")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Unexpected" in dialog.status.text(), timeout=10_000)
    assert dialog.status.text() == (
        "Unexpected error (KeyError); please try again, and tell the owner if it happens again."
    )
    assert "log" not in dialog.status.text()  # there is no log file to look at
    assert dialog.erase_button.isEnabled()  # it can be tried again
    assert "KeyError" in caplog.text  # the traceback is logged for whoever looks into it
    assert _status(pharmacy, customer.id) == ("active", "13812345678")


def test_erasing_a_customer_imported_from_a_scanned_card_says_its_page_goes_too(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], runner: BackgroundRunner
) -> None:
    import hashlib

    from pharmadesk.io import customer_import, import_batches
    from pharmadesk.io.card_pages import PageRef
    from pharmadesk.io.files import RawRow, RawTable
    from pharmadesk.services import card_pages

    lines = [RawRow(1, ("姓名", "手机")), RawRow(2, ("张三", "13812345678"))]
    digest = hashlib.sha256(b"scan").hexdigest()
    plan = customer_import.plan(pharmacy, RawTable(Path("scan.pdf"), "cards", lines, digest))
    plan.kind, plan.pages = "cards", {2: PageRef("scan.pdf", 1, digest)}
    import_batches.commit(pharmacy, plan)  # merged into 张三 (same mobile)
    customer = _customer(pharmacy, people)
    dialog = _shown(qtbot, EraseDialog(pharmacy, runner, customer))
    assert isinstance(dialog, EraseDialog)
    text = _texts(dialog)  # "page(s)" until the English plural forms are merged
    assert "the 1 scanned card page" in text
    assert "they were imported from is removed too" in text
    dialog.confirmation.setText("张三")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.erased, timeout=10_000)
    assert card_pages.of_customer(pharmacy, customer.id) == []
