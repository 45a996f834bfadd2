"""Benchmarks of the counter paths: search by each kind of query, and opening a profile.

Each figure is measured in-process on the encrypted database and on an unencrypted copy
with the same schema, so the cost of encryption shows as a ratio. Queries are drawn from
the database itself with a fixed seed, so runs are comparable.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from peewee import Database

from pharmadesk.db.models import database
from pharmadesk.services import profile, search
from pharmadesk.services.context import Context

SAMPLES = 300
MAX_RATIO = 1.5


@dataclass(frozen=True)
class Workload:
    name: str
    target_ms: float
    run: Callable[[Context], None]
    count: int


@dataclass(frozen=True)
class Figure:
    name: str
    count: int
    p50_ms: float
    p95_ms: float
    plain_p50_ms: float
    plain_p95_ms: float
    target_ms: float

    @property
    def ratio(self) -> float:
        return self.p50_ms / self.plain_p50_ms if self.plain_p50_ms else float("nan")

    @property
    def within_target(self) -> bool:
        """p95 under its budget, and encryption under 1.5x plain SQLite (DESIGN.md)."""
        return self.p95_ms < self.target_ms and self.ratio < MAX_RATIO


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timings(ctx: Context, items: list[Callable[[Context], None]]) -> list[float]:
    for item in items:
        item(ctx)  # one untimed pass warms the page, OS and statement caches of either copy
    out = []
    for item in items:
        start = time.perf_counter()
        item(ctx)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _searcher(query: str) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        search.find(ctx, query)

    return run


def _profiler(customer_id: int) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        profile.load(ctx, customer_id, recent=50)

    return run


def sample_queries(db: Database, *, seed: int = 7) -> dict[str, list[str]]:
    """Realistic queries of each kind, drawn from the customers themselves."""
    rng = random.Random(seed)
    rows = db.execute_sql(
        "SELECT code, name, mobile, pinyin, initials FROM customer "
        "WHERE mobile IS NOT NULL AND length(name) >= 2 ORDER BY random() LIMIT ?",
        (SAMPLES * 3,),
    ).fetchall()
    rng.shuffle(rows)
    rows = rows[:SAMPLES]
    fragments = []
    for _, name, *_ in rows:
        start = rng.randrange(1, len(name))
        fragments.append(name[start : start + rng.choice((1, 2))])
    return {
        "search: full mobile": [r[2] for r in rows],
        "search: last 4 digits": [r[2][-4:] for r in rows],
        "search: mobile prefix": [r[2][:7] for r in rows],
        "search: member code": [r[0] for r in rows],
        "search: full pinyin": [r[3] for r in rows],
        "search: pinyin initials": [r[4] for r in rows],
        "search: partial syllable": [r[3][:3] for r in rows],
        "search: name prefix": [r[1][:2] for r in rows],
        "search: whole name": [r[1] for r in rows],
        "search: 1-2 char fragment": fragments,
        "search: mobile middle digits": [r[2][3:9] for r in rows],
    }


def workloads(db: Database) -> list[tuple[str, float, list[Callable[[Context], None]]]]:
    queries = sample_queries(db)
    out: list[tuple[str, float, list[Callable[[Context], None]]]] = []
    for name, items in queries.items():
        # Indexed kinds have 5 ms; name fragments and digits from the middle of a mobile
        # (which no index orders) have 20 ms.
        target = 20.0 if ("fragment" in name or "middle" in name) else 5.0
        out.append((name, target, [_searcher(q) for q in items]))
    ids = [
        r[0]
        for r in db.execute_sql("SELECT id FROM customer ORDER BY random() LIMIT ?", (SAMPLES,))
    ]
    out.append(("profile + last 50 purchases", 10.0, [_profiler(i) for i in ids]))
    heavy = [
        r[0]
        for r in db.execute_sql(
            "SELECT customer_id FROM purchase GROUP BY customer_id ORDER BY count(*) DESC LIMIT 30"
        )
    ]
    out.append(("profile, heaviest customers", 50.0, [_profiler(i) for i in heavy]))
    return out


@contextmanager
def _bound(db: Database) -> Iterator[None]:
    previous = database.obj
    database.initialize(db)
    try:
        yield
    finally:
        database.initialize(previous)


def measure(ctx: Context, plain: Database) -> list[Figure]:
    """Run every workload on the encrypted pharmacy and on the plain copy."""
    plain_ctx = Context(plain, Path(plain.database), ctx.account, ctx.clock)
    figures = []
    for name, target, items in workloads(ctx.db):
        encrypted = _timings(ctx, items)
        with _bound(plain):
            unencrypted = _timings(plain_ctx, items)
        figures.append(
            Figure(
                name, len(items), statistics.median(encrypted), _percentile(encrypted, 0.95),
                statistics.median(unencrypted), _percentile(unencrypted, 0.95), target,
            )
        )  # fmt: skip
    return figures


def format_table(figures: list[Figure]) -> str:
    header = (
        f"{'operation':<30} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'plain p50':>10} "
        f"{'plain p95':>10} {'enc/plain':>9} {'target p95':>11}  ok"
    )
    lines = [header, "-" * len(header)]
    for f in figures:
        lines.append(
            f"{f.name:<30} {f.count:>5} {f.p50_ms:>8.2f} {f.p95_ms:>8.2f} {f.plain_p50_ms:>10.2f} "
            f"{f.plain_p95_ms:>10.2f} {f.ratio:>9.2f} {'< ' + format(f.target_ms, 'g'):>11}  "
            f"{'yes' if f.within_target else 'NO'}"
        )
    return "\n".join(lines)
