"""Actor-side commands: `parley actors-eval` measures the actor resolver alone on the PLOVER
gold records (independent of the event coder).

For every gold actor whose ``actorText`` occurs in its sentence, the noun phrase that contains
that text is resolved exactly as the pipeline resolves it (parse, then `PageActors`), and its
country is compared with the gold code. PLOVER's own non-ISO codes are mapped (JAP -> JPN,
ITL -> ITA, VTN -> VNM); actors coded only as transnational groups (IMG, ISM) have no country
to compare and are skipped. Our more specific ``UNO``/``EUR``/``NGO`` codes count as PLOVER's ``IGO``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import click

from ..quality.evaluate import GOLD_CODE_FIX, IGO_FAMILY, codes_agree  # noqa: F401 - one definition, shared with the scorer

GOLD_SKIP = {"IMG", "ISM"}  # transnational militant groups / religious groups without a state


def _span_tokens(sdoc: Any, start: int, end: int) -> list[Any]:
    return [t for t in sdoc if t.idx < end and t.idx + len(t.text) > start]


def _gold_actors(record: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for side in ("source", "target"):
        items = record.get(side)
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict) and item.get("code") and item.get("actorText"):
                out.append((str(item["actorText"]).strip(), str(item["code"])[:3]))
    return out


def plover_actor_report(path: Path | None = None) -> dict[str, Any]:
    """Country agreement of the actor resolver alone on the PLOVER gold actors."""
    from ..annotate import nlp
    from ..quality.evaluate import load_plover_records
    from ..records import Article, Document, Page, Paragraph, Parses, Sentence
    from ..actors.stage import resolve_document

    if path is None:
        path = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"
    records = load_plover_records(path)
    texts = [r["text"] for r in records]
    parsed = list(nlp.full().pipe(texts, batch_size=64))
    checked = agree = skipped = 0
    by_how: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for r, sdoc in zip(records, parsed):
        text = r["text"]
        article = Article(None, text, (Paragraph(0, len(text)),), None, None, "plover-record")
        doc = Document(page=Page(r["id"], text, "text"), article=article,
                       sentences=(Sentence(0, 0, len(text), text, 0),), parses=Parses({0: sdoc}))
        resolver, per_sentence = resolve_document(doc)
        actors = per_sentence.get(0, {})
        for actor_text, code in _gold_actors(r):
            code = GOLD_CODE_FIX.get(code, code)
            pos = text.find(actor_text)
            if code in GOLD_SKIP or pos < 0:
                skipped += 1
                continue
            toks = _span_tokens(sdoc, pos, pos + len(actor_text))
            got = _actor_for_span(toks, actors)
            checked += 1
            ok = got is not None and codes_agree(got.country, code)
            agree += ok
            by_how[(got.resolution if got else "none") + (":ok" if ok else ":miss")] += 1
            if not ok:
                misses.append({"id": r["id"], "actor": actor_text, "gold": code,
                               "got": got.country if got else None, "how": got.resolution if got else None,
                               "np": got.text if got else None})
    return {
        "gold_actors_checked": checked,
        "skipped": skipped,
        "country_agreement": round(agree / (checked or 1), 4),
        "by_resolution": dict(sorted(by_how.items())),
        "misses": misses,
    }


def _actor_for_span(toks: list[Any], actors: dict[int, Any]) -> Any:
    """The actor of the smallest resolved noun phrase that contains the gold text: first a token
    of the span itself, then the heads above the span (the gold text may be a modifier)."""
    for t in toks:
        if t.i in actors:
            return actors[t.i]
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head is t]
    for root in roots:
        t = root
        for _ in range(4):
            if t.i in actors:
                return actors[t.i]
            if t.head is t:
                break
            t = t.head
    return None


def register(main: click.Group) -> None:
    @main.command(name="actors-eval")
    @click.argument("records", required=False, type=click.Path(exists=True, dir_okay=False))
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="json: the full report (with misses).")
    @click.option("--json", "as_json", is_flag=True, hidden=True, help="Old name of --format json.")
    def actors_eval(records: str | None, fmt: str, as_json: bool) -> None:
        """Measure the actor resolver alone on the PLOVER gold actors.

        \b
        Example:
          parley actors-eval ../shared/eval/plover/PLOVER_GSR_CAMEO.json
        """
        as_json = as_json or fmt == "json"
        rep = plover_actor_report(Path(records) if records else None)
        if as_json:
            click.echo(json.dumps(rep, indent=1, ensure_ascii=False))
            return
        click.echo(f"gold actors checked: {rep['gold_actors_checked']} (skipped {rep['skipped']})")
        click.echo(f"country agreement: {rep['country_agreement']:.3f}")
        for m in rep["misses"]:
            click.echo(f"  miss {m['id']}: {m['actor']!r} gold {m['gold']} got {m['got']} ({m['how']}: {m['np']!r})")
