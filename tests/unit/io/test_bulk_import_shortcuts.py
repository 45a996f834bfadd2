"""The import's shortcuts for 100,000 rows change nothing a user could see: a file's values
read once per distinct value give each row what reading it alone gives, and customers
written in bulk carry the pinyin and search keys that saving one customer gives."""

from __future__ import annotations

import gc
import hashlib
import random
from datetime import date, datetime
from pathlib import Path

import pytest

from pharmadesk.io import card_rows, customer_import, import_batches
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.io.mapping import auto_mapping
from pharmadesk.services import search_index
from pharmadesk.services.context import Context
from pharmadesk.text.normalize import InvalidValue
from pharmadesk.text.pinyin import full_and_initials

HEADERS = ("姓名", "手机", "性别", "年龄", "生日", "地址", "邮编", "会员卡号", "积分", "邮箱",
           "登记日期", "备注", "购买次数")  # fmt: skip
# Values that repeat down a file, good and bad: each is read once, then reused.
NAMES = [
    "张三",
    "张 三",
    "Ｌｉ Ｍｉｎｇ",
    "li  ming",
    "曾小贤",
    "乐乐",
    "Straße",
    "  ",
    None,
    "王伟",
]
GENDERS = ["男", "女", "F", "先生", "x", None, 1.0]
# 1, 1.0 and True are equal as dict keys: each must still be read as itself.
AGES = [None, 34, 34.0, "56岁", "200", "abc", 0.0, -0.0, float("nan"), 1, 1.0, True, 0, False]
DATES = [None, "1965年3月7日", "1970/1/2", "2026-02-30", "yesterday", 23000.0, 19800101, 0.0,
         -0.0, 5.0, float("inf"), datetime(1980, 5, 5, 8, 0), date(1990, 1, 1), True]  # fmt: skip
POINTS = [None, 100, 100.0, "1,200", "1e20", "inf", "12.5", "abc", -5, "１００", 0.0, -0.0, 1, 1.0,
          True, 0, False]  # fmt: skip
OTHERS = [None, "310012", 310012.0, "3100", "A@B.COM", "bad@", "杭州市文三路１号", "备注"]


def _rows(count: int) -> list[tuple[object, ...]]:
    rng = random.Random(7)
    rows = []
    for n in range(count):
        # Mostly unique mobiles and codes (the reader stops keeping those), some repeated.
        mobile = rng.choice(["138-1234-5678", "010-62345678", "12345678901", 13900001111.0])
        if rng.random() < 0.8:
            mobile = f"139{n:08d}"
        rows.append((
            rng.choice(NAMES), mobile, rng.choice(GENDERS), rng.choice(AGES), rng.choice(DATES),
            rng.choice(OTHERS), rng.choice(OTHERS), f"K{n}", rng.choice(POINTS),
            rng.choice(OTHERS), rng.choice(DATES), rng.choice(OTHERS), rng.choice([None, 3, "x"]),
        ))  # fmt: skip
    return rows


def _outcome(read: object) -> object:
    try:
        return read()  # type: ignore[operator]
    except InvalidValue as exc:
        return ("refused", exc.code, str(exc))


def test_a_file_read_once_per_value_gives_each_row_what_reading_it_alone_gives() -> None:
    rows = _rows(2_600)  # past the reader's trial of 2,000 values per column
    mapping = auto_mapping(HEADERS, rows[:200])
    assert len(set(mapping.values())) == len(HEADERS)
    today = date(2026, 11, 22)
    reader = card_rows.CardReader(HEADERS, mapping, today=today, custom={})
    together = [_outcome(lambda cells=cells: reader.read(cells)) for cells in rows]
    alone = [
        _outcome(
            lambda cells=cells: card_rows.read_row(cells, HEADERS, mapping, today=today, custom={})
        )
        for cells in rows
    ]
    assert together == alone
    # The file had each kind of row: refused, flagged and clean.
    assert any(isinstance(r, tuple) for r in alone)
    cards = [r for r in alone if isinstance(r, card_rows.CardValues)]
    assert any(c.warnings for c in cards)
    assert any(not c.warnings for c in cards)


def test_customers_written_in_bulk_carry_the_keys_one_customer_gets(
    pharmacy: Context, caplog: pytest.LogCaptureFixture
) -> None:
    rng = random.Random(3)
    surnames, given = "王李张曾单乐区欧阳长孙", "伟敏乐行长朝明"
    names = [
        rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
        for _ in range(300)
    ] + ["Straße", "STRASSE", "Li Ming", "li ming", "Ｌｉ明", "欧阳 修"]
    # Keys travel to SQLite as JSON text: quotes, backslashes and astral characters too.
    names += ['O"Brien', "back\\slash", '{"张": 1}', "😀乐乐", "Zoë", "𠀀伟"]
    header = ("姓名", "手机", "上次购买日期")
    lines = [header] + [
        (name, f"137{n:08d}", "2025-06-0" + str(1 + n % 9) if n % 3 else None)
        for n, name in enumerate(names)
    ]
    # Two files: the first fills an empty index, the second one that has keys already.
    half = len(lines) // 2
    for part, rows in enumerate((lines[:half], [header, *lines[half:]])):
        raw = [RawRow(number, cells) for number, cells in enumerate(rows, start=1)]
        digest = hashlib.sha256(repr(rows).encode()).hexdigest()
        table = RawTable(Path(f"cards{part}.xlsx"), "Sheet1", raw, digest)
        import_batches.commit(pharmacy, customer_import.plan(pharmacy, table, policy="new"))

    assert "not staged" not in caplog.text  # the keys went through the memory stage
    customers = pharmacy.db.execute_sql(
        "SELECT id, name, pinyin, initials, last_active_on FROM customer"
    ).fetchall()
    assert len(customers) == len(names)
    stored = set(pharmacy.db.execute_sql("SELECT key, cls, rank, customer_id FROM search_key"))
    expected = set()
    for customer_id, name, pinyin, initials, day in customers:
        assert (pinyin, initials) == full_and_initials(name)
        expected.update(search_index.rows_for(customer_id, name, day))
    assert stored == expected


def _small_plan(ctx: Context, rows: int) -> customer_import.ImportPlan:
    lines = [("姓名", "手机")] + [(f"客户{n}", f"139{n:08d}") for n in range(rows)]
    raw = [RawRow(number, cells) for number, cells in enumerate(lines, start=1)]
    digest = hashlib.sha256(repr(lines).encode()).hexdigest()
    return customer_import.plan(ctx, RawTable(Path("cards.xlsx"), "Sheet1", raw, digest))


def test_the_cycle_collector_is_paused_only_while_an_import_works(pharmacy: Context) -> None:
    seen: list[bool] = []
    plan = _small_plan(pharmacy, 5000)
    assert gc.isenabled()
    import_batches.commit(pharmacy, plan, progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen
    assert not any(seen)
    assert gc.isenabled()

    # A cancelled (or failed) step gives it back too.
    plan = _small_plan(pharmacy, 5000)
    with pytest.raises(customer_import.ImportCancelled):
        import_batches.commit(pharmacy, plan, again=True, cancelled=lambda: True)
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused(pharmacy: Context) -> None:
    gc.disable()
    try:
        import_batches.commit(pharmacy, _small_plan(pharmacy, 10))
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("cells", "summary"),
    [
        (("合计", None, "91.5"), True),
        ((None, " 总 计 ", 120), True),
        (("小计：",), True),
        (("Total:", 3), True),
        (("ＴＯＴＡＬ",), True),
        (("2026-11", "subtotal"), True),  # the second value may say it
        (("13812345678", "合计"), True),
        (("13812345678", "张三", "合计"), False),  # only the first two values count
        (("１３８１２３４５６７８", "１２３"), False),  # digits, even full-width ones, never
        (("张三", "13812345678"), False),
        (("Sum Li", "13812345678"), False),
    ],
)
def test_a_summary_row_is_known_by_its_first_two_values(
    cells: tuple[object, ...], summary: bool
) -> None:
    assert card_rows.is_summary(cells) is summary
