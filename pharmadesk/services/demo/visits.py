"""When a demo customer comes in, what they buy, and what they say: drawn from a seeded `Random`.

Seasonality works by thinning: candidate visits arrive at the busiest month's rate and each
is kept with the ratio of its own month's rate, so winter is busier without a calendar table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from itertools import accumulate

from pharmadesk.services.demo import catalogue
from pharmadesk.services.demo.people import CHRONIC, CHURNED, Person

CST = timezone(timedelta(hours=8))
HISTORY_DAYS = 730  # the demo's purchases span the last 24 months
# How busy each month is (January first): colds in winter, a lull in early summer.
MONTH_RATE = (1.5, 1.4, 1.2, 1.0, 0.9, 0.85, 0.9, 0.9, 0.95, 1.05, 1.25, 1.5)
REGULAR_VISITS = 8.5  # a regular customer's mean visits over the 24 months
SEASON_WEIGHT = {
    "winter": (3.0, 3.0, 2.0, 1.0, 0.5, 0.3, 0.3, 0.3, 0.6, 1.2, 2.2, 3.0),
    "summer": (0.3, 0.3, 0.5, 0.8, 1.5, 2.5, 3.0, 3.0, 1.5, 0.7, 0.4, 0.3),
    "": (1.0,) * 12,
}


@dataclass(frozen=True)
class Line:
    product: str
    quantity: int


@dataclass(frozen=True)
class Visit:
    at: datetime
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Contact:
    at: datetime
    channel: str
    kind: str
    summary: str
    rating: int | None
    status: str | None
    follow_up_due: date | None
    done_at: datetime | None


_EVERYDAY = [p for p in catalogue.PRODUCTS if p.category != catalogue.CHRONIC]
# Cumulative weights per month, built once: rng.choices with cum_weights is the fast path.
_MONTH_CUM_WEIGHTS = [
    list(accumulate(SEASON_WEIGHT[p.season][month] for p in _EVERYDAY)) for month in range(12)
]


def visit_time(rng: random.Random, day: date) -> datetime:
    """A time in opening hours (08:00-21:30), busiest after work."""
    minutes = int(rng.triangular(8 * 60, 21 * 60 + 30, 18 * 60))
    return datetime.combine(day, time(minutes // 60, minutes % 60), CST)


def visit_days(rng: random.Random, person: Person, today: date) -> list[tuple[date, bool]]:
    """The days this person came in, oldest first, each marked True for a monthly refill."""
    start = max(today - timedelta(days=HISTORY_DAYS), person.registered_on)
    end = today
    if person.pattern == CHURNED:
        end = today - timedelta(days=rng.randrange(180, 540))
    if person.pattern == CHRONIC:
        occasional = _seasonal_days(rng, start, end, REGULAR_VISITS * 0.4)
        return sorted([(day, False) for day in occasional] + _monthly_days(rng, start, today))
    visits = REGULAR_VISITS * rng.lognormvariate(-0.18, 0.6)
    return [(day, False) for day in _seasonal_days(rng, start, end, visits)]


def _seasonal_days(rng: random.Random, start: date, end: date, visits: float) -> list[date]:
    if end <= start:
        return []
    peak = max(MONTH_RATE)
    rate = visits / HISTORY_DAYS * peak  # candidates per day at the peak month's rate
    days: list[date] = []
    offset = rng.expovariate(rate)
    span = (end - start).days
    while offset < span:
        day = start + timedelta(days=int(offset))
        if rng.random() < MONTH_RATE[day.month - 1] / peak:
            days.append(day)
        offset += rng.expovariate(rate)
    return days


def _monthly_days(rng: random.Random, start: date, today: date) -> list[tuple[date, bool]]:
    """Every 26-34 days; a fifth of chronic patients have stopped coming."""
    day = start + timedelta(days=rng.randrange(0, 60))
    stop = today - timedelta(days=rng.randrange(90, 400)) if rng.random() < 0.2 else today
    days = []
    while day <= stop:
        days.append((day, True))
        day += timedelta(days=rng.randrange(26, 35))
    return days


def basket(rng: random.Random, person: Person, day: date, monthly: bool) -> tuple[Line, ...]:
    """What is bought on one visit: the long-term medicine, and everyday items by season."""
    lines: list[Line] = []
    if monthly and person.chronic:
        medicine = rng.choice(catalogue.CHRONIC_MEDICINES[person.chronic])
        lines.append(Line(medicine, rng.choice((1, 1, 2))))
        if rng.random() < 0.8:
            return tuple(lines)
    count = 1 + (rng.random() < 0.35) + (rng.random() < 0.1)
    picked = rng.choices(_EVERYDAY, cum_weights=_MONTH_CUM_WEIGHTS[day.month - 1], k=count)
    seen = {line.product for line in lines}
    for product in picked:
        if product.name not in seen:
            seen.add(product.name)
            lines.append(Line(product.name, rng.choice((1, 1, 1, 2, 3))))
    return tuple(lines)


def contacts(rng: random.Random, person: Person, days: list[date], today: date) -> list[Contact]:
    """About one logged interaction for every two customers, follow-ups open and done."""
    found: list[Contact] = []
    if not days:
        return found

    def on_a_visit() -> datetime:
        return visit_time(rng, rng.choice(days))

    if rng.random() < 0.25:
        at = on_a_visit()
        rating = rng.choice((None, None, 4, 5))
        found.append(Contact(at, "counter", "consultation", rng.choice(catalogue.CONSULTATIONS),
                             rating, None, None, None))  # fmt: skip
    if rng.random() < 0.15:
        at = on_a_visit()
        rating = rng.choices((3, 4, 5), weights=(1, 3, 6))[0]
        channel = rng.choice(("counter", "wechat", "sms"))
        found.append(Contact(at, channel, "feedback", rng.choice(catalogue.FEEDBACK), rating,
                             None, None, None))  # fmt: skip
    if rng.random() < 0.04:
        found.append(_complaint(rng, on_a_visit(), today))
    if person.chronic and rng.random() < 0.6:
        found.append(_chronic_call(rng, days[-1], today))
    return sorted(found, key=lambda contact: contact.at)


def _complaint(rng: random.Random, at: datetime, today: date) -> Contact:
    due = at.date() + timedelta(days=3)
    done = due < today - timedelta(days=10) or rng.random() < 0.5
    done_at = datetime.combine(due, time(16, 0), CST) if done else None
    return Contact(at, "counter", "complaint", rng.choice(catalogue.COMPLAINTS),
                   rng.choice((1, 2)), "done" if done else "open", due, done_at)  # fmt: skip


def _chronic_call(rng: random.Random, last_visit: date, today: date) -> Contact:
    """A phone call about the long-term medicine: done, or due soon (some overdue)."""
    if rng.random() < 0.35:
        due = today + timedelta(days=rng.randrange(-7, 15))
        at = datetime.combine(min(last_visit, today), time(10, 0), CST)
        return Contact(at, "phone", "follow_up", "提醒续药，约定电话回访", None, "open", due, None)
    at = datetime.combine(last_visit + timedelta(days=7), time(15, 30), CST)
    if at.date() > today:
        at = datetime.combine(today, time(9, 30), CST)
    return Contact(at, "phone", "follow_up", rng.choice(catalogue.FOLLOW_UPS),
                   None, "done", at.date(), at)  # fmt: skip
