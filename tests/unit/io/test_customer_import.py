"""Importing card files: every row accounted for, duplicates merged, one batch, undoable."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from peewee import IntegrityError

from pharmadesk.db.memory_stage import MemoryStage
from pharmadesk.errors import DatabaseUnavailable, OperationFailed
from pharmadesk.io import customer_import, import_batches
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import (
    check_summaries,
    consents,
    custom_fields,
    customers,
    erasure,
    loyalty,
    search,
    search_index,
)
from pharmadesk.services.context import Context

TITLE = ["康宁大药房会员登记表", None, None]
HEADER = ["姓名", "联系电话", "生日"]
# The issue's example: rows 4-11 below a title row, a blank row and the header (row 3).
EXAMPLE = [
    ["张三", "138-1234-5678", "1965年3月7日"],
    [None, None, None],
    ["李四", "010-62345678", "1970/1/2"],
    ["张 三", "１３８１２３４５６７８", "1965-03-07"],
    ["王伟", "13900001111", "1980-05-05"],
    ["王伟", "13900002222", "1982-06-06"],
    [None, "13700000000", None],
    ["合计", None, None],
]
EXPECTED = [
    (4, "imported", ""),
    (5, "skipped", "empty row"),
    (6, "flagged", "not a mobile (kept as other phone)"),
    (7, "merged", "merged into row 4 (same mobile)"),
    (8, "imported", ""),
    (9, "imported", "same name as row 8, not merged: check it"),  # a proposal only
    (10, "rejected", "no name"),
    (11, "skipped", "summary row"),
]


def table(rows: list[list[object]], *, name: str = "cards.xlsx", above: int = 2) -> RawTable:
    """A sheet: a title row and blank rows above the header, then `rows`."""
    lines: list[list[object]] = [TITLE, *([[None]] * (above - 1)), HEADER, *rows, [None], [None]]
    raw = [RawRow(number, tuple(cells)) for number, cells in enumerate(lines, start=1)]
    digest = hashlib.sha256(json.dumps(lines, default=str, ensure_ascii=False).encode()).hexdigest()
    return RawTable(Path(name), "Sheet1", raw, digest)


def names(ctx: Context) -> list[str]:
    return sorted(r[0] for r in ctx.db.execute_sql("SELECT name FROM customer").fetchall())


def test_the_issue_example_gives_the_expected_outcomes(pharmacy: Context) -> None:
    plan = customer_import.plan(pharmacy, table(EXAMPLE))
    assert plan.header_number == 3
    assert [(r.number, r.outcome, r.reason) for r in plan.rows] == EXPECTED
    assert plan.counts() == {
        "data_rows": 8, "imported": 3, "merged": 1, "flagged": 1, "skipped": 2, "rejected": 1,
    }  # fmt: skip
    assert names(pharmacy) == []  # a plan writes nothing

    import_batches.commit(pharmacy, plan)
    assert names(pharmacy) == ["张三", "李四", "王伟", "王伟"]
    zs = customers.get(pharmacy, _id(pharmacy, "张三"))
    assert (zs.mobile, zs.birth_date) == ("13812345678", date(1965, 3, 7))
    assert (zs.consent_data, zs.consent_health, zs.consent_marketing) == ("paper_unconfirmed",) * 3
    ls = customers.get(pharmacy, _id(pharmacy, "李四"))
    assert (ls.mobile, ls.phone, ls.birth_date) == (None, "010-62345678", date(1970, 1, 2))


def test_each_new_customer_has_its_paper_card_consents_on_record(pharmacy: Context) -> None:
    plan = customer_import.plan(pharmacy, table(EXAMPLE))
    import_batches.commit(pharmacy, plan)
    ids = [int(r[0]) for r in pharmacy.db.execute_sql("SELECT id FROM customer").fetchall()]
    assert len(ids) == 4  # 张 三 merged into 张三: no customer, no consents of its own
    for customer_id in ids:
        entries = consents.history(pharmacy, customer_id)
        assert sorted(e.purpose for e in entries) == ["data", "health", "marketing"]
        assert {(e.status, e.channel, e.user_name, e.by_guardian) for e in entries} == {
            ("paper_unconfirmed", "paper", "owner", False)
        }
        assert {e.recorded_at for e in entries} == {pharmacy.now().replace(microsecond=0)}
    assert pharmacy.db.execute_sql("SELECT count(*) FROM consent_record").fetchone()[0] == 12


def _id(ctx: Context, name: str) -> int:
    return int(ctx.db.execute_sql("SELECT id FROM customer WHERE name = ?", (name,)).fetchone()[0])


def test_bad_values_are_kept_in_the_notes_and_flagged(pharmacy: Context) -> None:
    rows: list[list[object]] = [["赵六", "13912345678", "1990-02-30"]]
    plan = customer_import.plan(pharmacy, table(rows))
    assert plan.rows[0].outcome == "flagged"
    assert "birth date" in plan.rows[0].reason
    import_batches.commit(pharmacy, plan)
    saved = customers.get(pharmacy, _id(pharmacy, "赵六"))
    assert saved.birth_date is None
    # Written into the customer's file under the Chinese name of the field, as the
    # registration date is: the notes are the pharmacy's, not the UI's.
    assert saved.notes == "出生日期: 1990-02-30"


def test_a_file_without_a_name_column_cannot_be_imported(pharmacy: Context) -> None:
    lines = [RawRow(1, ("手机", "金额")), RawRow(2, ("13812345678", "12"))]
    with pytest.raises(OperationFailed, match="name"):
        customer_import.plan(pharmacy, RawTable(Path("x.csv"), None, lines, "h"))


def test_a_column_of_mobiles_without_a_header_name_is_found(pharmacy: Context) -> None:
    lines = [RawRow(1, ("姓名", "号码")), RawRow(2, ("张三", 13812345678.0)),
             RawRow(3, ("李四", "13900001111"))]  # fmt: skip
    plan = customer_import.plan(pharmacy, RawTable(Path("x.xlsx"), "S", lines, "h2"))
    assert plan.mapping == {0: "name", 1: "mobile"}
    assert [r.outcome for r in plan.rows] == ["imported", "imported"]


@pytest.mark.parametrize(
    ("policy", "outcome", "count"),
    [("merge", "merged", 1), ("skip", "skipped", 1), ("new", "imported", 2)],
)
def test_a_customer_already_on_file_follows_the_duplicate_policy(
    pharmacy: Context, policy: str, outcome: str, count: int
) -> None:
    existing = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert existing is not None
    rows: list[list[object]] = [["张三", "13812345678", "1965-03-07"]]
    plan = customer_import.plan(pharmacy, table(rows), policy=policy)
    assert plan.rows[0].outcome == outcome
    import_batches.commit(pharmacy, plan)
    assert names(pharmacy) == ["张三"] * count
    if policy == "merge":  # the empty birth date was filled, nothing overwritten
        assert customers.get(pharmacy, existing.id).birth_date == date(1965, 3, 7)


def test_a_merge_never_overwrites_and_undo_restores_what_it_filled(pharmacy: Context) -> None:
    existing = customers.create(
        pharmacy, {"name": "张三", "mobile": "13812345678", "address": "文三路1号"}
    ).customer
    assert existing is not None
    rows: list[list[object]] = [
        ["张三", "13812345678", "1965-03-07"],
        ["李四", "13900001111", None],
    ]
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, table(rows)))
    merged = customers.get(pharmacy, existing.id)
    assert (merged.address, merged.birth_date) == ("文三路1号", date(1965, 3, 7))

    result = import_batches.undo(pharmacy, batch)
    assert result.removed_customers == 1
    assert names(pharmacy) == ["张三"]
    assert customers.get(pharmacy, existing.id).birth_date is None
    with pytest.raises(OperationFailed, match="undone already"):
        import_batches.undo(pharmacy, batch)


def test_a_merge_joins_allergies_and_conditions_and_undo_restores_them(
    pharmacy: Context,
) -> None:
    existing = customers.create(
        pharmacy, {"name": "张三", "mobile": "13812345678", "allergies": "青霉素"}
    ).customer
    assert existing is not None
    header = RawRow(1, ("姓名", "手机", "过敏史", "慢性病"))
    lines = [
        header,
        RawRow(2, ("张三", "13812345678", "磺胺类", "高血压")),
        RawRow(3, ("王建华", "13900001111", "青霉素", None)),
        RawRow(4, ("王建华", "１３９００００１１１１", "青霉素、头孢类", "无")),
        RawRow(5, ("王建华", "13900001111", "头孢", None)),  # named already, in other words
    ]
    plan = customer_import.plan(pharmacy, RawTable(Path("a.xlsx"), "S", lines, "h"))
    reasons = {row.number: row.reason for row in plan.rows}
    assert reasons[2] == (
        "merged into an existing customer (same mobile); adds to allergies: 磺胺类; "
        "adds to chronic conditions: 高血压"
    )
    assert reasons[4] == "merged into row 3 (same mobile); adds to allergies: 头孢类"
    assert reasons[5] == "merged into row 3 (same mobile)"
    batch = import_batches.commit(pharmacy, plan)
    zhang = customers.get(pharmacy, existing.id)
    assert (zhang.allergies, zhang.chronic_conditions) == ("青霉素、磺胺类", "高血压")
    wang = customers.get(pharmacy, _id(pharmacy, "王建华"))
    assert wang.allergies == "青霉素、头孢类"
    assert wang.chronic_conditions == "无"  # filled as any empty field: the card says so

    import_batches.undo(pharmacy, batch)
    zhang = customers.get(pharmacy, existing.id)
    assert (zhang.allergies, zhang.chronic_conditions) == ("青霉素", None)


def test_undo_keeps_customers_edited_since_unless_told_otherwise(
    pharmacy: Context, clock: object
) -> None:
    rows: list[list[object]] = [["张三", "13812345678", None], ["李四", "13900001111", None]]
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, table(rows)))
    clock.advance(minutes=5)  # type: ignore[attr-defined]
    customers.update(pharmacy, _id(pharmacy, "李四"), {"address": "教工路2号"})
    assert import_batches.edited_since(pharmacy, batch) == [_id(pharmacy, "李四")]
    import_batches.undo(pharmacy, batch, keep_edited=True)
    assert names(pharmacy) == ["李四"]


def test_the_same_file_twice_is_refused_unless_again(pharmacy: Context) -> None:
    rows: list[list[object]] = [["张三", "13812345678", None]]
    import_batches.commit(pharmacy, customer_import.plan(pharmacy, table(rows)))
    again = customer_import.plan(pharmacy, table(rows))
    assert again.previous_batch is not None
    with pytest.raises(OperationFailed, match="imported before"):
        import_batches.commit(pharmacy, again)
    import_batches.commit(pharmacy, again, again=True)
    assert [b.status for b in import_batches.batches(pharmacy)] == ["committed", "committed"]


def test_a_cancelled_import_writes_nothing(pharmacy: Context) -> None:
    rows: list[list[object]] = [[f"客户{n}", f"139{n:08d}", None] for n in range(5000)]
    plan = customer_import.plan(pharmacy, table(rows))
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # after the first chunk is written

    with pytest.raises(customer_import.ImportCancelled):
        import_batches.commit(pharmacy, plan, cancelled=cancel)
    assert names(pharmacy) == []
    assert import_batches.batches(pharmacy) == []


def test_points_become_an_opening_balance_and_custom_columns_a_field(pharmacy: Context) -> None:
    field = custom_fields.define(pharmacy, "医保卡号", kind="text")
    lines = [
        RawRow(1, ("姓名", "手机", "积分", "医保")),
        RawRow(2, ("张三", "13812345678", 120, "YB1")),
    ]
    source = RawTable(Path("p.xlsx"), "S", lines, "h3")
    mapping = {0: "name", 1: "mobile", 2: "points", 3: f"custom:{field.key}"}
    import_batches.commit(pharmacy, customer_import.plan(pharmacy, source, mapping=mapping))
    saved = customers.get(pharmacy, _id(pharmacy, "张三"))
    assert saved.points == 120
    assert saved.custom == {field.key: "YB1"}


def _balances(ctx: Context) -> dict[str, int]:
    """What the counter shows as each customer's balance (the cached `points_balance`)."""
    rows = ctx.db.execute_sql(
        "SELECT c.name, b.balance FROM points_balance b JOIN customer c ON c.id = b.customer_id"
    ).fetchall()
    return dict(rows)


def test_opening_points_add_to_the_balances_new_and_merged_and_later_entries_still_count(
    pharmacy: Context,
) -> None:
    header = RawRow(1, ("姓名", "手机", "积分"))
    first = [header, RawRow(2, ("张三", "13812345678", 100))]
    import_batches.commit(
        pharmacy, customer_import.plan(pharmacy, RawTable(Path("a.xlsx"), "S", first, "ha"))
    )
    second = [
        header,
        RawRow(2, ("张三", "13812345678", 50)),  # merged: the points add to the balance
        RawRow(3, ("李四", "13900001111", 30)),
        RawRow(4, ("李四", "13900001111", 5)),  # typed twice in the same file
        RawRow(5, ("王五", "13700002222", None)),
    ]
    plan = customer_import.plan(pharmacy, RawTable(Path("b.xlsx"), "S", second, "hb"))
    assert plan.counts()["merged"] == 2
    import_batches.commit(pharmacy, plan)
    assert _balances(pharmacy) == {"张三": 150, "李四": 35}
    loyalty.adjust(pharmacy, _id(pharmacy, "李四"), 7, "card found in the drawer")
    assert _balances(pharmacy)["李四"] == 42  # the ledger's own bookkeeping is back
    assert check_summaries.points(pharmacy) is None


def test_a_cancelled_import_leaves_the_points_bookkeeping_working(pharmacy: Context) -> None:
    lines = [RawRow(1, ("姓名", "手机", "积分")), RawRow(2, ("张三", "13812345678", 100))]
    source = RawTable(Path("a.xlsx"), "S", lines, "ha")
    with pytest.raises(customer_import.ImportCancelled):
        import_batches.commit(
            pharmacy, customer_import.plan(pharmacy, source), cancelled=lambda: True
        )
    import_batches.commit(pharmacy, customer_import.plan(pharmacy, source))
    loyalty.adjust(pharmacy, _id(pharmacy, "张三"), 7, "card found in the drawer")
    assert _balances(pharmacy) == {"张三": 107}


def _orphan_refused(ctx: Context) -> bool:
    """Whether the database still refuses a consent of a customer who does not exist."""
    try:
        with ctx.db.atomic():
            ctx.db.execute_sql(
                "INSERT INTO consent_record (customer_id, purpose, status, recorded_at) "
                "VALUES (999999, 'data', 'given', '2026-01-01T00:00:00+08:00')"
            )
    except IntegrityError:
        return True
    return False


def test_an_import_leaves_every_reference_sound_and_checked_again(pharmacy: Context) -> None:
    lines = [
        RawRow(1, ("姓名", "手机", "积分")),
        RawRow(2, ("张三", "13812345678", 100)),
        RawRow(3, ("张三", "13812345678", 5)),
        RawRow(4, ("李四", "13900001111", None)),
    ]
    first = customer_import.plan(pharmacy, RawTable(Path("a"), "S", lines, "h"))
    import_batches.commit(pharmacy, first)
    assert pharmacy.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert _orphan_refused(pharmacy)
    again = customer_import.plan(pharmacy, RawTable(Path("b"), "S", lines, "h2"))
    with pytest.raises(customer_import.ImportCancelled):
        import_batches.commit(pharmacy, again, cancelled=lambda: True)
    assert _orphan_refused(pharmacy)


def test_a_merge_into_a_customer_erased_since_the_preview_imports_nothing(
    pharmacy: Context,
) -> None:
    header = RawRow(1, ("姓名", "手机", "过敏史"))
    first = [header, RawRow(2, ("张三", "13812345678", None))]
    import_batches.commit(
        pharmacy, customer_import.plan(pharmacy, RawTable(Path("a"), "S", first, "ha"))
    )
    second = [header, RawRow(2, ("王五", "13700002222", None)),
              RawRow(3, ("张三", "13812345678", "青霉素"))]  # fmt: skip
    plan = customer_import.plan(pharmacy, RawTable(Path("b"), "S", second, "hb"))
    assert plan.counts()["merged"] == 1
    erasure.erase(pharmacy, _id(pharmacy, "张三"))  # at another PC, before the commit
    with pytest.raises(OperationFailed, match="row 3: the customer it merges into was deleted"):
        import_batches.commit(pharmacy, plan)
    assert "王五" not in names(pharmacy)
    assert "青霉素" not in str(pharmacy.db.execute_sql("SELECT * FROM customer").fetchall())


def test_a_points_cell_no_card_could_hold_is_flagged_and_kept_in_the_notes(
    pharmacy: Context,
) -> None:
    lines = [RawRow(1, ("姓名", "积分"))] + [
        RawRow(n + 2, (name, value))
        for n, (name, value) in enumerate((("张三", "1e20"), ("李四", "inf"), ("王五", "-350")))
    ]
    plan = customer_import.plan(pharmacy, RawTable(Path("p.csv"), "S", lines, "h4"))
    assert plan.counts()["flagged"] == 2
    import_batches.commit(pharmacy, plan)
    zhang, li, wang = (customers.get(pharmacy, _id(pharmacy, n)) for n in ("张三", "李四", "王五"))
    assert (zhang.points, li.points, wang.points) == (0, 0, -350)  # a debt on the card stays
    assert "1e20" in (zhang.notes or "")
    assert "inf" in (li.notes or "")


KILLED = """
import os, signal, sys
from pathlib import Path
from pharmadesk.db import keyfile
keyfile.DEFAULT_KDF = keyfile.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
from pharmadesk.services import vault
from pharmadesk.io import customer_import, import_batches
from pharmadesk.io.files import RawRow, RawTable
ctx = vault.open_pharmacy(Path(sys.argv[1]), user="owner", password=sys.argv[2])
ctx.db.execute_sql("PRAGMA cache_size = -1024")  # the open transaction spills into the WAL
rows = [RawRow(1, ("姓名", "手机"))] + [
    RawRow(n + 2, (f"客户{n}", f"139{n:08d}")) for n in range(20000)]
plan = customer_import.plan(ctx, RawTable(Path("big.xlsx"), "S", rows, "killed"))
def progress(done, total):
    if done >= 6000:
        os.kill(os.getpid(), signal.SIGKILL)  # the power cut, mid-commit
import_batches.commit(ctx, plan, progress=progress)
"""


def test_a_killed_import_leaves_no_partial_batch(pharmacy: Context, db_path: Path) -> None:
    from tests.conftest import PASSWORD

    pharmacy.close()
    done = subprocess.run(
        [sys.executable, "-c", KILLED, str(db_path), PASSWORD], capture_output=True, timeout=120
    )
    assert done.returncode == -9, done.stderr.decode()
    from pharmadesk.services import vault

    reopened = vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    try:
        assert names(reopened) == []
        assert import_batches.batches(reopened) == []
    finally:
        reopened.close()


KILLED_AFTER = KILLED.replace(
    "import_batches.commit(ctx, plan, progress=progress)",
    "import_batches.commit(ctx, plan)\nos.kill(os.getpid(), signal.SIGKILL)",
)


def test_an_import_killed_right_after_its_commit_is_all_there(
    pharmacy: Context, db_path: Path
) -> None:
    """The commit leaves its checkpoint for later (`settle`): a power cut before it still
    keeps the whole batch."""
    from tests.conftest import PASSWORD

    pharmacy.close()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER, str(db_path), PASSWORD],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == -9, done.stderr.decode()
    # Killed before any checkpoint: the batch is in the WAL only, not yet in the file.
    wal = Path(f"{db_path}-wal")
    assert wal.stat().st_size > 4 * db_path.stat().st_size
    from pharmadesk.services import vault

    reopened = vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    try:
        assert len(names(reopened)) == 20000
        assert [b.counts["imported"] for b in import_batches.batches(reopened)] == [20000]
    finally:
        reopened.close()


def test_the_batch_is_audited(pharmacy: Context) -> None:
    rows: list[list[object]] = [["张三", "13812345678", None]]
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, table(rows)))
    actions = pharmacy.db.execute_sql(
        "SELECT action, entity_id FROM audit_event WHERE action LIKE 'import.%'"
    ).fetchall()
    assert [tuple(a) for a in actions] == [("import.committed", batch)]
    assert isinstance(import_batches.batches(pharmacy)[0].created_at, datetime)


def test_single_rows_can_be_decided_by_hand(pharmacy: Context) -> None:
    existing = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert existing is not None
    rows: list[list[object]] = [
        ["张三", "13812345678", None],  # row 4: on file
        ["李四", "13900001111", None],  # row 5
        ["李四", "13900001111", None],  # row 6: same as row 5
    ]
    plan = customer_import.plan(pharmacy, table(rows), policy="skip")
    assert [r.outcome for r in plan.rows] == ["skipped", "imported", "merged"]
    plan = customer_import.plan(
        pharmacy, table(rows), policy="skip", overrides={4: "merge", 5: "skip", 6: "new"}
    )
    assert [(r.outcome, r.reason) for r in plan.rows] == [
        ("merged", "merged into an existing customer (same mobile)"),
        ("skipped", "skipped by hand"),
        ("imported", "a customer of its own, chosen by hand"),
    ]
    import_batches.commit(pharmacy, plan)
    assert names(pharmacy) == ["张三", "李四"]


def test_a_same_name_proposal_is_merged_only_by_hand(pharmacy: Context) -> None:
    plan = customer_import.plan(pharmacy, table(EXAMPLE), overrides={9: "merge"})
    row = plan.rows[5]
    assert (row.number, row.outcome, row.reason) == (
        9,
        "merged",
        "merged into row 8 (same name, by hand)",
    )
    import_batches.commit(pharmacy, plan)
    assert names(pharmacy) == ["张三", "李四", "王伟"]


def test_a_merge_and_a_proposal_are_shown_beside_what_they_join(pharmacy: Context) -> None:
    existing = customers.create(
        pharmacy, {"name": "赵六", "mobile": "13600000000", "address": "文三路1号"}
    ).customer
    assert existing is not None
    rows = [*EXAMPLE[:6], ["赵六", "13600000000", "1990-01-01"]]
    plan = customer_import.plan(pharmacy, table(rows))
    by_number = {r.number: r for r in plan.rows}
    in_file = customer_import.compare(pharmacy, plan, by_number[7])  # 张 三 into row 4
    assert in_file is not None
    assert in_file.other == "row 4"
    assert ("birth_date", date(1965, 3, 7), date(1965, 3, 7)) in in_file.fields
    on_file = customer_import.compare(pharmacy, plan, by_number[10])  # 赵六 into the one on file
    assert on_file is not None
    assert on_file.other == "on file"
    assert ("address", None, "文三路1号") in on_file.fields
    proposal = customer_import.compare(pharmacy, plan, by_number[9])  # the second 王伟
    assert proposal is not None
    assert proposal.other == "row 8"
    assert customer_import.compare(pharmacy, plan, by_number[4]) is None  # plainly imported


def _found(ctx: Context, query: str) -> list[str]:
    return [hit.name for hit in search.find(ctx, query)]


def test_imported_customers_are_found_by_long_fragments_and_middle_digits(
    pharmacy: Context,
) -> None:
    rows: list[list[object]] = [
        ["欧阳娜娜依依", "13912345678", None],
        ["Maria Gonzalez", "13800001111", None],
    ]
    import_batches.commit(pharmacy, customer_import.plan(pharmacy, table(rows)))
    assert _found(pharmacy, "娜娜依") == ["欧阳娜娜依依"]
    assert _found(pharmacy, "gonzal") == ["Maria Gonzalez"]
    assert _found(pharmacy, "234567") == ["欧阳娜娜依依"]
    # The indexes keep following customers saved after the import.
    customers.create(pharmacy, {"name": "司马相如之", "mobile": "13765432100"})
    assert _found(pharmacy, "相如之") == ["司马相如之"]
    assert _found(pharmacy, "654321") == ["司马相如之"]


def test_a_cancelled_import_leaves_the_search_indexes_working(pharmacy: Context) -> None:
    rows: list[list[object]] = [[f"客户{n}", f"139{n:08d}", None] for n in range(5000)]
    plan = customer_import.plan(pharmacy, table(rows))
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # after the first chunk is written

    with pytest.raises(customer_import.ImportCancelled):
        import_batches.commit(pharmacy, plan, cancelled=cancel)
    customers.create(pharmacy, {"name": "司马相如之", "mobile": "13765432100"})
    assert _found(pharmacy, "相如之") == ["司马相如之"]
    assert _found(pharmacy, "654321") == ["司马相如之"]


def test_a_failure_while_indexing_leaves_nothing_and_the_indexes_working(
    pharmacy: Context,
) -> None:
    """The search keys are staged in memory and copied in last: a key the database refuses
    at that copy (a trigger here) still undoes the whole batch."""
    pharmacy.db.execute_sql(
        "CREATE TRIGGER refuse_boom BEFORE INSERT ON search_key WHEN new.key = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'the index refused boom'); END"
    )
    rows: list[list[object]] = [[f"客户{n}", f"139{n:08d}", None] for n in range(5000)]
    rows[3100] = ["Boom", "13700000001", None]
    plan = customer_import.plan(pharmacy, table(rows))
    with pytest.raises(IntegrityError, match="the index refused boom"):
        import_batches.commit(pharmacy, plan)
    assert names(pharmacy) == []
    assert import_batches.batches(pharmacy) == []
    assert pharmacy.db.execute_sql("SELECT count(*) FROM search_key").fetchone()[0] == 0
    pharmacy.db.execute_sql("DROP TRIGGER refuse_boom")
    import_batches.commit(pharmacy, plan)
    assert len(names(pharmacy)) == 5000
    assert _found(pharmacy, "boom") == ["Boom"]
    customers.create(pharmacy, {"name": "司马相如之", "mobile": "13765432100"})
    assert _found(pharmacy, "相如之") == ["司马相如之"]


def test_a_code_a_merge_filled_is_not_given_again_to_a_card_far_below(
    pharmacy: Context,
) -> None:
    """Row 2 fills member code K1 into a customer on file that has none; row 4,503 (two
    chunks later) is a customer of its own by hand with the same code: it gets a code of
    its own instead of failing the import on the code's uniqueness."""
    on_file = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    assert on_file is not None
    pharmacy.db.execute_sql("UPDATE customer SET code = NULL WHERE id = ?", (on_file.id,))
    lines: list[tuple[object, ...]] = [("姓名", "手机", "会员卡号"), ("张三", "13812345678", "K1")]
    lines += [(f"客户{n}", f"139{n:08d}", None) for n in range(4500)]
    lines.append(("李四", "13700000001", "K1"))
    raw = [RawRow(number, cells) for number, cells in enumerate(lines, start=1)]
    plan = customer_import.plan(
        pharmacy, RawTable(Path("codes.xlsx"), "S", raw, "codes"), overrides={4503: "new"}
    )
    assert [r.outcome for r in plan.rows if r.number in (2, 4503)] == ["merged", "imported"]
    import_batches.commit(pharmacy, plan)
    assert customers.get(pharmacy, on_file.id).code == "K1"
    li = customers.get(pharmacy, _id(pharmacy, "李四"))
    assert li.code is not None
    assert li.code.startswith("PD")


def test_an_import_inside_an_open_transaction_writes_its_keys_straight_away(
    pharmacy: Context,
) -> None:
    rows: list[list[object]] = [[f"客户{n}", f"139{n:08d}", None] for n in range(2500)]
    rows.append(["欧阳娜娜", "13700000001", None])
    plan = customer_import.plan(pharmacy, table(rows))
    with pharmacy.db.atomic():  # no database can be attached for the keys' stage here
        import_batches.commit(pharmacy, plan)
    assert _found(pharmacy, "ouyang") == ["欧阳娜娜"]
    assert _found(pharmacy, "客户2499") == ["客户2499"]


def test_a_staged_statement_that_fails_leaves_nothing_and_nothing_attached(
    pharmacy: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_run = MemoryStage.run
    calls: list[int] = []

    def run(stage: MemoryStage, sql: str, params: Sequence[object] = ()) -> None:
        calls.append(1)
        if len(calls) == 2:  # the second chunk's keys, on the helper thread
            sql = "INSERT INTO search_key (key) VALUES (?)"  # no class, no rank
        real_run(stage, sql, params)

    monkeypatch.setattr(MemoryStage, "run", run)
    rows: list[list[object]] = [[f"客户{n}", f"139{n:08d}", None] for n in range(5000)]
    plan = customer_import.plan(pharmacy, table(rows))
    with pytest.raises(IntegrityError, match="NOT NULL"):
        import_batches.commit(pharmacy, plan)
    assert len(calls) >= 2
    assert names(pharmacy) == []
    assert import_batches.batches(pharmacy) == []
    db = pharmacy.db
    assert not [r for r in db.execute_sql("PRAGMA database_list") if r[1].startswith("stage_")]
    assert not [t for t in threading.enumerate() if t.name.startswith("pharmadesk-stage")]
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    monkeypatch.setattr(MemoryStage, "run", real_run)
    import_batches.commit(pharmacy, plan)
    assert _found(pharmacy, "客户4999") == ["客户4999"]


def test_keys_are_written_straight_away_where_no_stage_can_be_made(
    pharmacy: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoStage:
        def __init__(self, *args: object) -> None:
            pass

        def __enter__(self) -> None:
            raise DatabaseUnavailable("no database in memory could be attached")

        def __exit__(self, *args: object) -> None:
            pass

    monkeypatch.setattr(search_index, "MemoryStage", NoStage)
    rows: list[list[object]] = [[f"客户{n}", f"139{n:08d}", None] for n in range(2500)]
    rows.append(["欧阳娜娜", "13700000001", None])
    import_batches.commit(pharmacy, customer_import.plan(pharmacy, table(rows)))
    assert _found(pharmacy, "ouyang") == ["欧阳娜娜"]
    assert _found(pharmacy, "客户2499") == ["客户2499"]


def wide_table(rows: list[list[object]]) -> RawTable:
    """A sheet with an address and an email column, header on row 1."""
    lines = [["姓名", "手机", "生日", "地址", "邮箱"], *rows]
    raw = [RawRow(number, tuple(cells)) for number, cells in enumerate(lines, start=1)]
    digest = hashlib.sha256(json.dumps(lines, ensure_ascii=False).encode()).hexdigest()
    return RawTable(Path("near.xlsx"), "Sheet1", raw, digest)


def test_a_near_spelling_with_one_more_detail_in_common_is_proposed(pharmacy: Context) -> None:
    plan = customer_import.plan(
        pharmacy,
        wide_table([
            ["王伟", "13900001111", "1980-05-05", None, None],
            ["王玮", "13900002222", "1980-05-05", None, None],  # a homophone, same birthday
            ["王薇", "13900003333", "1991-01-01", None, None],  # a homophone, nothing else
            ["王维", "13900004444", "1980-05-06", "文三路1号", None],  # born on another day
            ["Maria Gonzalez", None, None, None, "maria@example.com"],
            ["maria  gonzalez", None, None, None, "MARIA@example.com"],
        ]),
    )  # fmt: skip
    assert [(r.number, r.outcome, r.reason) for r in plan.rows] == [
        (2, "imported", ""),
        (3, "imported", "similar name to row 2 (王伟), same birth date, not merged: check it"),
        (4, "imported", ""),
        (5, "imported", ""),
        (6, "imported", ""),
        (
            7,
            "imported",
            "similar name to row 6 (Maria Gonzalez), same email, not merged: check it",
        ),
    ]
    assert plan.rows[1].proposed_row == 2
    import_batches.commit(pharmacy, plan)
    assert len(names(pharmacy)) == 6  # proposals are only proposals


def test_a_near_spelling_on_file_is_proposed_and_merged_by_hand(pharmacy: Context) -> None:
    customers.create(pharmacy, {"name": "张晓明", "address": "文三路 1 号"})
    existing = _id(pharmacy, "张晓明")
    rows: list[list[object]] = [["张小明", "13912345678", None, "文三路1号", None]]
    plan = customer_import.plan(pharmacy, wide_table(rows))
    row = plan.rows[0]
    assert (row.outcome, row.proposed_customer) == ("imported", existing)
    assert row.reason == (
        "similar name to a customer on file (张晓明), same address, not merged: check it"
    )
    comparison = customer_import.compare(pharmacy, plan, row)
    assert comparison is not None
    assert ("name", "张小明", "张晓明") in comparison.fields
    decided = customer_import.plan(pharmacy, wide_table(rows), overrides={2: "merge"})
    assert decided.rows[0].reason == (
        "merged into an existing customer (similar name, same address, by hand)"
    )
    import_batches.commit(pharmacy, decided)
    assert names(pharmacy) == ["张晓明"]
    assert customers.get(pharmacy, existing).mobile == "13912345678"


def _fts_intact(ctx: Context) -> None:
    for index in ("customer_phone_trigram", "customer_name_trigram"):
        ctx.db.execute_sql(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    # The phone index covers every customer, so it must also match the customer table.
    ctx.db.execute_sql(
        "INSERT INTO customer_phone_trigram(customer_phone_trigram, rank) "
        "VALUES ('integrity-check', 1)"
    )


def test_a_merge_within_the_file_keeps_the_search_indexes_sound(pharmacy: Context) -> None:
    rows: list[list[object]] = [
        ["欧阳测试甲乙", "010-62345678", "1970/1/2"],  # flagged: a landline, no mobile
        ["欧阳测试甲乙", "13811112222", "1970-01-02"],  # merged into it: fills the mobile
        ["司马测试丙丁", "13922223333", "1971-01-01"],
    ]
    plan = customer_import.plan(pharmacy, table(rows))
    assert [r.outcome for r in plan.rows] == ["flagged", "merged", "imported"]
    import_batches.commit(pharmacy, plan)
    _fts_intact(pharmacy)
    assert _found(pharmacy, "811112") == ["欧阳测试甲乙"]
    assert _found(pharmacy, "6234567") == ["欧阳测试甲乙"]
    assert _found(pharmacy, "测试丙丁") == ["司马测试丙丁"]


def test_a_childs_card_without_a_guardian_is_imported_flagged(pharmacy: Context) -> None:
    """Under 14 at today's date (the clock says 2026-11-20): flagged, not rejected, and the
    consents stay paper cards not yet confirmed; a card naming the guardian is imported."""
    header = ["姓名", "手机", "出生日期", "监护人", "监护人电话"]
    rows: list[list[object]] = [
        header,
        ["王小明", None, "2015-05-01", None, None],
        ["王小红", None, "2016-06-01", "王大明", "13900002222"],
        ["王老明", "13900003333", "2012-11-20", None, None],  # fourteen today
    ]
    lines = [RawRow(n, tuple(cells)) for n, cells in enumerate(rows, start=1)]
    plan = customer_import.plan(pharmacy, RawTable(Path("kids.xlsx"), "Sheet1", lines, "k1"))
    outcomes = [(row.outcome, row.reason) for row in plan.rows]
    assert outcomes == [
        ("flagged", "a child under 14 without a guardian's name and mobile: the guardian's "
                    "consent is needed"),
        ("imported", ""),
        ("imported", ""),
    ]  # fmt: skip
    import_batches.commit(pharmacy, plan)
    child = customers.get(pharmacy, _id(pharmacy, "王小明"))
    assert (child.consent_data, child.consent_health, child.consent_marketing) == (
        ("paper_unconfirmed",) * 3
    )
    sister = customers.get(pharmacy, _id(pharmacy, "王小红"))
    assert (sister.guardian_name, sister.guardian_mobile) == ("王大明", "13900002222")


def test_a_mobile_shared_under_another_name_is_only_proposed(pharmacy: Context) -> None:
    # A family shares one mobile: the mother's card must not fill the son's file (her
    # allergies would show at the counter as his).
    import_batches.commit(pharmacy, customer_import.plan(
        pharmacy, table([["张伟", "13812345678", "1980-01-01"]], name="first.xlsx")))  # fmt: skip
    son = _id(pharmacy, "张伟")
    rows = [["李秀英", "13812345678", "1958-04-12"], ["李秀英", "138 1234 5678", None],
            ["张玮", "13812345678", None]]  # fmt: skip
    plan = customer_import.plan(pharmacy, table(rows, name="second.xlsx"))
    mother, again, typo = plan.rows
    assert (mother.outcome, mother.proposed_customer) == ("imported", son)
    assert "same mobile as a customer on file (张伟) under another name" in mother.reason
    assert (again.outcome, again.into_row) == ("merged", mother.number)  # her own, twice
    # The same name read alike (张伟, 张玮) with the same mobile is the same person.
    assert (typo.outcome, typo.into_customer) == ("merged", son)
    import_batches.commit(pharmacy, plan)
    assert names(pharmacy) == ["张伟", "李秀英"]
    by_hand = customer_import.plan(
        pharmacy, table([["王芳", "13812345678", None]], name="third.xlsx"), overrides={4: "merge"}
    )
    assert by_hand.rows[0].outcome == "merged"
