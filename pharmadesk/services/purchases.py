"""Purchases: receipts of one or more lines, products created on the fly, the history.

Money is integer fen throughout. A receipt's lines share its `transaction_key` (the
receipt number, or the day when there is none), which is what "a transaction" counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from pharmadesk.db.models import Customer, Product, Purchase
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import audit, loyalty, register, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.register import BuyerInput
from pharmadesk.text.normalize import fold

MAX_QUANTITY = 10_000
# How many transactions a customer's lines make: a receipt counts once a day (tills restart
# their numbering, so one number on two days is two receipts), as the analytics count them.
TRANSACTIONS_SQL = "count(DISTINCT transaction_key || '@' || purchased_on)"


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
    batch_no: str = ""  # the real-name register records it for a controlled product


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
    # The receipt's points, on its first line (the ledger entries point to it); 0 elsewhere.
    earned_points: int = 0
    redeemed_points: int = 0


def transaction_key(receipt: str | None, day: date) -> str:
    return f"receipt:{receipt}" if receipt else f"day:{day.isoformat()}"


def find_product(line: LineInput) -> Product | None:
    """The existing product a line names (by barcode, else name and specification)."""
    name, spec = fold(line.product_name), fold(line.specification)
    product = None
    if line.barcode:
        product = Product.get_or_none(Product.barcode == fold(line.barcode))
    if product is None:
        product = Product.get_or_none((Product.name == name) & (Product.specification == spec))
    return product


def find_or_create_product(line: LineInput) -> Product:
    product = find_product(line)
    if product is None:
        name, spec = fold(line.product_name), fold(line.specification)
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
    redeem_points: int = 0,
    member_discount: bool = False,
    buyer: BuyerInput | None = None,
    override_reason: str | None = None,
) -> list[PurchaseLine]:
    """Record one receipt for a customer, with the points it earns; returns its lines.

    `member_discount` takes the customer's tier discount off each line; `redeem_points`
    takes points off the receipt (`loyalty.quote` says how much each line then costs).
    A line of a controlled product needs the `buyer` (name and ID number) and its batch
    number, and the register's per-sale limit holds unless a pharmacist gives an
    `override_reason` (services/register.py). Lines, redemption, earned points and the
    register lines are saved together or not at all.

    Raises:
        ValidationError: a line is incomplete or out of range, the points cannot be
            redeemed, or the register's check fails; nothing is saved.
        PermissionRefused: going over the per-sale limit needs a pharmacist.
        NotFound: no such customer.
    """
    require(ctx, Operation.COUNTER)
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
        # The real-name register's check is here, at the sale, and only here: an import of
        # purchases (io/purchase_import.py) is past history, not a sale, so it writes no
        # register lines and needs no buyer.
        sale = register.check(
            ctx, lines, [find_product(line) for line in lines], buyer=buyer,
            override_reason=override_reason, day=day,
        )  # fmt: skip
        # Points gone by today are written off first, so they cannot be redeemed.
        loyalty.expire_customer(ctx, customer_id, day)
        priced = loyalty.quote(
            ctx, customer_id, lines, redeem_points=redeem_points,
            member_discount=member_discount, day=day,
        )  # fmt: skip
        for line, amount in zip(lines, priced.line_amounts_fen, strict=True):
            product = find_or_create_product(line)
            ids.append(
                Purchase.insert(
                    customer=customer_id, product=product.id, purchased_at=when,
                    purchased_on=day, quantity=line.quantity,
                    unit_price_fen=line.unit_price_fen, amount_fen=amount, receipt=receipt,
                    transaction_key=transaction_key(receipt, day), source=source,
                    user=ctx.account.id,
                ).execute()
            )  # fmt: skip
        loyalty.write_receipt(ctx, customer_id, ids[0], priced, when, receipt or day.isoformat())
        registered = register.write(
            ctx, sale, customer_id=customer_id, purchase_ids=ids, sold_at=when,
            receipt=receipt, quantities=[line.quantity for line in lines],
        )  # fmt: skip
        search_index.touch(ctx.db, [customer_id], day)
        details = {"lines": len(ids), "points": priced.earn_points,
                   "redeemed": priced.redeem_points}  # fmt: skip
        if registered:
            details["register_lines"] = registered
        audit.record(ctx, "purchase.recorded", customer_id=customer_id, entity="purchase",
                     entity_id=ids[0], details=details)  # fmt: skip
    return lines_by_id(ctx, ids)


def _query():  # type: ignore[no-untyped-def]
    return Purchase.select(Purchase, Product).join(Product)


def _line(row: Purchase) -> PurchaseLine:
    return PurchaseLine(
        row.id, row.customer_id, row.purchased_at, row.purchased_on, row.product.id,
        row.product.name, row.product.specification, row.product.category, row.quantity,
        row.unit_price_fen, row.amount_fen, row.receipt,
    )  # fmt: skip


# A receipt's earned and redeemed points from its ledger entries (redeemed as a positive count).
_POINTS_SUMS = (
    "coalesce(sum(CASE WHEN kind = 'earned' THEN points END), 0), "
    "coalesce(-sum(CASE WHEN kind = 'redeemed' THEN points END), 0)"
)


def _with_points(ctx: Context, lines: list[PurchaseLine]) -> list[PurchaseLine]:
    """`lines` with the points of the receipts they begin (one indexed read)."""
    if not lines:
        return lines
    marks = ", ".join("?" * len(lines))
    rows = ctx.db.execute_sql(
        f"SELECT purchase_id, {_POINTS_SUMS} FROM points_entry "
        f"WHERE purchase_id IN ({marks}) GROUP BY purchase_id",
        [line.id for line in lines],
    ).fetchall()
    points = {row[0]: (row[1], row[2]) for row in rows}
    return [
        replace(line, earned_points=points[line.id][0], redeemed_points=points[line.id][1])
        if line.id in points
        else line
        for line in lines
    ]


def lines_by_id(ctx: Context, ids: list[int]) -> list[PurchaseLine]:
    rows = _query().where(Purchase.id.in_(ids)).order_by(Purchase.id)
    return _with_points(ctx, [_line(row) for row in rows])


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
    return _with_points(ctx, [_line(row) for row in rows])


@dataclass(frozen=True)
class PurchaseFilter:
    """What a purchase table shows: one customer or all, a date range, a category."""

    customer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    category: str | None = None
    order_by: str = "date"  # date or amount
    descending: bool = True


@dataclass(frozen=True)
class PurchaseRow:
    line: PurchaseLine
    running_total_fen: int | None
    customer_name: str | None = None  # filled when browsing all customers


def _where(selection: PurchaseFilter) -> tuple[str, list[object]]:
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    if selection.customer_id is not None:
        clauses.append("l.customer_id = ?")
        params.append(selection.customer_id)
    if selection.date_from:
        clauses.append("l.purchased_on >= ?")
        params.append(selection.date_from.isoformat())
    if selection.date_to:
        clauses.append("l.purchased_on <= ?")
        params.append(selection.date_to.isoformat())
    if selection.category:
        # A subquery rather than a join: the product id is in the purchase indexes, so the
        # filter is answered from an index without reading each line.
        clauses.append("l.product_id IN (SELECT id FROM product WHERE category = ?)")
        params.append(selection.category)
    return " AND ".join(clauses), params


def count_filtered(ctx: Context, selection: PurchaseFilter) -> int:
    where, params = _where(selection)
    sql = f"SELECT count(*) FROM purchase l WHERE {where}"
    return int(ctx.db.execute_sql(sql, params).fetchone()[0])


_LINE_COLUMNS = (
    "l.id, l.customer_id, l.purchased_at, l.purchased_on, p.id, p.name, p.specification, "
    "p.category, l.quantity, l.unit_price_fen, l.amount_fen, l.receipt"
)


@dataclass(frozen=True)
class Boundary:
    """Continue a page next to a known row: `after` it in the view's order, or `before` it."""

    row: PurchaseRow
    after: bool = True


def sort_key(selection: PurchaseFilter, row: PurchaseRow) -> tuple[object, int]:
    """A row's position in the view's order (its sort value, then its id)."""
    line = row.line
    value = line.amount_fen if selection.order_by == "amount" else line.purchased_on.isoformat()
    return value, line.id


def page(
    ctx: Context,
    selection: PurchaseFilter,
    *,
    offset: int,
    limit: int,
    boundary: Boundary | None = None,
) -> list[PurchaseRow]:
    """One page of lines in the chosen order.

    For one customer, each line carries the running total up to it (oldest first, so the
    newest line carries the whole sum). For all customers, each line carries the customer's
    name, and the page's line ids are chosen from an index first; with a `boundary` (a row
    of the neighbouring page) the page continues from it by key, so scrolling through
    millions of lines costs the same at the end as at the start. Without one, `offset`
    walks the index up to the page.
    """
    where, params = _where(selection)
    key = "l.amount_fen" if selection.order_by == "amount" else "l.purchased_on"
    descending = selection.descending
    if selection.customer_id is not None:
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT {_LINE_COLUMNS}, sum(l.amount_fen) OVER (ORDER BY l.purchased_on, l.id "
            "ROWS UNBOUNDED PRECEDING), NULL FROM purchase l "
            f"JOIN product p ON p.id = l.product_id WHERE {where} "
            f"ORDER BY {key} {direction}, l.id {direction} LIMIT ? OFFSET ?"
        )
        return _rows(ctx, sql, [*params, limit, offset])
    index = "purchase_amount" if selection.order_by == "amount" else "purchase_day"
    walk_backwards = boundary is not None and not boundary.after
    if walk_backwards:
        descending = not descending  # read towards the boundary's side, then turn round
    direction = "DESC" if descending else "ASC"
    if boundary is not None:
        where += f" AND ({key}, l.id) {'<' if descending else '>'} (?, ?)"
        params = [*params, *sort_key(selection, boundary.row)]
        offset = 0
    shown = "DESC" if selection.descending else "ASC"
    # INDEXED BY: with a category filter the planner would otherwise pick the product index
    # and sort every matching line.
    sql = (
        f"WITH chosen AS (SELECT l.id FROM purchase l INDEXED BY {index} WHERE {where} "
        f"ORDER BY {key} {direction}, l.id {direction} LIMIT ? OFFSET ?) "
        f"SELECT {_LINE_COLUMNS}, NULL, c.name FROM chosen "
        "JOIN purchase l ON l.id = chosen.id JOIN product p ON p.id = l.product_id "
        f"JOIN customer c ON c.id = l.customer_id ORDER BY {key} {shown}, l.id {shown}"
    )
    return _rows(ctx, sql, [*params, limit, offset])


def _rows(ctx: Context, sql: str, params: list[object]) -> list[PurchaseRow]:
    found = ctx.db.execute_sql(sql, params).fetchall()
    lines = [
        PurchaseLine(
            r[0], r[1], datetime.fromisoformat(r[2]), date.fromisoformat(r[3]), r[4], r[5],
            r[6], r[7], r[8], r[9], r[10], r[11],
        )
        for r in found
    ]  # fmt: skip
    # The page's points in one read of the ledger's purchase index: a page is a few hundred
    # lines, so this costs the same deep into millions of lines as on the first page.
    return [
        PurchaseRow(line, r[12], r[13])
        for line, r in zip(_with_points(ctx, lines), found, strict=True)
    ]


def count_lines(ctx: Context, customer_id: int | None = None) -> int:
    query = Purchase.select()
    if customer_id is not None:
        query = query.where(Purchase.customer == customer_id)
    return int(query.count())
