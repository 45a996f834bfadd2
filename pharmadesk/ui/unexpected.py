"""What a window says about an error nobody foresaw (a bug, an odd system failure).

The user is told what they can do about it now, with the kind of error to repeat to the
owner, and where the log file is: the traceback goes there for whoever looks into it
(logs.py keeps it free of personal data). Without a log file (one could not be written,
or in a test that set none up) the text does not point to one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from pharmadesk import logs


def log_location_text() -> str:
    """Where the details are, in the UI language; empty when no log file is written."""
    written = logs.current_file()
    if written is None:
        return ""
    text = QCoreApplication.translate("UnexpectedError", "The details are in the log file: %1")
    return text.replace("%1", str(written))


def unexpected_error_text(error: BaseException, *, log_as: str | None = None) -> str:
    """What to say about `error`; with `log_as` (the job's name), it is logged here too."""
    if log_as is not None:
        logging.getLogger(__name__).error("%s: unexpected error", log_as, exc_info=error)
    text = QCoreApplication.translate(
        "UnexpectedError",
        "Unexpected error (%1); please try again, and tell the owner if it happens again.",
    ).replace("%1", type(error).__name__)
    where = log_location_text()
    return f"{text}\n{where}" if where else text
