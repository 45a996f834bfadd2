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
        description="Check the encrypted database page by page, its structure and links, and "
        "that the audit log's hash chain is unbroken. Exit 1 names the first problem.",
    )  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with common.opened(args) as ctx:
        results = checks.run(ctx)
    for result in results:
        print(f"{result.name}: {'ok' if result.passed else 'PROBLEM'}", flush=True)
    failed = [r for r in results if not r.passed]
    if failed:
        raise OperationFailed(f"{failed[0].name}: {failed[0].problem}")
    return 0
