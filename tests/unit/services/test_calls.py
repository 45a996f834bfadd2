"""The last call from a reminder list, read back from the interaction log for many customers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pharmadesk.services import birthdays, calls, customers, interactions
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock

TODAY = date(2026, 11, 20)


def _customer(ctx: Context, name: str, mobile: str) -> int:
    made = customers.create(ctx, {"name": name, "mobile": mobile}).customer
    assert made is not None
    return made.id


def _call(ctx: Context, clock: FakeClock, customer_id: int, day: date, outcome: str | None,
          kind: str = "reminder") -> None:  # fmt: skip
    clock.current = datetime.combine(day, time(10), CST)
    interactions.log(ctx, customer_id, channel="phone", kind=kind, summary="电话",
                     outcome=outcome)  # fmt: skip


def test_the_latest_call_after_the_given_day_per_customer(
    pharmacy: Context, clock: FakeClock
) -> None:
    a = _customer(pharmacy, "甲", "13700000001")
    b = _customer(pharmacy, "乙", "13700000002")
    c = _customer(pharmacy, "丙", "13700000003")
    _call(pharmacy, clock, a, TODAY - timedelta(days=5), "reached")
    _call(pharmacy, clock, a, TODAY - timedelta(days=2), "no_answer")
    _call(pharmacy, clock, a, TODAY - timedelta(days=1), None)  # no outcome: not a call
    _call(pharmacy, clock, a, TODAY, "reached", kind="follow_up")  # the other list's
    _call(pharmacy, clock, b, TODAY - timedelta(days=10), "reached")  # before its day
    _call(pharmacy, clock, c, TODAY, "reached")  # not asked about
    since = {a: TODAY - timedelta(days=30), b: TODAY - timedelta(days=10)}
    found = calls.last_calls(pharmacy, since, kind="reminder")
    assert set(found) == {a}
    assert (found[a].day, found[a].outcome) == (TODAY - timedelta(days=2), "no_answer")


def test_the_day_is_the_pharmacys_own_and_greetings_can_be_left_out(
    pharmacy: Context, clock: FakeClock
) -> None:
    a = _customer(pharmacy, "甲", "13700000001")
    clock.current = datetime.combine(TODAY, time(0, 30), CST)  # 16:30 UTC the day before
    interactions.log(pharmacy, a, channel="phone", kind="reminder", summary="电话",
                     outcome="no_answer")  # fmt: skip
    clock.current = datetime.combine(TODAY, time(11), CST)
    birthdays.log_greeting(pharmacy, a, channel="sms", summary="生日快乐", offer=None,
                           birthday=TODAY)  # fmt: skip
    since = {a: TODAY - timedelta(days=1)}
    assert calls.last_calls(pharmacy, since, kind="reminder")[a].outcome == "sent"
    call = calls.last_calls(pharmacy, since, kind="reminder", without_greetings=True)[a]
    assert (call.day, call.outcome) == (TODAY, "no_answer")
    assert calls.last_calls(pharmacy, {}, kind="reminder") == {}
