"""After a merge the kept customer's ledger reads by date, the two ledgers interleaved."""

from __future__ import annotations

from datetime import timedelta

from pharmadesk.services import customers, loyalty, merge, purchases
from pharmadesk.services.context import Context
from tests.conftest import FakeClock


def test_the_merged_ledger_is_newest_first_by_day(pharmacy: Context, clock: FakeClock) -> None:
    old = customers.create(pharmacy, {"name": "周敏", "mobile": "13812340011"}).customer
    assert old is not None
    loyalty.adjust(pharmacy, old.id, 10, "first card")  # day 0
    clock.advance(days=5)
    new = customers.create(
        pharmacy, {"name": "周敏", "mobile": "13812340012"}, allow_duplicate=True
    ).customer
    assert new is not None
    loyalty.adjust(pharmacy, new.id, 20, "second card")  # day 5
    day_one = clock.current + timedelta(days=-4)
    clock.advance(days=5)
    # Typed in today, bought on day 1: the newest entry counts from an earlier day.
    purchases.record(pharmacy, old.id, [purchases.LineInput("维生素C", 1, 3000)],
                     purchased_at=day_one)  # fmt: skip
    merge.merge(pharmacy, new.id, [old.id], {})
    ledger = loyalty.entries(pharmacy, new.id)
    assert [entry.points for entry in ledger] == [20, 30, 10]
    days = [entry.effective_on for entry in ledger]
    assert days == sorted(days, reverse=True)
