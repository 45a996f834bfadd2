"""`pharmadesk demo`: create (once) and open the demo pharmacy of synthetic customers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pharmadesk import paths
from pharmadesk.db import keyfile
from pharmadesk.db.keyfile import key_file_path
from pharmadesk.errors import DatabaseUnavailable, OperationFailed, PharmaDeskError
from pharmadesk.services import accounts, instance, settings, stats, vault
from pharmadesk.services.context import Context, local_now

DEMO_USER = "owner"
DEMO_PASSWORD = "demo"  # documented: the demo pharmacy is synthetic
DEMO_OTHER_ACCOUNTS = ("pharmacist", "staff")  # named after their roles
DEFAULT_CUSTOMERS = 2000
DEFAULT_SEED = 1
PARAMETERS_KEY = "demo.parameters"


@dataclass(frozen=True)
class DemoParameters:
    customers: int
    seed: int
    created_on: str


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "demo",
        parents=[parent],
        help="create (once) and open the demo pharmacy",
        description="Create (once) and open a demo pharmacy with realistic synthetic data. "
        f"Its owner account is '{DEMO_USER}' with the password '{DEMO_PASSWORD}'. An existing "
        "demo is reused; --fresh recreates it.",
    )
    parser.add_argument("--customers", type=_count, help=f"default {DEFAULT_CUSTOMERS}")
    parser.add_argument("--seed", type=int, help=f"default {DEFAULT_SEED}")
    parser.add_argument("--fresh", action="store_true", help="delete the demo and make it anew")
    parser.add_argument(
        "--no-gui", action="store_true", help="print the demo's path and a summary only"
    )
    parser.set_defaults(run=run)


def _count(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("must be 1 to 1,000,000")
    return value


def run(args: argparse.Namespace) -> int:
    path = paths.chosen_db(getattr(args, "db", None)) or paths.default_demo_path()
    # Held before anything is opened or (with --fresh) deleted: a window on this demo, or
    # another command, keeps it (exit 6).
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = instance.hold(path, program="demo")
    try:
        ctx = ensure_demo(path, customers=args.customers, seed=args.seed, fresh=args.fresh)
    except BaseException:
        lock.release()
        raise
    ctx.closers.append(lock.release)
    try:
        summary = _summary(ctx)
        paths.remember_opened(path)
        print(path)
        print(summary)
        print(f"Owner account: {DEMO_USER}  password: {DEMO_PASSWORD}", flush=True)
        if _has_role_accounts(ctx):
            others = ", ".join(DEMO_OTHER_ACCOUNTS)
            print(f"Also the accounts {others}, each with the password {DEMO_PASSWORD}")
        if args.no_gui:
            return 0
        from pharmadesk import app

        return app.run_gui(db=path, lang=getattr(args, "lang", None), user=DEMO_USER,
                           context=ctx, lock=lock)  # fmt: skip
    finally:
        ctx.close()


def ensure_demo(
    path: Path, *, customers: int | None, seed: int | None, fresh: bool, today: date | None = None
) -> Context:
    """The demo at `path`, created if absent (or if `fresh`), refusing other parameters."""
    if path.exists() or key_file_path(path).exists():
        existing = _open_existing(path)
        params = _parameters(existing)
        if not fresh:
            _refuse_different(path, params, customers, seed)
            return existing
        existing.close()
        _delete(path)
    return _create(
        path,
        customers=customers or DEFAULT_CUSTOMERS,
        seed=DEFAULT_SEED if seed is None else seed,
        today=today or local_now().date(),
    )


def _open_existing(path: Path) -> Context:
    try:
        return vault.open_pharmacy(path, user=DEMO_USER, password=DEMO_PASSWORD)
    except DatabaseUnavailable:
        raise  # damaged or not a database at all: exit 5, as for every command
    except PharmaDeskError as exc:
        raise OperationFailed(
            f"{path} exists and is not a demo pharmacy ({exc.message}); nothing was changed"
        ) from None


def _parameters(ctx: Context) -> DemoParameters:
    raw = settings.get(ctx, PARAMETERS_KEY)
    if not isinstance(raw, dict):
        ctx.close()
        raise OperationFailed(f"{ctx.path} is not a demo pharmacy; nothing was changed")
    return DemoParameters(int(raw["customers"]), int(raw["seed"]), str(raw["created_on"]))


def _refuse_different(
    path: Path, params: DemoParameters, customers: int | None, seed: int | None
) -> None:
    if (customers is not None and customers != params.customers) or (
        seed is not None and seed != params.seed
    ):
        raise OperationFailed(
            f"the demo at {path} has {params.customers} customers (seed {params.seed}); "
            "add --fresh to recreate it with other parameters"
        )


def _has_role_accounts(ctx: Context) -> bool:
    # Demos made before the accounts issue have the owner only.
    return keyfile.KeyFile.load(key_file_path(ctx.path)).has_account(DEMO_OTHER_ACCOUNTS[-1])


def _delete(path: Path) -> None:
    for leftover in (path, key_file_path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def _create(path: Path, *, customers: int, seed: int, today: date) -> Context:
    from pharmadesk.services import demo

    created = vault.create_pharmacy(
        path, owner=DEMO_USER, password=DEMO_PASSWORD, pharmacy_name="演示药房 Demo Pharmacy"
    )
    ctx = created.context
    try:
        demo.populate(ctx, customers=customers, seed=seed, today=today, progress=_progress())
        for name in DEMO_OTHER_ACCOUNTS:  # to try what each role may do
            accounts.add(ctx, name, role=name, password=DEMO_PASSWORD)
    except BaseException:
        ctx.close()
        _delete(path)
        raise
    return ctx


def _progress() -> Callable[[str, int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def report(stage: str, done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{stage}: {done:,}/{total:,}", end=end, file=sys.stderr, flush=True)

    return report


def _summary(ctx: Context) -> str:
    params = _parameters(ctx)
    found = stats.counts(ctx)
    return (
        f"Demo pharmacy: {found.customers:,} customers, {found.purchase_lines:,} purchase "
        f"lines, {found.products:,} products, {found.interactions:,} interactions "
        f"({found.open_follow_ups:,} open follow-ups); created {params.created_on} "
        f"with seed {params.seed}"
    )
