"""The owner's dashboard: opened by keyboard, KPI cards as the service computes them, the
period changed as a user does, and a click on a chart through to a customer."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from pharmadesk.services import analytics, consents, customers, purchases
from pharmadesk.services.analytics.results import Period, last_full_month, month_of
from pharmadesk.services.context import Account, Context
from pharmadesk.ui import formatting
from pharmadesk.ui.dashboard import PREFETCH_IDLE_MS, DashboardWindow
from pharmadesk.ui.export_purpose import export_folder
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.segment_customers import CustomerListWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST, FakeClock
from tests.unit.ui.conftest import press, wheel_down

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
OCTOBER, SEPTEMBER = month_of(date(2026, 10, 1)), month_of(date(2026, 9, 1))


def _buy(ctx: Context, customer_id: int, day: date, fen: int, product: str = "维生素C片") -> None:
    line = purchases.LineInput(product, 1, fen, category="维生素营养")
    when = datetime(day.year, day.month, day.day, 15, 0, tzinfo=CST)
    purchases.record(ctx, customer_id, [line], purchased_at=when)


@pytest.fixture
def shop(pharmacy: Context, people: dict[str, int], clock: FakeClock) -> dict[str, int]:
    """张三 comes in September and twice in October; 李四 (first bought on the clock's day,
    20 November) once in October; 王五 is new in October. 张三 and 王五 agreed to be
    contacted, 李四 did not."""
    ww = customers.create(
        pharmacy, {"name": "王五", "mobile": "13700002222", "consent_marketing": "given"}
    ).customer
    assert ww is not None
    consents.record(pharmacy, people["张三"], "marketing", "given")
    _buy(pharmacy, people["张三"], date(2026, 9, 10), 5000)
    _buy(pharmacy, people["张三"], date(2026, 10, 15), 3000)
    _buy(pharmacy, people["张三"], date(2026, 10, 20), 2000)
    _buy(pharmacy, people["李四"], date(2026, 10, 5), 1200)
    _buy(pharmacy, ww.id, date(2026, 10, 25), 800, product="感冒灵颗粒")
    return {**people, "王五": ww.id}


def _open(qtbot: QtBot, window: MainWindow) -> DashboardWindow:
    press(qtbot, Qt.Key.Key_D, CTRL_SHIFT)
    dash = window.findChild(DashboardWindow)
    assert dash is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dash.picker.kind)
    return dash


def _shown(qtbot: QtBot, dash: DashboardWindow, period: Period) -> None:
    """Wait until `period` is computed and every chart drawn."""
    qtbot.waitUntil(lambda: dash.dashboard is not None and dash.dashboard.period == period)
    qtbot.waitUntil(lambda: dash.state.text() == "")


def _card(dash: DashboardWindow, key: str) -> tuple[str, str]:
    card = dash.cards.cards[key]
    return card.value.text(), card.change.text()


def test_the_cards_show_the_last_full_month_against_the_one_before(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, shop: dict[str, int]
) -> None:
    dash = _open(qtbot, window)
    assert dash.picker.period() == last_full_month(pharmacy.today()) == OCTOBER
    _shown(qtbot, dash, OCTOBER)
    computed = analytics.dashboard(pharmacy, OCTOBER).kpis
    assert _card(dash, "revenue")[0] == formatting.money(computed.revenue_fen) == "¥70.00"
    assert _card(dash, "transactions")[0] == formatting.count(computed.transactions) == "4"
    assert _card(dash, "customers_served")[0] == "3"
    assert _card(dash, "new_customers")[0] == "2"
    assert _card(dash, "average_basket")[0] == formatting.money(computed.average_basket_fen)
    assert _card(dash, "repurchase_rate")[0] == "33.3 %"
    assert _card(dash, "average_rating")[0] == formatting.NO_VALUE
    # September: 张三's ¥50.00 in one transaction.
    assert _card(dash, "revenue")[1] == "▲ +40.0 %"
    assert _card(dash, "transactions")[1] == "▲ +300.0 %"
    assert dash.picker.compared.text() == "compared with 2026-09"
    assert dash.report_button.isEnabled()
    # The first sale on file is of 10 September: September is only partly on record.
    assert dash.comparison_note.isVisible()
    assert dash.comparison_note.text() == (
        "Sales are on record from 2026-09-10 only: 2026-09 is partly recorded, so the "
        "changes against it are not like for like."
    )
    assert "2026-09 (only partly on record): ¥50.00" in dash.cards.cards["revenue"].toolTip()
    dash.close()


def test_against_a_fully_recorded_month_no_note_is_shown(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, shop: dict[str, int]
) -> None:
    _buy(pharmacy, shop["李四"], date(2026, 8, 31), 100)
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    assert not dash.comparison_note.isVisible()
    assert dash.cards.cards["revenue"].toolTip().endswith("2026-09: ¥50.00")
    dash.close()


def test_alt_left_steps_back_a_month_and_the_cards_follow(
    qtbot: QtBot, window: MainWindow, shop: dict[str, int]
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dash.state.text() == "Computing…"
    _shown(qtbot, dash, SEPTEMBER)
    assert _card(dash, "revenue")[0] == "¥50.00"
    assert _card(dash, "customers_served")[0] == "1"
    assert dash.picker.shown.text() == "2026-09"

    dash.picker.kind.setCurrentIndex(dash.picker.kind.findData("quarter"))
    quarter = dash.picker.period()
    assert quarter.kind == "quarter"
    _shown(qtbot, dash, quarter)
    assert dash.report_button.isEnabled() is False
    dash.close()


def test_a_newer_choice_replaces_one_still_being_computed(
    qtbot: QtBot, window: MainWindow, shop: dict[str, int]
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    drawn: list[Period] = []
    original = dash.show_dashboard
    dash.show_dashboard = lambda board: (drawn.append(board.period), original(board))  # type: ignore[method-assign]
    for _ in range(3):
        dash.picker.step(-1)  # three clicks on ◀ before the first result is back
    _shown(qtbot, dash, month_of(date(2026, 7, 1)))
    window._runner.wait_idle()
    assert drawn == [month_of(date(2026, 7, 1))]
    dash.close()


def _click_bar(qtbot: QtBot, dash: DashboardWindow, kind: str, gid: str) -> None:
    """A left click on the middle of the bar with `gid`, where the user sees it."""
    view = dash.charts[kind]
    dash.chart_area.ensureWidgetVisible(view)
    view.canvas.draw()
    bars = [a for a in view.figure.findobj() if getattr(a, "get_gid", None) and a.get_gid() == gid]
    assert bars, f"no bar {gid} in {kind}"
    box = bars[0].get_window_extent()
    ratio = view.canvas.device_pixel_ratio or 1
    x, y = box.x0 + box.width / 2, box.y0 + box.height / 2
    where = QPoint(int(x / ratio), int(view.canvas.height() - y / ratio))
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=where)


def _list(qtbot: QtBot, dash: DashboardWindow) -> CustomerListWindow:
    qtbot.waitUntil(lambda: bool(dash.lists))
    shown = dash.lists[-1]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is shown.table)
    return shown


def test_a_click_on_a_stage_lists_its_customers_and_enter_opens_one(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, shop: dict[str, int]
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    _click_bar(qtbot, dash, "stages", "stage:repeat")
    shown = _list(qtbot, dash)
    expected = analytics.customers_in(pharmacy, OCTOBER, stage="repeat")
    assert [r.id for r in expected] == [shop["张三"]]
    assert shown.model.rowCount() == 1
    assert shown.model.index(0, 0).data() == "张三"
    assert shown.model.index(0, 6).data() == "¥100.00"  # spend in the 12 months to 31 Oct
    assert shown.windowTitle() == "Stage: Repeat — 2026-10"
    press(qtbot, Qt.Key.Key_Return)
    assert window.customer_id == shop["张三"]
    assert window.form.editor("name").text() == "张三"
    shown.close()
    dash.close()


def test_a_list_leaves_out_who_did_not_agree_to_be_contacted(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, shop: dict[str, int]
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    dash.show_customers("stage:new")  # 王五 and 李四 are new in October
    shown = _list(qtbot, dash)
    assert [shown.model.index(r, 0).data() for r in range(shown.model.rowCount())] == ["王五"]
    assert shown.summary.text().endswith("1 left out: no contact consent")
    shown.close()
    dash.close()


def test_a_product_s_buyers_are_listed_and_exported(
    qtbot: QtBot,
    window: MainWindow,
    pharmacy: Context,
    shop: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    assert dash.dashboard is not None
    cold = next(p for p in dash.dashboard.top_products if p.label.startswith("感冒灵"))
    dash.show_customers(f"product:{cold.key}")  # what the pick on that bar calls
    shown = _list(qtbot, dash)
    assert shown.model.rowCount() == 1
    assert shown.model.index(0, 0).data() == "王五"
    target = tmp_path / "buyers.xlsx"
    monkeypatch.setattr(shown, "ask_path", lambda: target)
    qtbot.mouseClick(shown.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown.summary.text().startswith("Exported to"))
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    code = customers.get(pharmacy, shop["王五"]).code
    assert rows[1][:3] == ("王五", code, "13700002222")
    assert rows[1][3] == datetime(2026, 10, 25)  # a real date, not text
    assert rows[1][6] == 8.0  # yuan, as a number
    shown.close()
    dash.close()


def test_the_month_report_and_a_chart_are_saved(
    qtbot: QtBot,
    window: MainWindow,
    shop: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    report = tmp_path / "report-2026-10.pdf"
    monkeypatch.setattr(dash, "ask_report_path", lambda period: report)
    qtbot.mouseClick(dash.report_button, Qt.MouseButton.LeftButton)
    assert not dash.report_button.isEnabled()  # written on the worker thread
    qtbot.waitUntil(lambda: dash.state.text() == "Month report written: report-2026-10.pdf")
    assert report.read_bytes().startswith(b"%PDF")
    assert dash.report_button.isEnabled()

    view = dash.charts["segments"]
    chart = tmp_path / "segments.png"
    monkeypatch.setattr(view, "ask_path", lambda: chart)
    dash.chart_area.ensureWidgetVisible(view.save_button)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert chart.read_bytes().startswith(b"\x89PNG")
    dash.close()


def test_the_wheel_over_a_chart_scrolls_the_dashboard(
    qtbot: QtBot, window: MainWindow, shop: dict[str, int]
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    bar = dash.chart_area.verticalScrollBar()
    assert bar.maximum() > 0
    canvas = dash.charts["segments"].canvas
    wheel_down(canvas)
    assert bar.value() > 0  # the charts fill the page: the wheel lands on one
    dash.close()


def test_the_report_and_chart_save_dialogs_start_in_the_export_folder(
    qtbot: QtBot, window: MainWindow, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the program's own folder (on Windows, one a user cannot write to)."""
    offered: list[Path] = []

    def save_as(*args: object, **kwargs: object) -> tuple[str, str]:
        offered.append(Path(str(args[2])))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    assert dash.ask_report_path(OCTOBER) is None
    assert dash.charts["segments"].ask_path() is None
    assert [path.parent for path in offered] == [export_folder(), export_folder()]
    assert offered[0].name == "Month report-2026-10.pdf"
    dash.close()


def test_the_dashboard_is_the_owner_s(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, settings: QSettings
) -> None:
    assert window.act_charts.isEnabled()  # the owner signed in
    assert window.act_charts.shortcuts()[0].toString() == "Ctrl+Shift+D"
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "小王", "staff"))
    runner = BackgroundRunner()
    counter = MainWindow(staff, runner, settings)
    try:
        assert not counter.act_charts.isEnabled()
        counter.show_dashboard()
        assert counter.findChild(DashboardWindow) is None
    finally:
        counter.deleteLater()
        runner.stop()


def test_the_months_around_the_one_shown_are_computed_while_the_window_is_idle(
    qtbot: QtBot, window: MainWindow, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    dash = _open(qtbot, window)
    _shown(qtbot, dash, OCTOBER)
    # A search (any job) on the shared worker: no prefetch is queued behind or before it.
    release = threading.Event()
    window._runner.submit(release.wait, lambda _: None)
    try:
        qtbot.wait(3 * PREFETCH_IDLE_MS)
        assert dash._neighbours == [SEPTEMBER, month_of(date(2026, 11, 1))]
        assert not dash._prefetching
    finally:
        release.set()  # never leave the worker blocked, or the runner cannot stop
    qtbot.waitUntil(lambda: not dash._neighbours and not dash._prefetching, timeout=10_000)

    # Both neighbours are kept: ◀ shows September without computing anything.
    def computed(*_: object) -> None:
        raise AssertionError("September should have been prefetched")

    monkeypatch.setattr(analytics, "_dashboard", computed)
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    _shown(qtbot, dash, SEPTEMBER)
    assert _card(dash, "revenue")[0] == "¥50.00"
    dash.close()


def test_a_pharmacist_sees_the_lists_but_only_the_owner_writes_them_to_a_file(
    qtbot: QtBot, pharmacy: Context, shop: dict[str, int]
) -> None:
    pharmacist = replace(pharmacy, account=Account(pharmacy.account.id, "李药师", "pharmacist"))
    runner = BackgroundRunner()
    dash = DashboardWindow(pharmacist, runner)
    try:
        dash.show()
        _shown(qtbot, dash, OCTOBER)
        dash.show_customers("stage:repeat")
        shown = _list(qtbot, dash)
        assert shown.model.index(0, 0).data() == "张三"
        assert not shown.export_button.isEnabled()
        assert "owner" in shown.export_button.toolTip()
        shown.close()
    finally:
        dash.close()
        dash.deleteLater()
        runner.stop()
