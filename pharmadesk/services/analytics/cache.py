"""Where computed figures are kept between calls, and how they are known to be stale.

Two levels (schema 8, `pharmadesk/db/migrations/m0008_light_summaries.py`):

- `analytics_cache`, inside the encrypted database: JSON values by key, each made from the
  purchase lines dated `first_day` to `last_day`. Triggers on `purchase` delete the entries
  a written line's day falls into, so an entry that exists is fresh, whoever wrote the
  lines (the service, the demo's executemany, an import, its undo, a deleted customer).
- In memory, per database: whole results (a dashboard, a day's standings) tagged with
  `analytics_version`, a number that every written purchase line or interaction bumps.
  A result is reused only while the number is unchanged.
- The cut: figures that would be dropped by every sale of the day (a running period's)
  are made of a part up to yesterday, kept, and today's lines, read each time. A part
  too large for JSON (every customer's history) is kept in memory (`kept`), tagged with
  a mark in `analytics_cache` whose days end yesterday: today's sales leave the mark, a
  line written up to yesterday drops it, and the part with it. The entries of a cut are
  named `cut:DAY:...`; a new day's cut drops the old day's.

A value is always returned as it reads back from JSON, computed now or long ago, so a
cached and an uncached call give the very same result.
"""

from __future__ import annotations

import json
import secrets
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date, timedelta
from typing import Any, TypeVar

from peewee import Database, OperationalError

from pharmadesk.services.context import Context

T = TypeVar("T")
# Dependency ranges that reach back to the first sale ever: "every line up to `last_day`".
BEGINNING = date(1, 1, 1)
# How many results each pool keeps: dashboards are small, a day's standings are not.
POOL_LIMITS = {"dashboard": 24, "standings": 2, "history": 4}


def stored(ctx: Context, key: str, first: date, last: date, compute: Callable[[], Any]) -> Any:
    """The JSON value of `key`, computed (and kept) unless a fresh copy is on file.

    `compute` must read only purchase lines dated `first` to `last` (and summaries of them).
    It runs in no transaction of its own (two threads may compute figures at once, each on
    its connection): the data version read before it tells whether a line was written
    meanwhile, and then its value is returned unkept.
    """
    found = peek(ctx, key)
    if found is not None:
        return found
    at = version(ctx)
    return keep(ctx, key, first, last, compute(), at)


def keep(ctx: Context, key: str, first: date, last: date, value: Any, at: int) -> Any:
    """`value` as it reads back from JSON, kept unless a purchase line or an interaction
    was written since the data version was `at` (read before `value` was computed).

    The version is compared and the value written in one transaction: a line written
    after that finds the entry and its trigger drops it.
    """
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    try:
        # IMMEDIATE: the write lock first (waited for, as another thread may be keeping a
        # figure too), else a write after a read of an older snapshot would be refused.
        with ctx.db.atomic("IMMEDIATE"):
            if version(ctx) == at:
                ctx.db.execute_sql(
                    "INSERT OR REPLACE INTO analytics_cache (key, first_day, last_day, value) "
                    "VALUES (?, ?, ?, ?)",
                    (key, first.isoformat(), last.isoformat(), text),
                )
    except OperationalError as exc:
        if "interrupt" in str(exc):  # stopped on purpose (the window is closing)
            raise
        # Busy or refused (another connection writing): the figure is returned unkept.
    return json.loads(text)


def peek(ctx: Context, key: str) -> Any:
    """The JSON value of `key` if a fresh copy is on file, else None (nothing computed)."""
    row = ctx.db.execute_sql("SELECT value FROM analytics_cache WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def cut(ctx: Context) -> date:
    """The last day before today: the end of the parts a running period keeps."""
    return ctx.today() - timedelta(days=1)


def _mark(ctx: Context, day: date) -> str:
    """A token kept in `analytics_cache` for the lines up to `day`, made afresh whenever
    one of them was written since it was made (the old day's cut entries are dropped)."""

    def new() -> str:
        ctx.db.execute_sql(
            "DELETE FROM analytics_cache WHERE key GLOB 'cut:*' AND key NOT GLOB ?",
            (f"cut:{day.isoformat()}:*",),
        )
        return secrets.token_hex(8)

    found: str = stored(ctx, f"cut:{day.isoformat()}:mark", BEGINNING, day, new)
    return found


def _read_mark(ctx: Context, day: date) -> str | None:
    found = peek(ctx, f"cut:{day.isoformat()}:mark")
    return None if found is None else str(found)


def kept(ctx: Context, pool: str, key: Hashable, last: date, compute: Callable[[], T]) -> T:
    """`compute()`, which reads only lines dated up to `last`, kept in memory until one of
    them is written (lines of later days leave it: the part before the cut of a running
    period). `pool` is one of POOL_LIMITS."""
    token = _mark(ctx, last)
    memory = _memory(ctx, pool)
    found = memory.get(key, token)
    if found is not None:
        return found  # type: ignore[return-value]  # put there by this function for `key`
    with ctx.db.atomic():  # one snapshot: the lines and the mark that vouches for them
        value = compute()
        now = _read_mark(ctx, last)
    if now == token:
        memory.put(key, token, value, POOL_LIMITS[pool])
    return value


def forget_stored(ctx: Context) -> None:
    """Drop every kept figure (tests, and a way out should a cached figure ever be doubted)."""
    ctx.db.execute_sql("DELETE FROM analytics_cache")
    ctx.db.execute_sql("UPDATE analytics_version SET n = n + 1")


def version(ctx: Context) -> int:
    return int(ctx.db.execute_sql("SELECT n FROM analytics_version").fetchone()[0])


class _Memory:
    """Recent results of one database, each with the data version (or the mark) it was
    computed at."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: OrderedDict[Hashable, tuple[Hashable, object]] = OrderedDict()

    def get(self, key: Hashable, at: Hashable) -> object | None:
        with self.lock:
            found = self.entries.get(key)
            if found is None or found[0] != at:
                return None
            self.entries.move_to_end(key)
            return found[1]

    def put(self, key: Hashable, at: Hashable, value: object, limit: int) -> None:
        with self.lock:
            self.entries[key] = (at, value)
            self.entries.move_to_end(key)
            while len(self.entries) > limit:
                self.entries.popitem(last=False)


# Per open database, forgotten with it. Not configuration: a memo of computed results, in
# memory only (nothing personal is written anywhere by it).
_MEMORY: weakref.WeakKeyDictionary[Database, dict[str, _Memory]] = weakref.WeakKeyDictionary()
_MEMORY_LOCK = threading.Lock()


def _memory(ctx: Context, pool: str) -> _Memory:
    with _MEMORY_LOCK:
        return _MEMORY.setdefault(ctx.db, {}).setdefault(pool, _Memory())


def remember(ctx: Context, pool: str, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or its result from memory when nothing was written since.

    `pool` is one of POOL_LIMITS: each keeps its own most recent results.
    """
    at = version(ctx)
    memory = _memory(ctx, pool)
    found = memory.get(key, at)
    if found is not None:
        return found  # type: ignore[return-value]  # put there by this function for `key`
    value = compute()
    memory.put(key, at, value, POOL_LIMITS[pool])
    return value


def forget_memory(ctx: Context) -> None:
    with _MEMORY_LOCK:
        _MEMORY.pop(ctx.db, None)
