"""What every subcommand shares: finding the database, the account and its password, output."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pharmadesk import paths
from pharmadesk.errors import AuthenticationError, DatabaseUnavailable
from pharmadesk.services import instance, vault
from pharmadesk.services.context import Context

USER_ENV = "PHARMADESK_USER"
PASSPHRASE_ENV = "PHARMADESK_PASSPHRASE"
DEFAULT_USER = "owner"


def account_name() -> str:
    return os.environ.get(USER_ENV) or DEFAULT_USER


def password(
    env: str = PASSPHRASE_ENV, *, prompt: str = "Password: ", confirm: bool = False
) -> str:
    """From the environment, else a prompt on a terminal, else refused at once (exit 3)."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthenticationError(f"no password available: set {env} or run in a terminal")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the password: ") != value:
        raise AuthenticationError("the two passwords differ")
    if not value:
        raise AuthenticationError("no password given")
    return value


def database_path(args: argparse.Namespace) -> Path:
    path = paths.resolve_db(getattr(args, "db", None))
    if path is None:
        raise DatabaseUnavailable(
            "no pharmacy database chosen: use --db PATH or PHARMADESK_DB, "
            "or create one with `pharmadesk init` or `pharmadesk demo`"
        )
    return path


def open_pharmacy(args: argparse.Namespace) -> Context:
    """Unlock the chosen pharmacy as PHARMADESK_USER and remember it as the last opened."""
    path = database_path(args)
    if not path.exists():
        raise DatabaseUnavailable(f"no pharmacy database at {path}")
    # Exit 6 while a window (or another command) uses it, naming who does.
    lock = instance.hold(path, program=_command_name(args), account=account_name())
    try:
        ctx = vault.open_pharmacy(
            path, user=account_name(), password=password(), via=_command_name(args)
        )
    except BaseException:
        lock.release()
        raise
    ctx.closers.append(lock.release)
    paths.remember_opened(path)
    return ctx


@contextlib.contextmanager
def opened(args: argparse.Namespace) -> Iterator[Context]:
    """`open_pharmacy`, closed (and its lock released) when the block ends."""
    ctx = open_pharmacy(args)
    try:
        yield ctx
    finally:
        ctx.close()


@contextlib.contextmanager
def holding(path: Path, *, program: str = "command") -> Iterator[None]:
    """The single-instance lock of `path` for a command that opens it another way."""
    if not path.exists():
        raise DatabaseUnavailable(f"no pharmacy database at {path}")
    lock = instance.hold(path, program=program, account=account_name())
    try:
        yield
    finally:
        lock.release()


def _command_name(args: argparse.Namespace) -> str:
    words = [getattr(args, "command", None), getattr(args, "action", None)]
    return "command " + " ".join(w for w in words if w)


def print_json_lines(objects: Iterable[dict[str, Any]]) -> None:
    for obj in objects:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell + " " * (w - display_width(cell)) for cell, w in zip(cells, widths, strict=True)
        ]
        return "  ".join(padded).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
