"""Refill reminders on the reminders issue's golden cases (today 2026-11-22), irregular
series and the consent filter."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from pharmadesk.services import consents, customers, purchases, reminders
from pharmadesk.services.context import Context
from tests.conftest import CST

TODAY = date(2026, 11, 22)


def _customer(ctx: Context, name: str, mobile: str, *, contact: str = "given") -> int:
    made = customers.create(
        ctx, {"name": name, "mobile": mobile, "consent_marketing": contact}
    ).customer
    assert made is not None
    return made.id


def _bought(ctx: Context, customer_id: int, product: str, days: list[str],
            category: str | None = "慢病用药") -> None:  # fmt: skip
    for day in days:
        when = datetime.combine(date.fromisoformat(day), time(10), CST)
        line = purchases.LineInput(product, 1, 3950, category=category)
        purchases.record(ctx, customer_id, [line], purchased_at=when)


def _listed(ctx: Context, **kwargs: object) -> dict[tuple[str, str], reminders.Reminder]:
    found = reminders.due(ctx, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return {(r.customer_name, r.item): r for r in found}


@pytest.fixture
def golden(pharmacy: Context) -> dict[str, int]:
    people = {
        "甲": _customer(pharmacy, "甲", "13900000001"),
        "乙": _customer(pharmacy, "乙", "13900000002"),
        "丙": _customer(pharmacy, "丙", "13900000003"),
        "丁": _customer(pharmacy, "丁", "13900000004"),
        "戊": _customer(pharmacy, "戊", "13900000005", contact="refused"),
    }
    _bought(pharmacy, people["甲"], "降压片", ["2026-08-01", "2026-08-31", "2026-09-30",
                                              "2026-10-30"])  # fmt: skip
    _bought(pharmacy, people["乙"], "二甲双胍片", ["2026-07-01", "2026-08-02", "2026-09-01",
                                                "2026-10-02"])  # fmt: skip
    _bought(pharmacy, people["丙"], "降脂片", ["2026-09-01", "2026-10-01"])
    _bought(pharmacy, people["丁"], "止咳糖浆", ["2026-06-01", "2026-06-11", "2026-09-10",
                                                "2026-10-20"], category="止咳化痰")  # fmt: skip
    _bought(pharmacy, people["戊"], "降压片", ["2026-08-01", "2026-08-31", "2026-09-30",
                                              "2026-10-30"])  # fmt: skip
    return people


def test_the_golden_cases(pharmacy: Context, golden: dict[str, int]) -> None:
    listed = _listed(pharmacy)
    first = listed[("甲", "降压片")]
    assert (first.cycle_days, first.due_date, first.status) == (30, date(2026, 11, 29), "due")
    second = listed[("乙", "二甲双胍片")]
    assert (second.cycle_days, second.due_date, second.status) == (31, date(2026, 11, 2),
                                                                  "lapsing")  # fmt: skip
    assert second.reason() == "二甲双胍片 about every 31 days; last bought 2026-10-02; 51 days ago"
    assert second.reason("zh_CN") == "二甲双胍片 约每 31 天买一次；上次购买 2026-10-02；已过 51 天"
    fourth = listed[("丁", "止咳糖浆")]
    assert (fourth.cycle_days, fourth.due_date, fourth.status) == (40, date(2026, 11, 29), "due")
    # Only two purchase days, and a customer who refused contact: not listed.
    assert {name for name, _ in listed} == {"甲", "乙", "丁"}
    # The products have their own rhythm: their categories are not listed beside them.
    assert set(listed) == {("甲", "降压片"), ("乙", "二甲双胍片"), ("丁", "止咳糖浆")}
    assert reminders.due(pharmacy, today=TODAY)[0].status == "lapsing"  # the most urgent first


def test_fewer_days_ahead_leave_out_what_is_due_later(
    pharmacy: Context, golden: dict[str, int]
) -> None:
    assert set(_listed(pharmacy, days=6)) == {("乙", "二甲双胍片")}
    assert ("甲", "降压片") in _listed(pharmacy, days=7)


def test_an_overdue_item_is_past_its_day_but_not_yet_lapsing(pharmacy: Context) -> None:
    zhang = _customer(pharmacy, "张三", "13812345678")
    _bought(pharmacy, zhang, "降压片", ["2026-09-01", "2026-09-21", "2026-10-11", "2026-10-31"])
    [found] = reminders.due(pharmacy, today=TODAY)
    assert (found.cycle_days, found.due_date, found.status) == (20, date(2026, 11, 20), "overdue")


def test_a_category_is_the_item_when_the_brand_changes(pharmacy: Context) -> None:
    li = _customer(pharmacy, "李四", "13812340000")
    _bought(pharmacy, li, "格华止", ["2026-08-31"])
    _bought(pharmacy, li, "二甲双胍片", ["2026-09-30"])
    _bought(pharmacy, li, "美迪康", ["2026-10-30"])
    [found] = reminders.due(pharmacy, today=TODAY)
    assert (found.item, found.item_kind, found.cycle_days) == ("慢病用药", "category", 30)


def test_an_irregular_series_uses_the_median_interval(pharmacy: Context) -> None:
    wang = _customer(pharmacy, "王五", "13812341111")
    # Intervals 5, 60, 20, 30: median 25 (the mean of 20 and 30).
    _bought(pharmacy, wang, "维生素C", ["2026-07-01", "2026-07-06", "2026-09-04", "2026-09-24",
                                         "2026-10-24"], category="维生素")  # fmt: skip
    [found] = reminders.due(pharmacy, today=TODAY)
    assert (found.cycle_days, found.due_date, found.status) == (25, date(2026, 11, 18), "overdue")
    # Several purchases on one day are one day.
    _bought(pharmacy, wang, "维生素C", ["2026-10-24"], category="维生素")
    assert reminders.due(pharmacy, today=TODAY)[0].cycle_days == 25


def test_a_half_day_cycle_reads_as_whole_days_and_stays_exact_in_json(pharmacy: Context) -> None:
    wang = _customer(pharmacy, "王五", "13812341111")
    # Intervals 30, 31, 30, 31: median 30.5; due 31 days after the last purchase.
    _bought(pharmacy, wang, "降压片", ["2026-07-01", "2026-07-31", "2026-08-31", "2026-09-30",
                                      "2026-10-31"])  # fmt: skip
    [found] = reminders.due(pharmacy, today=TODAY, days=14)
    assert found.due_date == date(2026, 12, 1)
    assert found.reason() == "降压片 about every 31 days; last bought 2026-10-31; 22 days ago"
    assert found.to_json()["cycle_days"] == 30.5


def test_a_withdrawn_contact_consent_takes_the_customer_off_the_list(
    pharmacy: Context, golden: dict[str, int]
) -> None:
    consents.withdraw(pharmacy, golden["乙"], "marketing", channel="counter")
    assert ("乙", "二甲双胍片") not in _listed(pharmacy)


def test_an_item_long_given_up_is_no_longer_a_refill_to_remind_of(pharmacy: Context) -> None:
    zhao = _customer(pharmacy, "赵六", "13812342222")
    # A cold that came back three times in a fortnight, two years ago.
    _bought(pharmacy, zhao, "感冒灵颗粒", ["2024-12-01", "2024-12-07", "2024-12-14"],
            category="感冒发烧")  # fmt: skip
    # A monthly medicine last bought 100 days ago (more than 3 cycles of 30): lost too.
    _bought(pharmacy, zhao, "降压片", ["2026-06-16", "2026-07-16", "2026-08-14"])
    assert reminders.due(pharmacy, today=TODAY) == []


def test_a_category_without_a_rhythm_is_no_refill(pharmacy: Context) -> None:
    """Colds now and then, each time another brand: no reminder to buy cold medicine."""
    qian = _customer(pharmacy, "钱七", "13812343333")
    for product, day in (("感冒灵颗粒", "2026-03-02"), ("连花清瘟胶囊", "2026-03-20"),
                         ("板蓝根颗粒", "2026-09-25"), ("999感冒灵", "2026-10-30")):  # fmt: skip
        _bought(pharmacy, qian, product, [day], category="感冒发烧")
    assert reminders.due(pharmacy, today=TODAY, days=60) == []
    monthly = [date(2026, 1, 1), date(2026, 1, 31), date(2026, 3, 2), date(2026, 4, 1)]
    assert reminders.regular(monthly)
    assert reminders.regular(monthly[:3])
    assert not reminders.regular([date(2026, 1, 1), date(2026, 1, 31), date(2026, 4, 1)])
    assert not reminders.regular([*monthly, date(2026, 9, 25)])


def test_a_controlled_medicine_is_never_reminded_of(pharmacy: Context) -> None:
    from pharmadesk.services import register

    sun = _customer(pharmacy, "孙八", "13812344444")
    _bought(pharmacy, sun, "降压片", ["2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"])
    [line] = purchases.history(pharmacy, sun)[:1]
    register.set_controlled(pharmacy, line.product_id, True)
    assert reminders.due(pharmacy, today=TODAY) == []
