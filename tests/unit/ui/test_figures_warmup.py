"""The window prepares the month-end figures after a session opens, for a role that sees
the dashboard, and stops when the session ends."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pharmadesk.services import accounts, vault
from pharmadesk.services.analytics import cache, warmup
from pharmadesk.services.analytics.people import groups_key
from pharmadesk.services.context import Context
from pharmadesk.ui.figures_warmup import FiguresWarmup
from pharmadesk.ui.main_window import MainWindow
from tests.conftest import PASSWORD, FakeClock
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.test_figures import lines_for


def _kept_groups(ctx: Context) -> int:
    sql = "SELECT count(*) FROM analytics_cache WHERE key LIKE 'groups:%'"
    return int(ctx.db.execute_sql(sql).fetchone()[0])


def test_an_owners_session_prepares_every_closed_period(qtbot: QtBot, pharmacy: Context) -> None:
    shop.write_raw(pharmacy, lines_for(shop.add_customers(pharmacy, 7)))
    figures = FiguresWarmup(delay_ms=0)
    figures.session_started(pharmacy)
    qtbot.waitUntil(lambda: figures.preparer is not None, timeout=5000)
    assert figures.preparer is not None
    preparer = figures.preparer
    qtbot.waitUntil(lambda: not preparer.running(), timeout=60_000)
    assert preparer.prepared == len(warmup.periods_to_prepare(pharmacy.today()))
    assert _kept_groups(pharmacy) >= preparer.prepared
    figures.stop()
    assert figures.preparer is None


def test_ending_the_session_before_the_delay_prepares_nothing(
    qtbot: QtBot, pharmacy: Context
) -> None:
    figures = FiguresWarmup(delay_ms=50)
    figures.session_started(pharmacy)
    figures.stop()
    qtbot.wait(200)
    assert figures.preparer is None
    assert _kept_groups(pharmacy) == 0


def test_staff_sessions_prepare_nothing(
    qtbot: QtBot, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "staff", role="staff", password=PASSWORD)
    staff = vault.open_pharmacy(db_path, user="staff", password=PASSWORD, clock=clock)
    try:
        figures = FiguresWarmup(delay_ms=0)
        figures.session_started(staff)
        qtbot.wait(200)
        assert figures.preparer is None
    finally:
        staff.close()


def test_locking_the_window_stops_the_preparation(qtbot: QtBot, window: MainWindow) -> None:
    window.figures._delay_ms = 0
    window.figures.session_started(window.ctx)
    qtbot.waitUntil(lambda: window.figures.preparer is not None, timeout=5000)
    preparer = window.figures.preparer
    assert preparer is not None
    window.lock()
    assert window.figures.preparer is None
    assert not preparer.running()


def _prepared(qtbot: QtBot, figures: FiguresWarmup) -> int:
    qtbot.waitUntil(lambda: figures.preparer is not None, timeout=5000)
    preparer = figures.preparer
    assert preparer is not None
    qtbot.waitUntil(lambda: not preparer.running(), timeout=60_000)
    return preparer.prepared


def test_figures_an_import_dropped_are_prepared_again(qtbot: QtBot, pharmacy: Context) -> None:
    customers = shop.add_customers(pharmacy, 7)
    shop.write_raw(pharmacy, lines_for(customers))
    figures = FiguresWarmup(delay_ms=0, again_ms=0)
    figures.session_started(pharmacy)
    _prepared(qtbot, figures)
    kept = _kept_groups(pharmacy)
    # Lines of an ended month, as an import of old purchases writes them.
    shop.write_raw(pharmacy, lines_for(shop.add_customers(pharmacy, 7)))
    assert _kept_groups(pharmacy) < kept
    figures.again()
    _prepared(qtbot, figures)
    assert _kept_groups(pharmacy) == kept
    figures.stop()


def test_a_new_day_prepares_the_new_last_full_month(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock
) -> None:
    shop.write_raw(pharmacy, lines_for(shop.add_customers(pharmacy, 7)))
    figures = FiguresWarmup(delay_ms=0, again_ms=0, day_check_ms=10)
    figures.session_started(pharmacy)
    _prepared(qtbot, figures)
    before = figures.preparer
    clock.advance(days=31)  # the window left open into the next month
    qtbot.waitUntil(lambda: figures.preparer is not before, timeout=5000)
    assert _prepared(qtbot, figures) == len(warmup.periods_to_prepare(pharmacy.today()))
    newest = warmup.periods_to_prepare(pharmacy.today())[0]  # the new last full month
    assert cache.peek(pharmacy, groups_key(newest)) is not None
    figures.stop()


def test_an_import_in_the_window_prepares_the_figures_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.figures._delay_ms = window.figures._again_ms = 0
    window.figures.session_started(window.ctx)
    qtbot.waitUntil(lambda: window.figures.preparer is not None, timeout=5000)
    before = window.figures.preparer
    window.tools.customers_changed.emit()  # what an import, or its undo, ends with
    qtbot.waitUntil(lambda: window.figures.preparer not in (None, before), timeout=5000)
    assert before is not None
    assert not before.running()
