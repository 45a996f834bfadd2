"""The owner's data-quality figures, and the customers behind each of them.

Five measures over the pharmacy's own records (visible, and not marked as moved away or
deceased: their files are no longer worked on):

- `no_mobile`: no mobile number;
- `approximate_birth`: only a birth year, worked out from an age;
- `no_consent`: no data-processing consent on record, or a paper card's not yet confirmed;
- `unverified`: details not confirmed for longer than the stale-record setting
  (services/stale.py, default 12 months);
- `duplicates`: the duplicate finder's pairs (services/duplicates.py), not yet dismissed.

The first four are one SQL scan together (`counts`); the same conditions select the lists
(`members`), so a figure and its list cannot disagree. The duplicate pairs come from the
finder, which is slower (seconds at 200,000 customers): `duplicate_pairs`.

The figures are no personal data, and the lists are what the counter already shows, so
the roles that see charts (owner and pharmacist, `Operation.ANALYTICS`) see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pharmadesk.services import duplicates, stale
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

SQL_MEASURES = ("no_mobile", "approximate_birth", "no_consent", "unverified")
MEASURES = (*SQL_MEASURES, "duplicates")

_FIXED: dict[str, str] = {
    "no_mobile": "(mobile IS NULL OR mobile = '')",
    "approximate_birth": "birth_date_approximate = 1",
    "no_consent": "(consent_data IS NULL OR consent_data = 'paper_unconfirmed')",
}
_COLUMNS = (
    "id, code, name, mobile, birth_date, birth_year, birth_date_approximate, consent_data, "
    "last_verified_at, last_active_on"
)
_ORDER = "ORDER BY last_active_on IS NULL, last_active_on DESC, id DESC"


@dataclass(frozen=True)
class Counts:
    no_mobile: int
    approximate_birth: int
    no_consent: int
    unverified: int
    verify_months: int  # the stale setting behind `unverified`
    customers: int  # the records looked at

    def of(self, measure: str) -> int:
        if measure not in SQL_MEASURES:
            raise ValueError(f"unknown measure {measure!r}")
        return int(getattr(self, measure))


@dataclass(frozen=True)
class Member:
    """One customer behind a figure, with the columns that say what is missing."""

    id: int
    code: str | None
    name: str
    mobile: str | None
    birth_date: date | None
    birth_year: int | None
    birth_date_approximate: bool
    consent_data: str | None
    last_verified_on: date | None
    last_visit: date | None


def _condition(ctx: Context, measure: str) -> tuple[str, list[object]]:
    if measure == "unverified":
        day = stale.cutoff(ctx).isoformat()
        return stale.STALE_SQL, [day, day]
    if measure in _FIXED:
        return _FIXED[measure], []
    raise ValueError(f"unknown measure {measure!r}")


def counts(ctx: Context) -> Counts:
    """The four SQL figures in one scan of the customers (the duplicates: `duplicate_pairs`)."""
    require(ctx, Operation.ANALYTICS)
    parts: list[str] = []
    params: list[object] = []
    for measure in SQL_MEASURES:
        sql, more = _condition(ctx, measure)
        parts.append(f"coalesce(sum({sql}), 0)")
        params.extend(more)
    sql = f"SELECT {', '.join(parts)}, count(*) FROM customer WHERE {stale.REVIEWED_SQL}"
    row = ctx.db.execute_sql(sql, params).fetchone()
    figures = dict(zip(SQL_MEASURES, (int(v) for v in row[:-1]), strict=True))
    return Counts(**figures, verify_months=stale.verify_after_months(ctx), customers=int(row[-1]))


def members(ctx: Context, measure: str) -> list[Member]:
    """The customers counted in `measure` (one of `SQL_MEASURES`), those who came most
    recently first: the ones who can be asked at the counter.

    Raises:
        ValueError: an unknown measure (the duplicates are pairs: `duplicate_pairs`).
    """
    require(ctx, Operation.ANALYTICS)
    condition, params = _condition(ctx, measure)
    sql = (f"SELECT {_COLUMNS} FROM customer WHERE {stale.REVIEWED_SQL} AND {condition} "
           f"{_ORDER}")  # fmt: skip
    return [_member(row) for row in ctx.db.execute_sql(sql, params)]


def _member(row: tuple[object, ...]) -> Member:
    def day(value: object) -> date | None:
        return date.fromisoformat(str(value)[:10]) if value else None

    return Member(
        id=int(str(row[0])),
        code=None if row[1] is None else str(row[1]),
        name=str(row[2]),
        mobile=None if row[3] is None else str(row[3]),
        birth_date=day(row[4]),
        birth_year=None if row[5] is None else int(str(row[5])),
        birth_date_approximate=bool(row[6]),
        consent_data=None if row[7] is None else str(row[7]),
        last_verified_on=day(row[8]),
        last_visit=day(row[9]),
    )


def duplicate_pairs(ctx: Context) -> list[duplicates.Pair]:
    """The suspected duplicates: the finder's pairs between records this panel counts (a
    record marked as moved or deceased is left out, as in the other figures)."""
    require(ctx, Operation.ANALYTICS)
    pairs = duplicates.find(ctx).pairs
    left = {row[0] for row in ctx.db.execute_sql(
        "SELECT id FROM customer WHERE left_reason IS NOT NULL")}  # fmt: skip
    return [p for p in pairs if p.low.id not in left and p.high.id not in left]
