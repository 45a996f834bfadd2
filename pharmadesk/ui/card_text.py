"""Words of the scanned-card import: card statuses, why a field needs a look, why a scan
cannot be read, and what keeps the text recogniser from running.

The core (io/cards) says these things with stable codes and English sentences; here they
become sentences in the UI language. The tables are QT_TRANSLATE_NOOP texts of the
"CardImport" translation context.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pharmadesk.io.cards import reading
from pharmadesk.io.cards.pages import UnreadableScan
from pharmadesk.text.normalize import InvalidValue
from pharmadesk.ui import labels

CONTEXT: Final = "CardImport"
STATUSES: Final = {
    "waiting": QT_TRANSLATE_NOOP("CardImport", "waiting"),
    "reading": QT_TRANSLATE_NOOP("CardImport", "reading…"),
    "check": QT_TRANSLATE_NOOP("CardImport", "to check"),
    "accepted": QT_TRANSLATE_NOOP("CardImport", "accepted"),
    "skipped": QT_TRANSLATE_NOOP("CardImport", "skipped"),
    "unreadable": QT_TRANSLATE_NOOP("CardImport", "unreadable"),
}
REASONS: Final = {
    "empty": QT_TRANSLATE_NOOP("CardImport", "Nothing was read here"),
    "invalid": QT_TRANSLATE_NOOP("CardImport", "Not in a valid form"),
    "low_confidence": QT_TRANSLATE_NOOP("CardImport", "The reader is not sure of this"),
    "stamp": QT_TRANSLATE_NOOP("CardImport", "A stamp may cover this: compare with the card"),
    "duplicate": QT_TRANSLATE_NOOP("CardImport", "May be a customer already on file"),
}
# The form names the other fields (labels.field); the registration date goes to notes there.
REGISTERED_ON: Final = QT_TRANSLATE_NOOP("CardImport", "Registration date")
SCAN_PROBLEMS: Final = {
    "missing": QT_TRANSLATE_NOOP("CardImport", "“%1” does not exist."),
    "too_big": QT_TRANSLATE_NOOP("CardImport", "“%1” is too big for a scan (at most 100 MB)."),
    "not_a_scan": QT_TRANSLATE_NOOP(
        "CardImport", "“%1” is not a scan PharmaDesk reads (PNG, JPEG, TIFF or PDF)."
    ),
    "damaged": QT_TRANSLATE_NOOP("CardImport", "“%1” is damaged or cut short and cannot be read."),
    "too_many_pages": QT_TRANSLATE_NOOP(
        "CardImport", "“%1” has more pages than a file of cards may hold (at most 1,000)."
    ),
    "too_many_pixels": QT_TRANSLATE_NOOP(
        "CardImport", "“%1” has more pixels than a scanned card can have: scan it at 300 dpi."
    ),
    "empty": QT_TRANSLATE_NOOP("CardImport", "“%1” is empty."),
    "no_scans": QT_TRANSLATE_NOOP(
        "CardImport", "The folder “%1” holds no scans (PNG, JPEG, TIFF or PDF)."
    ),
}


def translate(text: object) -> str:
    """A QT_TRANSLATE_NOOP text of the "CardImport" context in the UI language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def field_label(name: str) -> str:
    """A card field's name in the UI language."""
    return translate(REGISTERED_ON) if name == "registered_on" else labels.field(name)


def status_label(status: str) -> str:
    return translate(STATUSES[status]) if status in STATUSES else status


def reason_label(reason: str) -> str:
    return translate(REASONS[reason]) if reason in REASONS else reason


def invalid_detail(field_name: str, value: str) -> str | None:
    """What is wrong with an invalid value, in words (None when the rules accept it)."""
    check = reading.CHECKS.get(field_name)  # as the reader checks them
    if check is None:
        return None
    try:
        found = check(value)
    except InvalidValue as exc:
        return labels.problem(exc.code)
    implausible = isinstance(found, date) and (found > date.today() or found.year < 1900)
    if field_name == "birth_date" and implausible:
        return labels.problem("date_implausible")
    return None


def reasons_text(field_name: str, value: str, reasons: list[str]) -> str:
    """The reasons a field needs a look, as one line (“; ” between them)."""
    words = []
    for reason in reasons:
        detail = invalid_detail(field_name, value) if reason == "invalid" else None
        words.append(detail or reason_label(reason))
    return QCoreApplication.translate("CardImport", "; ").join(words)


def scan_problem(code: str, name: str) -> str:
    text = SCAN_PROBLEMS.get(code, SCAN_PROBLEMS["damaged"])
    return translate(text).replace("%1", name)


def unreadable_text(error: UnreadableScan) -> str:
    return scan_problem(error.code, error.path.name)


def ocr_missing_text(reason: str) -> str:
    """What keeps scanned cards from being read (engine.missing()), in the UI language."""
    lead = QCoreApplication.translate(
        "CardImport", "Scanned cards cannot be read on this computer."
    )
    absent = re.search(r"not installed \(([^)]*)\)", reason)
    if absent:
        detail = QCoreApplication.translate(
            "CardImport",
            "The text recogniser's packages are not installed (%1). Install PharmaDesk "
            "with its “ocr” extra: pip install 'pharmadesk[ocr]'",
        ).replace("%1", absent.group(1))
    elif "models" in reason and "missing" in reason:
        detail = QCoreApplication.translate(
            "CardImport",
            "The recogniser's models are missing from this installation, and PharmaDesk "
            "never downloads any: reinstall rapidocr.",
        )
    else:
        detail = reason[:1].upper() + reason[1:]
    return lead + "\n" + detail
