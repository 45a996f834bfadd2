"""The segments and stages computed on a second thread while the rest of the dashboard is:
the same figures as on one thread, kept only when no line was written meanwhile, errors
reach the caller, and no thread outlives the call."""

from __future__ import annotations

import threading
import time
from datetime import date
from typing import Any

import pytest

from pharmadesk.services import analytics
from pharmadesk.services.analytics import cache, people
from pharmadesk.services.analytics.results import Period, custom, month_of
from pharmadesk.services.context import Context
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.shop import Line
from tests.unit.services.analytics.test_figures import VIT, lines_for

PERIOD = custom(date(2026, 9, 20), date(2026, 10, 31))


@pytest.fixture
def sample(pharmacy: Context) -> list[Line]:
    lines = lines_for(shop.add_customers(pharmacy, 7))
    shop.write_raw(pharmacy, lines)
    return lines


def _groups_kept(ctx: Context, period: Period) -> bool:
    key = f"groups:{period.start}:{period.end}"
    return cache.peek(ctx, key) is not None


def _side_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "pharmadesk-figures-beside"]


def test_two_threads_give_the_figures_of_one(pharmacy: Context, sample: list[Line]) -> None:
    both = analytics.dashboard(pharmacy, PERIOD)
    assert _groups_kept(pharmacy, PERIOD)
    assert not _side_threads()
    cache.forget_stored(pharmacy)
    cache.forget_memory(pharmacy)
    assert analytics.dashboard(pharmacy, PERIOD, two_threads=False) == both


def test_groups_are_not_kept_when_a_line_was_written_while_they_were_computed(
    pharmacy: Context, sample: list[Line], monkeypatch: pytest.MonkeyPatch
) -> None:
    compute = people._groups_json
    newcomer = shop.add_customers(pharmacy, 1)[0]
    late = Line(newcomer, date(2026, 10, 30), "L1", "维生素C片", VIT, 3500)

    def with_a_sale_meanwhile(ctx: Context, period: Period) -> Any:
        found = compute(ctx, period)
        shop.write_raw(ctx, [late])  # on the side thread's own connection
        return found

    monkeypatch.setattr(people, "_groups_json", with_a_sale_meanwhile)
    analytics.dashboard(pharmacy, PERIOD)
    assert not _groups_kept(pharmacy, PERIOD)
    monkeypatch.setattr(people, "_groups_json", compute)
    board = analytics.dashboard(pharmacy, PERIOD)  # a new line: computed again, and kept
    assert _groups_kept(pharmacy, PERIOD)
    spent = sum(x.amount_fen for x in shop.within([*sample, late], PERIOD.start, PERIOD.end))
    assert sum(g.revenue_fen for g in board.segments) == spent
    assert sum(g.customers for g in board.stages) == len(
        {x.customer for x in [*sample, late] if x.day <= PERIOD.end}
    )


def test_an_error_on_the_side_thread_reaches_the_caller(
    pharmacy: Context, sample: list[Line], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: Context, period: Period) -> Any:
        raise ValueError("side")

    monkeypatch.setattr(people, "_groups_json", broken)
    with pytest.raises(ValueError, match="side"):
        analytics.dashboard(pharmacy, month_of(date(2026, 10, 1)))
    assert not _side_threads()


def test_an_error_of_the_rest_waits_for_the_side_thread(
    pharmacy: Context, sample: list[Line], monkeypatch: pytest.MonkeyPatch
) -> None:
    released, finished = threading.Event(), threading.Event()
    compute = people._groups_json

    def slow(ctx: Context, period: Period) -> Any:
        released.wait()
        time.sleep(0.2)  # still at work when the rest has failed
        found = compute(ctx, period)
        finished.set()
        return found

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        released.set()
        raise RuntimeError("rest")

    monkeypatch.setattr(people, "_groups_json", slow)
    monkeypatch.setattr(analytics, "top_categories", broken)  # on this thread
    with pytest.raises(RuntimeError, match="rest"):
        analytics.dashboard(pharmacy, PERIOD)
    assert finished.is_set()
    assert not _side_threads()


def test_inside_a_transaction_the_groups_see_its_lines(
    pharmacy: Context, sample: list[Line]
) -> None:
    newcomer = shop.add_customers(pharmacy, 1)[0]
    late = Line(newcomer, date(2026, 10, 30), "L2", "维生素C片", VIT, 3500)
    with pharmacy.db.atomic() as transaction:
        shop.write_raw(pharmacy, [late])
        board = analytics.dashboard(pharmacy, PERIOD)
        transaction.rollback()
    spent = sum(x.amount_fen for x in shop.within([*sample, late], PERIOD.start, PERIOD.end))
    assert sum(g.revenue_fen for g in board.segments) == spent == board.kpis.revenue_fen
    cache.forget_memory(pharmacy)  # the rolled-back line's version number comes again
