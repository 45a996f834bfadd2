"""Made-up cards for the OCR tests; the recogniser is real (bundled models, no network)."""

from __future__ import annotations

import pytest

from pharmadesk.io.cards import engine


@pytest.fixture(scope="session")
def recogniser() -> engine.Recogniser:
    reason = engine.missing()
    if reason is not None:  # the ocr extra is part of `make test`: this must not happen there
        pytest.fail(f"OCR unavailable: {reason}")
    return engine.recogniser()
