"""The definitions every figure follows (issue #5, item 0), as small pure functions.

Transactions and days
    A *transaction* is one customer's `transaction_key` on one day: a receipt (its receipt
    number), or, for lines without one, that customer's lines of that day. A receipt
    number seen again on another day is another transaction (tills restart numbering).
    Days are the stored local `purchased_on` dates; weekdays come from them too.

Customers served, new, returning
    *Served* in a period: at least one transaction in it. *New*: their first transaction
    ever falls in it. *Returning*: served and not new.

Repurchase rate
    Of the customers served in a calendar month, the share with transactions on at least
    two different days of that month. A longer period is split at month boundaries (a
    custom range's first and last months are cut to the range), and its rate is
    sum(repeaters of each part) / sum(served of each part): the customers-weighted mean of
    its months. None when nobody was served.

RFM, as of the period's last day E (customers with a transaction on or before E)
    R = days from the last transaction to E; F = transactions in the 12 months ending on E
    (the days after the same date a year earlier, up to E); M = their spend (fen).
    Each is scored 1-5 by quintile: score = 1 + floor(5 * b / n), where n is the number of
    customers scored and b the number of them with a strictly *worse* value (a larger R,
    a smaller F or M). Equal values always get equal scores; the best fifth gets 5.

Segments (the first rule that applies)
    lost 已流失: R score 1.
    high_value 高价值: R >= 4 and F >= 4 and M >= 4.
    at_risk 流失风险: R <= 2 and (F >= 4 or M >= 4).
    loyal 忠诚: F >= 4.
    potential 潜力: R >= 4 and F <= 2.
    regular 一般: all others.

Lifecycle stages, as of E (the first rule that applies)
    Intervals are the day counts between consecutive distinct purchase days up to E; the
    median of an even number of them is the mean of the middle two. With d = days since
    the last transaction:
    lost 已流失: d > 3 x median, or d > 180.
    at_risk 有流失风险: d > 1.5 x median, or, with no interval yet, d > 90.
    loyal 忠实: 4 or more transactions in the 12 months ending on E.
    repeat 回头客: 2 or more transactions ever (up to E).
    new 新客: one transaction.

Anonymised customers
    Their purchases happened, so they count in every figure (sales, KPIs, segment and
    stage counts and revenue shares). They are left out of the lists of people
    (`customers_in`): there is nobody left to call.

Ratings and complaints
    Interactions dated (locally) in the period; an entry that a later entry corrects is
    replaced by its correction. Average rating: over those with a rating; complaints: those
    of kind 'complaint'.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

LOST_DAYS = 180
AT_RISK_DAYS_WITHOUT_INTERVAL = 90
LOST_FACTOR = 3.0
AT_RISK_FACTOR = 1.5
LOYAL_TRANSACTIONS = 4
QUINTILES = 5


def year_before(day: date) -> date:
    """The same date a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def window_12m(end: date) -> tuple[date, date]:
    """The first and last day of the 12 months ending on `end`."""
    return year_before(end) + timedelta(days=1), end


def scores(values: Sequence[int], *, higher_is_better: bool) -> list[int]:
    """Quintile scores 1-5 for each value: 1 + floor(5 * (how many are worse) / n)."""
    n = len(values)
    counts = Counter(values)
    score_of: dict[int, int] = {}
    worse = 0
    for value in sorted(counts, reverse=not higher_is_better):  # worst first
        score_of[value] = 1 + QUINTILES * worse // n
        worse += counts[value]
    return [score_of[value] for value in values]


def segment(r: int, f: int, m: int) -> str:
    """The RFM segment of one customer's scores (module docstring)."""
    if r == 1:
        return "lost"
    if r >= 4 and f >= 4 and m >= 4:
        return "high_value"
    if r <= 2 and (f >= 4 or m >= 4):
        return "at_risk"
    if f >= 4:
        return "loyal"
    if r >= 4 and f <= 2:
        return "potential"
    return "regular"


def median(values: Sequence[int]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def intervals(days: Sequence[date]) -> list[int]:
    """Day counts between consecutive distinct days."""
    distinct = sorted(set(days))
    return [(b - a).days for a, b in itertools.pairwise(distinct)]


def stage(
    *, recency_days: int, median_interval: float | None, transactions_12m: int, transactions: int
) -> str:
    """The lifecycle stage (module docstring), as of the day recency is counted to."""
    d = recency_days
    if d > LOST_DAYS or (median_interval is not None and d > LOST_FACTOR * median_interval):
        return "lost"
    if median_interval is not None and d > AT_RISK_FACTOR * median_interval:
        return "at_risk"
    if median_interval is None and d > AT_RISK_DAYS_WITHOUT_INTERVAL:
        return "at_risk"
    if transactions_12m >= LOYAL_TRANSACTIONS:
        return "loyal"
    if transactions >= 2:
        return "repeat"
    return "new"


def month_parts(start: date, end: date) -> list[tuple[date, date]]:
    """The range cut at calendar-month boundaries, first and last day of each part."""
    parts = []
    first = start
    while first <= end:
        next_month = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        last = min(end, next_month - timedelta(days=1))
        parts.append((first, last))
        first = next_month
    return parts


def rate(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def rounded_mean(total: int, count: int) -> int | None:
    """total / count rounded half up (money in fen); None without any."""
    return (2 * total + count) // (2 * count) if count else None
