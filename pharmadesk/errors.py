"""Typed errors for trouble a user can understand, each with its command-line exit status.

Expected trouble (a wrong password, a damaged file, bad input) is raised as one of these and
shown as a one-line message; anything else is a bug and is reported as such.
"""

from __future__ import annotations

from datetime import datetime


class PharmaDeskError(Exception):
    """Base of every expected error. `exit_code` follows the command-line contract."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OperationFailed(PharmaDeskError):
    """The operation could not be done (exit 1)."""

    exit_code = 1


class UsageError(PharmaDeskError):
    """Wrong usage of a command (exit 2)."""

    exit_code = 2


class AuthenticationError(PharmaDeskError):
    """Wrong password, unknown account or no password available (exit 3)."""

    exit_code = 3


class AccountWaiting(AuthenticationError):
    """Too many wrong passwords: the account may try again at `until` (exit 3)."""

    def __init__(self, message: str, *, until: datetime) -> None:
        super().__init__(message)
        self.until = until


class PermissionRefused(PharmaDeskError):
    """The account's role may not do this (exit 4)."""

    exit_code = 4


class DatabaseUnavailable(PharmaDeskError):
    """The database cannot be opened: missing, damaged, not a database, too new (exit 5)."""

    exit_code = 5


class DatabaseInUse(PharmaDeskError):
    """Another running copy holds the database (exit 6)."""

    exit_code = 6


class ValidationError(OperationFailed):
    """Input that cannot be saved; `problems` maps a field name to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        summary = "; ".join(f"{field}: {text}" for field, text in problems.items())
        super().__init__(f"invalid input ({summary})")
        self.problems = problems


class NotFound(OperationFailed):
    """A record that was asked for does not exist."""
