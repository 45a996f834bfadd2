"""Erasure on request: afterwards the customer's name and mobile are nowhere.

A customer whose name and mobile are spread through every place the app keeps data (the
form, custom values, purchases, interactions, the points ledger, an import that merged a
paper card, the audit log, the search and trigram indexes) is erased; then every table of
a decrypted dump, the decrypted pages of the file and its WAL (free pages included) and
the files in the user's folders are searched. The control half searches the same places
before the erasure and finds the strings, so the search is able to find them.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from pharmadesk.db.models import PointsEntry
from pharmadesk.errors import NotFound, PermissionRefused, UsageError
from pharmadesk.io import customer_import, import_batches
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import (
    accounts,
    audit,
    custom_fields,
    customers,
    erasure,
    interactions,
    profile,
    purchases,
    search,
    vault,
)
from pharmadesk.services import backup_file as bf
from pharmadesk.services.context import Context
from tests.conftest import FakeClock

NAME = "欧阳龘靐齉"
MOBILE = "13987654321"
PINYIN, INITIALS = "ouyangdabingnang", "oydbn"
EMAIL = "ouyang.longlong@example.com"
ADDRESS = "靐齉路88号"
NEEDLES = (NAME, MOBILE, PINYIN, INITIALS, EMAIL, ADDRESS)
# Pieces of the name the trigram index's pages hold (its terms are stored prefix-compressed,
# so the whole name never stands there as one run of bytes).
NAME_PIECES = tuple(NAME[i : i + 2] for i in range(len(NAME) - 1))
OTHER = ("李小明", "13600001234")
PAGE_SIZE, RESERVE = 4096, 80  # SQLCipher 4: 16 bytes of IV and 64 of HMAC a page


def _cards(file_name: str) -> RawTable:
    lines = [["姓名", "手机", "邮编", "备注", "积分"],
             [NAME, MOBILE, "310013", f"{NAME}的纸卡, {MOBILE}", "120"]]  # fmt: skip
    raw = [RawRow(n, tuple(cells)) for n, cells in enumerate(lines, start=1)]
    digest = hashlib.sha256(file_name.encode()).hexdigest()
    return RawTable(Path(file_name), "cards", raw, digest)


def _spread_everywhere(ctx: Context) -> int:
    """The customer, in every place the app keeps something about a person."""
    custom_fields.define(ctx, "微信号", kind="text")
    key = custom_fields.list_fields(ctx)[0].key
    made = customers.create(ctx, {
        "name": NAME, "mobile": MOBILE, "phone": "057188776655", "email": EMAIL,
        "address": ADDRESS, "allergies": f"{NAME}对青霉素过敏", "custom": {key: f"wx_{MOBILE}"},
        "gender": "F", "birth_date": "1961-03-04", "code": "VIP-0042",
        "consent_data": "given", "consent_health": "given", "consent_marketing": "refused",
    }).customer  # fmt: skip
    assert made is not None
    purchases.record(ctx, made.id, [purchases.LineInput("布洛芬缓释胶囊", 2, 2350)],
                     receipt="R-20261120-7")  # fmt: skip
    interactions.log(ctx, made.id, channel="phone", kind="follow_up",
                     summary=f"给{NAME}回电 {MOBILE}", rating=5)  # fmt: skip
    PointsEntry.create(customer=made.id, kind="adjusted", points=50,
                       reason=f"{NAME} 生日积分", user=ctx.account.id,
                       created_at=ctx.now())  # fmt: skip
    plan = customer_import.plan(ctx, _cards(f"{NAME}的卡片.csv"))
    assert plan.counts()["merged"] == 1
    import_batches.commit(ctx, plan)
    profile.load(ctx, made.id)
    audit.record_view(ctx, made.id)
    return made.id


def _other(ctx: Context) -> int:
    made = customers.create(ctx, {"name": OTHER[0], "mobile": OTHER[1]}).customer
    assert made is not None
    purchases.record(ctx, made.id, [purchases.LineInput("维生素C片", 1, 1200)])
    return made.id


def _dump(ctx: Context) -> dict[str, str]:
    """Every table of the schema (virtual tables and FTS shadow tables too), as text."""
    tables = [n for (n,) in ctx.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]  # fmt: skip
    out = {}
    for table in tables:
        rows = ctx.db.execute_sql(f'SELECT * FROM "{table}"').fetchall()
        out[table] = "\n".join(
            " ".join(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in r)
            for r in rows
        )
    return out


def _found_in_dump(ctx: Context, needles: tuple[str, ...]) -> dict[str, set[str]]:
    return {t: {n for n in needles if n in text} for t, text in _dump(ctx).items()
            if any(n in text for n in needles)}  # fmt: skip


def _decrypt_page(key: bytes, page: bytes, number: int) -> bytes:
    start = 16 if number == 1 else 0  # page 1 begins with the file's salt
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE_SIZE - RESERVE]) + decryptor.finalize()


def _decrypted_pages(key: bytes, db_path: Path) -> bytes:
    """Every page of the file and every frame of its WAL, decrypted: what an attacker with
    the key would read, the free pages and the free space within pages included."""
    data = db_path.read_bytes()
    pages = [_decrypt_page(key, data[i : i + PAGE_SIZE], i // PAGE_SIZE + 1)
             for i in range(0, len(data), PAGE_SIZE)]  # fmt: skip
    wal = Path(f"{db_path}-wal")
    frames = wal.read_bytes() if wal.exists() else b""
    for offset in range(32, len(frames) - 24, 24 + PAGE_SIZE):
        number = int.from_bytes(frames[offset : offset + 4], "big")
        page = frames[offset + 24 : offset + 24 + PAGE_SIZE]
        pages.append(_decrypt_page(key, page, number))
    return b"".join(pages)


def _in_pages(pages: bytes, needles: tuple[str, ...]) -> set[str]:
    return {n for n in needles if n.encode("utf-8") in pages}


def _files_holding(folder: Path, needles: tuple[str, ...]) -> list[str]:
    hits = []
    for path in (p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [f"{path.name}: {n}" for n in needles if n.encode("utf-8") in data]
    return hits


def _trigram_terms(ctx: Context, index: str) -> set[str]:
    ctx.db.execute_sql(f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {index}, 'row')")
    try:
        return {t for (t,) in ctx.db.execute_sql("SELECT term FROM temp.vocab")}
    finally:
        ctx.db.execute_sql("DROP TABLE temp.vocab")


def test_after_erasure_the_name_and_mobile_are_in_no_table_page_or_file(
    pharmacy: Context, db_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = pharmacy.db._raw_key  # type: ignore[attr-defined]
    customer_id = _spread_everywhere(pharmacy)
    other_id = _other(pharmacy)

    # The control: each place holds them before, and each search finds them there.
    before = _found_in_dump(pharmacy, NEEDLES)
    for table in ("customer", "custom_value", "interaction", "points_entry", "search_key",
                  "import_change", "import_batch"):  # fmt: skip
        assert before.get(table), f"the control should find the customer in {table}"
    assert set().union(*before.values()) == set(NEEDLES)
    shadow = _dump(pharmacy)["customer_name_trigram_data"]
    pieces_before = {p for p in NAME_PIECES if p in shadow}
    assert pieces_before, "the control should find pieces of the name in the trigram pages"
    assert _in_pages(_decrypted_pages(key, db_path), NEEDLES) == set(NEEDLES)

    result = erasure.erase(pharmacy, customer_id, reason="request")

    assert result.checkpointed
    assert _found_in_dump(pharmacy, NEEDLES) == {}
    assert {p for p in NAME_PIECES if p in _dump(pharmacy)["customer_name_trigram_data"]} == set()
    pages = _decrypted_pages(key, db_path)
    assert _in_pages(pages, NEEDLES + NAME_PIECES) == set()
    assert OTHER[0].encode() in pages, "the decrypted pages still hold the other customer"
    assert Path(f"{db_path}-wal").stat().st_size == 0
    # The indexes: no term of the erased name or mobile, the other customer's still there.
    phone_terms = _trigram_terms(pharmacy, "customer_phone_trigram")
    assert {MOBILE[i : i + 3] for i in range(9)} - {OTHER[1][i : i + 3] for i in range(9)} \
        & phone_terms == set()  # fmt: skip
    assert _trigram_terms(pharmacy, "customer_name_trigram").isdisjoint(
        {NAME[i : i + 3] for i in range(3)}
    )
    assert search.find(pharmacy, MOBILE[-4:]) == []
    assert search.find(pharmacy, NAME[:2]) == []
    assert [h.id for h in search.find(pharmacy, OTHER[1][-4:])] == [other_id]
    # Files: the raw db and WAL are ciphertext; no file in the user's folders holds them (the
    # app writes no log file), nor any line the app logs. (Peewee's own DEBUG lines show SQL
    # parameters: no handler of the app ever writes them anywhere.)
    assert _files_holding(db_path.parent, NEEDLES) == []
    assert _files_holding(tmp_path / "home", NEEDLES) == []
    ours = [r for r in caplog.records if r.name.split(".")[0] == "pharmadesk"]
    assert not [r for r in ours if any(n in r.getMessage() for n in NEEDLES)]


def test_what_an_erasure_keeps_for_the_figures(pharmacy: Context) -> None:
    customer_id = _spread_everywhere(pharmacy)
    erasure.erase(pharmacy, customer_id)
    db = pharmacy.db
    row = db.execute_sql(
        "SELECT name, status, code, mobile, gender, birth_date, birth_year, pinyin, "
        "consent_data FROM customer WHERE id = ?", (customer_id,)
    ).fetchone()  # fmt: skip
    assert row == (f"已删除客户 #{customer_id}", "anonymised", None, None, None, None, None,
                   None, "given")  # fmt: skip
    assert db.execute_sql(
        "SELECT quantity, amount_fen, receipt FROM purchase WHERE customer_id = ?", (customer_id,)
    ).fetchall() == [(2, 4700, "R-20261120-7")]
    assert db.execute_sql(
        "SELECT channel, kind, rating, summary FROM interaction WHERE customer_id = ?",
        (customer_id,),
    ).fetchall() == [("phone", "follow_up", 5, "")]
    assert db.execute_sql(
        "SELECT sum(points), group_concat(reason, '') FROM points_entry WHERE customer_id = ?",
        (customer_id,),
    ).fetchone() == (170 + 47, "")  # the receipt of ¥47.00 earned 47
    # The consent history stays: it shows on what basis the data was held.
    assert db.execute_sql(
        "SELECT purpose, status FROM consent_record WHERE customer_id = ? ORDER BY purpose",
        (customer_id,),
    ).fetchall() == [("data", "given"), ("health", "given"), ("marketing", "refused")]
    with pytest.raises(NotFound):
        customers.get(pharmacy, customer_id)
    last = db.execute_sql(
        "SELECT action, customer_id, details FROM audit_event ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert last == ("customer.erased", customer_id, '{"kept_by_law": 0, "reason": "request"}')
    assert audit.verify_chain(pharmacy) is None
    with pytest.raises(NotFound):
        erasure.erase(pharmacy, customer_id)


def test_an_import_undone_after_an_erasure_restores_nothing_of_the_person(
    pharmacy: Context,
) -> None:
    customer_id = _spread_everywhere(pharmacy)
    batch = pharmacy.db.execute_sql("SELECT max(id) FROM import_batch").fetchone()[0]
    erasure.erase(pharmacy, customer_id)
    import_batches.undo(pharmacy, batch)
    assert _found_in_dump(pharmacy, NEEDLES) == {}


def test_only_the_owner_erases_and_only_for_a_known_reason(
    pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    customer_id = _other(pharmacy)
    with pytest.raises(UsageError):
        erasure.erase(pharmacy, customer_id, reason="张三打电话要求")
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    try:
        with pytest.raises(PermissionRefused):
            erasure.erase(li, customer_id)
    finally:
        li.close()
    assert customers.get(pharmacy, customer_id).name == OTHER[0]


def test_a_childs_guardian_goes_with_the_child(pharmacy: Context) -> None:
    guardian = ("龘大伟", "13700009999")
    made = customers.create(pharmacy, {
        "name": "靐小宝", "birth_date": "2018-06-01", "guardian_name": guardian[0],
        "guardian_mobile": guardian[1], "consent_data": "given", "consent_channel": "counter",
    }).customer  # fmt: skip
    assert made is not None
    assert _found_in_dump(pharmacy, guardian), "the control should find the guardian"
    erasure.erase(pharmacy, made.id)
    assert _found_in_dump(pharmacy, (*guardian, "靐小宝")) == {}
    # The record that the guardian gave the consent stays, as the consents do.
    assert pharmacy.db.execute_sql(
        "SELECT purpose, status, by_guardian FROM consent_record WHERE customer_id = ?",
        (made.id,),
    ).fetchall() == [("data", "given", 1)]


def test_a_reader_that_keeps_the_wal_is_reported_and_closing_the_last_connection_clears_it(
    pharmacy: Context, db_path: Path
) -> None:
    key = pharmacy.db._raw_key  # type: ignore[attr-defined]
    customer_id = _spread_everywhere(pharmacy)
    _other(pharmacy)
    pharmacy.db.execute_sql("PRAGMA busy_timeout = 50")  # the checkpoint gives up at once
    # Another connection in the middle of a read (the dashboard's preparation, say).
    reader = bf.connect(db_path, key)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM customer").fetchone()
        result = erasure.erase(pharmacy, customer_id, reason="request")
        assert not result.checkpointed
        assert _found_in_dump(pharmacy, NEEDLES) == {}
        # The old pages are still in the file, the new ones in the WAL the reader holds.
        assert _in_pages(_decrypted_pages(key, db_path), NEEDLES) == set(NEEDLES)
        reader.execute("ROLLBACK")
    finally:
        reader.close()
    pharmacy.close()  # as when PharmaDesk closes: the last connection checkpoints
    wal = Path(f"{db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert _in_pages(_decrypted_pages(key, db_path), NEEDLES + NAME_PIECES) == set()
    assert OTHER[0].encode() in _decrypted_pages(key, db_path)
