"""`pharmadesk import` and `undo-import` as scripts use them: JSON counts, reports, exit codes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from pharmadesk.cli import main
from pharmadesk.services import customers, vault
from tests.conftest import PASSWORD
from tests.unit.cli.shell import run


@pytest.fixture
def env(env: Path) -> Path:
    """The conftest's environment, with the pharmacy made by `pharmadesk init`."""
    assert main(["init"]) == 0
    return env


def messy_cards(path: Path) -> Path:
    """The kind of file a pharmacy typed over the years: a merged title, a blank row, mixed
    phone and date forms (an Excel date cell among them), duplicates, an empty and a totals row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["康宁大药房会员登记表"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["姓名", "联系电话", "生日", "过敏史", "邮箱"])
    sheet.append(["张三", "138-1234-5678", "1965年3月7日", "青霉素", None])
    sheet.append([])
    sheet.append(["李四", "010-62345678", datetime(1970, 1, 2), None, None])
    sheet.append(["张 三", "１３８１２３４５６７８", "1965-03-07", None, "zs@example.com"])
    sheet.append(["王伟", 13900001111, "1980-05-05", None, "abc@"])
    sheet.append(["王伟", "13900002222", "1982/6/6", None, None])
    sheet.append([None, "13700000000", None, None, None])
    sheet.append(["合计", None, None, None, None])
    book.save(path)
    return path


def people(db_path: Path) -> list[tuple[str, str | None]]:
    ctx = vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    try:
        return sorted((c.name, c.mobile) for c in customers.list_customers(ctx))
    finally:
        ctx.close()


def test_a_messy_card_file_is_imported_with_every_row_accounted_for(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    cards = messy_cards(tmp_path / "登记卡.xlsx")
    report = tmp_path / "report.xlsx"
    code, out, _ = run(capsys, "import", str(cards), "--json", "--report", str(report),
                       "--lang", "zh_CN")  # fmt: skip
    assert code == 0
    result = json.loads(out)
    assert result == {
        "data_rows": 8, "imported": 2, "merged": 1, "flagged": 2, "skipped": 2, "rejected": 1,
        "batch_id": result["batch_id"],
    }  # fmt: skip
    assert isinstance(result["batch_id"], int)
    assert people(env) == [
        ("张三", "13812345678"), ("李四", None), ("王伟", "13900001111"), ("王伟", "13900002222"),
    ]  # fmt: skip

    lines = list(load_workbook(report).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert lines[0][:3] == ("行号", "结果", "原因")
    assert lines[0][3:8] == ("姓名", "联系电话", "生日", "过敏史", "邮箱")
    assert [(line[0], line[1]) for line in lines[1:]] == [
        (5, "跳过"), (6, "标记"), (7, "合并"), (8, "标记"), (10, "拒绝"), (11, "跳过"),
    ]  # fmt: skip
    assert lines[4][3] == "王伟"  # the source row's own cells follow


def test_a_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    cards = messy_cards(tmp_path / "cards.xlsx")
    code, out, _ = run(capsys, "import", str(cards), "--dry-run", "--json")
    assert code == 0
    assert json.loads(out)["batch_id"] is None
    assert people(env) == []


def test_the_same_file_twice_is_exit_1_unless_again_and_undo_restores(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    cards = messy_cards(tmp_path / "cards.xlsx")
    first = json.loads(run(capsys, "import", str(cards), "--json")[1])["batch_id"]
    code, _, err = run(capsys, "import", str(cards))
    assert code == 1
    assert "imported before" in err
    assert len(people(env)) == 4
    code, out, _ = run(capsys, "import", str(cards), "--again", "--json", "--on-duplicate", "skip")
    assert code == 0
    assert json.loads(out)["skipped"] == 7  # five rows of customers on file, empty, totals
    assert run(capsys, "undo-import", str(first))[0] == 0
    assert people(env) == []
    code, _, err = run(capsys, "undo-import", str(first))
    assert code == 1
    assert "undone already" in err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.xlsx", b""),
        ("text.xlsx", b"this is not a spreadsheet at all"),
        ("half.xlsx", None),  # a real workbook cut in half
        ("cards.csv", "编号,金额\n1,12\n".encode()),  # no name column
    ],
)
def test_a_file_that_cannot_be_imported_is_exit_1_with_one_line_and_nothing_written(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path, name: str, content: bytes | None
) -> None:
    path = tmp_path / name
    if content is None:
        whole = messy_cards(tmp_path / "whole.xlsx").read_bytes()
        content = whole[: len(whole) // 2]
    path.write_bytes(content)
    code, out, err = run(capsys, "import", str(path), "--json")
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert people(env) == []


def test_a_gbk_csv_is_read(capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_bytes("姓名,手机,备注\n曾志强,13900001111,老顾客\n".encode("gbk"))
    code, out, _ = run(capsys, "import", str(path), "--json")
    assert code == 0
    assert json.loads(out)["imported"] == 1
    assert people(env) == [("曾志强", "13900001111")]


def test_purchase_lines_by_mobile_with_kind_purchases(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    assert run(capsys, "import", str(cards))[0] == 0
    sales = tmp_path / "sales.csv"
    sales.write_text(
        "日期,手机,药品名称,数量,金额\n2026-03-01,13812345678,感冒灵颗粒,2,¥31.00\n"
        "2026-03-02,13700000000,感冒灵颗粒,1,15.5元\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", str(sales), "--kind", "purchases", "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["imported"], result["rejected"], result["data_rows"]) == (1, 1, 2)
