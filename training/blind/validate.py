#!/usr/bin/env python3
"""Check a folder of gold pages (pages/NAME.txt + pages/NAME.gold.json) against GOLD-FORMAT.md.

Usage: python3 validate.py [pages_dir]   (default: ./pages). Prints OK and a summary, or the problems.
"""
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
            "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CODE = re.compile(r"^[A-Z]{3}$")


def visible_text(raw: str) -> str:
    """The page as a reader sees it: tags, scripts and styles removed, entities decoded, spaces collapsed."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"(?s)<[^>]+>", " ", text)
    text = html.unescape(text)
    return re.sub(r"\s+", " ", text)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "pages")
    problems = []
    types = Counter()
    pages = html_pages = events = historical = 0
    for page in sorted(folder.glob("*.txt")):
        gold_path = page.with_suffix("").with_suffix(".gold.json")
        if not gold_path.exists():
            problems.append(f"{page.name}: no {gold_path.name}")
            continue
        pages += 1
        raw = page.read_text(encoding="utf-8")
        if re.search(r"(?i)<html|<body|<article|<p>", raw):
            html_pages += 1
        text = visible_text(raw)
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            problems.append(f"{gold_path.name}: not JSON ({err})")
            continue
        for key in ("url", "published", "events"):
            if key not in gold:
                problems.append(f"{gold_path.name}: missing '{key}'")
        pub = gold.get("published")
        if pub is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(pub)):
            problems.append(f"{gold_path.name}: published {pub!r} is not YYYY-MM-DD or null")
        for i, ev in enumerate(gold.get("events", [])):
            where = f"{gold_path.name} event {i}"
            events += 1
            if ev.get("type") not in TYPES:
                problems.append(f"{where}: type {ev.get('type')!r} is not a PLOVER type")
            types[ev.get("type")] += 1
            if not DATE.match(str(ev.get("date"))):
                problems.append(f"{where}: date {ev.get('date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            codes = []
            for side in ("source", "target"):
                actor = ev.get(side)
                if not isinstance(actor, dict):
                    problems.append(f"{where}: {side} must be an object with name, country, role")
                    continue
                for key in ("name", "country", "role"):
                    if key not in actor:
                        problems.append(f"{where}: {side} lacks '{key}'")
                code = actor.get("country")
                if not (isinstance(code, str) and CODE.match(code)):
                    problems.append(f"{where}: {side} country {code!r} is not a 3-letter code")
                codes.append(code)
            if len(codes) == 2 and codes[0] == codes[1]:
                problems.append(f"{where}: source and target have the same country {codes[0]}")
            if not isinstance(ev.get("historical"), bool):
                problems.append(f"{where}: historical must be true or false")
            elif ev["historical"]:
                historical += 1
            evidence = ev.get("evidence")
            if not isinstance(evidence, str) or not evidence.strip():
                problems.append(f"{where}: no evidence sentence")
            elif norm(evidence) not in text:
                problems.append(f"{where}: evidence not found verbatim in the page's visible text: {evidence[:80]!r}")
            if "location" not in ev:
                problems.append(f"{where}: missing 'location' (null if none)")
    for gold_path in sorted(folder.glob("*.gold.json")):
        if not gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).exists():
            problems.append(f"{gold_path.name}: no page beside it")
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"OK: {pages} pages ({html_pages} HTML), {events} events, {historical} historical")
    print("per type: " + ", ".join(f"{t} {types[t]}" for t in sorted(TYPES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
