"""`pharmadesk import` and `pharmadesk undo-import`: card files in, batches out, headless.

The same engine as the import wizard: automatic header and column mapping, five outcomes per
row, one batch per file. Exit 0 when a file was imported (even if rows were rejected), 1 when
a file cannot be imported at all or was imported before (without --again).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pharmadesk import logs
from pharmadesk.commands import common
from pharmadesk.errors import UsageError
from pharmadesk.services.context import Context

KINDS = ("customers", "purchases", "cards")
log = logging.getLogger(__name__)


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[parent],
        help="import customers from card files (xlsx, xls, ods, csv)",
        description="Import customers from spreadsheets of paper registration cards. Each file "
        "is one batch; every row ends imported, merged, flagged, skipped or rejected.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument(
        "--kind", default="customers",
        help="customers (card files, the default), purchases (purchase lines) or cards "
        "(scanned cards: PNG, JPEG, TIFF, PDF or a folder of them; --dry-run only)",
    )  # fmt: skip
    parser.add_argument("--sheet", help="the sheet to read (default: the first)")
    parser.add_argument("--dry-run", action="store_true", help="show the outcomes, write nothing")
    parser.add_argument(
        "--on-duplicate", choices=("merge", "skip", "new"), default="merge",
        help="a customer already on file: fill their empty fields (default), skip the row, "
        "or add a new customer",
    )  # fmt: skip
    parser.add_argument("--report", type=Path, metavar="OUT.xlsx",
                        help="write every row not simply imported, with its reason")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="one JSON object per file")
    parser.add_argument("--again", action="store_true", help="import a file imported before")
    parser.set_defaults(run=run_import)

    undo = subparsers.add_parser(
        "undo-import",
        parents=[parent],
        help="undo an import batch",
        description="Remove the customers an import batch created and restore the fields its "
        "merges filled. Customers edited since the import are kept unless --discard-edited.",
    )
    undo.add_argument("batch_id", type=int, metavar="BATCH_ID")
    choice = undo.add_mutually_exclusive_group()
    choice.add_argument("--keep-edited", dest="keep", action="store_true", default=True)
    choice.add_argument("--discard-edited", dest="keep", action="store_false")
    undo.set_defaults(run=run_undo)


def run_import(args: argparse.Namespace) -> int:
    if args.kind not in KINDS:
        raise UsageError(f"--kind {args.kind} is unknown; use customers, purchases or cards")
    if args.kind == "cards":
        return _read_cards(args)
    if args.report is not None and len(args.files) > 1:
        raise UsageError("--report takes one file at a time")
    ctx = common.open_pharmacy(args)
    try:
        for path in args.files:
            _import_one(ctx, path, args)
    finally:
        ctx.close()
    return 0


def _read_cards(args: argparse.Namespace) -> int:
    from pharmadesk.commands import card_dry_run

    if not args.dry_run:
        raise UsageError(card_dry_run.ONLY_DRY_RUN)
    ctx = common.open_pharmacy(args)
    try:
        return card_dry_run.run(ctx, args)
    finally:
        ctx.close()


def _import_one(ctx: Context, path: Path, args: argparse.Namespace) -> None:
    from pharmadesk.io import customer_import, files, import_batches, purchase_import, report

    table = files.read_table(path, sheet=args.sheet)
    plan: customer_import.ImportPlan | purchase_import.PurchasePlan
    batch_id = None
    if args.kind == "purchases":
        plan = purchase_import.plan(ctx, table)
        if not args.dry_run:
            batch_id = purchase_import.commit(ctx, plan, again=args.again)
    else:
        plan = customer_import.plan(ctx, table, policy=args.on_duplicate)
        if not args.dry_run:
            batch_id = import_batches.commit(ctx, plan, again=args.again)
            import_batches.settle(ctx)  # before the next file, not only at the close
    if args.report is not None:
        report.write(ctx, plan, args.report, language=getattr(args, "lang", None))
    counts = plan.counts()
    # The file by suffix and hash: card files are often named after a customer.
    log.info("import of a %s: batch %s, %s", logs.file_token(path), batch_id, counts)
    if args.json:
        print(json.dumps({**counts, "batch_id": batch_id}, ensure_ascii=False), flush=True)
        return
    done = "would import" if args.dry_run else f"batch {batch_id}:"
    summary = ", ".join(f"{counts[k]} {k}" for k in customer_import.OUTCOMES)
    print(f"{path.name}: {done} {counts['data_rows']} data rows: {summary}", flush=True)
    for row in plan.rows:
        if row.outcome != "imported":
            sys.stdout.write(f"  row {row.number}: {row.outcome}: {row.reason}\n")


def run_undo(args: argparse.Namespace) -> int:
    from pharmadesk.io import import_batches

    ctx = common.open_pharmacy(args)
    try:
        result = import_batches.undo(ctx, args.batch_id, keep_edited=args.keep)
    finally:
        ctx.close()
    kept = f"; kept {len(result.kept_edited)} edited since" if result.kept_edited else ""
    points = (
        f"; {result.reversed_points} opening points balances reversed"
        if result.reversed_points
        else ""
    )
    print(
        f"batch {result.batch_id} undone: {result.removed_customers} customers removed, "
        f"{result.restored_fields} merged fields restored{kept}{points}"
    )
    return 0
