"""The keys a customer is found by at the counter: the name, its pinyin and initials.

Mobile numbers and their last four digits are not keys: the search looks them up in the
customer table (see tests/unit/services/test_search.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pharmadesk.text.normalize import has_cjk
from pharmadesk.text.pinyin import MAX_VARIANTS, ReadingCache, full_and_initials, name_readings
from pharmadesk.text.search_keys import (
    EXACT,
    MAX_PREFIX,
    MAX_SUBSTRING,
    PREFIX,
    SUBSTRING,
    keys_for_name,
    search_form,
)


def test_a_name_is_found_by_its_characters_pinyin_and_initials() -> None:
    keys = keys_for_name("张三")
    assert keys["张三"] == EXACT
    assert keys["zhangsan"] == EXACT
    assert keys["zs"] == EXACT
    assert keys["张"] == PREFIX
    assert keys["zhang"] == PREFIX
    assert keys["z"] == PREFIX
    assert keys["三"] == SUBSTRING


def test_the_documented_example_holds() -> None:
    keys = keys_for_name("张秀英")
    documented = {
        "张秀英": EXACT, "zhangxiuying": EXACT, "zxy": EXACT,
        "张": PREFIX, "张秀": PREFIX, "zhang": PREFIX, "zhangxiu": PREFIX, "z": PREFIX,
        "zx": PREFIX, "秀": SUBSTRING, "英": SUBSTRING, "秀英": SUBSTRING,
    }  # fmt: skip
    assert {key: keys.get(key) for key in documented} == documented


@pytest.mark.parametrize(
    ("name", "full", "initials", "everyday"),
    [
        ("曾志强", "zengzhiqiang", "zzq", "cengzhiqiang"),
        ("单丽", "shanli", "sl", "danli"),
        ("解明", "xieming", "xm", "jieming"),
        ("仇建国", "qiujianguo", "qjg", "choujianguo"),
        ("区伟", "ouwei", "ow", "quwei"),
    ],
)
def test_a_surname_reads_as_a_surname_first(
    name: str, full: str, initials: str, everyday: str
) -> None:
    assert full_and_initials(name) == (full, initials)
    keys = keys_for_name(name)
    assert keys[full] == keys[initials] == EXACT
    # Whoever types the everyday reading finds the customer too.
    assert keys[everyday] == EXACT


def test_a_surname_character_in_the_given_name_keeps_its_everyday_reading() -> None:
    assert full_and_initials("曾") == ("ceng", "c")
    assert full_and_initials("志曾") == ("zhiceng", "zc")
    assert keys_for_name("志曾")["zhizeng"] == EXACT


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("欧阳修", "ouyangxiu", "oyx"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("单于丽", "chanyuli", "cyl"),
    ],
)
def test_a_compound_surname_reads_as_one(name: str, full: str, initials: str) -> None:
    assert full_and_initials(name) == (full, initials)


def test_a_polyphonic_character_gives_both_readings() -> None:
    keys = keys_for_name("李乐")
    assert {keys["lile"], keys["liyue"], keys["ll"], keys["ly"]} == {EXACT}


def test_a_name_of_many_polyphonic_characters_has_a_bounded_number_of_readings() -> None:
    readings = name_readings("乐重行长")
    assert 1 < len(readings) <= MAX_VARIANTS
    assert readings[0][0] == "yue"  # 乐 as a surname


@pytest.mark.parametrize(
    ("text", "form"),
    [("张 三", "张三"), (" 张　三 ", "张三"), ("John  SMITH", "john smith"), ("ＺＳ", "zs")],
)
def test_names_and_queries_are_compared_in_one_form(text: str, form: str) -> None:
    assert search_form(text) == form


def test_a_latin_name_is_found_by_its_words_but_has_no_pinyin() -> None:
    keys = keys_for_name("John Smith")
    assert keys["john smith"] == EXACT
    assert keys["john"] == PREFIX
    assert keys["smit"] == SUBSTRING
    assert "smith" not in keys  # longer than MAX_SUBSTRING inside the name
    assert "js" not in keys


def test_an_empty_name_has_no_keys() -> None:
    assert keys_for_name("") == {}
    assert full_and_initials("") == ("", "")


@given(st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6))
def test_every_short_fragment_of_a_chinese_name_is_a_key(name: str) -> None:
    keys = keys_for_name(name)
    assert keys[name] == EXACT
    for start in range(len(name)):
        for end in range(start + 1, min(len(name), start + MAX_SUBSTRING) + 1):
            assert name[start:end] in keys


def _keys_one_by_one(name: str) -> dict[str, int]:
    """The keys as first written: each candidate added in turn, keeping its lowest class."""
    keys: dict[str, int] = {}

    def add(key: str, cls: int) -> None:
        if key and (key not in keys or cls < keys[key]):
            keys[key] = cls

    form = search_form(name)
    add(form, EXACT)
    for length in range(1, min(len(form), MAX_PREFIX + 1)):
        add(form[:length], PREFIX)
    for start in range(1, len(form)):
        for length in range(1, MAX_SUBSTRING + 1):
            if start + length <= len(form):
                add(form[start : start + length], SUBSTRING)
    if has_cjk(form):
        for syllables in name_readings(form):
            add("".join(syllables), EXACT)
            add("".join(s[0] for s in syllables), EXACT)
            for count in range(1, len(syllables)):
                add("".join(syllables[:count]), PREFIX)
                add("".join(s[0] for s in syllables[:count]), PREFIX)
    return keys


@pytest.mark.parametrize(
    "name",
    ["张三", "欧阳修", "乐乐", "曾曾", "张张张", "aa", "a a", "Straße", "Li 明", "乐重行长朝阳",
     "abcdefghijklmnopq", "王 伟", "ＬＩ", " ", ""],
)  # fmt: skip
def test_the_keys_are_those_added_one_by_one(name: str) -> None:
    assert keys_for_name(name) == _keys_one_by_one(name)


@given(st.text(st.sampled_from("张王乐曾长行欧阳ab Zß１·明"), max_size=14))
def test_any_name_has_the_keys_added_one_by_one(name: str) -> None:
    assert keys_for_name(name) == _keys_one_by_one(name)


def test_a_bulk_job_reads_each_name_as_the_search_does() -> None:
    cache = ReadingCache()
    for name in ("曾志强", "乐乐", "Straße", "李 明", ""):
        assert cache(name) == name_readings(name)
        assert keys_for_name(name, cache) == keys_for_name(name)
