"""`pharmadesk users`: accounts headless (add, list, passwd, role, remove, lift-wait, recover).

`users add NAME --role R` is the contract of the design notes; the others are additions for
a pharmacy run from scripts. New passwords come from PHARMADESK_NEW_PASSWORD or a prompt,
the recovery code from PHARMADESK_RECOVERY_CODE or a prompt.
"""

from __future__ import annotations

import argparse
import os
import sys

from pharmadesk.commands import common
from pharmadesk.errors import AuthenticationError
from pharmadesk.services import accounts
from pharmadesk.services.context import ROLES

NEW_PASSWORD_ENV = "PHARMADESK_NEW_PASSWORD"
RECOVERY_CODE_ENV = "PHARMADESK_RECOVERY_CODE"


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "users", parents=[parent], help="manage accounts (owner)",
        description="Manage the pharmacy's accounts. Signed in as PHARMADESK_USER; all but "
        "passwd (your own password) and recover are the owner's.",
    )  # fmt: skip
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", parents=[parent], help="add an account")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=ROLES, required=True)
    add.set_defaults(run=run_add)
    listed = actions.add_parser("list", parents=[parent], help="list the accounts")
    listed.set_defaults(run=run_list)
    passwd = actions.add_parser(
        "passwd", parents=[parent],
        help="change your own password, or (owner) set another account's",
    )  # fmt: skip
    passwd.add_argument("name", metavar="NAME", nargs="?")
    passwd.set_defaults(run=run_passwd)
    role = actions.add_parser("role", parents=[parent], help="change an account's role")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(run=run_role)
    remove = actions.add_parser("remove", parents=[parent], help="remove an account")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=run_remove)
    lift = actions.add_parser(
        "lift-wait", parents=[parent], help="let an account try its password again now"
    )
    lift.add_argument("name", metavar="NAME")
    lift.set_defaults(run=run_lift_wait)
    recover = actions.add_parser(
        "recover", parents=[parent],
        help="set a new owner password with the recovery code (no password needed)",
    )  # fmt: skip
    recover.add_argument("--owner", metavar="NAME", help="the owner account (default: the first)")
    recover.set_defaults(run=run_recover)


def _new_password(prompt: str = "New password: ") -> str:
    return common.password(NEW_PASSWORD_ENV, prompt=prompt, confirm=True)


def run_add(args: argparse.Namespace) -> int:
    with common.opened(args) as ctx:
        added = accounts.add(ctx, args.name, role=args.role, password=_new_password())
    print(f"Added {added.name} ({added.role})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with common.opened(args) as ctx:
        found = accounts.list_accounts(ctx)
    rows = [
        [
            a.name, a.role, "active" if a.active else "removed", str(a.failures),
            a.waiting_until.isoformat(timespec="seconds") if a.waiting_until else "",
        ]
        for a in found
    ]  # fmt: skip
    common.print_table(["name", "role", "status", "wrong passwords", "waiting until"], rows)
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    with common.opened(args) as ctx:
        if args.name is None or args.name.casefold() == ctx.account.name.casefold():
            # The current password was given to sign in; asking again proves it is typed now.
            accounts.change_own_password(
                ctx, old=common.password(prompt="Current password: "), new=_new_password()
            )
            name = ctx.account.name
        else:
            accounts.set_password(ctx, args.name, _new_password())
            name = args.name
    print(f"New password set for {name}")
    return 0


def run_role(args: argparse.Namespace) -> int:
    with common.opened(args) as ctx:
        changed = accounts.set_role(ctx, args.name, args.role)
    print(f"{changed.name} is now {changed.role}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with common.opened(args) as ctx:
        accounts.remove(ctx, args.name)
    print(f"Removed {args.name}; their history stays in the audit log")
    return 0


def run_lift_wait(args: argparse.Namespace) -> int:
    with common.opened(args) as ctx:
        accounts.lift_wait(ctx, args.name)
    print(f"{args.name} may try again now")
    return 0


def run_recover(args: argparse.Namespace) -> int:
    path = common.database_path(args)
    code = os.environ.get(RECOVERY_CODE_ENV)
    if not code:
        if not sys.stdin or not sys.stdin.isatty():
            raise AuthenticationError(
                f"no recovery code available: set {RECOVERY_CODE_ENV} or run in a terminal"
            )
        code = input("Recovery code: ")
    with common.holding(path):
        ctx = accounts.recover_owner(
            path, recovery_code=code, new_password=_new_password("New owner password: "),
            owner=args.owner,
        )  # fmt: skip
        name = ctx.account.name
        ctx.close()
    print(f"New password set for the owner {name}")
    return 0
