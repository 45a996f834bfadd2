"""Normalisation at the door: what a pharmacist types or a spreadsheet holds, made canonical.

Every function takes the raw value (text, a number cell, a date cell) and returns the
canonical value, None for an empty input, or raises `InvalidValue` with a reason a person
understands. Names, phones, dates and codes are folded with NFKC first. Free text (notes,
summaries, addresses) is folded gently: only full-width letters, digits and the ideographic
space become ASCII, so a note keeps its Chinese punctuation (，：（）).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[A-Za-z]{2,}$")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_PHONE_PUNCT_RE = re.compile(r"[\s\-()（）.·]")
_LANDLINE_RE = re.compile(r"^(0\d{2,3})?\d{7,8}$")
_NUMBER_CELL_RE = re.compile(r"\d+\.0")
_SPACES_RE = re.compile(r"\s+")
_POSTAL_RE = re.compile(r"\d{6}")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(
        r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
    ),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_AGE_RE = re.compile(r"^(\d{1,3})\s*(岁|周岁|years?|yrs?)?$", re.IGNORECASE)
# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIAL_RANGE = (366, 80_000)

_GENDERS = {
    "M": ("男", "m", "male", "man", "先生", "男性", "男士"),
    "F": ("女", "f", "female", "woman", "女士", "女性", "小姐"),
}
_GENDER_LOOKUP = {word: code for code, words in _GENDERS.items() for word in words}
# Full-width digits and Latin letters (U+FF10-FF19, FF21-FF3A, FF41-FF5A) and the
# ideographic space; nothing else, least of all the full-width punctuation of Chinese text.
_FULL_WIDTH_ALNUM = ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
_FREE_TEXT_FOLDS = {
    code: code - 0xFEE0 for start, end in _FULL_WIDTH_ALNUM for code in range(start, end + 1)
} | {0x3000: ord(" ")}


class InvalidValue(ValueError):
    """A value that cannot be used. `code` is stable for programs; str() is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Phones:
    """A phone input sorted into a mobile and another number (a landline)."""

    mobile: str | None
    other: str | None


def _cell_text(value: Any) -> str:
    # A number cell holding a whole number comes back as a float: 45.0 is '45'.
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def fold(value: Any) -> str:
    """Text with full-width forms folded and outer white space removed; '' for None."""
    text = _cell_text(value)
    if text.isascii():  # NFKC leaves ASCII as it is; most cells (digits, dates) are ASCII
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def fold_free_text(value: Any) -> str:
    """Free text with full-width letters, digits and spaces made ASCII, all else kept.

    Unlike `fold`, Chinese punctuation (，：（）) stays as typed; outer white space is
    removed; '' for None.
    """
    return _cell_text(value).translate(_FREE_TEXT_FOLDS).strip()


def is_empty(value: Any) -> bool:
    return fold(value) == ""


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


def _digits_of_number_cell(text: str) -> str:
    # Spreadsheets turn a mobile into a number, which comes back as '13812345678.0'.
    return text[:-2] if text.endswith(".0") and _NUMBER_CELL_RE.fullmatch(text) else text


def phones(value: Any) -> Phones:
    """Sort a phone input: a Chinese mobile, or another number kept as typed."""
    if value.__class__ is str and len(value) == 11 and value.isascii() and MOBILE_RE.match(value):
        return Phones(value, None)  # the usual cell: what the steps below would find too
    text = _digits_of_number_cell(fold(value))
    if not text:
        return Phones(None, None)
    compact = _PHONE_PUNCT_RE.sub("", text)
    if compact.startswith("+86"):
        compact = compact[3:]
    elif compact.startswith("0086"):
        compact = compact[4:]
    elif len(compact) == 13 and compact.startswith("86"):
        compact = compact[2:]
    if not (compact.isascii() and compact.isdigit()):
        raise InvalidValue("phone_invalid", f"not a phone number: {text}")
    if MOBILE_RE.match(compact):
        return Phones(compact, None)
    if compact.startswith("1") and 10 <= len(compact) <= 12:
        raise InvalidValue(
            "mobile_invalid",
            f"not a valid mobile number ({len(compact)} digits; a mobile has 11, "
            "starting 13-19): " + text,
        )
    if _LANDLINE_RE.match(compact):
        return Phones(None, text)
    raise InvalidValue("phone_invalid", f"not a phone number: {text}")


def mobile(value: Any) -> str | None:
    """An 11-digit mobile, None for empty; InvalidValue for anything else (a landline too)."""
    found = phones(value)
    if found.other is not None:
        raise InvalidValue("not_mobile", f"not a mobile number (a landline?): {found.other}")
    return found.mobile


def parse_date(value: Any) -> date | None:
    """A calendar date from text in the usual Chinese and ISO forms or a spreadsheet cell."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _date_from_number(value)
    text = fold(value)
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise InvalidValue("date_invalid", f"no such date: {text}") from None
    raise InvalidValue("date_unreadable", f"not a date: {text}")


def _date_from_number(number: float) -> date:
    if float(number).is_integer() and 19000101 <= number <= 21001231:
        return parse_date(str(int(number))) or _EXCEL_EPOCH
    low, high = _EXCEL_SERIAL_RANGE
    if low <= number <= high:
        return _EXCEL_EPOCH + timedelta(days=int(number))
    raise InvalidValue("date_unreadable", f"not a date: {number}")


def gender(value: Any) -> str | None:
    """'M', 'F' or None."""
    text = fold(value).casefold()
    if not text:
        return None
    found = _GENDER_LOOKUP.get(text)
    if found is None:
        raise InvalidValue("gender_unreadable", f"not a gender: {fold(value)}")
    return found


def birth_year_from_age(value: Any, *, on: date) -> int | None:
    """The approximate birth year of someone who said their age on the day `on`."""
    text = fold(value)
    if not text:
        return None
    match = _AGE_RE.match(text)
    if not match:
        raise InvalidValue("age_unreadable", f"not an age: {text}")
    age = int(match.group(1))
    if age > 120:
        raise InvalidValue("age_invalid", f"not a plausible age: {age}")
    return on.year - age


def person_name(value: Any) -> str:
    """A person's name: Chinese names lose inner spaces, Latin names keep single spaces."""
    text = fold(value)
    text = _SPACES_RE.sub("", text) if has_cjk(text) else _SPACES_RE.sub(" ", text)
    if not text:
        raise InvalidValue("name_missing", "a name is required")
    return text


def email(value: Any) -> str | None:
    text = fold(value)
    if not text:
        return None
    if not EMAIL_RE.match(text):
        raise InvalidValue("email_invalid", f"not an email address: {text}")
    return text.lower()


def postal_code(value: Any) -> str | None:
    text = _digits_of_number_cell(fold(value)).replace(" ", "")
    if not text:
        return None
    if not _POSTAL_RE.fullmatch(text):
        raise InvalidValue("postal_code_invalid", f"a postal code has 6 digits: {text}")
    return text


def member_code(value: Any) -> str | None:
    text = _digits_of_number_cell(fold(value)).upper().replace(" ", "")
    return text or None


def free_text(value: Any) -> str | None:
    """Notes, addresses and the like, folded gently (`fold_free_text`); None when empty."""
    return fold_free_text(value) or None


_MONEY_RE = re.compile(r"^(?:¥|￥|RMB|CNY)?\s*(-?\d+(?:\.\d{1,2})?)\s*(?:元|RMB|CNY)?$", re.I)


def money_fen(value: Any) -> int | None:
    """An amount of money as integer fen: '¥12.50', '12.5元', 12.5 -> 1250."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value * 100
    if isinstance(value, float):
        # A number cell computed in a spreadsheet (3 * 12.3) comes back as 36.900000000000006;
        # read it to the 15 significant digits the spreadsheet itself shows.
        value = format(value, ".15g")
    text = fold(value).replace(",", "")
    if not text:
        return None
    match = _MONEY_RE.match(text)
    if not match:
        raise InvalidValue("money_invalid", f"not an amount of money: {text}")
    whole, _, cents = match.group(1).lstrip("-").partition(".")
    fen = int(whole) * 100 + int((cents + "00")[:2])
    return -fen if match.group(1).startswith("-") else fen
