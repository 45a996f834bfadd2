"""Tools > Audit log…, driven as the owner does it: filters, paging, a tampered row, export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pharmadesk.services import accounts, audit, audit_log, customers, vault
from pharmadesk.services.context import Context
from pharmadesk.ui import audit_viewer
from pharmadesk.ui.audit_viewer import AuditLogDialog, AuditTableModel
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import PASSWORD, FakeClock

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def owner(pharmacy: Context, db_path: Path, clock: FakeClock) -> Iterator[Context]:
    """The owner signed in again after li (a pharmacist) opened and changed a customer."""
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    made = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert made is not None
    clock.advance(days=1)
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    audit.record_view(li, made.id)
    customers.update(li, made.id, {"address": "文三路 1 号"})
    li.close()
    clock.advance(hours=1)
    signed_in = vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    yield signed_in
    signed_in.close()


def _open(qtbot: QtBot, ctx: Context, runner: BackgroundRunner | None = None) -> AuditLogDialog:
    dialog = AuditLogDialog(ctx, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.chain is not None and dialog.chain.done)
    return dialog


def _column(dialog: AuditLogDialog, column: int) -> list[object]:
    model = dialog.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_opens_on_the_newest_events_with_the_chain_intact(qtbot: QtBot, owner: Context) -> None:
    dialog = _open(qtbot, owner)
    total = audit_log.count(owner)
    assert dialog.chain_label.text() == (
        f"The audit log is intact: all {total} events are as they were written."
    )
    assert "#1b5e20" in dialog.chain_label.styleSheet()
    ids = _column(dialog, 0)
    assert len(ids) == total
    assert ids == sorted(ids, reverse=True)
    assert _column(dialog, 2)[:3] == ["owner", "li", "li"]
    assert _column(dialog, 3)[:3] == ["Login", "Customer changed", "Customer file opened"]
    assert _column(dialog, 5)[1] == "fields=address"
    assert dialog.message.text() == f"{total} events"


def test_filtering_by_user_shows_only_that_users_rows(qtbot: QtBot, owner: Context) -> None:
    dialog = _open(qtbot, owner)
    assert [dialog.bar.user.itemText(i) for i in range(dialog.bar.user.count())] == [
        "All users", "li", "owner",
    ]  # fmt: skip
    dialog.bar.user.setFocus()
    qtbot.keyClick(dialog.bar.user, Qt.Key.Key_Down)  # as a keyboard picks the next name
    assert dialog.bar.user.currentData() == "li"
    assert set(_column(dialog, 2)) == {"li"}
    assert len(_column(dialog, 2)) == audit_log.count(owner, audit_log.AuditFilter(user_name="li"))
    assert dialog.message.text() == "3 events"


def test_filtering_by_action_family_days_and_customer(qtbot: QtBot, owner: Context) -> None:
    dialog = _open(qtbot, owner)
    action = dialog.bar.action
    action.setCurrentIndex(action.findData("account."))
    assert action.currentText() == "All account changes"
    assert _column(dialog, 3) == ["Account created"]
    action.setCurrentIndex(0)
    qtbot.keyClicks(dialog.bar.date_from, "2026-11-21")
    qtbot.keyClick(dialog.bar.date_from, Qt.Key.Key_Return)
    assert set(_column(dialog, 1)) == {"2026-11-21 10:00:00", "2026-11-21 11:00:00"}
    dialog.bar.date_from.clear()
    qtbot.keyClicks(dialog.bar.date_to, "2026/11/20")
    qtbot.keyClick(dialog.bar.date_to, Qt.Key.Key_Return)
    assert {str(time)[:10] for time in _column(dialog, 1)} == {"2026-11-20"}
    dialog.bar.date_to.clear()
    customer = audit_log.search(owner, audit_log.AuditFilter(action="customer.created"))
    qtbot.keyClicks(dialog.bar.customer, str(customer.entries[0].customer_id))
    qtbot.mouseClick(dialog.bar.apply, LEFT)
    assert _column(dialog, 3) == ["Customer changed", "Customer file opened", "New customer"]


def test_a_bad_or_backwards_date_is_said_not_raised(qtbot: QtBot, owner: Context) -> None:
    dialog = _open(qtbot, owner)
    shown = dialog.model.rowCount()
    qtbot.keyClicks(dialog.bar.date_from, "tomorrow")
    qtbot.keyClick(dialog.bar.date_from, Qt.Key.Key_Return)
    assert dialog.message.text().startswith("Not a date")
    assert dialog.model.rowCount() == shown
    dialog.bar.date_from.setText("2026-11-22")
    dialog.bar.date_to.setText("2026-11-20")
    qtbot.keyClick(dialog.bar.date_to, Qt.Key.Key_Return)
    assert dialog.message.text() == "The first day comes after the last day."


def test_an_edited_row_shows_the_broken_chain_naming_the_event(
    qtbot: QtBot, owner: Context
) -> None:
    edited = audit_log.search(owner, audit_log.AuditFilter(action="customer.updated"))
    target = edited.entries[0].id
    owner.db.execute_sql(
        "UPDATE audit_event SET details = '{\"fields\": []}' WHERE id = ?", (target,)
    )
    dialog = _open(qtbot, owner)
    text = dialog.chain_label.text()
    assert text.startswith("Warning: the audit log was tampered with.")
    assert f"The chain breaks at event {target}: it was changed after it was written." in text
    assert "#b00020" in dialog.chain_label.styleSheet()
    row = _column(dialog, 0).index(target)
    red = dialog.model.data(dialog.model.index(row, 3), Qt.ItemDataRole.ForegroundRole)
    assert red is not None
    assert red.color().name() == "#b00020"
    other = dialog.model.data(dialog.model.index(0, 3), Qt.ItemDataRole.ForegroundRole)
    assert other is None


def test_a_removed_row_breaks_the_link(qtbot: QtBot, owner: Context) -> None:
    opened = audit_log.search(owner, audit_log.AuditFilter(action="customer.opened"))
    target = opened.entries[0].id
    owner.db.execute_sql("DELETE FROM audit_event WHERE id = ?", (target,))
    dialog = _open(qtbot, owner)
    assert f"breaks at event {target + 1}: it does not link" in dialog.chain_label.text()


def test_the_log_is_read_a_page_at_a_time(
    qtbot: QtBot, owner: Context, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object
) -> None:
    with owner.db.atomic():
        for number in range(40):
            audit.record(owner, "customer.opened", customer_id=number + 1)
    monkeypatch.setattr(audit_viewer, "PAGE", 15)
    dialog = _open(qtbot, owner)
    model = dialog.model
    total = audit_log.count(owner)
    first = model.rowCount()  # the pages that fill the view, no more
    assert first % 15 == 0
    assert first < total
    assert model.canFetchMore()
    dialog.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > first)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    ids = _column(dialog, 0)
    assert ids == sorted(set(ids), reverse=True)  # type: ignore[type-var]
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_an_error_while_paging_is_shown(qtbot: QtBot) -> None:
    shown: list[BaseException] = []

    def fetch(before: int | None) -> list[audit_log.AuditEntry]:
        raise audit_log.OperationFailed("the database is locked")

    model = AuditTableModel(fetch, shown.append)
    model.reload()
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    assert [str(e) for e in shown] == ["the database is locked"]


def test_export_writes_the_filtered_events_and_the_export_shows_up(
    qtbot: QtBot, owner: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open(qtbot, owner)
    dialog.bar.user.setCurrentIndex(dialog.bar.user.findData("li"))
    target = tmp_path / "audit.xlsx"
    monkeypatch.setattr(dialog, "ask_target", lambda: target)
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert dialog.exported == target
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("event", "time", "user", "action")
    assert [row[2] for row in rows[1:]] == ["li", "li", "li"]
    assert rows[1][3:5] == ("Customer changed", "customer.updated")
    assert dialog.message.text() == f"3 events exported to {target}."
    newest = audit_log.search(owner, limit=1).entries[0]
    assert newest.action == "audit.exported"
    assert newest.details["filters"] == {"user": "li"}
    dialog.bar.user.setCurrentIndex(0)
    assert _column(dialog, 3)[0] == "Audit log exported"


def test_an_export_that_fails_is_said_and_nothing_is_audited(
    qtbot: QtBot, owner: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open(qtbot, owner)
    before = audit_log.count(owner)
    monkeypatch.setattr(dialog, "ask_target", lambda: tmp_path / "missing" / "audit.xlsx")
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert "cannot write" in dialog.message.text()
    assert dialog.export_button.isEnabled()
    assert audit_log.count(owner) == before


def test_with_a_runner_the_slow_reads_happen_off_the_window(
    qtbot: QtBot, owner: Context, db_path: Path
) -> None:
    runner = BackgroundRunner(on_stop=owner.close_connection)
    try:
        dialog = _open(qtbot, owner, runner)
        total = audit_log.count(owner)
        qtbot.waitUntil(lambda: dialog.message.text() == f"{total} events")
        qtbot.waitUntil(lambda: dialog.bar.user.count() == 3)
        assert "intact" in dialog.chain_label.text()
    finally:
        runner.stop()


def test_a_pharmacist_is_told_the_log_is_the_owners(
    qtbot: QtBot, owner: Context, db_path: Path, clock: FakeClock
) -> None:
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    try:
        dialog = AuditLogDialog(li)
        qtbot.addWidget(dialog)
        assert dialog.model.rowCount() == 0
        assert dialog.message.text() == "Only the owner may see the audit log."
    finally:
        li.close()
