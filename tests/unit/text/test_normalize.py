"""Normalisation at the door: the forms people and spreadsheets use, made canonical."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pharmadesk.services.customer_input import prepare
from pharmadesk.text import normalize as norm

REGISTERED = date(2023, 5, 20)
SEPT_1 = date(2023, 9, 1)


def _birth_year(value: Any) -> int | None:
    return norm.birth_year_from_age(value, on=REGISTERED)


GOOD: list[Any] = [
    # Mobiles, however they are written or stored.
    (norm.mobile, "138 1234 5678", "13812345678"),
    (norm.mobile, "138-1234-5678", "13812345678"),
    (norm.mobile, "+86 13812345678", "13812345678"),
    (norm.mobile, "１３８１２３４５６７８", "13812345678"),
    (norm.mobile, "13812345678.0", "13812345678"),
    (norm.mobile, 13812345678.0, "13812345678"),
    (norm.mobile, "", None),
    (norm.phones, "+86 13812345678", norm.Phones(mobile="13812345678", other=None)),
    (norm.phones, "010-62345678", norm.Phones(mobile=None, other="010-62345678")),
    # Dates in the usual Chinese and ISO forms, and spreadsheet date cells.
    (norm.parse_date, "2023年9月1日", SEPT_1),
    (norm.parse_date, "2023/9/1", SEPT_1),
    (norm.parse_date, "2023.09.01", SEPT_1),
    (norm.parse_date, "2023-09-01", SEPT_1),
    (norm.parse_date, "20230901", SEPT_1),
    (norm.parse_date, "２０２３年９月１日", SEPT_1),
    (norm.parse_date, "2023-09-01 08:30:00", SEPT_1),
    (norm.parse_date, 45170, SEPT_1),
    (norm.parse_date, 45170.25, SEPT_1),
    (norm.parse_date, 20230901, SEPT_1),
    (norm.parse_date, datetime(2023, 9, 1, 14, 30), SEPT_1),
    (norm.parse_date, "", None),
    # Gender.
    *((norm.gender, word, "M") for word in ("男", "M", "male", "先生", "Ｍ")),
    *((norm.gender, word, "F") for word in ("女", "F", "female", "女士")),
    (norm.gender, "", None),
    (norm.gender, None, None),
    # An age said at registration.
    (_birth_year, "45岁", 1978),
    (_birth_year, "45", 1978),
    (_birth_year, 45, 1978),
    (_birth_year, "45 周岁", 1978),
    (_birth_year, "", None),
    # Names.
    (norm.person_name, "张 三", "张三"),
    (norm.person_name, " 李四 ", "李四"),
    (norm.person_name, "张　三", "张三"),
    (norm.person_name, "John  Smith", "John Smith"),
    # Email.
    (norm.email, "Zhang.San@Example.COM", "zhang.san@example.com"),
    (norm.email, " ", None),
    # Money, as integer fen.
    (norm.money_fen, "¥12.50", 1250),
    (norm.money_fen, "12.5元", 1250),
    (norm.money_fen, 12.5, 1250),
    (norm.money_fen, "１２.５", 1250),
    (norm.money_fen, "￥1,234.5", 123450),
    (norm.money_fen, 12, 1200),
    (norm.money_fen, 3 * 12.3, 3690),  # a spreadsheet's 36.900000000000006
    (norm.money_fen, "-0.50", -50),
    # Free text keeps its Chinese punctuation; only full-width letters and digits fold.
    (norm.free_text, "咳嗽三天，建议多喝水（饭后）", "咳嗽三天，建议多喝水（饭后）"),
    (norm.free_text, "ＡＢＣ１２３", "ABC123"),
    (norm.free_text, "　地址：朝阳区　建国路１号　", "地址：朝阳区 建国路1号"),
    (norm.free_text, "  ", None),
    (norm.fold, "ＡＢＣ，（１）", "ABC,(1)"),
]

BAD: list[Any] = [
    (norm.mobile, "010-62345678", "not_mobile"),
    (norm.mobile, "1322798335", "mobile_invalid"),
    (norm.mobile, "12012345678", "mobile_invalid"),
    (norm.mobile, "call me", "phone_invalid"),
    # Digits of another script are not a phone number that search could ever find.
    (norm.mobile, "13٨١٢٣٤٥٦٧٨", "phone_invalid"),
    (norm.parse_date, "1990-02-30", "date_invalid"),
    (norm.parse_date, "yesterday", "date_unreadable"),
    (norm.parse_date, 12, "date_unreadable"),
    (norm.gender, "x", "gender_unreadable"),
    (_birth_year, "about forty", "age_unreadable"),
    (_birth_year, "200岁", "age_invalid"),
    (norm.person_name, "  ", "name_missing"),
    (norm.email, "abc@", "email_invalid"),
    (norm.email, "a@b", "email_invalid"),
    (norm.money_fen, "12.345", "money_invalid"),
    (norm.money_fen, 12.345, "money_invalid"),
    (norm.money_fen, "twelve", "money_invalid"),
]


@pytest.mark.parametrize(("normalise", "raw", "expected"), GOOD)
def test_a_usable_value_becomes_canonical(
    normalise: Callable[[Any], Any], raw: Any, expected: Any
) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(("normalise", "raw", "code"), BAD)
def test_an_unusable_value_is_refused_with_a_code(
    normalise: Callable[[Any], Any], raw: Any, code: str
) -> None:
    with pytest.raises(norm.InvalidValue) as refused:
        normalise(raw)
    assert refused.value.code == code
    assert str(refused.value)


@pytest.mark.parametrize(
    ("raw", "birth_year", "approximate"),
    [
        ({"age": "45岁"}, 1978, True),
        ({"birth_year": "1978"}, 1978, True),
        ({"birth_date": "1978年3月5日", "age": "45"}, 1978, False),
    ],
)
def test_a_birth_year_from_an_age_is_marked_approximate(
    raw: dict[str, str], birth_year: int, approximate: bool
) -> None:
    prepared = prepare({"name": "张三", **raw}, reference_date=REGISTERED, fields=[])
    assert prepared.problems == {}
    assert prepared.values["birth_year"] == birth_year
    assert prepared.values["birth_date_approximate"] is approximate


# Property-based tests.

SEPARATORS = st.sampled_from(["", "", "", " ", "-", "　", "－"])
PREFIXES = st.sampled_from(["", "+86", "+86 ", "+86-", "0086", "86", "86 ", "＋８６ "])
CJK_PUNCTUATION = "，。、；：？！（）【】《》「」『』“”‘’…—～·￥"
CJK_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), st.sampled_from(CJK_PUNCTUATION)
    ),
    min_size=1,
)
FULL_WIDTH = "".join(
    chr(code)
    for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(start, end + 1)
)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in text)


@st.composite
def written_mobiles(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
    written = ""
    for digit in number:
        written += _full_width(digit) if draw(st.booleans()) else digit
        written += draw(SEPARATORS)
    return number, draw(PREFIXES) + written


@given(written_mobiles())
def test_a_mobile_written_any_usual_way_reads_back_as_itself(case: tuple[str, str]) -> None:
    number, written = case
    assert norm.mobile(written) == number
    assert norm.mobile(number) == number


@given(st.one_of(st.text(), st.floats(allow_nan=False), st.integers()))
def test_fold_is_idempotent(value: Any) -> None:
    assert norm.fold(norm.fold(value)) == norm.fold(value)


@given(st.text())
def test_free_text_is_idempotent(text: str) -> None:
    assert norm.free_text(norm.free_text(text)) == norm.free_text(text)


@given(CJK_TEXT)
def test_free_text_never_changes_chinese_characters_or_punctuation(text: str) -> None:
    assert norm.free_text(text) == text


@given(st.text(alphabet=st.one_of(st.sampled_from(FULL_WIDTH), st.characters()), min_size=1))
def test_free_text_changes_only_full_width_letters_digits_and_spaces(text: str) -> None:
    folded = norm.fold_free_text(text)
    assert folded == norm.fold_free_text(text.strip())
    for before, after in zip(text.strip(), folded, strict=True):
        if before in FULL_WIDTH:
            assert after == unicodedata.normalize("NFKC", before)
        elif before == "\u3000":
            assert after == " "
        else:
            assert after == before


DATE_FORMS: list[Callable[[date], Any]] = [
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year} 年 {d.month:02d} 月 {d.day:02d} 日",
    lambda d: f"{d.year}年{d.month}月{d.day}",
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d:%Y.%m.%d}",
    lambda d: d.isoformat(),
    lambda d: _full_width(f"{d:%Y%m%d}"),
    lambda d: f"{d:%Y%m%d}",
    lambda d: f"{d.isoformat()} 08:30",
    lambda d: f"{d.isoformat()}T08:30:15.5",
    lambda d: int(f"{d:%Y%m%d}"),
    lambda d: datetime.combine(d, time(8, 30)),
    lambda d: d,
]


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(DATE_FORMS),
)
def test_a_date_in_any_supported_form_reads_back(day: date, form: Callable[[date], Any]) -> None:
    assert norm.parse_date(form(day)) == day


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2100, 12, 31)))
def test_an_excel_serial_date_reads_back(day: date) -> None:
    assert norm.parse_date((day - date(1899, 12, 30)).days) == day


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["{}", "¥{}", "￥{}", "{}元", "RMB {}"]),
)
def test_money_in_yuan_and_fen_reads_as_fen(yuan: int, fen: int, form: str) -> None:
    assert norm.money_fen(form.format(f"{yuan}.{fen:02d}")) == yuan * 100 + fen


@given(st.integers(min_value=1, max_value=100), st.integers(min_value=1, max_value=10**6))
def test_a_price_times_a_quantity_computed_in_a_spreadsheet_reads_exactly(
    quantity: int, price_fen: int
) -> None:
    assert norm.money_fen(quantity * (price_fen / 100)) == quantity * price_fen
