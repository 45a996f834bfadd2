"""`pharmadesk check`: one line per check; exit 1 naming the first problem (5: cannot open)."""

from __future__ import annotations

import argparse

from pharmadesk.commands import common
from pharmadesk.errors import OperationFailed
from pharmadesk.services import checks


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "check", parents=[parent], help="check the database and its audit log",
        description="Check the encrypted database page by page, its structure, schema and "
        "links, the summaries kept for the dashboard against the purchase lines, the points "
        "ledger, and that the audit log's hash chain is unbroken. Exit 1 names the first "
        "problem; exit 5 when the database cannot be opened at all.",
    )  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = []
    with common.opened(args) as ctx:
        for result in checks.results(ctx):  # each line as its check ends: a big file takes a while
            print(f"{result.name}: {'ok' if result.passed else 'PROBLEM'}", flush=True)
            if not result.passed:
                failed.append(result)
    if failed:
        raise OperationFailed(f"{failed[0].name}: {failed[0].problem}")
    return 0
