"""The clean-files windows at the counter: who gets them, and a merge from the finder."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import Customer
from pharmadesk.services import customers
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.merge_dialog import MergeDialog
from tests.unit.ui.conftest import when_modal
from tests.unit.ui.test_merge_dialogs import _answer, _click


def test_the_finder_and_quality_are_for_owner_and_pharmacist_the_review_for_all(
    window: MainWindow, pharmacist_window: MainWindow
) -> None:
    for win in (window, pharmacist_window):
        assert win.act_duplicates.isEnabled()
        assert win.act_quality.isEnabled()
        assert win.act_stale.isEnabled()
    assert not window.act_merges.isEnabled()  # no customer open yet


def test_a_pair_merged_from_the_finder_leaves_one_customer_at_the_counter(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    again = customers.create(
        pharmacy, {"name": "张三", "mobile": "13812345678"}, allow_duplicate=True
    ).customer
    assert again is not None
    window.show_duplicates()
    finder = window.tools.windows["duplicates"]
    qtbot.waitUntil(lambda: finder.model.rowCount() >= 1, timeout=10_000)  # type: ignore[attr-defined]

    def merge(dialog: QWidget) -> None:
        assert isinstance(dialog, MergeDialog)
        seen: list[str] = []
        _answer(qtbot, "Merge", seen)
        _click(qtbot, dialog.merge_button)

    errors = when_modal(qtbot, merge)
    window.merge_customers([people["张三"], again.id])
    assert errors == []
    visible = Customer.select().where(Customer.name == "张三", Customer.status != "merged")
    assert visible.count() == 1
    assert window.customer_id == visible.get().id
    assert window.act_merges.isEnabled()
