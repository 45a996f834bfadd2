"""Reading the audit log: filters, pages, the chain check, refusals, and the export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import OperationFailed, PermissionRefused, UsageError
from pharmadesk.io import audit_export
from pharmadesk.services import accounts, audit, audit_log, customers, vault
from pharmadesk.services.audit_log import AuditFilter
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD, FakeClock


@pytest.fixture
def log(pharmacy: Context, clock: FakeClock, db_path: Path) -> Iterator[Context]:
    """Three days of events by the owner, li (pharmacist) and wang (staff); the owner's
    pharmacy, signed in again last."""
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    made = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert made is not None
    clock.advance(days=1)
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    customers.update(li, made.id, {"address": "文三路 1 号"})
    audit.record_view(li, made.id)
    li.close()
    clock.advance(days=1)
    wang = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    customers.create(wang, {"name": "李四", "mobile": "13900001111"})
    wang.close()
    owner = vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    yield owner
    owner.close()


def _actions(page: audit_log.AuditPage) -> list[str]:
    return [entry.action for entry in page.entries]


def test_newest_first_with_the_total(log: Context) -> None:
    page = audit_log.search(log)
    ids = [entry.id for entry in page.entries]
    assert ids == sorted(ids, reverse=True)
    assert page.total == AuditEvent.select().count() == len(ids)
    assert not page.has_more
    newest = [(e.user_name, e.action) for e in page.entries[:3]]
    assert newest == [("owner", "login"), ("wang", "customer.created"), ("wang", "login")]


def test_pages_by_offset_and_by_the_last_event_seen(log: Context) -> None:
    everything = [entry.id for entry in audit_log.search(log).entries]
    first = audit_log.search(log, limit=3)
    assert [e.id for e in first.entries] == everything[:3]
    assert first.has_more
    second = audit_log.search(log, limit=3, offset=3)
    assert [e.id for e in second.entries] == everything[3:6]
    after = audit_log.events(log, limit=3, before_id=first.entries[-1].id)
    assert [e.id for e in after] == everything[3:6]
    walked = [entry.id for entry in audit_log.iterate(log, batch=2)]
    assert walked == everything


def test_filters_by_user_action_family_customer_and_local_days(log: Context) -> None:
    by_li = audit_log.search(log, AuditFilter(user_name="li"))
    assert {e.user_name for e in by_li.entries} == {"li"}
    assert _actions(by_li) == ["customer.opened", "customer.updated", "login"]
    created = audit_log.search(log, AuditFilter(action="customer.created"))
    assert {e.user_name for e in created.entries} == {"owner", "wang"}
    family = audit_log.search(log, AuditFilter(action="account.*"))
    assert _actions(family) == ["account.created", "account.created"]
    assert audit_log.count(log, AuditFilter(action="account.")) == 2
    first = audit_log.search(log, AuditFilter(action="customer.created")).entries[-1]
    about = audit_log.search(log, AuditFilter(customer_id=first.customer_id))
    assert _actions(about) == ["customer.opened", "customer.updated", "customer.created"]
    day_two = audit_log.search(log, AuditFilter(since=date(2026, 11, 21), until=date(2026, 11, 21)))
    assert {e.user_name for e in day_two.entries} == {"li"}
    from_day_two = audit_log.count(log, AuditFilter(since=date(2026, 11, 21)))
    up_to_day_one = audit_log.count(log, AuditFilter(until=date(2026, 11, 20)))
    assert from_day_two + up_to_day_one == audit_log.count(log)


def test_a_day_range_backwards_or_a_bad_page_is_refused(log: Context) -> None:
    with pytest.raises(OperationFailed, match="first day"):
        audit_log.search(log, AuditFilter(since=date(2026, 11, 22), until=date(2026, 11, 20)))
    with pytest.raises(OperationFailed):
        audit_log.events(log, limit=0)


def test_the_filter_choices_are_the_names_and_actions_in_the_log(log: Context) -> None:
    assert audit_log.user_names(log) == ["li", "owner", "wang"]
    found = audit_log.actions(log)
    assert {"login", "customer.created", "customer.updated", "account.created"} <= set(found)
    assert found == sorted(found)


def test_the_chain_check_in_steps_finds_what_verify_chain_finds(log: Context) -> None:
    assert audit_log.chain_status(log).intact
    state = audit_log.check_chain(log, step=2)
    while not state.done:
        state = audit_log.check_chain(log, state, step=2)
    assert state.status is not None
    assert state.status.intact
    assert state.checked == AuditEvent.select().count()
    target = audit_log.search(log, AuditFilter(user_name="li")).entries[1].id
    log.db.execute_sql("UPDATE audit_event SET user_name = 'owner' WHERE id = ?", (target,))
    whole = audit_log.chain_status(log)
    assert (whole.broken_at, whole.reason) == (target, "was changed after it was written")
    state = audit_log.check_chain(log, step=3)
    while not state.done:
        state = audit_log.check_chain(log, state, step=3)
    assert state.status == whole


def test_a_row_edited_past_reading_is_still_shown_and_named(log: Context) -> None:
    target = audit_log.search(log).entries[2].id
    log.db.execute_sql(
        "UPDATE audit_event SET at = 'yesterday', details = 'gone' WHERE id = ?", (target,)
    )
    shown = next(e for e in audit_log.search(log).entries if e.id == target)
    assert shown.at is None
    assert shown.stored_at == "yesterday"
    assert shown.details == {"?": "gone"}
    state = audit_log.check_chain(log)
    assert state.status is not None
    assert state.status.broken_at == target


@pytest.mark.parametrize("user", ["li", "wang"])
def test_only_the_owner_reads_or_exports_the_log(
    log: Context, db_path: Path, clock: FakeClock, tmp_path: Path, user: str
) -> None:
    password = {"li": "pharm-pw", "wang": "staff-pw"}[user]
    ctx = vault.open_pharmacy(db_path, user=user, password=password, clock=clock)
    calls = [
        lambda: audit_log.search(ctx),
        lambda: audit_log.events(ctx),
        lambda: audit_log.count(ctx),
        lambda: audit_log.user_names(ctx),
        lambda: audit_log.actions(ctx),
        lambda: audit_log.chain_status(ctx),
        lambda: audit_log.check_chain(ctx),
        lambda: audit_export.write(ctx, tmp_path / "audit.xlsx"),
    ]
    for call in calls:
        with pytest.raises(PermissionRefused):
            call()
    assert not (tmp_path / "audit.xlsx").exists()


def test_the_export_holds_the_filtered_events_and_is_audited(log: Context, tmp_path: Path) -> None:
    target = tmp_path / "审计.xlsx"
    chosen = AuditFilter(user_name="li", since=date(2026, 11, 21))
    expected = audit_log.search(log, chosen).entries
    names = {"customer.opened": "打开客户档案"}
    rows = audit_export.write(log, target, chosen, language="zh_CN", action_names=names)
    assert rows == len(expected) == 3
    sheet = load_workbook(target).active
    assert sheet.title == "审计日志"
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:5] == ("事件编号", "时间", "账户", "操作", "操作代码")
    assert [row[0] for row in values[1:]] == [e.id for e in expected]
    assert values[1][2:5] == ("li", "打开客户档案", "customer.opened")
    assert values[2][4] == "customer.updated"
    assert values[2][3] == "customer.updated"
    assert values[2][8] == '{"fields": ["address"]}'
    assert all("张三" not in str(cell) for row in values for cell in row)
    last = audit_log.search(log, limit=1).entries[0]
    assert last.action == "audit.exported"
    assert last.user_name == "owner"
    assert last.details == {
        "rows": 3,
        "filters": {"user": "li", "from": "2026-11-21"},
        "language": "zh_CN",
    }
    assert audit_log.chain_status(log).intact
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pharmadesk-staging")]


def test_the_english_export_and_a_wrong_target(log: Context, tmp_path: Path) -> None:
    target = tmp_path / "audit.xlsx"
    rows = audit_export.write(log, target)
    sheet = load_workbook(target).active
    assert sheet.title == "audit log"
    assert sheet.cell(1, 1).value == "event"
    assert sheet.max_row == rows + 1
    before = AuditEvent.select().count()
    with pytest.raises(UsageError):
        audit_export.write(log, tmp_path / "audit.csv")
    with pytest.raises(UsageError):
        audit_export.write(log, target, language="fr")
    assert AuditEvent.select().count() == before, "nothing written, nothing audited"
