"""`pharmadesk report --month YYYY-MM OUT.pdf`: the month report, headless.

Prints the PDF's path. Only the owner may (exit 4), as only the owner sees the dashboard.
Wrong usage (a month that is not YYYY-MM, a month not begun yet, a
name not ending in .pdf) is exit 2 before the pharmacy is opened; a file that cannot be
written is exit 1 and leaves nothing behind. The report holds totals and product lists, no
customer's personal data.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from pharmadesk.commands import common
from pharmadesk.errors import OperationFailed, UsageError
from pharmadesk.services.context import local_now

MONTH = re.compile(r"(\d{4})-(\d{2})")


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[parent],
        help="write the month report (PDF)",
        description="Write the month report, an A4 PDF ready to print, in the --lang "
        "language: the month's figures against the month before, every chart, and the top "
        "products and categories.",
    )
    parser.add_argument("--month", required=True, type=_month, metavar="YYYY-MM",
                        help="the month to report on")  # fmt: skip
    parser.add_argument("target", metavar="OUT.pdf", type=Path)
    parser.set_defaults(run=run)


def _month(text: str) -> date:
    match = MONTH.fullmatch(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text}")
    return date(int(match.group(1)), int(match.group(2)), 1)


def run(args: argparse.Namespace) -> int:
    from pharmadesk.io.month_report import write_month_report
    from pharmadesk.io.report import report_language
    from pharmadesk.services import analytics, vault
    from pharmadesk.services.analytics.results import month_of
    from pharmadesk.services.permissions import Operation, require

    target = _target(args.target)
    if args.month > local_now().date():
        raise UsageError(f"{args.month:%Y-%m} has not begun yet")
    ctx = common.open_pharmacy(args)
    try:
        require(ctx, Operation.ANALYTICS)
        dash = analytics.dashboard(ctx, month_of(args.month))
        name = vault.pharmacy_name(ctx)
        today = ctx.today()
    finally:
        ctx.close()
    lang = report_language(getattr(args, "lang", None))
    written = write_month_report(dash, target, lang=lang, pharmacy_name=name, made_on=today)
    print(written.resolve(), flush=True)
    return 0


def _target(path: Path) -> Path:
    if path.suffix.lower() != ".pdf":
        raise UsageError(f"the report is a PDF: name it something.pdf, not {path.name}")
    if not path.parent.is_dir():
        raise OperationFailed(f"no folder {path.parent} to write the report in")
    return path
