"""Failed logins slow down: after 5 on an account, a wait of 30 s that doubles up to 15 min.

The count cannot live in the database (it cannot be opened without a password) nor in the
key file (a wrong password must leave both byte-for-byte unchanged), so it lives in a small
file of its own beside them. That file holds no personal data: accounts appear as the key
file's salted name hashes, and failures as times. While an account waits, a login is refused
before the key derivation runs, so guessing costs the guesser time, not the PC's CPU.
The failures are written to the audit log at the next successful login.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

FORMAT = "pharmadesk-logins"
FREE_FAILURES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
MAX_ENTRIES = 200  # guesses at made-up account names must not grow the file without end


def guard_file_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".logins")


def wait_after(failures: int) -> timedelta:
    """How long an account waits after its `failures`-th failure in a row."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES), LONGEST_WAIT)


@dataclass(frozen=True)
class Failure:
    entry_id: str  # the key file's hash of the account name
    at: datetime


class LoginGuard:
    """The failure counts of one pharmacy's accounts, read from and written to its file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._accounts: dict[str, dict[str, Any]] = {}
        with contextlib.suppress(FileNotFoundError):
            self._accounts = _parse(path.read_bytes())

    def waiting_until(self, entry_id: str, now: datetime) -> datetime | None:
        """When the account may try again, or None when it may try now."""
        entry = self._accounts.get(entry_id)
        if not entry or not entry.get("wait_until"):
            return None
        until = datetime.fromisoformat(entry["wait_until"])
        return until if until > now else None

    def failures(self, entry_id: str) -> int:
        return int(self._accounts.get(entry_id, {}).get("failures", 0))

    def record_failure(self, entry_id: str, now: datetime) -> datetime | None:
        """Count one failure; returns the end of the wait it starts, if any."""
        entry = self._accounts.setdefault(entry_id, {"failures": 0, "unreported": []})
        entry["failures"] = int(entry.get("failures", 0)) + 1
        entry["last"] = now.isoformat(timespec="seconds")
        entry.setdefault("unreported", []).append(entry["last"])
        del entry["unreported"][:-100]
        wait = wait_after(entry["failures"])
        entry["wait_until"] = (now + wait).isoformat(timespec="seconds") if wait else None
        self._trim()
        self._save()
        return now + wait if wait else None

    def clear(self, entry_id: str) -> None:
        """A successful login or the owner's reset: the account starts afresh."""
        entry = self._accounts.get(entry_id)
        if entry:
            entry["failures"] = 0
            entry["wait_until"] = None
            if not entry.get("unreported"):
                del self._accounts[entry_id]
            self._save()

    def take_unreported(self) -> list[Failure]:
        """Every failure not yet in the audit log, oldest first; they are then forgotten."""
        taken = [
            Failure(entry_id, datetime.fromisoformat(at))
            for entry_id, entry in self._accounts.items()
            for at in entry.get("unreported", [])
        ]
        if taken:
            for entry_id in list(self._accounts):
                entry = self._accounts[entry_id]
                entry["unreported"] = []
                if not entry.get("failures"):
                    del self._accounts[entry_id]
            self._save()
        return sorted(taken, key=lambda f: f.at)

    def _trim(self) -> None:
        if len(self._accounts) > MAX_ENTRIES:
            oldest = sorted(self._accounts, key=lambda e: self._accounts[e].get("last", ""))
            for entry_id in oldest[: len(self._accounts) - MAX_ENTRIES]:
                del self._accounts[entry_id]

    def _save(self) -> None:
        payload = {"format": FORMAT, "accounts": self._accounts}
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(json.dumps(payload, sort_keys=True).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)


def _parse(raw: bytes) -> dict[str, dict[str, Any]]:
    # A damaged counter file must not lock anyone out for good, nor let anyone in: it is
    # read as "no failures", the worst a tamperer can do is reset their own wait.
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT or not isinstance(data.get("accounts"), dict):
            return {}
        return {str(k): v for k, v in data["accounts"].items() if isinstance(v, dict)}
    except (ValueError, AttributeError):
        return {}
