"""The real-name register: a controlled medicine is sold only to a named buyer with a valid
ID number, within the per-sale limit unless a pharmacist overrides it with a reason; the
register line holds what an inspection reads, masked for all but the owner, and it stays
when the customer is erased."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from pharmadesk.db.models import AuditEvent, ControlledSale, Customer, Purchase
from pharmadesk.errors import PermissionRefused, ValidationError
from pharmadesk.services import accounts, customers, erasure, products, purchases, register
from pharmadesk.services.context import Account, Context
from pharmadesk.services.purchases import LineInput
from pharmadesk.services.register import BuyerInput

ID = "11010519491231002X"
BUYER = BuyerInput("张三", ID)
CONTAC = "新康泰克 复方盐酸伪麻黄碱缓释胶囊"


@pytest.fixture
def customer_id(pharmacy: Context) -> int:
    record = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert record is not None
    return record.id


@pytest.fixture
def controlled_id(pharmacy: Context, customer_id: int) -> int:
    """A controlled product, known from an earlier sale before it was flagged."""
    sold = purchases.record(
        pharmacy, customer_id, [LineInput(CONTAC, 1, 2800, specification="10粒")]
    )
    register.set_controlled(pharmacy, sold[0].product_id, True)
    return sold[0].product_id


def _as(pharmacy: Context, role: str) -> Context:
    account = accounts.add(pharmacy, f"{role}1", role=role, password=f"{role}-password")
    return replace(pharmacy, account=Account(account.id, account.name, account.role))


def _line(quantity: int = 1, batch: str = "B2311") -> LineInput:
    return LineInput(CONTAC, quantity, 2800, specification="10粒", batch_no=batch)


def _refused(ctx: Context, customer_id: int, lines: list[LineInput], **kwargs: object) -> dict:
    before = (Purchase.select().count(), ControlledSale.select().count())
    with pytest.raises(ValidationError) as caught:
        purchases.record(ctx, customer_id, lines, **kwargs)  # type: ignore[arg-type]
    assert (Purchase.select().count(), ControlledSale.select().count()) == before
    return caught.value.problems


def test_a_controlled_sale_writes_its_register_line(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    staff = _as(pharmacy, "staff")
    sold = purchases.record(
        staff, customer_id, [_line(2, " B2311 "), LineInput("维生素C片", 1, 990)],
        receipt="R-7", buyer=BuyerInput(" 张三 ", "110105 19491231 002x"),
    )  # fmt: skip
    (row,) = ControlledSale.select()
    assert (row.purchase_id, row.receipt, row.product_id) == (sold[0].id, "R-7", controlled_id)
    assert (row.product_name, row.specification, row.batch_no, row.quantity) == (
        CONTAC, "10粒", "B2311", 2
    )  # fmt: skip
    assert (row.buyer_name, row.id_number, row.customer_id) == ("张三", ID, customer_id)
    assert (row.user_id, row.staff_name, row.override_reason) == (staff.account.id, "staff1", None)
    assert row.sold_at == pharmacy.now()
    assert row.sold_on == pharmacy.today()
    assert row.kept_at is None


def test_a_receipt_without_controlled_lines_needs_no_buyer(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    purchases.record(pharmacy, customer_id, [LineInput("维生素C片", 1, 990)])
    assert ControlledSale.select().count() == 0


def test_no_buyer_or_an_invalid_id_is_refused_and_nothing_saved(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    problems = _refused(pharmacy, customer_id, [_line()])
    assert problems["buyer_name"] == "a controlled medicine needs the buyer's name"
    assert problems["id_number"] == "a controlled medicine needs the buyer's ID number"
    problems = _refused(pharmacy, customer_id, [_line()], buyer=BuyerInput("张三", ID[:-1] + "1"))
    assert problems == {
        "id_number": "the number does not add up: compare it with the ID card digit by digit"
    }
    problems = _refused(pharmacy, customer_id, [_line()], buyer=BuyerInput("张三", ID[:17]))
    assert "18 characters" in problems["id_number"]


def test_a_controlled_line_needs_its_batch_number(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    lines = [LineInput("维生素C片", 1, 990), _line(batch="  ")]
    problems = _refused(pharmacy, customer_id, lines, buyer=BUYER)
    assert problems == {"line 2 batch": f"{CONTAC} needs its batch number"}


def test_the_limit_counts_every_line_of_the_product_on_the_receipt(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    problems = _refused(pharmacy, customer_id, [_line(2), _line(1)], buyer=BUYER)
    assert problems["limit"].startswith(f"at most 2 packs of {CONTAC} per sale")
    purchases.record(pharmacy, customer_id, [_line(1), _line(1)], buyer=BUYER)
    assert ControlledSale.select().count() == 2


def test_staff_cannot_override_the_limit(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    staff = _as(pharmacy, "staff")
    with pytest.raises(PermissionRefused, match="a pharmacist must approve"):
        purchases.record(staff, customer_id, [_line(3)], buyer=BUYER, override_reason="熟客")
    assert ControlledSale.select().count() == 0


def test_a_pharmacist_overrides_with_a_reason_which_is_audited_without_the_person(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    pharmacist = _as(pharmacy, "pharmacist")
    problems = _refused(pharmacist, customer_id, [_line(3)], buyer=BUYER, override_reason=" ")
    assert "override with a reason" in problems["limit"]
    purchases.record(
        pharmacist, customer_id, [_line(3)], buyer=BUYER, override_reason="一家三口都感冒"
    )
    (row,) = ControlledSale.select()
    assert (row.quantity, row.override_reason) == (3, "一家三口都感冒")
    event = AuditEvent.get(AuditEvent.action == "register.override")
    assert (event.user_name, event.customer_id) == ("pharmacist1", customer_id)
    assert json.loads(event.details) == {
        "limit": 2, "packs": {str(controlled_id): 3}, "products": [controlled_id],
        "register_lines": [row.id],  # where the reason is
    }  # fmt: skip
    assert "张三" not in event.details
    assert ID not in event.details
    assert "一家" not in event.details


def test_a_reason_within_the_limit_is_not_an_override(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    purchases.record(pharmacy, customer_id, [_line(2)], buyer=BUYER, override_reason="不需要")
    assert ControlledSale.get().override_reason is None
    assert not AuditEvent.select().where(AuditEvent.action == "register.override").exists()


def test_the_owner_sets_the_limit_within_range(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    assert register.limit(pharmacy) == 2
    register.set_limit(pharmacy, 3)
    purchases.record(pharmacy, customer_id, [_line(3)], buyer=BUYER)
    assert register.limit(pharmacy) == 3
    with pytest.raises(Exception, match="1 to 99 packs"):
        register.set_limit(pharmacy, 0)
    with pytest.raises(PermissionRefused):
        register.set_limit(_as(pharmacy, "pharmacist"), 5)
    assert register.limit(pharmacy) == 3


def test_the_controlled_flag_is_the_owners_and_reaches_the_product_list(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    assert [p.id for p in register.controlled_products(pharmacy)] == [controlled_id]
    assert products.find(pharmacy, "新康泰克")[0].controlled
    with pytest.raises(PermissionRefused):
        register.set_controlled(_as(pharmacy, "pharmacist"), controlled_id, False)
    register.set_controlled(pharmacy, controlled_id, False)
    assert not products.find(pharmacy, "新康泰克")[0].controlled
    purchases.record(pharmacy, customer_id, [_line(5)])  # no longer controlled: no buyer
    flags = AuditEvent.select().where(AuditEvent.action == "product.controlled")
    assert [json.loads(e.details) for e in flags] == [{"controlled": True}, {"controlled": False}]


def test_id_numbers_are_masked_for_all_but_the_owner(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    purchases.record(pharmacy, customer_id, [_line()], buyer=BUYER)
    today = pharmacy.today()
    (full,) = register.entries(pharmacy, today, today)
    assert (full.id_number, full.id_masked) == (ID, False)
    for role in ("pharmacist", "staff"):
        (seen,) = register.entries(_as(pharmacy, role), today, today)
        assert (seen.id_number, seen.id_masked, seen.buyer_name) == (
            "110***********002X",
            True,
            "张三",
        )


def test_entries_are_the_range_newest_first(
    pharmacy: Context, customer_id: int, controlled_id: int, clock
) -> None:
    first_day = pharmacy.today()
    purchases.record(pharmacy, customer_id, [_line()], buyer=BUYER, receipt="A")
    clock.advance(days=1)
    purchases.record(pharmacy, customer_id, [_line()], buyer=BUYER, receipt="B")
    purchases.record(pharmacy, customer_id, [_line()], buyer=BUYER, receipt="C")
    later = pharmacy.today()
    assert [e.receipt for e in register.entries(pharmacy, first_day, later)] == ["C", "B", "A"]
    assert [e.receipt for e in register.entries(pharmacy, first_day, first_day)] == ["A"]


def test_erasure_keeps_the_register_line_as_written(
    pharmacy: Context, customer_id: int, controlled_id: int
) -> None:
    purchases.record(pharmacy, customer_id, [_line(2)], buyer=BUYER)
    result = erasure.erase(pharmacy, customer_id)
    assert result.kept_by_law == 1
    customer = Customer.get_by_id(customer_id)
    assert (customer.status, customer.mobile) == ("anonymised", None)
    assert customer.name != "张三"
    row = ControlledSale.get()
    assert (row.buyer_name, row.id_number, row.quantity, row.batch_no) == ("张三", ID, 2, "B2311")
    assert row.customer_id is None
    assert row.kept_at == pharmacy.now()
    today = pharmacy.today()
    (entry,) = register.entries(pharmacy, today, today)
    assert entry.kept
    assert entry.customer_id is None
