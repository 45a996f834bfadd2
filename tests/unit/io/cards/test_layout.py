"""Labels found by their words; a layout drawn once on a sample card reads the next cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.io.cards import engine, layout, pages, reading, samples, saved_layouts
from pharmadesk.io.cards.engine import TextLine
from pharmadesk.io.cards.layout import CardLayout
from pharmadesk.services.context import Context

# A pharmacy's own form: the landline is printed as 宅电, a label no default knows.
FORM = (
    (("姓名", "name"), ("宅电", "phone")),
    (("手机", "mobile"),),
    (("地址", "address"),),
)
VALUES = {"name": "周建华", "phone": "010-62345678", "mobile": "13512345678",
          "address": "南京市鼓楼区中山路18号"}  # fmt: skip


def _line(text: str, box: tuple[int, int, int, int] = (100, 100, 600, 140)) -> TextLine:
    return TextLine(box, text, 0.99)


def test_a_label_and_its_value_on_one_recognised_line_are_told_apart() -> None:
    [birth] = layout.find_labels([_line("出生日期：1958年4月12日")])
    assert (birth.field, birth.rest) == ("birth_date", "1958年4月12日")
    # Its words end about where "：" does: four hanzi and a colon of the 15 columns' width.
    assert 100 + 500 * 4 / 11 < birth.box[2] < 100 + 500 * 6 / 11


def test_two_labels_on_one_line_and_label_words_inside_a_value() -> None:
    found = layout.find_labels(
        [_line("姓名：李四 性别：男"), _line("地址：电话局宿舍3号楼", (100, 160, 600, 200))]
    )
    assert [(f.field, f.rest) for f in found] == [
        ("name", "李四"), ("gender", "男"), ("address", "电话局宿舍3号楼"),
    ]  # fmt: skip


def test_layouts_survive_json() -> None:
    drawn = CardLayout("店内登记卡", {"phone": layout.Area(None, (0.6, 0.15, 0.95, 0.22))})
    again = CardLayout.from_json(drawn.to_json())
    assert again == drawn
    assert (
        CardLayout.from_json({"name": "x", "areas": {"bogus": {}, "phone": {"page": [1, 2]}}}).areas
        == {}
    )


def test_an_area_drawn_on_a_sample_reads_a_field_whose_label_is_unknown(
    recogniser: engine.Recogniser, tmp_path: Path
) -> None:
    sample_path = samples.save(samples.draw_card(VALUES, rows=FORM), tmp_path / "sample.png")
    [sample] = pages.read_pages(sample_path)
    assert "phone" not in reading.read_card(sample, recogniser).fields
    labels = layout.find_labels(recogniser.lines(sample.image))
    # The owner drags over the value after 宅电 (in page pixels of the prepared page).
    width, height = sample.image.size
    drawn = (0.6 * width, 0.14 * height, 0.95 * width, 0.24 * height)
    own = CardLayout(
        "店内登记卡", {"phone": layout.area_from_drawn("phone", drawn, labels, sample.image.size)}
    )
    other_path = samples.save(
        samples.draw_card(dict(VALUES, phone="025-83334444"), rows=FORM, shift=(12, 8)),
        tmp_path / "next.png",
    )
    [other] = pages.read_pages(other_path)
    card = reading.read_card(other, recogniser, own)
    assert card.fields["phone"].value == "025-83334444"
    assert card.fields["mobile"].value == "13512345678"


def test_an_area_drawn_beside_a_known_label_follows_the_label(
    recogniser: engine.Recogniser, tmp_path: Path
) -> None:
    [sample] = pages.read_pages(
        samples.save(samples.draw_card(VALUES, rows=FORM), tmp_path / "s.png")
    )
    labels = layout.find_labels(recogniser.lines(sample.image))
    mobile = next(label for label in labels if label.field == "mobile")
    drawn = (mobile.box[2], mobile.box[1] - 8, mobile.box[2] + 300, mobile.box[3] + 8)
    area = layout.area_from_drawn("mobile", drawn, labels, sample.image.size)
    assert area.near is not None
    moved = samples.draw_card(dict(VALUES, mobile="13698765432"), rows=FORM, shift=(40, 30))
    [other] = pages.read_pages(samples.save(moved, tmp_path / "o.png"))
    card = reading.read_card(other, recogniser, CardLayout("x", {"mobile": area}))
    assert card.fields["mobile"].value == "13698765432"


def test_saved_layouts_are_kept_by_name(pharmacy: Context) -> None:
    drawn = CardLayout("店内登记卡", {"phone": layout.Area(None, (0.6, 0.15, 0.95, 0.22))})
    saved_layouts.save(pharmacy, drawn)
    assert saved_layouts.names(pharmacy) == ["店内登记卡"]
    assert saved_layouts.load(pharmacy, "店内登记卡") == drawn
    saved_layouts.delete(pharmacy, "店内登记卡")
    assert saved_layouts.names(pharmacy) == []
    with pytest.raises(ValueError, match="name"):
        saved_layouts.save(pharmacy, CardLayout(" "))
