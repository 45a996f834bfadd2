"""One running PharmaDesk per pharmacy file: a window or a command holds it while it works.

SQLite would let two copies write the same file, but two counters editing one customer
would silently overwrite each other's changes, and a restore or import under a running
window would pull the ground from under it. The lock is an OS file lock on `<db>.lock`
(released by the OS if the process dies); that file holds no data.

Beside it, `<db>.holder` says who holds the lock (process id, program, account name, host,
since when; never customer data) so a refusal can name them. It is a separate file
because filelock opens and truncates the lock file itself. The note is written after the
lock is taken and removed before it is let go; a note left by a process that died (or not
yet replaced by a new holder) is recognised by its dead process id and ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from pharmadesk.errors import DatabaseInUse
from pharmadesk.services.context import local_now

WINDOW = "window"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def holder_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".holder")


@dataclass(frozen=True)
class Holder:
    """Who holds a pharmacy: what the refusal tells the second copy."""

    pid: int
    program: str  # "window", or the command ("command import")
    account: str | None
    host: str
    since: str  # ISO 8601, local time with its offset

    def describe(self, *, now: datetime | None = None) -> str:
        """E.g. "window, account owner, pid 123, since 10:02"."""
        parts = [self.program]
        if self.account:
            parts.append(f"account {self.account}")
        if self.host != socket.gethostname():
            parts.append(f"on {self.host}")
        parts.append(f"pid {self.pid}")
        parts.append(f"since {self.since_text(now=now)}")
        return ", ".join(parts)

    def since_text(self, *, now: datetime | None = None) -> str:
        """The time it took the file ("10:02"), with the date unless that is today."""
        return _when(self.since, now or local_now())


def _when(since: str, now: datetime) -> str:
    try:
        at = datetime.fromisoformat(since)
    except ValueError:
        return since
    local = at.astimezone(now.tzinfo) if at.tzinfo and now.tzinfo else at
    return f"{local:%H:%M}" if local.date() == now.date() else f"{local:%Y-%m-%d %H:%M}"


def read_holder(db_path: Path) -> Holder | None:
    """The live holder named beside `db_path`, or None (no note, unreadable, or stale)."""
    try:
        data = json.loads(holder_path(db_path).read_text(encoding="utf-8"))
        holder = Holder(
            pid=int(data["pid"]), program=str(data["program"]), host=str(data["host"]),
            account=None if data.get("account") is None else str(data["account"]),
            since=str(data["since"]),
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if holder.host == socket.gethostname() and not process_alive(holder.pid):
        return None  # a note left behind by a process that died
    return holder


def process_alive(pid: int) -> bool:
    """Whether a process `pid` runs on this computer (never signals or harms it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def _windows_process_alive(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


class InstanceLock:
    def __init__(self, db_path: Path, *, program: str = WINDOW, account: str | None = None) -> None:
        self.db_path = db_path
        self.program = program
        self.account = account
        # Not a per-process singleton: a second holder in this process is refused too.
        self._lock = FileLock(str(lock_path(db_path)), is_singleton=False, thread_local=False)
        self._note: str | None = None
        self._since: str | None = None  # when this holder took the file

    def acquire(self) -> InstanceLock:
        """Hold the pharmacy; DatabaseInUse (exit 6) naming the holder when another has it."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise DatabaseInUse(refusal(self.db_path)) from None
        self._write_note()
        _HELD_HERE[_key(self.db_path)] = self
        return self

    def become(self, *, program: str, account: str | None) -> None:
        """Still held, now by `program` signed in as `account` (the note says so)."""
        self.program, self.account = program, account
        if self._lock.is_locked:
            self._write_note()

    def release(self) -> None:
        if self._lock.is_locked:
            self._remove_note()
            self._since = None
            _HELD_HERE.pop(_key(self.db_path), None)
            self._lock.release()

    def _write_note(self) -> None:
        self._since = self._since or local_now().isoformat(timespec="seconds")
        holder = Holder(
            pid=os.getpid(), program=self.program, account=self.account,
            host=socket.gethostname(), since=self._since,
        )  # fmt: skip
        text = json.dumps(asdict(holder), ensure_ascii=False)
        target = holder_path(self.db_path)
        temporary = target.with_name(target.name + ".tmp")
        # Best effort: the lock is what keeps a second copy out; the note only names it.
        with contextlib.suppress(OSError):
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, target)
            self._note = text

    def _remove_note(self) -> None:
        target = holder_path(self.db_path)
        with contextlib.suppress(OSError):
            if self._note is not None and target.read_text(encoding="utf-8") == self._note:
                target.unlink()
        self._note = None


# The pharmacies this process holds: the window holds its file from before the unlock
# dialog, and a restore offered by that dialog works under the same hold.
_HELD_HERE: dict[str, InstanceLock] = {}


def _key(db_path: Path) -> str:
    return os.path.normcase(str(db_path.resolve()))


def held_here(db_path: Path) -> InstanceLock | None:
    """This process's own hold on `db_path`, if it has one."""
    return _HELD_HERE.get(_key(db_path))


def refusal(db_path: Path) -> str:
    """The message for a second copy: who holds `db_path`, and what to do."""
    holder = read_holder(db_path)
    who = f"PharmaDesk ({holder.describe()})" if holder else "another running PharmaDesk"
    return f"{db_path.name} is in use by {who}; close it first"


def hold(db_path: Path, *, program: str = WINDOW, account: str | None = None) -> InstanceLock:
    """Hold `db_path` as `program` ("window" or a command) signed in as `account`."""
    return InstanceLock(db_path, program=program, account=account).acquire()
