"""The command line as scripts use it: options, environment, JSON fields, exit codes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from pharmadesk import __version__
from pharmadesk.cli import main
from pharmadesk.db.keyfile import key_file_path
from pharmadesk.services import accounts, customers, instance, purchases, vault
from pharmadesk.services.context import Context
from pharmadesk.text.pinyin import name_readings
from tests.conftest import PASSWORD
from tests.unit.cli.shell import one_line, run


def _files(path: Path) -> dict[str, str | None]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
        for p in (path, Path(f"{path}-wal"), key_file_path(path))
    }


def test_init_creates_an_encrypted_database_and_prints_a_recovery_code(
    capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    code, out, _ = run(capsys, "init")
    assert code == 0
    assert not env.read_bytes().startswith(b"SQLite format 3")
    assert key_file_path(env).exists()
    assert "Recovery code" in out


def test_init_never_overwrites(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    assert run(capsys, "init")[0] == 0
    before = _files(env)
    code, _, err = run(capsys, "init")
    assert code == 1
    assert "already exists" in one_line(err)
    assert _files(env) == before


def test_init_on_any_existing_file_is_exit_1(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_bytes(b"precious")
    assert run(capsys, "init")[0] == 1
    assert env.read_bytes() == b"precious"


def test_init_with_owner_and_db_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "pw")
    target = tmp_path / "other.db"
    assert run(capsys, "init", "--owner", "boss", "--db", str(target))[0] == 0
    monkeypatch.setenv("PHARMADESK_USER", "boss")
    assert run(capsys, "--db", str(target), "customers", "list")[0] == 0


def test_without_a_password_the_command_fails_at_once(
    capsys: pytest.CaptureFixture[str], env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "init")[0] == 0
    monkeypatch.delenv("PHARMADESK_PASSPHRASE")
    code, _, err = run(capsys, "customers", "search", "zs")
    assert code == 3
    assert "PHARMADESK_PASSPHRASE" in one_line(err)


def test_a_wrong_password_is_exit_3_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "init")[0] == 0
    before = _files(env)
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "not the password")
    code, _, err = run(capsys, "customers", "search", "zs")
    assert code == 3
    assert "wrong" in one_line(err)
    assert _files(env) == before


@pytest.mark.parametrize("content", [b"", b"garbage" * 1000, b"SQLite format 3\x00" + b"\0" * 4080])
def test_a_damaged_database_is_exit_5(
    capsys: pytest.CaptureFixture[str], env: Path, content: bytes
) -> None:
    assert run(capsys, "init")[0] == 0
    env.write_bytes(content)
    code, _, err = run(capsys, "customers", "list")
    assert code == 5
    one_line(err)


def test_a_missing_database_is_exit_5(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    code, _, err = run(capsys, "customers", "list")
    assert code == 5
    assert "no pharmacy database" in one_line(err)


def test_no_database_chosen_at_all_is_exit_5(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "customers", "list")
    assert code == 5
    assert "--db" in one_line(err)


@pytest.mark.parametrize(
    "argv",
    [
        ["customers"],
        ["customers", "search"],
        ["frobnicate"],
        ["--lang", "fr", "customers", "list"],
        ["customers", "search", "x", "--limit", "0"],
        ["demo", "--customers", "abc"],
    ],
)
def test_wrong_usage_is_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    one_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["init"],
        ["demo"],
        ["customers"],
        ["customers", "search"],
        ["customers", "list"],
        ["bench"],
    ],
)
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--help"])
    assert caught.value.code == 0
    assert "usage: pharmadesk" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"pharmadesk {__version__}"


@pytest.fixture
def filled(env: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "init")[0] == 0
    ctx = vault.open_pharmacy(env, user="owner", password=PASSWORD)
    zs = customers.create(
        ctx, {"name": "张三", "mobile": "13812345678", "allergies": "青霉素", "gender": "男"}
    ).customer
    assert zs is not None
    purchases.record(ctx, zs.id, [purchases.LineInput("感冒灵颗粒", 2, 1550)], receipt="R1")
    customers.create(ctx, {"name": "周爽", "mobile": "13900005678", "age": 40})
    customers.create(ctx, {"name": "曾志强", "phone": "010-62345678"})
    accounts.add(ctx, "clerk", role="staff", password="clerk-pw")
    ctx.close()
    return env


def test_search_json_has_the_contract_fields(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    code, out, _ = run(capsys, "customers", "search", "zs", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["name"] for r in rows] == ["张三", "周爽"]
    zs = rows[0]
    assert zs["mobile"] == "13812345678"
    assert zs["gender"] == "M"
    assert (zs["purchase_count"], zs["total_spend"]) == (1, "31.00")
    assert zs["allergies"] == "青霉素"
    assert zs["restricted"] is False
    assert rows[1]["birth_date_approximate"] is True
    assert rows[1]["birth_date"] is None
    assert rows[1]["birth_year"] == datetime.now().astimezone().year - 40  # said "40"


def test_birth_year_is_given_with_a_full_birth_date_too(
    capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    assert run(capsys, "init")[0] == 0
    ctx = vault.open_pharmacy(env, user="owner", password=PASSWORD)
    customers.create(ctx, {"name": "王五", "birth_date": "1975-03-08"})
    ctx.close()
    row = json.loads(run(capsys, "customers", "search", "王五", "--json")[1])
    assert (row["birth_date"], row["birth_year"], row["birth_date_approximate"]) == (
        "1975-03-08",
        1975,
        False,
    )


def test_search_by_last_four_and_pinyin(capsys: pytest.CaptureFixture[str], filled: Path) -> None:
    out = run(capsys, "customers", "search", "5678", "--json")[1]
    assert {json.loads(line)["mobile"][-4:] for line in out.splitlines()} == {"5678"}
    out = run(capsys, "--lang", "en", "customers", "search", "zeng", "--json", "--limit", "1")[1]
    assert [json.loads(line)["name"] for line in out.splitlines()] == ["曾志强"]


def test_global_options_go_before_or_after_the_subcommand(
    capsys: pytest.CaptureFixture[str], filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PHARMADESK_DB")
    before = run(capsys, "--db", str(filled), "customers", "search", "zs", "--json")
    after = run(capsys, "customers", "search", "zs", "--json", "--db", str(filled), "--lang", "en")
    assert before[0] == after[0] == 0
    assert before[1] == after[1]


def test_list_json_prints_every_customer_with_every_field(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    code, out, _ = run(capsys, "customers", "list", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["name"] for r in rows] == ["张三", "周爽", "曾志强"]
    for row in rows:
        assert set(row) == {*customers.JSON_FIELDS, "restricted"}
    assert rows[2]["phone"] == "010-62345678"
    assert rows[2]["mobile"] is None


def test_a_staff_account_sees_health_fields_as_restricted(
    capsys: pytest.CaptureFixture[str], filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHARMADESK_USER", "clerk")
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "clerk-pw")
    out = run(capsys, "customers", "search", "13812345678", "--json")[1]
    row = json.loads(out.splitlines()[0])
    assert row["restricted"] is True
    assert row["allergies"] is None


def test_plain_output_is_a_readable_table(capsys: pytest.CaptureFixture[str], filled: Path) -> None:
    code, out, _ = run(capsys, "customers", "search", "张三")
    assert code == 0
    assert "13812345678" in out
    assert "张三" in out


def test_the_last_opened_pharmacy_is_used_when_none_is_named(
    capsys: pytest.CaptureFixture[str], filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "customers", "list")[0] == 0
    monkeypatch.delenv("PHARMADESK_DB")
    assert "张三" in run(capsys, "customers", "list")[1]


@pytest.mark.slow
def test_the_installed_command_runs_without_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "p.db"
    result = subprocess.run(
        [sys.executable, "-m", "pharmadesk", "customers", "list", "--db", str(target)],
        capture_output=True,
        text=True,
        env={"PHARMADESK_PASSPHRASE": "x", "PATH": "", "HOME": str(tmp_path)},
        check=False,
        timeout=60,
    )
    assert result.returncode == 5
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_demo_is_made_once_and_found_by_the_documented_searches(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    code, out, _ = run(capsys, "demo", "--no-gui", "--customers", "40", "--db", str(path))
    assert code == 0
    assert out.splitlines()[0] == str(path)
    assert "40 customers" in out
    assert not path.read_bytes().startswith(b"SQLite format 3")
    made = key_file_path(path).read_bytes()  # a remade demo has a new key and key file

    code, again, _ = run(capsys, "demo", "--no-gui", "--db", str(path))
    assert (code, again) == (0, out)  # reused, not remade
    assert key_file_path(path).read_bytes() == made

    code, _, err = run(capsys, "demo", "--no-gui", "--customers", "50", "--db", str(path))
    assert code == 1
    assert "--fresh" in one_line(err)

    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "demo")
    code, out, _ = run(capsys, "--db", str(path), "customers", "search", "zs", "--json")
    assert code == 0
    found = [json.loads(line) for line in out.splitlines()]
    assert "张三" in [row["name"] for row in found]
    for row in found:  # every hit reads as z… s…
        readings = name_readings(row["name"])
        assert any(r[0][0] == "z" and r[1][0] == "s" for r in readings), row["name"]
    code, out, _ = run(capsys, "--db", str(path), "customers", "search", "5678", "--json")
    mobiles = [json.loads(line)["mobile"] for line in out.splitlines()]
    assert "13812345678" in mobiles
    assert all(mobile.endswith("5678") for mobile in mobiles)
    code, out, _ = run(capsys, "--db", str(path), "customers", "search", "zeng", "--json")
    assert "曾志强" in [json.loads(line)["name"] for line in out.splitlines()]


def test_demo_fresh_makes_it_anew(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert run(capsys, "demo", "--no-gui", "--customers", "20", "--db", str(path))[0] == 0
    code, out, _ = run(
        capsys, "demo", "--no-gui", "--fresh", "--customers", "30", "--seed", "4", "--db", str(path)
    )
    assert code == 0
    assert "30 customers" in out
    assert "seed 4" in out


def test_demo_fresh_never_deletes_a_demo_a_window_has_open(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    assert run(capsys, "demo", "--no-gui", "--customers", "20", "--db", str(path))[0] == 0
    before = _files(path)
    window = instance.hold(path, program=instance.WINDOW, account="owner")
    try:
        code, _, err = run(capsys, "demo", "--no-gui", "--fresh", "--db", str(path))
    finally:
        window.release()
    assert code == 6
    assert "in use by PharmaDesk (window, account owner" in one_line(err)
    assert _files(path) == before


def test_demo_on_a_damaged_file_is_exit_5_and_on_another_pharmacy_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, env: Path
) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "demo", "--no-gui", "--db", str(damaged))
    assert code == 5
    one_line(err)
    assert run(capsys, "init")[0] == 0  # a real pharmacy, not a demo, at env
    code, _, err = run(capsys, "demo", "--no-gui", "--db", str(env))
    assert code == 1
    assert "not a demo" in one_line(err)


def test_a_pharmacy_in_use_by_another_copy_is_exit_6(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    from pharmadesk.services import instance

    window = instance.hold(filled)  # as a running window holds it
    try:
        code, out, err = run(capsys, "customers", "list", "--json")
        assert (code, out) == (6, "")
        assert "in use" in one_line(err)
    finally:
        window.release()
    assert run(capsys, "customers", "list", "--json")[0] == 0
    assert run(capsys, "customers", "list", "--json")[0] == 0  # each command lets go


def test_a_reader_that_goes_away_ends_the_command_quietly(env: Path, pharmacy: Context) -> None:
    """`pharmadesk customers search 张 --json | head -1`: no error message when head exits."""
    for n in range(3):
        customers.create(pharmacy, {"name": f"张{n}", "mobile": f"1380000000{n}"})
    child = subprocess.Popen(
        [sys.executable, "-m", "pharmadesk", "customers", "search", "张", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    child.stdout.close()  # the reader is gone before the first line is written
    _, err = child.communicate(timeout=60)
    assert err.decode() == ""
    assert child.returncode == 141
