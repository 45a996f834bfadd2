"""What a dialog says about an error nobody foresaw (a bug, an odd system failure).

The error is logged with its traceback for whoever looks into it; the user is told what
they can do about it now, with the kind of error to repeat to the owner. It does not point
to a log file: the window does not write one a user could open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication


def unexpected_error_text(error: BaseException, *, where: str) -> str:
    """Log `error` (`where` names the job in the log) and say what the user can do."""
    logging.getLogger(__name__).error("%s: unexpected error", where, exc_info=error)
    return QCoreApplication.translate(
        "UnexpectedError",
        "Unexpected error (%1); please try again, and tell the owner if it happens again.",
    ).replace("%1", type(error).__name__)
