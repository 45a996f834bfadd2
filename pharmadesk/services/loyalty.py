"""The points ledger at work: a customer's standing, pricing a receipt, corrections, expiry.

The ledger (`points_entry`) is append-only; a customer's points are its sum. Points come in
lots (each entry that adds points, with the day they are gone) and leave oldest first:
a redemption or a negative correction takes from the lots that expire soonest, an expiry
entry takes what is left of the lots it ends, and a reversal takes from the lot it
reverses first. Expiry entries are written by `expire` (at start-up and daily); until it has
run, points past their day are already left out of what a customer can redeem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pharmadesk.db.models import PointsEntry, Product
from pharmadesk.errors import NotFound, OperationFailed, ValidationError
from pharmadesk.services import audit, settings
from pharmadesk.services.context import Context
from pharmadesk.services.loyalty_rules import Rules, Tier
from pharmadesk.services.loyalty_rules import on as rules_on
from pharmadesk.services.permissions import Operation, require
from pharmadesk.text.normalize import fold, fold_free_text

KINDS = ("opening", "earned", "redeemed", "adjusted", "expired")
EXPIRING_WITHIN_DAYS = 30
EXPIRED_THROUGH = "loyalty.expired_through"  # every lot gone by this day has its entry
MAX_ADJUSTMENT = 1_000_000
EXPIRY_CHUNK = 500  # customers per transaction of an expiry run
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Facts:
    """What the lot arithmetic needs of one entry."""

    id: int
    kind: str
    points: int
    effective_on: date
    expires_on: date | None = None
    reverses_id: int | None = None


@dataclass
class Lot:
    entry_id: int
    expires_on: date | None  # None: never
    remaining: int

    def gone_by(self, day: date) -> bool:
        return self.expires_on is not None and self.expires_on <= day


def open_lots(entries: Iterable[Facts]) -> tuple[list[Lot], int]:
    """The lots still holding points after `entries` (in the order written), and the debt:
    points taken beyond what the lots held, which the next points pay off first."""
    lots: dict[int, Lot] = {}
    debt = 0
    for entry in entries:
        if entry.points > 0:
            lot = Lot(entry.id, entry.expires_on, entry.points)
            paid = min(debt, lot.remaining)
            lot.remaining -= paid
            debt -= paid
            lots[entry.id] = lot
            continue
        need = -entry.points
        if entry.kind == "expired":
            order = [lot for lot in lots.values() if lot.gone_by(entry.effective_on)]
        else:
            alive = [lot for lot in lots.values() if not lot.gone_by(entry.effective_on)]
            late = [lot for lot in lots.values() if lot.gone_by(entry.effective_on)]
            order = sorted(alive, key=_oldest_first) + late
            reversed_lot = lots.get(entry.reverses_id) if entry.reverses_id else None
            if reversed_lot is not None:
                order = [reversed_lot, *(lot for lot in order if lot is not reversed_lot)]
        for lot in order:
            if need == 0:
                break
            taken = min(need, lot.remaining)
            lot.remaining -= taken
            need -= taken
        if entry.kind != "expired":
            debt += need  # an expiry never takes more than its lots held
        lots = {key: lot for key, lot in lots.items() if lot.remaining > 0}
    return list(lots.values()), debt


def _oldest_first(lot: Lot) -> tuple[date, int]:
    return (lot.expires_on or date.max, lot.entry_id)


def due_expiries(lots: Iterable[Lot], today: date) -> list[tuple[date, int]]:
    """The expiry entries owed on `today`: (the day points went, how many), oldest first."""
    owed: dict[date, int] = {}
    for lot in lots:
        if lot.expires_on is not None and lot.expires_on <= today and lot.remaining > 0:
            owed[lot.expires_on] = owed.get(lot.expires_on, 0) + lot.remaining
    return sorted(owed.items())


def window_start(day: date) -> date:
    """The first day of the 12 months ending on `day` (a year back, plus one day)."""
    try:
        back = day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        back = day.replace(year=day.year - 1, day=28)
    return back + timedelta(days=1)


# A customer's standing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    balance: int  # what can be redeemed today
    ledger_sum: int  # the ledger's sum (differs from the balance until expiry has run)
    tier: Tier
    spend_12m_fen: int
    next_tier: Tier | None
    expiring_points: int  # points gone within 30 days
    expiring_on: date | None  # the first day some of them go
    rules: Rules

    @property
    def to_next_tier_fen(self) -> int | None:
        return None if self.next_tier is None else self.next_tier.threshold_fen - self.spend_12m_fen


def _facts(ctx: Context, customer_id: int) -> list[Facts]:
    rows = ctx.db.execute_sql(
        "SELECT id, kind, points, effective_on, expires_on, reverses_id FROM points_entry "
        "WHERE customer_id = ? ORDER BY id",
        (customer_id,),
    ).fetchall()
    return [_fact(row) for row in rows]


def _fact(row: Sequence[object]) -> Facts:
    id_, kind, points, effective, expires, reverses = row
    return Facts(
        int(id_),  # type: ignore[call-overload]
        str(kind),
        int(points),  # type: ignore[call-overload]
        date.fromisoformat(str(effective)) if effective else date.min,
        date.fromisoformat(str(expires)) if expires else None,
        int(reverses) if reverses is not None else None,  # type: ignore[call-overload]
    )


def spend_12m(ctx: Context, customer_id: int, day: date) -> int:
    """What the customer spent in the 12 months ending on `day`, in fen."""
    row = ctx.db.execute_sql(
        "SELECT coalesce(sum(amount_fen), 0) FROM purchase WHERE customer_id = ? "
        "AND purchased_on >= ? AND purchased_on <= ?",
        (customer_id, window_start(day).isoformat(), day.isoformat()),
    ).fetchone()
    return int(row[0])


def standing(ctx: Context, customer_id: int, *, today: date | None = None) -> Standing:
    """Balance, tier and points about to expire, as the counter shows them."""
    day = today or ctx.today()
    facts = _facts(ctx, customer_id)
    lots, _ = open_lots(facts)
    ledger_sum = sum(f.points for f in facts)
    late = sum(lot.remaining for lot in lots if lot.gone_by(day))
    soon_end = day + timedelta(days=EXPIRING_WITHIN_DAYS)
    soon = [lot for lot in lots if not lot.gone_by(day) and lot.gone_by(soon_end)]
    rules = rules_on(ctx, day)
    spend = spend_12m(ctx, customer_id, day)
    return Standing(
        balance=ledger_sum - late,
        ledger_sum=ledger_sum,
        tier=rules.tier_for(spend),
        spend_12m_fen=spend,
        next_tier=rules.next_tier(spend),
        expiring_points=sum(lot.remaining for lot in soon),
        expiring_on=min((lot.expires_on for lot in soon if lot.expires_on), default=None),
        rules=rules,
    )


# Pricing a receipt -------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A receipt as it will be saved: each line's amount after the member discount and the
    points taken off, the points it earns."""

    tier: Tier
    list_total_fen: int  # before the discount
    discount_fen: int
    redeem_points: int
    redeem_value_fen: int
    total_fen: int  # what the customer pays
    earn_points: int
    line_amounts_fen: tuple[int, ...]
    balance: int  # before this receipt
    max_redeem_points: int  # the most this receipt can take: balance and receipt permitting


def _category(line: object) -> str | None:
    category = getattr(line, "category", None)
    if category:
        return str(category)
    barcode = fold(getattr(line, "barcode", None))
    product = Product.get_or_none(Product.barcode == barcode) if barcode else None
    if product is None:
        product = Product.get_or_none(
            (Product.name == fold(getattr(line, "product_name", "")))
            & (Product.specification == fold(getattr(line, "specification", "")))
        )
    return product.category if product is not None else None


def share(total: int, weights: Sequence[int]) -> list[int]:
    """`total` split in proportion to `weights`, in whole fen that add up exactly."""
    whole = sum(weights)
    if whole <= 0 or total <= 0:
        return [0] * len(weights)
    exact = [total * w for w in weights]
    shares = [e // whole for e in exact]
    leftover = total - sum(shares)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] % whole), i))
    for i in by_remainder[:leftover]:
        shares[i] += 1
    return shares


def after_discount(amount_fen: int, percent: int) -> int:
    """A line's amount with `percent` off, the discount rounded up to the fen (the
    customer's favour): ¥99.90 at 5 % off is ¥94.90."""
    return amount_fen - -(-amount_fen * percent // 100)


def quote(
    ctx: Context,
    customer_id: int,
    lines: Sequence[object],
    *,
    redeem_points: int = 0,
    member_discount: bool = False,
    day: date | None = None,
) -> Quote:
    """Price a receipt under the rules of its day (lines are `purchases.LineInput`).

    The tier's discount comes off each line (rounded in the customer's favour to whole
    fen); redeemed points come off the discounted total, shared across the lines; points
    are earned on what the customer then pays for the lines of earning categories.

    Raises:
        ValidationError: more points than the balance, or worth more than the receipt.
    """
    day = day or ctx.today()
    now = standing(ctx, customer_id, today=day)
    rules = now.rules
    listed = [
        line.amount_fen if line.amount_fen is not None else line.quantity * line.unit_price_fen  # type: ignore[attr-defined]
        for line in lines
    ]
    percent = now.tier.discount_percent if member_discount else 0
    discounted = [after_discount(amount, percent) for amount in listed]
    subtotal = sum(discounted)
    most = min(max(now.balance, 0), subtotal * rules.points_per_yuan // 100)
    if redeem_points < 0:
        raise ValidationError({"redeem": "points to redeem cannot be negative"})
    if redeem_points > max(now.balance, 0):
        raise ValidationError(
            {"redeem": f"the customer has {max(now.balance, 0)} points; {redeem_points} asked"}
        )
    value = rules.value_fen(redeem_points)
    if value > subtotal:
        raise ValidationError({"redeem": "the points are worth more than the receipt"})
    # Only the points the money off needs are taken (at 150 points per ¥1, 151 points take
    # ¥1.00 off and cost 150; 1 point is worth nothing and costs nothing).
    redeem_points = rules.points_for_value(value)
    off = share(value, discounted)
    paid = [amount - cut for amount, cut in zip(discounted, off, strict=True)]
    eligible = sum(
        amount for amount, line in zip(paid, lines, strict=True) if rules.earns(_category(line))
    )
    return Quote(
        tier=now.tier,
        list_total_fen=sum(listed),
        discount_fen=sum(listed) - subtotal,
        redeem_points=redeem_points,
        redeem_value_fen=value,
        total_fen=sum(paid),
        earn_points=rules.points_for(eligible),
        line_amounts_fen=tuple(paid),
        balance=now.balance,
        max_redeem_points=most,
    )


def write_receipt(
    ctx: Context, customer_id: int, first_line_id: int, priced: Quote, when: datetime,
    label: str,
) -> None:  # fmt: skip
    """The receipt's redemption and earning, in the caller's transaction."""
    day = when.date()
    if priced.redeem_points:
        PointsEntry.insert(
            customer=customer_id, kind="redeemed", points=-priced.redeem_points,
            reason=f"redeemed on {label}", purchase=first_line_id, user=ctx.account.id,
            created_at=ctx.now(), effective_on=day, value_fen=priced.redeem_value_fen,
        ).execute()  # fmt: skip
    if priced.earn_points:
        PointsEntry.insert(
            customer=customer_id, kind="earned", points=priced.earn_points,
            reason=f"earned on {label}", purchase=first_line_id, user=ctx.account.id,
            created_at=ctx.now(), effective_on=day,
            expires_on=rules_on(ctx, day).expires_on(day),
        ).execute()  # fmt: skip


# Corrections ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str
    points: int
    reason: str
    effective_on: date
    created_at: datetime
    user_name: str | None
    expires_on: date | None
    receipt: str | None  # the receipt it belongs to (its number, or None)
    purchased_on: date | None  # that receipt's day
    batch_id: int | None
    reverses_id: int | None
    value_fen: int | None


def entries(ctx: Context, customer_id: int) -> list[Entry]:
    """A customer's whole ledger, newest first."""
    rows = ctx.db.execute_sql(
        "SELECT e.id, e.kind, e.points, e.reason, e.effective_on, e.created_at, u.name, "
        "e.expires_on, p.receipt, p.purchased_on, e.batch_id, e.reverses_id, e.value_fen "
        "FROM points_entry e LEFT JOIN user u ON u.id = e.user_id "
        "LEFT JOIN purchase p ON p.id = e.purchase_id WHERE e.customer_id = ? "
        # By the day each counts from, not by id: after a merge the two ledgers interleave.
        "ORDER BY coalesce(e.effective_on, substr(e.created_at, 1, 10)) DESC, "
        "e.created_at DESC, e.id DESC",
        (customer_id,),
    ).fetchall()
    return [
        Entry(
            r[0], r[1], r[2], r[3],
            date.fromisoformat(r[4]) if r[4] else datetime.fromisoformat(r[5]).date(),
            datetime.fromisoformat(r[5]), r[6], date.fromisoformat(r[7]) if r[7] else None,
            r[8], date.fromisoformat(r[9]) if r[9] else None, r[10], r[11], r[12],
        )
        for r in rows
    ]  # fmt: skip


def adjust(ctx: Context, customer_id: int, points: int, reason: str) -> Entry:
    """A correction by hand: points added or taken, with the reason it was needed.

    Raises:
        ValidationError: no reason, zero points, or more taken than the customer has.
        NotFound: no such customer.
    """
    require(ctx, Operation.ADJUST_POINTS)
    reason = fold_free_text(reason)
    problems = {}
    if not reason:
        problems["reason"] = "say why the points are corrected"
    if points == 0 or abs(points) > MAX_ADJUSTMENT:
        problems["points"] = f"a correction is 1 to {MAX_ADJUSTMENT:,} points, added or taken"
    if problems:
        raise ValidationError(problems)
    if not ctx.db.execute_sql("SELECT 1 FROM customer WHERE id = ?", (customer_id,)).fetchone():
        raise NotFound(f"no customer {customer_id}")
    day = ctx.today()
    with ctx.db.atomic():
        expire_customer(ctx, customer_id, day)
        balance = standing(ctx, customer_id, today=day).balance
        if points < 0 and -points > max(balance, 0):
            raise ValidationError(
                {"points": f"the customer has {max(balance, 0)} points; {-points} cannot be taken"}
            )
        entry_id = PointsEntry.insert(
            customer=customer_id, kind="adjusted", points=points, reason=reason,
            user=ctx.account.id, created_at=ctx.now(), effective_on=day,
            expires_on=rules_on(ctx, day).expires_on(day) if points > 0 else None,
        ).execute()  # fmt: skip
        audit.record(
            ctx, "points.adjusted", customer_id=customer_id, entity="points_entry",
            entity_id=entry_id, details={"points": points},
        )  # fmt: skip
    return next(e for e in entries(ctx, customer_id) if e.id == entry_id)


def reverse_batch(ctx: Context, batch_id: int) -> int:
    """Reverse the opening balances an undone import wrote, in the caller's transaction;
    returns how many were reversed. Customers the undo removed took theirs along."""
    rows = ctx.db.execute_sql(
        "SELECT e.id, e.customer_id, e.points FROM points_entry e WHERE e.batch_id = ? "
        "AND e.kind = 'opening' AND NOT EXISTS "
        "(SELECT 1 FROM points_entry r WHERE r.reverses_id = e.id) ORDER BY e.id",
        (batch_id,),
    ).fetchall()
    now, day = ctx.now(), ctx.today()
    for entry_id, customer_id, points in rows:
        PointsEntry.insert(
            customer=customer_id, kind="adjusted", points=-points,
            reason=f"import batch {batch_id} undone", batch=batch_id, user=ctx.account.id,
            created_at=now, effective_on=day, reverses=entry_id,
        ).execute()  # fmt: skip
    return len(rows)


# Expiry --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpiryRun:
    customers: int  # customers who lost points
    points: int  # points that expired
    entries: int


def expire_customer(ctx: Context, customer_id: int, today: date) -> tuple[int, int]:
    """One customer's expiry entries owed by `today`, in the caller's transaction;
    returns how many entries and points."""
    lots, _ = open_lots(_facts(ctx, customer_id))
    owed = due_expiries(lots, today)
    now = ctx.now()
    for gone_on, points in owed:
        PointsEntry.insert(
            customer=customer_id, kind="expired", points=-points,
            reason=f"expired on {gone_on.isoformat()}", user=None, created_at=now,
            effective_on=gone_on,
        ).execute()  # fmt: skip
    return len(owed), sum(points for _, points in owed)


CLOCK_DOUBT_DAYS = 400


def _refuse_an_unlikely_day(ctx: Context, day: date) -> None:
    """Expiry entries are never taken back: a PC clock set years ahead would wipe every
    balance for good. A day over a year after anything was last done in the pharmacy (the
    audit log's newest day before it; signing in today writes today's) is doubted."""
    # `at` is ISO text, so "before the day" is `at < 'YYYY-MM-DD'`: read off the index on
    # it (schema 10), never a scan of the whole log.
    row = ctx.db.execute_sql(
        "SELECT max(at) FROM audit_event WHERE at < ?", (day.isoformat(),)
    ).fetchone()
    newest = date.fromisoformat(row[0][:10]) if row and row[0] else None
    if newest is not None and (day - newest).days > CLOCK_DOUBT_DAYS:
        raise OperationFailed(
            f"the PC's date ({day.isoformat()}) is more than a year after the pharmacy was "
            f"last used ({newest.isoformat()}); check the clock: no points were expired"
        )


def expire(
    ctx: Context, *, today: date | None = None, progress: Progress | None = None
) -> ExpiryRun:
    """Write an expiry entry for every lot gone by `today` that still holds points.

    Running it again changes nothing. Only customers with lots gone since the last run are
    read (all of them on the first run), in short transactions so the counter never waits.
    """
    day = today or ctx.today()
    _refuse_an_unlikely_day(ctx, day)
    since = settings.get(ctx, EXPIRED_THROUGH)
    if since is not None and since > day.isoformat():
        since = None  # the clock was ahead once (and is right again): look at everyone
    params: list[object] = [day.isoformat()]
    where = "expires_on <= ?"
    if since:
        where += " AND expires_on > ?"
        params.append(since)
    candidates = [
        row[0]
        for row in ctx.db.execute_sql(
            f"SELECT DISTINCT customer_id FROM points_entry WHERE expires_on IS NOT NULL "
            f"AND {where} ORDER BY customer_id",
            params,
        ).fetchall()
    ]
    customers = points = written = 0
    for start in range(0, len(candidates), EXPIRY_CHUNK):
        chunk = candidates[start : start + EXPIRY_CHUNK]
        with ctx.db.atomic():
            for customer_id in chunk:
                count, lost = expire_customer(ctx, customer_id, day)
                written += count
                points += lost
                customers += count > 0
        if progress is not None:
            progress(start + len(chunk), len(candidates))
    with ctx.db.atomic():
        if since is None or since < day.isoformat():
            settings.put(ctx, EXPIRED_THROUGH, day.isoformat())
        if written:
            audit.record(ctx, "points.expired", details={"customers": customers, "points": points})
    return ExpiryRun(customers, points, written)
