"""Check the annotated training corpus (training/corpus/*.jsonl) and compute its character offsets.

Usage (from the repo root):
    python training/check_corpus.py                      # check every corpus file, print counts
    python training/check_corpus.py FILE.jsonl ...       # check these files only
    python training/check_corpus.py --write-offsets      # also write training/corpus/offsets/NAME.offsets.jsonl
    python training/check_corpus.py --no-overlap         # skip the 8-word overlap check

The schema is documented in training/corpus/README.md and the annotation rules in docs/annotation.md.
Exit status 1 when any file has an error or any text shares an 8-word run with a gold or blind page.

Everything here is importable: `check_file`, `check_records`, `overlap_report` and `reference_shingles`
are what tests/test_training_corpus.py calls. Standard library only, so it runs without the package.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

REPO = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO / "training" / "corpus"
OFFSETS_DIR = CORPUS_DIR / "offsets"
SHARED = REPO.parent / "shared"
COUNTRIES_CSV = REPO / "src" / "parley" / "data" / "countries.csv"

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER 2.0 modes (shared/eval/plover/PLOVER-TYPES.md) plus the few extensions docs/annotation.md
# documents: CONSULT video/in-person, AID's kinds of aid, SANCTION economic (sanctions, embargoes).
MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone", "video", "in-person"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset({"economic", "military", "humanitarian", "peacekeeping", "asylum"}),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "expel", "territory", "rights", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue", "economic"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    }),
    "ASSAULT": frozenset({
        "abduct", "beat", "torture", "sexual", "assassinate", "execute", "destroy", "primitive",
        "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
        "crowd-control", "unconventional", "cleansing", "massacre",
    }),
}
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
})
MODALITIES = frozenset({"asserted", "planned", "hypothetical", "negated"})
STYLES = frozenset({
    "wire", "readout", "op-ed", "live-blog", "machine-translated", "scraped", "caption", "feature",
    "interview", "analysis",
})
LICENSES = frozenset({"public-domain", "MIT"})
ORIGIN = re.compile(r"^(voa:\d+|synthetic:\d+|own)$")
TEXT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TEXT_KEYS = {"id", "origin", "license", "style", "published", "news_date", "annotator", "text", "sentences"}
OPTIONAL_TEXT_KEYS = {"title", "url", "note"}
EVENT_KEYS = {"type", "mode", "trigger", "source", "target", "modality", "date", "historical"}
OPTIONAL_EVENT_KEYS = {"location", "note", "trigger_occurrence", "location_occurrence"}
ACTOR_KEYS = {"text", "code", "sector"}
OPTIONAL_ACTOR_KEYS = {"name", "occurrence"}

OVERLAP_WORDS = 8
WORD = re.compile(r"\w+")


def country_codes() -> frozenset[str]:
    with COUNTRIES_CSV.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["iso3"] for row in csv.DictReader(handle)) | NON_STATE_CODES


@dataclass
class Report:
    """What checking one or more files found; `errors` name the file, the line and the field."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    texts: int = 0
    sentences: int = 0
    no_event_sentences: int = 0
    events: int = 0
    per_type: collections.Counter = field(default_factory=collections.Counter)
    per_modality: collections.Counter = field(default_factory=collections.Counter)
    per_style: collections.Counter = field(default_factory=collections.Counter)
    historical: int = 0
    offsets: dict[str, list[dict]] = field(default_factory=dict)  # file name -> one row per text

    def merge(self, other: "Report") -> None:
        self.errors += other.errors
        self.warnings += other.warnings
        self.texts += other.texts
        self.sentences += other.sentences
        self.no_event_sentences += other.no_event_sentences
        self.events += other.events
        self.per_type.update(other.per_type)
        self.per_modality.update(other.per_modality)
        self.per_style.update(other.per_style)
        self.historical += other.historical
        self.offsets.update(other.offsets)

    def summary(self) -> str:
        share = self.no_event_sentences / self.sentences if self.sentences else 0.0
        lines = [
            f"{self.texts} texts, {self.sentences} sentences ({share:.0%} with no event), "
            f"{self.events} events ({self.historical} historical)",
            "per type: " + ", ".join(f"{t} {self.per_type.get(t, 0)}" for t in TYPES),
            "per modality: " + ", ".join(f"{m} {n}" for m, n in sorted(self.per_modality.items())),
            "per style: " + ", ".join(f"{s} {n}" for s, n in sorted(self.per_style.items())),
        ]
        return "\n".join(lines)


def _span(sentence: str, quoted: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The n-th (1-based) occurrence of the quoted span in its sentence as (start, end), or None."""
    at = -1
    for _ in range(occurrence):
        at = sentence.find(quoted, at + 1)
        if at < 0:
            return None
    return at, at + len(quoted)


def _occurrence(value, where: str, report: Report) -> int | None:
    """An optional `occurrence` / `trigger_occurrence` value: a positive integer, 1 when absent."""
    if value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        report.errors.append(f"{where}: must be a positive integer (1 = first occurrence in the sentence)")
        return None
    return value


def _locate(sentence: str, quoted: str, occurrence_value, where: str, report: Report) -> tuple[int, int] | None:
    """Find a quoted span; warn when it is ambiguous and no occurrence says which one is meant."""
    occurrence = _occurrence(occurrence_value, where, report)
    if occurrence is None:
        return None
    found = _span(sentence, quoted, occurrence)
    if found is None:
        report.errors.append(f"{where}: {quoted!r} (occurrence {occurrence}) is not in its sentence")
    elif occurrence_value is None and sentence.count(quoted) > 1:
        report.warnings.append(f"{where}: {quoted!r} occurs more than once; the first is taken (add an occurrence to choose)")
    return found


def _check_actor(actor, where: str, sentence: str, codes: frozenset[str], report: Report, base: int) -> dict | None:
    if not isinstance(actor, dict):
        report.errors.append(f"{where}: must be an object {{text, code, sector}}")
        return None
    missing = ACTOR_KEYS - actor.keys()
    unknown = actor.keys() - ACTOR_KEYS - OPTIONAL_ACTOR_KEYS
    if missing or unknown:
        report.errors.append(f"{where}: missing {sorted(missing)} / unknown {sorted(unknown)} keys")
        return None
    out: dict = {"code": actor["code"], "sector": actor["sector"], "start": None, "end": None}
    if actor["code"] is not None and actor["code"] not in codes:
        report.errors.append(f"{where}.code: {actor['code']!r} is not an ISO alpha-3 code or one of {sorted(NON_STATE_CODES)}")
    if actor["sector"] is not None and actor["sector"] not in SECTORS:
        report.errors.append(f"{where}.sector: {actor['sector']!r} is not a PLOVER sector")
    if actor["code"] is None and actor["text"] is not None:
        report.errors.append(f"{where}: a quoted actor needs a code (use the code of the actor it refers to)")
    if actor.get("name") is not None and not isinstance(actor["name"], str):
        report.errors.append(f"{where}.name: must be a string or null")
    if actor["text"] is not None:
        if not isinstance(actor["text"], str) or not actor["text"].strip():
            report.errors.append(f"{where}.text: must be a non-empty string or null")
        else:
            found = _locate(sentence, actor["text"], actor.get("occurrence"), f"{where}.text", report)
            if found is not None:
                out["start"], out["end"] = base + found[0], base + found[1]
    return out


def _check_event(event, where: str, sentence: str, codes: frozenset[str], report: Report, base: int) -> dict | None:
    if not isinstance(event, dict):
        report.errors.append(f"{where}: an event must be an object")
        return None
    missing = EVENT_KEYS - event.keys()
    unknown = event.keys() - EVENT_KEYS - OPTIONAL_EVENT_KEYS
    if missing or unknown:
        report.errors.append(f"{where}: missing {sorted(missing)} / unknown {sorted(unknown)} keys")
        return None
    kind = event["type"]
    if kind not in MODES:
        report.errors.append(f"{where}.type: {kind!r} is not one of the 16 PLOVER types")
        return None
    if event["mode"] is not None and event["mode"] not in MODES[kind]:
        allowed = sorted(MODES[kind]) or "none (use null)"
        report.errors.append(f"{where}.mode: {event['mode']!r} is not a mode of {kind}; allowed: {allowed}")
    if event["modality"] not in MODALITIES:
        report.errors.append(f"{where}.modality: {event['modality']!r} is not one of {sorted(MODALITIES)}")
    if event["date"] is not None and not (isinstance(event["date"], str) and EVENT_DATE.match(event["date"])):
        report.errors.append(f"{where}.date: {event['date']!r} is not YYYY-MM-DD, YYYY-MM, YYYY or null")
    if not isinstance(event["historical"], bool):
        report.errors.append(f"{where}.historical: must be true or false")
    row: dict = {"type": kind, "modality": event["modality"]}
    trigger = event["trigger"]
    if not isinstance(trigger, str) or not trigger.strip():
        report.errors.append(f"{where}.trigger: must be a non-empty substring of its sentence")
    else:
        found = _locate(sentence, trigger, event.get("trigger_occurrence"), f"{where}.trigger", report)
        if found is not None:
            row["trigger"] = [base + found[0], base + found[1]]
    for side in ("source", "target"):
        offsets = _check_actor(event[side], f"{where}.{side}", sentence, codes, report, base)
        if offsets is not None:
            row[side] = offsets
    location = event.get("location")
    if location is not None:
        if not isinstance(location, str) or not location.strip():
            report.errors.append(f"{where}.location: must be a non-empty substring of its sentence or null")
        else:
            found = _locate(sentence, location, event.get("location_occurrence"), f"{where}.location", report)
            if found is not None:
                row["location"] = [base + found[0], base + found[1]]
    return row


def check_records(records: Iterable[tuple[int, object]], name: str, codes: frozenset[str] | None = None,
                  seen_ids: set[str] | None = None) -> Report:
    """Check (line number, parsed JSON) pairs from one corpus file; offsets go to report.offsets[name]."""
    codes = codes if codes is not None else country_codes()
    seen_ids = seen_ids if seen_ids is not None else set()
    report = Report()
    rows: list[dict] = []
    for line_no, record in records:
        where = f"{name}:{line_no}"
        if not isinstance(record, dict):
            report.errors.append(f"{where}: a line must be one JSON object")
            continue
        missing = TEXT_KEYS - record.keys()
        unknown = record.keys() - TEXT_KEYS - OPTIONAL_TEXT_KEYS
        if missing or unknown:
            report.errors.append(f"{where}: missing {sorted(missing)} / unknown {sorted(unknown)} keys")
            continue
        text_id = record["id"]
        where = f"{name}:{line_no} ({text_id})"
        if not isinstance(text_id, str) or not TEXT_ID.match(text_id):
            report.errors.append(f"{where}.id: must match {TEXT_ID.pattern}")
        elif text_id in seen_ids:
            report.errors.append(f"{where}.id: duplicate id")
        seen_ids.add(str(text_id))
        if not isinstance(record["origin"], str) or not ORIGIN.match(record["origin"]):
            report.errors.append(f"{where}.origin: {record['origin']!r} is not voa:<id>, synthetic:<row> or own")
        if record["license"] not in LICENSES:
            report.errors.append(f"{where}.license: {record['license']!r} is not one of {sorted(LICENSES)}")
        if record["style"] not in STYLES:
            report.errors.append(f"{where}.style: {record['style']!r} is not one of {sorted(STYLES)}")
        for key in ("published", "news_date"):
            if record[key] is not None and not (isinstance(record[key], str) and DAY.match(record[key])):
                report.errors.append(f"{where}.{key}: {record[key]!r} is not YYYY-MM-DD or null")
        if not isinstance(record["annotator"], str) or not record["annotator"].strip():
            report.errors.append(f"{where}.annotator: must name who annotated the text")
        text, sentences = record["text"], record["sentences"]
        if not isinstance(text, str) or not text.strip():
            report.errors.append(f"{where}.text: must be a non-empty string")
            continue
        if not isinstance(sentences, list) or not sentences:
            report.errors.append(f"{where}.sentences: must be a non-empty list")
            continue
        report.texts += 1
        report.per_style[record["style"]] += 1
        cursor = 0
        sentence_rows: list[dict] = []
        for s_no, sentence in enumerate(sentences):
            s_where = f"{where}.sentences[{s_no}]"
            if not isinstance(sentence, dict) or set(sentence) != {"text", "events"}:
                report.errors.append(f"{s_where}: must be an object with exactly text and events")
                continue
            s_text = sentence["text"]
            if not isinstance(s_text, str) or not s_text.strip() or s_text != s_text.strip():
                report.errors.append(f"{s_where}.text: must be non-empty with no surrounding whitespace")
                continue
            at = text.find(s_text, cursor)
            if at < 0:
                report.errors.append(f"{s_where}.text: not found in the text after the previous sentence: {s_text[:60]!r}")
                continue
            if text[cursor:at].strip():
                report.errors.append(f"{s_where}: text before it is in no sentence: {text[cursor:at].strip()[:60]!r}")
            cursor = at + len(s_text)
            report.sentences += 1
            events = sentence["events"]
            if not isinstance(events, list):
                report.errors.append(f"{s_where}.events: must be a list ([] when the sentence has no event)")
                continue
            if not events:
                report.no_event_sentences += 1
            event_rows = []
            for e_no, event in enumerate(events):
                row = _check_event(event, f"{s_where}.events[{e_no}]", s_text, codes, report, at)
                if row is None:
                    continue
                event_rows.append(row)
                report.events += 1
                report.per_type[row["type"]] += 1
                report.per_modality[row["modality"]] += 1
                report.historical += bool(event.get("historical"))
            sentence_rows.append({"start": at, "end": cursor, "events": event_rows})
        if text[cursor:].strip():
            report.errors.append(f"{where}: text after the last sentence is in no sentence: {text[cursor:].strip()[:60]!r}")
        rows.append({"id": text_id, "sentences": sentence_rows})
    report.offsets[name] = rows
    return report


def read_jsonl(path: Path) -> Iterator[tuple[int, object]]:
    """(line number, parsed object) for every non-blank line; a line that is not JSON yields the error text."""
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield line_no, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield line_no, f"not JSON: {exc}"


def check_file(path: Path, codes: frozenset[str] | None = None, seen_ids: set[str] | None = None) -> Report:
    """Check one corpus file (every line, every sentence, every span)."""
    report = Report()
    parsed = []
    for line_no, record in read_jsonl(path):
        if isinstance(record, str):
            report.errors.append(f"{path.name}:{line_no}: {record}")
        else:
            parsed.append((line_no, record))
    report.merge(check_records(parsed, path.name, codes, seen_ids))
    return report


def corpus_files(directory: Path = CORPUS_DIR) -> list[Path]:
    """The corpus files the trainers read, then those in `pending/`: checked the same way (spans,
    unique ids, 8-word overlap) but trained on only once a model trained with them passes the
    project's gate (training/corpus/README.md)."""
    return sorted(directory.glob("*.jsonl")) + sorted(directory.glob("pending/*.jsonl"))


# --- 8-word overlap with gold and blind pages -------------------------------------------------

def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def shingles(text: str, size: int = OVERLAP_WORDS) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


_TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S | re.I)


def reference_pages(repo: Path = REPO, shared: Path = SHARED) -> Iterator[tuple[str, str]]:
    """(name, text) of every gold or blind page the corpus must not overlap: examples/** pages and
    their gold files, and the shared seed and eval data (PLOVER records, extraction benchmark bodies)."""
    roots = [repo / "examples", shared / "seed", shared / "eval"]
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            name = str(path)
            if path.suffix in {".txt", ".md"}:
                yield name, path.read_text(encoding="utf-8", errors="replace")
            elif path.suffix in {".html", ".htm"}:
                yield name, _TAG.sub(" ", path.read_text(encoding="utf-8", errors="replace"))
            elif path.suffix == ".json":
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except (json.JSONDecodeError, UnicodeDecodeError):
                    continue
                yield name, "\n".join(_strings(data))
            elif path.name.endswith(".html.gz"):
                continue  # the extraction benchmark's raw pages: its ground-truth.json holds their bodies


def reference_shingles(pages: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, ...], str]:
    """Every 8-word run of the reference pages -> the first page it was seen in."""
    index: dict[tuple[str, ...], str] = {}
    for name, text in pages if pages is not None else reference_pages():
        for run in shingles(text):
            index.setdefault(run, name)
    return index


def overlap_report(texts: Iterable[tuple[str, str]], index: dict[tuple[str, ...], str] | None = None) -> list[str]:
    """One line per (corpus text, reference page) pair that share an 8-word run, with one run as example."""
    index = index if index is not None else reference_shingles()
    found: list[str] = []
    for text_id, text in texts:
        hits: dict[str, tuple[str, ...]] = {}
        for run in shingles(text):
            page = index.get(run)
            if page is not None:
                hits.setdefault(page, run)
        for page, run in sorted(hits.items()):
            found.append(f"{text_id} shares {' '.join(run)!r} with {page}")
    return found


def corpus_texts(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    for path in paths:
        for line_no, record in read_jsonl(path):
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield f"{path.name}:{line_no} ({record.get('id')})", record["text"]


def write_offsets(report: Report, directory: Path = OFFSETS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in report.offsets.items():
        out = directory / (Path(name).stem + ".offsets.jsonl")
        with out.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the annotated training corpus.")
    parser.add_argument("files", nargs="*", type=Path, help="corpus files (default: training/corpus/*.jsonl)")
    parser.add_argument("--write-offsets", action="store_true", help="write training/corpus/offsets/NAME.offsets.jsonl")
    parser.add_argument("--no-overlap", action="store_true", help="skip the 8-word overlap check")
    parser.add_argument("--warnings", action="store_true", help="print warnings too")
    args = parser.parse_args(argv)
    files = args.files or corpus_files()
    if not files:
        print(f"no corpus files in {CORPUS_DIR}")
        return 0
    codes = country_codes()
    seen: set[str] = set()
    total = Report()
    for path in files:
        total.merge(check_file(path, codes, seen))
    print(total.summary())
    for error in total.errors:
        print("ERROR", error)
    if args.warnings:
        for warning in total.warnings:
            print("warning", warning)
    elif total.warnings:
        print(f"{len(total.warnings)} warnings (--warnings to list)")
    overlaps = [] if args.no_overlap else overlap_report(corpus_texts(files))
    for line in overlaps:
        print("OVERLAP", line)
    if args.write_offsets and not total.errors:
        for out in write_offsets(total):
            print("wrote", out)
    return 1 if total.errors or overlaps else 0


if __name__ == "__main__":
    sys.exit(main())
