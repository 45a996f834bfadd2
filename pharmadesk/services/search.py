"""The counter search: one box for mobile, last four digits, member code, name and pinyin.

Hits are ranked exact before prefix before substring, and recently active customers first
among equals. Every path is an index lookup bounded by the limit: the `search_key` table,
the mobile and last-four indexes, the member code, and two trigram (FTS5) indexes for
fragments no other index orders (digits from the middle of a phone number, a long piece of
a name). No search reads all customers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import Database

from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import HIDDEN_STATUSES, VISIBLE
from pharmadesk.text.normalize import MOBILE_RE, fold
from pharmadesk.text.search_keys import EXACT, MAX_SUBSTRING, PREFIX, SUBSTRING, search_form

DEFAULT_LIMIT = 50
MATCH_NAMES = {EXACT: "exact", PREFIX: "prefix", SUBSTRING: "substring"}
_PHONE_CHARS_RE = re.compile(r"[\s\-()（）]")
_VISIBLE = VISIBLE
HIT_COLUMNS = "id, code, name, gender, mobile, birth_date, birth_year, status, last_active_on"


@dataclass(frozen=True)
class Hit:
    """One search result: enough to show a line in the results list."""

    id: int
    code: str | None
    name: str
    gender: str | None
    mobile: str | None
    birth_date: date | None
    birth_year: int | None
    status: str
    last_active_on: date | None
    match: str


class _Collector:
    """Gathers candidate ids with the best class each was found by."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.best: dict[int, int] = {}

    def add(self, ids: list[int], cls: int) -> None:
        for customer_id in ids:
            if cls < self.best.get(customer_id, SUBSTRING + 1):
                self.best[customer_id] = cls

    def full(self) -> bool:
        return len(self.best) >= self.limit


def _ids(db: Database, sql: str, params: tuple[object, ...]) -> list[int]:
    return [row[0] for row in db.execute_sql(sql, params)]


def find(ctx: Context, query: str, *, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """The first `limit` customers matching `query`, best first."""
    require(ctx, Operation.COUNTER)
    best = _candidates(ctx, query, limit)
    if not best:
        return []
    # One read of the candidates' rows ranks them and fills the hits.
    rows = _rows(ctx.db, best, HIT_COLUMNS)
    ordered = sorted(rows, key=lambda r: (best[r[0]], -_ordinal(r[8]), r[0]))[:limit]
    return [
        Hit(r[0], r[1], r[2], r[3], r[4], _day(r[5]), r[6], r[7], _day(r[8]),
            MATCH_NAMES[best[r[0]]])
        for r in ordered
    ]  # fmt: skip


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def find_ids(ctx: Context, query: str, *, limit: int = DEFAULT_LIMIT) -> list[tuple[int, int]]:
    """(customer id, match class) pairs in ranked order."""
    require(ctx, Operation.COUNTER)
    best = _candidates(ctx, query, limit)
    if not best:
        return []
    rows = _rows(ctx.db, best, "id, last_active_on")
    ordered = sorted(rows, key=lambda r: (best[r[0]], -_ordinal(r[1]), r[0]))[:limit]
    return [(r[0], best[r[0]]) for r in ordered]


def _candidates(ctx: Context, query: str, limit: int) -> dict[int, int]:
    """Customer id -> best match class, from the index paths the query can take."""
    text = fold(query)
    if not text or limit <= 0:
        return {}
    found = _Collector(limit)
    digits = _as_digits(text)
    if digits:
        _digit_paths(ctx.db, digits, found)
    else:
        _text_paths(ctx.db, text, found)
    return found.best


def _rows(db: Database, best: dict[int, int], columns: str) -> list[tuple[Any, ...]]:
    placeholders = ",".join("?" * len(best))
    sql = f"SELECT {columns} FROM customer WHERE id IN ({placeholders}) AND {_VISIBLE}"
    return [tuple(row) for row in db.execute_sql(sql, list(best)).fetchall()]


def _survivors(db: Database, column: str, value: str) -> list[int]:
    """The records kept by merges of hidden records whose `column` is `value` (an index
    lookup, made only when nothing visible matched)."""
    kept = []
    sql = f"SELECT merged_into_id FROM customer WHERE {column} = ? AND status = 'merged'"
    for (into,) in db.execute_sql(sql, (value,)).fetchall():
        for _ in range(100):  # merges of merges
            row = db.execute_sql(
                "SELECT status, merged_into_id FROM customer WHERE id = ?", (into,)
            ).fetchone()
            if row is None or row[0] != "merged":
                break
            into = row[1]
        if row is not None and row[0] not in HIDDEN_STATUSES:
            kept.append(into)
    return kept


def _as_digits(text: str) -> str | None:
    compact = _PHONE_CHARS_RE.sub("", text)
    if compact.startswith("+86"):
        compact = compact[3:]
    return compact if compact.isdigit() else None


def _digit_paths(db: Database, digits: str, found: _Collector) -> None:
    limit = found.limit
    newest = "ORDER BY last_active_on DESC LIMIT ?"
    if MOBILE_RE.match(digits):
        # A whole mobile: its own index answers; member codes are not mobiles.
        sql = f"SELECT id FROM customer WHERE mobile = ? AND {_VISIBLE} {newest}"
        found.add(_ids(db, sql, (digits, limit)), EXACT)
        if not found.best:
            # The old mobile of a record merged into another finds the record kept.
            found.add(_survivors(db, "mobile", digits), EXACT)
        if found.best:
            return
    found.add(_ids(db, f"SELECT id FROM customer WHERE code = ? AND {_VISIBLE}", (digits,)), EXACT)
    if len(digits) == 4:
        sql = f"SELECT id FROM customer WHERE substr(mobile, 8, 4) = ? AND {_VISIBLE} {newest}"
        found.add(_ids(db, sql, (digits, limit)), EXACT)
    if 4 <= len(digits) < 11 and not found.full():
        sql = f"SELECT id FROM customer WHERE mobile GLOB ? AND {_VISIBLE} {newest}"
        found.add(_ids(db, sql, (digits + "*", limit)), PREFIX)
    if not found.full():
        sql = f"SELECT id FROM customer WHERE code GLOB ? AND {_VISIBLE} ORDER BY code LIMIT ?"
        found.add(_ids(db, sql, (digits + "*", limit)), PREFIX)
    if 5 <= len(digits) < 11 and not found.full():
        # Digits from the middle of a number: the trigram index of phones finds them.
        sql = (
            "SELECT c.id FROM customer_phone_trigram t JOIN customer c ON c.id = t.rowid "
            f"WHERE customer_phone_trigram MATCH ? AND c.{_VISIBLE} "
            "ORDER BY c.last_active_on DESC LIMIT ?"
        )
        found.add(_ids(db, sql, (f'"{digits}"', limit)), SUBSTRING)


def _text_paths(db: Database, text: str, found: _Collector) -> None:
    form = search_form(text)
    limit = found.limit
    by_key = (
        "SELECT customer_id FROM search_key WHERE key = ? AND cls = ? ORDER BY rank DESC LIMIT ?"
    )
    for cls in (EXACT, PREFIX, SUBSTRING):
        found.add(_ids(db, by_key, (form, cls, limit)), cls)
        if found.full():
            break
    code = form.upper().replace(" ", "")
    if code.isascii() and code.isalnum():
        found.add(_ids(db, "SELECT id FROM customer WHERE code = ?", (code,)), EXACT)
        if not found.full():
            sql = "SELECT id FROM customer WHERE code GLOB ? ORDER BY code LIMIT ?"
            found.add(_ids(db, sql, (_glob_literal(code) + "*", limit)), PREFIX)
    if form.isascii() and form.isalpha() and not found.full():
        # A partial syllable ('zha'): a range over the whole readings (class 0: every
        # reading and its initials; their prefixes would only repeat them), ranked in SQL.
        sql = (
            "SELECT customer_id FROM search_key WHERE key > ? AND key < ? AND cls = 0 "
            "GROUP BY customer_id ORDER BY max(rank) DESC LIMIT ?"
        )
        found.add(_ids(db, sql, (form, form + "\U0010ffff", limit)), PREFIX)
    if len(form) > MAX_SUBSTRING and not found.full():
        # Longer than the stored fragments: the trigram index finds it inside any name.
        sql = (
            "SELECT c.id FROM customer_name_trigram t JOIN customer c ON c.id = t.rowid "
            f"WHERE customer_name_trigram MATCH ? AND c.{_VISIBLE} "
            "ORDER BY c.last_active_on DESC LIMIT ?"
        )
        phrase = '"' + form.replace('"', '""') + '"'
        found.add(_ids(db, sql, (phrase, limit)), SUBSTRING)


def _glob_literal(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _ordinal(day: str | None) -> int:
    return date.fromisoformat(day).toordinal() if day else 0
