"""The import's speed figure for `pharmadesk bench`: 100,000 card rows from an .xlsx, read,
checked and de-duplicated (the preview), then committed into a new pharmacy.

The card file is synthetic (names from the demo's catalogue, a title row above the header,
some ages instead of birth dates, a few repeated mobiles) and kept in the bench folder.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

from pharmadesk.io import customer_import, files, import_batches
from pharmadesk.services import vault
from pharmadesk.services.demo import catalogue

HEADER = ("姓名", "手机", "性别", "年龄", "生日", "地址", "邮编", "会员卡号", "过敏史", "积分")


@dataclass(frozen=True)
class ImportTiming:
    rows: int
    read_s: float
    plan_s: float
    commit_s: float
    counts: dict[str, int]
    # The checkpoint after the commit, which the user does not wait for (`settle`).
    settle_s: float = 0.0

    @property
    def total_s(self) -> float:
        return self.read_s + self.plan_s + self.commit_s


def card_file(folder: Path, rows: int, *, seed: int = 5) -> Path:
    """The synthetic card file of `rows` rows (written once, then reused)."""
    path = folder / f"cards-v2-{rows}.xlsx"  # v2: a card typed twice keeps its name
    if path.exists():
        return path
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("会员")
    sheet.append(["会员登记表"])
    sheet.append([])
    sheet.append(list(HEADER))
    people: list[tuple[str, str]] = []
    for n in range(rows):
        given = catalogue.GIVEN_MALE if rng.random() < 0.5 else catalogue.GIVEN_FEMALE
        name = rng.choice(catalogue.SURNAMES[:80]) + "".join(
            rng.choice(given) for _ in range(rng.choice((1, 2)))
        )
        mobile = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        # One row in a hundred is a customer typed in twice (the same name and mobile).
        if people and rng.random() < 0.01:
            name, mobile = rng.choice(people)
        people.append((name, mobile))
        aged = rng.random() < 0.3
        sheet.append([
            name, mobile, rng.choice(("男", "女")), rng.randrange(20, 85) if aged else None,
            None if aged else f"19{rng.randrange(40, 99)}-{rng.randrange(1, 13):02d}-"
            f"{rng.randrange(1, 29):02d}",
            f"{catalogue.CITY}西湖区文三路{rng.randrange(1, 400)}号", "310012",
            f"K{n:06d}", "青霉素" if rng.random() < 0.05 else None, rng.randrange(0, 600),
        ])  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def measure(folder: Path, rows: int = 100_000) -> ImportTiming:
    source = card_file(folder, rows)
    target = folder / "import-bench.db"
    for leftover in folder.glob("import-bench.db*"):
        leftover.unlink()
    ctx = vault.create_pharmacy(target, owner="owner", password="import-bench").context
    try:
        started = time.perf_counter()
        table = files.read_table(source)
        read = time.perf_counter()
        plan = customer_import.plan(ctx, table)
        planned = time.perf_counter()
        import_batches.commit(ctx, plan)
        done = time.perf_counter()
        import_batches.settle(ctx)
        settled = time.perf_counter()
    finally:
        ctx.close()
        for leftover in folder.glob("import-bench.db*"):
            leftover.unlink()
    return ImportTiming(
        rows, read - started, planned - read, done - planned, plan.counts(), settled - done
    )
