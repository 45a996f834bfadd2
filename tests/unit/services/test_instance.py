"""One writer per pharmacy file: a second holder is refused, told who holds the file."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pharmadesk.errors import DatabaseInUse
from pharmadesk.services import instance
from pharmadesk.services.context import local_now

HOLD_AND_WAIT = """
import sys
from pathlib import Path
from pharmadesk.services import instance
lock = instance.hold(Path(sys.argv[1]), program="command import", account="li")
print("held", flush=True)
sys.stdin.readline()
lock.release()
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "test.db"
    path.write_bytes(b"")
    return path


def holding_process(db: Path) -> subprocess.Popen[str]:
    """A program that holds `db` (once this returns) until a line arrives on its stdin."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_WAIT, str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


@pytest.fixture
def other_process(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another running program holding `db` until the test ends."""
    with holding_process(db) as child:
        yield child
        child.communicate("\n", timeout=30)


def _since(db: Path) -> str:
    """The holder's start time as a refusal shows it: "10:02" today."""
    holder = instance.read_holder(db)
    assert holder is not None
    since = holder.since_text()
    assert re.fullmatch(r"\d\d:\d\d", since), since
    return since


def _dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    return int(finished.stdout)


def test_a_second_holder_in_this_process_is_told_who_holds_it(db: Path) -> None:
    first = instance.hold(db, program="window", account="owner")
    try:
        since = _since(db)
        with pytest.raises(DatabaseInUse) as refused:
            instance.hold(db, program="command import", account="li")
    finally:
        first.release()
    assert refused.value.exit_code == 6
    assert refused.value.message == (
        f"test.db is in use by PharmaDesk (window, account owner, pid {os.getpid()}, "
        f"since {since}); close it first"
    )
    # Released: the note is gone and the file can be held again.
    assert not instance.holder_path(db).exists()
    instance.hold(db).release()


def test_another_process_is_named_and_the_note_holds_no_more_than_that(
    db: Path, other_process: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseInUse) as refused:
        instance.hold(db, program="window", account="owner")
    assert f"(command import, account li, pid {other_process.pid}, since " in (
        refused.value.message
    )
    note = json.loads(instance.holder_path(db).read_text(encoding="utf-8"))
    assert sorted(note) == ["account", "host", "pid", "program", "since"]


def test_the_other_process_gone_the_file_is_free_again(db: Path) -> None:
    with holding_process(db) as child:
        child.kill()  # no clean release: the OS lets the lock go, the note stays behind
        child.wait(timeout=30)
    assert instance.holder_path(db).exists()
    assert instance.read_holder(db) is None  # a dead process's note is ignored
    lock = instance.hold(db, program="window", account="owner")
    try:
        holder = instance.read_holder(db)
        assert holder is not None
        assert (holder.pid, holder.program, holder.account) == (os.getpid(), "window", "owner")
    finally:
        lock.release()


def test_a_stale_note_under_a_live_lock_is_not_believed(db: Path) -> None:
    lock = instance.hold(db)
    try:
        # As if the holder had not yet replaced the note a crashed holder left behind.
        stale = {"pid": _dead_pid(), "program": "command import", "account": "li",
                 "host": socket.gethostname(),
                 "since": "2026-01-01T09:00:00+08:00"}  # fmt: skip
        instance.holder_path(db).write_text(json.dumps(stale), encoding="utf-8")
        with pytest.raises(DatabaseInUse) as refused:
            instance.hold(db)
    finally:
        lock.release()
    assert refused.value.message == (
        "test.db is in use by another running PharmaDesk; close it first"
    )
    assert instance.holder_path(db).exists(), "another's note is left alone on release"


def test_the_time_says_the_day_when_it_is_not_today() -> None:
    holder = instance.Holder(pid=1, program="window", account=None, host="elsewhere",
                             since="2026-01-01T09:05:00+08:00")  # fmt: skip
    now = local_now()
    text = holder.describe(now=now)
    assert text.startswith("window, on elsewhere, pid 1, since ")
    assert text.endswith(holder.since_text(now=now))
    assert len(holder.since_text(now=now)) == len("2026-01-01 09:05")
