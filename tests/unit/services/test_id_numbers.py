"""ID numbers per GB 11643-1999: what the register accepts, and why it refuses the rest."""

from __future__ import annotations

from datetime import date

import pytest

from pharmadesk.services import id_numbers
from pharmadesk.services.id_numbers import InvalidIdNumber

TODAY = date(2026, 11, 20)
# Check characters computed with the iterative form of ISO 7064 MOD 11-2, not this module's.
VALID = [
    "11010519491231002X",
    "110101199003071233",
    "440304198512150011",
    "310115200002290048",  # 29 February of a leap year
    "330106197811055673",
]


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers_are_accepted_as_they_are(number: str) -> None:
    assert id_numbers.validate(number, today=TODAY) == number


def test_lower_case_x_full_width_digits_and_spaces_are_normalised() -> None:
    assert id_numbers.validate("１１０１０５１９４９１２３１００２x", today=TODAY) == VALID[0]
    assert id_numbers.validate(" 110105 19491231 002x ", today=TODAY) == VALID[0]


def test_the_weighted_sum_gives_the_documented_check_characters() -> None:
    # 440524188001010014 is GB 11643's other textbook example (born 1880: refused below).
    assert id_numbers.check_character("44052418800101001") == "4"
    assert id_numbers.check_character("11010519491231002") == "X"


def _refusal(text: str) -> InvalidIdNumber:
    with pytest.raises(InvalidIdNumber) as caught:
        id_numbers.validate(text, today=TODAY)
    return caught.value


def test_a_wrong_check_digit_is_refused_without_saying_what_would_pass() -> None:
    error = _refusal("110101199003071234")
    assert error.code == "check"
    assert error.problems["id_number"] == (
        "the number does not add up: compare it with the ID card digit by digit"
    )
    assert "3" not in error.problems["id_number"]
    assert _refusal("110105194912310020").code == "check"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("11010519491231002", "length"),  # 17 characters
        ("11010519491231002XX", "length"),
        ("1101051949123100AX", "digits"),
        ("11010519491231002Y", "digits"),
        ("110105194902300021", "birth_date"),  # 30 February
        ("110105194913010021", "birth_date"),  # month 13
        ("440524188001010014", "early_birth_date"),
        ("110105202712010020", "future_birth_date"),
    ],
)
def test_impossible_numbers_are_refused_with_their_reason(text: str, code: str) -> None:
    assert _refusal(text).code == code


def test_the_reason_names_the_rule() -> None:
    assert "18 characters, this one has 17" in _refusal("11010519491231002").message
    assert "not a possible birth date (19490230)" in _refusal("110105194902300021").message
    assert "in the future" in _refusal("110105202712010020").message


def test_mask_shows_the_first_three_and_last_four() -> None:
    assert id_numbers.mask("110101199003071233") == "110***********1233"
    assert id_numbers.mask("11010519491231002X") == "110***********002X"
