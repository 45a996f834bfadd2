"""The owner's charts draw from a Dashboard record, in Chinese and English, with and without
data: real glyphs (a missing glyph warning fails the run), clickable bars that name their
customers' group, readable labels, and files that open as PNG or PDF."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from pharmadesk.io import chart_fonts
from pharmadesk.io.charts import (
    CHART_KINDS,
    definition_of,
    figure_for,
    save_figure,
    title_of,
    words,
)
from pharmadesk.services.analytics.results import SEGMENTS, STAGES, Dashboard, quarter_of
from tests.unit.io import dashboards

LANGS = ("zh_CN", "en")


@pytest.fixture(scope="module")
def busy() -> Dashboard:
    return dashboards.busy()


@pytest.fixture(scope="module")
def empty() -> Dashboard:
    return dashboards.empty()


def texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def picked_gids(figure: Figure) -> list[str]:
    return [a.get_gid() or "" for a in figure.findobj() if a.pickable()]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_draws_with_data(kind: str, lang: str, busy: Dashboard) -> None:
    figure = figure_for(kind, busy, lang=lang)
    figure.canvas.draw()  # the glyphs are looked up here: a missing one is an error

    shown = texts(figure)
    assert any(title_of(kind, lang) in text for text in shown)
    assert words.word("no_data", lang) not in shown
    assert figure.axes, "a chart with data has axes"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_says_no_data_for_a_new_pharmacy(
    kind: str, lang: str, empty: Dashboard
) -> None:
    figure = figure_for(kind, empty, lang=lang)
    figure.canvas.draw()

    assert words.word("no_data", lang) in texts(figure)
    assert picked_gids(figure) == []


def test_chinese_names_reach_the_figure(busy: Dashboard) -> None:
    shown = " ".join(texts(figure_for("top_products", busy, lang="zh_CN")))
    assert "二甲双胍片" in shown
    assert "喆堃赟牌枸杞子" in shown
    assert "流失风险" in " ".join(texts(figure_for("segments", busy, lang="zh_CN")))


def test_a_latin_only_font_would_fail_the_run(
    busy: Dashboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The control: shows the draws above really look the Chinese glyphs up.
    from matplotlib import rc_context

    with rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        monkeypatch.setattr(chart_fonts, "ensure_configured", lambda: None)
        figure = figure_for("segments", busy, lang="zh_CN")
        with pytest.warns(UserWarning, match="missing from font"):
            figure.canvas.draw()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("top_products", [f"product:{101 + i}" for i in range(10)]),
        ("top_categories", [f"category:{name}" for name in dashboards.CATEGORIES]),
        ("segments", [f"segment:{key}" for key in SEGMENTS] * 2),
        ("stages", [f"stage:{key}" for key in STAGES] * 2),
    ],
)
def test_clickable_bars_name_their_customers(
    kind: str, expected: list[str], busy: Dashboard
) -> None:
    assert sorted(picked_gids(figure_for(kind, busy, lang="zh_CN"))) == sorted(expected)


@pytest.mark.parametrize("kind", ["sales_by_month", "new_vs_returning", "satisfaction", "weekdays"])
def test_charts_of_no_group_have_nothing_to_click(kind: str, busy: Dashboard) -> None:
    assert picked_gids(figure_for(kind, busy, lang="en")) == []


def test_the_windows_figure_is_cleared_and_reused(busy: Dashboard) -> None:
    own = Figure()
    first = figure_for("top_products", busy, lang="en", figure=own)
    again = figure_for("segments", busy, lang="en", figure=own)

    assert first is again is own
    assert not [gid for gid in picked_gids(own) if gid.startswith("product:")]
    assert len(own.axes) == 2


def test_long_product_names_are_cut_to_fit(busy: Dashboard) -> None:
    figure = figure_for("top_products", busy, lang="zh_CN")
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]

    assert all(words.display_width(label) <= 22 for label in labels)
    assert "苯磺酸氨氯地平片（络…" in labels


def _overlaps(boxes: list[tuple[float, ...]]) -> list[int]:
    return [i for i in range(len(boxes) - 1) if boxes[i][2] > boxes[i + 1][0] + 0.5]


@pytest.mark.parametrize("size", [(8.0, 4.5), (4.8, 3.3), (3.2, 2.4)])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["sales_by_month", "new_vs_returning", "satisfaction"])
def test_month_labels_do_not_overlap_however_narrow_the_chart(
    kind: str, lang: str, size: tuple[float, float], busy: Dashboard
) -> None:
    figure = figure_for(kind, busy, lang=lang, figure=Figure(figsize=size))
    FigureCanvasAgg(figure)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    ticks = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
    boxes = sorted(tuple(t.get_window_extent(renderer).extents) for t in ticks)

    assert len(ticks) == 24 if size[0] >= 8 else len(ticks) >= 6
    assert _overlaps(boxes) == []
    assert "Jan" in [t.get_text() for t in ticks] or "1" in [t.get_text() for t in ticks]


def test_titles_and_definitions_in_both_languages() -> None:
    for kind in CHART_KINDS:
        assert title_of(kind, "zh_CN") != title_of(kind, "en")
        assert definition_of(kind, "zh_CN")
        assert definition_of(kind, "en")
    assert "小票" in definition_of("sales_by_month", "zh_CN")
    assert "receipt" in definition_of("weekdays", "en")
    assert "180" in definition_of("stages", "en")
    assert "quintile" in definition_of("segments", "en")
    with pytest.raises(ValueError, match="unknown chart"):
        title_of("pie", "en")


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".pdf", b"%PDF")])
def test_a_chart_saves_as_png_or_pdf(
    suffix: str, magic: bytes, busy: Dashboard, tmp_path: Path
) -> None:
    target = tmp_path / f"segments{suffix}"
    assert save_figure(figure_for("segments", busy, lang="zh_CN"), target) == target

    assert target.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_a_chart_is_not_saved_in_an_unknown_format(busy: Dashboard, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.jpg"):
        save_figure(figure_for("weekdays", busy, lang="en"), tmp_path / "weekdays.jpg")
    assert list(tmp_path.iterdir()) == []


def test_importing_the_charts_does_not_import_matplotlib() -> None:
    # Cold start: the window's modules import this one; matplotlib comes with the first chart.
    code = "import sys, pharmadesk.io.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_money_and_names_for_display() -> None:
    assert words.yuan(1_234_567_89) == "¥1,234,568"
    assert words.yuan(-1250, decimals=2) == "-¥12.50"
    assert words.shorten("维生素C泡腾片", 22) == "维生素C泡腾片"
    assert words.shorten("医用外科口罩（独立包装）50只装", 10) == "医用外科…"
    assert words.wrap("一笔交易即一张小票。", 8) == ["一笔交易", "即一张小", "票。"]
    assert words.wrap("A transaction is a receipt.", 14) == ["A transaction", "is a receipt."]


def _money_labels(figure: Figure) -> list[str]:
    return [
        text.get_text()
        for ax in figure.axes
        for text in ax.texts
        if text.get_text().startswith("¥")
    ]


def test_only_a_single_chosen_month_gets_its_revenue_written_on_the_bar() -> None:
    month = dashboards.busy()
    last = month.months[-1]
    assert _money_labels(figure_for("sales_by_month", month, lang="zh_CN")) == [
        words.yuan(last.revenue_fen)
    ]
    quarter = dashboards.busy(quarter_of(last.month))
    # A quarter's three labels overlapped at a window's width; its total is on the KPI card.
    assert _money_labels(figure_for("sales_by_month", quarter, lang="zh_CN")) == []
