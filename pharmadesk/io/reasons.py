"""Row reasons in the user's language.

The engine words each reason in English (it is also what the command line prints); the
wizard and the report show them in the UI language. Known phrasings are matched whole, each
word of theirs translated and each value (a row number, what the cell held) kept as it is;
a reason that is not listed here, or holds a part that is not, stays readable English
rather than half-translated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

Rule = tuple[re.Pattern[str], str]
# A named group of a rule whose words are translated, not kept: its name -> the translator
# (None: the words are unknown, and the rule does not apply).
Translators = Mapping[str, Callable[[str], str | None]]


def rules(pairs: Sequence[tuple[str, str]]) -> tuple[Rule, ...]:
    """(regular expression, template) pairs; the template names the groups as {group}."""
    return tuple((re.compile(pattern), template) for pattern, template in pairs)


def render(text: str, found: Sequence[Rule], translators: Translators) -> str | None:
    """`text` by the first rule that matches it whole; None when none does."""
    for pattern, template in found:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups: dict[str, str] = {}
        for name, value in match.groupdict().items():
            translate = translators.get(name)
            groups[name] = value if translate is None else translate(value) or ""
            if translate is not None and not groups[name]:
                break
        else:
            return template.format(**groups)
    return None


# --- What a value check says about a cell ------------------------------------------------

# text/normalize.py, services/custom_fields.canonical_value and purchase_import's checks.
_VALUE_RULES = rules(
    [
        (r"not a phone number: (?P<value>.+)", "不是电话号码：{value}"),
        (
            r"not a valid mobile number \((?P<n>\d+) digits; a mobile has 11, starting 13-19\): "
            r"(?P<value>.+)",
            "不是有效的手机号（{n}位；手机号应为11位，以13-19开头）：{value}",
        ),
        (r"not a mobile number \(a landline\?\): (?P<value>.+)", "不是手机号（是座机？）：{value}"),
        (r"no such date: (?P<value>.+)", "日期不存在：{value}"),
        (r"not a date: (?P<value>.+)", "无法识别的日期：{value}"),
        (r"not a gender: (?P<value>.+)", "无法识别的性别：{value}"),
        (r"not an age: (?P<value>.+)", "无法识别的年龄：{value}"),
        (r"not a plausible age: (?P<value>.+)", "年龄不合理：{value}"),
        (r"a name is required", "必须填写姓名"),
        (r"not an email address: (?P<value>.+)", "不是有效的邮箱地址：{value}"),
        (r"a postal code has 6 digits: (?P<value>.+)", "邮政编码应为6位数字：{value}"),
        (r"not an amount of money: (?P<value>.+)", "不是有效的金额：{value}"),
        (r"not a quantity: (?P<value>.+)", "数量无效：{value}"),
        (r"a negative amount \(a refund\?\)", "金额为负数（是退货？）"),
        (r"not a number: (?P<value>.+)", "不是数字：{value}"),
        (r"not a number", "不是数字"),
        (r"not a whole number", "不是整数"),
        (r"more than (?P<limit>[\d,]+)", "超过 {limit}"),
        (r"at most (?P<n>\d+) characters", "最多{n}个字符"),
        (r"not one of the choices: (?P<value>.+)", "不在可选项中：{value}"),
    ]
)
# The columns card_rows names before a value check's message ("birth date: not a date: x"),
# in Chinese (card_rows also names them so in the notes).
COLUMN_LABELS = {
    "registration date": "登记日期",
    "birth date": "出生日期",
    "last purchase date": "上次购买日期",
    "points": "积分",
}


def value_message(text: str) -> str | None:
    """A value check's message (text.normalize.InvalidValue and the like); None if unknown."""
    return render(text, _VALUE_RULES, {})


# --- Why two rows are the same person ------------------------------------------------------

_DETAILS = {
    "same birth date": "出生日期相同",
    "same birth year": "出生年份相同",
    "same address": "地址相同",
    "same phone": "其他电话相同",
    "same email": "邮箱相同",
}
_WHY = rules(
    [
        (r"same mobile", "手机号相同"),
        (r"same member code", "会员号相同"),
        (r"same name and birth date", "姓名和出生日期相同"),
        (r"same name, by hand", "同名，手动合并"),
        (r"similar name, (?P<detail>.+), by hand", "姓名相近，{detail}，手动合并"),
    ]
)


def _why(text: str) -> str | None:
    return render(text, _WHY, {"detail": _DETAILS.get})


# --- A part of a row's reason ------------------------------------------------------------

_REASON_RULES = rules(
    [
        (r"empty row", "空行"),
        (r"summary row", "合计行"),
        (r"no name", "没有姓名"),
        (r"skipped by hand", "已手动跳过"),
        (r"same name as row (?P<row>\d+), not merged: check it", "与第{row}行同名，未合并：请核对"),
        (
            r"same name as a customer on file, not merged: check it",
            "与已建档客户同名，未合并：请核对",
        ),
        (
            r"similar name to row (?P<row>\d+) \((?P<other>.+)\), (?P<detail>same [a-z ]+), "
            r"not merged: check it",
            "与第{row}行姓名相近（{other}），{detail}，未合并：请核对",
        ),
        (
            r"similar name to a customer on file \((?P<other>.+)\), (?P<detail>same [a-z ]+), "
            r"not merged: check it",
            "与已建档客户姓名相近（{other}），{detail}，未合并：请核对",
        ),
        (
            r"same mobile as row (?P<row>\d+) \((?P<other>.+)\) under another name, "
            r"not merged: check it",
            "与第{row}行手机号相同但姓名不同（{other}），未合并：请核对",
        ),
        (
            r"same mobile as a customer on file \((?P<other>.+)\) under another name, "
            r"not merged: check it",
            "与已建档客户手机号相同但姓名不同（{other}），未合并：请核对",
        ),
        (r"a customer of its own, chosen by hand", "已手动设为新客户"),
        (r"merged into row (?P<row>\d+) \((?P<why>.+)\)", "并入第{row}行（{why}）"),
        (r"merged into an existing customer \((?P<why>.+)\)", "并入已建档客户（{why}）"),
        (r"duplicate of an existing customer \((?P<why>.+)\)", "与已建档客户重复（{why}）"),
        (
            r"adds (?P<points>-?[\d,]+) opening points to the balance",
            "该客户积分余额将加上 {points} 期初积分",
        ),
        (r"adds to allergies: (?P<value>.+)", "将补充过敏史：{value}"),
        (r"adds to chronic conditions: (?P<value>.+)", "将补充慢性病：{value}"),
        (r"not a mobile \(kept as other phone\)", "不是手机号（已存为其他电话）"),
        (r"not a valid mobile \(kept as other phone\)", "手机号无效（已存为其他电话）"),
        (r"unknown customer \(mobile (?P<mobile>\d+)\)", "找不到客户（手机号 {mobile}）"),
        (r"unknown customer \(member code (?P<code>.+)\)", "找不到客户（会员号 {code}）"),
        (r"no member code or mobile", "没有会员号或手机号"),
        (
            r"a child under 14 without a guardian's name and mobile: the guardian's consent is "
            r"needed",
            "未满14岁的儿童，没有监护人姓名和手机：需要监护人同意",
        ),
        (r"no product name", "没有药品名称"),
        (r"no purchase date", "没有购买日期"),
        (r"no amount and no unit price", "没有金额也没有单价"),
        (
            r"the amount differs from quantity x unit price \(the amount is kept\)",
            "金额与数量×单价不符（保留金额）",
        ),
        # card_rows: a value that could not be used where its column says, kept in the notes.
        (
            r"(?P<label>registration date|birth date|last purchase date|points): "
            r"(?P<message>.+) \(kept in notes\)",
            "{label}：{message}（已存入备注）",
        ),
        (r"(?P<message>.+) \(kept in notes\)", "{message}（已存入备注）"),
        # purchase_import: a line rejected by a value check's own message.
        (r"(?P<message>.+)", "{message}"),
    ]
)
_REASON_TRANSLATORS: Translators = {
    "why": _why,
    "detail": _DETAILS.get,
    "label": COLUMN_LABELS.get,
    "message": value_message,
}


def localize(reason: str, language: str) -> str:
    """`reason` (parts joined by '; ') in `language` ('zh_CN' or 'en')."""
    if language != "zh_CN" or not reason:
        return reason
    return "；".join(_parts(reason.split("; ")))


def _parts(parts: list[str]) -> list[str]:
    """The parts translated. A value check's message, or a cell, may itself hold "; ", so
    neighbouring parts may make one: of the ways to group them, the one that translates the
    most parts wins, then the one with more groups. A part translated in no group is kept."""
    # best[i]: (parts translated, groups, the texts) for parts[i:]
    best: list[tuple[int, int, list[str]]] = [(0, 0, [])] * (len(parts) + 1)
    for start in range(len(parts) - 1, -1, -1):
        done, groups, texts = best[start + 1]
        options = [(done, groups + 1, [parts[start], *texts])]
        for end in range(start + 1, len(parts) + 1):
            found = _part("; ".join(parts[start:end]))
            if found is not None:
                done, groups, texts = best[end]
                options.append((done + end - start, groups + 1, [found, *texts]))
        best[start] = max(options, key=lambda option: option[:2])
    return best[0][2]


def _part(text: str) -> str | None:
    return render(text, _REASON_RULES, _REASON_TRANSLATORS)
