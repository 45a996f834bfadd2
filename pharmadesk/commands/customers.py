"""`pharmadesk customers search|list`: the counter search and the customer list, headless."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from pharmadesk.commands import common
from pharmadesk.services import audit, customers, search
from pharmadesk.services.customers import CustomerRecord


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser("customers", parents=[parent], help="search or list customers")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    found = actions.add_parser(
        "search",
        parents=[parent],
        help="find customers as the counter search does",
        description="Find customers by mobile (full, partial or last 4 digits), member code, "
        "name or part of it, or pinyin (full or initials). Best matches first.",
    )
    found.add_argument("query", metavar="QUERY")
    found.add_argument("--limit", type=_positive, default=search.DEFAULT_LIMIT)
    found.add_argument("--json", action="store_true", help="one JSON object per line")
    found.set_defaults(run=run_search)
    listed = actions.add_parser(
        "list", parents=[parent], help="list every customer", description="List every customer."
    )
    listed.add_argument("--json", action="store_true", help="one JSON object per line")
    listed.set_defaults(run=run_list)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def run_search(args: argparse.Namespace) -> int:
    ctx = common.open_pharmacy(args)
    try:
        ids = [customer_id for customer_id, _ in search.find_ids(ctx, args.query, limit=args.limit)]
        _print(customers.get_many(ctx, ids), args.json)
    finally:
        ctx.close()
    return 0


def run_list(args: argparse.Namespace) -> int:
    ctx = common.open_pharmacy(args)
    try:
        listed = _print(customers.list_customers(ctx), args.json)
        with ctx.db.atomic():  # the whole file printed is an export of personal data
            audit.record(ctx, "export.customers_listed", entity="export",
                         details={"rows": listed, "json": bool(args.json)})  # fmt: skip
    finally:
        ctx.close()
    return 0


def _print(records: Iterable[CustomerRecord], as_json: bool) -> int:
    """Print the records; returns how many."""
    if as_json:
        count = 0
        for record in records:
            common.print_json_lines([customers.to_json(record)])
            count += 1
        return count
    rows = [_row(r) for r in records]
    common.print_table(["code", "name", "gender", "mobile", "born", "last purchase"], rows)
    return len(rows)


def _row(record: CustomerRecord) -> list[str]:
    born = record.birth_date.isoformat() if record.birth_date else ""
    if not born and record.birth_year:
        born = f"~{record.birth_year}"
    last = record.last_purchase.isoformat() if record.last_purchase else ""
    return [record.code or "", record.name, record.gender or "", record.mobile or "", born, last]
