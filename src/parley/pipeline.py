"""The pipeline runner: named stages, each a function `run(doc, settings) -> Document`.

A stage declares what it needs (fields that must already be filled) and what it adds; both are
checked as the pipeline runs, so a misordered pipeline fails loudly with a StageError naming the
stage and the document, and a failure inside a stage names them too. The settings in force are
read once at the edge (CLI or API) and passed to every stage.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import import_module
from typing import Callable, Iterable

from .errors import ParleyError, StageError
from .records import Document
from .settings import Settings

StageFn = Callable[[Document, Settings], Document]

# Fields that may legitimately stay empty after the stage that fills them (a page with no
# sentence, no actor, no event): their presence is vouched for by the field added beside them
# (`parses` with `sentences`, `token_actors` with `actors`), so only None counts as missing.
_MAY_BE_EMPTY = frozenset({"sentences", "actors", "events", "news_date"})
_FIELDS = frozenset(f.name for f in fields(Document))


@dataclass(frozen=True)
class Stage:
    name: str
    run: StageFn
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = [f for f in (*self.needs, *self.adds) if f not in _FIELDS]
        if unknown:
            raise ValueError(f"stage {self.name}: {', '.join(unknown)} is no Document field")


def _filled(doc: Document, field_name: str) -> bool:
    value = getattr(doc, field_name)
    if field_name in _MAY_BE_EMPTY:
        return True
    return value is not None and value != ()


def check_needs(stage: Stage, doc: Document) -> None:
    """StageError naming the stage and the document when a field the stage needs is missing."""
    for need in stage.needs:
        if not _filled(doc, need):
            raise StageError(stage.name, doc.page.path, ValueError(f"needs '{need}', which no earlier stage filled"))


def _check_adds(stage: Stage, doc: Document) -> None:
    for added in stage.adds:
        if not _filled(doc, added):
            raise StageError(stage.name, doc.page.path, ValueError(f"declares it adds '{added}' but left it empty"))


def run_stages(doc: Document, stages: Iterable[Stage], settings: Settings | None = None) -> Document:
    """Run `stages` in order; any exception becomes a StageError naming the stage and input.

    `settings` default to the defaults (not the environment: the caller's edge reads that)."""
    settings = settings if settings is not None else Settings()
    for stage in stages:
        check_needs(stage, doc)
        try:
            doc = stage.run(doc, settings)
        except StageError:
            raise
        except ParleyError as exc:
            raise StageError(stage.name, doc.page.path, exc) from exc
        except Exception as exc:  # noqa: BLE001 - a stage failure must never stop a batch
            raise StageError(stage.name, doc.page.path, exc) from exc
        _check_adds(stage, doc)
    return doc


def default_stages() -> list[Stage]:
    """extract -> annotate -> actors -> events -> time (read and store sit at the batch's ends).

    Each stage's `run` is its package's `run(doc, settings)` (`parley.extract.run`, ...)."""
    return [
        Stage("extract", _late("extract"), needs=("page",), adds=("article",)),
        Stage("annotate", _late("annotate"), needs=("article",), adds=("sentences", "parses")),
        Stage("actors", _late("actors"), needs=("article", "sentences", "parses"), adds=("actors", "token_actors")),
        Stage("events", _late("events"), needs=("article", "sentences", "parses", "token_actors"), adds=("events",)),
        Stage("time", _late("time"), needs=("article", "sentences", "parses", "events"), adds=("news_date", "events")),
    ]


def _late(package: str) -> StageFn:
    """`parley.<package>.run`, looked up when called (so a replaced `run` is the one used).
    By module name: the attributes `parley.extract`, `parley.events` are API functions."""
    name = f"parley.{package}"

    def run(doc: Document, settings: Settings) -> Document:
        return import_module(name).run(doc, settings)  # type: ignore[no-any-return]

    run.__name__ = f"{name}.run"
    return run


def analyse(doc: Document, settings: Settings | None = None) -> Document:
    """Run extract -> time on one document. With no `settings`, the environment's are read here
    (this is an API edge)."""
    return run_stages(doc, default_stages(), settings if settings is not None else Settings.from_env())
