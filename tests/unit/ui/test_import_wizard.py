"""The import wizard and the import history, driven as a pharmacist does (keyboard first);
every test checks what the database holds afterwards."""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.io import customer_import, files, import_batches
from pharmadesk.services import custom_fields, customers, settings
from pharmadesk.services.context import Account, Context
from pharmadesk.ui import i18n
from pharmadesk.ui.import_columns_page import fitted
from pharmadesk.ui.import_history import ImportHistoryDialog
from pharmadesk.ui.import_wizard import ImportWizard
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import FakeClock
from tests.unit.ui.conftest import commit_import, focused, press, when_modal

CARD_ROWS: list[list[object]] = [
    ["张三", "138-1234-5678", "1965年3月7日"],
    [],
    ["李四", "010-62345678", "1970/1/2"],
    ["张 三", "１３８１２３４５６７８", "1965-03-07"],
    ["王伟", "13900001111"],
    ["王伟", "13900002222"],
    [None, "13700000000"],
    ["合计"],
]


def card_file(
    folder: Path, name: str = "cards.xlsx", *, rows: list[list[object]] = CARD_ROWS
) -> Path:
    """A typed-up card file: a merged title, a blank row, the headings, then the cards."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2019年会员登记表"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["姓名", "联系电话", "生日"])
    for row in rows:
        sheet.append(row)
    path = folder / name
    book.save(path)
    return path


def names(ctx: Context) -> list[str]:
    return [record.name for record in customers.list_customers(ctx)]


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    background = BackgroundRunner(on_stop=pharmacy.close)
    yield background
    background.stop()


@pytest.fixture
def open_wizard(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner
) -> Iterator[Callable[..., ImportWizard]]:
    """Opens the wizard on a file, shown and active, as the main window would."""
    opened: list[ImportWizard] = []

    def start(path: Path, ctx: Context = pharmacy) -> ImportWizard:
        wizard = ImportWizard(ctx, runner, start_path=path)
        opened.append(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.waitUntil(lambda: wizard.isActiveWindow())
        return wizard

    yield start
    runner.wait_idle()
    for wizard in opened:
        wizard.done(0)
    delete_now(opened)


def delete_now(widgets: list[ImportWizard] | list[QWidget]) -> None:
    """Delete the widgets here, in the GUI thread. A failed test's traceback keeps them in
    reference cycles, and a garbage collection in the worker thread would delete them there."""
    for widget in widgets:
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets.clear()


@pytest.fixture
def open_history(pharmacy: Context) -> Iterator[Callable[..., ImportHistoryDialog]]:
    """Opens the import history (with or without a runner)."""
    opened: list[QWidget] = []

    def start(runner: BackgroundRunner | None = None) -> ImportHistoryDialog:
        dialog = ImportHistoryDialog(pharmacy, runner=runner)
        opened.append(dialog)
        return dialog

    yield start
    for dialog in opened:
        dialog.close()
    delete_now(opened)


def button(wizard: QWizard, which: QWizard.WizardButton) -> QWidget:
    found = wizard.button(which)
    assert found is not None
    return found


def ready(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    """Wait for the page's background work: the button is enabled when it is done."""
    qtbot.waitUntil(lambda: button(wizard, which).isEnabled(), timeout=10_000)


NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.columns
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.preview
    ready(qtbot, wizard, COMMIT)


def keys_to(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` then Enter into `widget` (as an input method does for Chinese). Sent to the
    widget itself: a dialog just shown may not have the keyboard focus yet."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_in(qtbot: QtBot, text: str) -> Callable[[QWidget], None]:
    """A handler for `when_modal` that types `text` into an input dialog and presses Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        line = dialog.findChild(QLineEdit)
        assert line is not None
        keys_to(qtbot, line, text)

    return answer


def mapped(wizard: ImportWizard) -> dict[str, str]:
    table = wizard.columns.columns
    return {
        table.item(row, 0).text(): wizard.columns.combo(row).currentData()
        for row in range(table.rowCount())
    }


def test_a_card_file_is_imported_then_undone(
    qtbot: QtBot,
    tmp_path: Path,
    pharmacy: Context,
    open_wizard: Callable[..., ImportWizard],
    open_history: Callable[..., ImportHistoryDialog],
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    ready(qtbot, wizard, NEXT)
    assert wizard.file_page.status.text() == "11 rows read."
    assert not wizard.file_page.sheet.isVisible()  # one sheet: nothing to choose

    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.columns
    assert wizard.columns.header_row.value() == 3
    assert mapped(wizard) == {"姓名": "name", "联系电话": "mobile", "生日": "birth_date"}
    samples = [wizard.columns.columns.item(0, column).text() for column in (1, 2, 3)]
    assert samples == ["张三 (row 4)", "李四 (row 6)", "张 三 (row 7)"]  # row 5 is empty

    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.preview
    ready(qtbot, wizard, COMMIT)
    counts = {outcome: label.text() for outcome, label in wizard.preview.counts.items()}
    assert counts == {"imported": "3", "merged": "1", "flagged": "1", "skipped": "2",
                      "rejected": "1"}  # fmt: skip
    count = wizard.preview.counts["imported"]
    form = count.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    caption = form.labelForField(count)
    assert isinstance(caption, QLabel)
    assert caption.text() == "To be imported:"  # nothing is written before the last page
    assert not wizard.preview.previous.isVisible()
    model = wizard.preview.model
    shown = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    # Row 9 (王伟 again, another mobile) is imported but listed: the same name is a proposal.
    assert shown == [(5, "Skipped"), (6, "Flagged"), (7, "Merged"), (9, "Imported"),
                     (10, "Rejected"), (11, "Skipped")]  # fmt: skip
    # The proposal is counted and listed on its own, as names a person should check.
    assert wizard.preview.proposals.text() == "1"
    combo = wizard.preview.outcome
    combo.setCurrentIndex(combo.count() - 1)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [9]
    reason = model.index(0, 2)
    assert reason.data(Qt.ItemDataRole.ToolTipRole) == reason.data()
    combo.setCurrentIndex(0)
    assert names(pharmacy) == []  # nothing is written before the last page

    commit_import(qtbot, wizard)
    assert wizard.currentPage() is wizard.commit
    ready(qtbot, wizard, FINISH)
    assert wizard.commit.outcome == "committed"
    assert wizard.commit.progress.value() == wizard.commit.progress.maximum()
    result = wizard.commit.status.text()
    assert f"batch {wizard.commit.batch_id}" in result
    assert "Imported: 3 · Merged: 1 · Flagged: 1 · Skipped: 2 · Rejected: 1" in result
    assert sorted(names(pharmacy)) == sorted(["张三", "李四", "王伟", "王伟"])
    asked: list[str] = []
    errors = when_modal(qtbot, _answer(qtbot, "Close &without report", asked))
    press(qtbot, Qt.Key.Key_Return)  # Finish: the report of rows 6 and 10 was not saved
    assert errors == []
    assert asked[0].startswith("2 rows of this file were rejected or imported with a warning.")
    assert not wizard.isVisible()
    assert wizard.imported_batch == wizard.commit.batch_id  # for the main window

    history = open_history()
    row = [history.model.index(0, c).data() for c in range(history.model.columnCount())]
    assert row[1:] == ["cards.xlsx", "2026-11-20 10:00", "owner", "Imported", 3, 1, 1, 2, 1]
    errors = when_modal(qtbot, lambda box: box.defaultButton().click())  # type: ignore[attr-defined]
    history.undo_button.click()
    assert errors == []
    assert names(pharmacy) == []
    assert history.model.index(0, 4).data() == "Undone"
    assert not history.undo_button.isEnabled()
    assert history.message.text() == ("Batch 1 undone. 4 customers removed.")
    assert history.undone == [1]  # for the main window


def test_an_unreadable_file_says_why_and_next_stays_disabled(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    garbage = tmp_path / "cards.xlsx"
    garbage.write_bytes(bytes(range(256)) * 8)
    wizard = open_wizard(garbage)
    message = wizard.file_page.status
    qtbot.waitUntil(lambda: "not a spreadsheet" in message.text())
    assert message.text().startswith('"cards.xlsx" is not a spreadsheet')
    assert not button(wizard, NEXT).isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.file_page


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.remove(qapp, translators)
    i18n.install(qapp, "en")  # the session's English translator stays the later one


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        (bytes(range(256)) * 8, "“cards.xlsx”不是电子表格，而是用了电子表格扩展名的其他类型的文件"),
        (None, "“cards.xlsx”无法打开（文件不存在）。"),
        (b"", "“cards.xlsx”是空文件（0 字节）。"),
    ],
)
def test_a_bad_file_says_why_in_chinese(
    qtbot: QtBot,
    tmp_path: Path,
    chinese: None,
    open_wizard: Callable[..., ImportWizard],
    content: bytes | None,
    shown: str,
) -> None:
    path = tmp_path / "cards.xlsx"
    if content is not None:
        path.write_bytes(content)
    wizard = open_wizard(path)
    qtbot.waitUntil(lambda: wizard.file_page.status.text().startswith(shown))
    assert not button(wizard, NEXT).isEnabled()


def test_the_preview_gives_each_reason_in_chinese(
    qtbot: QtBot, tmp_path: Path, chinese: None, open_wizard: Callable[..., ImportWizard]
) -> None:
    rows = [*CARD_ROWS, ["赵六", "13912345678", "1990-02-30"], ["钱七", "call me"]]
    wizard = open_wizard(card_file(tmp_path, rows=rows))
    to_preview(qtbot, wizard)
    model = wizard.preview.model
    reasons = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert reasons[6] == "不是手机号（已存为其他电话）"
    assert reasons[12] == "出生日期：日期不存在：1990-02-30（已存入备注）"
    assert reasons[13] == "不是电话号码：call me（已存入备注）"


def test_undo_trouble_is_shown_in_chinese(
    qtbot: QtBot, pharmacy: Context, chinese: None, open_history: Callable[..., ImportHistoryDialog]
) -> None:
    table = files.read_table(card_file(pharmacy.path.parent))
    batch_id = import_batches.commit(pharmacy, customer_import.plan(pharmacy, table))
    history = open_history()
    import_batches.undo(pharmacy, batch_id)  # meanwhile, on another computer or window
    errors = when_modal(qtbot, lambda box: box.defaultButton().click())  # type: ignore[attr-defined]
    history.undo_button.click()
    assert errors == []
    assert history.message.text() == f"批次 {batch_id} 已经撤销过了。"


def test_a_good_file_typed_in_after_a_bad_one_is_read(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(tmp_path / "missing.csv")
    qtbot.waitUntil(lambda: "cannot be opened" in wizard.file_page.status.text())
    good = card_file(tmp_path)
    wizard.file_page.path.setFocus()
    wizard.file_page.path.selectAll()
    qtbot.keyClicks(focused(), str(good))
    press(qtbot, Qt.Key.Key_Return)
    ready(qtbot, wizard, NEXT)
    assert wizard.table is not None
    assert wizard.table.source == good


def test_next_waits_for_a_column_of_names(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    combo = wizard.columns.combo(0)
    combo.setFocus()
    press(qtbot, Qt.Key.Key_Home)  # "Ignore", the first item
    assert combo.currentData() == "ignore"
    assert not button(wizard, NEXT).isEnabled()
    assert "names" in wizard.columns.status.text()
    press(qtbot, Qt.Key.Key_Down)  # "Notes"
    press(qtbot, Qt.Key.Key_Down)  # "Name"
    assert combo.currentData() == "name"
    assert button(wizard, NEXT).isEnabled()


def test_a_heading_row_chosen_by_hand_maps_again(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    wizard.columns.header_row.setValue(4)  # the first card read as headings
    assert mapped(wizard)["138-1234-5678"] == "mobile"  # by content: a column of mobiles
    assert not button(wizard, NEXT).isEnabled()
    wizard.columns.header_row.setValue(3)
    assert mapped(wizard)["姓名"] == "name"


def test_a_saved_template_maps_the_next_file(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    page = wizard.columns
    page.combo(2).setFocus()
    press(qtbot, Qt.Key.Key_Home)  # Ignore
    press(qtbot, Qt.Key.Key_Down)  # Notes

    errors = when_modal(qtbot, type_in(qtbot, "卡片"))
    page.save_template.click()
    assert errors == []
    saved = settings.get(pharmacy, "import.templates")
    assert saved == {"卡片": {"姓名": "name", "联系电话": "mobile", "生日": "notes"}}

    page.header_row.setValue(1)  # throws the mapping away
    page.header_row.setValue(3)
    assert mapped(wizard)["生日"] == "birth_date"
    page.template.setFocus()
    assert page.template.currentText() == "卡片"  # the template just saved
    press(qtbot, Qt.Key.Key_Home)  # "(none)": nothing changes
    assert mapped(wizard)["生日"] == "birth_date"
    press(qtbot, Qt.Key.Key_Down)  # the template again: applied
    assert mapped(wizard) == {"姓名": "name", "联系电话": "mobile", "生日": "notes"}


def test_a_new_custom_field_from_a_column(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    combo = wizard.columns.combo(2)

    errors = when_modal(qtbot, type_in(qtbot, "生日卡"))
    combo.setFocus()
    press(qtbot, Qt.Key.Key_End)  # "New custom field…"
    assert errors == []
    [field] = custom_fields.list_fields(pharmacy)
    assert field.label == "生日卡"
    assert wizard.columns.combo(2).currentData() == f"custom:{field.key}"
    assert wizard.columns.combo(0).findData(f"custom:{field.key}") >= 0  # offered everywhere
    assert focused() is wizard.columns.combo(2)


def test_only_the_owner_may_add_a_custom_field(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "clerk", "staff"))
    wizard = open_wizard(card_file(tmp_path), staff)
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    combo = wizard.columns.combo(2)
    errors = when_modal(qtbot, type_in(qtbot, "卡号"))
    combo.setFocus()
    press(qtbot, Qt.Key.Key_End)
    assert errors == []
    assert wizard.columns.status.text() == (
        "the staff role may not manage accounts, custom fields or settings"
    )
    assert wizard.columns.combo(2).currentData() == "birth_date"
    assert custom_fields.list_fields(pharmacy) == []


def test_the_duplicate_policy_plans_again(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    customers.create(pharmacy, {"name": "王伟", "mobile": "13900001111"})
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    counts = wizard.preview.counts
    assert (counts["merged"].text(), counts["skipped"].text()) == ("2", "2")
    wizard.preview.findChild(QWidget, "policy_skip").click()  # type: ignore[union-attr]
    ready(qtbot, wizard, COMMIT)
    assert (counts["merged"].text(), counts["skipped"].text()) == ("1", "3")
    wizard.preview.outcome.setCurrentIndex(wizard.preview.outcome.findData("skipped"))
    model = wizard.preview.model
    assert model.rowCount() == 3
    assert "duplicate of an existing customer" in model.index(1, 2).data()
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    assert sorted(names(pharmacy)) == sorted(["王伟", "张三", "李四", "王伟"])


def test_a_single_row_is_decided_by_hand(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    preview, counts = wizard.preview, wizard.preview.counts
    assert (counts["imported"].text(), counts["merged"].text()) == ("3", "1")
    preview.outcome.setCurrentIndex(preview.outcome.findData("merged"))
    preview.rows.setFocus()
    preview.rows.selectRow(0)  # 张 三, merged into row 4 (same mobile)
    qtbot.mouseClick(preview.decide["new"], Qt.MouseButton.LeftButton)
    ready(qtbot, wizard, COMMIT)
    assert (counts["imported"].text(), counts["merged"].text()) == ("4", "0")
    preview.outcome.setCurrentIndex(0)  # rows decided by hand stay listed, to change back
    reasons = [preview.model.index(r, 2).data() for r in range(preview.model.rowCount())]
    assert "a customer of its own, chosen by hand" in reasons
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    assert sorted(names(pharmacy)) == sorted(["张三", "张三", "李四", "王伟", "王伟"])


def test_a_merge_is_shown_beside_the_row_it_joins(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    preview = wizard.preview
    assert not preview.comparison.isVisibleTo(preview)
    preview.outcome.setCurrentIndex(preview.outcome.findData("merged"))
    preview.rows.setFocus()
    preview.rows.selectRow(0)  # 张 三, merged into row 4 (same mobile)
    table = preview.comparison
    assert table.isVisibleTo(preview)
    assert table.horizontalHeaderItem(2).text() == "Row 4"
    cells = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
             for r in range(table.rowCount())}  # fmt: skip
    assert cells["Mobile"] == ("13812345678", "13812345678")


def test_a_file_imported_before_needs_import_it_again(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    path = card_file(tmp_path)
    first = open_wizard(path)
    to_preview(qtbot, first)
    commit_import(qtbot, first)
    ready(qtbot, first, FINISH)
    errors = when_modal(qtbot, _answer(qtbot, "Close &without report", []))
    press(qtbot, Qt.Key.Key_Return)
    assert errors == []
    assert not first.isVisible()

    again = open_wizard(path)
    ready(qtbot, again, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.preview.previous.isVisible())
    assert f"batch {first.commit.batch_id}" in again.preview.previous.text()
    assert not button(again, COMMIT).isEnabled()
    again.preview.again.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert button(again, COMMIT).isEnabled()
    button(again, COMMIT).click()
    ready(qtbot, again, FINISH)
    assert again.commit.outcome == "committed"
    assert [batch.id for batch in import_batches.batches(pharmacy)] == [2, 1]
    assert len(names(pharmacy)) == 4  # every card merged into the customer it made before


def big_file(folder: Path, rows: int) -> Path:
    path = folder / "big.csv"
    lines = "".join(f"客户{n},139{n:08d}\n" for n in range(rows))
    path.write_text("姓名,手机\n" + lines, encoding="utf-8")
    return path


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    pharmacy: Context,
    runner: BackgroundRunner,
    open_wizard: Callable[..., ImportWizard],
) -> None:
    wizard = open_wizard(big_file(tmp_path, 20_000))
    to_preview(qtbot, wizard)
    assert wizard.preview.counts["imported"].text() == "20000"
    # Hold the worker so the commit waits in line: the Cancel click comes before its first
    # chunk, whatever the machine's speed.
    gate = threading.Event()
    runner.submit(lambda: gate.wait(10), lambda _: None)
    commit_import(qtbot, wizard)
    assert wizard.currentPage() is wizard.commit
    assert not button(wizard, FINISH).isEnabled()
    wizard.commit.cancel.click()
    gate.set()
    ready(qtbot, wizard, FINISH)
    assert wizard.commit.outcome == "cancelled"
    assert wizard.commit.status.text() == "The import was cancelled. Nothing was written."
    assert names(pharmacy) == []
    assert import_batches.batches(pharmacy) == []


def test_the_committed_batch_is_checkpointed_off_the_gui_thread_after_the_result_shows(
    qtbot: QtBot,
    tmp_path: Path,
    runner: BackgroundRunner,
    open_wizard: Callable[..., ImportWizard],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settled: list[tuple[str, str]] = []
    wizard = open_wizard(card_file(tmp_path))

    def settle(ctx: Context) -> None:
        settled.append((threading.current_thread().name, wizard.commit.outcome or ""))
        real_settle(ctx)

    real_settle = import_batches.settle
    monkeypatch.setattr(import_batches, "settle", settle)
    to_preview(qtbot, wizard)
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    runner.wait_idle()
    # Run once the result was shown, by the worker: the window never waits for it.
    assert settled == [(settled[0][0], "committed")]
    assert settled[0][0].startswith("pharmadesk-worker")


def test_closing_the_wizard_mid_import_cancels_it(
    qtbot: QtBot,
    tmp_path: Path,
    pharmacy: Context,
    runner: BackgroundRunner,
    open_wizard: Callable[..., ImportWizard],
) -> None:
    wizard = open_wizard(big_file(tmp_path, 3_000))
    to_preview(qtbot, wizard)
    gate = threading.Event()
    runner.submit(lambda: gate.wait(10), lambda _: None)
    commit_import(qtbot, wizard)
    press(qtbot, Qt.Key.Key_Escape)
    assert wizard.isVisible()  # it stays to say what happened
    gate.set()
    ready(qtbot, wizard, FINISH)
    assert wizard.commit.outcome == "cancelled"
    assert names(pharmacy) == []


def save_report_as(qtbot: QtBot, offered: list[str]) -> Callable[[QWidget], None]:
    """A `when_modal` handler for the report's save dialog: notes the file it offers and
    saves as "report" (without a suffix: the wizard adds .xlsx)."""

    def save_as(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        offered.extend(dialog.selectedFiles())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.selectAll()
        keys_to(qtbot, name, "report")

    return save_as


def test_the_report_lists_every_row_not_simply_imported(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    offered: list[str] = []
    errors = when_modal(qtbot, save_report_as(qtbot, offered))
    wizard.commit.report.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert errors == []
    assert offered == [str(tmp_path / "cards - import report.xlsx")]
    qtbot.waitUntil(lambda: "Report saved" in wizard.commit.status.text())
    assert "(5 rows)" in wizard.commit.status.text()
    sheet = load_workbook(tmp_path / "report.xlsx").active
    assert sheet is not None
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [5, 6, 7, 10, 11]


def _answer(qtbot: QtBot, label: str, asked: list[str]) -> Callable[[QWidget], None]:
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == label).click()

    return click


def test_closing_before_the_report_is_saved_asks_and_can_go_back_to_it(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    asked: list[str] = []
    errors = when_modal(qtbot, _answer(qtbot, "Cancel", asked))
    press(qtbot, Qt.Key.Key_Escape)
    assert errors == []
    assert len(asked) == 1
    assert wizard.isVisible()  # Cancel: back on the page, the report still to save
    assert wizard.currentPage() is wizard.commit

    errors = when_modal(qtbot, _answer(qtbot, "Save &report…", asked))
    second = when_modal(qtbot, save_report_as(qtbot, []))  # the file dialog it opens
    button(wizard, FINISH).click()
    qtbot.waitUntil(lambda: "Report saved" in wizard.commit.status.text())
    assert errors == second == []
    assert wizard.isVisible()
    assert (tmp_path / "report.xlsx").exists()
    button(wizard, FINISH).click()  # saved: nothing more to ask
    assert len(asked) == 2
    assert not wizard.isVisible()


def test_a_file_with_nothing_to_check_closes_without_a_question(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    path = tmp_path / "clean.csv"
    path.write_text("姓名,手机\n张三,13812345678\n李四,13900001111\n", encoding="utf-8")
    wizard = open_wizard(path)
    to_preview(qtbot, wizard)
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    button(wizard, FINISH).click()
    assert not wizard.isVisible()


def test_undo_asks_about_customers_edited_since(
    qtbot: QtBot,
    tmp_path: Path,
    pharmacy: Context,
    runner: BackgroundRunner,
    clock: FakeClock,
    open_wizard: Callable[..., ImportWizard],
    open_history: Callable[..., ImportHistoryDialog],
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    clock.advance(minutes=5)
    li = next(record for record in customers.list_customers(pharmacy) if record.name == "李四")
    customers.update(pharmacy, li.id, {"address": "北京市海淀区"})

    history = open_history(runner)
    asked: list[str] = []

    def keep_edited(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        asked.append(dialog.detailedText())  # who they are, under Show Details…
        assert dialog.defaultButton().text() == "&Keep edited"
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    errors = when_modal(qtbot, keep_edited)
    history.undo_button.click()
    qtbot.waitUntil(lambda: "undone" in history.message.text(), timeout=10_000)
    assert errors == []
    assert "1 customer of this batch was changed after the import" in asked[0]
    assert "Opening points it gave customers who stay are taken back by new entries" in asked[0]
    assert asked[1] == f"李四 ({li.code})  010-62345678"  # her landline: no mobile on file
    assert names(pharmacy) == ["李四"]
    assert history.message.text() == (
        "Batch 1 undone. 3 customers removed. 1 edited customer kept."
    )


def test_undo_trouble_is_shown_not_raised(
    qtbot: QtBot, pharmacy: Context, open_history: Callable[..., ImportHistoryDialog]
) -> None:
    table = files.read_table(card_file(pharmacy.path.parent))
    batch_id = import_batches.commit(pharmacy, customer_import.plan(pharmacy, table))
    history = open_history()
    assert history.undo_button.isEnabled()
    import_batches.undo(pharmacy, batch_id)  # meanwhile, on another computer or window
    errors = when_modal(qtbot, lambda box: box.defaultButton().click())  # type: ignore[attr-defined]
    history.undo_button.click()
    assert errors == []
    assert history.message.text() == f"batch {batch_id} was undone already"
    assert history.model.index(0, 4).data() == "Undone"
    assert not history.undo_button.isEnabled()


def test_the_sheet_is_chosen_from_the_workbook(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    path = card_file(tmp_path)
    book = load_workbook(path)
    book.create_sheet("说明", 0).append(["本表为2019年会员登记表的录入稿"])
    book.save(path)
    wizard = open_wizard(path)
    ready(qtbot, wizard, NEXT)
    page = wizard.file_page
    assert page.sheet.isVisible()
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())] == ["说明", "Sheet"]
    page.sheet.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    ready(qtbot, wizard, NEXT)
    assert wizard.table is not None
    assert wizard.table.sheet == "Sheet"
    press(qtbot, Qt.Key.Key_Return)
    assert mapped(wizard)["姓名"] == "name"


def test_the_preview_model_is_a_proper_qt_model(
    qtbot: QtBot,
    tmp_path: Path,
    open_wizard: Callable[..., ImportWizard],
    qtmodeltester: ModelTester,
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    qtmodeltester.check(wizard.preview.model)
    wizard.preview.outcome.setCurrentIndex(wizard.preview.outcome.findData("rejected"))
    assert wizard.preview.model.rowCount() == 1
    qtmodeltester.check(wizard.preview.model)


def test_a_closed_wizard_is_freed_without_the_cyclic_gc(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, runner: BackgroundRunner
) -> None:
    """Python's cyclic GC runs in whichever thread allocates, the worker's too; a widget it
    frees there crashes the process. So nothing may keep a wizard alive but references."""
    gc.collect()
    gc.disable()
    try:
        wizard = ImportWizard(pharmacy, runner, start_path=card_file(tmp_path))
        wizard.show()
        ready(qtbot, wizard, NEXT)
        wizard.next()
        wizard.next()
        ready(qtbot, wizard, COMMIT)
        wizard.next()
        ready(qtbot, wizard, FINISH)
        wizard.done(0)
        runner.wait_idle()
        gone = weakref.ref(wizard)
        del wizard
        assert gone() is None
    finally:
        gc.enable()


def test_pages_never_emit_from_python(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    """PySide6 6.12 drops a reference to True on each emit() made from Python, and the process
    aborts when True's count reaches zero: the pages tell QWizard through a field instead."""
    wizard = open_wizard(card_file(tmp_path))
    ready(qtbot, wizard, NEXT)
    before = sys.getrefcount(True)
    for _ in range(500):
        wizard.file_page.refresh()
        wizard.columns.refresh()
    assert sys.getrefcount(True) > before - 100


def test_undoing_an_import_whose_points_were_spent_says_balances_go_below_zero(
    qtbot: QtBot, pharmacy: Context, tmp_path: Path,
    open_history: Callable[..., ImportHistoryDialog],
) -> None:  # fmt: skip
    from pharmadesk.services import loyalty, purchases

    made = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert made is not None
    source = tmp_path / "cards.csv"
    source.write_text("姓名,手机,积分\n张三,13812345678,300\n", encoding="utf-8")
    batch = import_batches.commit(
        pharmacy, customer_import.plan(pharmacy, files.read_table(source))
    )
    purchases.record(pharmacy, made.id, [purchases.LineInput("口罩", 1, 500)], redeem_points=300)
    history = open_history()
    asked: list[str] = []

    def cancel(box: QWidget) -> None:
        asked.append(box.text())  # type: ignore[attr-defined]
        box.reject()  # type: ignore[attr-defined]

    errors = when_modal(qtbot, cancel)
    history.undo_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert errors == []
    assert "1 customer who stays has already used points of this import" in asked[0]
    assert "(298 points in all)" in asked[0]  # 300 less the 2 its receipt earned
    assert loyalty.standing(pharmacy, made.id).balance == 2  # cancelled: nothing undone
    assert import_batches.batches(pharmacy)[0].status == "committed"
    assert batch == import_batches.batches(pharmacy)[0].id


def test_enter_on_the_preview_does_not_import_only_the_import_button_does(
    qtbot: QtBot, tmp_path: Path, pharmacy: Context, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    # Alt+S, End, Enter: a filter chosen by keyboard; then Enter on a policy button.
    wizard.preview.outcome.setFocus()
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Return)
    wizard.preview.policy.button(0).setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.preview
    assert names(pharmacy) == []
    assert wizard.preview.status.text() == (
        "Enter does not import: press Import (Alt+I) to write these rows."
    )
    commit_import(qtbot, wizard)
    assert wizard.currentPage() is wizard.commit
    ready(qtbot, wizard, FINISH)
    assert len(names(pharmacy)) == 4


def test_the_selected_row_s_whole_reason_is_shown_below_the_rows(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    to_preview(qtbot, wizard)
    wizard.preview.rows.setFocus()
    press(qtbot, Qt.Key.Key_Home)  # row 5, the first listed; then row 6
    assert wizard.preview.reason.text().startswith("Row 5 · Skipped: ")
    press(qtbot, Qt.Key.Key_Down)
    shown = wizard.preview.reason.text()
    model = wizard.preview.model
    assert shown == f"Row 6 · Flagged: {model.index(1, 2).data()}"
    assert "other phone" in shown


def test_long_values_never_push_the_column_choices_out_of_sight(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    path = tmp_path / "long.csv"
    note = "老顾客，常年服用降压药，每月初来取药，" * 6
    path.write_text(f"姓名,手机,备注\n张三,13812345678,{note}\n", encoding="utf-8")
    wizard = open_wizard(path)
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    table = wizard.columns.columns
    combo = wizard.columns.combo(2)
    assert combo.geometry().right() <= table.viewport().width()
    assert table.item(2, 1).toolTip() == f"{note} (row 2)"


def test_short_values_are_shown_whole_beside_the_column_choices(
    qtbot: QtBot, tmp_path: Path, open_wizard: Callable[..., ImportWizard]
) -> None:
    wizard = open_wizard(card_file(tmp_path))
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    table = wizard.columns.columns
    for column in range(wizard.columns.HEADINGS - 1):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)


def test_wide_columns_share_the_room_and_narrow_ones_keep_theirs() -> None:
    assert fitted([50, 300, 400], 500) == [50, 225, 225]
    assert fitted([50, 100], 500) == [50, 100]
    assert fitted([], 500) == []
