"""Row reasons and import errors read in Chinese in a Chinese UI; unknown phrasings stay whole
English. The reasons are the engine's own: real rows are planned, then their reasons shown."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from pharmadesk.errors import OperationFailed, PermissionRefused, PharmaDeskError
from pharmadesk.io import customer_import, import_batches, purchase_import
from pharmadesk.io.error_messages import localize_error
from pharmadesk.io.files import Limits, RawRow, RawTable, UnreadableFile, read_table
from pharmadesk.io.reasons import localize
from pharmadesk.services import custom_fields, customers
from pharmadesk.services.context import Account, Context
from pharmadesk.services.permissions import Operation, allows, require
from tests.unit.io import corpus

LATIN = re.compile(r"[A-Za-z]")


def assert_chinese(
    chinese: str, english: str, kept: tuple[str, ...] = (), names: tuple[str, ...] = ()
) -> None:
    """Chinese, save for the values kept from the row (which it shows) and these names."""
    assert chinese != english
    rest = chinese
    for value in kept:
        assert value in rest, (value, chinese)
        rest = rest.replace(value, "")
    for name in names:
        rest = rest.replace(name, "")
    assert not LATIN.search(rest), (english, chinese)


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("empty row", "空行"),
        ("merged into row 4 (same mobile)", "并入第4行（手机号相同）"),
        ("merged into an existing customer (same name and birth date)",
         "并入已建档客户（姓名和出生日期相同）"),
        ("not a mobile (kept as other phone)", "不是手机号（已存为其他电话）"),
        ("merged into row 4 (same mobile); not a mobile (kept as other phone)",
         "并入第4行（手机号相同）；不是手机号（已存为其他电话）"),
        ("unknown customer (mobile 13700000000)", "找不到客户（手机号 13700000000）"),
        ("birth date: no such date: 1990-02-30 (kept in notes)",
         "出生日期：日期不存在：1990-02-30（已存入备注）"),
        ("merged into row 4 (similar name, same birth date, by hand)",
         "并入第4行（姓名相近，出生日期相同，手动合并）"),
        ("similar name to row 8 (王玮), same address, not merged: check it",
         "与第8行姓名相近（王玮），地址相同，未合并：请核对"),
        ("similar name to a customer on file (Wang Wei), same email, not merged: check it",
         "与已建档客户姓名相近（Wang Wei），邮箱相同，未合并：请核对"),
        ("same mobile as a customer on file (张伟) under another name, not merged: check it",
         "与已建档客户手机号相同但姓名不同（张伟），未合并：请核对"),
        ("same mobile as row 5 (Li Xiuying) under another name, not merged: check it",
         "与第5行手机号相同但姓名不同（Li Xiuying），未合并：请核对"),
        ("not a date: 1990; 2 (kept in notes)", "无法识别的日期：1990; 2（已存入备注）"),
        ("merged into row 3 (same mobile); adds to allergies: 头孢类; adds to chronic "
         "conditions: 高血压、糖尿病",
         "并入第3行（手机号相同）；将补充过敏史：头孢类；将补充慢性病：高血压、糖尿病"),
        ("something new", "something new"),
        ("something new (kept in notes)", "something new (kept in notes)"),
        ("birth date: something new (kept in notes)", "birth date: something new (kept in notes)"),
        ("merged into row 4 (something new)", "merged into row 4 (something new)"),
        ("something new; empty row", "something new；空行"),
    ],
)  # fmt: skip
def test_reasons_in_chinese(english: str, chinese: str) -> None:
    assert localize(english, "zh_CN") == chinese
    assert localize(english, "en") == english


# --- Card files: every value check's reason, as the engine words it -----------------------


@pytest.fixture
def fields(pharmacy: Context) -> dict[str, str]:
    """Custom fields of each kind: kind -> the mapping target of its column."""
    found = {
        "number": custom_fields.define(pharmacy, "体重", kind="number"),
        "date": custom_fields.define(pharmacy, "复诊日", kind="date"),
        "choice": custom_fields.define(pharmacy, "血型", kind="choice", choices=["A", "B", "O"]),
        "text": custom_fields.define(pharmacy, "说明", kind="text"),
    }
    return {kind: f"custom:{field.key}" for kind, field in found.items()}


# (target of the column, the cell, its outcome, the values kept in the reason)
CARD_CASES = [
    ("mobile", "1381234567", "flagged", ()),  # ten digits: not a valid mobile
    ("mobile", "010-62345678", "flagged", ()),  # a landline in the mobile column
    ("mobile", "call me", "flagged", ("call me",)),
    ("phone", "ext 12", "flagged", ("ext 12",)),
    ("email", "zhang.at.example", "flagged", ("zhang.at.example",)),
    ("email", "wang@", "flagged", ("wang@",)),
    ("birth_date", "1990-02-30", "flagged", ("1990-02-30",)),
    ("birth_date", "next spring", "flagged", ("next spring",)),
    ("birth_date", 99999999.0, "flagged", ("99999999",)),
    ("registered_on", "2019-13-01", "flagged", ("2019-13-01",)),
    ("registered_on", "long ago", "flagged", ("long ago",)),
    ("last_purchase", "2024/2/31", "flagged", ("2024/2/31",)),
    ("last_purchase", "last week", "flagged", ("last week",)),
    ("age", "sixty", "flagged", ("sixty",)),
    ("age", "150", "flagged", ("150",)),
    ("postal_code", "31000", "flagged", ("31000",)),
    ("postal_code", "ABC123", "flagged", ("ABC123",)),
    ("gender", "unknown", "flagged", ("unknown",)),
    ("points", "many", "flagged", ()),
    ("points", "12.5", "flagged", ()),
]
CUSTOM_CASES = [
    ("number", "heavy", ("heavy",)),
    ("number", "nan", ("nan",)),
    ("date", "someday", ("someday",)),
    ("date", "2025-02-30", ("2025-02-30",)),
    ("choice", "AB", ("AB",)),
    ("text", "x" * (custom_fields.MAX_TEXT + 1), ()),
]


def _card_plan(ctx: Context, target: str, value: object) -> customer_import.RowPlan:
    rows = [RawRow(1, ("姓名", "某列")), RawRow(2, ("张三", value))]
    table = RawTable(Path("cards.xlsx"), "S", rows, f"h-{target}-{value!r}")
    plan = customer_import.plan(ctx, table, mapping={0: "name", 1: target}, header_index=0)
    return plan.rows[0]


@pytest.mark.parametrize(("target", "value", "outcome", "kept"), CARD_CASES)
def test_every_card_value_reason_reads_in_chinese(
    pharmacy: Context, target: str, value: object, outcome: str, kept: tuple[str, ...]
) -> None:
    row = _card_plan(pharmacy, target, value)
    assert (row.outcome, bool(row.reason)) == (outcome, True)
    assert_chinese(localize(row.reason, "zh_CN"), row.reason, kept)
    assert localize(row.reason, "en") == row.reason  # the command line keeps the English


@pytest.mark.parametrize(("kind", "value", "kept"), CUSTOM_CASES)
def test_every_custom_field_reason_reads_in_chinese(
    pharmacy: Context, fields: dict[str, str], kind: str, value: str, kept: tuple[str, ...]
) -> None:
    row = _card_plan(pharmacy, fields[kind], value)
    assert row.outcome == "flagged"
    assert_chinese(localize(row.reason, "zh_CN"), row.reason, kept)


def test_a_row_with_several_reasons_reads_in_chinese(pharmacy: Context) -> None:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    lines = [RawRow(1, ("姓名", "手机", "邮箱", "生日", "年龄")),
             RawRow(2, ("张三", "13812345678", "zs@", "1990-02-30", "old")),
             RawRow(3, ("李四", "010-62345678", "ls@", None, None))]  # fmt: skip
    plan = customer_import.plan(pharmacy, RawTable(Path("c.xlsx"), "S", lines, "many"))
    merged, flagged = plan.rows
    assert merged.reason.count("; ") == 3
    assert_chinese(localize(merged.reason, "zh_CN"), merged.reason, ("zs@", "1990-02-30", "old"))
    assert_chinese(localize(flagged.reason, "zh_CN"), flagged.reason, ("ls@",))


def test_near_spelling_proposals_and_their_merges_read_in_chinese(pharmacy: Context) -> None:
    customers.create(pharmacy, {"name": "张晓明", "address": "文三路1号"})
    lines = [RawRow(1, ("姓名", "生日", "地址")),
             RawRow(2, ("王伟", "1980-05-05", None)),
             RawRow(3, ("王玮", "1980-05-05", None)),
             RawRow(4, ("张小明", None, "文三路1号"))]  # fmt: skip
    table = RawTable(Path("near.xlsx"), "S", lines, "near")
    proposed = customer_import.plan(pharmacy, table).rows[1:]
    merged = customer_import.plan(pharmacy, table, overrides={3: "merge", 4: "merge"}).rows[1:]
    for row in (*proposed, *merged):
        assert "similar name" in row.reason
        assert_chinese(localize(row.reason, "zh_CN"), row.reason, names=("王伟", "张晓明"))


# --- Purchase lines ------------------------------------------------------------------------

PURCHASE_HEADER = ("日期", "手机", "会员卡号", "药品名称", "数量", "单价", "金额")
GOOD_LINE = ("2026-03-01", "13812345678", None, "感冒灵颗粒", 2, "15.50", "31.00")
# (the cells changed, the outcome, the values kept in the reason)
PURCHASE_CASES: list[tuple[dict[str, object], str, tuple[str, ...]]] = [
    ({"日期": "someday"}, "rejected", ("someday",)),
    ({"日期": "2026-02-30"}, "rejected", ("2026-02-30",)),
    ({"日期": None}, "rejected", ()),
    ({"药品名称": None}, "rejected", ()),
    ({"手机": "010-62345678"}, "rejected", ("010-62345678",)),
    ({"手机": "1381234567"}, "rejected", ("1381234567",)),
    ({"手机": "call me"}, "rejected", ("call me",)),
    ({"手机": "13700000000"}, "rejected", ("13700000000",)),
    ({"手机": None, "会员卡号": "K999"}, "rejected", ("K999",)),
    ({"手机": None}, "rejected", ()),
    ({"金额": "lots"}, "rejected", ("lots",)),
    ({"金额": "-31"}, "rejected", ()),
    ({"单价": None, "金额": None}, "rejected", ()),
    ({"数量": "two"}, "rejected", ("two",)),
    ({"数量": 0.5}, "rejected", ("0.5",)),
    ({"金额": "30.00"}, "flagged", ()),  # the amount differs from 2 x 15.50
]


@pytest.mark.parametrize(("changes", "outcome", "kept"), PURCHASE_CASES)
def test_every_purchase_line_reason_reads_in_chinese(
    pharmacy: Context, changes: dict[str, object], outcome: str, kept: tuple[str, ...]
) -> None:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    line = list(GOOD_LINE)
    for column, value in changes.items():
        line[PURCHASE_HEADER.index(column)] = value
    lines = [RawRow(1, PURCHASE_HEADER), RawRow(2, tuple(line))]
    plan = purchase_import.plan(pharmacy, RawTable(Path("sales.xlsx"), "S", lines, "p"))
    row = plan.rows[0]
    assert (row.outcome, bool(row.reason)) == (outcome, True)
    assert_chinese(localize(row.reason, "zh_CN"), row.reason, kept)


# --- The errors of bad files and of the engine ---------------------------------------------

# Words a Chinese message keeps: the formats and programs a pharmacist knows by these names.
NAMES = ("Excel", "WPS", ".xlsx", ".xls", ".ods", ".csv", "CSV", "XML", "ZIP", "UTF-8", "GBK",
         "MB")  # fmt: skip


# What Excel saves with a password: an OLE file holding an "EncryptedPackage" stream.
LOCKED = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + "EncryptedPackage".encode("utf-16-le")


def _unreadable(path: Path, **kwargs: object) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    return caught.value


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _bad_files(tmp: Path) -> list[tuple[Path, dict[str, object]]]:
    """One file for each way io/files.py refuses a file, with the limits that make it so."""
    cards = corpus.xlsx(tmp / "cards.xlsx", {"会员": corpus.card_rows(), "备用": [["x"]]})
    laughs = corpus.xlsx_parts(
        tmp / "laughs.xlsx",
        sheet_data='<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        shared=["&lol9;"],
        dtd=corpus.billion_laughs(),
    )
    far = '<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="XFD9"><v>2</v></c></row>'
    whole = corpus.xlsx(tmp / "whole.xlsx", {"S": corpus.card_rows()[3:5]}).read_bytes()
    return [
        (_write(tmp / "empty.xlsx", b""), {}),
        (corpus.xlsx(tmp / "no rows.xlsx", {"Sheet1": []}), {}),
        (_write(tmp / "blank.csv", b"\n,,\n"), {}),
        (_write(tmp / "cards.txt", b"x"), {}),
        (tmp / "missing.xlsx", {}),
        (cards, {"limits": Limits(max_file_bytes=1_000)}),
        (_write(tmp / "page.xlsx", b"<html><table></table></html>"), {}),
        (_write(tmp / "text.xlsx", b"name,mobile\n"), {}),
        (_write(tmp / "image.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00"), {}),
        (_write(tmp / "locked.xlsx", LOCKED), {}),
        (_write(tmp / "cut.xlsx", whole[: len(whole) // 2]), {}),
        (corpus.xlsx_parts(tmp / "bad.xlsx", sheet_data='<row r="1"><c r="A1" t="s"><v>0</v>'), {}),
        (cards, {"sheet": "其他"}),
        (corpus.xlsx(tmp / "rows.xlsx", {"S": [["a"]] * 4}), {"limits": Limits(max_rows=3)}),
        (_write(tmp / "rows.csv", b"a\n" * 4), {"limits": Limits(max_rows=3)}),
        (corpus.xlsx_parts(tmp / "far.xlsx", sheet_data=far), {"limits": Limits(max_cells=100)}),
        (
            corpus.xlsx(tmp / "long.xlsx", {"S": [["x" * 11]]}),
            {"limits": Limits(max_cell_chars=10)},
        ),
        (_write(tmp / "long.csv", b"a,xxxxxxxxxxx\n"), {"limits": Limits(max_cell_chars=10)}),
        (corpus.zeros_zip(tmp / "bomb.xlsx", 2**20), {"limits": Limits(max_unpacked_bytes=1_000)}),
        (corpus.zeros_zip(tmp / "ratio.xlsx", 11 * 2**20), {}),
        (laughs, {}),
        (_write(tmp / "quote.csv", '姓名,地址\n张三,"北京\n'.encode()), {}),
        (_write(tmp / "book.csv", cards.read_bytes()), {}),
        (_write(tmp / "latin.csv", b"\xff\xfe\xfd,\x80\n"), {}),
    ]


def test_every_bad_file_error_reads_in_chinese(tmp_path: Path) -> None:
    codes = set()
    for path, kwargs in _bad_files(tmp_path):
        error = _unreadable(path, **kwargs)
        codes.add(error.code)
        chinese = localize_error(error, "zh_CN")
        assert chinese.startswith(f"“{path.name}”"), chinese
        quoted = tuple(re.findall(r"“([^”]+)”", chinese))  # the file's and a sheet's names
        corner = tuple(re.findall(r"[A-Z]+\d+", chinese))  # a cell, as XFD9
        assert_chinese(chinese, error.message, (*quoted, *corner), NAMES)
        assert localize_error(error, "en") == error.message
    assert codes >= {"empty", "unsupported_type", "cannot_open", "too_big", "not_a_spreadsheet",
                     "encrypted", "truncated", "malformed", "no_such_sheet", "zip_bomb",
                     "xml_attack"}  # fmt: skip


def test_engine_errors_read_in_chinese(pharmacy: Context) -> None:
    errors: list[PharmaDeskError] = []
    for table in (
        RawTable(Path("x.csv"), None, [RawRow(1, ("手机", "金额")), RawRow(2, ("1", "2"))], "a"),
        RawTable(Path("y.csv"), None, [RawRow(1, ("无关",)), RawRow(2, ("1",))], "b"),
    ):
        with pytest.raises(OperationFailed) as caught:
            customer_import.plan(pharmacy, table)
        errors.append(caught.value)
    for rows in ((("无关",), ("1",)), (("姓名", "药品名称"), ("张三", "感冒灵"))):
        table = RawTable(Path("s.csv"), None, [RawRow(n, r) for n, r in enumerate(rows, 1)], "c")
        with pytest.raises(OperationFailed) as caught:
            purchase_import.plan(pharmacy, table)
        errors.append(caught.value)
    cards = RawTable(Path("cards.xlsx"), "S", [RawRow(1, ("姓名",)), RawRow(2, ("张三",))], "d")
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, cards))
    import_batches.undo(pharmacy, batch)
    for action in (
        lambda: customer_import.refuse_repeat("cards.xlsx", batch, again=False),
        lambda: import_batches.undo(pharmacy, batch),  # undone already
        lambda: import_batches.undo(pharmacy, batch + 1),  # no such batch
    ):
        with pytest.raises(PharmaDeskError) as failed:
            action()
        errors.append(failed.value)
    staff = dataclasses.replace(pharmacy, account=Account(pharmacy.account.id, "x", "staff"))
    for operation in Operation:
        if not allows(staff.account, operation):
            with pytest.raises(PermissionRefused) as refused:
                require(staff, operation)
            errors.append(refused.value)
    errors.append(customer_import.ImportCancelled())
    for error in errors:
        kept = re.findall(r"\w+\.(?:csv|xlsx)", error.message)
        assert_chinese(localize_error(error, "zh_CN"), error.message, tuple(kept))
    assert localize_error(OperationFailed("something new"), "zh_CN") == "something new"


def test_a_childs_card_without_a_guardian_is_worded_in_chinese() -> None:
    from pharmadesk.io.card_rows import CHILD_WITHOUT_GUARDIAN

    assert localize(CHILD_WITHOUT_GUARDIAN, "zh_CN") == (
        "未满14岁的儿童，没有监护人姓名和手机：需要监护人同意"
    )


def test_refused_points_read_in_chinese(pharmacy: Context) -> None:
    from pharmadesk.errors import ValidationError
    from pharmadesk.services import loyalty, purchases

    made = customers.create(pharmacy, {"name": "张三"}).customer
    assert made is not None
    purchases.record(pharmacy, made.id, [purchases.LineInput("口罩", 1, 1500)])
    refusals: list[PharmaDeskError] = []
    for attempt in (
        lambda: purchases.record(pharmacy, made.id, [purchases.LineInput("口罩", 1, 1500)],
                                 redeem_points=16),
        lambda: purchases.record(pharmacy, made.id, [purchases.LineInput("口罩", 1, 10)],
                                 redeem_points=15),
        lambda: loyalty.adjust(pharmacy, made.id, -20, "多记了"),
    ):  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            attempt()
        refusals.append(refused.value)
    assert [localize_error(e, "zh_CN") for e in refusals] == [
        "客户现有 15 积分，不能抵扣 16 积分。",
        "抵扣的积分超过了小票金额。",
        "客户现有 15 积分，不能扣除 20 积分。",
    ]
