"""`pharmadesk backup [--to DIR]` and `pharmadesk restore BACKUP`.

`backup` prints the new file's path alone on stdout. `restore` needs only the backup file
and an owner's password for it (checked against the backup's own key file), so it works
when the current database is damaged or gone; the current database is kept aside.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pharmadesk import paths
from pharmadesk.commands import common
from pharmadesk.services import backups, instance


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    backup = subparsers.add_parser(
        "backup", parents=[parent], help="write one verified, encrypted backup file",
        description="Write one backup file (the encrypted database and its key file, verified "
        "after writing) and print its path. The folder is the owner's chosen backup folder "
        "unless --to says otherwise; older backups there are rotated (all of the last 24 hours, "
        "then 7 daily, 4 weekly, 12 monthly; files under other names are never deleted).",
    )  # fmt: skip
    backup.add_argument("--to", metavar="DIR", help="the folder to write the backup into")
    backup.set_defaults(run=run_backup)
    restore = subparsers.add_parser(
        "restore", parents=[parent], help="replace the database with a backup",
        description="Replace the pharmacy database with BACKUP. The account (PHARMADESK_USER) "
        "must be an owner in the backup, and its password (PHARMADESK_PASSPHRASE) the one it "
        "had when the backup was made. The current database and its key file are kept beside "
        "it as <name>.before-restore-<date>-<time>.",
    )  # fmt: skip
    restore.add_argument("backup", metavar="BACKUP", help="a .pdbackup file")
    restore.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    folder = Path(args.to) if args.to else None
    with common.opened(args) as ctx:
        info = backups.make_backup(ctx, folder)
    print(info.path, flush=True)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    # Restoring onto a new PC: no database chosen yet means the default place.
    target = paths.resolve_db(getattr(args, "db", None)) or paths.default_pharmacy_path()
    source = Path(args.backup)
    # Not a backup, or another pharmacy's: refused before asking for a password.
    backups.refuse_another_pharmacy(backups.read_backup(source), target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Exit 6 while a window (or another command) uses it, naming who does.
    lock = instance.hold(target, program="command restore", account=common.account_name())
    try:
        outcome = backups.restore(
            source, target, user=common.account_name(), password=common.password()
        )
    finally:
        lock.release()
    paths.remember_opened(target)
    info = outcome.info
    rows = ", ".join(
        f"{info.counts.get(table, 0)} {label}"
        for table, label in (("customer", "customers"), ("purchase", "purchase lines"))
    )
    print(
        f"Restored the backup made {info.made_at:%Y-%m-%d %H:%M} by {info.made_by} "
        f"({rows}) into {target}"
    )
    if outcome.kept_aside is not None:
        print(f"The database it replaced is kept as {outcome.kept_aside}")
    return 0
