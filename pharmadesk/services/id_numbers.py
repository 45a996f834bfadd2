"""Chinese resident ID numbers (GB 11643-1999) for the real-name register.

An ID number is 18 characters: a 6-digit area code, the birth date as YYYYMMDD, a 3-digit
sequence and a check character computed with ISO 7064 MOD 11-2 (0-9 or X). Full-width
digits and a lower-case x are accepted as typed and stored as ASCII digits and "X"; spaces
inside the number (read off a card in groups) are dropped.

A refusal says which rule failed in English (`InvalidIdNumber.code` is one of `CODES`, so
the window can say it in the UI language without parsing the text). Never log a number.
"""

from __future__ import annotations

from datetime import date

from pharmadesk.errors import ValidationError
from pharmadesk.text.normalize import fold

LENGTH = 18
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"  # remainder of the weighted sum mod 11 -> check character
EARLIEST_BIRTH_YEAR = 1900
MASK = "*" * 11  # 3 shown, 11 hidden, 4 shown
CODES = (
    "empty",
    "length",
    "digits",
    "birth_date",
    "early_birth_date",
    "future_birth_date",
    "check",
)


class InvalidIdNumber(ValidationError):
    """An ID number that cannot be right; `code` says why (one of `CODES`), `expected` is
    the right check character when only that is wrong."""

    def __init__(self, code: str, reason: str, *, expected: str = "") -> None:
        super().__init__({"id_number": reason})
        self.code = code
        self.expected = expected


def check_character(first17: str) -> str:
    """The check character of 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def normalise(text: str) -> str:
    """As typed, made ASCII and upper case, without inner spaces (not yet validated)."""
    return "".join(fold(text).split()).upper()


def validate(text: str, *, today: date | None = None) -> str:
    """The normalised ID number, or InvalidIdNumber saying which rule it breaks.

    `today` bounds the birth date (not in the future); the PC's date when not given.
    """
    number = normalise(text)
    if not number:
        raise InvalidIdNumber("empty", "the ID number is missing")
    if len(number) != LENGTH:
        raise InvalidIdNumber(
            "length", f"an ID number has {LENGTH} characters, this one has {len(number)}"
        )
    if not number[:17].isdecimal() or not number[:17].isascii():
        raise InvalidIdNumber("digits", "the first 17 characters of an ID number are digits")
    if not (number[17].isdecimal() or number[17] == "X"):
        raise InvalidIdNumber("digits", "the last character of an ID number is a digit or X")
    born = birth_date(number)
    if born is None:
        raise InvalidIdNumber(
            "birth_date", f"characters 7 to 14 are not a possible birth date ({number[6:14]})"
        )
    if born.year < EARLIEST_BIRTH_YEAR:
        raise InvalidIdNumber(
            "early_birth_date", f"the birth date in the ID number is before {EARLIEST_BIRTH_YEAR}"
        )
    if born > (today or date.today()):
        raise InvalidIdNumber(
            "future_birth_date", "the birth date in the ID number is in the future"
        )
    # The message never names the right check character: a mistyped digit anywhere would
    # then be "fixed" by changing the last one, and a wrong number pass the check.
    if number[17] != check_character(number[:17]):
        raise InvalidIdNumber(
            "check", "the number does not add up: compare it with the ID card digit by digit"
        )
    return number


def birth_date(number: str) -> date | None:
    """The birth date in characters 7-14, or None when they are not a date."""
    digits = number[6:14]
    if len(digits) != 8 or not digits.isdecimal():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def mask(number: str) -> str:
    """110***********1234: the area's first three digits and the last four shown."""
    if len(number) != LENGTH:
        return "*" * len(number)
    return f"{number[:3]}{MASK}{number[-4:]}"
