"""Scoring parley against gold as ../shared/eval/GOLD-FORMAT.md defines, over the interactions gold pages record.

Two kinds of gold:
- a *gold set*: a folder of `NAME.txt|html` + `NAME.gold.json` pages (the seed is one). Per page,
  predicted asserted event mentions are matched one-to-one to gold events, greedily by best
  agreement. A match needs the same type, the same source and target countries (either direction
  for CONSULT, AGREE, COOPERATE) and dates that agree at the coarser of the two precisions (a day
  may be off by one). Reported: micro P/R/F1, per type, for historical events alone, and among
  matches how often names, mode and the historical flag agree. Gold pages record interactions
  between two different codes (docs/annotation.md section 1), so only those are scored; domestic
  and one-sided events found (and any in gold) are counted apart, and the score of every event,
  whatever its scope, is reported beside (`scope_of`).
- the PLOVER gold records (single sentences, `PLOVER_GSR_CAMEO.json`): share of sentences whose
  gold type is coded, and whose gold type is coded with the gold dyad; per-type P/R; a confusion
  table.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable

from ..events.lexicon import PLOVER_TYPES

PLOVER_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# The PLOVER gold records use a few legacy CAMEO country codes where ISO 3166 differs.
GOLD_CODE_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# They code the UN system, EU bodies and international NGOs alike as IGO; parley is more specific
# (UNO, EUR, NGO), so any of those counts as agreeing with a gold IGO.
IGO_FAMILY = {"IGO", "UNO", "EUR", "NGO"}


def codes_agree(got: str | None, gold: str) -> bool:
    if got is None:
        return False
    if gold == "IGO":
        return got in IGO_FAMILY
    return got == gold
_RANK = {"day": 0, "month": 1, "season": 2, "quarter": 2, "half": 3, "year": 4, "decade": 5}


# -- dates ---------------------------------------------------------------------------------------
def parse_gold_date(value: str | None) -> tuple[date, date, str] | None:
    if not value:
        return None
    parts = value.split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return date(y, 1, 1), date(y, 12, 31), "year"
    m = int(parts[1])
    if len(parts) == 2:
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), nxt - timedelta(days=1), "month"
    d = date(y, m, int(parts[2]))
    return d, d, "day"


def dates_agree(a: tuple[date, date, str] | None, b: tuple[date, date, str] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    ra, rb = _RANK.get(a[2], 4), _RANK.get(b[2], 4)
    if ra == rb == 0:
        return abs((a[0] - b[0]).days) <= 1
    if ra == rb:
        return a[0] == b[0] or (a[0] <= b[1] and b[0] <= a[1])
    coarse, fine = (a, b) if ra > rb else (b, a)
    slack = timedelta(days=1)
    return coarse[0] - slack <= fine[0] <= coarse[1] + slack


# -- gold set scoring --------------------------------------------------------------------------
@dataclass(frozen=True)
class ScoredEvent:
    """One event as the scorer sees it, predicted or gold: the fields GOLD-FORMAT.md compares."""

    type: str
    source_country: str | None
    target_country: str | None
    source_name: str | None
    target_name: str | None
    date: tuple[date, date, str] | None
    mode: str | None
    historical: bool
    evidence: str
    # "interaction" (two different codes, or a named other side of unknown country), "domestic"
    # (one code on both sides) or "one-sided" (no other side): see `scope_of`
    scope: str = "interaction"


# Predicted and gold events have the same shape; the two names keep call sites readable.
Predicted = ScoredEvent
GoldEvent = ScoredEvent


def scope_of(source_country: str | None, target_country: str | None, target_text: str | None) -> str:
    """What kind of record an event is, for scoring. Gold pages record interactions between two
    different codes (docs/annotation.md section 1: domestic acts and acts with no other side are
    no gold events), so only interactions are scored against them; the others are counted apart.
    A named other side whose country is unknown still claims an interaction."""
    if target_country is None:
        return "interaction" if target_text else "one-sided"
    if source_country is not None and source_country == target_country:
        return "domestic"
    return "interaction"


def gold_events(path: Path) -> list[GoldEvent]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for e in data.get("events", []):
        src, tgt = e.get("source") or {}, e.get("target") or {}
        out.append(
            GoldEvent(
                e["type"], src.get("country"), tgt.get("country"), src.get("name"), tgt.get("name"),
                parse_gold_date(e.get("date")), e.get("mode"), bool(e.get("historical")), e.get("evidence", ""),
                scope_of(src.get("country"), tgt.get("country"), tgt.get("text")),
            )
        )
    return out


def _countries_match(p: Predicted | GoldEvent, g: GoldEvent) -> bool:
    if p.source_country == g.source_country and p.target_country == g.target_country:
        return True
    return PLOVER_TYPES[g.type].symmetric and p.source_country == g.target_country and p.target_country == g.source_country


def is_match(p: Predicted, g: GoldEvent) -> bool:
    return p.type == g.type and _countries_match(p, g) and dates_agree(p.date, g.date)


def _names_agree(p: Predicted, g: GoldEvent) -> bool:
    def same(x: str | None, y: str | None) -> bool:
        return (x or "").strip().lower() == (y or "").strip().lower()

    direct = same(p.source_name, g.source_name) and same(p.target_name, g.target_name)
    rev = same(p.source_name, g.target_name) and same(p.target_name, g.source_name)
    return direct or (PLOVER_TYPES[g.type].symmetric and rev)


def _agreement(p: Predicted, g: GoldEvent) -> float:
    score = 0.0
    score += 1.0 if _names_agree(p, g) else 0.0
    score += 0.5 if (p.mode or None) == (g.mode or None) else 0.0
    score += 0.5 if p.historical == g.historical else 0.0
    score += 1.0 if p.evidence.strip() == g.evidence.strip() else 0.0
    score += 0.5 if p.date and g.date and p.date[2] == g.date[2] else 0.0
    return score


# Which requirement of a match each relaxation drops; `parley eval --diagnose` scores one page
# set under each, so the gap to "strict" says how many events each kind of error costs.
RELAXATIONS: dict[str, frozenset[str]] = {
    "strict": frozenset(),
    "any date": frozenset({"date"}),
    "any dyad": frozenset({"dyad"}),
    "any type": frozenset({"type"}),
    "type only": frozenset({"date", "dyad"}),
}


def matcher(relax: frozenset[str] = frozenset()) -> Callable[[Predicted, GoldEvent], bool]:
    """`is_match` without the requirements named in `relax` ("type", "dyad", "date")."""
    unknown = relax - {"type", "dyad", "date"}
    if unknown:
        raise ValueError(f"unknown relaxation(s): {', '.join(sorted(unknown))}")

    def match(p: Predicted, g: GoldEvent) -> bool:
        return (
            ("type" in relax or p.type == g.type)
            and ("dyad" in relax or _countries_match(p, g))
            and ("date" in relax or dates_agree(p.date, g.date))
        )

    return match


def match_page(pred: list[Predicted], gold: list[GoldEvent], match: Callable[[Predicted, GoldEvent], bool] = is_match) -> list[tuple[int, int]]:
    pairs = [(_agreement(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if match(p, g)]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class GoldSetReport:
    overall: Tally = field(default_factory=Tally)
    per_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    historical: Tally = field(default_factory=Tally)
    agree_names: int = 0
    agree_mode: int = 0
    agree_historical: int = 0
    pages: int = 0
    hits: list[dict[str, Any]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)  # gold events not found
    false_alarms: list[dict[str, Any]] = field(default_factory=list)  # predicted, not in gold
    # Page dates: pages whose gold `published` is known, and those parley dated within a day of it.
    page_dates_known: int = 0
    page_dates_right: int = 0
    page_date_misses: list[dict[str, Any]] = field(default_factory=list)
    # Event dates among events matched on type and dyad alone (one to one, date left free).
    event_dates_matched: int = 0
    event_dates_right: int = 0
    # Events outside the gold pages' scope (domestic, one-sided), predicted and gold, by scope;
    # and every event scored, whatever its scope (how sets were scored before 2026-12-05)
    outside_predicted: Counter[str] = field(default_factory=Counter)
    outside_gold: Counter[str] = field(default_factory=Counter)
    all_events: Tally = field(default_factory=Tally)

    def page_date_accuracy(self) -> float | None:
        return round(self.page_dates_right / self.page_dates_known, 4) if self.page_dates_known else None

    def event_date_accuracy(self) -> float | None:
        return round(self.event_dates_right / self.event_dates_matched, 4) if self.event_dates_matched else None

    def as_json(self) -> dict[str, Any]:
        matched = self.overall.tp or 1
        return {
            "pages": self.pages,
            "page_dates": {"known": self.page_dates_known, "right": self.page_dates_right,
                           "accuracy": self.page_date_accuracy(), "misses": self.page_date_misses},
            "event_dates": {"matched_on_type_and_dyad": self.event_dates_matched, "right": self.event_dates_right,
                            "accuracy": self.event_date_accuracy()},
            "overall": self.overall.prf(),
            "outside_scope": {"predicted": dict(sorted(self.outside_predicted.items())), "gold": dict(sorted(self.outside_gold.items()))},
            "all_events": self.all_events.prf(),
            "historical": self.historical.prf(),
            "per_type": {t: v.prf() for t, v in sorted(self.per_type.items())},
            "among_matched": {
                "names": round(self.agree_names / matched, 4),
                "mode": round(self.agree_mode / matched, 4),
                "historical_flag": round(self.agree_historical / matched, 4),
            },
            "hits": self.hits,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
        }


def _describe(e: Predicted | GoldEvent, page: str) -> dict[str, Any]:
    d = e.date
    return {
        "page": page, "type": e.type, "source": e.source_country, "target": e.target_country,
        "source_name": e.source_name, "target_name": e.target_name,
        "date": (d[0].isoformat() + "/" + d[2]) if d else None, "historical": e.historical, "evidence": e.evidence[:160],
    }


def score_page(report: GoldSetReport, page: str, pred: list[Predicted], gold: list[GoldEvent], match: Callable[[Predicted, GoldEvent], bool] = is_match) -> None:
    """Score the page's interactions (`scope_of`); count the rest apart, and keep the score of
    every event whatever its scope beside it."""
    report.pages += 1
    everything = match_page(pred, gold, match)
    report.all_events.tp += len(everything)
    report.all_events.fp += len(pred) - len(everything)
    report.all_events.fn += len(gold) - len(everything)
    report.outside_predicted.update(p.scope for p in pred if p.scope != "interaction")
    report.outside_gold.update(g.scope for g in gold if g.scope != "interaction")
    pred = [p for p in pred if p.scope == "interaction"]
    gold = [g for g in gold if g.scope == "interaction"]
    matches = match_page(pred, gold, match)
    mp = {i for i, _ in matches}
    mg = {j for _, j in matches}
    for i, j in matches:
        p, g = pred[i], gold[j]
        report.overall.tp += 1
        report.per_type[g.type].tp += 1
        report.agree_names += _names_agree(p, g)
        report.agree_mode += (p.mode or None) == (g.mode or None)
        report.agree_historical += p.historical == g.historical
        report.hits.append(_describe(p, page))
    for i, p in enumerate(pred):
        if i not in mp:
            report.overall.fp += 1
            report.per_type[p.type].fp += 1
            report.false_alarms.append(_describe(p, page))
    for j, g in enumerate(gold):
        if j not in mg:
            report.overall.fn += 1
            report.per_type[g.type].fn += 1
            report.misses.append(_describe(g, page))
    # Historical events alone: gold historical vs predicted historical.
    hp = [p for p in pred if p.historical]
    hg = [g for g in gold if g.historical]
    hm = match_page(hp, hg, match)
    report.historical.tp += len(hm)
    report.historical.fp += len(hp) - len(hm)
    report.historical.fn += len(hg) - len(hm)


def score_page_date(report: GoldSetReport, page: str, found: str | None, gold: str | None) -> None:
    """A page's date is right when within a day of the gold `published` (time zones); pages
    whose gold `published` is unknown (null) are not counted."""
    if not gold:
        return
    report.page_dates_known += 1
    ok = found is not None and abs((date.fromisoformat(found[:10]) - date.fromisoformat(gold[:10])).days) <= 1
    report.page_dates_right += ok
    if not ok:
        report.page_date_misses.append({"page": page, "found": found, "gold": gold})


def score_event_dates(report: GoldSetReport, pred: list[Predicted], gold: list[GoldEvent]) -> None:
    """Among events matched one to one on type and dyad alone (a pair with agreeing dates
    preferred), how many dates agree as the strict match requires."""
    pairs = [
        (dates_agree(p.date, g.date), _agreement(p, g), i, j)
        for i, p in enumerate(pred) for j, g in enumerate(gold)
        if p.type == g.type and _countries_match(p, g)
    ]
    pairs.sort(key=lambda x: (not x[0], -x[1], x[2], x[3]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for agree, _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        report.event_dates_matched += 1
        report.event_dates_right += agree


def gold_published(path: Path) -> str | None:
    value = json.loads(path.read_text(encoding="utf-8")).get("published")
    return value if isinstance(value, str) and value.strip() else None


def predicted_from_db(db: Any, document_id: str) -> list[Predicted]:
    out = []
    for r in db.query("select * from mentions where document_id = ? and modality = 'asserted' order by sentence, id", [document_id]):
        d = None
        if r["date_first"]:
            d = (date.fromisoformat(r["date_first"]), date.fromisoformat(r["date_last"]), r["date_precision"])
        out.append(
            Predicted(r["type"], r["source_country"], r["target_country"], r["source_name"], r["target_name"], d, r["mode"], bool(r["historical"]), r["evidence"],
                      scope_of(r["source_country"], r["target_country"], r["target_text"]))
        )
    return out


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        for ext in (".txt", ".html", ".htm", ".txt.gz", ".html.gz"):
            page = folder / (stem + ext)
            if page.exists():
                pairs.append((page, gold))
                break
    return pairs


def evaluate_gold_set(folder: Path, db_path: Path | None = None) -> GoldSetReport:
    return diagnose_gold_set(folder, {"strict": RELAXATIONS["strict"]}, db_path)["strict"]


def diagnose_gold_set(folder: Path, relaxations: dict[str, frozenset[str]] | None = None, db_path: Path | None = None) -> dict[str, GoldSetReport]:
    """Ingest the pages once and score them under each relaxation (default: RELAXATIONS)."""
    from ..ingest import ingest
    from ..store.db import open_db

    from ..read.sources import input_key

    relaxations = RELAXATIONS if relaxations is None else relaxations
    matchers = {name: matcher(r) for name, r in relaxations.items()}
    pairs = gold_pairs(folder)
    if not pairs:
        raise FileNotFoundError(f"{folder}: no NAME.gold.json with a matching page")
    with tempfile.TemporaryDirectory() as tmp:
        db_file = db_path or Path(tmp) / "eval.db"
        ingest([str(p) for p, _ in pairs], db_file)
        db = open_db(db_file)
        reports = {name: GoldSetReport() for name in relaxations}
        try:
            for page, gold in pairs:
                # status rows are keyed as ingest keys its inputs (absolute paths): look them up the same way
                row = list(db.query("select document_id from ingest_status where path = ?", [input_key(str(page))]))
                doc_id = row[0]["document_id"] if row else None
                pred = predicted_from_db(db, doc_id) if doc_id else []
                golds = gold_events(gold)
                doc = list(db.query("select published from documents where id = ?", [doc_id])) if doc_id else []
                found = doc[0]["published"] if doc else None
                for name, rep in reports.items():
                    score_page(rep, page.name, pred, golds, matchers[name])
                    score_page_date(rep, page.name, found, gold_published(gold))
                    score_event_dates(rep, pred, golds)
        finally:
            db.close()
    return reports


def format_diagnosis(reports: dict[str, GoldSetReport]) -> str:
    """One line per relaxation: what the score would be if that part of a match were free."""
    lines = ["matching            P      R      F1     tp   fp   fn"]
    for name, rep in reports.items():
        t = rep.overall.prf()
        lines.append(f"{name:<16} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f} {t['tp']:5} {t['fp']:4} {t['fn']:4}")
    return "\n".join(lines)


# -- PLOVER gold records ---------------------------------------------------------------------
@dataclass
class PloverReport:
    sentences: int = 0
    type_coded: int = 0
    type_and_dyad: int = 0
    per_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    actor_agree: int = 0  # among sentences with the type right: source and target countries agree
    actor_checked: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        n = self.sentences or 1
        return {
            "sentences": self.sentences,
            "type_coded": round(self.type_coded / n, 4),
            "type_and_dyad": round(self.type_and_dyad / n, 4),
            "actor_countries_when_type_right": round(self.actor_agree / (self.actor_checked or 1), 4),
            "per_type": {t: v.prf() for t, v in sorted(self.per_type.items())},
            "confusion": {g: dict(c) for g, c in sorted(self.confusion.items())},
            "misses": self.misses,
        }


def load_plover_records(path: Path) -> list[dict[str, Any]]:
    """PLOVER records from a JSON array (the gold records) or JSONL (the manual's recommended
    form, as `parley export --format plover` writes); `event` as a string or a list."""
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    records = json.loads(text) if stripped.startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
    out = []
    for r in records:
        r = dict(r)
        event = r.get("event")
        if isinstance(event, list):
            event = event[0] if event else None
        if event == "DOCUMENT":
            continue
        r["event"] = PLOVER_OLD_NAMES.get(event, event)
        if "recipient" in r and "target" not in r:
            r["target"] = r["recipient"]
        out.append(r)
    return out


def _codes(actors: Any) -> set[str]:
    if isinstance(actors, dict):
        actors = [actors]
    out = set()
    for a in actors or []:
        if isinstance(a, dict) and a.get("code"):
            code = str(a["code"])[:3]
            out.add(GOLD_CODE_FIX.get(code, code))
    return out


def evaluate_plover(path: Path, settings: Any = None) -> PloverReport:
    """Score the analysis stages on the PLOVER gold records; with no `settings`, the
    environment's are read here (an API edge, like `parley.ingest`)."""
    from ..pipeline import default_stages, run_stages
    from ..records import Article, Document, Page, Paragraph
    from ..settings import Settings

    settings = settings if settings is not None else Settings.from_env()
    report = PloverReport()
    after_extract = default_stages()[1:]
    for r in load_plover_records(path):
        text = r["text"]
        # One sentence, no page around it: build the article directly (no extraction to do).
        article = Article(None, text, (Paragraph(0, len(text)),), None, None, "plover-record")
        doc = run_stages(Document(page=Page(r["id"], text, "text"), article=article), after_extract, settings)
        evs = [e for e in doc.events if e.modality != "question"]
        gold_type = r["event"]
        src, tgt = _codes(r.get("source")), _codes(r.get("target"))
        report.sentences += 1
        types = {e.type for e in evs}
        if gold_type in types:
            report.type_coded += 1
            same = [e for e in evs if e.type == gold_type]
            def agree(got: str | None, gold: set[str]) -> bool:
                # a record with no source (an unknown attacker) agrees only with an unknown source
                if not gold:
                    return not got
                return any(codes_agree(got, g) for g in gold)

            dyad = any(
                (agree(e.source.country, src) and (not tgt or agree(e.target.country, tgt)))
                or (PLOVER_TYPES[gold_type].symmetric and agree(e.target.country, src) and (not tgt or agree(e.source.country, tgt)))
                for e in same
            )
            report.type_and_dyad += dyad
            report.actor_checked += 1
            report.actor_agree += dyad
            if not dyad:
                report.misses.append({"id": r["id"], "why": "dyad", "gold": gold_type, "src": sorted(src), "tgt": sorted(tgt), "got": [(e.type, e.source.country, e.target.country) for e in evs], "text": text})
        else:
            report.misses.append({"id": r["id"], "why": "type", "gold": gold_type, "src": sorted(src), "tgt": sorted(tgt), "got": [(e.type, e.source.country, e.target.country) for e in evs], "text": text})
        for t in PLOVER_TYPES:
            if t == gold_type and t in types:
                report.per_type[t].tp += 1
            elif t == gold_type:
                report.per_type[t].fn += 1
            elif t in types:
                report.per_type[t].fp += 1
        top = Counter(e.type for e in evs).most_common(1)
        report.confusion[gold_type][gold_type if gold_type in types else (top[0][0] if top else "none")] += 1
    return report


def evaluate_path(path: Path) -> tuple[str, Any]:
    """Dispatch on what `path` holds: a gold set folder, or the PLOVER gold records."""
    if path.is_file() and path.suffix == ".json":
        return "plover", evaluate_plover(path)
    plover = path / "PLOVER_GSR_CAMEO.json"
    if plover.exists():
        return "plover", evaluate_plover(plover)
    return "gold-set", evaluate_gold_set(path)


def format_gold_report(rep: GoldSetReport, hits: bool = True) -> str:
    j = rep.as_json()
    o, h = j["overall"], j["historical"]
    lines = [f"pages: {rep.pages}"]
    if hits:
        for x in rep.hits:
            lines.append(f"  hit   {x['type']:<9} {x['source']}->{x['target']} {x['date']} {'hist' if x['historical'] else ''} | {x['evidence'][:70]}")
        for x in rep.misses:
            lines.append(f"  miss  {x['type']:<9} {x['source']}->{x['target']} {x['date']} {'hist' if x['historical'] else ''} | {x['evidence'][:70]}")
        for x in rep.false_alarms:
            lines.append(f"  extra {x['type']:<9} {x['source']}->{x['target']} {x['date']} {'hist' if x['historical'] else ''} | {x['evidence'][:70]}")
    lines.append("per type: " + ", ".join(f"{t} {v['f1']:.2f} ({v['tp']}/{v['tp'] + v['fn']})" for t, v in j["per_type"].items()))
    lines.append(f"among matched: names {j['among_matched']['names']:.2f}, mode {j['among_matched']['mode']:.2f}, historical flag {j['among_matched']['historical_flag']:.2f}")
    lines.append(f"historical: P {h['precision']:.3f} R {h['recall']:.3f} F1 {h['f1']:.3f}")
    pd_acc, ed_acc = rep.page_date_accuracy(), rep.event_date_accuracy()
    lines.append(
        f"page dates: {rep.page_dates_right}/{rep.page_dates_known} = {pd_acc:.3f} within a day of gold published"
        if pd_acc is not None else "page dates: no gold published date in this set"
    )
    for x in rep.page_date_misses if hits else []:
        lines.append(f"  page date wrong: {x['page']} found {x['found']}, gold {x['gold']}")
    lines.append(
        f"event dates: {rep.event_dates_right}/{rep.event_dates_matched} = {ed_acc:.3f} among events matched on type and dyad"
        if ed_acc is not None else "event dates: no event matched on type and dyad"
    )
    out_p, out_g, a = j["outside_scope"]["predicted"], j["outside_scope"]["gold"], j["all_events"]
    lines.append(
        "not scored (gold pages record interactions between two different codes): "
        + (", ".join(f"{n} {k}" for k, n in out_p.items()) or "none") + " found"
        + (", " + ", ".join(f"{n} {k}" for k, n in out_g.items()) + " in gold" if out_g else "")
    )
    lines.append(f"every event scored: P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f} (tp {a['tp']}, fp {a['fp']}, fn {a['fn']})")
    lines.append(f"overall: P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f} (tp {o['tp']}, fp {o['fp']}, fn {o['fn']})")
    return "\n".join(lines)


def format_plover_report(rep: PloverReport) -> str:
    j = rep.as_json()
    lines = [f"PLOVER gold records: {rep.sentences} sentences"]
    lines.append("per type: " + ", ".join(f"{t} P {v['precision']:.2f} R {v['recall']:.2f}" for t, v in j["per_type"].items()))
    lines.append(f"actor countries agree when type right: {j['actor_countries_when_type_right']:.3f}")
    lines.append("confusion (gold type: coded types; 'none' = nothing coded):")
    for g, c in j["confusion"].items():
        lines.append(f"  {g:<10} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda x: -x[1])))
    lines.append(f"gold type coded: {j['type_coded']:.3f}")
    lines.append(f"gold type with gold dyad: {j['type_and_dyad']:.3f}")
    return "\n".join(lines)


def iter_events_json(events: Iterable[Any]) -> Iterable[dict[str, Any]]:
    for e in events:
        yield e
