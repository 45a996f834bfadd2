"""The duplicate finder's window walked with the keyboard: the pairs load in the background,
a level filter, Enter asks for a merge, Delete dismisses (for good, in the database) and
Ctrl+Z brings the pair back, Open shows either customer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.services import accounts, duplicates
from pharmadesk.services.context import Account, Context
from pharmadesk.ui.duplicates_window import DuplicatesWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.unit.services.test_duplicates import ADDRESS, add
from tests.unit.ui.conftest import press

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pairs(pharmacy: Context) -> dict[str, tuple[int, int]]:
    return {
        "possible": (add(pharmacy, "王伟", address=ADDRESS, mobile="13600000001"),
                     add(pharmacy, "王玮", address=ADDRESS)),
        "certain": (add(pharmacy, "张三", mobile="13812345678", birth_date="1980-05-12"),
                    add(pharmacy, "张三", mobile="13812345678")),
        "strong": (add(pharmacy, "李秀英", birth_date="1965-03-07", mobile="13900000001"),
                   add(pharmacy, "李秀英", birth_date="1965-03-07")),
    }  # fmt: skip


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield runner
    runner.stop()


@pytest.fixture
def window(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, pairs: dict[str, tuple[int, int]]
) -> DuplicatesWindow:
    window = DuplicatesWindow(pharmacy, runner)
    qtbot.addWidget(window)
    window.show()  # showing it loads the list
    qtbot.waitExposed(window)
    assert window.status.text() == "Loading…"
    qtbot.waitUntil(lambda: window.status.text() != "Loading…", timeout=5000)
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    return window


def cells(window: DuplicatesWindow, row: int) -> list[str]:
    return [window.model.index(row, c).data() for c in range(window.model.columnCount())]


def test_the_pairs_most_certain_first_with_their_evidence(
    window: DuplicatesWindow, pairs: dict[str, tuple[int, int]]
) -> None:
    ModelTester(None).check(window.model)
    assert window.status.text().startswith("3 pair")
    first = cells(window, 0)
    assert first[0] == "Certain"
    assert first[2:4] == ["13812345678", "1980-05-12"]
    assert first[1].startswith("张三 ")
    assert first[7] == "same mobile 13812345678"
    assert [cells(window, r)[0] for r in range(3)] == ["Certain", "Strong", "Possible"]
    assert cells(window, 2)[7] == f"names read the same, same address {ADDRESS}"
    colour = window.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name()
    assert colour != window.model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole).color().name()


def test_the_level_filter(qtbot: QtBot, window: DuplicatesWindow) -> None:
    window.level_box.setCurrentIndex(window.level_box.findData("possible"))
    assert [cells(window, r)[4].split()[0] for r in range(window.model.rowCount())] == ["王玮"]
    assert window.status.text().startswith("1 pair")
    window.level_box.setCurrentIndex(0)
    assert window.model.rowCount() == 3


def test_enter_asks_to_merge_the_chosen_pair(
    qtbot: QtBot, window: DuplicatesWindow, pairs: dict[str, tuple[int, int]]
) -> None:
    press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.merge_requested) as asked:
        press(qtbot, Qt.Key.Key_Return)
    assert tuple(asked.args) == pairs["strong"]


def test_open_shows_either_customer(
    qtbot: QtBot, window: DuplicatesWindow, pairs: dict[str, tuple[int, int]]
) -> None:
    with qtbot.waitSignal(window.customer_chosen) as chosen:
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert chosen.args == [pairs["certain"][1]]
    with qtbot.waitSignal(window.customer_chosen) as chosen:
        window.open_first.click()
    assert chosen.args == [pairs["certain"][0]]


def test_not_the_same_person_dismisses_for_good_and_undo_brings_it_back(
    qtbot: QtBot, pharmacy: Context, window: DuplicatesWindow, pairs: dict[str, tuple[int, int]]
) -> None:
    press(qtbot, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 2
    assert pairs["certain"] not in [p.ids for p in window.model.rows]
    assert [(d.low_id, d.high_id) for d in duplicates.dismissed(pharmacy)] == [pairs["certain"]]
    assert "Ctrl+Z" in window.status.text()
    window.reload()  # looked for again: it stays away
    qtbot.waitUntil(lambda: window.status.text() != "Loading…", timeout=5000)
    assert window.model.rowCount() == 2
    # Dismiss the next one with the button's key, then undo it: it comes back where it was.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)  # a mnemonic clicks a moment later
    assert [p.ids for p in window.model.rows] == [pairs["possible"]]
    assert len(duplicates.dismissed(pharmacy)) == 2
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert [p.ids for p in window.model.rows] == [pairs["strong"], pairs["possible"]]
    assert window.table.currentIndex().row() == 0
    assert [(d.low_id, d.high_id) for d in duplicates.dismissed(pharmacy)] == [pairs["certain"]]
    assert not window.undo_button.isEnabled()


def test_staff_are_told_they_cannot_merge(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, pairs: dict[str, tuple[int, int]]
) -> None:
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    staff = dataclasses.replace(pharmacy, account=Account(2, "wang", "staff"))
    window = DuplicatesWindow(staff, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status.text() != "Loading…", timeout=5000)
    assert "staff role may not merge" in window.status.text()
    assert window.model.rowCount() == 0
    assert not window.merge_button.isEnabled()


def test_esc_closes_the_window(qtbot: QtBot, window: DuplicatesWindow) -> None:
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_ctrl_w_closes_the_window(qtbot: QtBot, window: DuplicatesWindow) -> None:
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
