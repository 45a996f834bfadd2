"""`pharmadesk bench`: build (or reuse) a large demo and print the counter's timings."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import cast

from peewee import Database

from pharmadesk import paths
from pharmadesk.commands.demo import ensure_demo
from pharmadesk.db.connection import export_plain_copy, open_plain_for_benchmark
from pharmadesk.db.migrations import schema_version

BENCH_CUSTOMERS = 200_000
BENCH_SEED = 1


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "bench",
        parents=[parent],
        help="measure the counter's speed on a large demo",
        description="Build (once, in the user's cache folder) a demo pharmacy of N customers "
        "and print p50/p95 timings of each kind of counter search and of opening a profile, "
        "encrypted and on an unencrypted copy of the same synthetic data.",
    )
    parser.add_argument("--customers", type=int, default=BENCH_CUSTOMERS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pharmadesk.services import bench

    base = paths.bench_demo_path()
    path = base.with_name(f"bench-{args.customers}.db")
    print(f"benchmark pharmacy: {path}", flush=True)
    started = time.perf_counter()
    ctx = ensure_demo(path, customers=args.customers, seed=BENCH_SEED, fresh=False)
    print(f"ready in {time.perf_counter() - started:.1f} s", flush=True)
    plain_path = path.with_name(path.stem + "-plain.db")
    try:
        plain = _plain_copy(ctx.db, plain_path)
        try:
            figures = bench.measure(ctx, plain)
        finally:
            plain.close()
    finally:
        ctx.close()
    print(bench.format_table(figures))
    return 0


def _plain_copy(db: Database, plain_path: Path) -> Database:
    """The unencrypted copy, made anew when the encrypted pharmacy's schema has moved on."""
    if plain_path.exists():
        plain = open_plain_for_benchmark(plain_path)
        if schema_version(plain) == schema_version(db):
            return cast(Database, plain)
        plain.close()
        plain_path.unlink()
    export_plain_copy(db, plain_path)
    return cast(Database, open_plain_for_benchmark(plain_path))
