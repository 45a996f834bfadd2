"""Purchases: receipts of one or more lines, products created on the fly, the history.

Money is integer fen throughout. A receipt's lines share its `transaction_key` (the
receipt number, or the day when there is none), which is what "a transaction" counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from pharmadesk.db.models import Customer, Product, Purchase
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import audit, search_index
from pharmadesk.services.context import Context
from pharmadesk.text.normalize import fold

MAX_QUANTITY = 10_000


@dataclass(frozen=True)
class LineInput:
    """One line as entered: `amount_fen` defaults to quantity times unit price."""

    product_name: str
    quantity: int
    unit_price_fen: int
    amount_fen: int | None = None
    specification: str = ""
    category: str | None = None
    brand: str | None = None
    barcode: str | None = None


@dataclass(frozen=True)
class PurchaseLine:
    id: int
    customer_id: int
    purchased_at: datetime
    purchased_on: date
    product_id: int
    product_name: str
    specification: str
    category: str | None
    quantity: int
    unit_price_fen: int
    amount_fen: int
    receipt: str | None


def transaction_key(receipt: str | None, day: date) -> str:
    return f"receipt:{receipt}" if receipt else f"day:{day.isoformat()}"


def find_or_create_product(line: LineInput) -> Product:
    name, spec = fold(line.product_name), fold(line.specification)
    product = None
    if line.barcode:
        product = Product.get_or_none(Product.barcode == fold(line.barcode))
    if product is None:
        product = Product.get_or_none((Product.name == name) & (Product.specification == spec))
    if product is None:
        product = Product.create(
            name=name,
            specification=spec,
            category=fold(line.category) or None,
            brand=fold(line.brand) or None,
            barcode=fold(line.barcode) or None,
        )
    return product


def _check(lines: Sequence[LineInput]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not lines:
        problems["lines"] = "a purchase needs at least one line"
    for n, line in enumerate(lines, start=1):
        if not fold(line.product_name):
            problems[f"line {n}"] = "no product"
        elif not 0 < line.quantity <= MAX_QUANTITY:
            problems[f"line {n}"] = f"quantity must be 1 to {MAX_QUANTITY}"
        elif line.unit_price_fen < 0 or (line.amount_fen is not None and line.amount_fen < 0):
            problems[f"line {n}"] = "prices cannot be negative"
    return problems


def record(
    ctx: Context,
    customer_id: int,
    lines: Sequence[LineInput],
    *,
    purchased_at: datetime | None = None,
    receipt: str | None = None,
    source: str = "manual",
) -> list[PurchaseLine]:
    """Record one receipt for a customer; returns its saved lines.

    Raises:
        ValidationError: a line is incomplete or out of range; nothing is saved.
        NotFound: no such customer.
    """
    problems = _check(lines)
    if problems:
        raise ValidationError(problems)
    if not Customer.select().where(Customer.id == customer_id).exists():
        raise NotFound(f"no customer {customer_id}")
    when = purchased_at or ctx.now()
    if when.tzinfo is None:
        raise ValueError("purchase times must be timezone-aware")
    day = when.date()
    receipt = fold(receipt) or None
    ids = []
    with ctx.db.atomic():
        for line in lines:
            product = find_or_create_product(line)
            amount = (
                line.amount_fen
                if line.amount_fen is not None
                else (line.quantity * line.unit_price_fen)
            )
            ids.append(
                Purchase.insert(
                    customer=customer_id, product=product.id, purchased_at=when,
                    purchased_on=day, quantity=line.quantity,
                    unit_price_fen=line.unit_price_fen, amount_fen=amount, receipt=receipt,
                    transaction_key=transaction_key(receipt, day), source=source,
                    user=ctx.account.id,
                ).execute()
            )  # fmt: skip
        search_index.touch(ctx.db, [customer_id], day)
        audit.record(
            ctx, "purchase.recorded", customer_id=customer_id, entity="purchase",
            entity_id=ids[0], details={"lines": len(ids)},
        )  # fmt: skip
    return lines_by_id(ids)


def _query():  # type: ignore[no-untyped-def]
    return Purchase.select(Purchase, Product).join(Product)


def _line(row: Purchase) -> PurchaseLine:
    return PurchaseLine(
        row.id, row.customer_id, row.purchased_at, row.purchased_on, row.product.id,
        row.product.name, row.product.specification, row.product.category, row.quantity,
        row.unit_price_fen, row.amount_fen, row.receipt,
    )  # fmt: skip


def lines_by_id(ids: list[int]) -> list[PurchaseLine]:
    rows = _query().where(Purchase.id.in_(ids)).order_by(Purchase.id)
    return [_line(row) for row in rows]


def history(
    ctx: Context, customer_id: int, *, limit: int = 50, offset: int = 0
) -> list[PurchaseLine]:
    """A customer's purchase lines, newest first."""
    rows = (
        _query()
        .where(Purchase.customer == customer_id)
        .order_by(Purchase.purchased_on.desc(), Purchase.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [_line(row) for row in rows]


def count_lines(ctx: Context, customer_id: int | None = None) -> int:
    query = Purchase.select()
    if customer_id is not None:
        query = query.where(Purchase.customer == customer_id)
    return int(query.count())
