"""`pharmadesk export`: the Excel export, headless.

Prints the file's path, then one line per sheet with its row count. Wrong usage (an unknown
--what, a date that is not YYYY-MM-DD, --to before --from, a name not ending in .xlsx) is
exit 2 before anything is opened; a file that cannot be written is exit 1 and leaves
nothing behind.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from pharmadesk.commands import common
from pharmadesk.errors import UsageError
from pharmadesk.io.export_labels import DEFAULT_WHAT, WHAT
from pharmadesk.services.analytics.results import SEGMENTS


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[parent],
        help="export customers, purchases, interactions or analytics to Excel",
        description="Write an Excel workbook (.xlsx) with headers in the --lang language. The "
        "file holds personal data in plain text, outside the encrypted database: every export "
        "is recorded in the audit log with its purpose and row counts. Lists cover all time "
        "unless --from/--to are given (purchases and interactions of those days); the "
        "analytics sheets use --from/--to as a custom period, else the last full month.",
    )
    parser.add_argument("target", metavar="OUT.xlsx", type=Path)
    parser.add_argument(
        "--what", type=_what, default=DEFAULT_WHAT, metavar=",".join(WHAT),
        help="what to export, comma-separated (default: customers)",
    )  # fmt: skip
    parser.add_argument(
        "--from", dest="date_from", type=_day, metavar="YYYY-MM-DD",
        help="first day (default: all time; analytics: the last full month)",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="date_to", type=_day, metavar="YYYY-MM-DD",
        help="last day, included (default: today)",
    )  # fmt: skip
    parser.add_argument(
        "--purpose", metavar="TEXT",
        help="why the data leaves the database (recorded in the audit log)",
    )  # fmt: skip
    chosen = parser.add_argument_group("which customers (customers sheet only)")
    chosen.add_argument("--segment", choices=SEGMENTS,
                        help="an RFM segment as of the analytics period's last day")  # fmt: skip
    chosen.add_argument("--visited-after", type=_day, metavar="YYYY-MM-DD",
                        help="last purchase on or after this day")  # fmt: skip
    chosen.add_argument("--visited-before", type=_day, metavar="YYYY-MM-DD",
                        help="last purchase on or before this day")  # fmt: skip
    chosen.add_argument("--category", metavar="NAME",
                        help="bought a product of this category (within --from/--to)")  # fmt: skip
    chosen.add_argument("--for-contact", action="store_true",
                        help="a list for contacting people: only customers who gave contact "
                        "(marketing) consent; the others are left out and counted")  # fmt: skip
    parser.set_defaults(run=run)


def _what(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [part for part in chosen if part not in WHAT]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown {','.join(unknown) or '(nothing)'}; choose from {','.join(WHAT)}"
        )
    return chosen


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def run(args: argparse.Namespace) -> int:
    from pharmadesk.io import export, report

    request = export.ExportRequest(
        what=args.what,
        date_from=args.date_from,
        date_to=args.date_to,
        customers=export.CustomerFilter(
            segment=args.segment, visited_after=args.visited_after,
            visited_before=args.visited_before, category=args.category,
            for_contact=args.for_contact,
        ),
        purpose=args.purpose,
        language=report.report_language(getattr(args, "lang", None)),
    )  # fmt: skip
    request.check()  # wrong usage is exit 2 before any password is asked
    if args.target.suffix.lower() != export.SUFFIX:
        raise UsageError(f"{args.target.name}: an Excel export is a {export.SUFFIX} file")
    ctx = common.open_pharmacy(args)
    try:
        result = export.export(ctx, args.target, request)
    finally:
        ctx.close()
    print(result.path)
    for sheet, rows in result.rows.items():
        print(f"{sheet}: {rows} rows")
    if request.customers.for_contact:
        print(f"left out (no contact consent): {result.left_out}")
    if result.period is not None:
        print(f"analytics period: {result.period.start} to {result.period.end}", flush=True)
    return 0
