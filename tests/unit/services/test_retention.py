"""Retention review: who is inactive too long, the preview, the bulk anonymisation."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from pharmadesk.errors import OperationFailed, PermissionRefused
from pharmadesk.services import accounts, customers, purchases, retention, settings, vault
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock


def _customer(ctx: Context, name: str, mobile: str, *, bought: date | None = None) -> int:
    made = customers.create(ctx, {"name": name, "mobile": mobile}).customer
    assert made is not None
    if bought is not None:
        at = datetime(bought.year, bought.month, bought.day, 10, tzinfo=CST)
        for receipt in ("A1", "A2"):
            purchases.record(ctx, made.id, [purchases.LineInput("维生素C片", 1, 1200)],
                             receipt=receipt, purchased_at=at)  # fmt: skip
    return made.id


@pytest.fixture
def shop(pharmacy: Context, clock: FakeClock) -> dict[str, int]:
    """王老 made in 2020 and last seen in 2021, 赵旧 made in 2022, 钱新 made today."""
    today = clock.current
    clock.current = datetime(2020, 5, 1, 9, tzinfo=CST)
    old = _customer(pharmacy, "王老", "13800000001", bought=date(2021, 6, 1))
    clock.current = datetime(2022, 1, 10, 9, tzinfo=CST)
    older_file = _customer(pharmacy, "赵旧", "13800000002")
    clock.current = today
    recent = _customer(pharmacy, "钱新", "13800000003", bought=date(2026, 11, 1))
    return {"王老": old, "赵旧": older_file, "钱新": recent}


def test_customers_inactive_longer_than_three_years_are_listed(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    assert retention.cutoff(pharmacy) == date(2023, 11, 20)
    listed = retention.inactive_customers(pharmacy)
    assert [(c.name, c.last_activity, c.purchase_count) for c in listed] == [
        ("王老", date(2021, 6, 1), 2),
        ("赵旧", date(2022, 1, 10), 0),
    ]


def test_the_owner_sets_how_long_data_is_kept(pharmacy: Context, shop: dict[str, int]) -> None:
    retention.set_retention_years(pharmacy, 5)
    assert retention.retention_years(pharmacy) == 5
    assert [c.name for c in retention.inactive_customers(pharmacy)] == ["王老"]
    with pytest.raises(OperationFailed):
        retention.set_retention_years(pharmacy, 0)
    assert settings.get(pharmacy, retention.RETENTION_YEARS) == 5
    last = pharmacy.db.execute_sql(
        "SELECT action, details FROM audit_event ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert last == ("settings.changed", '{"setting": "privacy.retention_years", "value": 5}')


def test_preview_and_anonymise_leave_alone_who_came_back(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    chosen = [shop["王老"], shop["赵旧"]]
    # 赵旧 comes back between the listing and the confirmation.
    purchases.record(pharmacy, shop["赵旧"], [purchases.LineInput("口罩", 1, 500)])
    preview = retention.preview(pharmacy, chosen)
    assert [c.name for c in preview.customers] == ["王老"]
    assert preview.active_again == 1

    steps: list[tuple[int, int]] = []
    result = retention.anonymise(pharmacy, chosen, progress=lambda d, t: steps.append((d, t)))
    assert result.customer_ids == (shop["王老"],)
    assert steps == [(1, 1)]
    assert customers.get(pharmacy, shop["赵旧"]).name == "赵旧"
    row = pharmacy.db.execute_sql(
        "SELECT name, mobile, status FROM customer WHERE id = ?", (shop["王老"],)
    ).fetchone()
    assert row == (f"已删除客户 #{shop['王老']}", None, "anonymised")
    assert pharmacy.db.execute_sql(
        "SELECT details FROM audit_event WHERE action = 'customer.erased' AND customer_id = ?",
        (shop["王老"],),
    ).fetchone() == ('{"kept_by_law": 0, "reason": "retention"}',)
    assert retention.inactive_customers(pharmacy) == []


def test_a_cancel_keeps_those_already_anonymised(pharmacy: Context, shop: dict[str, int]) -> None:
    chosen = [shop["王老"], shop["赵旧"]]
    done: list[int] = []
    result = retention.anonymise(
        pharmacy, chosen, progress=lambda d, t: done.append(d), cancelled=lambda: bool(done)
    )
    assert result.customer_ids == (shop["王老"],)
    assert [c.name for c in retention.inactive_customers(pharmacy)] == ["赵旧"]


def test_only_the_owner_reviews(
    pharmacy: Context, shop: dict[str, int], db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    try:
        for call in (
            lambda: retention.inactive_customers(li),
            lambda: retention.anonymise(li, [shop["王老"]]),
            lambda: retention.set_retention_years(li, 5),
        ):
            with pytest.raises(PermissionRefused):
                call()
    finally:
        li.close()


def test_thousands_of_customers_are_listed_and_previewed_whole(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    # Imported files with no activity yet: their inactivity counts from when they were made.
    first = 1 + max(shop.values())
    rows = [(i, f"I{i:05d}", f"导入{i}") for i in range(first, first + 5_000)]
    pharmacy.db.cursor().executemany(
        "INSERT INTO customer (id, code, name, status, created_at, updated_at) "
        "VALUES (?, ?, ?, 'active', '2019-05-01T09:00:00+08:00', '2019-05-01T09:00:00+08:00')",
        rows,
    )
    listed = retention.inactive_customers(pharmacy)
    assert len(listed) == 5_002
    assert [c.id for c in listed[:5_000]] == [row[0] for row in rows]  # made in 2019: first
    assert listed[0].last_activity == date(2019, 5, 1)
    assert [c.name for c in listed[-2:]] == ["王老", "赵旧"]
    chosen = [c.id for c in listed] + [shop["钱新"], 999_999]  # active, and gone
    preview = retention.preview(pharmacy, chosen)
    assert preview.customers == listed
    assert preview.active_again == 2


def test_a_review_may_look_further_back_or_closer_without_changing_the_setting(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    assert retention.cutoff(pharmacy, years=5) == date(2021, 11, 20)
    assert [c.name for c in retention.inactive_customers(pharmacy, years=5)] == ["王老"]
    assert [c.name for c in retention.inactive_customers(pharmacy, years=1)] == ["王老", "赵旧"]
    chosen = [shop["王老"], shop["赵旧"]]
    preview = retention.preview(pharmacy, chosen, years=5)
    assert ([c.name for c in preview.customers], preview.active_again) == (["王老"], 1)
    result = retention.anonymise(pharmacy, chosen, years=5)
    assert list(result.customer_ids) == [shop["王老"]]  # 赵旧 is not inactive for 5 years
    assert retention.retention_years(pharmacy) == 3
    assert settings.get(pharmacy, retention.RETENTION_YEARS, None) is None
    with pytest.raises(OperationFailed):
        retention.inactive_customers(pharmacy, years=0)
