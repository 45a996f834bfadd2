"""The win-back list: the charts' at-risk and lost customers who may be contacted, with
their last visit, usual categories and 12-month value, the most valuable first."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

import pytest

from pharmadesk.errors import ValidationError
from pharmadesk.services import customers, interactions, purchases, winback
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock

TODAY = date(2026, 11, 20)
_MOBILES = itertools.count(1)


def _customer(ctx: Context, name: str, *, contact: str = "given") -> int:
    made = customers.create(
        ctx, {"name": name, "mobile": f"137{next(_MOBILES):08d}", "consent_marketing": contact}
    ).customer
    assert made is not None
    return made.id


def _bought(ctx: Context, customer_id: int, day: date,
            lines: list[tuple[str, str | None, int]]) -> None:  # fmt: skip
    when = datetime.combine(day, time(10), CST)
    items = [purchases.LineInput(product, 1, fen, category=category)
             for product, category, fen in lines]  # fmt: skip
    purchases.record(ctx, customer_id, items, purchased_at=when)


def _monthly(ctx: Context, customer_id: int, last: date, times: int, fen: int) -> None:
    for n in range(times):
        _bought(ctx, customer_id, last - timedelta(days=30 * n), [("维生素C", "保健品", fen)])


@pytest.fixture
def shop(pharmacy: Context) -> dict[str, int]:
    people = {name: _customer(pharmacy, name) for name in ("风险", "流失", "常客", "小额风险")}
    people["拒绝"] = _customer(pharmacy, "拒绝", contact="refused")
    # Monthly, last seen 80 days ago: more than 1.5 cycles, less than 3: at risk.
    _monthly(pharmacy, people["风险"], TODAY - timedelta(days=80), 4, 5000)
    _bought(pharmacy, people["风险"], TODAY - timedelta(days=200),
            [("降压片", "慢病用药", 3000), ("血压计", "医疗器械", 20000),
             ("阿司匹林", "慢病用药", 1500)])  # fmt: skip
    _bought(pharmacy, people["风险"], TODAY - timedelta(days=230),
            [("感冒灵", "感冒用药", 1500), ("降脂片", "慢病用药", 1500)])  # fmt: skip
    # Last seen 200 days ago, in the last 12 months: lost, with a 12-month value.
    _monthly(pharmacy, people["流失"], TODAY - timedelta(days=200), 3, 40000)
    # One visit two years ago: lost, nothing in the last 12 months.
    _bought(pharmacy, people["小额风险"], TODAY - timedelta(days=730), [("口罩", None, 900)])
    _monthly(pharmacy, people["常客"], TODAY - timedelta(days=5), 6, 8000)
    _monthly(pharmacy, people["拒绝"], TODAY - timedelta(days=80), 4, 90000)
    return people


def test_at_risk_and_lost_customers_by_12_month_value(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    rows = winback.listed(pharmacy, today=TODAY)
    assert [(r.customer_name, r.stage) for r in rows] == [
        ("流失", "lost"), ("风险", "at_risk"), ("小额风险", "lost"),
    ]  # fmt: skip
    lost, risk, small = rows
    # 12 months ending today: the three monthly visits of the lost customer (200, 230 and 260
    # days ago); for the other, four monthly visits and the two larger receipts.
    assert lost.value_12m_fen == 120000
    assert risk.value_12m_fen == 4 * 5000 + 24500 + 3000
    assert small.value_12m_fen == 0
    assert (risk.last_visit, risk.days_since) == (TODAY - timedelta(days=80), 80)
    assert small.days_since == 730


def test_usual_categories_are_the_top_three_by_lines(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    rows = {r.customer_name: r for r in winback.listed(pharmacy, today=TODAY)}
    assert rows["风险"].categories == ("保健品", "慢病用药", "医疗器械")
    assert rows["流失"].categories == ("保健品",)
    assert rows["小额风险"].categories == ()


def test_the_categories_read_in_one_pass_agree_with_those_read_by_customer(
    pharmacy: Context, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    few = {r.customer_id: r.categories for r in winback.listed(pharmacy, today=TODAY)}
    monkeypatch.setattr(winback, "FEW", 0)  # as on a large pharmacy: one pass over all lines
    assert {r.customer_id: r.categories for r in winback.listed(pharmacy, today=TODAY)} == few


def test_a_call_is_a_follow_up_with_its_outcome(pharmacy: Context, shop: dict[str, int]) -> None:
    entry = winback.log_call(pharmacy, shop["风险"], outcome="will_come", summary="说下周来店")
    assert (entry.kind, entry.outcome, entry.channel, entry.summary) == (
        "follow_up", "will_come", "phone", "说下周来店",
    )  # fmt: skip
    assert interactions.for_customer(pharmacy, shop["风险"])[0].id == entry.id
    with pytest.raises(ValidationError):
        winback.log_call(pharmacy, shop["风险"], outcome="stopped", summary="x")
    with pytest.raises(ValidationError):
        winback.log_call(pharmacy, shop["风险"], outcome="reached", summary="")


def test_each_row_carries_the_last_call_from_the_log(
    pharmacy: Context, shop: dict[str, int], clock: FakeClock
) -> None:
    clock.current = datetime.combine(TODAY - timedelta(days=3), time(9), CST)
    winback.log_call(pharmacy, shop["流失"], outcome="reached", summary="接通")
    clock.current = datetime.combine(TODAY - timedelta(days=1), time(23, 30), CST)
    winback.log_call(pharmacy, shop["流失"], outcome="no_answer", summary="无人接听")
    # Logged by hand without an outcome: not a call from the list.
    interactions.log(pharmacy, shop["风险"], channel="phone", kind="follow_up", summary="回访")
    clock.current = datetime.combine(TODAY, time(10), CST)
    rows = {r.customer_name: r for r in winback.listed(pharmacy, today=TODAY)}
    call = rows["流失"].last_call
    assert call is not None
    assert (call.day, call.outcome) == (TODAY - timedelta(days=1), "no_answer")
    assert rows["风险"].last_call is None
    # A call older than the window is not shown as the last one.
    later = TODAY + timedelta(days=winback.CALLS_DAYS)
    assert all(r.last_call is None for r in winback.listed(pharmacy, today=later))


def test_will_come_leaves_the_list_for_14_days_unless_they_came(
    pharmacy: Context, shop: dict[str, int], clock: FakeClock
) -> None:
    winback.log_call(pharmacy, shop["风险"], outcome="will_come", summary="说下周来店")
    winback.log_call(pharmacy, shop["流失"], outcome="will_come", summary="会来")
    names = [r.customer_name for r in winback.listed(pharmacy, today=TODAY)]
    assert names == ["小额风险"]
    # 14 days later they have not come: listed again, the call shown.
    again = TODAY + timedelta(days=winback.WILL_COME_DAYS)
    rows = {r.customer_name: r for r in winback.listed(pharmacy, today=again)}
    assert {"风险", "流失"} <= set(rows)
    assert rows["风险"].last_call is not None
    assert rows["风险"].last_call.outcome == "will_come"
    # One who came after the call (and is still at risk by the stages) is listed at once.
    call = rows["风险"].last_call
    assert winback.waiting_to_come(call, TODAY - timedelta(days=1), TODAY)
    assert not winback.waiting_to_come(call, TODAY, TODAY)
