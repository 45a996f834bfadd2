"""Scan files to pages: every page of TIFF and PDF, folders, and bad files refused in words."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from pharmadesk.io.cards import pages, samples, straighten
from pharmadesk.io.cards.samples import Damage


@pytest.fixture(scope="module")
def card() -> Image.Image:
    return samples.draw_card()


def test_a_folder_gives_its_scans_in_natural_order_and_every_page(
    card: Image.Image, tmp_path: Path
) -> None:
    samples.save(card, tmp_path / "card 10.png")
    samples.save(card, tmp_path / "card 9.jpg")
    samples.save_many([card, card, card], tmp_path / "card 2.tif")
    samples.save_many([card, card], tmp_path / "card 11.pdf")
    (tmp_path / "notes.txt").write_text("not a scan")
    found = pages.scan_files([tmp_path])
    assert [p.name for p in found] == ["card 2.tif", "card 9.jpg", "card 10.png", "card 11.pdf"]
    assert [pages.count_pages(p) for p in found] == [3, 1, 1, 2]
    read = [page for path in found for page in pages.read_pages(path)]
    assert [(p.source.name, p.page) for p in read] == [
        ("card 2.tif", 1), ("card 2.tif", 2), ("card 2.tif", 3), ("card 9.jpg", 1),
        ("card 10.png", 1), ("card 11.pdf", 1), ("card 11.pdf", 2),
    ]  # fmt: skip
    # Every page is scaled to about 150 dpi (the card is 1748 px wide at 300 dpi).
    assert all(800 <= p.image.width <= 960 for p in read)
    assert len({p.file_hash for p in read}) == 4


def test_a_crooked_scan_is_turned_upright(card: Image.Image, tmp_path: Path) -> None:
    path = samples.save(samples.draw_card(damage=Damage(angle=2.0)), tmp_path / "crooked.png")
    [page] = pages.read_pages(path)
    assert page.angle == pytest.approx(-2.0, abs=0.3)
    assert abs(straighten.skew_angle(page.image)) <= 0.25


def test_a_low_resolution_scan_is_not_enlarged(tmp_path: Path) -> None:
    path = samples.save(samples.draw_card(damage=Damage(dpi=150)), tmp_path / "low.png")
    [page] = pages.read_pages(path)
    assert page.image.width == round(samples.CARD_SIZE[0] / 2)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.png", b"", "empty"),
        ("text.png", b"this is not a picture at all", "not_a_scan"),
        ("fake.pdf", b"%PDF-1.4\n garbage", "damaged"),
        ("notes.docx", b"PK\x03\x04", "not_a_scan"),
    ],
)
def test_bad_files_are_refused_with_a_sentence(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(pages.UnreadableScan) as raised:
        list(pages.read_pages(pages.scan_files([path])[0]))
    assert raised.value.code == code
    assert name in str(raised.value)


def test_a_truncated_image_is_damaged(card: Image.Image, tmp_path: Path) -> None:
    whole = samples.save(card, tmp_path / "whole.png").read_bytes()
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(pages.UnreadableScan) as raised:
        list(pages.read_pages(cut))
    assert raised.value.code == "damaged"


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    # 20,000 x 20,000 pixels of one colour compress to almost nothing.
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(buffer.getvalue())
    with pytest.raises(pages.UnreadableScan) as raised:
        list(pages.read_pages(bomb))
    assert raised.value.code == "too_many_pixels"


def test_a_missing_file_and_another_kind_are_named(tmp_path: Path) -> None:
    with pytest.raises(pages.UnreadableScan, match="does not exist"):
        pages.scan_files([tmp_path / "gone.png"])
    other = tmp_path / "cards.xlsx"
    other.write_bytes(b"PK")
    with pytest.raises(pages.UnreadableScan, match="PNG, JPEG, TIFF or PDF"):
        pages.scan_files([other])
