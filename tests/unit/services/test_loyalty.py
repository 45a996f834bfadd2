"""Loyalty points and tiers on hand-made histories (the cases the loyalty issue lists).

Every figure is what the counter would show: the balance a customer can redeem, the
ledger's entries, the tier of the day.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from pharmadesk.db import connection, migrations
from pharmadesk.db.keyfile import new_database_key
from pharmadesk.errors import OperationFailed, PermissionRefused, ValidationError
from pharmadesk.io import customer_import, import_batches
from pharmadesk.io.error_messages import localize_error
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.io.reasons import localize
from pharmadesk.services import (
    accounts,
    checks,
    customers,
    loyalty,
    loyalty_rules,
    purchases,
    settings,
    vault,
)
from pharmadesk.services.context import Context
from pharmadesk.services.loyalty_rules import Rules, Tier
from tests.conftest import CST, FakeClock


def _customer(ctx: Context, name: str = "张三", mobile: str = "13812345678") -> int:
    made = customers.create(ctx, {"name": name, "mobile": mobile}).customer
    assert made is not None
    return made.id


def _at(day: str, hour: int = 10) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour), CST)


def _buy(
    ctx: Context, customer_id: int, fen: int, day: str | None = None, *,
    product: str = "感冒灵颗粒", category: str | None = "感冒用药", redeem: int = 0,
    discount: bool = False, receipt: str | None = None,
) -> list[purchases.PurchaseLine]:  # fmt: skip
    line = purchases.LineInput(product, 1, fen, category=category)
    return purchases.record(
        ctx, customer_id, [line], purchased_at=_at(day) if day else None, receipt=receipt,
        redeem_points=redeem, member_discount=discount,
    )  # fmt: skip


def _kinds(ctx: Context, customer_id: int) -> list[tuple[str, int]]:
    return [(e.kind, e.points) for e in reversed(loyalty.entries(ctx, customer_id))]


def _today(clock: FakeClock, day: str) -> None:
    clock.current = _at(day)


def test_a_receipt_of_99_90_earns_99_points_shown_with_the_receipt(pharmacy: Context) -> None:
    zs = _customer(pharmacy)
    lines = _buy(pharmacy, zs, 9990, receipt="R1")

    [entry] = loyalty.entries(pharmacy, zs)
    assert (entry.kind, entry.points, entry.receipt) == ("earned", 99, "R1")
    assert entry.expires_on == date(2028, 1, 1)  # earned in 2026: usable through 2027
    assert loyalty.standing(pharmacy, zs).balance == 99
    assert lines[0].amount_fen == 9990


def test_an_excluded_category_earns_nothing(pharmacy: Context) -> None:
    loyalty_rules.change(pharmacy, replace(Rules(), excluded_categories=("中药饮片",)))
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 5000, product="枸杞", category="中药饮片")
    assert loyalty.entries(pharmacy, zs) == []
    # On a mixed receipt only the earning line counts.
    purchases.record(pharmacy, zs, [
        purchases.LineInput("枸杞", 1, 5000, category="中药饮片"),
        purchases.LineInput("维C", 1, 1250, category="维生素"),
    ])  # fmt: skip
    assert _kinds(pharmacy, zs) == [("earned", 12)]


def test_points_of_2025_can_be_redeemed_on_31_december_2026_and_are_gone_on_1_january(
    pharmacy: Context, clock: FakeClock
) -> None:
    zs = _customer(pharmacy)
    _today(clock, "2025-03-01")
    _buy(pharmacy, zs, 30000)  # 300 points
    _today(clock, "2026-12-31")
    assert loyalty.standing(pharmacy, zs).balance == 300
    assert loyalty.standing(pharmacy, zs).expiring_points == 300
    assert loyalty.standing(pharmacy, zs).expiring_on == date(2027, 1, 1)
    _buy(pharmacy, zs, 1000, redeem=100)  # ¥1 off: 990 fen paid, 9 points earned
    assert loyalty.standing(pharmacy, zs).balance == 209

    _today(clock, "2027-01-01")
    # Before the expiry run has written anything, the old points can no longer be used.
    assert loyalty.standing(pharmacy, zs).balance == 9
    with pytest.raises(ValidationError):
        _buy(pharmacy, zs, 1000, redeem=100)
    run = loyalty.expire(pharmacy)
    assert (run.customers, run.points) == (1, 200)
    assert _kinds(pharmacy, zs) == [("earned", 300), ("redeemed", -100), ("earned", 9),
                                    ("expired", -200)]  # fmt: skip
    assert loyalty.expire(pharmacy) == loyalty.ExpiryRun(0, 0, 0)  # twice changes nothing
    assert loyalty.standing(pharmacy, zs).balance == 9 == loyalty.standing(pharmacy, zs).ledger_sum
    assert checks.first_problem(pharmacy) is None


def test_redeeming_takes_the_oldest_points_first(pharmacy: Context, clock: FakeClock) -> None:
    zs = _customer(pharmacy)
    _today(clock, "2025-06-01")
    _buy(pharmacy, zs, 20000)  # 200 points, gone 2027-01-01
    _today(clock, "2026-06-01")
    _buy(pharmacy, zs, 20000)  # 200 points, gone 2028-01-01
    _buy(pharmacy, zs, 30000, redeem=300)  # takes the 200 of 2025 and 100 of 2026
    _today(clock, "2027-01-01")
    assert loyalty.expire(pharmacy).points == 0  # nothing of 2025 was left
    assert loyalty.standing(pharmacy, zs).balance == 100 + 297


def test_redeeming_more_than_the_balance_or_the_receipt_is_refused(pharmacy: Context) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 15000)  # 150 points
    with pytest.raises(ValidationError) as refused:
        _buy(pharmacy, zs, 5000, redeem=151)
    assert "150 points" in refused.value.message
    with pytest.raises(ValidationError):
        _buy(pharmacy, zs, 120, redeem=150)  # ¥1.50 off a ¥1.20 receipt
    assert _kinds(pharmacy, zs) == [("earned", 150)]  # nothing of the refused receipts saved
    assert purchases.count_lines(pharmacy, zs) == 1
    # The whole receipt may be paid with points: it then costs nothing and earns nothing.
    [line] = _buy(pharmacy, zs, 120, redeem=120)
    assert line.amount_fen == 0
    assert loyalty.standing(pharmacy, zs).balance == 30
    offer = loyalty.quote(pharmacy, zs, [purchases.LineInput("维C", 1, 10000)])
    assert offer.max_redeem_points == 30


def test_points_off_are_shared_across_the_lines_to_the_fen(pharmacy: Context) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 100000)  # 1,000 points
    lines = purchases.record(pharmacy, zs, [
        purchases.LineInput("维C", 1, 1000), purchases.LineInput("板蓝根", 2, 1000),
    ], redeem_points=100)  # fmt: skip
    assert [line.amount_fen for line in lines] == [967, 1933]  # ¥1.00 off ¥30.00, by amount
    redeemed = next(e for e in loyalty.entries(pharmacy, zs) if e.kind == "redeemed")
    assert (redeemed.points, redeemed.value_fen) == (-100, 100)


def test_a_tier_moves_up_on_the_day_spend_crosses_and_down_when_the_window_drops_it(
    pharmacy: Context, clock: FakeClock
) -> None:
    zs = _customer(pharmacy)
    _today(clock, "2025-11-20")
    _buy(pharmacy, zs, 60000)
    assert loyalty.standing(pharmacy, zs).tier.key == "standard"
    _today(clock, "2026-05-10")
    _buy(pharmacy, zs, 39999)
    assert loyalty.standing(pharmacy, zs).tier.key == "standard"  # ¥999.99
    assert loyalty.standing(pharmacy, zs).to_next_tier_fen == 1
    _buy(pharmacy, zs, 1)
    assert loyalty.standing(pharmacy, zs).tier.key == "silver"  # ¥1,000.00 on this day
    assert loyalty.standing(pharmacy, zs, today=date(2026, 11, 19)).tier.key == "silver"
    # On 2026-11-20 the purchase of 2025-11-20 is more than 12 months back.
    assert loyalty.standing(pharmacy, zs, today=date(2026, 11, 20)).tier.key == "standard"
    assert loyalty.standing(pharmacy, zs, today=date(2026, 11, 20)).spend_12m_fen == 40000


def test_the_member_discount_comes_off_each_line_and_points_are_earned_on_what_is_paid(
    pharmacy: Context, clock: FakeClock
) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 300000)  # gold: 5 % off from now on
    [line] = _buy(pharmacy, zs, 9990, discount=True)
    assert line.amount_fen == 9490  # ¥99.90 less ¥5.00 (¥4.995 off, the customer's favour)
    assert line.unit_price_fen == 9990
    assert _kinds(pharmacy, zs)[-1] == ("earned", 94)
    assert loyalty.after_discount(1280, 2) == 1254  # ¥12.80 at 2 % off: ¥0.2560 off, ¥0.26
    [plain] = _buy(pharmacy, zs, 9990)
    assert plain.amount_fen == 9990  # no discount unless asked for


def test_a_change_of_rules_applies_from_its_day_and_never_alters_past_entries(
    pharmacy: Context, clock: FakeClock
) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 10000)
    before = loyalty.entries(pharmacy, zs)
    tomorrow = date(2026, 11, 21)
    doubled = replace(Rules(), fen_per_point=50, expiry_years=None,
                      tiers=(Tier("standard", 0), Tier("vip", 20_000, 10, "贵宾")))  # fmt: skip
    loyalty_rules.change(pharmacy, doubled, tomorrow)
    _buy(pharmacy, zs, 10000)  # still today: the old rules
    assert loyalty.entries(pharmacy, zs)[0].points == 100
    assert loyalty_rules.upcoming(pharmacy) == doubled
    _today(clock, "2026-11-21")
    _buy(pharmacy, zs, 10000)
    newest = loyalty.entries(pharmacy, zs)[0]
    assert (newest.points, newest.expires_on) == (200, None)
    assert loyalty.entries(pharmacy, zs)[-1] == before[0]  # the first entry as it was
    assert loyalty.standing(pharmacy, zs).tier.name == "贵宾"
    assert [r.effective_from for r in loyalty_rules.versions(pharmacy)] == [tomorrow]
    with pytest.raises(ValidationError) as refused:
        loyalty_rules.change(pharmacy, Rules(), date(2026, 11, 1))
    assert "effective_from" in refused.value.problems


def test_rules_that_cannot_work_are_refused_by_field(pharmacy: Context) -> None:
    upside_down = replace(Rules(), tiers=(Tier("standard", 0), Tier("gold", 300_000),
                                          Tier("silver", 100_000)))  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        loyalty_rules.change(pharmacy, upside_down)
    assert set(refused.value.problems) == {"tiers"}
    with pytest.raises(ValidationError) as refused:
        loyalty_rules.change(pharmacy, replace(Rules(), fen_per_point=0, expiry_years=9))
    assert set(refused.value.problems) == {"fen_per_point", "expiry_years"}
    assert loyalty_rules.versions(pharmacy) == []


def _cards(points: str) -> RawTable:
    lines = [["姓名", "手机", "积分"], ["张三", "13812345678", points]]
    raw = [RawRow(n, tuple(cells)) for n, cells in enumerate(lines, start=1)]
    return RawTable(Path("cards.csv"), "cards", raw, hashlib.sha256(points.encode()).hexdigest())


def test_an_imports_opening_points_merged_into_a_customer_are_reversed_by_its_undo(
    pharmacy: Context, clock: FakeClock
) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 4200)
    plan = customer_import.plan(pharmacy, _cards("350"))
    assert plan.counts()["merged"] == 1
    # The preview says the card's points add to the customer's balance.
    [row] = [r for r in plan.rows if r.outcome == "merged"]
    assert row.reason.endswith("; adds 350 opening points to the balance")
    assert localize(row.reason, "zh_CN").endswith("；该客户积分余额将加上 350 期初积分")
    batch = import_batches.commit(pharmacy, plan)
    assert loyalty.standing(pharmacy, zs).balance == 42 + 350
    clock.advance(hours=1)

    assert import_batches.undo(pharmacy, batch).reversed_points == 1

    assert loyalty.standing(pharmacy, zs).balance == 42
    ledger = loyalty.entries(pharmacy, zs)
    assert [(e.kind, e.points, e.batch_id) for e in reversed(ledger)] == [
        ("earned", 42, None),
        ("opening", 350, batch),
        ("adjusted", -350, batch),
    ]
    assert ledger[0].reverses_id == ledger[1].id
    assert checks.first_problem(pharmacy) is None


def test_an_undo_removes_the_customers_it_made_with_their_opening_points(
    pharmacy: Context,
) -> None:
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, _cards("80")))
    [made] = [r.id for r in customers.list_customers(pharmacy)]
    assert loyalty.standing(pharmacy, made).balance == 80
    import_batches.undo(pharmacy, batch, keep_edited=False)
    assert list(customers.list_customers(pharmacy)) == []
    assert checks.first_problem(pharmacy) is None


def test_a_correction_needs_a_reason_and_cannot_take_more_than_there_is(
    pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 5000)
    with pytest.raises(ValidationError) as refused:
        loyalty.adjust(pharmacy, zs, 10, "  ")
    assert set(refused.value.problems) == {"reason"}
    with pytest.raises(ValidationError):
        loyalty.adjust(pharmacy, zs, -51, "card lost")
    entry = loyalty.adjust(pharmacy, zs, -50, "points given twice")
    assert (entry.kind, entry.points, entry.reason, entry.user_name) == (
        "adjusted",
        -50,
        "points given twice",
        "owner",
    )
    assert loyalty.standing(pharmacy, zs).balance == 0
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    staff = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    try:
        with pytest.raises(PermissionRefused):
            loyalty.adjust(staff, zs, 10, "a present")
    finally:
        staff.close()


def test_schema_11_keeps_old_entries_and_gives_them_days(tmp_path: Path) -> None:
    db = connection.open_encrypted(tmp_path / "old.db", new_database_key())
    migrations.migrate(db, target=10)
    db.execute_sql(
        "INSERT INTO customer (id, name, status, source, created_at, updated_at) "
        "VALUES (1, '张三', 'active', 'manual', '2025-01-01T10:00:00+08:00', "
        "'2025-01-01T10:00:00+08:00')"
    )
    db.execute_sql(
        "INSERT INTO points_entry (customer_id, kind, points, reason, created_at) VALUES "
        "(1, 'opening', 300, 'card', '2025-03-01T10:00:00+08:00'), "
        "(1, 'redeemed', -100, '', '2026-02-01T10:00:00+08:00')"
    )
    assert migrations.migrate(db, target=11) == [11]
    rows = db.execute_sql(
        "SELECT kind, points, effective_on, expires_on FROM points_entry ORDER BY id"
    ).fetchall()
    assert rows == [("opening", 300, "2025-03-01", "2027-01-01"),
                    ("redeemed", -100, "2026-02-01", None)]  # fmt: skip
    assert db.execute_sql("SELECT balance FROM points_balance").fetchall() == [(200,)]
    db.close()


def test_a_customer_of_the_batch_whose_points_were_corrected_since_counts_as_edited(
    pharmacy: Context,
) -> None:
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, _cards("80")))
    [made] = [r.id for r in customers.list_customers(pharmacy)]
    loyalty.adjust(pharmacy, made, 20, "a birthday present")
    assert import_batches.edited_since(pharmacy, batch) == [made]
    result = import_batches.undo(pharmacy, batch)  # keeps the edited by default
    assert result.kept_edited == [made]
    assert [(e.kind, e.points) for e in reversed(loyalty.entries(pharmacy, made))] == [
        ("opening", 80), ("adjusted", 20), ("adjusted", -80),
    ]  # fmt: skip


def test_removing_a_customer_finds_the_reversals_of_their_entries_by_index(
    pharmacy: Context,
) -> None:
    plan = " ".join(
        str(row[-1])
        for row in pharmacy.db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT 1 FROM points_entry WHERE reverses_id = 5"
        ).fetchall()
    )
    assert "points_entry_reverses" in plan


def test_an_undo_after_the_opening_points_were_spent_is_told_how_far_below_zero_it_goes(
    pharmacy: Context,
) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 4200)  # 42 points
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, _cards("350")))
    _buy(pharmacy, zs, 500, redeem=392)  # ¥3.92 off ¥5.00: pays ¥1.08, earns 1
    assert import_batches.points_used(pharmacy, batch) == {zs: 349}
    import_batches.undo(pharmacy, batch)
    assert loyalty.standing(pharmacy, zs).balance == -349  # the ledger stays exact
    assert import_batches.points_used(pharmacy, batch) == {}  # nothing left to reverse
    with pytest.raises(ValidationError):
        _buy(pharmacy, zs, 500, redeem=1)


def test_a_clock_set_years_ahead_expires_nothing_and_says_why(
    pharmacy: Context, clock: FakeClock
) -> None:
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 30000)
    with pytest.raises(OperationFailed) as refused:
        loyalty.expire(pharmacy, today=date(2030, 6, 1))
    assert "check the clock" in refused.value.message
    assert localize_error(refused.value, "zh_CN").startswith("电脑日期（2030-06-01）")
    assert loyalty.standing(pharmacy, zs).ledger_sum == 300
    # A run of a later, believable day after the clock was ahead once looks at everyone.
    settings.put(pharmacy, loyalty.EXPIRED_THROUGH, "2030-06-01")
    _today(clock, "2027-06-01")
    _buy(pharmacy, _customer(pharmacy, "李四", "13900001111"), 100)  # used since
    _today(clock, "2028-01-01")
    assert loyalty.expire(pharmacy).points == 300


def test_only_the_points_the_money_off_needs_are_taken(pharmacy: Context) -> None:
    loyalty_rules.change(pharmacy, replace(Rules(), points_per_yuan=150))
    zs = _customer(pharmacy)
    _buy(pharmacy, zs, 50000)  # 500 points
    assert loyalty.quote(pharmacy, zs, [purchases.LineInput("维C", 1, 1000)],
                         redeem_points=1).redeem_points == 0  # fmt: skip
    [line] = _buy(pharmacy, zs, 1000, redeem=151)  # ¥1.00 off for 150 points
    assert line.amount_fen == 900
    assert _kinds(pharmacy, zs)[1] == ("redeemed", -150)
