"""Stale-record review: the counter's flag, the owner's setting, customers who left, the list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from pharmadesk.db.models import AuditEvent, Customer
from pharmadesk.errors import OperationFailed, PermissionRefused, ValidationError
from pharmadesk.services import (
    birthdays,
    customers,
    interactions,
    profile,
    purchases,
    reminders,
    stale,
    stats,
)
from pharmadesk.services.context import Account, Context
from tests.conftest import CST, FakeClock


def _customer(ctx: Context, name: str, mobile: str, **extra: object) -> int:
    data = {"name": name, "mobile": mobile, "address": "解放路1号", **extra}
    made = customers.create(ctx, data, allow_duplicate=True).customer
    assert made is not None
    return made.id


def _bought(ctx: Context, customer_id: int, day: date, product: str = "降压片") -> None:
    line = purchases.LineInput(product, 1, 3950, category="慢病用药")
    purchases.record(ctx, customer_id, [line], purchased_at=datetime.combine(day, time(10), CST))


def _verified(customer_id: int, day: date | None) -> None:
    when = None if day is None else datetime.combine(day, time(9), CST)
    Customer.update(last_verified_at=when).where(Customer.id == customer_id).execute()


def _last_seen(customer_id: int, day: date | None) -> None:
    Customer.update(last_active_on=day).where(Customer.id == customer_id).execute()


def _created(customer_id: int, day: date) -> None:
    when = datetime.combine(day, time(9), CST)
    Customer.update(created_at=when).where(Customer.id == customer_id).execute()


def _actions(customer_id: int) -> list[str]:
    rows = AuditEvent.select().where(AuditEvent.customer_id == customer_id).order_by(AuditEvent.id)
    return [row.action for row in rows]


def test_the_flag_appears_for_a_stale_customer_who_comes_in_and_clears_on_confirmation(
    pharmacy: Context, clock: FakeClock
) -> None:
    anna = _customer(pharmacy, "安娜", "13900000001")
    assert not stale.needs_check(pharmacy, anna)  # just registered: confirmed today
    clock.advance(days=400)
    # Stale, but last seen 400 days ago: nothing to ask while they are not at the counter.
    assert not stale.needs_check(pharmacy, anna)
    _bought(pharmacy, anna, pharmacy.today())
    assert stale.needs_check(pharmacy, anna)
    assert profile.load(pharmacy, anna).needs_check
    stale.confirm(pharmacy, anna)
    assert not stale.needs_check(pharmacy, anna)
    assert not profile.load(pharmacy, anna).needs_check
    assert customers.get(pharmacy, anna).last_verified_at == clock.current
    assert _actions(anna).count("customer.verified") == 1


def test_a_visit_within_thirty_days_counts_and_one_before_does_not(
    pharmacy: Context, clock: FakeClock
) -> None:
    bo = _customer(pharmacy, "波", "13900000002")
    _verified(bo, date(2024, 1, 1))
    _last_seen(bo, date(2026, 10, 21))  # 30 days before 2026-11-20
    assert stale.needs_check(pharmacy, bo)
    clock.advance(days=1)
    assert not stale.needs_check(pharmacy, bo)


def test_never_verified_counts_from_the_day_the_record_was_made(pharmacy: Context) -> None:
    old, new = _customer(pharmacy, "老", "13900000003"), _customer(pharmacy, "新", "13900000004")
    for who, made in ((old, date(2025, 11, 19)), (new, date(2025, 11, 20))):
        _verified(who, None)
        _created(who, made)
    # Today is 2026-11-20: twelve months back is 2025-11-20, and only earlier is stale.
    assert stale.needs_check(pharmacy, old)
    assert not stale.needs_check(pharmacy, new)


def test_the_owner_sets_the_months_and_the_flag_follows(pharmacy: Context) -> None:
    cai = _customer(pharmacy, "蔡", "13900000005")
    _verified(cai, date(2025, 5, 20))  # 18 months before today
    assert stale.verify_after_months(pharmacy) == 12
    assert stale.needs_check(pharmacy, cai)
    stale.set_verify_after_months(pharmacy, 24)
    assert stale.verify_after_months(pharmacy) == 24
    assert not stale.needs_check(pharmacy, cai)
    assert [s.id for s in stale.review_list(pharmacy)] == []
    stale.set_verify_after_months(pharmacy, 18)
    assert not stale.needs_check(pharmacy, cai)  # exactly 18 months: not older than that
    stale.set_verify_after_months(pharmacy, 17)
    assert stale.needs_check(pharmacy, cai)
    changed = AuditEvent.select().where(AuditEvent.action == "settings.changed").count()
    assert changed == 3
    for wrong in (0, 61):
        with pytest.raises(OperationFailed, match="1 to 60 months"):
            stale.set_verify_after_months(pharmacy, wrong)
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "小王", "staff"))
    with pytest.raises(PermissionRefused):
        stale.set_verify_after_months(staff, 6)
    assert stale.verify_after_months(pharmacy) == 17
    stale.confirm(staff, cai)  # but every role confirms a customer's details
    assert not stale.needs_check(pharmacy, cai)


def test_months_before_keeps_the_day_or_takes_the_last_of_a_short_month() -> None:
    assert stale.months_before(date(2026, 11, 20), 12) == date(2025, 11, 20)
    assert stale.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert stale.months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert stale.months_before(date(2028, 2, 29), 48) == date(2024, 2, 29)


@pytest.mark.parametrize("reason", ["moved", "deceased"])
def test_someone_who_moved_or_died_gets_no_reminders_or_greetings_until_undone(
    pharmacy: Context, reason: str
) -> None:
    ding = _customer(pharmacy, "丁", "13900000006", consent_marketing="given",
                     birth_date="1960-11-21")  # fmt: skip
    for day in ("2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"):
        _bought(pharmacy, ding, date.fromisoformat(day))

    def listed() -> tuple[set[int], set[int]]:
        due = {r.customer_id for r in reminders.due(pharmacy, days=14)}
        return due, {b.customer_id for b in birthdays.listed(pharmacy, span="week")}

    assert listed() == ({ding}, {ding})
    _verified(ding, date(2024, 1, 1))
    stale.mark_left(pharmacy, ding, reason=reason, on=date(2026, 11, 1))
    assert listed() == (set(), set())
    assert stale.left_status(pharmacy, ding) == (reason, date(2026, 11, 1))
    assert not stale.needs_check(pharmacy, ding)
    assert customers.get(pharmacy, ding).last_verified_at == pharmacy.now()
    stale.undo_left(pharmacy, ding)
    assert listed() == ({ding}, {ding})
    assert stale.left_status(pharmacy, ding) is None
    # The mark's confirmation goes with it: the details were last confirmed in 2024.
    assert customers.get(pharmacy, ding).last_verified_at == datetime(2024, 1, 1, 9, tzinfo=CST)
    assert stale.needs_check(pharmacy, ding)
    assert _actions(ding)[-3:] == ["customer.left", "customer.verified", "customer.left_undone"]
    event = AuditEvent.get(AuditEvent.action == "customer.left")
    assert "丁" not in str(event.details)
    assert reason in str(event.details)
    with pytest.raises(OperationFailed, match="not marked"):
        stale.undo_left(pharmacy, ding)


def test_undoing_a_mark_keeps_a_confirmation_made_after_it_and_restores_never_confirmed(
    pharmacy: Context, clock: FakeClock
) -> None:
    wu = _customer(pharmacy, "吴", "13900000008")
    _verified(wu, None)
    stale.mark_left(pharmacy, wu, reason="moved", on=date(2026, 11, 1))
    stale.undo_left(pharmacy, wu)
    assert customers.get(pharmacy, wu).last_verified_at is None
    _verified(wu, date(2023, 5, 1))
    stale.mark_left(pharmacy, wu, reason="moved", on=date(2026, 11, 2))
    clock.advance(days=1)
    stale.confirm(pharmacy, wu)  # came back and confirmed their details while marked
    stale.undo_left(pharmacy, wu)
    assert customers.get(pharmacy, wu).last_verified_at == pharmacy.now()


def test_someone_who_moved_or_died_leaves_the_follow_ups_list_and_its_count(
    pharmacy: Context,
) -> None:
    gone = _customer(pharmacy, "走", "13900000021")
    here = _customer(pharmacy, "在", "13900000022")
    for who in (gone, here):
        interactions.log(pharmacy, who, channel="phone", kind="follow_up",
                         summary="复查血压", follow_up_due=date(2026, 11, 25))  # fmt: skip

    def followed() -> tuple[list[int], int]:
        listed = [f.customer_id for f in interactions.open_follow_ups_listed(pharmacy)]
        return listed, stats.counts(pharmacy).open_follow_ups

    assert followed() == ([gone, here], 2)
    stale.mark_left(pharmacy, gone, reason="deceased", on=date(2026, 11, 10))
    assert followed() == ([here], 1)
    stale.undo_left(pharmacy, gone)
    assert followed() == ([gone, here], 2)


def test_marking_someone_as_left_refuses_a_future_day_or_another_reason(
    pharmacy: Context,
) -> None:
    er = _customer(pharmacy, "二", "13900000007")
    with pytest.raises(ValidationError, match="future"):
        stale.mark_left(pharmacy, er, reason="moved", on=date(2026, 11, 21))
    with pytest.raises(ValidationError, match="moved, deceased"):
        stale.mark_left(pharmacy, er, reason="retired", on=date(2026, 11, 1))
    assert stale.left_status(pharmacy, er) is None


def test_the_review_list_holds_the_stale_ones_who_came_most_recently_first(
    pharmacy: Context,
) -> None:
    fresh = _customer(pharmacy, "新鲜", "13900000010")
    ids = {name: _customer(pharmacy, name, f"1390000001{n}")
           for n, name in enumerate(("上周", "去年", "昨天", "走了"), start=1)}  # fmt: skip
    for name, visit in (("上周", date(2026, 11, 13)), ("去年", date(2025, 6, 1)),
                        ("昨天", date(2026, 11, 19)), ("走了", date(2026, 11, 18))):  # fmt: skip
        _last_seen(ids[name], visit)
        _verified(ids[name], date(2025, 1, 1))
    never = _customer(pharmacy, "从未", "13900000015")
    _verified(never, None)
    _created(never, date(2020, 1, 1))
    _last_seen(never, None)
    stale.mark_left(pharmacy, ids["走了"], reason="moved", on=date(2026, 11, 18))
    rows = stale.review_list(pharmacy)
    assert [r.name for r in rows] == ["昨天", "上周", "去年", "从未"]
    first = rows[0]
    assert (first.mobile, first.address, first.last_verified_on, first.last_visit) == (
        "13900000013",
        "解放路1号",
        date(2025, 1, 1),
        date(2026, 11, 19),
    )
    assert rows[-1].last_verified_on is None
    assert rows[-1].last_visit is None
    assert fresh not in {r.id for r in rows}
    assert stale.count_stale(pharmacy) == 4
    assert stale.stale_ids(pharmacy) == [r.id for r in rows]
    assert [r.name for r in stale.review_list(pharmacy, limit=2)] == ["昨天", "上周"]
