"""Row reasons in the user's language.

The engine words each reason in English (it is also what the command line prints); the
wizard and the report show them in the UI language. Known phrasings are matched whole, so a
new reason that is not listed here stays readable English rather than half-translated.
"""

from __future__ import annotations

import re

_WHY = {
    "same mobile": "手机号相同",
    "same member code": "会员号相同",
    "same name and birth date": "姓名和出生日期相同",
    "same name, by hand": "同名，手动合并",
}
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^empty row$", "空行"),
        (r"^summary row$", "合计行"),
        (r"^no name$", "没有姓名"),
        (r"^skipped by hand$", "已手动跳过"),
        (r"^same name as row (\d+), not merged: check it$", r"与第\1行同名，未合并：请核对"),
        (
            r"^same name as a customer on file, not merged: check it$",
            "与已建档客户同名，未合并：请核对",
        ),
        (r"^a customer of its own, chosen by hand$", "已手动设为新客户"),
        (r"^merged into row (\d+) \((?P<why>.+)\)$", r"并入第\1行（{why}）"),
        (r"^merged into an existing customer \((?P<why>.+)\)$", "并入已建档客户（{why}）"),
        (r"^duplicate of an existing customer \((?P<why>.+)\)$", "与已建档客户重复（{why}）"),
        (r"^not a mobile \(kept as other phone\)$", "不是手机号（已存为其他电话）"),
        (r"^not a valid mobile \(kept as other phone\)$", "手机号无效（已存为其他电话）"),
        (r"^unknown customer \(mobile (\d+)\)$", r"找不到客户（手机号 \1）"),
        (r"^unknown customer \(member code (.+)\)$", r"找不到客户（会员号 \1）"),
        (r"^no member code or mobile$", "没有会员号或手机号"),
        (r"^no product name$", "没有药品名称"),
        (r"^no purchase date$", "没有购买日期"),
        (r"^no amount and no unit price$", "没有金额也没有单价"),
        (
            r"^the amount differs from quantity x unit price \(the amount is kept\)$",
            "金额与数量×单价不符（保留金额）",
        ),
        (r"^(.+) \(kept in notes\)$", r"\1（已存入备注）"),
    )
)


def localize(reason: str, language: str) -> str:
    """`reason` (parts joined by '; ') in `language` ('zh_CN' or 'en')."""
    if language != "zh_CN" or not reason:
        return reason
    return "；".join(_part(part) for part in reason.split("; "))


def _part(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        match = pattern.match(text)
        if match:
            why = _WHY.get(match.groupdict().get("why") or "", match.groupdict().get("why"))
            return match.expand(replacement.replace("{why}", why or ""))
    return text
