"""The demo pharmacy's points: every balance is what the default rules make of the receipts.

The expected figures are worked out here from the purchase lines alone (list price, the
tier discount of the 12 months before each visit, the points taken off, 1 point per ¥1
paid, points of a year gone on 1 January two years on, oldest points spent first), not
with the loyalty service's own arithmetic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest

from pharmadesk.services import checks, demo, loyalty, settings, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD

TODAY = date(2026, 11, 20)
SILVER_FEN, GOLD_FEN = 100_000, 300_000  # ¥1,000 and ¥3,000 in the last 12 months
SILVER_OFF, GOLD_OFF = 2, 5  # percent off each line


def _make(path: Path, *, customers: int, seed: int, today: date = TODAY) -> Context:
    created = vault.create_pharmacy(path, owner="owner", password=PASSWORD)
    demo.populate(created.context, customers=customers, seed=seed, today=today)
    return created.context


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    from pharmadesk.db import keyfile
    from tests.conftest import TEST_KDF

    saved, keyfile.DEFAULT_KDF = keyfile.DEFAULT_KDF, TEST_KDF
    try:
        ctx = _make(tmp_path_factory.mktemp("points") / "demo.db", customers=400, seed=3)
    finally:
        keyfile.DEFAULT_KDF = saved
    yield ctx
    ctx.close()


def rows(ctx: Context, sql: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in ctx.db.execute_sql(sql, params).fetchall()]


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@dataclass
class Expected:
    """One customer's points as the default rules make them of their receipts."""

    earned: dict[int, int] = field(default_factory=dict)  # first line id -> points
    discounted_receipts: int = 0
    expired: dict[date, int] = field(default_factory=dict)  # day gone -> points
    left: dict[int, int] = field(default_factory=dict)  # year earned -> points still there

    def lose_what_is_gone(self, day: date) -> None:
        for year in sorted(self.left):
            gone_on = date(year + 2, 1, 1)
            if gone_on <= day and self.left[year]:
                self.expired[gone_on] = self.expired.get(gone_on, 0) + self.left.pop(year)

    def spend(self, points: int) -> None:
        for year in sorted(self.left):
            taken = min(points, self.left[year])
            self.left[year] -= taken
            points -= taken
        assert points == 0, "a receipt took more points than the customer had"

    @property
    def balance(self) -> int:
        return sum(self.left.values())


def expected_points(ctx: Context, customer_id: int, today: date) -> Expected:
    redeemed = {
        int(line): (-int(points), value)  # type: ignore[call-overload]
        for line, points, value in rows(
            ctx,
            "SELECT purchase_id, points, value_fen FROM points_entry "
            "WHERE customer_id = ? AND kind = 'redeemed'",
            customer_id,
        )
    }
    receipts: dict[object, list[tuple[object, ...]]] = defaultdict(list)
    for line in rows(
        ctx,
        "SELECT id, receipt, purchased_on, quantity, unit_price_fen, amount_fen FROM purchase "
        "WHERE customer_id = ? ORDER BY purchased_at, id",
        customer_id,
    ):
        receipts[line[1]].append(line)
    found = Expected()
    paid_before: list[tuple[date, int]] = []
    for lines in receipts.values():
        day = date.fromisoformat(str(lines[0][2]))
        spent = sum(paid for on, paid in paid_before if _year_before(day) < on <= day)
        percent = GOLD_OFF if spent >= GOLD_FEN else SILVER_OFF if spent >= SILVER_FEN else 0
        listed = [int(q) * int(p) for _, _, _, q, p, _ in lines]  # type: ignore[call-overload]
        discounted = [amount + amount * percent // -100 for amount in listed]  # discount rounded up
        paid = [int(line[5]) for line in lines]  # type: ignore[call-overload]
        points, value = redeemed.get(int(lines[0][0]), (0, 0))  # type: ignore[call-overload]
        assert value == points  # 100 points take ¥1 off
        assert sum(discounted) - sum(paid) == value
        for before, after in zip(discounted, paid, strict=True):
            fair = value * before / sum(discounted)  # the points' share of this line
            assert abs((before - after) - fair) < 1
        found.discounted_receipts += percent > 0
        found.lose_what_is_gone(day)
        found.spend(points)
        earned = sum(paid) // 100
        if earned:
            found.earned[int(lines[0][0])] = earned  # type: ignore[call-overload]
            found.left[day.year] = found.left.get(day.year, 0) + earned
        paid_before.append((day, sum(paid)))
    found.lose_what_is_gone(today)
    return found


def ledger(ctx: Context, customer_id: int, kind: str) -> list[tuple[object, ...]]:
    return rows(
        ctx,
        "SELECT purchase_id, points, effective_on, expires_on FROM points_entry "
        "WHERE customer_id = ? AND kind = ? ORDER BY id",
        customer_id,
        kind,
    )


def test_every_balance_is_the_default_rules_applied_to_the_receipts(shop: Context) -> None:
    discounted = redeeming = 0
    for (customer_id,) in rows(shop, "SELECT id FROM customer ORDER BY id"):
        cid = int(customer_id)  # type: ignore[call-overload]
        expected = expected_points(shop, cid, TODAY)
        earned = {int(line): points for line, points, _, _ in ledger(shop, cid, "earned")}  # type: ignore[call-overload]
        assert earned == expected.earned, cid
        for _, _, on, expires in ledger(shop, cid, "earned"):
            assert expires == f"{int(str(on)[:4]) + 2}-01-01"
        expired = {
            date.fromisoformat(str(on)): -int(p) for _, p, on, _ in ledger(shop, cid, "expired")
        }  # type: ignore[call-overload]
        assert expired == expected.expired, cid
        standing = loyalty.standing(shop, cid, today=TODAY)
        assert standing.balance == standing.ledger_sum == expected.balance, cid
        discounted += expected.discounted_receipts > 0
        redeeming += bool(ledger(shop, cid, "redeemed"))
    assert discounted >= 3  # member discounts were given...
    assert redeeming >= 10  # ... and points taken off receipts


def test_some_customers_are_silver_or_gold_members_now(shop: Context) -> None:
    tiers: defaultdict[str, int] = defaultdict(int)
    for (customer_id,) in rows(shop, "SELECT id FROM customer"):
        standing = loyalty.standing(shop, int(customer_id), today=TODAY)  # type: ignore[call-overload]
        tiers[standing.tier.key] += 1
        if standing.tier.key != "standard":
            assert standing.spend_12m_fen >= SILVER_FEN
    assert tiers["silver"] + tiers["gold"] >= 3
    assert tiers["standard"] > 0.8 * 400


def test_points_of_two_calendar_years_back_have_expired(shop: Context) -> None:
    year = TODAY.year
    gone = rows(
        shop,
        "SELECT count(*), sum(points) FROM points_entry WHERE kind = 'expired' "
        "AND effective_on = ?",
        f"{year}-01-01",
    )[0]
    assert int(gone[0]) >= 10  # type: ignore[call-overload]
    # None of them are left: every lot gone by today has its expiry entry.
    earned_then = rows(
        shop,
        "SELECT coalesce(sum(points), 0) FROM points_entry WHERE kind = 'earned' "
        "AND effective_on < ?",
        f"{year - 1}-01-01",
    )[0][0]
    assert 0 < -int(gone[1]) <= int(earned_then)  # type: ignore[call-overload]
    assert rows(shop, "SELECT count(*) FROM points_entry WHERE kind = 'expired' AND "
                "effective_on != ?", f"{year}-01-01") == [(0,)]  # fmt: skip


def test_the_first_expiry_run_has_nothing_left_to_do(shop: Context) -> None:
    assert settings.get(shop, loyalty.EXPIRED_THROUGH) == TODAY.isoformat()
    assert loyalty.expire(shop, today=TODAY) == loyalty.ExpiryRun(0, 0, 0)


def test_the_demo_passes_the_check_cached_balances_included(shop: Context) -> None:
    assert [(r.name, r.problem) for r in checks.run(shop) if r.problem] == []
    cached = rows(
        shop,
        "SELECT count(*) FROM points_balance b WHERE b.balance = "
        "(SELECT sum(points) FROM points_entry e WHERE e.customer_id = b.customer_id)",
    )[0][0]
    with_entries = rows(shop, "SELECT count(DISTINCT customer_id) FROM points_entry")[0][0]
    assert cached == with_entries > 300


def test_zhang_san_took_fifty_points_off_his_latest_receipt(shop: Context) -> None:
    (customer_id,) = rows(shop, "SELECT id FROM customer WHERE name = '张三'")[0]
    cid = int(customer_id)  # type: ignore[call-overload]
    standing = loyalty.standing(shop, cid, today=TODAY)
    assert (standing.balance, standing.tier.key, standing.expiring_points) == (70, "standard", 0)
    entries = loyalty.entries(shop, cid)
    assert [(e.kind, e.points) for e in entries] == [
        ("earned", 30), ("redeemed", -50), ("earned", 25), ("earned", 47), ("earned", 18),
    ]  # fmt: skip
    latest = entries[1]
    assert latest.purchased_on == TODAY - timedelta(days=3)
    assert latest.value_fen == 50
    assert latest.user_name == "owner"


def test_zhou_lihua_is_a_gold_member_with_the_discount_on_her_lines(shop: Context) -> None:
    (customer_id,) = rows(shop, "SELECT id FROM customer WHERE name = '周丽华'")[0]
    cid = int(customer_id)  # type: ignore[call-overload]
    standing = loyalty.standing(shop, cid, today=TODAY)
    assert standing.tier.key == "gold"
    assert standing.spend_12m_fen >= 300_000
    latest = rows(shop, "SELECT unit_price_fen, amount_fen FROM purchase WHERE customer_id = ? "
                  "ORDER BY purchased_on DESC, id LIMIT 4", cid)  # fmt: skip
    # Gold already before her latest visit: 5 % off each line, the customer's favour to the fen.
    assert [amount for _, amount in latest] == [
        int(price) + int(price) * 5 // -100
        for price, _ in latest  # type: ignore[call-overload]
    ]


def test_points_about_to_expire_show_in_december(tmp_path: Path) -> None:
    december = date(2026, 12, 10)
    ctx = _make(tmp_path / "december.db", customers=80, seed=4, today=december)
    try:
        soon = []
        for (customer_id,) in rows(ctx, "SELECT id FROM customer ORDER BY id"):
            cid = int(customer_id)  # type: ignore[call-overload]
            standing = loyalty.standing(ctx, cid, today=december)
            expected = expected_points(ctx, cid, december)
            assert standing.expiring_points == expected.left.get(december.year - 1, 0), cid
            if standing.expiring_points:
                assert standing.expiring_on == date(december.year + 1, 1, 1)
                soon.append(cid)
        assert len(soon) >= 10
    finally:
        ctx.close()


LEDGER = (
    "SELECT customer_id, kind, points, reason, purchase_id, user_id, created_at, "
    "effective_on, expires_on, value_fen FROM points_entry ORDER BY id"
)


def test_the_same_seed_and_day_give_the_same_ledger(tmp_path: Path) -> None:
    first = _make(tmp_path / "a.db", customers=150, seed=9)
    second = _make(tmp_path / "b.db", customers=150, seed=9)
    other = _make(tmp_path / "c.db", customers=150, seed=10)
    try:
        assert rows(first, LEDGER) == rows(second, LEDGER)
        kinds = {row[1] for row in rows(first, LEDGER)}
        assert kinds == {"earned", "redeemed", "expired"}
        assert rows(first, LEDGER) != rows(other, LEDGER)
    finally:
        for ctx in (first, second, other):
            ctx.close()
