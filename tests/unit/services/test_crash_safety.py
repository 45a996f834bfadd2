"""A crash in the middle of an import loses nothing committed before and leaves no half batch.

A separate process imports 60,000 cards through the import engine and is killed (SIGKILL,
no clean-up of any kind) while its one transaction is half written. By then SQLite has
already spilled megabytes of uncommitted pages into the WAL: the reopened file must ignore
them. The signal to kill is the engine's own progress callback,
which prints a line half way and then waits (forever) for the test: no timed sleep.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pharmadesk.io import customer_import, files, import_batches
from pharmadesk.services import checks, instance, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD

ROWS = 60_000
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

IMPORT_AND_STALL = """
import sys
from pathlib import Path
from pharmadesk.db import keyfile
from pharmadesk.io import customer_import, files, import_batches
from pharmadesk.services import instance, vault

keyfile.DEFAULT_KDF = keyfile.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
db_path, csv_path, password = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
lock = instance.hold(db_path, program="command import", account="owner")
ctx = vault.open_pharmacy(db_path, user="owner", password=password)
# A small page cache: the open transaction spills into the WAL early, as an import of
# 100,000 cards does late with the usual one (its search keys wait in memory to the end).
ctx.db.execute_sql("PRAGMA cache_size = -2048")
plan = customer_import.plan(ctx, files.read_table(csv_path))

def progress(done, total):
    print(f"written {done}/{total}", flush=True)
    if done >= total // 2:
        sys.stdin.readline()  # the test kills this process here, mid-transaction

import_batches.commit(ctx, plan, progress=progress)
print("committed", flush=True)
"""


def _cards(path: Path, rows: int, *, first_mobile: int) -> Path:
    lines = ["姓名,手机,积分,备注"]
    lines += [f"顾客{n:05d},1{first_mobile + n:010d},{n % 500},纸质卡" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _counts(ctx: Context) -> tuple[int, int, int]:
    def one(sql: str) -> int:
        return int(ctx.db.execute_sql(sql).fetchone()[0])

    return (
        one("SELECT count(*) FROM customer"),
        one("SELECT count(*) FROM import_batch"),
        one("SELECT count(*) FROM points_entry"),
        one("SELECT count(*) FROM audit_event WHERE action = 'login'"),
    )


def test_an_import_killed_mid_transaction_leaves_no_trace(
    pharmacy: Context, tmp_path: Path
) -> None:
    # Committed before the crash: a small batch here, and the child's own login (written
    # to the WAL by a connection that never closes).
    cards = _cards(tmp_path / "a.csv", 20, first_mobile=3_800_000_000)
    small = customer_import.plan(pharmacy, files.read_table(cards))
    earlier = import_batches.commit(pharmacy, small)
    before = _counts(pharmacy)
    assert before[:3] == (20, 1, 19)  # customer 0 has 0 points: no ledger entry
    db_path = pharmacy.path
    pharmacy.close()
    wal = Path(f"{db_path}-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0

    big = _cards(tmp_path / "b.csv", ROWS, first_mobile=3_900_000_000)
    with subprocess.Popen(
        [sys.executable, "-c", IMPORT_AND_STALL, str(db_path), str(big), PASSWORD],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        seen = []
        for line in child.stdout:
            seen.append(line.strip())
            if line.startswith("written") and int(line.split()[1].split("/")[0]) >= ROWS // 2:
                break
        else:
            pytest.fail(
                f"the import stopped early: {seen} {child.stderr.read() if child.stderr else ''}"
            )
        # Half the rows are in its open transaction, many of their pages already in the WAL.
        assert wal.stat().st_size > wal_before + 1_000_000
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert "committed" not in seen

    assert instance.read_holder(db_path) is None  # its holder note is left, and ignored
    lock = instance.hold(db_path)
    ctx = vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    try:
        assert checks.first_problem(ctx) is None
        customers, batches, points, logins = _counts(ctx)
        assert (customers, batches, points) == before[:3], "nothing of the killed batch"
        assert logins == before[3] + 2, "the child's login and this one"
        assert ctx.db.execute_sql("SELECT id FROM import_batch").fetchall() == [(earlier,)]
        assert (
            ctx.db.execute_sql(
                "SELECT count(*) FROM customer WHERE batch_id = ? AND name GLOB '顾客*'", (earlier,)
            ).fetchone()[0]
            == 20
        )
        # The search index and the trigram triggers the bulk load had dropped are whole again.
        found = ctx.db.execute_sql(
            "SELECT count(*) FROM customer_name_trigram WHERE customer_name_trigram MATCH ?",
            ("顾客00019",),
        ).fetchone()[0]
        assert found == 1
    finally:
        ctx.close()
        lock.release()
