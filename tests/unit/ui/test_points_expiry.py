"""The points expiry run in the counter window: after unlocking, again when the day changes
while the window stays open, never twice for the same points."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pharmadesk.errors import OperationFailed
from pharmadesk.services import audit_log, backups, customers, loyalty, purchases
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST, PASSWORD, FakeClock
from tests.unit.ui.test_backup_ui import sign_in

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, pharmacy: Context, settings: QSettings) -> Iterator[MakeWindow]:
    """The window as `app.run_window` makes it (automatic housekeeping), a backup made
    just before so that no daily backup runs meanwhile."""
    backups.make_backup(pharmacy, backups.backup_folder(pharmacy), reason="manual")
    made: list[tuple[MainWindow, BackgroundRunner]] = []

    def make() -> MainWindow:
        holder: list[MainWindow] = []
        runner = BackgroundRunner(on_stop=lambda: holder[0].ctx.close_connection())
        win = MainWindow(pharmacy, runner, settings, automatic_backups=True)
        holder.append(win)
        made.append((win, runner))
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    for win, runner in made:
        win.backups.wait_idle()
        win.backups.automatic = False  # no exit backup
        win.close()
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        runner.stop()
        if win.ctx is not pharmacy:
            win.ctx.close()


def customer_who_earned(ctx: Context, name: str, mobile: str, *, on: date, fen: int) -> int:
    made = customers.create(ctx, {"name": name, "mobile": mobile}).customer
    assert made is not None
    line = purchases.LineInput("感冒灵颗粒", 1, fen, category="感冒用药")
    purchases.record(ctx, made.id, [line], purchased_at=datetime.combine(on, time(10), CST))
    return made.id


def expired(ctx: Context, customer_id: int) -> list[tuple[int, date]]:
    return [(e.points, e.effective_on) for e in loyalty.entries(ctx, customer_id)
            if e.kind == "expired"]  # fmt: skip


def runs_finished(qtbot: QtBot, window: MainWindow, before: object) -> None:
    qtbot.waitUntil(lambda: window.points_expiry.last_run is not before, timeout=10_000)


def test_points_of_two_years_ago_expire_after_unlock_and_only_once(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context, clock: FakeClock
) -> None:
    zs = customer_who_earned(pharmacy, "张三", "13812345678", on=date(2024, 5, 1), fen=12_000)
    ls = customer_who_earned(pharmacy, "李四", "13900001111", on=date(2024, 8, 1), fen=3_000)
    # Earned in 2025, usable through 2026: kept.
    ww = customer_who_earned(pharmacy, "王五", "13700002222", on=date(2025, 3, 1), fen=5_000)
    window = make_window()
    runs_finished(qtbot, window, None)

    assert expired(pharmacy, zs) == [(-120, date(2026, 1, 1))]
    assert expired(pharmacy, ls) == [(-30, date(2026, 1, 1))]
    assert expired(pharmacy, ww) == []
    assert loyalty.standing(pharmacy, zs).ledger_sum == 0
    assert loyalty.standing(pharmacy, ww).ledger_sum == 50
    assert window.statusBar().currentMessage() == "2 customers' points expired"
    first = window.points_expiry.last_run

    clock.advance(days=1)  # the window stays open into the next day
    window.points_expiry.run_if_due()
    runs_finished(qtbot, window, first)
    assert window.points_expiry.last_run.entries == 0  # type: ignore[union-attr]

    second = window.points_expiry.last_run
    window.lock()
    qtbot.waitUntil(lambda: window.state == "locked", timeout=10_000)
    sign_in(qtbot, window, "owner", PASSWORD)
    runs_finished(qtbot, window, second)
    assert expired(pharmacy, zs) == [(-120, date(2026, 1, 1))]
    assert expired(pharmacy, ls) == [(-30, date(2026, 1, 1))]
    logged = audit_log.search(pharmacy, audit_log.AuditFilter(action="points.expired"))
    assert logged.total == 1


def test_the_same_day_is_not_run_twice_while_the_window_is_open(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    window = make_window()
    runs_finished(qtbot, window, None)
    first = window.points_expiry.last_run
    window.points_expiry.run_if_due()  # the 10-minute look, the same day
    window.backups.wait_idle()
    assert window.points_expiry.last_run is first


def test_a_failed_run_is_shown_in_the_status_bar(
    qtbot: QtBot,
    make_window: MakeWindow,
    pharmacy: Context,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OperationFailed("the disk is full")

    monkeypatch.setattr(loyalty, "expire", broken)
    window = make_window()
    warning = window.points_expiry.warning
    qtbot.waitUntil(warning.isVisible, timeout=10_000)
    assert warning.text() == "Expired points could not be written off: the disk is full"
