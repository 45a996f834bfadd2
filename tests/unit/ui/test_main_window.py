"""The counter window as a pharmacist uses it; every test checks what the database holds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import Customer, CustomField, Interaction, Purchase
from pharmadesk.services import custom_fields, interactions, purchases
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.unit.ui.conftest import focused, press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def answer(qtbot: QtBot, button: QMessageBox.StandardButton) -> list[BaseException]:
    def click(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(button).click()

    return when_modal(qtbot, click)


def test_typing_in_the_search_box_lists_matching_customers(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    type_text(qtbot, "5678")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    hit = window.search.model.hit(0)
    assert hit is not None
    assert (hit.name, hit.mobile) == ("张三", "13812345678")
    press(qtbot, Qt.Key.Key_Escape)
    assert window.search.box.text() == ""
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 0)


def test_the_allergy_banner_stands_out_on_the_profile(
    window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["张三"])
    assert window.panel.banner.isVisible()
    assert "青霉素" in window.panel.banner.text()
    assert "高血压" in window.panel.banner.text()
    window.open_customer(people["李四"])
    assert not window.panel.banner.isVisible()


def test_amounts_on_the_profile_are_grouped_by_thousands(
    window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    line = purchases.LineInput("制氧机", 1, 196359)
    purchases.record(pharmacy, people["张三"], [line])
    window.open_customer(people["张三"])
    assert window.panel.summary.text().startswith("Total spend ¥1,963.59 · 1 visit · ")
    model = window.panel.purchases
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = dict(zip(headers, (model.index(0, c).data() for c in range(len(headers))), strict=True))
    assert (row["Unit price"], row["Amount"], row["Running total"]) == ("¥1,963.59",) * 3
    # The receipt number is read before the points, the category and the running total.
    assert headers[:7] == ["Date", "Product", "Specification", "Qty", "Unit price", "Amount",
                           "Receipt"]  # fmt: skip
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "制氧机"


def test_the_mobile_fields_hint_at_the_format_not_at_someone_s_number(
    window: MainWindow,
) -> None:
    for name in ("mobile", "guardian_mobile"):
        hint = window.form.editor(name).placeholderText()
        assert hint == "11 digits, spaces or dashes allowed"


def test_mobile_is_normalised_when_the_field_is_left(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert focused() is window.form.editor("name")
    type_text(qtbot, "王五")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "mobile"
    type_text(qtbot, "137 0000 9999")
    press(qtbot, Qt.Key.Key_Tab)
    assert window.form.editor("mobile").text() == "13700009999"  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_S, CTRL)
    saved = Customer.get(Customer.name == "王五")
    assert saved.mobile == "13700009999"


def test_a_mistyped_mobile_in_the_other_phone_is_questioned_but_saved(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "赵敏")
    window.form.editor("phone").setFocus()
    type_text(qtbot, "1391111444")
    assert window.form.is_valid()
    hint = window.form._hints["phone"]
    assert hint.isVisible()
    assert hint.text() == "Looks like a mobile with a digit missing or extra: check it"
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Customer.get(Customer.name == "赵敏").phone == "1391111444"


def test_invalid_input_is_marked_and_blocks_saving(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "赵六")
    window.form.editor("mobile").setFocus()
    type_text(qtbot, "1322798335")
    assert not window.form.is_valid()
    hint = window.form._hints["mobile"]
    assert hint.isVisible()
    assert "11" in hint.text()
    press(qtbot, Qt.Key.Key_S, CTRL)  # refused: the marked field keeps the keyboard
    assert not Customer.select().where(Customer.name == "赵六").exists()
    assert focused() is window.form.editor("mobile")
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "355")
    assert window.form.is_valid()
    assert window.act_save.isEnabled()


def test_a_possible_duplicate_offers_the_existing_customer(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "张叁")
    window.form.editor("mobile").setFocus()
    type_text(qtbot, "13812345678")

    def open_existing(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert "张三" in dialog.text()
        buttons = {b.text(): b for b in dialog.buttons()}
        buttons["Open existing"].click()

    errors = when_modal(qtbot, open_existing)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert errors == []
    assert window.customer_id == people["张三"]
    assert Customer.select().count() == 2


def test_save_anyway_creates_the_second_record(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "张叁")
    window.form.editor("mobile").setFocus()
    type_text(qtbot, "13812345678")

    def save_anyway(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        {b.text(): b for b in dialog.buttons()}["Save anyway"].click()

    when_modal(qtbot, save_anyway)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Customer.select().where(Customer.mobile == "13812345678").count() == 2


def test_leaving_unsaved_changes_asks_first(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["张三"])
    type_text(qtbot, "丰")  # the name field has the focus: 张三丰
    errors = answer(qtbot, QMessageBox.StandardButton.Cancel)
    window.open_customer(people["李四"])
    assert errors == []
    assert window.customer_id == people["张三"]
    assert window.form.is_dirty()

    answer(qtbot, QMessageBox.StandardButton.Discard)
    window.open_customer(people["李四"])
    assert window.customer_id == people["李四"]
    assert Customer.get_by_id(people["张三"]).name == "张三"

    window.open_customer(people["张三"])
    type_text(qtbot, "丰")
    answer(qtbot, QMessageBox.StandardButton.Save)
    window.open_customer(people["李四"])
    assert Customer.get_by_id(people["张三"]).name == "张三丰"


def test_closing_the_window_with_unsaved_changes_asks_first(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["李四"])
    type_text(qtbot, "王")
    answer(qtbot, QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.isVisible()
    answer(qtbot, QMessageBox.StandardButton.Save)
    window.close()
    assert not window.isVisible()
    assert Customer.get_by_id(people["李四"]).name == "李四王"


def test_a_product_matching_an_allergy_asks_before_it_is_added(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["张三"])
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        banner = dialog.findChild(QWidget, "healthBanner")
        seen["banner"] = banner is not None and "青霉素" in banner.text()  # type: ignore[attr-defined]
        type_text(qtbot, "阿莫西林胶囊")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "12.80")

        def refuse(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen["warning"] = box.text()
            box.button(QMessageBox.StandardButton.No).click()

        when_modal(qtbot, refuse)
        press(qtbot, Qt.Key.Key_Return)
        seen["lines_after_no"] = len(dialog.lines)  # type: ignore[attr-defined]

        def discard(box: QWidget) -> None:  # the refused line is still typed in
            assert isinstance(box, QMessageBox)
            box.button(QMessageBox.StandardButton.Discard).click()

        when_modal(qtbot, discard)
        dialog.reject()  # type: ignore[attr-defined]  # as Escape or Cancel does

    errors = when_modal(qtbot, fill)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    assert seen["banner"] is True
    assert "青霉素" in str(seen["warning"])
    assert seen["lines_after_no"] == 0
    assert Purchase.select().where(Purchase.customer == people["张三"]).count() == 0


def test_follow_ups_list_overdue_first_and_open_the_customer(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    today = pharmacy.today()
    later = interactions.log(
        pharmacy, people["张三"], channel="phone", kind="follow_up", summary="下周回访血压",
        follow_up_due=today + timedelta(days=7),
    )  # fmt: skip
    entry = interactions.log(
        pharmacy, people["李四"], channel="phone", kind="follow_up", summary="问咳嗽好了没有",
        follow_up_due=today - timedelta(days=2),
    )  # fmt: skip
    listed: list[str] = []

    def choose(dialog: QWidget) -> None:
        table = dialog.findChild(QTableWidget, "followUpTable")
        assert table is not None
        listed.extend(table.item(row, 4).text() for row in range(table.rowCount()))
        press(qtbot, Qt.Key.Key_Return)  # the first (most overdue) row is selected

    errors = when_modal(qtbot, choose)
    press(qtbot, Qt.Key.Key_U, CTRL)
    assert errors == []
    assert listed == ["问咳嗽好了没有", "下周回访血压"]
    assert window.customer_id == people["李四"]

    # Mark it done with the button, as a pharmacist would.
    window.panel.tabs.setCurrentIndex(2)
    window.panel.interaction_view.setFocus()
    window.panel.interaction_view.selectRow(0)
    done = next(b for b in window.panel.findChildren(QPushButton) if b.objectName() == "markDone")
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    assert Interaction.get_by_id(entry.id).status == "done"
    assert Interaction.get_by_id(later.id).status == "open"


def test_custom_fields_added_by_the_owner_appear_in_the_form(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    custom_fields.define(pharmacy, "医保卡号", kind="text", key="insurance")
    window._rebuild_form()
    window.open_customer(people["李四"])
    editor = window.form.editor("custom.insurance")
    editor.setFocus()
    type_text(qtbot, "YB123")
    press(qtbot, Qt.Key.Key_S, CTRL)
    field = CustomField.get(CustomField.key == "insurance")
    assert field.label == "医保卡号"
    from pharmadesk.services import customers

    assert customers.get(pharmacy, people["李四"]).custom == {"insurance": "YB123"}


def test_the_window_remembers_its_size_and_splitter(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    runner = BackgroundRunner()
    first = MainWindow(pharmacy, runner, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)  # the platform's first geometry must not undo the resize
    first.resize(720, 520)
    first.splitter.setSizes([250, 450])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(pharmacy, runner, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.size().width(), second.size().height()) == (720, 520)
    assert second.splitter.sizes() == sizes
    runner.stop()


def test_the_status_bar_shows_the_pharmacy_and_its_counts(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    qtbot.waitUntil(lambda: "customers" in window.status_counts.text())
    text = window.status_counts.text()
    assert "2 customers" in text
    assert "0 open follow-ups" in text
    assert "signed in as owner" in text


def test_no_window_shortcut_is_taken_twice(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for action in window.actions():
        for shortcut in action.shortcuts():
            key = shortcut.toString()
            assert key not in seen, f"{key} is used by {seen[key]} and {action.objectName()}"
            seen[key] = action.objectName()


@pytest.fixture(autouse=True)
def _no_leftover_modal() -> None:
    yield
    assert QApplication.activeModalWidget() is None


def test_enter_on_the_quantity_adds_the_line_with_the_last_price(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["李四"])

    def two_packs(dialog: QWidget) -> None:
        qtbot.waitUntil(lambda: focused().objectName() == "product")
        type_text(qtbot, "gml")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: focused().objectName() == "quantity")
        type_text(qtbot, "2")
        press(qtbot, Qt.Key.Key_Return)
        assert focused().objectName() == "product"  # ready for the next line
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, two_packs)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    bought = Purchase.select().where(Purchase.customer == people["李四"]).order_by(Purchase.id)
    assert [(p.quantity, p.amount_fen) for p in bought] == [(1, 1550), (2, 3100)]


def test_a_staff_account_sees_no_health_data_and_cannot_blank_it(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], settings: QSettings
) -> None:
    from pharmadesk.services import accounts, customers
    from pharmadesk.services.context import Account

    clerk = accounts.add(pharmacy, "clerk", role="staff", password="clerk-pass-1")
    as_staff = Context(pharmacy.db, pharmacy.path, Account(clerk.id, clerk.name, clerk.role))
    runner = BackgroundRunner()
    staff_window = MainWindow(as_staff, runner, settings)
    qtbot.addWidget(staff_window)
    staff_window.open_customer(people["张三"])  # allergic to penicillin, hypertensive
    assert not staff_window.panel.banner.isVisibleTo(staff_window)
    assert "allergies" not in staff_window.form.current()
    assert not staff_window.act_fields.isEnabled()
    staff_window.form.editor("address").setText("文三路9号")  # type: ignore[union-attr]
    assert staff_window.save()
    saved = customers.get(pharmacy, people["张三"])
    assert (saved.address, saved.allergies) == ("文三路9号", "青霉素")
    runner.stop()


def test_import_and_its_history_open_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    from pharmadesk.ui.import_history import ImportHistoryDialog
    from pharmadesk.ui.import_wizard import ImportWizard

    seen: list[str] = []

    def close(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        dialog.close()

    assert window.act_import.isEnabled()
    errors = when_modal(qtbot, close)
    window.act_import.trigger()
    errors += when_modal(qtbot, close)
    window.act_history.trigger()
    assert errors == []
    assert seen == [ImportWizard.__name__, ImportHistoryDialog.__name__]
    assert focused() is window.search.box


class _LinuxLineEdit(QLineEdit):
    """A line edit as on a Linux desktop: it claims Ctrl+U (delete the line) for itself.
    (The offscreen platform of the tests binds no such key.)"""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+U")
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+U"):
            self.clear()
            return
        super().keyPressEvent(event)


def test_ctrl_u_in_a_text_field_opens_the_follow_ups_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = _LinuxLineEdit(window.centralWidget())
    field.setText("13812345678")
    field.show()
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    opened: list[str] = []

    def close(dialog: QWidget) -> None:
        opened.append(type(dialog).__name__)
        dialog.close()

    errors = when_modal(qtbot, close)
    press(qtbot, Qt.Key.Key_U, CTRL)
    qtbot.waitUntil(lambda: opened == ["FollowUpsDialog"])
    assert errors == []
    assert field.text() == "13812345678"
