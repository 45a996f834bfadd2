"""The dashboard on a small demo pharmacy: every series has data, 李秀英 is where the
README says she should be."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from pharmadesk.services import analytics, demo, vault
from pharmadesk.services.analytics.results import last_full_month
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    from pharmadesk.db import keyfile
    from tests.conftest import TEST_KDF

    saved, keyfile.DEFAULT_KDF = keyfile.DEFAULT_KDF, TEST_KDF
    try:
        path = tmp_path_factory.mktemp("demo") / "demo.db"
        ctx = vault.create_pharmacy(path, owner="owner", password=PASSWORD).context
        demo.populate(ctx, customers=300, seed=5, today=TODAY)
    finally:
        keyfile.DEFAULT_KDF = saved
    yield ctx
    ctx.close()


def test_every_series_of_the_demo_dashboard_has_data(shop: Context) -> None:
    board = analytics.dashboard(shop, last_full_month(TODAY))
    assert board.kpis.revenue_fen > 0
    assert board.kpis.transactions > 0
    assert board.kpis.customers_served > board.kpis.new_customers > 0
    assert board.kpis.repurchase_rate is not None
    assert board.kpis.average_basket_fen
    assert sum(1 for m in board.months if m.revenue_fen > 0) >= 23
    assert sum(m.complaints for m in board.months) > 0
    assert any(m.average_rating for m in board.months)
    assert len(board.top_products) == 10
    assert board.top_categories
    assert sum(s.customers for s in board.segments) > 250
    assert {s.key for s in board.stages if s.customers} >= {"loyal", "at_risk", "lost"}
    assert sum(w.transactions for w in board.weekdays) == board.kpis.transactions


def test_li_xiuying_is_loyal_until_her_monthly_visit_is_half_a_month_late(shop: Context) -> None:
    (customer,) = shop.db.execute_sql("SELECT id FROM customer WHERE name = '李秀英'").fetchone()
    now = analytics.results.Period("custom", TODAY, TODAY)
    (row,) = [r for r in analytics.customers_in(shop, now, stage="loyal") if r.id == customer]
    assert row.recency_days == 25
    assert row.transactions_12m >= 4
    assert row.segment in ("high_value", "loyal", "regular")
    # 45 days after her last visit she is still loyal (1.5 x her 30-day rhythm); at 46 she
    # is the one to call back.
    on_time = analytics.results.Period("custom", TODAY, date(2026, 12, 10))
    assert customer in [r.id for r in analytics.customers_in(shop, on_time, stage="loyal")]
    late = analytics.results.Period("custom", TODAY, date(2026, 12, 11))
    assert customer in [r.id for r in analytics.customers_in(shop, late, stage="at_risk")]
