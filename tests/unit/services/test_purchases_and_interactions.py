"""Purchases (money in fen, products made on the fly) and the interaction log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from pharmadesk.db.models import AuditEvent, Interaction, Product
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import customers, interactions, profile, purchases
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock


@pytest.fixture
def customer_id(pharmacy: Context) -> int:
    record = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert record is not None
    return record.id


def test_a_receipt_of_several_lines_is_saved_in_fen(pharmacy: Context, customer_id: int) -> None:
    lines = purchases.record(
        pharmacy,
        customer_id,
        [
            purchases.LineInput(
                "感冒灵颗粒", 2, 1550, specification="10g*9袋", category="感冒用药"
            ),
            purchases.LineInput("维生素C片", 1, 990, amount_fen=900),
        ],
        receipt="R20261120-001",
    )
    assert [(line.product_name, line.quantity, line.amount_fen) for line in lines] == [
        ("感冒灵颗粒", 2, 3100),
        ("维生素C片", 1, 900),
    ]
    assert customers.get(pharmacy, customer_id).purchase_count == 1
    assert customers.get(pharmacy, customer_id).total_spend_fen == 4000


def test_products_are_created_once_and_found_again(pharmacy: Context, customer_id: int) -> None:
    for _ in range(3):
        purchases.record(pharmacy, customer_id, [purchases.LineInput("布洛芬", 1, 2000)])
    purchases.record(
        pharmacy, customer_id, [purchases.LineInput("布洛芬", 1, 2000, specification="0.3g*24")]
    )
    assert Product.select().count() == 2


def test_lines_without_a_receipt_count_as_one_visit_per_day(
    pharmacy: Context, customer_id: int, clock: FakeClock
) -> None:
    line = purchases.LineInput("维生素C片", 1, 990)
    purchases.record(pharmacy, customer_id, [line])
    purchases.record(pharmacy, customer_id, [line])
    clock.advance(days=1)
    purchases.record(pharmacy, customer_id, [line])
    assert customers.get(pharmacy, customer_id).purchase_count == 2


def test_a_receipt_number_on_two_days_is_two_purchases_everywhere(
    pharmacy: Context, customer_id: int, clock: FakeClock
) -> None:
    # Tills restart their numbering: the same number on another day is another receipt.
    line = purchases.LineInput("维生素C片", 1, 990)
    purchases.record(pharmacy, customer_id, [line, line], receipt="0001")
    clock.advance(days=1)
    purchases.record(pharmacy, customer_id, [line], receipt="0001")
    assert customers.get(pharmacy, customer_id).purchase_count == 2
    assert profile.summary(pharmacy, customer_id).visits == 2


@pytest.mark.parametrize(
    "line",
    [
        purchases.LineInput("", 1, 100),
        purchases.LineInput("X", 0, 100),
        purchases.LineInput("X", 1, -5),
    ],
)
def test_bad_lines_are_refused_and_nothing_is_saved(
    pharmacy: Context, customer_id: int, line: purchases.LineInput
) -> None:
    good = purchases.LineInput("维生素C片", 1, 990)
    with pytest.raises(ValidationError):
        purchases.record(pharmacy, customer_id, [good, line])
    assert purchases.count_lines(pharmacy) == 0


def test_history_is_newest_first(pharmacy: Context, customer_id: int) -> None:
    for day in (3, 1, 2):
        purchases.record(
            pharmacy,
            customer_id,
            [purchases.LineInput(f"药{day}", 1, 100)],
            purchased_at=datetime(2026, 10, day, 9, tzinfo=CST),
        )
    assert [line.product_name for line in purchases.history(pharmacy, customer_id)] == [
        "药3",
        "药2",
        "药1",
    ]


def test_a_purchase_for_an_unknown_customer_is_refused(pharmacy: Context) -> None:
    with pytest.raises(NotFound):
        purchases.record(pharmacy, 404, [purchases.LineInput("X", 1, 1)])


def test_an_interaction_with_a_follow_up_stays_open_until_done(
    pharmacy: Context, customer_id: int
) -> None:
    entry = interactions.log(
        pharmacy,
        customer_id,
        channel="counter",
        kind="consultation",
        summary="咳嗽三天，建议多喝水",
        rating=5,
        follow_up_due=date(2026, 11, 23),
    )
    assert entry.status == "open"
    assert [e.id for e in interactions.open_follow_ups(pharmacy)] == [entry.id]
    done = interactions.set_done(pharmacy, entry.id)
    assert (done.status, done.summary) == ("done", "咳嗽三天，建议多喝水")
    assert done.done_at is not None
    assert interactions.open_follow_ups(pharmacy) == []


def test_the_follow_up_call_closes_the_open_follow_up_it_answers(
    pharmacy: Context, customer_id: int
) -> None:
    complaint = interactions.log(
        pharmacy, customer_id, channel="counter", kind="complaint", summary="药片受潮",
        follow_up_due=date(2026, 11, 25),
    )  # fmt: skip
    call = interactions.log(
        pharmacy, customer_id, channel="phone", kind="follow_up", summary="已换货，满意",
        closes=[complaint.id],
    )  # fmt: skip
    assert interactions.get(pharmacy, complaint.id).status == "done"
    assert call.status is None  # the call itself opens nothing
    assert interactions.open_follow_ups(pharmacy) == []
    actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert actions[-2:] == ["interaction.logged", "interaction.follow_up_done"]


def test_a_follow_up_not_open_for_the_customer_is_not_closed_and_nothing_is_logged(
    pharmacy: Context, customer_id: int
) -> None:
    entry = interactions.log(
        pharmacy, customer_id, channel="counter", kind="consultation", summary="问价"
    )
    with pytest.raises(NotFound):
        interactions.log(pharmacy, customer_id, channel="phone", kind="follow_up",
                         summary="回电", closes=[entry.id])  # fmt: skip
    assert [e.id for e in interactions.for_customer(pharmacy, customer_id)] == [entry.id]


def test_a_correction_is_a_new_entry_and_the_original_is_unchanged(
    pharmacy: Context, customer_id: int
) -> None:
    original = interactions.log(
        pharmacy, customer_id, channel="phone", kind="feedback", summary="满意", rating=2
    )
    fixed = interactions.log(
        pharmacy,
        customer_id,
        channel="phone",
        kind="feedback",
        summary="更正：评分应为4",
        rating=4,
        corrects=original.id,
    )
    assert fixed.corrects_id == original.id
    assert interactions.get(pharmacy, original.id) == original
    assert [e.id for e in interactions.for_customer(pharmacy, customer_id)] == [
        fixed.id,
        original.id,
    ]
    assert not hasattr(interactions, "update")
    assert not hasattr(interactions, "edit")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"channel": "fax"}, "channel"),
        ({"kind": "gossip"}, "kind"),
        ({"summary": "  "}, "summary"),
        ({"rating": 6}, "rating"),
    ],
)
def test_bad_interactions_are_refused(
    pharmacy: Context, customer_id: int, changes: dict[str, object], field: str
) -> None:
    args: dict[str, object] = {"channel": "counter", "kind": "consultation", "summary": "ok"}
    args.update(changes)
    with pytest.raises(ValidationError) as caught:
        interactions.log(pharmacy, customer_id, **args)  # type: ignore[arg-type]
    assert field in caught.value.problems
    assert Interaction.select().count() == 0


def test_only_follow_ups_can_be_marked_done(pharmacy: Context, customer_id: int) -> None:
    entry = interactions.log(
        pharmacy, customer_id, channel="counter", kind="consultation", summary="问价"
    )
    with pytest.raises(ValidationError):
        interactions.set_done(pharmacy, entry.id)


def test_the_profile_summarises_spend_visits_rhythm_and_follow_ups(
    pharmacy: Context, customer_id: int
) -> None:
    for day, category, price in ((1, "慢病用药", 3000), (31, "慢病用药", 3000), (61, "感冒", 1500)):
        purchases.record(
            pharmacy,
            customer_id,
            [purchases.LineInput(f"{category}药", 1, price, category=category)],
            purchased_at=datetime(2026, 1, 1, 9, tzinfo=CST) + timedelta(days=day - 1),
        )
    # The biggest spend, but on a product of no category: not one of the usual categories.
    purchases.record(
        pharmacy,
        customer_id,
        [purchases.LineInput("制氧机", 1, 90000)],
        purchased_at=datetime(2026, 1, 1, 10, tzinfo=CST),
    )
    interactions.log(
        pharmacy,
        customer_id,
        channel="phone",
        kind="follow_up",
        summary="回访",
        follow_up_due=date(2026, 12, 1),
    )
    loaded = profile.load(pharmacy, customer_id)
    summary = loaded.summary
    assert (summary.total_spend_fen, summary.visits) == (97500, 3)
    assert (summary.first_purchase, summary.last_purchase) == (date(2026, 1, 1), date(2026, 3, 2))
    assert summary.average_days_between_visits == 30.0
    assert summary.top_categories == [("慢病用药", 6000), ("感冒", 1500)]
    assert summary.open_follow_ups == 1
    assert next(p.product_name for p in loaded.recent_purchases) == "感冒药"
    assert len(loaded.recent_interactions) == 1


def test_the_profile_of_a_new_customer_is_empty_not_an_error(
    pharmacy: Context, customer_id: int
) -> None:
    summary = profile.summary(pharmacy, customer_id)
    assert (summary.total_spend_fen, summary.visits, summary.last_purchase) == (0, 0, None)
    assert summary.average_days_between_visits is None


def test_the_profile_holds_the_whole_interaction_log(pharmacy: Context) -> None:

    saved = customers.create(pharmacy, {"name": "张三"}).customer
    assert saved is not None
    for n in range(60):
        interactions.log(pharmacy, saved.id, channel="counter", kind="consultation",
                         summary=f"第{n}次咨询")  # fmt: skip
    loaded = profile.load(pharmacy, saved.id)
    assert len(loaded.recent_interactions) == 60
