"""What a window says about an error nobody foresaw (a bug, an odd system failure).

The user is told what they can do about it now, with the kind of error to repeat to the
owner; the traceback goes to the log for whoever looks into it. It does not point to a log
file: the window does not write one a user could open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication


def unexpected_error_text(error: BaseException, *, log_as: str | None = None) -> str:
    """What to say about `error`; with `log_as` (the job's name), it is logged here too."""
    if log_as is not None:
        logging.getLogger(__name__).error("%s: unexpected error", log_as, exc_info=error)
    return QCoreApplication.translate(
        "UnexpectedError",
        "Unexpected error (%1); please try again, and tell the owner if it happens again.",
    ).replace("%1", type(error).__name__)
