"""The retention review, driven by the owner: the list, ticking, sorting, the preview and the
bulk anonymisation, also at the scale of a large pharmacy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.services import customers, purchases, retention
from pharmadesk.services.context import Context
from pharmadesk.services.retention import InactiveCustomer
from pharmadesk.ui.retention_dialog import RetentionDialog
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST, FakeClock
from tests.unit.ui.conftest import when_modal

CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    made = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield made
    made.stop()


@pytest.fixture
def sleepers(pharmacy: Context, clock: FakeClock) -> dict[str, int]:
    """Two customers last seen in 2020 (周久 on 1 March, 吴远 on 1 April, twice), one seen
    today."""
    today = clock.current
    ids = {}
    for name, mobile, month, receipts in (("周久", "13500000001", 3, 1),
                                          ("吴远", "13500000002", 4, 2)):  # fmt: skip
        clock.current = datetime(2020, month, 1, 9, tzinfo=CST)
        made = customers.create(pharmacy, {"name": name, "mobile": mobile}).customer
        assert made is not None
        for receipt in range(receipts):
            purchases.record(pharmacy, made.id, [purchases.LineInput("口罩", 1, 500)],
                             receipt=f"R{receipt}")  # fmt: skip
        ids[name] = made.id
    clock.current = today
    fresh = customers.create(pharmacy, {"name": "郑今", "mobile": "13500000003"}).customer
    assert fresh is not None
    ids["郑今"] = fresh.id
    return ids


def _opened(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, rows: int
) -> RetentionDialog:
    dialog = RetentionDialog(pharmacy, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == rows and dialog.table.isEnabled(),
                    timeout=10_000)  # fmt: skip
    return dialog


def _column(dialog: RetentionDialog, column: int) -> list[str]:
    model = dialog.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _ticks(dialog: RetentionDialog) -> list[bool]:
    model = dialog.table.model()
    return [model.index(row, 0).data(CHECK) == Qt.CheckState.Checked
            for row in range(model.rowCount())]  # fmt: skip


def _status(pharmacy: Context, customer_id: int) -> tuple[str, str | None]:
    return pharmacy.db.execute_sql(
        "SELECT status, mobile FROM customer WHERE id = ?", (customer_id,)
    ).fetchone()


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _texts(dialog: QWidget) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_retention_review_lists_previews_and_anonymises(
    qtbot: QtBot, pharmacy: Context, sleepers: dict[str, int], runner: BackgroundRunner
) -> None:
    dialog = _opened(qtbot, pharmacy, runner, 2)
    assert _column(dialog, 1) == ["周久", "吴远"]  # longest inactive first
    assert _column(dialog, 2) == ["2020-03-01", "2020-04-01"]
    assert _column(dialog, 3) == ["1", "2"]  # receipts
    assert "7 daily, 4 weekly and 12 monthly" in _texts(dialog)
    assert "2 customers inactive since before 2023-11-20." in dialog.status.text()
    assert not dialog.start.isEnabled()
    _click(qtbot, dialog.select_all)
    assert dialog.chosen() == [sleepers["周久"], sleepers["吴远"]]
    assert _ticks(dialog) == [True, True]
    assert dialog.selected.text() == "2 selected"
    _click(qtbot, dialog.select_none)
    assert dialog.chosen() == []
    assert _ticks(dialog) == [False, False]
    assert not dialog.start.isEnabled()
    _click(qtbot, dialog.select_all)
    seen: list[str] = []

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        go = next(b for b in box.findChildren(QPushButton) if b.text() == "Anonymise")
        _click(qtbot, go)

    errors = when_modal(qtbot, confirm)
    _click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: bool(seen) or bool(errors), timeout=10_000)
    assert errors == []
    assert "Anonymise 2 customers?" in seen[0]
    assert "周久, 吴远" in seen[0]
    assert "cannot be undone" in seen[0]
    qtbot.waitUntil(lambda: len(dialog.anonymised) == 2 and dialog.table.model().rowCount() == 0,
                    timeout=10_000)  # fmt: skip
    assert "anonymised" in dialog.status.text()
    for name in ("周久", "吴远"):
        assert _status(pharmacy, sleepers[name]) == ("anonymised", None)
    assert customers.get(pharmacy, sleepers["郑今"]).name == "郑今"


def test_cancelling_the_preview_anonymises_no_one(
    qtbot: QtBot, pharmacy: Context, sleepers: dict[str, int], runner: BackgroundRunner
) -> None:
    dialog = _opened(qtbot, pharmacy, runner, 2)
    model = dialog.table.model()
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked, CHECK)  # the view's click
    assert dialog.chosen() == [sleepers["吴远"]]
    assert dialog.selected.text() == "1 selected"
    asked: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        _click(qtbot, box.button(QMessageBox.StandardButton.Cancel))

    errors = when_modal(qtbot, cancel)
    _click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: bool(asked) or bool(errors), timeout=10_000)
    qtbot.waitUntil(dialog.start.isEnabled, timeout=10_000)
    assert errors == []
    assert "吴远" in asked[0]
    assert "周久" not in asked[0]
    assert _status(pharmacy, sleepers["吴远"]) == ("active", "13500000002")
    assert dialog.anonymised == []
    assert dialog.chosen() == [sleepers["吴远"]]  # still ticked, to think again


def test_a_customer_who_came_back_is_left_alone(
    qtbot: QtBot, pharmacy: Context, sleepers: dict[str, int], runner: BackgroundRunner
) -> None:
    dialog = _opened(qtbot, pharmacy, runner, 2)
    _click(qtbot, dialog.select_all)
    purchases.record(pharmacy, sleepers["周久"], [purchases.LineInput("口罩", 1, 500)])
    asked: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        _click(qtbot, box.button(QMessageBox.StandardButton.Cancel))

    errors = when_modal(qtbot, cancel)
    _click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: bool(asked) or bool(errors), timeout=10_000)
    assert errors == []
    assert "Anonymise 1 customer?" in asked[0]
    assert "1 chosen customer came back" in asked[0]


def test_space_ticks_the_selected_rows_and_sorting_keeps_the_ticks(
    qtbot: QtBot, pharmacy: Context, sleepers: dict[str, int], runner: BackgroundRunner
) -> None:
    dialog = _opened(qtbot, pharmacy, runner, 2)
    table = dialog.table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.chosen() == [sleepers["吴远"]]
    table.selectAll()
    qtbot.keyClick(table, Qt.Key.Key_Space)  # not all of them ticked: ticks all
    assert _ticks(dialog) == [True, True]
    qtbot.keyClick(table, Qt.Key.Key_Space)  # all ticked: unticks all
    assert dialog.chosen() == []
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.chosen() == [sleepers["周久"]]

    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # a header click
    assert _column(dialog, 1) == ["吴远", "周久"]
    assert _ticks(dialog) == [False, True]
    assert table.selectionModel().selectedRows()[0].row() == 1  # the selection moved along
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert _column(dialog, 3) == ["1", "2"]
    assert dialog.chosen() == [sleepers["周久"]]


def test_the_list_read_again_keeps_the_order_chosen(
    qtbot: QtBot, pharmacy: Context, sleepers: dict[str, int], runner: BackgroundRunner
) -> None:
    dialog = _opened(qtbot, pharmacy, runner, 2)
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    dialog.reload()
    qtbot.waitUntil(dialog.table.isEnabled, timeout=10_000)
    assert _column(dialog, 1) == ["吴远", "周久"]


def _settings_changes(pharmacy: Context) -> int:
    return pharmacy.db.execute_sql(
        "SELECT count(*) FROM audit_event WHERE action = 'settings.changed'"
    ).fetchone()[0]


def test_the_years_box_shows_another_list_and_changes_no_setting(
    qtbot: QtBot, pharmacy: Context, sleepers: dict[str, int], runner: BackgroundRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    reads: list[int | None] = []
    read = retention.inactive_customers

    def counted(ctx: Context, *, years: int | None = None) -> list[InactiveCustomer]:
        reads.append(years)
        return read(ctx, years=years)

    monkeypatch.setattr(retention, "inactive_customers", counted)
    dialog = _opened(qtbot, pharmacy, runner, 2)
    assert dialog.years.value() == 3
    assert reads == [3]
    dialog.years.setFocus()
    qtbot.waitUntil(dialog.years.hasFocus)
    for _ in range(4):  # as the arrows do, one step a click
        qtbot.keyClick(dialog.years, Qt.Key.Key_Up)
    assert dialog.years.value() == 7
    assert reads == [3]  # not read per step: once the owner stops
    qtbot.waitUntil(lambda: "before 2019-11-20" in dialog.status.text(), timeout=10_000)
    assert reads == [3, 7]
    assert dialog.table.model().rowCount() == 0
    assert dialog.years.hasFocus()  # the box stays usable while the list is read
    dialog.start.setFocus()  # leaving the box saves nothing either
    assert retention.retention_years(pharmacy) == 3
    assert _settings_changes(pharmacy) == 0
    dialog.years.setValue(2)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == 2, timeout=10_000)
    assert "2 customers inactive since before 2024-11-20." in dialog.status.text()
    assert retention.retention_years(pharmacy) == 3


def test_the_review_starts_from_the_setting_and_anonymises_by_the_years_shown(
    qtbot: QtBot, pharmacy: Context, sleepers: dict[str, int], runner: BackgroundRunner
) -> None:
    retention.set_retention_years(pharmacy, 7)
    dialog = _opened(qtbot, pharmacy, runner, 0)
    assert dialog.years.value() == 7
    dialog.years.setValue(5)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == 2, timeout=10_000)
    _click(qtbot, dialog.select_all)

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert "Anonymise 2 customers?" in box.text()
        _click(qtbot, next(b for b in box.findChildren(QPushButton) if b.text() == "Anonymise"))

    errors = when_modal(qtbot, confirm)
    _click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: len(dialog.anonymised) == 2 or bool(errors), timeout=10_000)
    assert errors == []
    for name in ("周久", "吴远"):
        assert _status(pharmacy, sleepers[name]) == ("anonymised", None)
    assert retention.retention_years(pharmacy) == 7


def _many_inactive(pharmacy: Context, count: int) -> list[int]:
    """`count` customers made in 2020 and never seen since, the demo generator's way."""
    rows = [(i, f"R{i:06d}", f"顾客{i}", f"139{i:08d}") for i in range(1, count + 1)]
    with pharmacy.db.atomic():
        pharmacy.db.cursor().executemany(
            "INSERT INTO customer (id, code, name, mobile, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'active', '2020-01-01T09:00:00+08:00', "
            "'2020-01-01T09:00:00+08:00')",
            rows,
        )
    return [row[0] for row in rows]


def test_a_large_pharmacys_review_lists_and_previews_every_inactive_customer(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner
) -> None:
    ids = _many_inactive(pharmacy, 20_000)
    dialog = _opened(qtbot, pharmacy, runner, 20_000)
    assert _column(dialog, 0)[:2] == ["R000001", "R000002"]
    assert dialog.table.model().index(19_999, 0).data() == "R020000"
    _click(qtbot, dialog.select_all)
    assert dialog.chosen() == ids
    assert dialog.selected.text() == f"{QLocale().toString(20_000)} selected"
    asked: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        _click(qtbot, box.button(QMessageBox.StandardButton.Cancel))

    errors = when_modal(qtbot, cancel)
    _click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: bool(asked) or bool(errors), timeout=20_000)
    assert errors == []
    assert f"Anonymise {QLocale().toString(20_000)} customers?" in asked[0]
    assert f" and {QLocale().toString(20_000 - 20)} more" in asked[0]
    assert _status(pharmacy, ids[0]) == ("active", "13900000001")
