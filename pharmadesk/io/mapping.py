"""Which column of a card file holds what: the header row, and each column's target field.

Paper registration cards were typed into spreadsheets by different people over the years,
so headers vary (姓名, 客户姓名, Name …), sit below title rows, or say nothing at all. The
header row is the one among the first rows whose cells best match known header names; a
column is mapped by its header, else by its content (eleven-digit 1[3-9] numbers are
mobiles). Every mapping can be changed by the user and saved as a named template.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pharmadesk.text.normalize import MOBILE_RE, fold

# Targets a column can go to, besides "custom:<key>" (a custom field) and these two:
IGNORE = "ignore"
NOTES = "notes"  # appended to the customer's notes as "header: value"

# Header names people use, by target (compared after folding, lower case, without spaces
# and punctuation). The first target listed for a name wins.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "客户姓名", "顾客姓名", "会员姓名", "名字", "客户", "顾客", "name",
             "customername", "fullname"),
    "mobile": ("手机", "手机号", "手机号码", "移动电话", "联系电话", "联系方式", "电话",
               "电话号码", "phone", "mobile", "mobilephone", "cellphone", "tel", "telephone"),
    "phone": ("座机", "固定电话", "其他电话", "家庭电话", "landline", "otherphone"),
    "gender": ("性别", "gender", "sex"),
    "age": ("年龄", "age"),
    "birth_date": ("生日", "出生日期", "出生年月", "出生年月日", "birthday", "birthdate",
                   "dateofbirth", "dob"),
    "address": ("地址", "家庭住址", "住址", "联系地址", "家庭地址", "address"),
    "postal_code": ("邮编", "邮政编码", "postcode", "postalcode", "zip", "zipcode"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"),
    "code": ("会员卡号", "卡号", "会员号", "会员编号", "客户id", "客户编号", "顾客编号",
             "memberno", "membercode", "cardno", "customerid", "id"),
    "preferences": ("常用药品", "常购药品", "偏好", "常用药", "preferences", "usualmedicines"),
    "allergies": ("过敏史", "过敏", "药物过敏", "allergies", "allergy"),
    "chronic_conditions": ("慢性病", "慢病", "慢性病史", "病史", "chronicconditions",
                           "conditions"),
    "notes": ("备注", "说明", "notes", "note", "remarks", "comment", "comments"),
    "registered_on": ("登记日期", "建档日期", "入会日期", "注册日期", "registered",
                      "registrationdate", "joined"),
    "points": ("积分", "会员积分", "points"),
    "last_purchase": ("上次购买日期", "最近购买日期", "最后购买日期", "上次购买", "lastpurchase"),
    "purchase_count": ("购买次数", "消费次数", "purchasecount", "visits"),
    "rating": ("反馈评分", "评分", "满意度", "rating", "score"),
    "guardian_name": ("监护人", "监护人姓名", "家长", "家长姓名", "guardian", "guardianname",
                      "parent", "parentname"),
    "guardian_mobile": ("监护人电话", "监护人手机", "监护人手机号", "监护人联系电话", "家长电话",
                        "家长手机", "guardianmobile", "guardianphone", "parentphone"),
}  # fmt: skip
TARGETS = tuple(HEADER_NAMES)
_LOOKUP = {alias: target for target, aliases in HEADER_NAMES.items() for alias in aliases}
_STRIP_RE = re.compile(r"[\s_:：*＊()（）\[\]【】.\-/、]")
HEADER_SEARCH_ROWS = 30  # the header is among the first rows of a sheet
MOBILE_SHARE = 0.8  # share of a column's values that must look like mobiles


def header_key(text: object) -> str:
    """How header cells are compared: folded, lower case, no spaces or punctuation."""
    return _STRIP_RE.sub("", fold(text).casefold())


def target_of(header: object) -> str | None:
    """The target a header names, or None."""
    key = header_key(header)
    return _LOOKUP.get(key) if key else None


@dataclass(frozen=True)
class HeaderGuess:
    index: int  # position of the header row in the table's rows
    matched: int  # how many of its cells are known header names


def find_header(rows: Sequence[Sequence[object]]) -> HeaderGuess | None:
    """The header row: among the first rows, the one with most known header names (a name
    column counts double, since no card file lacks one); None when no row has any."""
    best: HeaderGuess | None = None
    best_score = 0
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        targets = [target_of(cell) for cell in cells if cell not in (None, "")]
        matched = sum(1 for t in targets if t)
        score = matched + (1 if "name" in targets else 0)
        if matched and score > best_score:
            best, best_score = HeaderGuess(index, matched), score
    return best


def auto_mapping(headers: Sequence[object], samples: Iterable[Sequence[object]]) -> dict[int, str]:
    """Each column's target: by header name, else a column of mobiles by its content, else
    ignored. A target is given to one column only (the first that names it)."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for column, header in enumerate(headers):
        target = target_of(header)
        if target and (target not in taken or target == NOTES):
            mapping[column] = target
            taken.add(target)
        else:
            mapping[column] = IGNORE
    if "mobile" not in taken:
        columns = _content_columns(headers, samples)
        for column in columns:
            if mapping.get(column) == IGNORE:
                mapping[column] = "mobile"
                break
    return mapping


def _content_columns(headers: Sequence[object], samples: Iterable[Sequence[object]]) -> list[int]:
    """Columns whose non-empty values are mostly mobiles."""
    seen = [0] * len(headers)
    mobiles = [0] * len(headers)
    for cells in samples:
        for column in range(min(len(cells), len(headers))):
            value = cells[column]
            if value in (None, ""):
                continue
            seen[column] += 1
            text = fold(value)
            text = text[:-2] if text.endswith(".0") else text
            if MOBILE_RE.match(re.sub(r"[\s-]", "", text)):
                mobiles[column] += 1
    return [c for c in range(len(headers)) if seen[c] and mobiles[c] >= MOBILE_SHARE * seen[c]]


def apply_template(headers: Sequence[object], template: Mapping[str, str]) -> dict[int, str]:
    """A saved mapping (header text -> target) applied to this file's headers."""
    by_key = {header_key(name): target for name, target in template.items()}
    return {column: by_key.get(header_key(header), IGNORE) for column, header in enumerate(headers)}


def as_template(headers: Sequence[object], mapping: Mapping[int, str]) -> dict[str, str]:
    """A mapping to save under a name: keyed by header text, so it fits the next file."""
    return {
        fold(headers[column]): target
        for column, target in mapping.items()
        if column < len(headers) and fold(headers[column])
    }
