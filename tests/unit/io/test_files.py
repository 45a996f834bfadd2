"""Reading import files: rows numbered as the spreadsheet shows them, and every bad file refused.

Files are made in tmp_path by tests/unit/io/corpus.py; hostile ones (zip bombs, billion
laughs, stray far cells) use small limits or tiny payloads so the suite stays fast.
"""

from __future__ import annotations

import hashlib
import resource
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineError, CalamineWorkbook

from pharmadesk.errors import OperationFailed
from pharmadesk.io.files import Limits, RawTable, UnreadableFile, read_table, sheet_names
from tests.unit.io import corpus


def cells(table: RawTable) -> list[tuple[object, ...]]:
    return [row.cells for row in table.rows]


def refused(path: Path, code: str, **kwargs: object) -> UnreadableFile:
    """Reads `path`, expecting a refusal with this code and a message naming the file."""
    with pytest.raises(UnreadableFile) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    assert caught.value.code == code, caught.value.message
    assert path.name in caught.value.message
    return caught.value


# --- Workbooks ---------------------------------------------------------------------------------


@pytest.fixture
def cards(tmp_path: Path) -> Path:
    sheets: dict[str, corpus.Rows] = {"会员": corpus.card_rows(), "备用": [["x"]]}
    return corpus.xlsx(tmp_path / "会员卡.xlsx", sheets, merge="A1:F1")


def test_xlsx_rows_keep_the_numbers_excel_shows(cards: Path) -> None:
    table = read_table(cards)

    assert table.sheet == "会员"
    assert [row.number for row in table.rows] == list(range(1, 9))
    assert table.rows[0].cells == (corpus.TITLE,)  # the merged title, once
    assert table.rows[1].cells == table.rows[2].cells == ()  # blank rows kept
    header = next(row for row in table.rows if row.cells[:1] == ("姓名",))
    assert header.number == 4
    assert header.cells == tuple(corpus.HEADER)
    assert table.rows[6].cells == ()
    assert table.rows[7].cells == ("王五", None, None, None, None, None, "备注在最右")


def test_xlsx_cells_come_back_as_python_values(cards: Path) -> None:
    zhang, li = read_table(cards).rows[4:6]

    assert zhang.cells == ("张三", "13812345678", date(1980, 5, 17), 120.0, 35.5, corpus.HYPERLINK)
    assert type(zhang.cells[2]) is date
    assert type(zhang.cells[3]) is float  # a whole number stays a float; the caller normalises
    assert li.cells == ("李四", 13900001111.0, datetime(1975, 1, 2, 8, 30), 0.0)  # trailing trimmed


def test_the_file_hash_is_the_sha256_of_its_bytes(cards: Path) -> None:
    table = read_table(cards)

    assert table.file_hash == hashlib.sha256(cards.read_bytes()).hexdigest()
    assert table.source == cards


def test_a_named_sheet_is_read_and_the_sheets_are_listed(cards: Path) -> None:
    assert sheet_names(cards) == ["会员", "备用"]
    assert cells(read_table(cards, sheet="备用")) == [("x",)]


def test_a_missing_sheet_is_refused_listing_the_sheets(cards: Path) -> None:
    error = refused(cards, "no_such_sheet", sheet="Sheet1")

    assert '"会员", "备用"' in error.message
    assert isinstance(error, OperationFailed)
    assert error.exit_code == 1


def test_hidden_sheets_are_not_offered_but_can_be_named(tmp_path: Path) -> None:
    sheets = {"隐藏": [["secret"]], "会员": [["姓名"]]}
    path = corpus.xlsx(tmp_path / "h.xlsx", sheets, hidden=["隐藏"])

    assert sheet_names(path) == ["会员"]
    assert read_table(path).sheet == "会员"
    assert cells(read_table(path, sheet="隐藏")) == [("secret",)]


def test_columns_left_of_the_data_keep_their_place(tmp_path: Path) -> None:
    path = corpus.xlsx(
        tmp_path / "right.xlsx", {"S": [[], [None, None, "姓名"], [None, None, "张三", 1]]}
    )

    assert cells(read_table(path)) == [(), (None, None, "姓名"), (None, None, "张三", 1.0)]


def test_a_time_of_day_comes_back_as_text(tmp_path: Path) -> None:
    from datetime import time as clock

    path = corpus.xlsx(tmp_path / "t.xlsx", {"S": [["到店", clock(8, 30)]]})

    assert cells(read_table(path)) == [("到店", "08:30:00")]


def test_two_thousand_rows_come_back_in_order(tmp_path: Path) -> None:
    table = read_table(corpus.big_xlsx(tmp_path / "big.xlsx", 2_000))

    assert len(table.rows) == 2_001
    assert table.rows[-1].number == 2_001
    assert table.rows[-1].cells[:2] == ("会员1999", "13800001999")


def test_ods_rows_and_types(tmp_path: Path) -> None:
    rows: corpus.Rows = [
        [],
        ["姓名", "生日", "积分"],
        ["张三", date(1980, 5, 17), 12],
        [],
        ["李四", None, 3.5],
    ]
    path = corpus.ods(tmp_path / "卡.ods", {"会员": rows, "二": [["x"]]})

    assert sheet_names(path) == ["会员", "二"]
    table = read_table(path)
    assert table.sheet == "会员"
    assert [row.number for row in table.rows] == [1, 2, 3, 4, 5]
    assert cells(table) == [
        (),
        ("姓名", "生日", "积分"),
        ("张三", date(1980, 5, 17), 12.0),
        (),
        ("李四", None, 3.5),
    ]


def test_xls_rows_and_types(tmp_path: Path) -> None:
    rows: corpus.Rows = [
        [corpus.TITLE],
        [],
        ["姓名", "生日", "积分"],
        ["张三", date(1980, 5, 17), 12],
    ]
    path = corpus.xls(tmp_path / "旧卡.xls", "客户", rows)

    assert sheet_names(path) == ["客户"]
    table = read_table(path)
    assert table.sheet == "客户"
    assert cells(table) == [
        (corpus.TITLE,),
        (),
        ("姓名", "生日", "积分"),
        ("张三", date(1980, 5, 17), 12.0),
    ]


def test_an_xlsx_renamed_xls_is_still_read(cards: Path) -> None:
    renamed = cards.with_suffix(".xls")
    cards.rename(renamed)

    assert read_table(renamed).rows[3].cells == tuple(corpus.HEADER)


# --- CSV ---------------------------------------------------------------------------------------

# As Excel saves it: a cell holding quotes or commas is quoted, its quotes doubled.
CSV_TEXT = '姓名,手机,备注\n张三,13812345678,\n\n李四,,"=HYPERLINK(""http://x"",""y"")"\n'
CSV_CELLS = [
    ("姓名", "手机", "备注"),
    ("张三", "13812345678"),
    (),
    ("李四", None, '=HYPERLINK("http://x","y")'),
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "卡.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))

    table = read_table(path)

    assert table.sheet is None
    assert cells(table) == CSV_CELLS
    assert [row.number for row in table.rows] == [1, 2, 3, 4]
    assert sheet_names(path) == []


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_csv_delimiters_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "卡.csv"
    text = "姓名;手机;地址\n张三;138;北京,朝阳\n".replace(";", delimiter)
    path.write_text(text, encoding="utf-8")

    assert cells(read_table(path)) == [("姓名", "手机", "地址"), ("张三", "138", "北京,朝阳")]


def test_csv_numbers_are_the_line_where_each_record_starts(tmp_path: Path) -> None:
    path = tmp_path / "卡.csv"
    text = '姓名,地址\r\n张三,"北京市\r\n朝阳区\r\n某街1号"\r\n李四,上海\r\n\r\n王五,"a ""b"""\r\n'
    path.write_bytes(text.encode("utf-8"))

    table = read_table(path)

    assert [row.number for row in table.rows] == [1, 2, 5, 6, 7]
    assert table.rows[1].cells == ("张三", "北京市\r\n朝阳区\r\n某街1号")
    assert table.rows[2].cells == ("李四", "上海")
    assert table.rows[4].cells == ("王五", 'a "b"')


# --- Bad files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["空.xlsx", "空.csv", "空.xls", "空.ods"])
def test_an_empty_file_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")

    assert "empty" in refused(path, "empty").message


def test_a_sheet_without_rows_is_refused(tmp_path: Path) -> None:
    path = corpus.xlsx(tmp_path / "无.xlsx", {"Sheet1": []})

    assert "no data" in refused(path, "empty").message


def test_a_csv_of_blank_lines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "无.csv"
    path.write_text("\n,,\n\n", encoding="utf-8")

    refused(path, "empty")


@pytest.mark.parametrize(
    ("content", "word"),
    [
        (b"name,mobile\nzhang,138\n", "text file"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "web page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "another kind"),
    ],
)
def test_a_file_that_is_no_spreadsheet_is_refused(
    tmp_path: Path, content: bytes, word: str
) -> None:
    path = tmp_path / "卡.xlsx"
    path.write_bytes(content)

    assert word in refused(path, "not_a_spreadsheet").message


def test_a_zip_of_something_else_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "卡.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")

    refused(path, "not_a_spreadsheet")


def test_a_workbook_named_csv_is_refused(cards: Path) -> None:
    renamed = cards.with_suffix(".csv")
    cards.rename(renamed)

    assert "real extension" in refused(renamed, "not_a_spreadsheet").message


def test_a_csv_in_neither_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "卡.csv"
    path.write_bytes(b"\xff\xfe\xfd,\x80\n")

    refused(path, "not_a_spreadsheet")


@pytest.mark.parametrize("name", ["卡.xlsx", "卡.ods", "卡.xls"])
def test_a_cut_short_workbook_is_refused(tmp_path: Path, name: str) -> None:
    whole = tmp_path / f"whole{Path(name).suffix}"
    rows = corpus.card_rows()[3:5]
    if name.endswith(".xlsx"):
        corpus.xlsx(whole, {"S": rows})
    elif name.endswith(".ods"):
        corpus.ods(whole, {"S": rows})
    else:
        corpus.xls(whole, "S", [["姓名"], ["张三"]])
    data = whole.read_bytes()
    path = tmp_path / name
    path.write_bytes(data[: len(data) // 2])

    assert "cut short" in refused(path, "truncated").message


def test_a_damaged_xlsx_is_refused(tmp_path: Path) -> None:
    path = corpus.xlsx_parts(tmp_path / "坏.xlsx", sheet_data='<row r="1"><c r="A1" t="s"><v>0</v>')

    refused(path, "malformed")


def test_a_password_protected_workbook_is_refused(tmp_path: Path) -> None:
    # What Excel saves with a password: an OLE file holding an "EncryptedPackage" stream.
    path = tmp_path / "锁.xlsx"
    path.write_bytes(
        bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    )

    assert "password" in refused(path, "encrypted").message


@pytest.mark.parametrize("name", ["卡.txt", "卡.docx", "卡", "卡.xlsm"])
def test_other_extensions_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("姓名\n张三\n", encoding="utf-8")

    refused(path, "unsupported_type")
    with pytest.raises(UnreadableFile):
        sheet_names(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    refused(tmp_path / "不存在.xlsx", "cannot_open")


def test_a_file_over_the_size_limit_is_refused_before_reading(cards: Path) -> None:
    error = refused(cards, "too_big", limits=Limits(max_file_bytes=1_000))

    assert "MB" in error.message


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_too_many_rows_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"多{suffix}"
    if suffix == ".xlsx":
        corpus.xlsx(path, {"S": [["a"]] * 4})
    else:
        path.write_text("a\n" * 4, encoding="utf-8")

    refused(path, "too_big", limits=Limits(max_rows=3))
    assert len(read_table(path, limits=Limits(max_rows=4)).rows) == 4


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_cell_longer_than_a_spreadsheet_cell_is_malformed(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"长{suffix}"
    if suffix == ".xlsx":
        corpus.xlsx(path, {"S": [["短", "x" * 11]]})
    else:
        path.write_text("短," + "x" * 11 + "\n", encoding="utf-8")

    refused(path, "malformed", limits=Limits(max_cell_chars=10))
    assert read_table(path, limits=Limits(max_cell_chars=11)).rows[0].cells[1] == "x" * 11


def test_a_csv_with_an_unclosed_quote_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "坏.csv"
    path.write_text('姓名,地址\n张三,"北京\n李四,上海\n', encoding="utf-8")

    assert "line 2" in refused(path, "malformed").message


def test_a_stray_cell_far_out_is_refused_not_a_crash(tmp_path: Path) -> None:
    # calamine would allocate 1,048,576 x 16,384 cells for this and abort the process.
    far = (
        '<row r="1"><c r="A1"><v>1</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
    )
    path = corpus.xlsx_parts(tmp_path / "远.xlsx", sheet_data=far)

    assert "XFD1048576" in refused(path, "too_big").message


def test_a_stray_cell_on_another_sheet_does_not_block_this_one(tmp_path: Path) -> None:
    far: corpus.Rows = [["x"], *[[] for _ in range(2_000)], [None] * 16_383 + ["y"]]
    path = corpus.xlsx(tmp_path / "两表.xlsx", {"会员": [["姓名"], ["张三"]], "草稿": far})

    assert cells(read_table(path)) == [("姓名",), ("张三",)]
    assert "XFD2002" in refused(path, "too_big", sheet="草稿").message


def test_an_empty_formatted_cell_far_out_does_not_count(tmp_path: Path) -> None:
    far = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>'
    path = corpus.xlsx_parts(tmp_path / "远.xlsx", sheet_data=far)

    assert cells(read_table(path)) == [(1.0,)]


# --- Zip bombs and XML attacks -----------------------------------------------------------------


def test_a_zip_unpacking_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = corpus.zeros_zip(tmp_path / "炸.xlsx", 5 * 2**20)

    refused(path, "zip_bomb", limits=Limits(max_unpacked_bytes=1_000_000))
    with pytest.raises(UnreadableFile, match="unsafe"):
        sheet_names(path, limits=Limits(max_unpacked_bytes=1_000_000))


def test_a_member_with_an_absurd_compression_ratio_is_refused(tmp_path: Path) -> None:
    # 11 MB of zeros deflate to ~11 KB: a ratio of ~1000:1, over 10 MB.
    path = corpus.zeros_zip(tmp_path / "炸.xlsx", 11 * 2**20)

    refused(path, "zip_bomb")


def test_a_zip_that_lies_about_its_sizes_is_measured_not_trusted(tmp_path: Path) -> None:
    path = corpus.zeros_zip(tmp_path / "炸.xlsx", 5 * 2**20, declared=1_000)

    refused(path, "zip_bomb", limits=Limits(max_unpacked_bytes=1_000_000))


@pytest.mark.parametrize("where", ["shared strings", "sheet"])
def test_a_billion_laughs_xlsx_is_refused_quickly(tmp_path: Path, where: str) -> None:
    in_sheet = where == "sheet"
    sheet_data = '<row r="1"><c r="A1" t="s"><v>0</v></c>'
    sheet_data += (
        '<c r="B1" t="inlineStr"><is><t>&lol9;</t></is></c></row>' if in_sheet else "</row>"
    )
    shared = ["plain" if in_sheet else "&lol9;"]
    path = corpus.xlsx_parts(
        tmp_path / "笑.xlsx", sheet_data=sheet_data, shared=shared, dtd=corpus.billion_laughs()
    )

    started = time.monotonic()
    error = refused(path, "xml_attack")

    assert time.monotonic() - started < 2
    assert "unsafe" in error.message


def test_calamine_itself_does_not_expand_entities(tmp_path: Path) -> None:
    # The second line of defence, should a DTD ever slip past the scan.
    path = corpus.xlsx_parts(
        tmp_path / "笑.xlsx",
        sheet_data='<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        shared=["&lol9;"],
        dtd=corpus.billion_laughs(),
    )
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # "unrecognized entity" now; "Unrecognized escape symbol" in calamine 0.2-0.3.
    with pytest.raises(CalamineError, match=r"entity|escape"):
        CalamineWorkbook.from_path(path).get_sheet_by_index(0)

    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 100 * 1024  # 10**9 "lol"s would be gigabytes
