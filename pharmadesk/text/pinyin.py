"""Pinyin readings of a person's name, for the counter search.

A name can be read several ways: a surname has its own reading (曾 is zeng, 单 shan, 解 xie,
仇 qiu, 区 ou), and a character in the given name may be polyphonic. Every plausible reading
is kept (up to a bound), so a pharmacist finds the customer whichever reading they type.
pypinyin is imported on first use only: it costs start-up time the unlock dialog must not pay.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from pharmadesk.text.normalize import CJK_RE

# Readings a character takes as a surname, where that differs from its everyday reading.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "查": ("zha",),
    "盖": ("ge",),
    "乐": ("yue",),
    "覃": ("qin",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "种": ("chong",),
    "繁": ("po",),
    "黑": ("he",),
    "员": ("yun",),
    "秘": ("bi",),
    "召": ("shao",),
    "句": ("gou",),
    "尉": ("yu", "wei"),
    "长": ("chang", "zhang"),
    "厍": ("she",),
    "蕃": ("pi",),
    "折": ("she",),
}
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "令狐": ("ling", "hu"),
    "澹台": ("tan", "tai"),
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "皇甫": ("huang", "fu"),
    "公孙": ("gong", "sun"),
}
# Characters that people really read two ways in a given name. Every other character
# takes its one everyday reading: pypinyin's full list of heteronyms holds archaic readings
# (俊 as shun or dun) that would turn up strangers for 'zs'.
NAME_POLYPHONES: dict[str, tuple[str, ...]] = {
    "乐": ("le", "yue"),
    "长": ("chang", "zhang"),
    "行": ("xing", "hang"),
    "重": ("zhong", "chong"),
    "朝": ("zhao", "chao"),
    "茜": ("qian", "xi"),
    "柏": ("bai", "bo"),
    "盛": ("sheng", "cheng"),
    "晟": ("sheng", "cheng"),
    "传": ("chuan", "zhuan"),
    "蔚": ("wei", "yu"),
    "都": ("du", "dou"),
    "参": ("can", "shen"),
    "莘": ("shen", "xin"),
    "奇": ("qi", "ji"),
    "泊": ("bo", "po"),
    "会": ("hui", "kuai"),
    "单": ("dan", "shan"),
    "曾": ("ceng", "zeng"),
    "解": ("jie", "xie"),
    "区": ("qu", "ou"),
    "仇": ("chou", "qiu"),
    "查": ("cha", "zha"),
    "朴": ("pu", "piao"),
    "覃": ("tan", "qin"),
    "翟": ("di", "zhai"),
    "缪": ("miao", "mou", "miu"),
    "贾": ("jia", "gu"),
    "阿": ("a", "e"),
    "尉": ("wei", "yu"),
    "车": ("che", "ju"),
    "藏": ("zang", "cang"),
    "厦": ("xia", "sha"),
}
MAX_VARIANTS = 8


@lru_cache(maxsize=20_000)
def char_readings(char: str) -> tuple[str, ...]:
    """The readings of one character in a name: its everyday one, and a second where names
    really use one (`NAME_POLYPHONES`)."""
    if char in NAME_POLYPHONES:
        return NAME_POLYPHONES[char]
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=False, errors="ignore")
    readings = tuple(r.lower() for r in (found[0] if found else []) if r.isascii() and r.isalpha())
    return readings[:1]


def _syllable_options(name: str) -> list[tuple[str, ...]]:
    options: list[tuple[str, ...]] = []
    rest = name
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound and len(name) > 2:
        options.extend((syllable,) for syllable in compound)
        rest = name[2:]
    elif name and name[0] in SURNAME_READINGS and len(name) > 1:
        first = SURNAME_READINGS[name[0]]
        others = tuple(r for r in char_readings(name[0]) if r not in first)
        options.append(first + others)
        rest = name[1:]
    for char in rest:
        if CJK_RE.match(char):
            readings = char_readings(char)
            if readings:
                options.append(readings)
        elif char.isascii() and char.isalnum():
            options.append((char.lower(),))
    return options


@lru_cache(maxsize=50_000)
def name_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """The syllable sequences a name may be read as, the likeliest first, at most 8."""
    options = _syllable_options(name)
    if not options:
        return ()
    return tuple(itertools.islice(itertools.product(*options), MAX_VARIANTS))


class ReadingCache(dict[str, tuple[tuple[str, ...], ...]]):
    """`name_readings` of every name asked, kept for one bulk job (an import's preview and
    its commit). The module's own cache holds 50,000 names: an import of 100,000 cards has
    more distinct names than that, so each would be read anew in the commit."""

    def __missing__(self, name: str) -> tuple[tuple[str, ...], ...]:
        found = self[name] = name_readings.__wrapped__(name)
        return found

    def __call__(self, name: str) -> tuple[tuple[str, ...], ...]:
        return self[name]


def full_and_initials(name: str) -> tuple[str, str]:
    """The likeliest reading as one word ('zhangsan') and its initials ('zs')."""
    return full_and_initials_of(name_readings(name))


def full_and_initials_of(readings: tuple[tuple[str, ...], ...]) -> tuple[str, str]:
    """`full_and_initials` from the name's `name_readings`, for callers that have them."""
    if not readings:
        return "", ""
    first = readings[0]
    return "".join(first), "".join(s[0] for s in first)
