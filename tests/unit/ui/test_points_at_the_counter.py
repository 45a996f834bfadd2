"""Points at the counter: the standing on the profile, earning and redeeming in the purchase
dialog, the ledger tab and corrections by hand. The database is checked afterwards."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import PointsEntry, Purchase
from pharmadesk.errors import ValidationError
from pharmadesk.services import accounts, customers, loyalty, purchases
from pharmadesk.services.context import Account, Context
from pharmadesk.services.purchases import LineInput
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.points_panel import AdjustPointsDialog
from pharmadesk.ui.purchase_dialog import PurchaseDialog
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST, FakeClock
from tests.unit.ui.conftest import focused, press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier
POINTS_COLUMN = 7  # the purchase history's points, beside the amount


@pytest.fixture
def wang(pharmacy: Context, clock: FakeClock) -> int:
    """王五, seen on 2026-12-10: ¥1,200 on 2025-03-01 (1,200 points, gone on 2027-01-01),
    ¥1,000 on 2026-06-01 (1,000 points: 银卡 on a 12-month spend of ¥1,000) and +50
    corrected by hand: 2,250 points, 1,200 of them expiring within 30 days."""
    saved = customers.create(pharmacy, {"name": "王五", "mobile": "13700002222"}).customer
    assert saved is not None
    for when, fen in ((datetime(2025, 3, 1, 10, tzinfo=CST), 120_000),
                      (datetime(2026, 6, 1, 10, tzinfo=CST), 100_000)):  # fmt: skip
        purchases.record(pharmacy, saved.id, [LineInput("血压计", 1, fen)], purchased_at=when)
    loyalty.adjust(pharmacy, saved.id, 50, "纸卡补录")
    clock.advance(days=20)
    return saved.id


def ledger(window: MainWindow) -> list[list[str]]:
    model = window.panel.points.model
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def history_points(window: MainWindow) -> list[str]:
    model = window.purchase_model
    return [str(model.index(row, POINTS_COLUMN).data()) for row in range(model.rowCount())]


def test_the_profile_shows_balance_tier_and_expiring_points_and_the_whole_ledger(
    window: MainWindow, wang: int, qtmodeltester: ModelTester
) -> None:
    window.open_customer(wang)
    panel = window.panel
    # At a glance, whatever tab is open.
    assert panel.tabs.currentIndex() == 0
    assert panel.points_line.isVisible()
    assert panel.points_line.text() == "Points 2,250 · Silver · 1,200 points expire on 2027-01-01"
    points = panel.points
    assert points.balance.text() == "2,250"
    assert points.tier.text() == "Silver · 2 % member discount"
    assert points.spend.text() == "¥1,000.00 · ¥2,000.00 more for Gold"
    assert points.expiring.text() == "1,200 points expire on 2027-01-01"
    assert ledger(window) == [
        ["2026-11-20", "Correction", "+50", "纸卡补录", "owner", "2028-01-01"],
        ["2026-06-01", "Earned", "+1,000", "Earned on purchase of 2026-06-01", "owner",
         "2028-01-01"],
        ["2025-03-01", "Earned", "+1,200", "Earned on purchase of 2025-03-01", "owner",
         "2027-01-01"],
    ]  # fmt: skip
    assert history_points(window) == ["+1,000", "+1,200"]
    qtmodeltester.check(points.model)


def test_a_purchase_of_99_90_typed_at_the_counter_earns_99_points(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    window.open_customer(people["张三"])
    shown: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PurchaseDialog)
        qtbot.waitUntil(lambda: focused().objectName() == "product")
        type_text(qtbot, "维生素C")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: focused().objectName() == "quantity")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "99.90")
        press(qtbot, Qt.Key.Key_Return)
        # The standard tier has no discount: no box for it.
        assert not dialog.discount.isVisibleTo(dialog)
        shown.update(total=dialog.total.text(), earns=dialog.earns.text())
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, fill)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    assert shown == {"total": "¥99.90", "earns": "+99"}
    entries = loyalty.entries(pharmacy, people["张三"])
    assert [(e.kind, e.points) for e in entries] == [("earned", 99)]
    assert "+99" in window.statusBar().currentMessage()
    assert history_points(window) == ["+99"]
    assert window.panel.points.balance.text() == "99"
    assert window.panel.points_line.text().startswith("Points 99 · Standard")


def test_redeeming_100_points_takes_1_yuan_off_and_is_in_the_ledger(
    qtbot: QtBot, window: MainWindow, wang: int, pharmacy: Context
) -> None:
    window.open_customer(wang)
    shown: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PurchaseDialog)
        qtbot.waitUntil(lambda: focused().objectName() == "product")
        type_text(qtbot, "创可贴")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: focused().objectName() == "quantity")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "20")
        press(qtbot, Qt.Key.Key_Return)
        # 银卡: the 2 % discount is offered and ticked.
        assert dialog.discount.isVisibleTo(dialog)
        assert dialog.discount.isChecked()
        assert dialog.discount.text() == "Member discount 2 %"
        seen = []
        while focused().objectName() != "redeemPoints" and len(seen) < 10:
            press(qtbot, Qt.Key.Key_Tab)
            seen.append(focused().objectName())
        assert seen[-3:] == ["receipt", "memberDiscount", "redeemPoints"]
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "100")
        shown.update(
            listed=dialog.list_total.text(), off=dialog.redeem_value.text(),
            total=dialog.total.text(), earns=dialog.earns.text(),
        )  # fmt: skip
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, fill)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    assert shown["listed"] == "¥20.00"
    assert str(shown["off"]).startswith("= ¥1.00 off")
    assert shown["total"] == "¥18.60"  # ¥20.00 − 2 % − ¥1.00
    assert shown["earns"] == "+18"
    line = Purchase.select().where(Purchase.customer == wang).order_by(Purchase.id.desc()).get()
    assert line.amount_fen == 1860
    redeemed = PointsEntry.get((PointsEntry.customer == wang) & (PointsEntry.kind == "redeemed"))
    assert (redeemed.points, redeemed.value_fen) == (-100, 100)
    assert history_points(window)[0] == f"+18 / {chr(0x2212)}100"
    rows = ledger(window)
    assert rows[0][1:3] == ["Earned", "+18"]
    assert rows[1][1:3] == ["Redeemed", f"{chr(0x2212)}100"]
    assert rows[1][3] == "Redeemed on purchase of 2026-12-10 · ¥1.00 off"
    assert window.panel.points.balance.text() == "2,168"  # 2,250 − 100 + 18


def test_more_than_the_balance_cannot_be_redeemed(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int]
) -> None:
    customer = people["李四"]  # 15 points from a ¥15.50 purchase
    lines = [LineInput("口罩", 1, 5000)]
    dialog = PurchaseDialog(
        customer_name="李四", allergy_text=None, chronic_text=None,
        find_products=lambda _: [],
        price=lambda chosen, redeem, discount: loyalty.quote(
            pharmacy, customer, chosen, redeem_points=redeem, member_discount=discount
        ),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.lines.extend(lines)
    dialog._update_total()
    assert "at most 15" in dialog.redeem_value.text()
    dialog.redeem.setValue(999)  # typed past the most: kept as typed, said, and refused
    assert dialog.redeem.value() == 999
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text() == "At most 15 points can be redeemed on this receipt."
    dialog._save()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.redeem.setValue(15)
    assert not dialog.problem.isVisibleTo(dialog)
    assert dialog.total.text() == "¥49.85"
    # The service refuses what the spin box cannot offer, and nothing is saved.
    with pytest.raises(ValidationError) as refused:
        purchases.record(pharmacy, customer, lines, redeem_points=16)
    assert "redeem" in refused.value.problems
    assert Purchase.select().where(Purchase.customer == customer).count() == 1
    assert loyalty.standing(pharmacy, customer).balance == 15


def test_a_refused_receipt_keeps_the_dialog_open_with_every_line(
    qtbot: QtBot, window: MainWindow, wang: int, pharmacy: Context
) -> None:
    """The balance changes while the receipt is typed (a correction at the other till):
    saving is refused, the lines stay, and the receipt is saved once the points fit."""
    window.open_customer(wang)
    seen: dict[str, object] = {}

    def warned(box: QWidget) -> None:
        seen["warning"] = box.findChild(QLabel, "qt_msgbox_label").text()  # type: ignore[union-attr]
        press(qtbot, Qt.Key.Key_Return)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PurchaseDialog)
        dialog.lines.append(LineInput("血压计", 1, 300_000))
        dialog._update_total()
        dialog.redeem.setValue(2_000)
        loyalty.adjust(pharmacy, wang, -1_000, "given twice")  # 1,250 left
        errors = when_modal(qtbot, warned)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "warning" in seen)
        assert errors == []
        seen["open"] = dialog.isVisible()
        seen["lines"] = len(dialog.lines)
        dialog.redeem.setValue(1_000)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    errors = when_modal(qtbot, fill)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    assert seen["warning"] == "The customer has 1250 points; 2000 asked."
    assert (seen["open"], seen["lines"]) == (True, 1)
    assert loyalty.entries(pharmacy, wang)[1].points == -1_000  # redeemed: the receipt saved
    assert Purchase.select().where(Purchase.customer == wang).count() == 3


def test_a_pharmacist_corrects_points_with_a_reason_and_refusals_keep_what_was_typed(
    qtbot: QtBot, wang: int, pharmacist_window: MainWindow, pharmacy: Context
) -> None:
    window = pharmacist_window
    window.open_customer(wang)
    panel = window.panel
    panel.tabs.setCurrentWidget(panel.points)
    assert panel.points.correct.isVisible()
    said: list[str] = []

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, AdjustPointsDialog)
        qtbot.waitUntil(lambda: focused().objectName() == "pointsChange")
        type_text(qtbot, "-3000")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "退货扣回")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        said.append(dialog.problem.text())  # more than the balance: refused, still open
        assert dialog.isVisible()
        assert dialog.reason.text() == "退货扣回"
        dialog.points.setValue(-200)
        dialog.reason.clear()
        press(qtbot, Qt.Key.Key_Return, CTRL)
        said.append(dialog.problem.text())  # no reason
        assert dialog.isVisible()
        assert focused() is dialog.reason
        type_text(qtbot, "退货扣回")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, correct)
    qtbot.mouseClick(panel.points.correct, Qt.MouseButton.LeftButton)
    assert errors == []
    assert said == [
        "The customer has 2,250 points; 3,000 cannot be taken.",
        "Say why the points are corrected.",
    ]
    newest = loyalty.entries(pharmacy, wang)[0]
    assert (newest.kind, newest.points, newest.reason, newest.user_name) == (
        "adjusted", -200, "退货扣回", "li",
    )  # fmt: skip
    assert ledger(window)[0][1:5] == ["Correction", f"{chr(0x2212)}200", "退货扣回", "li"]
    assert panel.points.balance.text() == "2,050"
    assert panel.points_line.text().startswith("Points 2,050")


def test_staff_see_the_points_but_no_correct_button(
    qtbot: QtBot, pharmacy: Context, wang: int, settings: QSettings
) -> None:
    clerk = accounts.add(pharmacy, "clerk", role="staff", password="clerk-pass-1")
    as_staff = Context(
        pharmacy.db, pharmacy.path, Account(clerk.id, clerk.name, clerk.role), pharmacy.clock
    )
    runner = BackgroundRunner()
    staff_window = MainWindow(as_staff, runner, settings)
    qtbot.addWidget(staff_window)
    staff_window.open_customer(wang)
    panel = staff_window.panel
    panel.tabs.setCurrentWidget(panel.points)
    assert panel.points.balance.text() == "2,250"
    assert not panel.points.correct.isVisibleTo(panel)
    panel.points.correct_points()  # even if reached some other way: nothing opens
    assert loyalty.entries(pharmacy, wang)[0].reason == "纸卡补录"
    runner.stop()


def test_the_ledger_describes_imports_and_expiry_in_the_ui_language(
    pharmacy: Context, wang: int, clock: FakeClock
) -> None:
    from pharmadesk.ui.points_model import describe

    clock.advance(days=30)  # 2027-01-09: the points of 2025 are gone
    loyalty.expire(pharmacy)
    entries = loyalty.entries(pharmacy, wang)
    expired = entries[0]
    assert (expired.kind, expired.points) == ("expired", -1200)
    assert describe(expired, entries) == ("Expired: points earned in 2025, usable until 2026-12-31")
    opening = loyalty.Entry(
        1, "opening", 300, "opening balance from a paper card", expired.effective_on,
        expired.created_at, "owner", None, None, None, 7, None, None,
    )  # fmt: skip
    reversal = loyalty.Entry(
        2, "adjusted", -300, "import batch 7 undone", expired.effective_on,
        expired.created_at, "owner", None, None, None, 7, 1, None,
    )  # fmt: skip
    assert describe(opening) == "Opening balance from import batch 7"
    assert describe(reversal) == "Import batch 7 undone: its opening balance reversed"


def test_a_discount_reads_as_chinese_counters_say_it() -> None:
    from pharmadesk.ui.points_model import zhe

    assert [zhe(p) for p in (2, 5, 10, 15, 20)] == ["98", "95", "9", "85", "8"]
