"""The start-up check of card reading, and the bench's seconds per card."""

from __future__ import annotations

import importlib.util
import socket
from importlib.machinery import ModuleSpec
from pathlib import Path

import pytest

from pharmadesk.io.cards import bench, engine, selftest


def test_the_shipped_test_card_is_read(recogniser: engine.Recogniser) -> None:
    result = selftest.check()
    assert result.ok, result.message
    assert result.missing is None


def test_without_the_packages_the_check_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine.importlib.util, "find_spec", lambda name: None)
    result = selftest.check()
    assert not result.ok
    assert result.missing is not None
    assert "rapidocr" in result.message
    assert "onnxruntime" in result.message


def test_without_the_models_ocr_refuses_rather_than_downloading(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A rapidocr whose models folder is empty: it would download them; PharmaDesk refuses.
    (tmp_path / "models").mkdir()
    real = importlib.util.find_spec

    def find_spec(name: str) -> ModuleSpec | None:
        if name == "rapidocr":
            return ModuleSpec(name, None, origin=str(tmp_path / "__init__.py"))
        return real(name)

    monkeypatch.setattr(engine.importlib.util, "find_spec", find_spec)
    assert "never downloads" in str(engine.missing())
    with pytest.raises(engine.OcrUnavailable, match="never downloads"):
        engine.Recogniser()


def test_the_bench_times_every_card(recogniser: engine.Recogniser, tmp_path: Path) -> None:
    timing = bench.measure(tmp_path, rounds=1)
    assert timing.cards == len(bench.DAMAGES)
    assert 0 < timing.median_s <= timing.worst_s
    assert "s per card" in bench.format_line(timing)


def test_card_reading_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise OSError("network unavailable (test)")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(engine, "_shared", None)  # load the models again, offline
    result = selftest.check()
    assert result.ok, result.message


def test_a_recogniser_that_misreads_the_test_card_stops_before_the_first_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selftest, "_passed", type(selftest._passed)())
    monkeypatch.setattr(selftest, "EXPECTED", {"name": "不是这个名字"})
    with pytest.raises(engine.OcrUnavailable, match="misread"):
        selftest.ensure_working()


def test_the_recogniser_turns_onnxruntimes_telemetry_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import onnxruntime

    calls: list[str] = []
    monkeypatch.setattr(onnxruntime, "disable_telemetry_events", lambda: calls.append("off"))
    engine.Recogniser()
    assert calls == ["off"]
