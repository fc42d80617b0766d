"""One table of settings drives validation, CLI help and docs (sqlite-utils/Datasette style).

Every limit parley applies to input lives here, with its default and its meaning. The CLI and the
docs (`parley settings`) read this table; nothing else hard-codes these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_page_bytes", 20_000_000, "Largest page read (after decompression), in bytes; larger pages are skipped."),
    Setting("max_text_chars", 400_000, "Longest main text analysed; longer texts are cut at a paragraph boundary."),
    Setting("max_gzip_ratio", 200, "Largest decompression ratio accepted for .gz inputs (bomb guard)."),
    Setting("languages", ("en",), "Languages analysed; pages detected as another language are skipped with the language named."),
    Setting("frozen_after_days", 365, "A dialogue channel silent for longer than this counts as frozen (parley channels)."),
    Setting("spacy_batch_size", 64, "Sentences per nlp.pipe batch."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    max_page_bytes: int = 20_000_000
    max_text_chars: int = 400_000
    max_gzip_ratio: int = 200
    languages: tuple[str, ...] = ("en",)
    frozen_after_days: int = 365
    spacy_batch_size: int = 64

    def with_overrides(self, **overrides: Any) -> "Settings":
        unknown = set(overrides) - {f.name for f in fields(self)}
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **overrides)


def describe() -> list[dict[str, Any]]:
    return [{"name": s.name, "default": s.default, "help": s.help} for s in SETTINGS]


assert {f.name for f in fields(Settings)} == set(_BY_NAME), "settings table and Settings disagree"
assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS), "defaults disagree"
