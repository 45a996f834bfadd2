"""The owner's loyalty rules dialog: a change saved as a new version from its day, refusals
shown beside their field with nothing typed lost, and only the owner reaching it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.services import accounts, loyalty_rules, purchases
from pharmadesk.services.context import Account, Context
from pharmadesk.services.loyalty_rules import DEFAULT
from pharmadesk.ui.loyalty_rules_dialog import FROM, NAME, LoyaltyRulesDialog
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import FakeClock
from tests.unit.ui.conftest import type_text, when_modal

TODAY = date(2026, 11, 20)  # the clock fixture's day
TOMORROW = TODAY + timedelta(days=1)


def open_dialog(qtbot: QtBot, ctx: Context, asked: list[str] | None = None) -> LoyaltyRulesDialog:
    """The dialog, its question before saving answered yes (and kept in `asked`)."""
    dialog = LoyaltyRulesDialog(ctx)
    dialog.confirm = lambda text: (asked if asked is not None else []).append(text) or True
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_into_cell(
    qtbot: QtBot, dialog: LoyaltyRulesDialog, row: int, column: int, text: str
) -> None:
    """As the owner does: go to the cell, F2, type over it, Enter."""
    table = dialog.tiers
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = cell_editor(dialog)
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    type_text(qtbot, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def cell_editor(dialog: LoyaltyRulesDialog) -> QLineEdit:
    """The open cell's editor (those closed before wait for their deletion)."""
    [editor] = [e for e in dialog.tiers.viewport().findChildren(QLineEdit) if e.isVisible()]
    return editor


def type_spend(qtbot: QtBot, dialog: LoyaltyRulesDialog, text: str) -> None:
    dialog.spend.setFocus()
    dialog.spend.selectAll()
    qtbot.keyClicks(dialog.spend, text)


def tier_names(dialog: LoyaltyRulesDialog) -> list[str]:
    return [dialog.tiers.item(row, NAME).text() for row in range(dialog.tiers.rowCount())]


def test_a_change_from_tomorrow_is_a_new_version_and_today_keeps_its_rules(
    qtbot: QtBot, pharmacy: Context
) -> None:
    purchases.record(pharmacy, _customer(pharmacy),
                     [purchases.LineInput("枸杞", 1, 3000, category="中药饮片")])  # fmt: skip
    dialog = open_dialog(qtbot, pharmacy)
    assert dialog.in_force.text().startswith("In force: the default rules.")
    assert not dialog.upcoming.isVisible()
    assert "never changed" in dialog.past_note.text()
    assert tier_names(dialog) == ["Standard", "Silver", "Gold"]  # the defaults, translated
    assert dialog.effective.date() == QDate(2026, 11, 20)  # today unless chosen otherwise

    type_spend(qtbot, dialog, "2.00")
    type_into_cell(qtbot, dialog, 1, FROM, "1,500")
    type_into_cell(qtbot, dialog, 2, NAME, "钻石卡")
    [herbs] = [dialog.categories.item(i) for i in range(dialog.categories.count())]
    assert herbs.text() == "中药饮片"
    herbs.setCheckState(Qt.CheckState.Checked)
    dialog.effective.setDate(QDate(2026, 11, 21))
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    new = loyalty_rules.on(pharmacy, TOMORROW)
    assert new.effective_from == TOMORROW
    assert new.fen_per_point == 200
    assert new.excluded_categories == ("中药饮片",)
    assert [(t.key, t.threshold_fen, t.name) for t in new.tiers] == [
        ("standard", 0, ""), ("silver", 150_000, ""), ("gold", 300_000, "钻石卡"),
    ]  # fmt: skip
    assert loyalty_rules.current(pharmacy) == DEFAULT  # today's receipts are priced as before

    again = open_dialog(qtbot, pharmacy)
    assert again.upcoming.isVisible()
    assert again.upcoming.text().startswith("Saved to apply from 2026-11-21:")
    assert "钻石卡 ¥3,000" in again.upcoming.text()
    assert "1 point per ¥2.00" in again.upcoming.text()


def test_tiers_out_of_order_are_refused_beside_the_tiers_and_nothing_typed_is_lost(
    qtbot: QtBot, pharmacy: Context
) -> None:
    dialog = open_dialog(qtbot, pharmacy)
    type_spend(qtbot, dialog, "5.00")
    type_into_cell(qtbot, dialog, 2, FROM, "800")  # gold below silver's ¥1,000
    dialog.save_button.click()

    assert dialog.isVisible()
    problem = dialog.problems["tiers"]
    assert problem.isVisible()
    assert problem.text() == "Each tier must start above the one before."
    assert not dialog.problems["fen_per_point"].isVisible()
    assert dialog.tiers.item(2, FROM).text() == "800"
    assert dialog.spend.value() == 5.0
    assert loyalty_rules.versions(pharmacy) == []

    type_into_cell(qtbot, dialog, 2, FROM, "3000")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert loyalty_rules.current(pharmacy).fen_per_point == 500


def test_a_day_that_has_passed_meanwhile_is_refused_beside_the_date(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock
) -> None:
    dialog = open_dialog(qtbot, pharmacy)  # opened late in the evening...
    clock.advance(days=1)  # ...saved after midnight, still for the day before
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.problems["effective_from"].text() == (
        "Rules cannot be changed for days that have passed."
    )
    assert loyalty_rules.versions(pharmacy) == []


def test_a_new_tier_needs_a_name_and_is_saved_with_it(qtbot: QtBot, pharmacy: Context) -> None:
    dialog = open_dialog(qtbot, pharmacy)
    dialog.add_tier.click()
    assert dialog.tiers.rowCount() == 4
    editor = cell_editor(dialog)  # the new tier's name, to type
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # left empty
    qtbot.waitUntil(lambda: dialog.tiers.state() != QAbstractItemView.State.EditingState)
    dialog.save_button.click()
    assert dialog.problems["tiers"].text() == "Row 4: every tier needs a name."
    type_into_cell(qtbot, dialog, 3, NAME, "白金卡")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    tier = loyalty_rules.current(pharmacy).tiers[3]
    assert (tier.threshold_fen, tier.discount_percent, tier.name) == (400_000, 5, "白金卡")


def _customer(ctx: Context) -> int:
    from pharmadesk.services import customers

    made = customers.create(ctx, {"name": "张三", "mobile": "13812345678"}).customer
    assert made is not None
    return made.id


def test_the_owner_finds_it_in_tools_a_pharmacist_cannot_open_it(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, settings: QSettings
) -> None:
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    assert window.act_loyalty in tools.actions()  # type: ignore[union-attr]
    assert window.act_loyalty.isEnabled()
    seen: list[str] = []

    def close(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        dialog.close()

    errors = when_modal(qtbot, close)
    window.act_loyalty.trigger()
    assert errors == []
    assert seen == ["LoyaltyRulesDialog"]

    made = accounts.add(pharmacy, "wang", role="pharmacist", password="pharma-pass-1")
    as_pharmacist = Context(pharmacy.db, pharmacy.path, Account(made.id, made.name, made.role))
    runner = BackgroundRunner()
    other = MainWindow(as_pharmacist, runner, settings)
    qtbot.addWidget(other)
    assert not other.act_loyalty.isEnabled()
    assert other.act_loyalty.toolTip() == "Only the owner sets the loyalty rules"
    other.show_loyalty_rules()  # even asked directly: no dialog
    assert not any(isinstance(w, LoyaltyRulesDialog) for w in QApplication.topLevelWidgets()
                   if w.isVisible())  # fmt: skip
    runner.stop()


def test_enter_in_a_field_never_saves_and_saving_asks_with_the_change_in_words(
    qtbot: QtBot, pharmacy: Context
) -> None:
    dialog = LoyaltyRulesDialog(pharmacy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_spend(qtbot, dialog, "500")  # meant 5.00: a slip
    qtbot.keyClick(dialog.spend, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert loyalty_rules.versions(pharmacy) == []
    shown: list[str] = []

    def cancel(box: QWidget) -> None:
        shown.append(box.text())  # type: ignore[attr-defined]
        box.reject()  # type: ignore[attr-defined]

    errors = when_modal(qtbot, cancel)
    qtbot.keyClick(dialog.spend, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown))
    assert errors == []
    assert "From 2026-11-20 on: 1 point per ¥500.00" in shown[0]
    assert "Instead of: 1 point per ¥1.00" in shown[0]
    assert loyalty_rules.versions(pharmacy) == []  # cancelled: nothing saved
    assert dialog.isVisible()
    assert dialog.spend.value() == 500.0  # nothing typed lost


def test_a_change_saved_for_later_is_where_the_dialog_starts_with_its_categories_shown(
    qtbot: QtBot, pharmacy: Context
) -> None:
    purchases.record(pharmacy, _customer(pharmacy),
                     [purchases.LineInput("枸杞", 1, 3000, category="中药饮片")])  # fmt: skip
    pending = replace(DEFAULT, excluded_categories=("中药饮片",))
    loyalty_rules.change(pharmacy, pending, TOMORROW)
    dialog = open_dialog(qtbot, pharmacy)
    assert "no points for 中药饮片" in dialog.upcoming.text()
    assert "no points for" not in dialog.in_force.text()
    assert dialog.effective.date() == QDate(2026, 11, 21)
    [herbs] = [dialog.categories.item(i) for i in range(dialog.categories.count())]
    assert herbs.checkState() == Qt.CheckState.Checked
    type_spend(qtbot, dialog, "2.00")
    dialog.save_button.click()
    assert loyalty_rules.on(pharmacy, TOMORROW).excluded_categories == ("中药饮片",)
    assert loyalty_rules.on(pharmacy, TOMORROW).fen_per_point == 200
