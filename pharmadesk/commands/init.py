"""`pharmadesk init`: create a new encrypted pharmacy database and its owner account."""

from __future__ import annotations

import argparse
import sys

from pharmadesk import paths
from pharmadesk.commands import common
from pharmadesk.services import vault


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "init",
        parents=[parent],
        help="create a new encrypted pharmacy database",
        description="Create a new encrypted pharmacy database and its owner account. "
        "Never overwrites: an existing file is an error. The owner's password comes from "
        "PHARMADESK_PASSPHRASE or a prompt.",
    )
    parser.add_argument("--owner", default=common.DEFAULT_USER, help="owner account name")
    parser.add_argument("--name", default="", help="the pharmacy's name")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = paths.chosen_db(getattr(args, "db", None)) or paths.default_pharmacy_path()
    vault.refuse_existing(path)
    secret = common.password(prompt="New owner password: ", confirm=True)
    created = vault.create_pharmacy(
        path, owner=args.owner, password=secret, pharmacy_name=args.name
    )
    created.context.close()
    paths.remember_opened(path)
    print(f"Created {path}")
    print(f"Owner account: {args.owner}")
    print(f"Recovery code (shown once; print it and keep it safe): {created.recovery_code}")
    sys.stdout.flush()
    return 0
