"""`pharmadesk import --kind cards --dry-run --json`: what was read per page, never saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pharmadesk.cli import main
from pharmadesk.io.cards import engine, samples
from pharmadesk.io.cards.samples import Damage
from pharmadesk.services import vault
from tests.conftest import PASSWORD
from tests.unit.cli.shell import one_line, run


@pytest.fixture
def env(env: Path) -> Path:
    """The conftest's environment, with the pharmacy made by `pharmadesk init`."""
    assert main(["init"]) == 0
    return env


def test_each_card_page_is_printed_with_what_needs_a_look_and_nothing_is_saved(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    samples.save(samples.draw_card(), folder / "001.png")
    stamped = samples.draw_card(dict(samples.SAMPLE, name="赵敏"), Damage(seal_over=("name",)))
    samples.save_many([samples.draw_card(dict(samples.SAMPLE, mobile="12345")), stamped],
                      folder / "002.pdf")  # fmt: skip
    code, out, err = run(capsys, "import", str(folder), "--kind", "cards", "--dry-run", "--json")
    assert (code, err) == (0, "")
    cards = [json.loads(line) for line in out.splitlines()]
    assert [(Path(c["source"]).name, c["page"]) for c in cards] == [
        ("001.png", 1), ("002.pdf", 1), ("002.pdf", 2),
    ]  # fmt: skip
    assert {"source", "page", "fields", "attention"} <= set(cards[0])
    assert cards[0]["fields"]["name"] == "李秀英"
    assert cards[0]["fields"]["mobile"] == "13812345678"
    assert cards[0]["attention"] == []
    assert cards[1]["attention"] == ["mobile"]
    assert cards[1]["reasons"]["mobile"] == ["invalid"]
    assert "name" in cards[2]["attention"]
    assert "stamp" in cards[2]["reasons"]["name"]
    ctx = vault.open_pharmacy(env, user="owner", password=PASSWORD)
    try:
        assert ctx.db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
        assert ctx.db.execute_sql("SELECT count(*) FROM import_batch").fetchone()[0] == 0
    finally:
        ctx.close()


def test_cards_are_never_imported_headless(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    path = samples.save(samples.draw_card(), tmp_path / "card.png")
    code, _, err = run(capsys, "import", str(path), "--kind", "cards")
    assert code == 2
    assert "--dry-run" in one_line(err)


def test_a_bad_scan_is_named_and_exit_1_after_the_others_are_read(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    good = samples.save(samples.draw_card(), tmp_path / "good.png")
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff not really a jpeg")
    code, out, err = run(capsys, "import", str(bad), str(good), "--kind", "cards", "--dry-run")
    assert code == 1
    assert "bad.jpg" in one_line(err)
    assert "good.png page 1:" in out


def test_without_the_ocr_packages_it_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = samples.save(samples.draw_card(), tmp_path / "card.png")
    monkeypatch.setattr(engine.importlib.util, "find_spec", lambda name: None)
    code, _, err = run(capsys, "import", str(path), "--kind", "cards", "--dry-run")
    assert code == 1
    assert "rapidocr" in one_line(err)


def test_a_folder_without_scans_or_a_missing_file_is_named_and_the_others_still_read(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "import", str(empty), "--kind", "cards", "--dry-run", "--json")
    assert (code, out) == (1, "")
    assert "empty" in one_line(err)
    assert "holds no scans" in err

    good = samples.save(samples.draw_card(), tmp_path / "good.png")
    missing = tmp_path / "gone.png"
    code, out, err = run(capsys, "import", str(missing), str(good), "--kind", "cards",
                         "--dry-run", "--json")  # fmt: skip
    assert code == 1
    assert "gone.png" in one_line(err)
    assert [Path(json.loads(line)["source"]).name for line in out.splitlines()] == ["good.png"]
