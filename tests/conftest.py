"""Shared test helpers: where ../shared is, and small builders for hand-made inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared is absent (a user's clone): skipping tests on the shared gold data")
    return SHARED
