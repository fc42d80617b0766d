"""Inter-annotator agreement between the corpus and its second, independent annotation (issue #14).

Usage (from the repo root):
    python training/agreement.py                       # writes training/corpus/review/agreement.md
    python training/agreement.py --out -               # print the report instead

Inputs: the review file `training/corpus/review/sample-review.jsonl` (one line per sampled
sentence: `id`, `sentence_index`, `text`, `events`, written from the blind sample only), the
original annotation of the same sentences in `training/corpus/*.jsonl`, and an optional
`causes.json` (hand-written after comparing: which disagreement comes from what) that groups the
listed disagreements by cause.

Measures:
- Cohen's kappa on event type over sentence x label presence decisions: for each sentence and
  each of the 16 types plus NONE (the sentence has no event), did the annotator use it? Also
  per label (a binary kappa over sentences) with the counts behind it.
- Events are matched inside a sentence by type (one-to-one, best argument overlap first).
  Event F1 = matched / events of each annotator.
- Argument span F1 on matched events, for source and target text: exact (same string) and
  token overlap (bag-of-words precision/recall over the spans' tokens). A null span (actor not
  named in the sentence) counts only when the other annotator gave one.
- Code agreement on matched events (source code, target code, both), modality and historical
  agreement (share and kappa); mode and date agreement as shares. CONSULT, AGREE and COOPERATE
  are symmetric (manual section 8): their sides are compared in whichever order fits better.

Standard library only, like check_corpus.py.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

REPO = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO / "training" / "corpus"
REVIEW_DIR = CORPUS_DIR / "review"
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # manual section 8: any direction scores
NONE = "NONE"
LABELS = TYPES + (NONE,)
TOKEN = re.compile(r"\w+")

SentenceKey = tuple[str, int]  # (text id, sentence index)


# --- agreement statistics ---------------------------------------------------------------------

def cohen_kappa(first: list, second: list) -> float:
    """Cohen's kappa of two equally long label sequences (any hashable labels).

    1.0 when both annotators agree on every item, also when they use a single label throughout
    (chance agreement 1, observed 1); 0 at chance level; negative below it.
    """
    if len(first) != len(second):
        raise ValueError(f"kappa needs equally long sequences, got {len(first)} and {len(second)}")
    if not first:
        raise ValueError("kappa of no items is undefined")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    count_a, count_b = collections.Counter(first), collections.Counter(second)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def labels_of(events: list[dict]) -> set[str]:
    """The labels a sentence gets: its event types, or NONE when it has no event."""
    return {event["type"] for event in events} or {NONE}


def presence_decisions(sentences: list[list[dict]]) -> list[bool]:
    """One yes/no per (sentence, label): the flattened decisions kappa is computed over."""
    decisions = []
    for events in sentences:
        present = labels_of(events)
        decisions.extend(label in present for label in LABELS)
    return decisions


def tokens(span: str | None) -> list[str]:
    return [t.lower() for t in TOKEN.findall(span or "")]


def token_overlap(first: str | None, second: str | None) -> int:
    a, b = collections.Counter(tokens(first)), collections.Counter(tokens(second))
    return sum((a & b).values())


def f1(tp: float, n_first: float, n_second: float) -> float:
    """F1 of `tp` agreements when the first side has n_first items and the second n_second."""
    return 2 * tp / (n_first + n_second) if n_first + n_second else 1.0


# --- matching ---------------------------------------------------------------------------------

def _side_score(a: dict, b: dict) -> float:
    score = 0.0
    if a.get("code") and a.get("code") == b.get("code"):
        score += 2.0
    if a.get("text") and b.get("text"):
        overlap = token_overlap(a["text"], b["text"])
        score += overlap / max(len(tokens(a["text"])), len(tokens(b["text"])), 1)
    return score


def aligned(a: dict, b: dict) -> dict:
    """`b` with its sides swapped when the type is symmetric and the swap fits `a` better."""
    if a["type"] not in SYMMETRIC:
        return b
    swapped = {**b, "source": b["target"], "target": b["source"]}
    straight = _side_score(a["source"], b["source"]) + _side_score(a["target"], b["target"])
    crossed = _side_score(a["source"], swapped["source"]) + _side_score(a["target"], swapped["target"])
    return swapped if crossed > straight else b


def pair_score(a: dict, b: dict) -> float:
    """How alike two events of the same type are: codes and spans of both sides, trigger, modality."""
    b = aligned(a, b)
    score = _side_score(a["source"], b["source"]) + _side_score(a["target"], b["target"])
    score += token_overlap(a["trigger"], b["trigger"]) / max(len(tokens(a["trigger"])), 1)
    score += 0.5 * (a["modality"] == b["modality"])
    return score


def match_events(first: list[dict], second: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """One-to-one matches of same-type events (best pair first); then the unmatched of each side."""
    candidates = []
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            if a["type"] == b["type"]:
                candidates.append((pair_score(a, b), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a, used_b, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    pairs.sort()
    matched = [(first[i], aligned(first[i], second[j])) for i, j in pairs]
    return (matched, [e for i, e in enumerate(first) if i not in used_a],
            [e for j, e in enumerate(second) if j not in used_b])


# --- the comparison ---------------------------------------------------------------------------

@dataclass
class SpanTally:
    exact_tp: int = 0
    first_spans: int = 0
    second_spans: int = 0
    overlap_tokens: int = 0
    first_tokens: int = 0
    second_tokens: int = 0

    def add(self, a: str | None, b: str | None) -> None:
        self.first_spans += a is not None
        self.second_spans += b is not None
        self.exact_tp += a is not None and a == b
        if a is not None and b is not None:
            self.overlap_tokens += token_overlap(a, b)
        self.first_tokens += len(tokens(a))
        self.second_tokens += len(tokens(b))

    @property
    def exact_f1(self) -> float:
        return f1(self.exact_tp, self.first_spans, self.second_spans)

    @property
    def token_f1(self) -> float:
        return f1(self.overlap_tokens, self.first_tokens, self.second_tokens)


@dataclass
class Disagreement:
    key: SentenceKey
    kind: str  # event-vs-none, type, count, code, modality, historical
    detail: str


@dataclass
class Comparison:
    sentences: int = 0
    kappa: float = 0.0
    per_label: dict[str, dict] = field(default_factory=dict)
    events_first: int = 0
    events_second: int = 0
    matched: int = 0
    spans: dict[str, SpanTally] = field(default_factory=lambda: {"source": SpanTally(), "target": SpanTally()})
    code_agree: dict[str, int] = field(default_factory=lambda: {"source": 0, "target": 0, "both": 0})
    modality_pairs: list[tuple[str, str]] = field(default_factory=list)
    mode_pairs: list[tuple[str, str]] = field(default_factory=list)
    date_pairs: list[tuple[str, str]] = field(default_factory=list)
    historical_pairs: list[tuple[bool, bool]] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def event_f1(self) -> float:
        return f1(self.matched, self.events_first, self.events_second)


def describe(event: dict) -> str:
    def side(actor: dict) -> str:
        text = f'"{actor["text"]}"' if actor.get("text") else "-"
        return f'{text} {actor.get("code") or "?"}/{actor.get("sector") or "?"}'
    mode = f' {event["mode"]}' if event.get("mode") else ""
    return (f'{event["type"]}{mode} [{event["trigger"]}] {side(event["source"])} -> {side(event["target"])}'
            f' {event["modality"]} {event.get("date")}{" hist" if event.get("historical") else ""}')


def compare(first: dict[SentenceKey, list[dict]], second: dict[SentenceKey, list[dict]]) -> Comparison:
    """Compare two annotations of the same sentences (`first` = original, `second` = review)."""
    keys = sorted(first)
    if set(keys) != set(second):
        raise ValueError(f"the annotations cover different sentences: {sorted(set(keys) ^ set(second))[:5]}")
    result = Comparison(sentences=len(keys))
    result.kappa = cohen_kappa(presence_decisions([first[k] for k in keys]),
                               presence_decisions([second[k] for k in keys]))
    for label in LABELS:
        a = [label in labels_of(first[k]) for k in keys]
        b = [label in labels_of(second[k]) for k in keys]
        result.per_label[label] = {
            "both": sum(x and y for x, y in zip(a, b)),
            "first_only": sum(x and not y for x, y in zip(a, b)),
            "second_only": sum(y and not x for x, y in zip(a, b)),
            "kappa": cohen_kappa(a, b),
        }
    for key in keys:
        events_a, events_b = first[key], second[key]
        result.events_first += len(events_a)
        result.events_second += len(events_b)
        if bool(events_a) != bool(events_b):
            who = "original only" if events_a else "review only"
            listed = events_a or events_b
            result.disagreements.append(Disagreement(key, "event-vs-none", f"{who}: " + "; ".join(describe(e) for e in listed)))
        matched, only_a, only_b = match_events(events_a, events_b)
        result.matched += len(matched)
        for a, b in matched:
            for side in ("source", "target"):
                result.spans[side].add(a[side].get("text"), b[side].get("text"))
                result.code_agree[side] += a[side].get("code") == b[side].get("code")
            codes_agree = all(a[s].get("code") == b[s].get("code") for s in ("source", "target"))
            result.code_agree["both"] += codes_agree
            result.modality_pairs.append((a["modality"], b["modality"]))
            result.mode_pairs.append((a.get("mode"), b.get("mode")))
            result.date_pairs.append((a.get("date"), b.get("date")))
            result.historical_pairs.append((bool(a["historical"]), bool(b["historical"])))
            if not codes_agree:
                result.disagreements.append(Disagreement(key, "code", f"original {describe(a)} | review {describe(b)}"))
            if a["modality"] != b["modality"]:
                result.disagreements.append(Disagreement(key, "modality", f"original {describe(a)} | review {describe(b)}"))
            if bool(a["historical"]) != bool(b["historical"]):
                result.disagreements.append(Disagreement(key, "historical", f"original {describe(a)} | review {describe(b)}"))
        if events_a and events_b and (only_a or only_b):
            types_a = {e["type"] for e in only_a}
            types_b = {e["type"] for e in only_b}
            kind = "type" if types_a and types_b and not (types_a & types_b) else "count"
            detail = "; ".join([f"original only {describe(e)}" for e in only_a] + [f"review only {describe(e)}" for e in only_b])
            result.disagreements.append(Disagreement(key, kind, detail))
    return result


# --- input ------------------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{line_no}: not JSON: {exc}") from exc


def load_review(path: Path) -> tuple[dict[SentenceKey, list[dict]], dict[SentenceKey, str]]:
    events, texts = {}, {}
    for row in read_jsonl(path):
        key = (row["id"], row["sentence_index"])
        events[key] = row["events"]
        texts[key] = row["text"]
    return events, texts


def load_original(keys: Iterable[SentenceKey], corpus_dir: Path = CORPUS_DIR) -> dict[SentenceKey, list[dict]]:
    """The first annotation of the given sentences, from the corpus files (not the review folder)."""
    wanted = set(keys)
    found: dict[SentenceKey, list[dict]] = {}
    # pending/: checked files no shipped model has trained on yet (training/corpus/README.md)
    for path in sorted(corpus_dir.glob("*.jsonl")) + sorted(corpus_dir.glob("pending/*.jsonl")):
        for text in read_jsonl(path):
            for index, sentence in enumerate(text["sentences"]):
                if (text["id"], index) in wanted:
                    found[(text["id"], index)] = sentence["events"]
    missing = wanted - set(found)
    if missing:
        raise SystemExit(f"sentences not found in {corpus_dir}: {sorted(missing)[:5]}")
    return found


def load_causes(path: Path) -> list[dict]:
    """Hand-written causes: [{"cause", "verdict", "sentences": ["id:index", ...], "note"}]."""
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


# --- report -----------------------------------------------------------------------------------

def share(pairs: list[tuple]) -> float:
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else 1.0


def _shown(path: Path) -> str:
    """A path as the report shows it: relative to the repo when inside it."""
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def report(result: Comparison, texts: dict[SentenceKey, str], causes: list[dict],
           review_path: Path = REVIEW_DIR / "sample-review.jsonl", causes_path: Path = REVIEW_DIR / "causes.json") -> str:
    r = result
    review_name, causes_name = _shown(review_path), _shown(causes_path)
    lines = [
        "# Inter-annotator agreement: corpus sample (issue #14)",
        "",
        "Written by `python training/agreement.py`; do not edit by hand (causes come from "
        f"`{causes_name}`).",
        "",
        f"Sample: {r.sentences} sentences drawn by `training/sample_for_review.py` (seeded, half with "
        "events in the original, half without). Original = the corpus files holding the sampled texts; "
        f"review = `{review_name}`, annotated from the blind file only.",
        "",
        "## Summary",
        "",
        "| measure | value |",
        "|---|---|",
        f"| Cohen's kappa, event type (sentence x 17 labels incl. NONE) | **{r.kappa:.3f}** |",
        f"| kappa, event vs no event (NONE label) | {r.per_label[NONE]['kappa']:.3f} |",
        f"| events: original / review / matched by type | {r.events_first} / {r.events_second} / {r.matched} |",
        f"| event F1 (matched by type within the sentence) | {r.event_f1:.3f} |",
        f"| source span F1, exact / token overlap | {r.spans['source'].exact_f1:.3f} / {r.spans['source'].token_f1:.3f} |",
        f"| target span F1, exact / token overlap | {r.spans['target'].exact_f1:.3f} / {r.spans['target'].token_f1:.3f} |",
    ]
    both = SpanTally()
    for side in ("source", "target"):
        for name in ("exact_tp", "first_spans", "second_spans", "overlap_tokens", "first_tokens", "second_tokens"):
            setattr(both, name, getattr(both, name) + getattr(r.spans[side], name))
    n = max(r.matched, 1)
    modality_kappa = cohen_kappa([a for a, _ in r.modality_pairs], [b for _, b in r.modality_pairs]) if r.modality_pairs else 1.0
    historical_kappa = cohen_kappa([a for a, _ in r.historical_pairs], [b for _, b in r.historical_pairs]) if r.historical_pairs else 1.0
    lines += [
        f"| argument span F1 (source + target), exact / token overlap | **{both.exact_f1:.3f} / {both.token_f1:.3f}** |",
        f"| code agreement on matched events: source / target / both | {r.code_agree['source'] / n:.3f} / {r.code_agree['target'] / n:.3f} / {r.code_agree['both'] / n:.3f} |",
        f"| modality agreement on matched events (share / kappa) | {share(r.modality_pairs):.3f} / {modality_kappa:.3f} |",
        f"| historical agreement on matched events (share / kappa) | {share(r.historical_pairs):.3f} / {historical_kappa:.3f} |",
        f"| mode agreement on matched events (share; not listed below) | {share(r.mode_pairs):.3f} |",
        f"| date agreement on matched events (same string; not listed below) | {share(r.date_pairs):.3f} |",
        "",
        "## Per label",
        "",
        "Sentences where each annotator used the label; kappa over the sample's sentences.",
        "",
        "| label | both | original only | review only | kappa |",
        "|---|---|---|---|---|",
    ]
    for label in LABELS:
        row = r.per_label[label]
        if row["both"] + row["first_only"] + row["second_only"] == 0:
            lines.append(f"| {label} | 0 | 0 | 0 | (unused) |")
        else:
            lines.append(f"| {label} | {row['both']} | {row['first_only']} | {row['second_only']} | {row['kappa']:.3f} |")

    by_key: dict[SentenceKey, list[Disagreement]] = collections.defaultdict(list)
    for d in r.disagreements:
        by_key[d.key].append(d)
    lines += ["", "## Disagreements by cause", "",
              f"{len(r.disagreements)} disagreements in {len(by_key)} sentences. Kinds: "
              + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(d.kind for d in r.disagreements).items()))
              + ". `verdict` says who was right by the manual, or `manual` where the manual was unclear or "
              "silent (fixed in `docs/annotation.md`, section cited).", ""]
    placed: set[SentenceKey] = set()
    for cause in causes:
        keys = []
        for ref in cause["sentences"]:
            text_id, _, index = ref.rpartition(":")
            keys.append((text_id, int(index)))
        listed = [k for k in keys if k in by_key]
        lines += [f"### {cause['cause']} ({len(listed)} sentences; verdict: {cause['verdict']})", "", cause.get("note", ""), ""]
        for key in listed:
            placed.add(key)
            lines.append(f"- `{key[0]}:{key[1]}` “{texts[key][:160]}{'…' if len(texts[key]) > 160 else ''}”")
            for d in by_key[key]:
                lines.append(f"  - {d.kind}: {d.detail}")
        lines.append("")
    rest = [k for k in sorted(by_key) if k not in placed]
    if rest:
        lines += ["### Not yet assigned a cause", ""]
        for key in rest:
            lines.append(f"- `{key[0]}:{key[1]}` “{texts[key][:160]}{'…' if len(texts[key]) > 160 else ''}”")
            for d in by_key[key]:
                lines.append(f"  - {d.kind}: {d.detail}")
        lines.append("")
    corrections = [c for c in causes if c.get("corrections")]
    if corrections:
        lines += ["## Corrections to apply", "",
                  "The original annotation is wrong by the manual, as revised with this study, in these "
                  "sampled sentences. This script does not apply them (the study's notes say which were "
                  "applied to the corpus files). Sentences outside the sample were not "
                  "re-checked against the new rules.", ""]
        for cause in corrections:
            for item in cause["corrections"]:
                lines.append(f"- `{item['sentence']}`: {item['fix']}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", type=Path, default=REVIEW_DIR / "sample-review.jsonl")
    parser.add_argument("--causes", type=Path, default=REVIEW_DIR / "causes.json")
    parser.add_argument("--out", default=str(REVIEW_DIR / "agreement.md"), help="file to write, or - for stdout")
    args = parser.parse_args(argv)
    review, texts = load_review(args.review)
    original = load_original(review)
    result = compare(original, review)
    text = report(result, texts, load_causes(args.causes), args.review, args.causes)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"kappa {result.kappa:.3f}, event F1 {result.event_f1:.3f}, "
              f"{len(result.disagreements)} disagreements -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
