"""Merge and unmerge: what the database holds before, after a merge and after undoing it.

Two records of one person, each with purchases, an interaction, points, consents, a custom
value and a reminder state, are merged; undoing the merge must give back every row of
every table involved exactly as it was (SELECT * compared), the cached balances and sales
included.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pharmadesk.errors import NotFound, PermissionRefused, UsageError, ValidationError
from pharmadesk.services import (
    accounts,
    audit,
    consents,
    custom_fields,
    customers,
    erasure,
    interactions,
    loyalty,
    merge,
    purchases,
    reminders,
    search,
    vault,
)
from pharmadesk.services.context import Context
from tests.conftest import FakeClock

TABLES = (
    "customer", "purchase", "interaction", "points_entry", "points_balance", "consent_record",
    "custom_value", "reminder_state", "search_key", "sale", "customer_day", "customer_activity",
    "controlled_sale",
)  # fmt: skip


def dump(ctx: Context) -> dict[str, list[tuple[object, ...]]]:
    return {
        t: sorted(ctx.db.execute_sql(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES
    }


def _new(ctx: Context, data: dict[str, object]) -> int:
    made = customers.create(ctx, data, allow_duplicate=True).customer
    assert made is not None
    return made.id


@pytest.fixture
def pair(pharmacy: Context, clock: FakeClock) -> tuple[int, int]:
    """王芳 twice: an old card (allergic to penicillin, marketing consent given) and a new
    registration a year later (new mobile, allergic to cephalosporins, marketing refused)."""
    custom_fields.define(pharmacy, "微信号", kind="text", key="wechat")
    old = _new(pharmacy, {"name": "王芳", "mobile": "13811112222", "address": "文一路 1 号",
                          "allergies": "青霉素", "custom": {"wechat": "wf_old"}})  # fmt: skip
    consents.record(pharmacy, old, "marketing", "given")
    purchases.record(pharmacy, old, [purchases.LineInput("感冒灵颗粒", 2, 1550)])
    loyalty.adjust(pharmacy, old, 120, "paper card balance")
    interactions.log(pharmacy, old, channel="counter", kind="consultation", summary="问了用法")
    reminders.stop(pharmacy, old, "product", "感冒灵颗粒", last_purchase=pharmacy.today())
    reminders.stop(pharmacy, old, "product", "维C", last_purchase=pharmacy.today())
    clock.advance(days=370)
    new = _new(pharmacy, {"name": "王芳", "mobile": "13999998888", "allergies": "头孢",
                          "custom": {"wechat": "wf_new"}})  # fmt: skip
    consents.record(pharmacy, new, "marketing", "refused")
    purchases.record(pharmacy, new, [purchases.LineInput("维C", 1, 1000)])
    loyalty.adjust(pharmacy, new, 30, "welcome")
    reminders.stop(pharmacy, new, "product", "维C", last_purchase=pharmacy.today())
    clock.advance(days=1)
    return old, new


def test_the_preview_offers_the_newest_verified_values_and_both_allergies(
    pharmacy: Context, pair: tuple[int, int]
) -> None:
    old, new = pair
    shown = merge.preview(pharmacy, [old, new])
    assert shown.survivor_id == new  # verified most recently
    fields = {f.name: f for f in shown.fields}
    assert fields["mobile"].default == new
    assert fields["address"].default == old  # the new record has none
    assert fields["allergies"].default == "头孢；青霉素"
    assert fields["custom.wechat"].values == {old: "wf_old", new: "wf_new"}
    assert shown.consents["marketing"] == "refused"  # the newest record
    side = shown.side(old)
    points = customers.get(pharmacy, old).points
    assert points > 120  # the card's balance and what the purchase earned
    assert (side.purchases, side.points, side.interactions, side.reminder_states) == (
        1, points, 1, 2)  # fmt: skip


def test_merge_moves_everything_to_the_survivor_and_hides_the_other(
    pharmacy: Context, pair: tuple[int, int]
) -> None:
    old, new = pair
    total = customers.get(pharmacy, old).points + customers.get(pharmacy, new).points
    result = merge.merge(pharmacy, new, [old], {"custom.wechat": old})
    record = customers.get(pharmacy, new)
    assert record.points == total
    balance = pharmacy.db.execute_sql(
        "SELECT balance FROM points_balance WHERE customer_id = ?", (new,)
    ).fetchone()[0]
    assert balance == total == loyalty.standing(pharmacy, new).ledger_sum
    assert record.purchase_count == 2
    assert (record.mobile, record.address, record.allergies) == ("13999998888", "文一路 1 号",
                                                                 "头孢；青霉素")  # fmt: skip
    assert record.custom == {"wechat": "wf_old"}
    assert record.consent_marketing == "refused"
    assert len(consents.history(pharmacy, new)) == 2
    assert len(interactions.for_customer(pharmacy, new)) == 1
    states = pharmacy.db.execute_sql(
        "SELECT customer_id, item FROM reminder_state ORDER BY item"
    ).fetchall()
    # 维C: the survivor's own state wins; the other record's stays with it, hidden.
    assert sorted(states) == sorted([(new, "感冒灵颗粒"), (new, "维C"), (old, "维C")])
    with pytest.raises(NotFound):
        customers.get(pharmacy, old)
    assert [h.id for h in search.find(pharmacy, "王芳")] == [new]
    assert result.moved["purchase"] == 1
    assert result.moved["points_entry"] == 2  # the card's balance and the purchase's
    hidden = pharmacy.db.execute_sql(
        "SELECT status, merged_into_id FROM customer WHERE id = ?", (old,)
    ).fetchone()
    assert hidden == ("merged", new)
    events = audit.events_for_customer(pharmacy, new)
    assert events[-1]["action"] == "customer.merged"
    assert events[-1]["details"]["merged_ids"] == [old]
    assert "王芳" not in json.dumps(events[-1]["details"], ensure_ascii=False)


def test_unmerge_gives_back_every_row_exactly(pharmacy: Context, pair: tuple[int, int]) -> None:
    old, new = pair
    before = dump(pharmacy)
    old_code = customers.get(pharmacy, old).code
    choices: dict[str, merge.Choice] = {"custom.wechat": old, "address": old, "code": old,
                                        "notes": "两张卡是同一人"}  # fmt: skip
    made = merge.merge(pharmacy, new, [old], choices)
    kept = customers.get(pharmacy, new)
    assert (kept.code, kept.notes) == (old_code, "两张卡是同一人")  # the card the customer carries
    assert dump(pharmacy) != before
    undone = merge.unmerge(pharmacy, made.merge_id)
    assert dump(pharmacy) == before
    assert undone.stayed == {}
    assert undone.kept_fields == []
    assert undone.moved_back["consent_record"] == 1
    assert audit.events_for_customer(pharmacy, new)[-1]["action"] == "customer.unmerged"


def test_rows_added_after_the_merge_stay_with_the_survivor_and_are_listed(
    pharmacy: Context, pair: tuple[int, int], clock: FakeClock
) -> None:
    old, new = pair
    made = merge.merge(pharmacy, new, [old])
    clock.advance(days=2)
    (line,) = purchases.record(pharmacy, new, [purchases.LineInput("板蓝根", 1, 1200)])
    customers.update(pharmacy, new, {"phone": "057188886666"})
    undone = merge.unmerge(pharmacy, made.merge_id)
    assert undone.stayed["purchase"] == [line.id]
    assert "phone" in undone.kept_fields
    survivor = customers.get(pharmacy, new)
    assert survivor.purchase_count == 2  # its own receipt and the one added since
    assert survivor.phone == "057188886666"
    assert survivor.allergies == "头孢"  # unchanged since the merge: back as it was
    assert customers.get(pharmacy, old).purchase_count == 1


def test_a_merge_is_undone_once_and_can_be_merged_again(
    pharmacy: Context, pair: tuple[int, int]
) -> None:
    old, new = pair
    total = customers.get(pharmacy, old).points + customers.get(pharmacy, new).points
    first = merge.merge(pharmacy, new, [old])
    merge.unmerge(pharmacy, first.merge_id)
    with pytest.raises(UsageError, match="already undone"):
        merge.unmerge(pharmacy, first.merge_id)
    again = merge.merge(pharmacy, old, [new])
    assert customers.get(pharmacy, old).points == total
    history = merge.history(pharmacy, old)
    assert [h.id for h in history] == [again.merge_id]
    assert [h.undone_at is not None for h in merge.history(pharmacy, new)] == [True]
    assert [m[:2] for m in history[0].merged] == [(new, "王芳")]


def test_merges_are_undone_newest_first(pharmacy: Context, pair: tuple[int, int]) -> None:
    old, new = pair
    total = customers.get(pharmacy, old).points + customers.get(pharmacy, new).points
    third = _new(pharmacy, {"name": "王芳", "mobile": "13700001111"})  # no points
    before = dump(pharmacy)
    first = merge.merge(pharmacy, new, [old])
    second = merge.merge(pharmacy, third, [new])
    with pytest.raises(UsageError, match="undo that merge first"):
        merge.unmerge(pharmacy, first.merge_id)
    assert customers.get(pharmacy, third).points == total
    merge.unmerge(pharmacy, second.merge_id)
    merge.unmerge(pharmacy, first.merge_id)
    assert customers.get(pharmacy, old).purchase_count == 1
    assert dump(pharmacy) == before  # no balance row left behind for the third record


def test_points_spent_since_the_merge_are_not_given_back_twice(
    pharmacy: Context, clock: FakeClock
) -> None:
    kept = _new(pharmacy, {"name": "赵敏", "mobile": "13611112222"})
    other = _new(pharmacy, {"name": "赵敏", "mobile": "13622223333"})
    loyalty.adjust(pharmacy, kept, 243, "paper card balance")
    loyalty.adjust(pharmacy, other, 192, "paper card balance")
    made = merge.merge(pharmacy, kept, [other])
    clock.advance(days=1)
    loyalty.adjust(pharmacy, kept, -400, "gift taken at the counter")
    before = dump(pharmacy)
    with pytest.raises(merge.PointsShort, match="would be 157 points short") as refused:
        merge.unmerge(pharmacy, made.merge_id)
    assert refused.value.short == {kept: 157}
    assert dump(pharmacy) == before  # nothing changed
    assert merge.history(pharmacy, kept)[0].undone_at is None
    # Once the points are put right, the merge can be undone and nobody is below zero.
    loyalty.adjust(pharmacy, kept, 157, "the other card's points were spent: given back")
    merge.unmerge(pharmacy, made.merge_id)
    assert (customers.get(pharmacy, kept).points, customers.get(pharmacy, other).points) == (
        0, 192)  # fmt: skip


def test_a_debt_a_record_had_before_the_merge_does_not_block_the_unmerge(
    pharmacy: Context,
) -> None:
    kept = _new(pharmacy, {"name": "赵敏", "mobile": "13611112222"})
    other = _new(pharmacy, {"name": "赵敏", "mobile": "13622223333"})
    loyalty.adjust(pharmacy, other, 50, "paper card balance")
    pharmacy.db.execute_sql(  # a debt as an old import may have left it
        "INSERT INTO points_entry (customer_id, kind, points, reason, effective_on, created_at) "
        "SELECT ?, 'adjusted', -20, 'debt', effective_on, created_at FROM points_entry LIMIT 1",
        (kept,),
    )
    made = merge.merge(pharmacy, kept, [other])
    merge.unmerge(pharmacy, made.merge_id)
    assert customers.get(pharmacy, kept).points == -20


@pytest.mark.parametrize(
    ("ids", "message"),
    [([1], "at least two"), ([1, 1], "twice")],
)
def test_refused_merges(pharmacy: Context, ids: list[int], message: str) -> None:
    _new(pharmacy, {"name": "甲"})
    with pytest.raises(UsageError, match=message):
        merge.merge(pharmacy, ids[0], ids[1:])


def test_a_hidden_record_cannot_be_merged(pharmacy: Context, pair: tuple[int, int]) -> None:
    old, new = pair
    third = _new(pharmacy, {"name": "王芳"})
    merge.merge(pharmacy, new, [old])
    with pytest.raises(UsageError, match="merged"):
        merge.preview(pharmacy, [third, old])
    with pytest.raises(NotFound):
        merge.merge(pharmacy, third, [9999])


def test_a_child_is_not_merged_with_their_guardian(pharmacy: Context) -> None:
    mother = _new(pharmacy, {"name": "李娜", "mobile": "13855556666"})
    child = _new(pharmacy, {"name": "李小娜", "birth_date": "2020-03-01",
                            "guardian_name": "李娜", "guardian_mobile": "13855556666",
                            "consent_data": "given"})  # fmt: skip
    with pytest.raises(UsageError, match="guardian"):
        merge.merge(pharmacy, mother, [child])
    assert customers.get(pharmacy, child).status == "active"


def test_staff_cannot_merge(
    pharmacy: Context, pair: tuple[int, int], db_path: Path, clock: FakeClock
) -> None:
    old, new = pair
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    staff = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    try:
        with pytest.raises(PermissionRefused, match="merge"):
            merge.merge(staff, new, [old])
        with pytest.raises(PermissionRefused):
            merge.preview(staff, [new, old])
    finally:
        staff.close()
    assert customers.get(pharmacy, old).status == "active"


def test_erasing_a_survivor_erases_the_records_merged_into_it(
    pharmacy: Context, pair: tuple[int, int], clock: FakeClock
) -> None:
    old, new = pair
    merge.merge(pharmacy, new, [old])
    clock.advance(hours=1)
    result = erasure.erase(pharmacy, new)
    assert (result.customer_ids, result.merged_erased) == ((new,), (old,))
    rows = pharmacy.db.execute_sql(
        "SELECT id, status, mobile, merged_into_id FROM customer WHERE id IN (?, ?)", (old, new)
    ).fetchall()
    assert sorted(rows) == sorted(
        [(old, "anonymised", None, None), (new, "anonymised", None, None)]
    )
    assert pharmacy.db.execute_sql("SELECT count(*) FROM merge_record").fetchone()[0] == 0
    dumped = json.dumps(dump(pharmacy), ensure_ascii=False)
    assert "13811112222" not in dumped
    assert "王芳" not in dumped


def test_erasing_someone_else_keeps_their_merges(
    pharmacy: Context, pair: tuple[int, int], clock: FakeClock
) -> None:
    old, new = pair
    other = _new(pharmacy, {"name": "赵六"})
    merge.merge(pharmacy, new, [old])
    clock.advance(minutes=5)
    erasure.erase(pharmacy, other)
    assert len(merge.history(pharmacy, new)) == 1


def test_a_value_typed_for_a_field_is_checked_like_the_form(
    pharmacy: Context, pair: tuple[int, int]
) -> None:
    old, new = pair
    with pytest.raises(ValidationError):
        merge.merge(pharmacy, new, [old], {"mobile": "12345"})
    with pytest.raises(UsageError, match="not a field"):
        merge.merge(pharmacy, new, [old], {"blood_type": old})
    with pytest.raises(UsageError, match="not in this merge"):
        merge.merge(pharmacy, new, [old], {"mobile": 9999})
    assert customers.get(pharmacy, old).status == "active"
