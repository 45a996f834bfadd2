"""The duplicate finder: pairs of customer records that may be one person, with the evidence.

Candidates come from blocking keys, never from comparing all pairs: customers are grouped
by a key they share, and only members of one group are compared.

- the same mobile: `certain` when the names are the same or similar; with clearly other
  names it is a number a family shares, proposed as `possible` only while the birth dates
  do not tell two people apart;
- the same name and birth date: `strong`;
- a similar name (the same pinyin reading, or a rapidfuzz ratio of at least 90 over the
  readings or the names) and the same address, or the same other phone: `possible`;
- the same name and mobiles differing in one digit: `possible` (grouped by name, then by
  the mobile with each position masked in turn: linear, even for 王伟 × 500).

A `possible` pair whose birth dates (or birth years) are both known and differ is two
people (a father and son at one address) and is not proposed.

Big groups are bounded: a group of more than `BLOCK_CAP` customers (a placeholder mobile,
a care home's address, a birth date typed as 1900-01-01) is too common to be evidence by
itself; within it only customers whose names read the same are compared, and a group that
is still too big is left out and counted in `Findings.skipped_groups`.

Several evidences of one pair are combined: the pair takes the highest level, and its
score the best evidence's plus 5 per further evidence. A pair someone dismissed ("not the
same person", `duplicate_dismissal`) is never proposed again. Merged and erased records
are hidden (services/visible.py), so they never appear.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from pharmadesk.db.models import DuplicateDismissal
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.io.similar_names import reading
from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import VISIBLE
from pharmadesk.text.search_keys import search_form

LEVELS = ("certain", "strong", "possible")
BLOCK_CAP = 50  # customers in one group compared pair by pair
SIMILAR_RATIO = 90  # rapidfuzz ratio (0-100) from which two readings or names are similar
SCORES = {
    "same_mobile": 100,
    "same_name_birth_date": 90,
    "mobile_one_digit": 75,
    "similar_name_address": 70,
    "similar_name_phone": 70,
    "shared_mobile": 60,
}
LEVEL_OF = {
    "same_mobile": "certain",
    "same_name_birth_date": "strong",
    "mobile_one_digit": "possible",
    "similar_name_address": "possible",
    "similar_name_phone": "possible",
    "shared_mobile": "possible",
}
EXTRA_EVIDENCE = 5  # score added per further evidence of a pair
_NAME_WORDS = {  # how two names agree: (Chinese, English)
    "same": ("同名", "same name"),
    "reading": ("姓名同音", "names read the same"),
    "spelling": ("姓名相近", "similar names"),
}


@dataclass(frozen=True)
class Evidence:
    """One reason to think two records are one person.

    `value` is what they share, as shown: the mobile, the birth date, the address, the
    phone, or for `mobile_one_digit` the two mobiles. `names` says how the names agree
    (same, reading, spelling) for the similar-name evidences.
    """

    code: str
    value: str
    names: str = "same"

    @property
    def level(self) -> str:
        return LEVEL_OF[self.code]

    @property
    def score(self) -> int:
        return SCORES[self.code]

    def words(self, language: str = "en") -> str:
        zh = language.startswith("zh")
        name = _NAME_WORDS[self.names][0 if zh else 1]
        value = self.value
        if zh:
            return {
                "same_mobile": f"同一手机号 {value}",
                "shared_mobile": f"同一手机号 {value}，但姓名不同（可能是家人共用）",
                "same_name_birth_date": f"同名且出生日期相同 {value}",
                "similar_name_address": f"{name}，同一地址 {value}",
                "similar_name_phone": f"{name}，同一其他电话 {value}",
                "mobile_one_digit": f"同名，手机号只差一位 {value}",
            }[self.code]
        return {
            "same_mobile": f"same mobile {value}",
            "shared_mobile": f"same mobile {value} but other names (a family may share it)",
            "same_name_birth_date": f"same name and birth date {value}",
            "similar_name_address": f"{name}, same address {value}",
            "similar_name_phone": f"{name}, same other phone {value}",
            "mobile_one_digit": f"same name, mobiles one digit apart {value}",
        }[self.code]


@dataclass(frozen=True)
class Side:
    """One of the two customers of a pair, as the list shows them."""

    id: int
    code: str | None
    name: str
    mobile: str | None
    birth_date: date | None
    birth_year: int | None


@dataclass(frozen=True)
class Pair:
    low: Side  # the lower id
    high: Side
    evidence: tuple[Evidence, ...]  # highest level first, then the best score

    @property
    def ids(self) -> tuple[int, int]:
        return self.low.id, self.high.id

    @property
    def level(self) -> str:
        return self.evidence[0].level

    @property
    def score(self) -> int:
        best = self.evidence[0].score
        return min(100, best + EXTRA_EVIDENCE * (len(self.evidence) - 1))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.evidence)

    def reason(self, language: str = "en") -> str:
        separator = "；" if language.startswith("zh") else "; "
        return separator.join(e.words(language) for e in self.evidence)


@dataclass(frozen=True)
class Findings:
    pairs: list[Pair]  # most certain first, then the higher score, then by ids
    customers: int  # visible customers looked at
    skipped_groups: int  # groups too big to compare even by reading (see BLOCK_CAP)


@dataclass(frozen=True)
class Dismissal:
    low_id: int
    high_id: int
    user_name: str | None
    created_at: datetime


@dataclass
class _Row:
    side: Side
    pinyin: str | None
    phone: str | None
    address: str | None
    _reading: str | None = None
    _form: str | None = None

    @property
    def id(self) -> int:
        return self.side.id

    @property
    def form(self) -> str:
        """The name as compared: folded, case-insensitive, CJK without spaces."""
        if self._form is None:
            self._form = search_form(self.side.name)
        return self._form

    @property
    def reading(self) -> str:
        """The stored pinyin reading, worked out only when the row has none."""
        if self._reading is None:
            self._reading = self.pinyin or reading(self.side.name)
        return self._reading


def find(ctx: Context) -> Findings:
    """Every candidate pair among the visible customers, not counting dismissed pairs.

    Raises:
        PermissionRefused: the role may not merge (staff).
    """
    require(ctx, Operation.MERGE)
    rows = _load(ctx)
    finder = _Finder()
    finder.same_mobile(rows)
    finder.same_name_birth_date(rows)
    finder.similar_name_and(rows, "similar_name_address", lambda r: _address_key(r.address))
    finder.similar_name_and(rows, "similar_name_phone", lambda r: _phone_key(r.phone))
    finder.mobile_one_digit(rows)
    gone = _dismissed_ids(ctx)
    by_id = {row.id: row.side for row in rows}
    pairs = [
        Pair(by_id[low], by_id[high], _ordered(found))
        for (low, high), found in finder.found.items()
        if (low, high) not in gone
    ]
    pairs.sort(key=lambda p: (LEVELS.index(p.level), -p.score, p.ids))
    return Findings(pairs, len(rows), finder.skipped)


def dismiss(ctx: Context, a: int, b: int) -> None:
    """Record that customers `a` and `b` are not the same person: never proposed again."""
    require(ctx, Operation.MERGE)
    low, high = _pair(ctx, a, b)
    with ctx.db.atomic():
        if _is_dismissed(low, high):
            return  # dismissed already: nothing changes
        DuplicateDismissal.create(low=low, high=high, user=ctx.account.id, created_at=ctx.now())
        audit.record(ctx, "duplicates.dismissed", customer_id=low, details=_ids(low, high))


def undismiss(ctx: Context, a: int, b: int) -> bool:
    """Undo a dismissal: the pair may be proposed again. False when it was not dismissed."""
    require(ctx, Operation.MERGE)
    low, high = sorted((a, b))
    with ctx.db.atomic():
        query = DuplicateDismissal.delete().where(
            (DuplicateDismissal.low == low) & (DuplicateDismissal.high == high)
        )
        if not query.execute():
            return False
        audit.record(ctx, "duplicates.undismissed", customer_id=low, details=_ids(low, high))
    return True


def dismissed(ctx: Context) -> list[Dismissal]:
    """Every dismissed pair, the latest first."""
    require(ctx, Operation.MERGE)
    sql = (
        "SELECT d.low_id, d.high_id, u.name, d.created_at FROM duplicate_dismissal d "
        "LEFT JOIN user u ON u.id = d.user_id ORDER BY d.created_at DESC, d.low_id, d.high_id"
    )
    at = DuplicateDismissal.created_at
    return [
        Dismissal(low, high, name, at.python_value(created))
        for low, high, name, created in ctx.db.execute_sql(sql)
    ]


def _pair(ctx: Context, a: int, b: int) -> tuple[int, int]:
    if a == b:
        raise ValidationError({"customer": "a customer cannot be a duplicate of themselves"})
    low, high = sorted((a, b))
    sql = f"SELECT count(*) FROM customer WHERE id IN (?, ?) AND {VISIBLE}"
    if ctx.db.execute_sql(sql, (low, high)).fetchone()[0] != 2:
        raise NotFound(f"no customers {low} and {high}")
    return low, high


def _is_dismissed(low: int, high: int) -> bool:
    return bool(
        DuplicateDismissal.select()
        .where((DuplicateDismissal.low == low) & (DuplicateDismissal.high == high))
        .exists()
    )


def _ids(low: int, high: int) -> dict[str, int]:
    return {"low_id": low, "high_id": high}


def _dismissed_ids(ctx: Context) -> set[tuple[int, int]]:
    cursor = ctx.db.execute_sql("SELECT low_id, high_id FROM duplicate_dismissal")
    return {(low, high) for low, high in cursor}


def _load(ctx: Context) -> list[_Row]:
    sql = (
        "SELECT id, code, name, pinyin, birth_date, birth_year, mobile, phone, address "
        f"FROM customer WHERE {VISIBLE} ORDER BY id"
    )
    rows = []
    for cid, code, name, pinyin, born, year, mobile, phone, address in ctx.db.execute_sql(sql):
        birth = date.fromisoformat(born) if born else None
        side = Side(cid, code, name, mobile or None, birth, year)
        rows.append(_Row(side, pinyin or None, phone, address))
    return rows


def _ordered(found: dict[str, Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(found.values(), key=lambda e: (LEVELS.index(e.level), -e.score, e.code)))


def _address_key(address: str | None) -> str | None:
    if not address:
        return None
    key = search_form(address).strip(" ,.;，。；")
    return key or None


def _phone_key(phone: str | None) -> str | None:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits if len(digits) >= 7 else None


def _groups(rows: Iterable[_Row], key: Callable[[_Row], object]) -> Iterator[list[_Row]]:
    """The groups of two or more rows sharing a key (rows whose key is None left out)."""
    groups: dict[object, list[_Row]] = defaultdict(list)
    for row in rows:
        value = key(row)
        if value is not None:
            groups[value].append(row)
    return (group for group in groups.values() if len(group) > 1)


def _names_agree(a: _Row, b: _Row, ratio: Callable[..., float]) -> str | None:
    """How two names agree (same, reading, spelling), or None when they do not."""
    if a.form == b.form:
        return "same"
    if a.reading == b.reading:
        return "reading"
    if ratio(a.reading, b.reading, score_cutoff=SIMILAR_RATIO) or ratio(
        a.form, b.form, score_cutoff=SIMILAR_RATIO
    ):
        return "spelling"
    return None


def _two_people(a: Side, b: Side) -> bool:
    """Both birth dates (or years) known and different: two people, whatever else agrees."""
    if a.birth_date is not None and b.birth_date is not None:
        return a.birth_date != b.birth_date
    year_a = a.birth_date.year if a.birth_date else a.birth_year
    year_b = b.birth_date.year if b.birth_date else b.birth_year
    return year_a is not None and year_b is not None and year_a != year_b


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


class _Finder:
    """Collects the evidence of each pair, by (low id, high id)."""

    def __init__(self) -> None:
        # Imported here: the counter window starts without it (cold start budget).
        from rapidfuzz.fuzz import ratio

        self.ratio = ratio
        self.found: dict[tuple[int, int], dict[str, Evidence]] = defaultdict(dict)
        self.skipped = 0

    def add(self, a: _Row, b: _Row, evidence: Evidence) -> None:
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        self.found[key].setdefault(evidence.code, evidence)

    def bounded(self, group: list[_Row]) -> Iterator[tuple[_Row, _Row]]:
        """Every pair of a group; of a group over the cap, only pairs of one reading."""
        if len(group) <= BLOCK_CAP:
            yield from itertools.combinations(group, 2)
            return
        for same in _groups(group, lambda r: r.reading):
            if len(same) > BLOCK_CAP:
                self.skipped += 1
            else:
                yield from itertools.combinations(same, 2)

    def same_mobile(self, rows: list[_Row]) -> None:
        for group in _groups(rows, lambda r: r.side.mobile):
            for a, b in self.bounded(group):
                mobile = a.side.mobile or ""
                if _names_agree(a, b, self.ratio) is not None:
                    self.add(a, b, Evidence("same_mobile", mobile))
                elif not _two_people(a.side, b.side):
                    self.add(a, b, Evidence("shared_mobile", mobile))

    def same_name_birth_date(self, rows: list[_Row]) -> None:
        def key(row: _Row) -> object:
            born = row.side.birth_date
            return None if born is None else (row.form, born)

        for group in _groups(rows, key):
            if len(group) > BLOCK_CAP:
                self.skipped += 1
                continue
            born = str(group[0].side.birth_date)
            for a, b in itertools.combinations(group, 2):
                self.add(a, b, Evidence("same_name_birth_date", born))

    def similar_name_and(
        self, rows: list[_Row], code: str, key: Callable[[_Row], str | None]
    ) -> None:
        """A similar name and one more shared detail (the address or the other phone)."""
        for group in _groups(rows, key):
            for a, b in self.bounded(group):
                names = _names_agree(a, b, self.ratio)
                if names is not None and not _two_people(a.side, b.side):
                    shared = (a.address if code == "similar_name_address" else a.phone) or ""
                    self.add(a, b, Evidence(code, shared.strip(), names))

    def mobile_one_digit(self, rows: list[_Row]) -> None:
        """The same name, mobiles one digit apart: by name, then by each masked mobile."""
        for group in _groups(rows, lambda r: r.form if r.side.mobile else None):
            masked: dict[str, list[_Row]] = defaultdict(list)
            for row in group:
                mobile = row.side.mobile or ""
                for position in range(len(mobile)):
                    masked[f"{mobile[:position]}?{mobile[position + 1 :]}"].append(row)
            for near in masked.values():
                for a, b in itertools.combinations(near[: BLOCK_CAP + 1], 2):
                    self._one_digit(a, b)

    def _one_digit(self, a: _Row, b: _Row) -> None:
        first, second = a.side.mobile or "", b.side.mobile or ""
        if _one_digit_apart(first, second) and not _two_people(a.side, b.side):
            low, high = (first, second) if a.id < b.id else (second, first)
            self.add(a, b, Evidence("mobile_one_digit", f"{low} / {high}"))
