"""The owner's loyalty rules: earning, expiry, member tiers and redemption, with dates.

Each change is a new version that applies from its day on (today or later, never back-
dated): entries already written keep the points and expiry they were given, and a receipt
is always priced under the version in force on its day. Until the owner changes anything
the defaults hold: 1 point per whole ¥1 of a receipt; points earned in a year usable until
31 December of the following year; tiers by the last 12 months' spend (普通 under ¥1,000,
银卡 from ¥1,000, 金卡 from ¥3,000); 100 points take ¥1 off.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from pharmadesk.db.models import LoyaltyRules
from pharmadesk.errors import ValidationError
from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.text.normalize import fold

# The tiers every pharmacy starts with; their names are shown translated unless the owner
# renames them (`name`).
STANDARD, SILVER, GOLD = "standard", "silver", "gold"
DEFAULT_NAMES = {STANDARD: "普通", SILVER: "银卡", GOLD: "金卡"}
MAX_EXPIRY_YEARS = 5
MAX_DISCOUNT_PERCENT = 50


@dataclass(frozen=True)
class Tier:
    key: str
    threshold_fen: int  # the 12-month spend from which a customer is in this tier
    discount_percent: int = 0  # off the price of each line (5 is the Chinese 95折)
    name: str = ""  # the owner's own name; empty: the default name of `key`


DEFAULT_TIERS = (
    Tier(STANDARD, 0, 0),
    Tier(SILVER, 100_000, 2),
    Tier(GOLD, 300_000, 5),
)


@dataclass(frozen=True)
class Rules:
    fen_per_point: int = 100  # one point per this much spent, rounded down per receipt
    excluded_categories: tuple[str, ...] = ()
    # Points earned in year Y are usable until 31 December of Y + expiry_years and gone on
    # 1 January after it; None: they never expire.
    expiry_years: int | None = 1
    tiers: tuple[Tier, ...] = DEFAULT_TIERS  # ascending thresholds, the first at 0
    points_per_yuan: int = 100  # redemption: this many points take ¥1 off
    effective_from: date | None = field(default=None, compare=False)  # None: the defaults

    def earns(self, category: str | None) -> bool:
        return fold(category or "") not in self.excluded_categories

    def points_for(self, eligible_fen: int) -> int:
        """Whole points for what a receipt's earning lines cost (rounded down)."""
        return max(0, eligible_fen) // self.fen_per_point

    def expires_on(self, earned_on: date) -> date | None:
        """The first day points earned on `earned_on` are gone."""
        if self.expiry_years is None:
            return None
        return date(earned_on.year + self.expiry_years + 1, 1, 1)

    def tier_for(self, spend_fen: int) -> Tier:
        chosen = self.tiers[0]
        for tier in self.tiers:
            if spend_fen >= tier.threshold_fen:
                chosen = tier
        return chosen

    def next_tier(self, spend_fen: int) -> Tier | None:
        return next((t for t in self.tiers if t.threshold_fen > spend_fen), None)

    def value_fen(self, points: int) -> int:
        """What redeeming `points` takes off a receipt, in whole fen (rounded down)."""
        return points * 100 // self.points_per_yuan

    def points_for_value(self, value_fen: int) -> int:
        """The fewest points whose redemption is worth at least `value_fen`."""
        return -(-value_fen * self.points_per_yuan // 100)


DEFAULT = Rules()


def validate(rules: Rules) -> dict[str, str]:
    """What is wrong with a set of rules, by field (empty: they can be saved)."""
    problems: dict[str, str] = {}
    if not 1 <= rules.fen_per_point <= 100_000:
        problems["fen_per_point"] = "points need a spend of ¥0.01 to ¥1,000 each"
    if rules.expiry_years is not None and not 0 <= rules.expiry_years <= MAX_EXPIRY_YEARS:
        problems["expiry_years"] = f"points can be kept 0 to {MAX_EXPIRY_YEARS} years"
    if not 1 <= rules.points_per_yuan <= 100_000:
        problems["points_per_yuan"] = "¥1 off must cost 1 to 100,000 points"
    tiers = rules.tiers
    if not tiers or tiers[0].threshold_fen != 0:
        problems["tiers"] = "the first tier must start at ¥0"
    elif any(b.threshold_fen <= a.threshold_fen for a, b in itertools.pairwise(tiers)):
        problems["tiers"] = "each tier must start above the one before"
    elif len({t.key for t in tiers}) != len(tiers):
        problems["tiers"] = "two tiers have the same name"
    elif any(not 0 <= t.discount_percent <= MAX_DISCOUNT_PERCENT for t in tiers):
        problems["tiers"] = f"a tier's discount must be 0 to {MAX_DISCOUNT_PERCENT} %"
    elif any(not (t.name or t.key).strip() for t in tiers):
        problems["tiers"] = "every tier needs a name"
    return problems


def _encode(rules: Rules) -> str:
    data = asdict(replace(rules, effective_from=None))
    del data["effective_from"]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _decode(text: str, effective_from: date) -> Rules:
    data = json.loads(text)
    tiers = tuple(Tier(**tier) for tier in data.pop("tiers"))
    excluded = tuple(data.pop("excluded_categories"))
    return Rules(**data, tiers=tiers, excluded_categories=excluded, effective_from=effective_from)


def versions(ctx: Context) -> list[Rules]:
    """Every saved version, oldest first (empty: the defaults have always applied)."""
    rows = LoyaltyRules.select().order_by(LoyaltyRules.effective_from, LoyaltyRules.id)
    latest: dict[date, Rules] = {}
    for row in rows:  # a later save for the same day replaces the earlier one
        latest[row.effective_from] = _decode(row.rules, row.effective_from)
    return list(latest.values())


def on(ctx: Context, day: date) -> Rules:
    """The rules in force on `day`."""
    row = (
        LoyaltyRules.select()
        .where(LoyaltyRules.effective_from <= day)
        .order_by(LoyaltyRules.effective_from.desc(), LoyaltyRules.id.desc())
        .first()
    )
    return DEFAULT if row is None else _decode(row.rules, row.effective_from)


def current(ctx: Context) -> Rules:
    return on(ctx, ctx.today())


def upcoming(ctx: Context) -> Rules | None:
    """A version saved to apply after today, if any."""
    found = [r for r in versions(ctx) if r.effective_from and r.effective_from > ctx.today()]
    return found[-1] if found else None


def change(ctx: Context, rules: Rules, effective_from: date | None = None) -> Rules:
    """Save a version applying from `effective_from` (default today). Owner only.

    Raises:
        ValidationError: the rules are inconsistent, or the day is in the past.
    """
    require(ctx, Operation.MANAGE)
    day = effective_from or ctx.today()
    rules = replace(
        rules,
        excluded_categories=tuple(sorted({fold(c) for c in rules.excluded_categories if fold(c)})),
        tiers=tuple(replace(t, name=fold(t.name)) for t in rules.tiers),
    )
    problems = validate(rules)
    if day < ctx.today():
        problems["effective_from"] = "rules cannot be changed for days that have passed"
    if problems:
        raise ValidationError(problems)
    with ctx.db.atomic():
        LoyaltyRules.create(
            effective_from=day, rules=_encode(rules), user=ctx.account.id, created_at=ctx.now()
        )
        audit.record(
            ctx, "loyalty.rules_changed", entity="loyalty_rules",
            details={"effective_from": day.isoformat()},
        )  # fmt: skip
    return replace(rules, effective_from=day)
