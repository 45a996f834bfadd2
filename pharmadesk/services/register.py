"""The real-name register of controlled OTC medicines (compound preparations containing
ephedrine and the like): which products are controlled, the owner's per-sale limit, the
check a receipt passes before it is saved, the register lines written with it, the view of
the register, and its legal hold on erasure.

A receipt with a line of a controlled product needs the buyer's name and resident ID
number (`id_numbers`), a batch number on each controlled line, and at most `limit` packs of
each controlled product unless an account allowed to (OVERRIDE_LIMIT: a pharmacist or the
owner) gives a reason. The register rows are kept as written (database triggers): when the
customer is erased, `keep_for_erasure` only unlinks them and marks them kept under that
obligation, so they still hold the buyer's name and ID number, as the law requires.

ID numbers are shown masked (110***********1234) to every account but those allowed
SEE_ID_NUMBERS (the owner). Neither names nor ID numbers reach the audit log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from pharmadesk.db.models import ControlledSale, Product
from pharmadesk.errors import NotFound, OperationFailed, PermissionRefused, ValidationError
from pharmadesk.services import audit, id_numbers, products, settings
from pharmadesk.services.context import Context
from pharmadesk.services.id_numbers import InvalidIdNumber
from pharmadesk.services.permissions import Operation, allows, require
from pharmadesk.services.products import ProductInfo
from pharmadesk.text.normalize import fold

LIMIT_KEY = "register.per_sale_limit"
DEFAULT_LIMIT = 2
LIMIT_RANGE = (1, 99)
NEEDS_PHARMACIST = (
    "a pharmacist must approve selling more than the per-sale limit of a controlled medicine"
)


@dataclass(frozen=True)
class BuyerInput:
    """Who buys a controlled medicine, as on their ID card."""

    name: str
    id_number: str


class SaleLine(Protocol):
    """What the register reads of a receipt line (purchases.LineInput)."""

    @property
    def quantity(self) -> int: ...
    @property
    def batch_no(self) -> str: ...


@dataclass(frozen=True)
class CheckedSale:
    """A receipt that passed the register's check: what `write` records with it.

    `lines` pairs each controlled line's position on the receipt with its product.
    """

    buyer: BuyerInput | None
    lines: tuple[tuple[int, Product], ...]
    batches: tuple[str, ...]
    override_reason: str | None
    over_limit: tuple[int, ...]  # product ids sold over the limit (with the override)

    @property
    def empty(self) -> bool:
        return not self.lines


@dataclass(frozen=True)
class RegisterEntry:
    """One register line as a reader may see it (`id_number` masked unless allowed)."""

    id: int
    sold_at: datetime
    sold_on: date
    receipt: str | None
    product_id: int
    product_name: str
    specification: str
    batch_no: str
    quantity: int
    buyer_name: str
    id_number: str
    id_masked: bool
    customer_id: int | None
    staff_name: str
    override_reason: str | None
    kept_at: datetime | None  # the customer was erased; kept under a legal obligation

    @property
    def kept(self) -> bool:
        return self.kept_at is not None


def limit(ctx: Context) -> int:
    """The most packs of one controlled product a receipt may hold (the owner's setting)."""
    value = settings.get(ctx, LIMIT_KEY, DEFAULT_LIMIT)
    low, high = LIMIT_RANGE
    return value if isinstance(value, int) and low <= value <= high else DEFAULT_LIMIT


def set_limit(ctx: Context, packs: int) -> None:
    """Owner only; 1 to 99 packs per sale, audited."""
    require(ctx, Operation.MANAGE)
    low, high = LIMIT_RANGE
    if not low <= packs <= high:
        raise OperationFailed(f"the per-sale limit must be {low} to {high} packs")
    with ctx.db.atomic():
        settings.put(ctx, LIMIT_KEY, packs)
        audit.record(ctx, "settings.changed", details={"setting": LIMIT_KEY, "value": packs})


def set_controlled(ctx: Context, product_id: int, controlled: bool) -> None:
    """Flag a product as controlled (its sales then need the register) or not; audited."""
    require(ctx, Operation.MANAGE)
    with ctx.db.atomic():
        product = Product.get_or_none(Product.id == product_id)
        if product is None:
            raise NotFound(f"no product {product_id}")
        if product.controlled == controlled:
            return
        Product.update(controlled=controlled).where(Product.id == product_id).execute()
        audit.record(ctx, "product.controlled", entity="product", entity_id=product_id,
                     details={"controlled": controlled})  # fmt: skip
    products.forget(ctx)


def controlled_products(ctx: Context) -> list[ProductInfo]:
    """The products flagged controlled, by name."""
    return [product for product in products.all_products(ctx) if product.controlled]


def check(
    ctx: Context,
    lines: Sequence[SaleLine],
    found: Sequence[Product | None],
    *,
    buyer: BuyerInput | None,
    override_reason: str | None,
    day: date,
) -> CheckedSale:
    """The register's check of a receipt before anything is saved.

    `found` is each line's existing product (None: a new product, never controlled).

    Raises:
        ValidationError: the buyer's name or ID number is missing or invalid, a controlled
            line has no batch number, or a product is over the limit without a reason.
        PermissionRefused: a reason for going over the limit from an account that may not
            (a pharmacist must approve).
    """
    controlled = tuple(
        (n, product)
        for n, product in enumerate(found)
        if product is not None and product.controlled
    )
    if not controlled:
        return CheckedSale(None, (), (), None, ())
    problems: dict[str, str] = {}
    checked_buyer = _check_buyer(buyer, day, problems)
    batches = tuple(fold(lines[n].batch_no) for n, _ in controlled)
    for (n, product), batch in zip(controlled, batches, strict=True):
        if not batch:
            problems[f"line {n + 1} batch"] = f"{product.name} needs its batch number"
    over = _over_limit(ctx, lines, controlled)
    reason = fold(override_reason) or None
    if over and reason is None:
        names = "、".join({p.name: None for _, p in controlled if p.id in over})
        problems["limit"] = (
            f"at most {limit(ctx)} packs of {names} per sale; more needs a pharmacist's "
            "override with a reason"
        )
    if problems:
        raise ValidationError(problems)
    if over and not allows(ctx.account, Operation.OVERRIDE_LIMIT):
        raise PermissionRefused(NEEDS_PHARMACIST)
    return CheckedSale(checked_buyer, controlled, batches, reason if over else None, tuple(over))


def _check_buyer(buyer: BuyerInput | None, day: date, problems: dict[str, str]) -> BuyerInput:
    name = fold(buyer.name) if buyer else ""
    if not name:
        problems["buyer_name"] = "a controlled medicine needs the buyer's name"
    number = ""
    try:
        number = id_numbers.validate(buyer.id_number if buyer else "", today=day)
    except InvalidIdNumber as exc:
        problems["id_number"] = (
            "a controlled medicine needs the buyer's ID number"
            if exc.code == "empty"
            else exc.problems["id_number"]
        )
    return BuyerInput(name, number)


def _over_limit(
    ctx: Context, lines: Sequence[SaleLine], controlled: tuple[tuple[int, Product], ...]
) -> list[int]:
    """The controlled products whose packs on the receipt add up to more than the limit."""
    packs: dict[int, int] = {}
    for n, product in controlled:
        packs[product.id] = packs.get(product.id, 0) + lines[n].quantity
    most = limit(ctx)
    return [product_id for product_id, count in packs.items() if count > most]


def write(
    ctx: Context,
    sale: CheckedSale,
    *,
    customer_id: int,
    purchase_ids: Sequence[int],
    sold_at: datetime,
    receipt: str | None,
    quantities: Sequence[int],
) -> int:
    """The register lines of a checked receipt, inside the purchase's transaction.

    `purchase_ids` and `quantities` are the receipt's lines in order. Returns the count.
    """
    if sale.empty:
        return 0
    assert sale.buyer is not None
    made = []
    for (n, product), batch in zip(sale.lines, sale.batches, strict=True):
        made.append(ControlledSale.insert(
            sold_at=sold_at, sold_on=sold_at.date(), purchase=purchase_ids[n], receipt=receipt,
            product=product.id, product_name=product.name,
            specification=product.specification or "", batch_no=batch,
            quantity=quantities[n], buyer_name=sale.buyer.name,
            id_number=sale.buyer.id_number, customer=customer_id, user=ctx.account.id,
            staff_name=ctx.account.name, override_reason=sale.override_reason,
        ).execute())  # fmt: skip
    if sale.override_reason is not None:
        # The reason itself stays in the register lines (named here), not in the audit
        # log: free text may name a person, and audit rows name customers by id only.
        audit.record(
            ctx, "register.override", customer_id=customer_id, entity="purchase",
            entity_id=purchase_ids[0],
            details={"products": list(sale.over_limit), "limit": limit(ctx),
                     "packs": _packs(sale, quantities), "register_lines": made},
        )  # fmt: skip
    return len(sale.lines)


def _packs(sale: CheckedSale, quantities: Sequence[int]) -> dict[str, int]:
    packs: dict[str, int] = {}
    for n, product in sale.lines:
        if product.id in sale.over_limit:
            packs[str(product.id)] = packs.get(str(product.id), 0) + quantities[n]
    return packs


def entries(
    ctx: Context,
    start: date,
    end: date,
    *,
    product_id: int | None = None,
    limit_rows: int | None = None,
) -> list[RegisterEntry]:
    """The register lines sold from `start` to `end` (inclusive), newest first.

    Everyone at the counter may read the register; ID numbers are masked unless the
    account may SEE_ID_NUMBERS.
    """
    require(ctx, Operation.COUNTER)
    query = ControlledSale.select().where(
        (ControlledSale.sold_on >= start) & (ControlledSale.sold_on <= end)
    )
    if product_id is not None:
        query = query.where(ControlledSale.product == product_id)
    query = query.order_by(ControlledSale.sold_at.desc(), ControlledSale.id.desc())
    if limit_rows is not None:
        query = query.limit(limit_rows)
    full = allows(ctx.account, Operation.SEE_ID_NUMBERS)
    return [_entry(row, full) for row in query]


def of_customer(ctx: Context, customer_id: int) -> list[RegisterEntry]:
    """One customer's register lines, newest first (ID numbers masked as in `entries`):
    what an erasure keeps and what their own data export lists."""
    require(ctx, Operation.COUNTER)
    query = (
        ControlledSale.select()
        .where(ControlledSale.customer == customer_id)
        .order_by(ControlledSale.sold_at.desc(), ControlledSale.id.desc())
    )
    full = allows(ctx.account, Operation.SEE_ID_NUMBERS)
    return [_entry(row, full) for row in query]


def _entry(row: ControlledSale, full: bool) -> RegisterEntry:
    return RegisterEntry(
        id=row.id, sold_at=row.sold_at, sold_on=row.sold_on, receipt=row.receipt,
        product_id=row.product_id, product_name=row.product_name,
        specification=row.specification, batch_no=row.batch_no, quantity=row.quantity,
        buyer_name=row.buyer_name,
        id_number=row.id_number if full else id_numbers.mask(row.id_number),
        id_masked=not full, customer_id=row.customer_id, staff_name=row.staff_name,
        override_reason=row.override_reason, kept_at=row.kept_at,
    )  # fmt: skip


def keep_for_erasure(ctx: Context, customer_id: int) -> int:
    """The legal hold (erasure.LEGAL_HOLDS): the customer's register lines unlinked from
    them and marked kept under a legal obligation, their content as written (the buyer's
    name and ID number stay: the law requires them). Returns how many were kept."""
    return int(
        ControlledSale.update(kept_at=ctx.now(), customer=None)
        .where(ControlledSale.customer == customer_id)
        .execute()
    )
