"""The demo's loyalty points: each receipt priced, earned and redeemed as the counter would.

A customer's receipts go through an `Account` oldest first, under the default rules
(`loyalty_rules.DEFAULT`): the tier comes from what was paid in the 12 months up to the
visit and its discount comes off each line, points redeemed come off the discounted lines
as `loyalty.share` splits them, and points are earned on what is then paid. Points gone on
a 1 January become expiry entries at the customer's next visit (where the counter's
purchase would write them) or, at the latest, on the day the demo is made, so the
pharmacy's first expiry run has nothing left to do. The lot arithmetic is the service's
own (`loyalty.open_lots`, `loyalty.due_expiries`); nothing here touches the database.

Who redeems is drawn from a `Random` of its own, so the customers and purchases stay the
draws they were before points existed.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from pharmadesk.services import loyalty
from pharmadesk.services.demo.visits import CST
from pharmadesk.services.loyalty import Facts
from pharmadesk.services.loyalty_rules import DEFAULT, Tier

RULES = DEFAULT
REDEEMERS = 0.4  # the share of customers who ever take points off a receipt
REDEEM_FROM = 500  # ... once they have at least this many points
REDEEM_CHANCE = 0.4  # ... on a visit
REDEEM_STEPS = range(100, 501, 50)  # how many points they then take
EXPIRY_RUN_AT = time(8, 0)  # the start-up expiry run, when the pharmacy opens


# The rows an `Account` writes (in the order of these columns).
INSERT_SQL = (
    "INSERT INTO points_entry (customer_id, kind, points, reason, purchase_id, user_id, "
    "created_at, effective_on, expires_on, value_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class Priced:
    amounts: tuple[int, ...]  # what each line cost after discount and points
    redeemed: int
    earned: int


class Account:
    """One customer's points and 12-month spend, kept receipt by receipt, oldest first."""

    def __init__(
        self, customer_id: int, owner: int, *, redeems: bool,
        planned: Mapping[date, int] | None = None,
    ) -> None:  # fmt: skip
        self.customer_id = customer_id
        self.owner = owner  # who worked the till
        self.redeems = redeems
        self.planned = dict(planned or {})  # documented customers: day -> points redeemed
        self.rows: list[tuple[Any, ...]] = []  # for INSERT_SQL
        self._facts: list[Facts] = []
        self._sum = 0
        self._year: int | None = None  # the year whose 1 January has had its expiries
        self._window: deque[tuple[date, int]] = deque()  # (day, paid) of recent receipts
        self._spend = 0

    def receipt(
        self, rng: random.Random, at: datetime, label: str, line: int,
        listed: Sequence[int], earning: Sequence[bool],
    ) -> Priced:  # fmt: skip
        """Price one receipt and write its points: `listed` is each line's list amount,
        `earning` whether its category earns (`RULES.earns`), `line` the id of the first
        line, for the entries to point at."""
        day = at.date()
        self.expire(day)
        percent = self._tier(day).discount_percent
        discounted = [loyalty.after_discount(amount, percent) for amount in listed]
        subtotal = sum(discounted)
        redeem = self._redeem(rng, day, subtotal)
        value = RULES.value_fen(redeem)
        paid = discounted
        if value:
            off = loyalty.share(value, discounted)
            paid = [amount - cut for amount, cut in zip(discounted, off, strict=True)]
        total = subtotal - value
        eligible = total
        if not all(earning):
            eligible = sum(amount for amount, e in zip(paid, earning, strict=True) if e)
        earned = RULES.points_for(eligible)
        when = at.isoformat(timespec="seconds")
        if redeem:
            self._add("redeemed", -redeem, f"redeemed on {label}", line, self.owner, when, day,
                      value=value)  # fmt: skip
        if earned:
            self._add("earned", earned, f"earned on {label}", line, self.owner, when, day,
                      expires_on=RULES.expires_on(day))  # fmt: skip
        self._window.append((day, total))
        self._spend += total
        return Priced(tuple(paid), redeem, earned)

    def _tier(self, day: date) -> Tier:
        # Most customers never spent a tier's threshold at all: no need to count the window.
        tier = RULES.tier_for(self._spend)
        return tier if tier is RULES.tiers[0] else RULES.tier_for(self.spend(day))

    def spend(self, day: date) -> int:
        """What was paid in the 12 months ending on `day` (receipts so far)."""
        start = loyalty.window_start(day)
        while self._window and self._window[0][0] < start:
            self._spend -= self._window.popleft()[1]
        return self._spend

    def expire(self, day: date) -> None:
        """The expiry entries owed by `day`, dated the morning the points went."""
        if self._year == day.year or not self._facts:
            self._year = day.year
            return
        self._year = day.year
        lots, _ = loyalty.open_lots(self._facts)
        for gone_on, points in loyalty.due_expiries(lots, day):
            when = datetime.combine(gone_on, EXPIRY_RUN_AT, CST).isoformat()
            self._add("expired", -points, f"expired on {gone_on}", None, None, when, gone_on)

    def _redeem(self, rng: random.Random, day: date, subtotal: int) -> int:
        most = min(self._sum, subtotal * RULES.points_per_yuan // 100)
        if day in self.planned:
            return min(self.planned[day], most)
        if not self.redeems or self._sum < REDEEM_FROM or rng.random() >= REDEEM_CHANCE:
            return 0
        return min(rng.choice(REDEEM_STEPS), most)

    def _add(
        self, kind: str, points: int, reason: str, line: int | None, user: int | None,
        when: str, day: date, *, expires_on: date | None = None, value: int | None = None,
    ) -> None:  # fmt: skip
        """One entry: `line` is the receipt's first line, `user` who wrote it (None: the
        expiry run), `when` the time it was written."""
        self.rows.append((
            self.customer_id, kind, points, reason, line, user, when, day.isoformat(),
            expires_on.isoformat() if expires_on else None, value,
        ))  # fmt: skip
        self._sum += points
        self._facts.append(Facts(len(self._facts), kind, points, day, expires_on))
