"""The runner names the stage and the input when a stage fails."""

from __future__ import annotations

import pytest

from parley.errors import StageError
from parley.pipeline import Stage, run_stages
from parley.records import Document, Page


def _boom(doc: Document, settings: object) -> Document:
    raise ValueError("bad things")


def test_failure_names_stage_and_input() -> None:
    doc = Document(page=Page("pages/x.txt", "text", "text"))
    with pytest.raises(StageError) as info:
        run_stages(doc, [Stage("extract", lambda d, s: d), Stage("events", _boom)])
    assert info.value.stage == "events"
    assert "pages/x.txt" in str(info.value) and "bad things" in str(info.value)


def test_missing_need_is_reported() -> None:
    doc = Document(page=Page("p.txt", "t", "text"))
    with pytest.raises(StageError) as info:
        run_stages(doc, [Stage("annotate", lambda d, s: d, needs=("article",))])
    assert "needs 'article'" in str(info.value)


def test_records_are_frozen() -> None:
    page = Page("p.txt", "t", "text")
    with pytest.raises(AttributeError):
        page.path = "other"  # type: ignore[misc]
