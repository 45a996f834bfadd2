"""Keeps the counter search index (`search_key`) in step with customers.

Called inside the transaction that changes a customer, so the index is never behind.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from functools import lru_cache

from peewee import Database

from pharmadesk.db.memory_stage import MemoryStage
from pharmadesk.db.migrations.m0002_search_index import rank_of
from pharmadesk.errors import DatabaseUnavailable
from pharmadesk.services.visible import VISIBLE
from pharmadesk.text.pinyin import ReadingCache, full_and_initials_of
from pharmadesk.text.search_keys import keys_for_name

log = logging.getLogger(__name__)
INSERT_SQL = "INSERT INTO search_key (key, cls, rank, customer_id) VALUES (?, ?, ?, ?)"
# The trigram indexes' insert triggers (schemas 3 and 5), and how a bulk load fills their
# indexes instead, with the same conditions (only names longer than 4 characters).
_BULK_FILLS = {
    "customer_name_trigram_insert": "INSERT INTO customer_name_trigram(rowid, name) "
    "SELECT id, name FROM customer WHERE id BETWEEN ? AND ? AND length(name) > 4",
    "customer_phone_trigram_insert": "INSERT INTO customer_phone_trigram(rowid, mobile, phone) "
    "SELECT id, mobile, phone FROM customer WHERE id BETWEEN ? AND ?",
}
Fill = Callable[[int, int], None]
# The search keys of many customers from one JSON parameter (`keys_document`): SQLite
# unpacks it and inserts every row inside one statement, so the statement holds no lock
# of Python's and runs beside Python work (`staged_keys`).
KEYS_FROM_DOCUMENT = (
    "INSERT INTO search_key (key, cls, rank, customer_id) "
    "SELECT k.key, k.value, CAST(r.key AS INTEGER), CAST(c.key AS INTEGER) "
    "FROM json_each(?) r, json_each(r.value) c, json_each(c.value) k"
)


def rows_for(
    customer_id: int, name: str, last_active_on: date | str | None
) -> list[tuple[str, int, int, int]]:
    day = last_active_on.isoformat() if isinstance(last_active_on, date) else last_active_on
    rank = rank_of(day)
    return [(key, cls, rank, customer_id) for key, cls in _keys(name)]


@lru_cache(maxsize=50_000)
def _keys(name: str) -> tuple[tuple[str, int], ...]:
    # Names repeat (王伟, 张敏 …): bulk imports and the demo compute each name's keys once.
    return tuple(keys_for_name(name).items())


class NameKeys:
    """Each distinct name's pinyin, initials and search keys, computed once for a bulk load
    of customers (names repeat: 100,000 cards hold about 54,000 names)."""

    def __init__(self, readings: ReadingCache | None = None) -> None:
        self.readings = readings if readings is not None else ReadingCache()
        # Each name's keys as JSON text, as `keys_document` takes them.
        self._names: dict[str, tuple[str, str, str]] = {}

    def reading(self, name: str) -> tuple[str, str]:
        """`full_and_initials(name)`: the customer's pinyin and initials columns."""
        found = self._of(name)
        return found[0], found[1]

    def keys_json(self, name: str) -> str:
        """The name's search keys as a JSON object of key -> class (`keys_document`)."""
        return self._of(name)[2]

    def _of(self, name: str) -> tuple[str, str, str]:
        found = self._names.get(name)
        if found is None:
            pinyin, initials = full_and_initials_of(self.readings[name])
            keys = json.dumps(keys_for_name(name, self.readings), ensure_ascii=False)
            found = self._names[name] = (pinyin, initials, keys)
        return found


def keys_document(customers: Iterable[tuple[int, int, str]]) -> str:
    """What `KEYS_FROM_DOCUMENT` inserts for these (customer id, rank, `keys_json`) triples:
    the rows `rows_for` gives each customer, as {rank: {customer id: {key: class}}}. Nested
    objects let SQLite walk the rows without parsing any part twice."""
    by_rank: dict[int, list[str]] = {}
    for customer_id, rank, keys in customers:
        by_rank.setdefault(rank, []).append(f'"{customer_id}":{keys}')
    return "{" + ",".join(f'"{rank}":{{{",".join(c)}}}' for rank, c in by_rank.items()) + "}"


class StagedKeys:
    """A bulk load's search keys, written beside the load and copied into `search_key`
    at its end (`staged_keys`)."""

    def __init__(self, db: Database, stage: MemoryStage | None) -> None:
        self._db, self._stage = db, stage

    def add(self, document: str) -> None:
        """The keys of a `keys_document`: staged (the call returns at once), or (without a
        stage) written now."""
        if self._stage is None:
            self._db.execute_sql(KEYS_FROM_DOCUMENT, (document,))
        else:
            self._stage.run(KEYS_FROM_DOCUMENT, (document,))  # the stage's own search_key

    def wait(self) -> None:
        """Until the stage has written every key added. The connection's own statements
        wait for that: run while the stage worked, each was slowed as much as it ran
        beside it (a chunk's consents took 36 ms instead of 4), to no gain."""
        if self._stage is not None:
            self._stage.wait()

    def copy(self) -> None:
        """The staged keys into `search_key`, inside the caller's transaction (once)."""
        if self._stage is None:
            return
        self._stage.wait()
        self._db.execute_sql(
            f"INSERT INTO main.search_key SELECT * FROM {self._stage.name}.search_key"
        )


@contextmanager
def staged_keys(db: Database) -> Iterator[StagedKeys]:
    """Search keys for a bulk load, staged in memory on a helper thread while the load
    writes its customers (`MemoryStage`): 952,061 keys for 100,000 cards took 2 to 3 s of
    the same connection's time; staged, their copy into an empty `search_key` takes about
    0.25 s (SQLite copies pages when both tables have one definition), about 1 s into a
    full one. Entered outside the load's transaction; inside one (where SQLite attaches
    nothing), the keys are written straight away."""
    if db.in_transaction():
        yield StagedKeys(db, None)
        return
    # The stage's table as the real one is defined, index included, for the page copy.
    schema = [
        row[0]
        for row in db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'search_key' AND sql IS NOT NULL "
            "AND type IN ('table', 'index') ORDER BY type = 'index'"
        ).fetchall()
    ]
    with ExitStack() as stack:
        try:
            stage: MemoryStage | None = stack.enter_context(MemoryStage(db, schema))
        except DatabaseUnavailable as exc:  # the keys go in straight away, as slowly as before
            log.warning("search keys not staged: %s", exc)
            stage = None
        yield StagedKeys(db, stage)


@contextmanager
def bulk_load(db: Database) -> Iterator[Fill]:
    """Insert many customers, filling the trigram indexes by id range rather than by row.

    FTS5 costs far more one row at a time from a trigger than in one statement (100,000
    mobiles: about 4 s against 0.3 s), so the insert triggers are dropped for the load and
    recreated from their own stored SQL afterwards. The caller calls `fill(first, last)`
    right after inserting the customers with ids first..last, before anything updates them:
    the update triggers stay, and they expect a customer's entries to be in the index.
    Only inside a transaction: if the load fails, its rollback undoes the drop too.
    """
    if not db.in_transaction():
        raise RuntimeError("a bulk load runs inside a transaction")
    marks = ",".join("?" * len(_BULK_FILLS))
    saved = db.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        tuple(_BULK_FILLS),
    ).fetchall()
    for name, _ in saved:
        db.execute_sql(f"DROP TRIGGER {name}")

    def fill(first: int, last: int) -> None:
        for name, _ in saved:
            db.execute_sql(_BULK_FILLS[name], (first, last))

    try:
        yield fill
    finally:
        # Also when the load fails: whoever catches the error keeps working triggers.
        for _, sql in saved:
            db.execute_sql(sql)


def index_customer(
    db: Database, customer_id: int, name: str, last_active_on: date | str | None
) -> None:
    db.execute_sql("DELETE FROM search_key WHERE customer_id = ?", (customer_id,))
    db.cursor().executemany(INSERT_SQL, rows_for(customer_id, name, last_active_on))


def remove_customer(db: Database, customer_id: int) -> None:
    db.execute_sql("DELETE FROM search_key WHERE customer_id = ?", (customer_id,))


def touch(db: Database, customer_ids: Iterable[int], day: date) -> None:
    """Record activity on `day`: moves these customers up among equal search hits."""
    iso = day.isoformat()
    for customer_id in set(customer_ids):
        cursor = db.execute_sql(
            "UPDATE customer SET last_active_on = ? WHERE id = ? "
            "AND (last_active_on IS NULL OR last_active_on < ?)",
            (iso, customer_id, iso),
        )
        if cursor.rowcount:
            db.execute_sql(
                "UPDATE search_key SET rank = ? WHERE customer_id = ?",
                (rank_of(iso), customer_id),
            )


def rebuild(db: Database) -> int:
    """Recompute every key (after a change of the key rules); returns the customers indexed."""
    db.execute_sql("DELETE FROM search_key")
    rows = db.execute_sql(
        f"SELECT id, name, last_active_on FROM customer WHERE {VISIBLE}"
    ).fetchall()
    for customer_id, name, day in rows:
        db.cursor().executemany(INSERT_SQL, rows_for(customer_id, name, day))
    return len(rows)
