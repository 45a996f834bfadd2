"""The `pharmadesk` command: the GUI without a subcommand, headless subcommands with one.

Exit status follows the contract in the design notes: 0 success, 1 the operation failed,
2 wrong usage, 3 authentication, 4 refused by role, 5 database cannot be opened, 6 in use.
Every failure is one line on stderr, never a traceback (PHARMADESK_DEBUG=1 shows it); the
traceback of an unexpected one goes to the log file, which the line names (see logs.py).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from pharmadesk import __version__, logs
from pharmadesk.commands import (
    backup,
    bench,
    check,
    customers,
    demo,
    export,
    imports,
    init,
    reminders,
    report,
    users,
)
from pharmadesk.errors import PharmaDeskError

LANGUAGES = ("zh_CN", "en")
log = logging.getLogger(__name__)
PROG = "pharmadesk"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit 2) as the contract asks."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _global_options() -> argparse.ArgumentParser:
    # SUPPRESS lets the same options stand before or after the subcommand.
    parent = _Parser(add_help=False)
    parent.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help="the pharmacy database file"
    )
    parent.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language (zh_CN or en)"
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parent = _global_options()
    parser = _Parser(
        prog=PROG,
        parents=[parent],
        description="PharmaDesk: the customer files of one pharmacy, offline and encrypted. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--selftest", action="store_const", dest="run", const=_selftest,
        help="check this installation offscreen on a temporary demo pharmacy, then exit",
    )  # fmt: skip
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (demo, init, customers, imports, export, report, reminders, users, backup,
                   check, bench):  # fmt: skip
        module.add_parser(subparsers, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    self_test = getattr(args, "run", None) is _selftest
    started = getattr(args, "command", None) or ("selftest" if self_test else "window")
    with logs.session(started=started):
        code = _dispatch(args)
        log.info("%s ended with exit status %d", started, code)
        return code


def _dispatch(args: argparse.Namespace) -> int:
    run = getattr(args, "run", None)
    try:
        if run is None:
            return _open_gui(args)
        return int(run(args))
    except PharmaDeskError as exc:
        log.info("failed: %s", logs.describe(exc))  # its message may quote a customer
        _fail(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`pharmadesk demo --no-gui | head -1`): as other command-line
        # tools do, stop quietly with the status of a closed pipe, and let Python's exit
        # not fail again flushing to it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:
        if os.environ.get("PHARMADESK_DEBUG"):
            raise
        return _unexpected(exc)


def _selftest(args: argparse.Namespace) -> int:
    from pharmadesk import selftest

    return selftest.run(lang=getattr(args, "lang", None))


def _open_gui(args: argparse.Namespace) -> int:
    from pharmadesk import app, paths
    from pharmadesk.commands.common import account_name

    return app.run_gui(
        db=paths.resolve_db(getattr(args, "db", None)),
        lang=getattr(args, "lang", None),
        user=account_name(),
    )


def _unexpected(exc: Exception) -> int:
    import sqlcipher3

    log.error("unexpected error", exc_info=exc)
    if isinstance(exc, sqlcipher3.DatabaseError):
        _fail(f"the database cannot be read ({exc}); run a check or restore the last backup")
        return 5
    if isinstance(exc, OSError):
        _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return 1
    written = logs.current_file()
    where = (
        f"the details are in {written}" if written else "run with PHARMADESK_DEBUG=1 for details"
    )
    _fail(f"unexpected error ({type(exc).__name__}); {where}")
    return 1


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
