"""`pharmadesk reminders`: who is due for a refill or repurchase, and why."""

from __future__ import annotations

import argparse
from datetime import date

from pharmadesk.commands import common
from pharmadesk.errors import UsageError
from pharmadesk.services import reminders

MAX_DAYS = 3650  # ten years ahead: further is no reminder, and the calendar ends


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "reminders", parents=[parent], help="refills and repurchases due, with the reason",
        description="List every customer-item (a product bought on three or more days, or "
        "a category) whose personal cycle makes it due on or before today + DAYS: due, "
        "overdue, or lapsing (more than 1.5 cycles since the last purchase). Only "
        "customers who consented to contact are listed.",
    )  # fmt: skip
    parser.add_argument("--days", type=int, default=reminders.DEFAULT_DAYS, metavar="N",
                        help=f"days ahead, 0 to {MAX_DAYS} (default 7)")  # fmt: skip
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the day to count from")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.days <= MAX_DAYS:
        raise UsageError(f"--days must be 0 to {MAX_DAYS}, not {args.days}")
    today = None
    if args.today:
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            raise UsageError(f"--today must be a date like 2026-11-22, not {args.today}") from None
        if (date.max - today).days < args.days + 1:  # the horizon and the day after it
            raise UsageError(f"--today {args.today} with --days {args.days} runs past the calendar")
    language = getattr(args, "lang", None) or "en"
    with common.opened(args) as ctx:
        found = reminders.due(ctx, days=args.days, today=today)
    if args.json:
        common.print_json_lines(r.to_json(language) for r in found)
        return 0
    rows = [
        [r.status, r.customer_name, r.mobile or "", r.item, r.due_date.isoformat(),
         r.reason(language)]
        for r in found
    ]  # fmt: skip
    common.print_table(["status", "customer", "mobile", "item", "due", "reason"], rows)
    return 0
