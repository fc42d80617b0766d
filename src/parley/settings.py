"""One table of settings drives validation, CLI help and docs (sqlite-utils/Datasette style).

Every limit parley applies to input lives here, with its default and its meaning. The CLI and the
docs (`parley settings`) read this table; nothing else hard-codes these numbers.

Each setting can be changed for a run with an environment variable named `PARLEY_` + its name in
capitals (`PARLEY_LANGUAGES=en,fr`, `PARLEY_LANGUAGES=any`, `PARLEY_MAX_PAGE_BYTES=50000000`);
`Settings.from_env()` reads them and rejects values of the wrong type with a clear error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any, Mapping


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    choices: tuple[str, ...] = ()  # allowed values of a text setting


SETTINGS: tuple[Setting, ...] = (
    Setting("max_page_bytes", 20_000_000, "Largest page read (after decompression), in bytes; larger pages are skipped."),
    Setting("max_text_chars", 100_000, "Longest main text analysed (about 15,000 words, longer than nearly any news article); longer texts are cut at a paragraph boundary."),
    Setting("max_read_seconds", 60, "Longest wall-clock time spent reading one page: a URL fetch (robots.txt, redirects and body together) or one WARC record; a slower read fails that input."),
    Setting("max_header_bytes", 65_536, "Largest header block of one WARC record or HTTP response inside it (a 2 GiB header line is cut here, not read)."),
    Setting("max_gzip_ratio", 200, "Largest decompression ratio accepted for .gz inputs (bomb guard)."),
    Setting("max_html_depth", 200, "Deepest element nesting analysed as HTML; deeper pages are flattened to their structure tags first (libxml2 drops content below depth 256)."),
    Setting("max_html_elements", 30_000, "Most HTML tags read per page (news pages have a few thousand); the markup after that is dropped before extraction."),
    Setting("max_sentence_chars", 2_000, "Longest run of text without a sentence end analysed as one sentence; longer runs are broken at spaces (actor and parse costs grow faster than linearly)."),
    Setting("max_paragraphs", 2_000, "Most paragraphs analysed per page (articles have dozens); the rest of a longer page is cut."),
    Setting("languages", ("en",), "Languages analysed (ISO 639-1 codes, or 'any'); pages detected as another language are skipped with the language named."),
    Setting("min_language_chars", 200, "Least visible text (characters; a CJK character counts 4) on which a page's language is judged; shorter pages are always analysed."),
    Setting("frozen_after_days", 365, "A dialogue channel silent for longer than this counts as frozen (parley channels)."),
    Setting("spacy_batch_size", 64, "Sentences per nlp.pipe batch."),
    Setting("parse_gate", 30, "A sentence with no trigger word is still parsed (and read by the sentence model) when it names an actor and the small TF-IDF model (event_model v2's artifact, ~11,000 sentences per CPU-second) rates an event type at or above this probability (percent): 'shuttled between Damascus and Ankara'; 100 parses only sentences with a trigger word. 30 (default, 2026-12-06): see training/decisions/session13-rules.md R5."),
    Setting("event_model", "minilm", "Sentence model beside the rules: 'minilm' (default: the fine-tuned MiniLM of parley.events.minilm, trained on the annotated corpus; where the rules coded nothing usable it proposes every type at or above learned_propose and the rules find the arguments; +0.043 F1 over v1 on the corpus dev split, about 1.6x the CPU time: see training/README.md), 'v1' (TF-IDF + logistic regression on the synthetic stories, consulted when no rule trigger fires; the faster choice), 'v2' (adds 1,462 hand-written news sentences and an abstaining NONE class) or 'off' (rules only).", ("v1", "v2", "minilm", "off")),
    Setting("learned_veto", 0, "event_model=minilm: a rule event whose type the learned model gives less than this probability (percent) in its sentence is dropped; 0 (default) never drops: on the corpus dev split a 5% veto cost more right rule events than wrong ones, and 0.07 of PLOVER type accuracy."),
    Setting("learned_propose", 30, "event_model=minilm: where the rules coded nothing usable, the learned model's type is coded at or above this probability (percent); 100 never proposes; 30 (default) scored best of 30/40/50 on the corpus dev split with parley-minilm-2 (its probabilities are calibrated: see the reliability table in training/README.md)."),
    Setting("learned_add", 50, "event_model=minilm: beside the rules' events of a sentence that names two countries, a type the rules did not code is added at or above this probability (percent); 100 never adds (and the model then never reads the sentences the rules coded, unless to veto). 50 (default since 2026-12-05, measured with parley-minilm-2.2) gained 0.015 F1 on the corpus dev pages (0.312 -> 0.327: 39 more hits, 48 more false events) and PLOVER type 0.913 -> 0.919, lost 0.018 on examples/gold (the pages the rules were written on) and costs about a tenth of the speed (training/README.md)."),
    Setting("learned_targets", "parse", "event_model=minilm: who a proposed event is aimed at: 'parse' (the rules' clause reading; the span tagger only where the parse has no subject actor) or 'tagger' (the span tagger's target actors first).", ("parse", "tagger")),
    Setting("dyad_ranker", "on", "Who did an event to whom, re-read by the learned dyad ranker (parley.events.dyads, trained on the corpus texts the sentence model trained on by training/train_dyads.py): 'on' (default) lets it replace the rules' pair of an interaction, alone of its type in its sentence and not read straight from its clause's own arguments, with a pair of the parties its passage names (the sentence and the two before) that scores higher by the artifact's margin, never a party named inside the rules' target's own act (as in: Serbia's suppression of unrest in Montenegro); 'off' keeps the rules' pair. Measured 2026-12-05 (parley-dyads-3, on against off, the final code of that session): corpus dev pages 0.358 -> 0.363, examples/gold 0.617 either way, PLOVER type+dyad 0.876 and actor countries 0.953 either way, seed 11/11 (training/README.md).", ("on", "off")),
    Setting("target_fill", "on", "An event coded with a source and no other side (as in: China pledged emergency supplies) is given a target by the learned target filler (parley.events.dyads.TargetFiller, trained with the dyad ranker by training/train_dyads.py): 'on' (default) aims it at the party of its passage (the sentence and the two before) the filler rates at or above the artifact's threshold, else leaves it one-sided; 'off' leaves it one-sided. Measured 2026-12-05: corpus dev pages 0.330 -> 0.336 (15 more hits, 10 more false events), examples/gold 0.619 -> 0.617, PLOVER and the seed unchanged (training/README.md).", ("on", "off")),
    Setting("event_acceptor", "drop", "The learned event acceptor (parley.events.acceptor, trained by training/train_acceptor.py on the corpus texts the sentence model trained on) rates each asserted interaction's chance of being right (type and pair: a logistic model over how the event was coded, how its sides were resolved, where its sentence sits and what the small TF-IDF model rates its type): 'drop' (default) sets the event's confidence to that probability and drops an event rated below the artifact's threshold (0.10: cross-validation's pick on the corpus train split, pinned in training/train_acceptor.py); 'rate' sets the confidence and drops nothing; 'off' keeps the confidence each argument finder sets. Measured 2026-12-06 on the corpus dev pages: 'rate' against 'off' (1,471 judged events, right = type and pair), Brier score 0.237 -> 0.208, expected calibration error 0.117 -> 0.042, no score moves; 'drop' against 'rate', F1 0.406 -> 0.409 (P 0.479 -> 0.489; 3 hits and 36 false events fewer), examples/gold 0.628 -> 0.635, examples/dates 0.778 -> 0.800 (training/README.md).", ("off", "rate", "drop")),
    Setting("ner", "rules", "Entity spans for candidate sentences: 'rules' (parley.annotate.entities: proper-noun chains checked against the gazetteer, places, titles and officeholders; the parse runs without spaCy's NER, ~1.2x faster end to end, same eval scores) or 'model' (spaCy's NER component). See docs/scale.md section 2.", ("model", "rules")),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    max_page_bytes: int = 20_000_000
    max_text_chars: int = 100_000
    max_read_seconds: int = 60
    max_header_bytes: int = 65_536
    max_gzip_ratio: int = 200
    max_html_depth: int = 200
    max_html_elements: int = 30_000
    max_sentence_chars: int = 2_000
    max_paragraphs: int = 2_000
    languages: tuple[str, ...] = ("en",)
    min_language_chars: int = 200
    frozen_after_days: int = 365
    spacy_batch_size: int = 64
    parse_gate: int = 30
    event_model: str = "minilm"
    learned_veto: int = 0
    learned_propose: int = 30
    learned_add: int = 50
    learned_targets: str = "parse"
    dyad_ranker: str = "on"
    target_fill: str = "on"
    event_acceptor: str = "drop"
    ner: str = "rules"

    def with_overrides(self, **overrides: Any) -> "Settings":
        unknown = set(overrides) - {f.name for f in fields(self)}
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **overrides)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        """Defaults, overridden by `PARLEY_<NAME>` environment variables."""
        environ = os.environ if environ is None else environ
        overrides: dict[str, Any] = {}
        for s in SETTINGS:
            var = env_name(s.name)
            if var in environ:
                overrides[s.name] = parse_value(s, environ[var], var)
        return cls().with_overrides(**overrides)


def env_name(name: str) -> str:
    return "PARLEY_" + name.upper()


def parse_value(setting: Setting, raw: str, where: str) -> Any:
    """A setting's value from text, typed like its default; ValueError naming `where` otherwise."""
    default = setting.default
    if isinstance(default, tuple):
        return tuple(x.strip().lower() for x in raw.split(",") if x.strip())
    if isinstance(default, str):
        value_s = raw.strip().lower()
        if setting.choices and value_s not in setting.choices:
            raise ValueError(f"{where}: '{raw}' is not one of {', '.join(setting.choices)} (setting {setting.name})")
        return value_s
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        raise ValueError(f"{where}: '{raw}' is not a whole number (setting {setting.name})") from None
    if value < 0:
        raise ValueError(f"{where}: {value} is negative (setting {setting.name})")
    return value


def current() -> Settings:
    """The settings in force for this process (defaults plus environment overrides)."""
    return Settings.from_env()


def describe() -> list[dict[str, Any]]:
    now = current()
    return [
        {"name": s.name, "default": s.default, "current": getattr(now, s.name), "env": env_name(s.name), "help": s.help}
        for s in SETTINGS
    ]


assert {f.name for f in fields(Settings)} == set(_BY_NAME), "settings table and Settings disagree"
assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS), "defaults disagree"
