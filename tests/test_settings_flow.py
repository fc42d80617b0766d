"""Settings are read once at the edge and passed down: every stage gets the caller's `Settings`,
the stage contract (`needs`/`adds`) is checked, and no stage reads the environment itself."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import parley
from parley.errors import StageError
from parley.pipeline import Stage, default_stages, run_stages
from parley.records import Article, Document, Page, Paragraph
from parley.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SRC = Path(__file__).resolve().parents[1] / "src" / "parley"

_PAGE = (
    "Ministers meet in Geneva\n\nGENEVA, March 3 (Wire) -- French Foreign Minister Anne Durand met "
    "her Brazilian counterpart in Geneva on Monday, and the two sides agreed to resume trade talks.\n\n"
    "Police in Paris arrested two protesters on Tuesday."
)


def test_settings_given_to_ingest_reach_every_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import import_module

    seen: dict[str, list[Any]] = {}

    def spy(module: Any, name: str, stage: str, position: int) -> None:
        real = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            seen.setdefault(stage, []).append(kwargs.get("settings", args[position] if len(args) > position else None))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    spy(import_module("parley.read.sources"), "iter_inputs", "read", 1)
    spy(import_module("parley.extract.stage"), "run", "extract", 1)
    spy(import_module("parley.annotate.stage"), "run_batch", "annotate", 1)
    spy(import_module("parley.actors.stage"), "run", "actors", 1)
    spy(import_module("parley.events.stage"), "run", "events", 1)
    spy(import_module("parley.time.stage"), "run", "time", 1)
    page = tmp_path / "page.txt"
    page.write_text(_PAGE, encoding="utf-8")
    mine = Settings(max_text_chars=90_000, event_model="off", spacy_batch_size=7)
    summary = parley.ingest([str(page)], tmp_path / "x.db", settings=mine)
    assert summary.stored == 1
    assert set(seen) == {"read", "extract", "annotate", "actors", "events", "time"}
    for stage, got in seen.items():
        assert got and all(s is mine for s in got), f"{stage} got {got}"


def test_settings_change_what_the_stages_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only passed: obeyed. A small `max_text_chars` cuts the text in extract, and the events
    stage asks for the model the `event_model` setting names."""
    from importlib import import_module

    from parley.pipeline import analyse
    from parley.read.files import page_from_bytes

    asked: list[str] = []
    model = import_module("parley.events.model")
    real = model.model_named
    monkeypatch.setattr(model, "model_named", lambda v: asked.append(v) or real(v))
    page = page_from_bytes("<t>", _PAGE.encode(), "text", Settings())
    full = analyse(Document(page=page), Settings())
    short = analyse(Document(page=page), Settings(max_text_chars=60))
    assert full.article and short.article and "Police" in full.article.text and "Police" not in short.article.text
    # No rule trigger here, so the events stage consults the model the setting names.
    asked.clear()  # (the event acceptor above read the v2 model for its own features)
    text = "Title\n\nKenyan police fired tear gas at Ugandan traders in Busia."
    page = page_from_bytes("<t>", text.encode(), "text", Settings())
    # (the event acceptor, which reads the v2 model for its own features, off here)
    with_model = analyse(Document(page=page), Settings(event_model="v1", event_acceptor="off"))
    without = analyse(Document(page=page), Settings(event_model="off", event_acceptor="off"))
    assert asked == ["v1", "off"]
    assert [e for e in with_model.events if e.coder.startswith("model:")]
    assert not without.events


def test_a_stage_whose_needs_are_missing_fails_naming_stage_and_document() -> None:
    text = "Police in Paris arrested two protesters."
    art = Article(None, text, (Paragraph(0, len(text)),), None, None, "test")
    doc = Document(page=Page("hand-built.txt", text, "text"), article=art)  # never annotated: no parses
    actors = next(s for s in default_stages() if s.name == "actors")
    with pytest.raises(StageError) as err:
        run_stages(doc, [actors])
    assert err.value.stage == "actors" and "hand-built.txt" in str(err.value) and "parses" in str(err.value)


def test_a_stage_that_does_not_add_what_it_declares_fails() -> None:
    doc = Document(page=Page("p.txt", "x", "text"))
    lazy = Stage("annotate", lambda d, s: d, adds=("parses",))
    with pytest.raises(StageError, match="parses"):
        run_stages(doc, [lazy])
    with pytest.raises(ValueError, match="no Document field"):
        Stage("x", lambda d, s: d, needs=("cache",))


def test_working_state_is_left_out_of_equality_and_dropped_before_storing() -> None:
    from parley.records import Parses, TokenActors

    doc = Document(page=Page("p.txt", "x", "text"))
    busy = Document(page=doc.page, parses=Parses({0: object()}), token_actors=TokenActors({0: {}}))
    assert busy == doc
    assert busy.without_working_state().parses is None and busy.without_working_state().token_actors is None


def test_no_stage_reads_the_environment() -> None:
    """Only settings.py (the table) and the CLI read PARLEY_* variables; two path variables that
    are no setting (where user officeholder files and the shared data live) are read where used."""
    allowed = {"settings.py", "reference/people.py", "quality/bench.py"}
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel in allowed or rel.startswith("cli/"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"os\.environ|getenv|settings import current|\bcurrent\(\)", text):
            offenders.append(rel)
    assert offenders == []


def test_channels_cli_honours_frozen_after_days(tmp_path: Path) -> None:
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared is absent")
    from parley.cli import main

    db = tmp_path / "seed.db"
    assert parley.ingest([str(SHARED / "seed" / "seed.txt")], db).failed == 0
    args = ["channels", "USA", "CHN", "--as-of", "2024-04-15", "--db", str(db), "--format", "json"]
    runner = CliRunner()

    def defense(env: dict[str, str]) -> dict[str, Any]:
        out = runner.invoke(main, args, env=env)
        assert out.exit_code == 0, out.output
        return next(r for r in json.loads(out.output) if r["channel"] == "defense_ministers")

    default = defense({})
    assert default["status"] == "frozen", default
    patient = defense({"PARLEY_FROZEN_AFTER_DAYS": str(default["silent_days"] + 30)})
    assert patient["status"] != "frozen", patient


def test_every_stage_package_exposes_run_with_settings() -> None:
    import inspect
    from importlib import import_module

    for package in ("read", "extract", "annotate", "actors", "events", "time"):
        params = list(inspect.signature(import_module(f"parley.{package}").run).parameters)
        assert params[:2] == ["inputs" if package == "read" else "doc", "settings"], (package, params)
    assert list(inspect.signature(import_module("parley.annotate").run_batch).parameters)[:2] == ["docs", "settings"]
