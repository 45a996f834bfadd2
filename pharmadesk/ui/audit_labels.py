"""The audit log's action codes in words, and its details as readable key=value text.

A QT_TRANSLATE_NOOP table of the "audit_labels" context; an action not listed here (one a
later version added) is shown as its code, which is what the log holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "audit_labels"
ACTIONS = {
    "login": QT_TRANSLATE_NOOP("audit_labels", "Login"),
    "login.failed": QT_TRANSLATE_NOOP("audit_labels", "Failed login"),
    "customer.opened": QT_TRANSLATE_NOOP("audit_labels", "Customer file opened"),
    "card_page.image_viewed": QT_TRANSLATE_NOOP("audit_labels", "Scanned card image viewed"),
    "customer.created": QT_TRANSLATE_NOOP("audit_labels", "New customer"),
    "customer.updated": QT_TRANSLATE_NOOP("audit_labels", "Customer changed"),
    "customer.verified": QT_TRANSLATE_NOOP("audit_labels", "Customer details confirmed"),
    "customer.deactivated": QT_TRANSLATE_NOOP("audit_labels", "Customer made inactive"),
    "customer.reactivated": QT_TRANSLATE_NOOP("audit_labels", "Customer active again"),
    "customer.left": QT_TRANSLATE_NOOP("audit_labels", "Marked as moved or deceased"),
    "customer.left_undone": QT_TRANSLATE_NOOP("audit_labels", "Moved or deceased mark undone"),
    "customer.merged": QT_TRANSLATE_NOOP("audit_labels", "Customers merged"),
    "customer.unmerged": QT_TRANSLATE_NOOP("audit_labels", "Merge undone"),
    "duplicates.dismissed": QT_TRANSLATE_NOOP("audit_labels", "Not the same person"),
    "duplicates.undismissed": QT_TRANSLATE_NOOP("audit_labels", "Not the same person undone"),
    "customer.erased": QT_TRANSLATE_NOOP("audit_labels", "Customer erased"),
    "customer.anonymised": QT_TRANSLATE_NOOP("audit_labels", "Customer anonymised"),
    "consent.recorded": QT_TRANSLATE_NOOP("audit_labels", "Consent recorded"),
    "consent.withdrawn": QT_TRANSLATE_NOOP("audit_labels", "Consent withdrawn"),
    "purchase.recorded": QT_TRANSLATE_NOOP("audit_labels", "Purchase recorded"),
    "points.adjusted": QT_TRANSLATE_NOOP("audit_labels", "Points corrected"),
    "points.expired": QT_TRANSLATE_NOOP("audit_labels", "Points expired"),
    "loyalty.rules_changed": QT_TRANSLATE_NOOP("audit_labels", "Loyalty rules changed"),
    "interaction.logged": QT_TRANSLATE_NOOP("audit_labels", "Interaction logged"),
    "interaction.follow_up_done": QT_TRANSLATE_NOOP("audit_labels", "Follow-up done"),
    "interaction.follow_up_reopened": QT_TRANSLATE_NOOP("audit_labels", "Follow-up reopened"),
    "birthday.greeting_logged": QT_TRANSLATE_NOOP("audit_labels", "Birthday greeting logged"),
    "reminder.stopped": QT_TRANSLATE_NOOP("audit_labels", "Reminder ended: medicine stopped"),
    "reminder.no_remind": QT_TRANSLATE_NOOP("audit_labels", "Reminder ended: do not remind"),
    "reminder.snoozed": QT_TRANSLATE_NOOP("audit_labels", "Reminder snoozed"),
    "reminder.cleared": QT_TRANSLATE_NOOP("audit_labels", "Reminder change undone"),
    "import.committed": QT_TRANSLATE_NOOP("audit_labels", "Import"),
    "import.undone": QT_TRANSLATE_NOOP("audit_labels", "Import undone"),
    "import.report_written": QT_TRANSLATE_NOOP("audit_labels", "Import report saved"),
    "export.written": QT_TRANSLATE_NOOP("audit_labels", "Export"),
    "export.customer_list": QT_TRANSLATE_NOOP("audit_labels", "Customer list exported"),
    "export.customer_data": QT_TRANSLATE_NOOP("audit_labels", "Customer's own data exported"),
    "export.customers_listed": QT_TRANSLATE_NOOP("audit_labels", "Customers listed (command line)"),
    "export.winback_list": QT_TRANSLATE_NOOP("audit_labels", "Win-back list exported"),
    "export.register": QT_TRANSLATE_NOOP("audit_labels", "Real-name register exported"),
    "register.override": QT_TRANSLATE_NOOP("audit_labels", "Per-sale limit overridden"),
    "product.controlled": QT_TRANSLATE_NOOP("audit_labels", "Controlled flag changed"),
    "audit.exported": QT_TRANSLATE_NOOP("audit_labels", "Audit log exported"),
    "account.created": QT_TRANSLATE_NOOP("audit_labels", "Account created"),
    "account.restored": QT_TRANSLATE_NOOP("audit_labels", "Account restored"),
    "account.removed": QT_TRANSLATE_NOOP("audit_labels", "Account removed"),
    "account.role_changed": QT_TRANSLATE_NOOP("audit_labels", "Role changed"),
    "account.password_set": QT_TRANSLATE_NOOP("audit_labels", "Password set by the owner"),
    "account.password_changed": QT_TRANSLATE_NOOP("audit_labels", "Own password changed"),
    "account.wait_lifted": QT_TRANSLATE_NOOP("audit_labels", "Login wait lifted"),
    "account.recovery_code_replaced": QT_TRANSLATE_NOOP("audit_labels", "New recovery code"),
    "account.recovered": QT_TRANSLATE_NOOP("audit_labels", "Owner password reset by recovery code"),
    "settings.changed": QT_TRANSLATE_NOOP("audit_labels", "Setting changed"),
    "custom_field.defined": QT_TRANSLATE_NOOP("audit_labels", "Custom field added"),
    "custom_field.renamed": QT_TRANSLATE_NOOP("audit_labels", "Custom field renamed"),
    "custom_field.choices_added": QT_TRANSLATE_NOOP("audit_labels", "Custom field options added"),
    "custom_field.reordered": QT_TRANSLATE_NOOP("audit_labels", "Custom fields reordered"),
    "custom_field.retired": QT_TRANSLATE_NOOP("audit_labels", "Custom field retired"),
    "custom_field.restored": QT_TRANSLATE_NOOP("audit_labels", "Custom field restored"),
    "pharmacy.created": QT_TRANSLATE_NOOP("audit_labels", "Pharmacy created"),
    "backup.made": QT_TRANSLATE_NOOP("audit_labels", "Backup made"),
    "backup.restored": QT_TRANSLATE_NOOP("audit_labels", "Restored from a backup"),
    "demo.populated": QT_TRANSLATE_NOOP("audit_labels", "Demo data created"),
}
# Families of actions the filter offers as one choice (a prefix ending in a dot).
FAMILIES = {
    "account.": QT_TRANSLATE_NOOP("audit_labels", "All account changes"),
    "customer.": QT_TRANSLATE_NOOP("audit_labels", "All customer file events"),
    "consent.": QT_TRANSLATE_NOOP("audit_labels", "All consent changes"),
    "import.": QT_TRANSLATE_NOOP("audit_labels", "All imports"),
    "export.": QT_TRANSLATE_NOOP("audit_labels", "All exports"),
    "points.": QT_TRANSLATE_NOOP("audit_labels", "All points changes"),
}


def _translate(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def action(code: str) -> str:
    """The action in the UI language; its code when it has no words."""
    text = ACTIONS.get(code)
    return _translate(text) if text else code


def action_names() -> dict[str, str]:
    """Every action with words, in the UI language (for the export)."""
    return {code: _translate(text) for code, text in ACTIONS.items()}


def family(prefix: str) -> str:
    text = FAMILIES.get(prefix)
    return _translate(text) if text else prefix + "*"


def details(values: dict[str, Any]) -> str:
    """{"fields": ["mobile", "name"], "rows": 3} -> "fields=mobile, name · rows=3"."""
    return " · ".join(f"{key}={value}" for key, value in _pairs(values, ""))


def _pairs(values: dict[str, Any], prefix: str) -> Iterator[tuple[str, str]]:
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _pairs(value, name + ".")
        elif isinstance(value, list | tuple):
            yield name, ", ".join(_shown(item) for item in value)
        elif value is not None:
            yield name, _shown(value)


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # as the stored JSON says it
    return str(value)
