"""Running periods keep their figures up to yesterday (the cut) and add today's lines: a
sale of today after that gives the very figures of a computation from nothing kept, and of
the raw lines; a line written up to yesterday makes the kept part be computed again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from pharmadesk.services import analytics
from pharmadesk.services.analytics import cache, people, warmup
from pharmadesk.services.analytics.people import standings
from pharmadesk.services.analytics.results import (
    Dashboard,
    Period,
    compared_with,
    custom,
    month_of,
    quarter_of,
    year_of,
)
from pharmadesk.services.context import Context
from tests.conftest import FakeClock
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.shop import CST, Line
from tests.unit.services.analytics.test_figures import CHRONIC, COLD, VIT, lines_for

TODAY = date(2026, 11, 20)  # the `clock` fixture's
YESTERDAY = TODAY - timedelta(days=1)
RUNNING = [month_of(TODAY), quarter_of(TODAY), year_of(TODAY), custom(date(2026, 11, 1), TODAY)]


@pytest.fixture
def sample(pharmacy: Context, clock: FakeClock) -> list[Line]:
    assert clock.current.date() == TODAY
    ids = shop.add_customers(pharmacy, 9)
    lines = lines_for(ids[:7])
    a, b, _, _, _, _, k, early, late = ids
    lines += [
        Line(a, date(2026, 11, 3), "R20", "维生素C片", VIT, 3500),
        Line(k, date(2026, 11, 12), "K30", "二甲双胍片", CHRONIC, 2680),
        Line(early, date(2026, 11, 1), "E1", "碘伏", "外用", 900),
        Line(late, YESTERDAY, "L1", "棉签", None, 300),
        Line(b, TODAY, None, "棉签", None, 300),  # already sold today before the figures
    ]
    shop.write_raw(pharmacy, lines)
    return lines


def _later(ctx: Context) -> Context:
    """The same pharmacy seen from next year: every period above has ended, so its
    figures are computed from all its lines, with no cut."""
    return replace(ctx, clock=lambda: datetime(2027, 3, 1, 10, 0, tzinfo=CST))


def _from_nothing(ctx: Context, period: Period) -> Dashboard:
    """`period`'s dashboard computed afresh, compared with what it is compared with today
    (a running period meets the same stretch of the one before)."""
    later = _later(ctx)
    cache.forget_stored(later)
    cache.forget_memory(later)
    board = analytics.dashboard(later, period)
    previous = compared_with(period, ctx.today())
    board = replace(board, previous=previous, previous_kpis=analytics.kpis(later, previous))
    cache.forget_memory(later)
    return board


def _assert_raw(lines: list[Line], board: Dashboard) -> None:
    period = board.period
    expected = shop.reference_kpis(lines, period.start, period.end)
    assert {k: getattr(board.kpis, k) for k in expected} == expected
    assert [(p.label, p.revenue_fen, p.quantity, p.transactions, p.customers)
            for p in board.top_products] == shop.reference_top(
                lines, period.start, period.end, "product")  # fmt: skip
    assert [(c.key, c.revenue_fen, c.quantity, c.transactions, c.customers)
            for c in board.top_categories] == shop.reference_top(
                lines, period.start, period.end, "category")  # fmt: skip
    buyers = {x.customer for x in lines if x.day <= period.end}
    stages = [shop.reference_stage(shop.reference_standing(lines, c, period.end)) for c in buyers]
    assert {g.key: g.customers for g in board.stages} == {
        g.key: stages.count(g.key) for g in board.stages
    }
    spent = sum(x.amount_fen for x in shop.within(lines, period.start, period.end))
    assert sum(g.revenue_fen for g in board.segments) == spent


def _kept(ctx: Context) -> set[str]:
    return {r[0] for r in ctx.db.execute_sql("SELECT key FROM analytics_cache").fetchall()}


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[date | None]:
    """The `after` of each history read from now on (None: everyone's days)."""
    seen: list[date | None] = []
    read = people._read

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("after"))
        return read(*args, **kwargs)

    monkeypatch.setattr(people, "_read", spy)
    return seen


def test_a_sale_of_today_after_the_figures_were_kept_gives_a_fresh_computation_s_figures(
    pharmacy: Context, sample: list[Line], monkeypatch: pytest.MonkeyPatch
) -> None:
    for period in RUNNING:
        analytics.dashboard(pharmacy, period)
    assert f"cut:{YESTERDAY}:mark" in _kept(pharmacy)
    a, b, n = sample[0].customer, sample[6].customer, sample[10].customer
    newcomer = shop.add_customers(pharmacy, 1)[0]
    today = [
        Line(a, TODAY, "R30", "感冒灵颗粒", COLD, 1550),  # a's rhythm changes
        Line(b, TODAY, "R31", "维生素C片", VIT, 3500),  # b's second line of today
        Line(n, TODAY, "R32", "维生素C片", VIT, 3500),  # bought it before: counted once
        Line(newcomer, TODAY, "R33", "碘伏", "外用", 900),  # a first purchase ever
    ]
    shop.write_raw(pharmacy, today)
    lines = sample + today
    assert f"cut:{YESTERDAY}:mark" in _kept(pharmacy)  # today's lines leave the kept part
    reads = _reads(monkeypatch)
    boards = [analytics.dashboard(pharmacy, period) for period in RUNNING]
    assert reads
    assert all(after == YESTERDAY for after in reads)  # today's customers only
    for board in boards:
        assert board == _from_nothing(pharmacy, board.period)
        _assert_raw(lines, board)


def test_after_a_new_start_the_preparation_keeps_the_part_up_to_yesterday_again(
    pharmacy: Context, sample: list[Line], monkeypatch: pytest.MonkeyPatch
) -> None:
    for period in RUNNING:
        analytics.dashboard(pharmacy, period)
    cache.forget_memory(pharmacy)  # the program starts again: the shares are still kept
    assert warmup.prepare(pharmacy, RUNNING) == len(RUNNING)
    shop.write_raw(pharmacy, [Line(sample[0].customer, TODAY, "R60", "棉签", None, 300)])
    reads = _reads(monkeypatch)
    boards = [analytics.dashboard(pharmacy, period) for period in RUNNING]
    assert reads
    assert all(after == YESTERDAY for after in reads)
    for board in boards:
        assert board == _from_nothing(pharmacy, board.period)


def test_a_line_written_up_to_yesterday_makes_the_kept_part_be_computed_again(
    pharmacy: Context, sample: list[Line], monkeypatch: pytest.MonkeyPatch
) -> None:
    for period in RUNNING:
        analytics.dashboard(pharmacy, period)
    a = sample[0].customer
    earlier = [Line(a, date(2026, 11, 15), "R40", "碘伏", "外用", 900)]
    shop.write_raw(pharmacy, earlier)
    assert f"cut:{YESTERDAY}:mark" not in _kept(pharmacy)
    reads = _reads(monkeypatch)
    boards = [analytics.dashboard(pharmacy, period) for period in RUNNING]
    assert None in reads
    for board in boards:
        assert board == _from_nothing(pharmacy, board.period)
        _assert_raw(sample + earlier, board)


def test_the_people_of_a_running_period_after_a_sale_of_today(
    pharmacy: Context, sample: list[Line]
) -> None:
    end = year_of(TODAY).end
    standings(pharmacy, end)
    newcomer = shop.add_customers(pharmacy, 1)[0]
    today = [Line(sample[0].customer, TODAY, "R50", "棉签", None, 300),
             Line(newcomer, TODAY, "R51", "棉签", None, 300)]  # fmt: skip
    shop.write_raw(pharmacy, today)
    found = standings(pharmacy, end)
    later = _later(pharmacy)
    cache.forget_memory(later)
    assert found == standings(later, end)
    lines = sample + today
    for customer, s in found.items():
        expected = shop.reference_standing(lines, customer, end)
        assert (s.recency_days, s.transactions_12m, s.spend_12m_fen, s.median_interval,
                s.transactions) == tuple(expected.values()), customer  # fmt: skip


def test_the_next_day_cut_drops_the_day_before_s_kept_parts(
    pharmacy: Context, sample: list[Line], clock: FakeClock
) -> None:
    analytics.dashboard(pharmacy, year_of(TODAY))
    assert any(key.startswith(f"cut:{YESTERDAY}:") for key in _kept(pharmacy))
    clock.current += timedelta(days=1)
    shop.write_raw(
        pharmacy, [Line(sample[0].customer, clock.current.date(), None, "棉签", None, 300)]
    )
    board = analytics.dashboard(pharmacy, year_of(TODAY))
    assert not any(key.startswith(f"cut:{YESTERDAY}:") for key in _kept(pharmacy))
    assert f"cut:{TODAY}:mark" in _kept(pharmacy)
    assert board == _from_nothing(pharmacy, year_of(TODAY))


def test_most_of_an_ended_month_is_its_kept_totals_less_the_rest(
    pharmacy: Context, sample: list[Line]
) -> None:
    # September 2 to October 30: each month less a day (September 1 has a product sold
    # on no other day, October 31 one of b's lines).
    extra = [Line(sample[0].customer, date(2026, 9, 1), "S1", "碘伏", "外用", 900)]
    shop.write_raw(pharmacy, extra)
    lines = sample + extra
    for month in (month_of(date(2026, 9, 1)), month_of(date(2026, 10, 1))):
        analytics.dashboard(pharmacy, month)
    assert {"items:2026-09", "items:2026-10"} <= _kept(pharmacy)
    period = custom(date(2026, 9, 2), date(2026, 10, 30))
    board = analytics.dashboard(pharmacy, period)
    assert "碘伏" not in [p.label for p in board.top_products]
    _assert_raw(lines, board)
    assert board == _from_nothing(pharmacy, period)
