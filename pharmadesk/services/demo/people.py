"""The demo's customers: who they are and how they shop, drawn from one seeded `Random`.

Nothing here touches the database; `populate` writes what these functions return.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from pharmadesk.services.demo import catalogue

# A customer's shopping pattern.
REGULAR = "regular"  # comes now and then, more in winter
CHRONIC = "chronic"  # fetches a long-term medicine about every month
CHURNED = "churned"  # used to come, stopped half a year or more ago
DOCUMENTED = "documented"  # a fixed customer listed in the README

_MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "176",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "198",
    "199",
]


@dataclass
class Person:
    name: str
    gender: str
    mobile: str
    registered_on: date
    pattern: str
    birth_date: date | None = None
    birth_year: int | None = None
    birth_approximate: bool = False
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postal_code: str | None = None
    preferences: str | None = None
    allergies: str | None = None
    chronic: str | None = None
    notes: str | None = None
    consents: tuple[str | None, str | None, str | None] = ("given", "given", "given")
    # Set for the documented customers, whose purchases are fixed rather than drawn.
    fixed_visits: Sequence[tuple[date, tuple[str, ...]]] = field(default_factory=list)
    # The points a documented customer takes off the receipt of a day (the others draw).
    redemptions: Mapping[date, int] = field(default_factory=dict)
    duplicate_of: int | None = None  # index of the person this one duplicates


class MobileBook:
    """Hands out distinct random mobiles (and keeps the documented ones out of the draw)."""

    def __init__(self, rng: random.Random, reserved: set[str]) -> None:
        self._rng = rng
        self._used = set(reserved)

    def new(self) -> str:
        while True:
            number = self._rng.choice(_MOBILE_PREFIXES) + f"{self._rng.randrange(10**8):08d}"
            if number not in self._used:
                self._used.add(number)
                return number

    def typo_of(self, mobile: str) -> str:
        """The same number with one digit (not the first three) mistyped."""
        while True:
            position = self._rng.randrange(3, 11)
            digit = str(self._rng.randrange(10))
            number = mobile[:position] + digit + mobile[position + 1 :]
            if number not in self._used:
                self._used.add(number)
                return number


ZHANG_REDEEMS = 50  # points 张三 took off his latest receipt


def documented(today: date) -> list[Person]:
    """The customers the README promises, whatever the size and seed.

    - 张三 (mobile 13812345678): four receipts, 320, 150, 40 and 3 days before the demo was
      made; he took 50 points (¥0.50) off the latest one and has 70 points: 18 + 47 + 25
      earned on the first three, 30 on what he paid for the latest (¥31.00 less ¥0.50).
      None of them expire within a month of the demo's day, and he stays 普通 (standard).
    - 曾志强, 单丽, 解明, 仇建国, 区伟: surnames with their own readings (zeng, shan, xie,
      qiu, ou), each with two visits, the latest 2 to 10 days before the demo was made.
    - 李秀英: a diabetic who consented to contact; she bought 二甲双胍片 (only that) every
      30 days, eight times, the last time 25 days before the demo was made.
    - 周丽华 (mobile 13900007777): a 金卡 (gold) member. Every 30 days for 16 months, the last
      time 12 days before the demo was made, she bought 血糖试纸, 格列美脲片, 多种维生素矿物质片
      and 碳酸钙D3片 (¥306.00 at list price), well over ¥3,000 in any 12 months.
    """
    long_ago = today - timedelta(days=700)
    zhang_visits = [
        (today - timedelta(days=days), products)
        for days, products in (
            (320, ("感冒灵颗粒",)),
            (150, ("健胃消食片", "维生素C片")),
            (40, ("布洛芬缓释胶囊",)),
            (3, ("复方氨酚烷胺片", "医用外科口罩")),
        )
    ]
    metformin = [(today - timedelta(days=25 + 30 * n), ("二甲双胍片",)) for n in range(8)]
    monthly = ("血糖试纸", "格列美脲片", "多种维生素矿物质片", "碳酸钙D3片")
    gold = [(today - timedelta(days=12 + 30 * n), monthly) for n in reversed(range(16))]
    return [
        Person(
            "张三", "M", "13812345678", long_ago, DOCUMENTED, birth_date=date(1980, 5, 12),
            address=f"{catalogue.CITY}西湖区文三路88号", postal_code="310012",
            fixed_visits=zhang_visits, redemptions={today - timedelta(days=3): ZHANG_REDEEMS},
        ),
        Person("曾志强", "M", "13900001111", long_ago, DOCUMENTED, birth_date=date(1975, 3, 8),
               fixed_visits=_recent(today, 2, "健胃消食片")),
        Person("单丽", "F", "13900002222", long_ago, DOCUMENTED, birth_date=date(1988, 11, 2),
               fixed_visits=_recent(today, 4, "玻璃酸钠滴眼液")),
        Person("解明", "M", "13900003333", long_ago, DOCUMENTED, birth_date=date(1969, 7, 21),
               fixed_visits=_recent(today, 6, "布洛芬缓释胶囊")),
        Person("仇建国", "M", "13900004444", long_ago, DOCUMENTED, birth_date=date(1958, 1, 30),
               chronic="高血压", fixed_visits=_recent(today, 8, "苯磺酸氨氯地平片")),
        Person("区伟", "M", "13900005555", long_ago, DOCUMENTED, birth_date=date(1992, 9, 14),
               fixed_visits=_recent(today, 10, "维生素C片")),
        Person(
            "李秀英", "F", "13900006666", today - timedelta(days=400), DOCUMENTED,
            birth_date=date(1956, 4, 3), chronic="2型糖尿病",
            notes="每月来取二甲双胍片", fixed_visits=metformin,
        ),
        Person(
            "周丽华", "F", "13900007777", today - timedelta(days=600), DOCUMENTED,
            birth_date=date(1962, 8, 19), chronic="2型糖尿病", notes="每月为全家配药",
            address=f"{catalogue.CITY}拱墅区莫干山路12号", postal_code="310005",
            fixed_visits=gold,
        ),
    ]  # fmt: skip


def _recent(today: date, days_ago: int, product: str) -> list[tuple[date, tuple[str, ...]]]:
    # A recent visit keeps the documented customers near the top of their search hits.
    return [(today - timedelta(days=days_ago + 90), (product,)),
            (today - timedelta(days=days_ago), (product,))]  # fmt: skip


def random_person(rng: random.Random, mobiles: MobileBook, today: date) -> Person:
    gender = "M" if rng.random() < 0.47 else "F"
    given = catalogue.GIVEN_MALE if gender == "M" else catalogue.GIVEN_FEMALE
    # Earlier surnames are far more common: a triangular draw favours the start.
    surname = catalogue.SURNAMES[int(rng.triangular(0, len(catalogue.SURNAMES), 0))]
    name = surname + "".join(rng.choice(given) for _ in range(1 if rng.random() < 0.3 else 2))
    age = int(rng.triangular(18, 88, 45))
    born = date(today.year - age, 1, 1) + timedelta(days=rng.randrange(365))
    person = Person(
        name, gender, mobiles.new(), today - timedelta(days=rng.randrange(10, 1100)), REGULAR
    )
    kind_of_birth = rng.random()
    if kind_of_birth < 0.8:
        person.birth_date = born
    elif kind_of_birth < 0.9:  # the paper card said "45岁"
        person.birth_year, person.birth_approximate = born.year, True
    district, postal, streets = rng.choice(catalogue.DISTRICTS)
    if rng.random() < 0.85:
        person.address = (
            f"{catalogue.CITY}{district}{rng.choice(streets)}{rng.randrange(1, 400)}号"
            f"{rng.randrange(1, 12)}幢{rng.randrange(1, 30)}0{rng.randrange(1, 5)}室"
        )
        person.postal_code = postal
    if rng.random() < 0.05:
        person.phone = f"0571-8{rng.randrange(10**7):07d}"
    if rng.random() < 0.06:
        person.email = f"user{rng.randrange(10**6)}@example.com"
    if rng.random() < 0.3:
        person.preferences = rng.choice(catalogue.PREFERENCES)
    if rng.random() < 0.08:
        person.allergies = "、".join(rng.sample(catalogue.ALLERGIES, rng.choice((1, 1, 2))))
    pattern = rng.random()
    if pattern < 0.16 and age >= 35:
        person.pattern = CHRONIC
        person.chronic = rng.choice(tuple(catalogue.CHRONIC_MEDICINES))
    elif pattern < 0.32:
        person.pattern = CHURNED
    person.consents = (
        "given" if rng.random() < 0.96 else "paper_unconfirmed",
        "given" if rng.random() < 0.85 else "refused",
        "given" if rng.random() < 0.72 else "refused",
    )
    return person


def duplicate(
    rng: random.Random, mobiles: MobileBook, original: Person, index: int, today: date
) -> Person:
    """The same person registered again: a new mobile, or the old one mistyped."""
    later = original.registered_on + timedelta(days=rng.randrange(30, 400))
    registered = min(later, today - timedelta(days=rng.randrange(5, 60)))
    changed = rng.random() < 0.5
    return replace(
        original,
        mobile=mobiles.new() if changed else mobiles.typo_of(original.mobile),
        # A typed-in-a-hurry card: the birth date is often missing the second time.
        birth_date=original.birth_date if changed else None,
        registered_on=registered,
        pattern=REGULAR,
        fixed_visits=[],
        redemptions={},
        duplicate_of=index,
    )
