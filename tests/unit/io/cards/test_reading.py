"""Field accuracy on generated cards: clean, turned, blurred, low resolution, stamped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pharmadesk.io.cards import engine, pages, reading, samples
from pharmadesk.io.cards.samples import Damage
from pharmadesk.text import normalize

TODAY = date(2026, 12, 1)
PEOPLE = (
    {"name": "王建国", "gender": "男", "birth_date": "1972-11-03", "mobile": "13901234567",
     "address": "上海市浦东新区张杨路1500号", "registered_on": "2012/5/20", "code": "B2041"},
    {"name": "张丽华", "gender": "女", "birth_date": "1985/6/9", "mobile": "15822334455",
     "address": "广州市天河区体育西路103号", "registered_on": "2016年3月1日", "code": "B2042"},
    {"name": "欧阳明月", "gender": "女", "birth_date": "1990年12月1日", "mobile": "18610002000",
     "address": "成都市武侯区人民南路四段12号", "registered_on": "2019-09-09", "code": "C0007"},
    {"name": "陈思琇", "gender": "女", "birth_date": "1948-02-29", "mobile": "13700001111",
     "address": "杭州市西湖区文三路90号", "registered_on": "2010-01-15", "code": "A0099"},
    {"name": "刘德胜", "gender": "男", "birth_date": "1961年7月15日", "mobile": "17755556666",
     "address": "武汉市江汉区解放大道688号", "registered_on": "2021/11/30", "code": "D1234"},
)  # fmt: skip
EXACT = ("mobile", "gender", "birth_date", "registered_on", "code")
DAMAGES = {
    "clean": Damage(),
    "turned": Damage(angle=2.5),
    "blurred": Damage(blur=1.5),
    "low resolution": Damage(dpi=150),
    "jpeg": Damage(angle=-1.5, jpeg_quality=40),
}


def _read(
    recogniser: engine.Recogniser, values: dict[str, str], damage: Damage, tmp_path: Path
) -> reading.CardReading:
    path = samples.save(samples.draw_card(values, damage), tmp_path / "card.png")
    [page] = pages.read_pages(path)
    return reading.read_card(page, recogniser, today=TODAY)


def _same(field: str, expected: str, found: str) -> bool:
    if field in ("birth_date", "registered_on"):
        return normalize.parse_date(found) == normalize.parse_date(expected)
    if field == "gender":
        return normalize.gender(found) == normalize.gender(expected)
    return found == expected


@pytest.mark.parametrize("kind", list(DAMAGES))
def test_mobiles_dates_gender_are_read_exactly_and_names_addresses_nearly(
    recogniser: engine.Recogniser, kind: str, tmp_path: Path
) -> None:
    wrong, chars, expected_chars = [], 0.0, 0
    for person in PEOPLE:
        card = _read(recogniser, person, DAMAGES[kind], tmp_path)
        found = card.values()
        for field in EXACT:
            if not _same(field, person[field], found.get(field, "")):
                wrong.append((field, person[field], found.get(field)))
        for field in ("name", "address"):
            chars += samples.characters_right(person[field], found.get(field, "")) * len(
                person[field]
            )
            expected_chars += len(person[field])
    assert wrong == []
    assert chars / expected_chars >= 0.95


def test_a_red_seal_over_values_is_highlighted_not_silently_accepted(
    recogniser: engine.Recogniser, tmp_path: Path
) -> None:
    card = _read(recogniser, PEOPLE[0], Damage(seal_over=("name", "mobile")), tmp_path)
    assert "stamp" in card.fields["name"].reasons
    assert "stamp" in card.fields["mobile"].reasons
    assert {"name", "mobile"} <= set(card.attention())
    assert "stamp" not in card.fields["address"].reasons


def test_a_clean_card_needs_no_look_but_its_health_fields_are_there_to_confirm(
    recogniser: engine.Recogniser, tmp_path: Path
) -> None:
    card = _read(recogniser, samples.SAMPLE, Damage(), tmp_path)
    assert card.attention() == []
    assert card.fields["allergies"].value == "青霉素"
    assert card.fields["chronic_conditions"].value == "高血压、糖尿病"


def test_wrong_and_missing_values_are_flagged(
    recogniser: engine.Recogniser, tmp_path: Path
) -> None:
    values = dict(samples.SAMPLE, mobile="010-6234567", birth_date="1958年13月40日", gender="")
    card = _read(recogniser, values, Damage(), tmp_path)
    assert "invalid" in card.fields["mobile"].reasons
    assert "invalid" in card.fields["birth_date"].reasons
    assert "empty" in card.fields["gender"].reasons


def test_a_blank_page_still_offers_a_name_to_fill_in(
    recogniser: engine.Recogniser, tmp_path: Path
) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (1240, 874), "white").save(path, dpi=(150, 150))
    [page] = pages.read_pages(path)
    card = reading.read_card(page, recogniser, today=TODAY)
    assert list(card.fields) == ["name"]
    assert card.fields["name"].value == ""
    assert card.attention() == ["name"]
