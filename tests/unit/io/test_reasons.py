"""Row reasons read in Chinese in a Chinese UI; unknown phrasings stay whole English."""

from __future__ import annotations

import pytest

from pharmadesk.io.reasons import localize


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("empty row", "空行"),
        ("merged into row 4 (same mobile)", "并入第4行（手机号相同）"),
        ("merged into an existing customer (same name and birth date)",
         "并入已建档客户（姓名和出生日期相同）"),
        ("not a mobile (kept as other phone)", "不是手机号（已存为其他电话）"),
        ("merged into row 4 (same mobile); not a mobile (kept as other phone)",
         "并入第4行（手机号相同）；不是手机号（已存为其他电话）"),
        ("unknown customer (mobile 13700000000)", "找不到客户（手机号 13700000000）"),
        ("birth date: no such date: 1990-02-30 (kept in notes)",
         "birth date: no such date: 1990-02-30（已存入备注）"),
        ("something new", "something new"),
    ],
)  # fmt: skip
def test_reasons_in_chinese(english: str, chinese: str) -> None:
    assert localize(english, "zh_CN") == chinese
    assert localize(english, "en") == english
