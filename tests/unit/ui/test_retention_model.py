"""The retention review's item model: ticking all, none or some, the count, sorting."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.services.retention import InactiveCustomer
from pharmadesk.ui.retention_model import InactiveCustomersModel, ordered

CHECK = Qt.ItemDataRole.CheckStateRole
ROWS = [
    InactiveCustomer(1, "M003", "王老", "wanglao", date(2021, 6, 1), 4),
    InactiveCustomer(2, None, "赵旧", "zhaojiu", None, 0),
    InactiveCustomer(3, "M001", "安早", "anzao", date(2020, 2, 1), 9),
]


def _model() -> InactiveCustomersModel:
    model = InactiveCustomersModel()
    model.set_customers(ordered(ROWS, 2))
    return model


def _names(model: InactiveCustomersModel) -> list[str]:
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_the_model_passes_qts_own_checks(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = _model()
    model.set_all(True)
    qtmodeltester.check(model)


def test_rows_show_the_customers_longest_inactive_first(qtbot: QtBot) -> None:
    model = _model()
    assert _names(model) == ["赵旧", "安早", "王老"]  # no activity at all comes first
    assert [model.index(0, c).data() for c in range(4)] == ["", "赵旧", "", "0"]
    assert [model.index(2, c).data() for c in range(4)] == ["M003", "王老", "2021-06-01", "4"]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsUserCheckable


def test_ticking_all_then_unticking_one_counts_and_lists_the_rest(qtbot: QtBot) -> None:
    model = _model()
    changed: list[int] = []
    model.checked_changed.connect(lambda: changed.append(model.checked_count()))
    model.set_all(True)
    assert model.checked_ids() == [2, 3, 1]
    assert model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, CHECK)
    assert model.index(1, 0).data(CHECK) == Qt.CheckState.Unchecked
    assert model.checked_ids() == [2, 1]
    model.set_all(False)
    assert model.checked_ids() == []
    assert model.setData(model.index(2, 0), Qt.CheckState.Checked, CHECK)
    assert model.checked_ids() == [1]
    assert changed == [3, 2, 0, 1]
    assert not model.setData(model.index(2, 1), Qt.CheckState.Checked, CHECK)


def test_toggling_a_selection_ticks_all_unless_all_are_ticked(qtbot: QtBot) -> None:
    model = _model()
    model.toggle([0])
    model.toggle([0, 1])
    assert model.checked_ids() == [2, 3]
    model.toggle([1, 0])
    assert model.checked_count() == 0


def test_sorting_moves_the_ticks_with_their_customers(qtbot: QtBot) -> None:
    model = _model()
    model.toggle([2])  # 王老
    model.sort(1)  # by name: pinyin order
    assert _names(model) == ["安早", "王老", "赵旧"]
    assert [model.index(r, 0).data(CHECK) == Qt.CheckState.Checked for r in range(3)] == [
        False, True, False,
    ]  # fmt: skip
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["安早", "王老", "赵旧"]
    model.sort(0)
    assert _names(model) == ["赵旧", "安早", "王老"]  # no member code first
    assert model.checked_ids() == [1]
    model.set_customers(ROWS)  # a new list: nothing ticked
    assert model.checked_count() == 0
