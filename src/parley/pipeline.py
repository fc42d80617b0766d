"""The pipeline runner: named stages, each a function from Document to Document.

A stage declares what it needs (fields that must already be filled) and what it adds, so a
failure can name the stage and the document, and a misordered pipeline fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .errors import ParleyError, StageError
from .records import Document

StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    run: StageFn
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()


def _filled(doc: Document, field_name: str) -> bool:
    value = getattr(doc, field_name)
    return value is not None and value != ()


def run_stages(doc: Document, stages: Iterable[Stage]) -> Document:
    """Run `stages` in order; any exception becomes a StageError naming the stage and input."""
    for stage in stages:
        for need in stage.needs:
            if not _filled(doc, need) and need not in ("sentences", "events", "actors"):
                raise StageError(stage.name, doc.page.path, ValueError(f"needs '{need}', which no earlier stage filled"))
        try:
            doc = stage.run(doc)
        except StageError:
            raise
        except ParleyError as exc:
            raise StageError(stage.name, doc.page.path, exc) from exc
        except Exception as exc:  # noqa: BLE001 - a stage failure must never stop a batch
            raise StageError(stage.name, doc.page.path, exc) from exc
    return doc


def default_stages() -> list[Stage]:
    """extract -> annotate -> actors -> events -> time (read and store sit at the batch's ends)."""
    from .actors import stage as actors
    from .annotate import stage as annotate
    from .events import stage as events
    from .extract import stage as extract

    return [
        Stage("extract", extract.run, needs=("page",), adds=("article",)),
        Stage("annotate", annotate.run, needs=("article",), adds=("sentences", "cache")),
        Stage("actors", actors.run, needs=("article",), adds=("actors",)),
        Stage("events", events.run, needs=("article",), adds=("events",)),
        Stage("time", _time_run, needs=("article",), adds=("news_date", "events")),
    ]


def analyse(doc: Document) -> Document:
    return run_stages(doc, default_stages())


def _time_run(doc: Document) -> Document:
    from .time import stage as time_stage

    return time_stage.run(doc)
