"""Words and cells of the import wizard: outcome names, column targets, cells as shown.

Shared by the wizard's pages and the import history. The tables are QT_TRANSLATE_NOOP texts
of the "ImportWizard" translation context.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import customer_import
from pharmadesk.io.error_messages import localize_error
from pharmadesk.io.safety_messages import localize as localize_message
from pharmadesk.io.safety_messages import localize_problem
from pharmadesk.ui import i18n, labels
from pharmadesk.ui.unexpected import unexpected_error_text

FILE_FILTER = QT_TRANSLATE_NOOP("ImportWizard", "Spreadsheets (*.xlsx *.xls *.ods *.csv)")
OUTCOME_NAMES = {
    "imported": QT_TRANSLATE_NOOP("ImportWizard", "Imported"),
    "merged": QT_TRANSLATE_NOOP("ImportWizard", "Merged"),
    "flagged": QT_TRANSLATE_NOOP("ImportWizard", "Flagged"),
    "skipped": QT_TRANSLATE_NOOP("ImportWizard", "Skipped"),
    "rejected": QT_TRANSLATE_NOOP("ImportWizard", "Rejected"),
}
# The same outcomes before the commit, on the preview (已导入 there read as done already).
PLANNED_NAMES = {
    "imported": QT_TRANSLATE_NOOP("ImportWizard", "To be imported"),
    "merged": QT_TRANSLATE_NOOP("ImportWizard", "To be merged"),
    "flagged": QT_TRANSLATE_NOOP("ImportWizard", "To be flagged"),
    "skipped": QT_TRANSLATE_NOOP("ImportWizard", "To be skipped"),
    "rejected": QT_TRANSLATE_NOOP("ImportWizard", "To be rejected"),
}
COUNT = QT_TRANSLATE_NOOP("ImportWizard", "%1: %2")  # an outcome and its number of rows
# Targets the form has no label for (labels.field names the others).
EXTRA_TARGETS = {
    "registered_on": QT_TRANSLATE_NOOP("ImportWizard", "Registration date (to notes)"),
    "points": QT_TRANSLATE_NOOP("ImportWizard", "Points (opening balance)"),
    "last_purchase": QT_TRANSLATE_NOOP("ImportWizard", "Last purchase date"),
    "purchase_count": QT_TRANSLATE_NOOP("ImportWizard", "Number of purchases (to notes)"),
    "rating": QT_TRANSLATE_NOOP("ImportWizard", "Feedback rating (to notes)"),
}


def translate(text: object) -> str:
    """A QT_TRANSLATE_NOOP text of this module in the UI language."""
    return QCoreApplication.translate("ImportWizard", str(text))


def outcome_label(outcome: str) -> str:
    """An import outcome (imported, merged …) in the UI language."""
    return translate(OUTCOME_NAMES[outcome]) if outcome in OUTCOME_NAMES else outcome


def planned_label(outcome: str) -> str:
    """An outcome the preview foresees (to be imported …) in the UI language."""
    return translate(PLANNED_NAMES[outcome]) if outcome in PLANNED_NAMES else outcome


def target_label(target: str) -> str:
    if target in EXTRA_TARGETS:
        return translate(EXTRA_TARGETS[target])
    return labels.field(target)


def shown(value: object) -> str:
    """A cell as the spreadsheet shows it (whole numbers without ".0", dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def column_letters(column: int) -> str:
    """0 -> A, 26 -> AA: how a spreadsheet names a column."""
    name, number = "", column + 1
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


report_language = i18n.current_language


def error_text(error: PharmaDeskError) -> str:
    """An expected error's message in the UI language (the engine words it in English)."""
    return localize_error(error, report_language())


def failure_text(error: BaseException, *, log_as: str = "background job") -> str:
    """Any error of a background job in the UI language; an unforeseen one is logged (as
    `log_as`) and told as such, with what the user can do."""
    if isinstance(error, PharmaDeskError):
        return error_text(error)
    return unexpected_error_text(error, log_as=log_as)


def message_text(message: str) -> str:
    """A message of the backups, checks or unlocking (as a string) in the UI language."""
    found = localize_message(message) if report_language() == "zh_CN" else None
    return message if found is None else found


def problem_text(line: str) -> str:
    """A check's "<check>: <problem>" line (services/checks.py) in the UI language."""
    return localize_problem(line) if report_language() == "zh_CN" else line


def counts_text(counts: dict[str, int]) -> str:
    """“Imported: 3 · Merged: 1 · …” in the UI language."""
    each = translate(COUNT)
    return " · ".join(
        each.replace("%1", outcome_label(outcome)).replace("%2", str(counts.get(outcome, 0)))
        for outcome in customer_import.OUTCOMES
    )
