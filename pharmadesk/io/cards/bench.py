"""Seconds per scanned card for `pharmadesk bench`: made-up cards, clean and degraded.

Each card is read as the check window reads it (page prepared, every field recognised in
its area); the first card also pays for loading the models, which is reported apart.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from pharmadesk.io.cards.samples import Damage

DAMAGES = (Damage(), Damage(angle=2.0), Damage(blur=1.2), Damage(dpi=150),
           Damage(angle=-1.5, jpeg_quality=40), Damage(seal_over=("name",)))  # fmt: skip


@dataclass(frozen=True)
class CardTiming:
    cards: int
    first_s: float  # models loaded on the first card
    median_s: float
    worst_s: float


def measure(folder: Path, *, rounds: int = 2) -> CardTiming:
    from pharmadesk.io.cards import engine, pages, reading, samples

    folder.mkdir(parents=True, exist_ok=True)
    paths = [
        samples.save(samples.draw_card(damage=damage), folder / f"card-{index}.png")
        for index, damage in enumerate(DAMAGES)
    ]
    recogniser = engine.recogniser()
    times = []
    for _ in range(rounds):
        for path in paths:
            began = time.perf_counter()
            for page in pages.read_pages(path):
                reading.read_card(page, recogniser)
            times.append(time.perf_counter() - began)
    return CardTiming(len(times), times[0], median(times[1:]), max(times[1:]))


def format_line(timing: CardTiming) -> str:
    return (
        f"scanned cards: {timing.median_s:.2f} s per card (median of {timing.cards - 1}, "
        f"worst {timing.worst_s:.2f} s; the first, loading the models, {timing.first_s:.2f} s)"
    )
