"""Birthdays of the week and the month: boundaries, 29 February, consent, age, greetings."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path

import pytest

from pharmadesk.errors import ValidationError
from pharmadesk.services import (
    accounts,
    birthdays,
    customers,
    interactions,
    loyalty,
    purchases,
    vault,
)
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock

_MOBILES = itertools.count(1)
FRIDAY = date(2026, 11, 20)  # the week runs from Monday 16 to Sunday 22 November


def _customer(ctx: Context, name: str, born: str | None, *, contact: str = "given",
              age: int | None = None) -> int:  # fmt: skip
    data: dict[str, object] = {"name": name, "mobile": f"139{next(_MOBILES):08d}",
                               "consent_marketing": contact}  # fmt: skip
    if born is not None:
        data["birth_date"] = born
    if age is not None:
        data["age"] = age
    made = customers.create(ctx, data, allow_duplicate=True).customer
    assert made is not None
    return made.id


def _names(found: list[birthdays.Birthday]) -> list[str]:
    return [b.customer_name for b in found]


def test_the_week_runs_monday_to_sunday_and_the_month_is_the_calendar_month(
    pharmacy: Context,
) -> None:
    _customer(pharmacy, "周一", "1970-11-16")
    _customer(pharmacy, "周日", "1985-11-22")
    _customer(pharmacy, "上周日", "1990-11-15")
    _customer(pharmacy, "下周一", "1960-11-23")
    _customer(pharmacy, "月初", "1975-11-01")
    _customer(pharmacy, "月末", "1975-11-30")
    _customer(pharmacy, "十二月", "1975-12-01")
    week = birthdays.listed(pharmacy, span="week", today=FRIDAY)
    assert _names(week) == ["周一", "周日"]
    assert [(b.birthday, b.age) for b in week] == [(date(2026, 11, 16), 56),
                                                    (date(2026, 11, 22), 41)]  # fmt: skip
    month = birthdays.listed(pharmacy, span="month", today=FRIDAY)
    assert _names(month) == ["月初", "上周日", "周一", "周日", "下周一", "月末"]


def test_a_week_across_new_year_shows_the_birthdays_of_the_new_year(pharmacy: Context) -> None:
    _customer(pharmacy, "元旦后", "1980-01-02")
    _customer(pharmacy, "除夕前", "1980-12-28")
    _customer(pharmacy, "上周", "1980-12-27")
    found = birthdays.listed(pharmacy, span="week", today=date(2026, 12, 31))
    assert [(b.customer_name, b.birthday, b.age) for b in found] == [
        ("除夕前", date(2026, 12, 28), 46),
        ("元旦后", date(2027, 1, 2), 47),
    ]


def test_29_february_counts_on_28_february_in_other_years(pharmacy: Context) -> None:
    _customer(pharmacy, "闰日", "1964-02-29")
    _customer(pharmacy, "二月廿八", "1964-02-28")
    common = birthdays.listed(pharmacy, span="week", today=date(2027, 2, 26))
    assert [(b.customer_name, b.birthday, b.age) for b in common] == [
        ("二月廿八", date(2027, 2, 28), 63), ("闰日", date(2027, 2, 28), 63),
    ]  # fmt: skip
    leap = birthdays.listed(pharmacy, span="month", today=date(2028, 2, 10))
    assert [(b.customer_name, b.birthday) for b in leap] == [
        ("二月廿八", date(2028, 2, 28)), ("闰日", date(2028, 2, 29)),
    ]  # fmt: skip
    march = birthdays.listed(pharmacy, span="month", today=date(2027, 3, 1))
    assert march == []


def test_only_consenting_customers_with_a_full_birth_date(pharmacy: Context) -> None:
    _customer(pharmacy, "同意", "1970-11-18")
    _customer(pharmacy, "拒绝", "1970-11-18", contact="refused")
    _customer(pharmacy, "撤回", "1970-11-18", contact="withdrawn")
    _customer(pharmacy, "未确认", "1970-11-18", contact="paper_unconfirmed")
    _customer(pharmacy, "只有年龄", None, age=56)
    _customer(pharmacy, "没有生日", None)
    assert _names(birthdays.listed(pharmacy, span="month", today=FRIDAY)) == ["同意"]


def test_each_row_carries_tier_and_points(pharmacy: Context) -> None:
    buyer = _customer(pharmacy, "会员", "1970-11-18")
    when = datetime(2026, 10, 5, 10, tzinfo=CST)
    purchases.record(pharmacy, buyer, [purchases.LineInput("阿胶", 1, 120_000)],
                     purchased_at=when)  # fmt: skip
    (row,) = birthdays.listed(pharmacy, span="week", today=FRIDAY)
    assert row.tier.key == "silver"  # 1,200 yuan in the last 12 months
    assert row.points > 0
    assert row.mobile is not None
    assert len(row.mobile) == 11


def test_a_greeting_sent_marks_the_row_and_notes_the_offer(
    pharmacy: Context, clock: FakeClock
) -> None:
    who = _customer(pharmacy, "寿星", "1970-11-18")
    other = _customer(pharmacy, "没接", "1970-11-19")
    entry = birthdays.log_greeting(
        pharmacy,
        who,
        channel="sms",
        summary="发了生日祝福短信",
        offer="满100减20",
        language="zh_CN",
    )
    birthdays.log_greeting(pharmacy, other, channel="phone", summary="打电话祝寿", offer=None,
                           outcome="no_answer")  # fmt: skip
    assert (entry.kind, entry.outcome, entry.channel) == ("reminder", "sent", "sms")
    assert entry.summary == "发了生日祝福短信\n生日优惠：满100减20"
    shown = {b.customer_name: b.greeted for b in birthdays.listed(pharmacy, today=FRIDAY)}
    assert shown == {"寿星": True, "没接": False}
    # A refill call of the same kind is no birthday greeting.
    interactions.log(pharmacy, other, channel="phone", kind="reminder", summary="该买药了",
                     outcome="reached")  # fmt: skip
    again = {b.customer_id: b.greeted for b in birthdays.listed(pharmacy, today=FRIDAY)}
    assert not again[other]


def test_last_years_greeting_does_not_count_for_this_year(
    pharmacy: Context, clock: FakeClock
) -> None:
    who = _customer(pharmacy, "去年", "1970-11-18")
    clock.current = datetime(2025, 11, 18, 9, tzinfo=CST)
    birthdays.log_greeting(pharmacy, who, channel="phone", summary="生日快乐", offer=None,
                           outcome="reached")  # fmt: skip
    clock.current = datetime(2026, 11, 20, 9, tzinfo=CST)
    (row,) = birthdays.listed(pharmacy, today=FRIDAY)
    assert not row.greeted


def test_a_greeting_needs_a_known_outcome_and_a_summary(pharmacy: Context) -> None:
    who = _customer(pharmacy, "寿星", "1970-11-18")
    with pytest.raises(ValidationError):
        birthdays.log_greeting(pharmacy, who, channel="sms", summary="x", offer=None,
                               outcome="stopped")  # fmt: skip
    with pytest.raises(ValidationError):
        birthdays.log_greeting(pharmacy, who, channel="sms", summary="  ", offer="礼品")
    assert interactions.for_customer(pharmacy, who) == []


def test_staff_may_use_the_list(pharmacy: Context, db_path: Path, clock: FakeClock) -> None:
    _customer(pharmacy, "寿星", "1970-11-18")
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    staff = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    try:
        assert _names(birthdays.listed(staff, today=FRIDAY)) == ["寿星"]
    finally:
        staff.close()
    with pytest.raises(ValueError, match="unknown span"):
        birthdays.window("year", FRIDAY)  # type: ignore[arg-type]


def test_tier_and_points_for_many_agree_with_the_counters_one_by_one(
    pharmacy: Context, clock: FakeClock
) -> None:
    people = [_customer(pharmacy, f"客{n}", "1970-11-18") for n in range(4)]
    when = datetime(2025, 12, 5, 10, tzinfo=CST)
    for n, who in enumerate(people[:3]):
        purchases.record(pharmacy, who, [purchases.LineInput("阿胶", 1, 60_000 * (n + 1))],
                         purchased_at=when)  # fmt: skip
    loyalty.adjust(pharmacy, people[1], -50, "兑换礼品")
    loyalty.adjust(pharmacy, people[2], 30, "补录")
    for day in (FRIDAY, date(2026, 12, 20), date(2029, 1, 1)):  # within, past 12 months, expired
        batch = birthdays.standings(pharmacy, people, day)
        for who in people:
            one = loyalty.standing(pharmacy, who, today=day)
            assert batch[who] == (one.tier, one.balance), (who, day)
    assert len({tier.key for tier, _ in birthdays.standings(pharmacy, people, FRIDAY).values()}) > 1
