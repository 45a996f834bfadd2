"""The log file: a rotating file in the user's log folder, with no personal data in it.

What is logged names records by id and files by suffix and a short hash, never a customer's
name, mobile, address or ID number. Two safety nets catch what a careless call would let
through: exceptions are written as their traceback with each exception named by its type
alone (a message can quote what was typed; the frames never do), and a filter on the
handler masks anything shaped like a mobile or an ID number in every record.

Peewee logs every query with its values at DEBUG, so its logger stays at WARNING whatever
level is asked for; a few chatty libraries (PIL, matplotlib's font manager, onnxruntime) too.
No Qt here: the command line and the window share it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import logging
import os
import re
import secrets
import sys
import traceback
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

from pharmadesk import __version__, paths

LOG_NAME = "pharmadesk.log"
MAX_BYTES = 1_000_000
KEPT_FILES = 5
LEVEL_ENV = "PHARMADESK_LOG_LEVEL"
FORMAT = "%(asctime)s.%(msecs)03d %(levelname)-7s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
# Loggers that write values (peewee: each query with its parameters) or noise at INFO/DEBUG.
QUIET_LOGGERS = (
    "peewee",
    "PIL",
    "matplotlib",
    "matplotlib.font_manager",
    "onnxruntime",
    "RapidOCR",
    "rapidocr",
    "filelock",
)

# Full-width digits and X, as a card or a Chinese keyboard gives them, read as ASCII first.
_FOLD = {0xFF10 + i: ord("0") + i for i in range(10)} | {0xFF38: ord("X"), 0xFF58: ord("x")}
# 11-digit mainland mobiles, also as 138 0013 8000, 138-0013-8000 or with +86 before them.
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")
# 18-character resident ID numbers, also typed in groups (6 8 4) and with a lower-case x.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[0-9]{6} ?[0-9]{8} ?[0-9]{3}[0-9Xx](?![0-9A-Za-z])")
# The same file is named the same within one run (one command, one window session).
_FILE_KEY = secrets.token_bytes(16)
MOBILE_MASK = "[mobile]"
ID_NUMBER_MASK = "[ID number]"

log = logging.getLogger(__name__)
_handler: RotatingFileHandler | None = None


def mask(text: str) -> str:
    """`text` with anything shaped like a mobile or an ID number replaced by a placeholder
    (full-width digits come out as ASCII ones)."""
    folded = text.translate(_FOLD)
    return _MOBILE.sub(MOBILE_MASK, _ID_NUMBER.sub(ID_NUMBER_MASK, folded))


def file_token(path: Path | str) -> str:
    """How a log names a file a user chose: its suffix and a short hash of its name, since
    an import file is often called after a person ("张三 会员卡.xlsx"). The hash is keyed
    with a secret of this process: a plain hash of a name could be found again by hashing
    a list of common names the same way."""
    name = Path(path).name
    digest = hmac.new(_FILE_KEY, name.encode("utf-8"), hashlib.sha256).hexdigest()[:8]
    return f"{Path(name).suffix.lower() or '(no suffix)'} file {digest}"


def describe(error: BaseException) -> str:
    """An exception by its type alone (and an OSError's errno), never by its message."""
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    if isinstance(error, OSError) and error.errno is not None:
        code = errno.errorcode.get(error.errno, str(error.errno))
        return f"{name} ({code}; message withheld)"
    if isinstance(error, BaseExceptionGroup):
        inner = ", ".join(describe(each) for each in error.exceptions)
        return f"{name} ({inner})"
    return f"{name} (message withheld)"


def _chain(error: BaseException) -> Iterator[tuple[BaseException, str]]:
    """`error` and the exceptions behind it, latest first, each with the line that links it
    to the one after it (as Python's own traceback words it)."""
    seen: set[int] = set()
    current: BaseException | None = error
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current, link
        if current.__cause__ is not None:
            current = current.__cause__
            link = "The above exception was the direct cause of the following exception:"
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
            link = "During handling of the above exception, another exception occurred:"
        else:
            current = None


def safe_traceback(error: BaseException) -> str:
    """The traceback of `error` and of its causes, with every exception message withheld."""
    blocks: list[str] = []
    for current, link in _chain(error):
        frames = traceback.format_list(traceback.extract_tb(current.__traceback__))
        block = "Traceback (most recent call last):\n" + "".join(frames) + describe(current)
        blocks.append(block + (f"\n\n{link}\n" if link else ""))
    return "\n".join(reversed(blocks)).rstrip("\n")


class PersonalDataFilter(logging.Filter):
    """The handler's safety net: each record's message (arguments merged in), exception and
    stack as written, masked. The record is changed in place, so every handler sees the
    masked text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: say where, not what the arguments were
            message = f"(a message that could not be formatted, {record.pathname}:{record.lineno})"
        record.msg, record.args = mask(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = mask(safe_traceback(record.exc_info[1]))
        elif record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True


class _LogFile(RotatingFileHandler):
    """A rotating file that never breaks the app and never echoes a record elsewhere: the
    standard handler prints a failed record, arguments and all, to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def _level(level: int | str | None) -> int:
    chosen = level if level is not None else os.environ.get(LEVEL_ENV, "INFO")
    if isinstance(chosen, int):
        return chosen
    named = logging.getLevelName(chosen.strip().upper())
    return named if isinstance(named, int) else logging.INFO


def current_file() -> Path | None:
    """The log file being written, or None when logging to a file is not set up."""
    return Path(_handler.baseFilename) if _handler is not None else None


def setup(*, level: int | str | None = None, started: str = "") -> Path | None:
    """Log to the rotating file in the user's log folder from now on; returns its path.

    Set up once per process (again only when the log folder changed, as in tests). `level`
    defaults to PHARMADESK_LOG_LEVEL, else INFO. A folder that cannot be written leaves the
    app without a log file (None) rather than failing to start. `started` names the
    command (or the window) in the first line.
    """
    global _handler
    chosen = _level(level)
    target = paths.log_dir() / LOG_NAME
    if _handler is not None and Path(_handler.baseFilename) == target:
        _handler.setLevel(chosen)
        logging.getLogger().setLevel(chosen)
        return target
    shutdown()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(target, maxBytes=MAX_BYTES, backupCount=KEPT_FILES, encoding="utf-8")
    except OSError:
        return None
    handler.setLevel(chosen)
    handler.setFormatter(logging.Formatter(FORMAT, DATE_FORMAT))
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(chosen)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    _handler = handler
    frozen = " (installed app)" if getattr(sys, "frozen", False) else ""
    log.info(
        "PharmaDesk %s%s on Python %s, %s: %s",
        __version__,
        frozen,
        sys.version.split()[0],
        sys.platform,
        started or "started",
    )
    return target


@contextlib.contextmanager
def session(*, started: str) -> Iterator[Path | None]:
    """`setup` for one command (or the window), and `shutdown` after it unless the log was
    already being written when it began (a command run inside another, a test)."""
    before = _handler
    written = setup(started=started)
    try:
        yield written
    finally:
        if _handler is not before:
            shutdown()


def shutdown() -> None:
    """Stop writing the log file (closing it), e.g. when a command ends."""
    global _handler
    if _handler is None:
        return
    logging.getLogger().removeHandler(_handler)
    _handler.close()
    _handler = None
