"""The demo pharmacy: realistic synthetic customers, purchases and interactions.

Deterministic: the same seed, size and creation date give the same pharmacy, since every
draw comes from one `Random(seed)` in a fixed order and every date is counted back from the
creation date. Rows go in with the driver's `executemany` in chunked transactions, which is
what makes 200,000 customers and about 2,000,000 purchase lines a matter of minutes.

Each receipt is priced and earns or redeems points as the counter would under the default
loyalty rules (`points`), so balances, tiers and expiring points follow from the purchases.

A few customers (drawn from a random stream of their own, so no other draw moves) also
bought the controlled cold medicine on one of their winter visits; each such line has its
real-name register line, with the customer's name and a synthetic ID number that passes
the GB 11643 check (area 330106, their birth date, a made-up sequence).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from pharmadesk.services import audit, consents, id_numbers, loyalty, search_index, settings
from pharmadesk.services.context import Context
from pharmadesk.services.demo import catalogue, people, points, visits
from pharmadesk.services.demo.people import MobileBook, Person
from pharmadesk.services.demo.points import REDEEMERS, Account
from pharmadesk.services.demo.visits import CST, Contact, Visit
from pharmadesk.text.pinyin import full_and_initials

PARAMETERS_KEY = "demo.parameters"
DUPLICATES_KEY = "demo.planted_duplicates"
CHUNK = 2_000  # customers per transaction
Progress = Callable[[str, int, int], None]

_CUSTOMER_SQL = (
    "INSERT INTO customer (id, code, name, pinyin, initials, gender, birth_date, birth_year, "
    "birth_date_approximate, mobile, phone, email, address, postal_code, preferences, "
    "allergies, chronic_conditions, notes, consent_data, consent_health, consent_marketing, "
    "status, source, created_at, updated_at, last_verified_at, last_active_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 'demo', "
    "?, ?, ?, ?)"
)
_CONSENT_SQL = (
    "INSERT INTO consent_record (customer_id, purpose, status, recorded_at, user_id, channel, "
    "notice_version) VALUES (?, ?, ?, ?, ?, 'counter', ?)"
)
_PURCHASE_SQL = (
    "INSERT INTO purchase (id, customer_id, product_id, purchased_at, purchased_on, quantity, "
    "unit_price_fen, amount_fen, receipt, transaction_key, source, user_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)"
)
_INTERACTION_SQL = (
    "INSERT INTO interaction (customer_id, occurred_at, channel, kind, summary, rating, status, "
    "follow_up_due, user_id, done_at, done_by_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_PRODUCT_SQL = (
    "INSERT INTO product (id, name, specification, category, brand, barcode, approval_number, "
    "controlled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_REGISTER_SQL = (
    "INSERT INTO controlled_sale (sold_at, sold_on, purchase_id, receipt, product_id, "
    "product_name, specification, batch_no, quantity, buyer_name, id_number, customer_id, "
    "user_id, staff_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
CONTROLLED_BUYERS = 0.015  # the share of customers who bought a controlled medicine once
WINTER = (11, 12, 1, 2, 3)


@dataclass(frozen=True)
class DemoStats:
    customers: int
    purchase_lines: int
    interactions: int
    open_follow_ups: int
    planted_duplicates: int
    points_entries: int
    register_lines: int = 0


def populate(
    ctx: Context,
    *,
    customers: int,
    seed: int,
    today: date,
    progress: Progress | None = None,
) -> DemoStats:
    """Fill an empty pharmacy with `customers` synthetic customers (at least the documented
    ones) and their last 24 months, as if the demo were made on `today`."""
    rng = random.Random(seed)
    writer = _Writer(ctx, today, random.Random(f"points {seed}"), random.Random(f"register {seed}"))
    writer.add_products()
    group = people.documented(today)
    first_random_id = writer.next_id + len(group)
    mobiles = MobileBook(rng, {person.mobile for person in group})
    planted = customers // 100
    randoms = max(0, customers - len(group) - planted)
    duplicates_of = sorted(rng.sample(range(randoms), min(planted, randoms)))
    total = len(group) + randoms + len(duplicates_of)
    done = 0
    originals: dict[int, Person] = {}
    pairs: list[tuple[int, int]] = []
    wanted = set(duplicates_of)
    for index in range(randoms):
        person = people.random_person(rng, mobiles, today)
        if index in wanted:
            originals[index] = person
        group.append(person)
        if len(group) >= CHUNK:
            done += writer.write(rng, group)
            group = []
            _report(progress, done, total)
    for index in duplicates_of:
        copy = people.duplicate(rng, mobiles, originals[index], index, today)
        group.append(copy)
    ids = writer.write(rng, group, return_ids=True)
    done += len(group)
    _report(progress, done, total)
    for index, new_id in zip(duplicates_of, ids[-len(duplicates_of) :], strict=False):
        pairs.append((first_random_id + index, new_id))
    with ctx.db.atomic():
        # Every lot gone by today has its expiry entry: the first expiry run starts here.
        settings.put(ctx, loyalty.EXPIRED_THROUGH, today.isoformat())
        settings.put(
            ctx,
            PARAMETERS_KEY,
            {"customers": customers, "seed": seed, "created_on": today.isoformat()},
        )
        settings.put(ctx, DUPLICATES_KEY, pairs)
        stats = DemoStats(
            customers=writer.customers,
            purchase_lines=writer.lines,
            interactions=writer.interactions,
            open_follow_ups=writer.open_follow_ups,
            planted_duplicates=len(pairs),
            points_entries=writer.points_entries,
            register_lines=writer.register_lines,
        )
        audit.record(ctx, "demo.populated", details={"customers": customers, "seed": seed})
    return stats


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress("customers", done, total)


class _Writer:
    """Turns people into rows and writes them, one transaction per chunk."""

    def __init__(
        self, ctx: Context, today: date, points_rng: random.Random, register_rng: random.Random
    ) -> None:
        self.ctx = ctx
        self.today = today
        self.points_rng = points_rng  # who redeems, and how much: not the people's draws
        self.register_rng = register_rng  # who bought a controlled medicine: nor these
        self.register_lines = 0
        self.register_rows: list[tuple[Any, ...]] = []
        self.next_id = _next_id(ctx, "customer")
        self.next_line_id = _next_id(ctx, "purchase")
        # name -> (id, price in fen, whether it earns points)
        self.products: dict[str, tuple[int, int, bool]] = {}
        self.receipts: Counter[date] = Counter()
        self.customers = self.lines = self.interactions = self.open_follow_ups = 0
        self.points_entries = 0
        # The notice the demo's customers were shown, as every consent recorded now names.
        self.notice_version = consents.notice_version(ctx)

    def add_products(self) -> None:
        rows = []
        shelf = [*catalogue.PRODUCTS, *catalogue.CONTROLLED]
        for number, product in enumerate(shelf, start=1):
            approval = f"国药准字{product.approval}" if product.approval else None
            controlled = int(product in catalogue.CONTROLLED)
            rows.append((number, product.name, product.specification, product.category,
                         product.brand, _barcode(number), approval, controlled))  # fmt: skip
            earns = points.RULES.earns(product.category)
            self.products[product.name] = (number, product.price_fen, earns)
        with self.ctx.db.atomic():
            self.ctx.db.cursor().executemany(_PRODUCT_SQL, rows)

    def write(self, rng: random.Random, group: list[Person], *, return_ids: bool = False) -> Any:
        customer_rows: list[tuple[Any, ...]] = []
        consent_rows: list[tuple[Any, ...]] = []
        purchase_rows: list[tuple[Any, ...]] = []
        contact_rows: list[tuple[Any, ...]] = []
        points_rows: list[tuple[Any, ...]] = []
        key_rows: list[tuple[str, int, int, int]] = []
        ids = []
        owner = self.ctx.account.id
        for person in group:
            customer_id = self.next_id
            self.next_id += 1
            ids.append(customer_id)
            trips = self._with_controlled(person, self._visits(rng, person))
            chats = visits.contacts(rng, person, [trip.at.date() for trip in trips], self.today)
            last_active = max(
                [person.registered_on, *(trip.at.date() for trip in trips)]
            ).isoformat()
            registered = datetime.combine(person.registered_on, time(10, 0), CST).isoformat()
            pinyin, initials = full_and_initials(person.name)
            customer_rows.append((
                customer_id, f"PD{customer_id:06d}", person.name, pinyin, initials,
                person.gender, _iso(person.birth_date),
                person.birth_date.year if person.birth_date else person.birth_year,
                int(person.birth_approximate), person.mobile, person.phone, person.email,
                person.address, person.postal_code, person.preferences, person.allergies,
                person.chronic, person.notes, *person.consents, registered, registered,
                registered, last_active,
            ))  # fmt: skip
            for purpose, status in zip(("data", "health", "marketing"), person.consents,
                                       strict=True):  # fmt: skip
                if status is not None:
                    consent_rows.append((customer_id, purpose, status, registered, owner,
                                         self.notice_version))  # fmt: skip
            redeems = person.pattern != people.DOCUMENTED and self.points_rng.random() < REDEEMERS
            account = Account(customer_id, owner, redeems=redeems, planned=person.redemptions)
            for trip in trips:
                lines = self._lines(customer_id, trip, owner, account)
                purchase_rows.extend(lines)
                self._register(person, customer_id, trip, lines)
            account.expire(self.today)
            points_rows.extend(account.rows)
            for chat in chats:
                contact_rows.append(_contact_row(customer_id, chat, owner))
                self.open_follow_ups += chat.status == "open"
            key_rows.extend(search_index.rows_for(customer_id, person.name, last_active))
        cursor = self.ctx.db.cursor()
        with self.ctx.db.atomic(), search_index.bulk_load(self.ctx.db) as fill:
            cursor.executemany(_CUSTOMER_SQL, customer_rows)
            if ids:
                fill(ids[0], ids[-1])
            cursor.executemany(_CONSENT_SQL, consent_rows)
            cursor.executemany(_PURCHASE_SQL, purchase_rows)
            cursor.executemany(points.INSERT_SQL, points_rows)
            cursor.executemany(_INTERACTION_SQL, contact_rows)
            cursor.executemany(_REGISTER_SQL, self.register_rows)
            key_rows.sort()  # in key order, the WITHOUT ROWID index is filled page by page
            cursor.executemany(search_index.INSERT_SQL, key_rows)
        self.customers += len(customer_rows)
        self.lines += len(purchase_rows)
        self.interactions += len(contact_rows)
        self.points_entries += len(points_rows)
        self.register_lines += len(self.register_rows)
        self.register_rows = []
        return ids if return_ids else len(ids)

    def _with_controlled(self, person: Person, trips: list[Visit]) -> list[Visit]:
        """The trips, one winter visit of a few customers with a controlled medicine added."""
        buys = self.register_rng.random() < CONTROLLED_BUYERS
        winter = [n for n, trip in enumerate(trips) if trip.at.month in WINTER]
        if not buys or person.pattern == people.DOCUMENTED or not winter:
            return trips
        chosen = self.register_rng.choice(winter)
        product = self.register_rng.choice(catalogue.CONTROLLED)
        line = visits.Line(product.name, self.register_rng.choice((1, 1, 2)))
        trips[chosen] = Visit(trips[chosen].at, (*trips[chosen].lines, line))
        return trips

    def _register(
        self, person: Person, customer_id: int, trip: Visit, rows: list[tuple[Any, ...]]
    ) -> None:
        """The register lines of a receipt's controlled lines (`rows`: its purchase rows)."""
        for line, row in zip(trip.lines, rows, strict=True):
            product = next((p for p in catalogue.CONTROLLED if p.name == line.product), None)
            if product is None:
                continue
            purchase_id, product_id, at, on, receipt = row[0], row[2], row[3], row[4], row[8]
            batch = f"{trip.at.year - 1}{self.register_rng.randrange(1, 13):02d}" + (
                f"{self.register_rng.randrange(1, 100):02d}"
            )  # fmt: skip
            self.register_rows.append((
                at, on, purchase_id, receipt, product_id, product.name, product.specification,
                batch, line.quantity, person.name, self._id_number(person), customer_id,
                self.ctx.account.id, self.ctx.account.name,
            ))  # fmt: skip

    def _id_number(self, person: Person) -> str:
        """A synthetic ID number: the demo's area, the birth date, a made-up sequence whose
        last digit is odd for men and even for women (as GB 11643 has it), the check."""
        born = person.birth_date or date(person.birth_year or 1970, 1, 1)
        sequence = self.register_rng.randrange(0, 50) * 2 + (1 if person.gender == "M" else 0)
        body = f"{catalogue.ID_AREA}{born:%Y%m%d}{sequence:03d}"
        return body + id_numbers.check_character(body)

    def _visits(self, rng: random.Random, person: Person) -> list[Visit]:
        """The person's visits in the order they happened (the points follow that order)."""
        if person.pattern == people.DOCUMENTED:
            trips = [
                Visit(visits.visit_time(rng, day), tuple(visits.Line(name, 1) for name in names))
                for day, names in person.fixed_visits
            ]
        else:
            trips = [
                Visit(visits.visit_time(rng, day), visits.basket(rng, person, day, monthly))
                for day, monthly in visits.visit_days(rng, person, self.today)
            ]
        return sorted(trips, key=lambda trip: trip.at)

    def _lines(
        self, customer_id: int, trip: Visit, owner: int, account: Account
    ) -> list[tuple[Any, ...]]:
        """The receipt's lines, priced by the customer's points account."""
        day = trip.at.date()
        self.receipts[day] += 1
        receipt = f"R{day:%Y%m%d}{self.receipts[day]:04d}"
        first = self.next_line_id
        self.next_line_id += len(trip.lines)
        shelf = [self.products[line.product] for line in trip.lines]
        priced = account.receipt(
            self.points_rng, trip.at, receipt, first,
            [price * line.quantity for (_, price, _), line in zip(shelf, trip.lines, strict=True)],
            [earns for _, _, earns in shelf],
        )  # fmt: skip
        at, on, key = trip.at.isoformat(), day.isoformat(), f"receipt:{receipt}"
        return [
            (first + index, customer_id, product_id, at, on, line.quantity, price, amount,
             receipt, key, owner)
            for index, ((product_id, price, _), line, amount)
            in enumerate(zip(shelf, trip.lines, priced.amounts, strict=True))
        ]  # fmt: skip


def _next_id(ctx: Context, table: str) -> int:
    return 1 + int(ctx.db.execute_sql(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def _contact_row(customer_id: int, chat: Contact, owner: int) -> tuple[Any, ...]:
    return (
        customer_id, chat.at.isoformat(), chat.channel, chat.kind, chat.summary, chat.rating,
        chat.status, _iso(chat.follow_up_due), owner,
        chat.done_at.isoformat() if chat.done_at else None, owner if chat.done_at else None,
    )  # fmt: skip


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _barcode(number: int) -> str:
    """A well-formed EAN-13 in the Chinese 690-699 range (the check digit computed)."""
    body = f"69{number:010d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)
