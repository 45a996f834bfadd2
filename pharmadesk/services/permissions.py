"""What each role may do: the one table every service checks before it acts.

The window hides what a role may not use, but the rule lives here, so the command line,
the window and any later caller are refused alike (`PermissionRefused`, exit 4).
"""

from __future__ import annotations

from enum import StrEnum

from pharmadesk.errors import PermissionRefused
from pharmadesk.services.context import Account, Context


class Operation(StrEnum):
    COUNTER = "counter"  # search, open a profile, add purchases and interactions
    EDIT_CUSTOMERS = "edit_customers"
    SEE_HEALTH = "see_health"  # allergies, chronic conditions, health notes
    IMPORT = "import"  # merging within the import, undo, the import report
    REMINDERS = "reminders"  # reminders, birthdays, win-back lists
    MERGE = "merge"  # merge or unmerge customers outside an import
    EXPORT_PERSONAL = "export_personal"  # Excel, PDF, one customer's data, customer lists
    ANALYTICS = "analytics"  # charts, month report, analytics workbook (no personal data)
    ERASE = "erase"  # erase or anonymise a customer
    MANAGE = "manage"  # accounts, custom fields, settings, retention
    BACKUP = "backup"
    RESTORE = "restore"
    AUDIT = "audit"  # view and export the audit log
    ADJUST_POINTS = "adjust_points"  # correct a customer's points by hand, with a reason
    OVERRIDE_LIMIT = "override_limit"  # sell a controlled medicine over the per-sale limit
    SEE_ID_NUMBERS = "see_id_numbers"  # the register's ID numbers unmasked, its export


EVERYONE = frozenset({"owner", "pharmacist", "staff"})
CLINICAL = frozenset({"owner", "pharmacist"})
OWNER = frozenset({"owner"})

ALLOWED: dict[Operation, frozenset[str]] = {
    Operation.COUNTER: EVERYONE,
    Operation.EDIT_CUSTOMERS: EVERYONE,
    Operation.SEE_HEALTH: CLINICAL,
    Operation.IMPORT: EVERYONE,
    Operation.REMINDERS: EVERYONE,
    Operation.MERGE: CLINICAL,
    Operation.EXPORT_PERSONAL: OWNER,
    Operation.ANALYTICS: CLINICAL,
    Operation.ERASE: OWNER,
    Operation.MANAGE: OWNER,
    Operation.BACKUP: EVERYONE,
    Operation.RESTORE: OWNER,
    Operation.AUDIT: OWNER,
    Operation.ADJUST_POINTS: CLINICAL,
    Operation.OVERRIDE_LIMIT: CLINICAL,
    Operation.SEE_ID_NUMBERS: OWNER,
}

# How a refusal reads: "the staff role may not <what>".
WHAT: dict[Operation, str] = {
    Operation.COUNTER: "use the counter",
    Operation.EDIT_CUSTOMERS: "create or edit customers",
    Operation.SEE_HEALTH: "see or change health data",
    Operation.IMPORT: "import",
    Operation.REMINDERS: "use reminders",
    Operation.MERGE: "merge or unmerge customers",
    Operation.EXPORT_PERSONAL: "export personal data",
    Operation.ANALYTICS: "see charts and the month report",
    Operation.ERASE: "erase or anonymise a customer",
    Operation.MANAGE: "manage accounts, custom fields or settings",
    Operation.BACKUP: "make backups",
    Operation.RESTORE: "restore a backup",
    Operation.AUDIT: "see the audit log",
    Operation.ADJUST_POINTS: "correct points by hand",
    Operation.OVERRIDE_LIMIT: "sell a controlled medicine over the per-sale limit",
    Operation.SEE_ID_NUMBERS: "see ID numbers in the real-name register",
}


def allows(account: Account, operation: Operation) -> bool:
    return account.role in ALLOWED[operation]


def require(ctx: Context, operation: Operation) -> None:
    """Refuse (exit 4) unless the signed-in account's role may do `operation`."""
    if not allows(ctx.account, operation):
        raise PermissionRefused(f"the {ctx.account.role} role may not {WHAT[operation]}")
