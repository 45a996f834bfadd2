"""The month report: an A4 PDF with the planned pages, every chart, numbered pages, the
fonts embedded, in either language, written whole or not at all."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import FigureBase

from pharmadesk.io import month_report
from pharmadesk.io.charts import CHART_KINDS
from pharmadesk.io.month_report import kpi_rows, page_count, write_month_report
from pharmadesk.services.analytics.results import Dashboard
from tests.unit.io import dashboards

A4_POINTS = (595.44, 841.68)


def pages(pdf: bytes) -> list[bytes]:
    """The page objects of a PDF matplotlib wrote (their dictionaries are not compressed)."""
    return re.findall(rb"/Type\s*/Page\b(?!s).*?>>", pdf, flags=re.S)


def fonts(pdf: bytes) -> list[bytes]:
    return re.findall(rb"/Type\s*/Font\b.*?>>", pdf, flags=re.S)


def assert_a4_portrait(pdf: bytes) -> None:
    for page in pages(pdf):
        box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", page)
        assert box is not None
        assert (float(box[1]), float(box[2])) == pytest.approx(A4_POINTS, abs=0.5)


def assert_fonts_embedded(pdf: bytes) -> None:
    found = fonts(pdf)
    assert found
    # Type 3 carries each glyph's outline in the file itself: nothing is left to the printer.
    assert all(re.search(rb"/Subtype\s*/Type3", font) for font in found)
    assert any(b"PharmaDeskSansSC" in font for font in found)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What the report draws: the chart kinds and the page numbers in the footers."""
    seen: dict[str, list[str]] = {"charts": [], "footers": []}
    draw, footer = month_report.draw_into, month_report._footer

    def draw_chart(fig: FigureBase, kind: str, dash: Dashboard, *, lang: str) -> None:
        seen["charts"].append(kind)
        draw(fig, kind, dash, lang=lang)

    def write_footer(figure: object, left: str, right: str) -> None:
        seen["footers"].append(right)
        footer(figure, left, right)  # type: ignore[arg-type]

    monkeypatch.setattr(month_report, "draw_into", draw_chart)
    monkeypatch.setattr(month_report, "_footer", write_footer)
    return seen


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_report_has_every_page_and_chart_on_a4_with_its_fonts(
    lang: str, tmp_path: Path, recorded: dict[str, list[str]]
) -> None:
    target = tmp_path / "2026-10.pdf"

    assert write_month_report(dashboards.busy(), target, lang=lang, pharmacy_name="康宁大药房") == (
        target
    )

    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(pages(pdf)) == page_count() == 6
    assert recorded["charts"] == list(CHART_KINDS)
    total = page_count()
    expected = (
        [f"第 {n} 页，共 {total} 页" for n in range(1, total + 1)]
        if lang == "zh_CN"
        else [f"Page {n} of {total}" for n in range(1, total + 1)]
    )
    assert recorded["footers"] == expected
    assert_a4_portrait(pdf)
    assert_fonts_embedded(pdf)


def test_a_new_pharmacy_gets_the_same_pages(tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    write_month_report(dashboards.empty(), target, lang="zh_CN")
    pdf = target.read_bytes()
    assert len(pages(pdf)) == page_count()
    assert_fonts_embedded(pdf)


def test_the_month_figures_against_the_month_before() -> None:
    rows = {row[0]: row[1:] for row in kpi_rows(dashboards.busy(), "en")}

    assert rows["Revenue"] == ["¥186,543.20", "¥167,888.88", "+11.1%"]
    assert rows["Transactions"] == ["1,234", "1,111", "+11.1%"]
    assert rows["Repurchase rate"] == ["31.0%", "27.9%", "+3.1 pts"]
    assert rows["Average rating (1-5)"] == ["4.30", "4.30", "0.00"]
    assert rows["Complaints"] == ["3", "3", "0"]
    chinese = {row[0]: row[1:] for row in kpi_rows(dashboards.busy(), "zh_CN")}
    assert chinese["复购率"][2] == "+3.1 个百分点"


def test_figures_without_a_month_before_show_a_dash() -> None:
    rows = {row[0]: row[1:] for row in kpi_rows(dashboards.empty(), "en")}
    assert rows["Revenue"] == ["¥0.00", "¥0.00", "—"]
    assert rows["Average basket"] == ["—", "—", "—"]


def test_a_failed_report_leaves_nothing_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the report of last time")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(month_report, "_lists_page", broken)
    with pytest.raises(RuntimeError):
        write_month_report(dashboards.busy(), target, lang="en")

    assert target.read_bytes() == b"the report of last time"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


@pytest.fixture
def heading_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of each first-page heading drawn from now on."""
    seen: list[str] = []
    original = month_report._heading

    def heading(fig: Any, *args: Any) -> None:
        original(fig, *args)
        seen.extend(text.get_text() for text in fig.texts)

    monkeypatch.setattr(month_report, "_heading", heading)
    return seen


def test_a_month_not_over_says_its_figures_run_to_the_day_made(
    tmp_path: Path, heading_texts: list[str]
) -> None:
    seen = heading_texts
    october = dashboards.busy()
    write_month_report(october, tmp_path / "running.pdf", lang="zh_CN", made_on=date(2026, 10, 20))
    assert any("本月尚未结束" in text for text in seen)
    seen.clear()
    write_month_report(october, tmp_path / "closed.pdf", lang="zh_CN", made_on=date(2026, 11, 2))
    assert seen
    assert not any("尚未结束" in text for text in seen)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh_CN", "与2026年9月相比（仅部分有记录：销售记录自2026年9月10日起）"),
        ("en", "Compared with September 2026 (only partly on record: sales from 2026-09-10)"),
    ],
)
def test_a_month_before_only_partly_on_record_is_named_so(
    tmp_path: Path, heading_texts: list[str], lang: str, said: str
) -> None:
    seen = heading_texts
    october = replace(dashboards.busy(), records_from=date(2026, 9, 10))
    write_month_report(october, tmp_path / "partly.pdf", lang=lang, made_on=date(2026, 11, 2))
    assert any(said in text for text in seen)
    seen.clear()
    whole = replace(october, records_from=date(2026, 9, 1))
    write_month_report(whole, tmp_path / "whole.pdf", lang=lang, made_on=date(2026, 11, 2))
    assert seen
    assert not any("部分" in text or "partly" in text for text in seen)


@pytest.mark.parametrize(
    ("lang", "title"),
    [("zh_CN", "PharmaDesk 月度报告 2026-10"), ("en", "PharmaDesk Month report 2026-10")],
)
def test_the_pdf_s_own_title_is_in_the_report_s_language(
    lang: str, title: str, tmp_path: Path
) -> None:
    import pypdfium2 as pdfium

    target = write_month_report(dashboards.busy(), tmp_path / "r.pdf", lang=lang)
    document = pdfium.PdfDocument(target)
    try:
        assert document.get_metadata_dict()["Title"] == title  # what a viewer's title bar shows
    finally:
        document.close()
