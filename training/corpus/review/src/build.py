"""How sample-review.jsonl was written: the reviewer's annotations as Python calls (a1..a8, one
block per story, in reading order; dsl.py fills in dates), checked against the blind sentences.
Run from anywhere: python training/corpus/review/src/build.py"""
import json, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import dsl
for m in ['a1','a2','a3','a4','a5','a6','a7','a8']: __import__(m)
rows = [json.loads(l) for l in open(HERE.parent / 'sample-blind.jsonl', encoding='utf-8')]
keys = {(r['id'], r['sentence_index']) for r in rows}
extra = set(dsl.A) - keys
missing = keys - set(dsl.A)
print("extra", sorted(extra)); print("missing", sorted(missing))
bad = 0
def occ_ok(sent, text, occ):
    return sent.count(text) >= (occ or 1)
out = []
for r in rows:
    evs = dsl.A.get((r['id'], r['sentence_index']), [])
    for e in evs:
        if not occ_ok(r['text'], e['trigger'], e.get('trigger_occurrence')):
            print("TRIGGER", r['id'], r['sentence_index'], e['trigger']); bad += 1
        for side in ('source', 'target'):
            a = e[side]
            if a['text'] is not None and not occ_ok(r['text'], a['text'], a.get('occurrence')):
                print("SPAN", r['id'], r['sentence_index'], side, a['text']); bad += 1
            if a['text'] is not None and a['code'] is None: print("NOCODE", r['id'], r['sentence_index']); bad += 1
        if e.get('location') and e['location'] not in r['text']:
            print("LOC", r['id'], r['sentence_index'], e['location']); bad += 1
    out.append({"id": r['id'], "sentence_index": r['sentence_index'], "annotator": "review", "text": r['text'], "events": evs})
print("bad", bad, "events", sum(len(o['events']) for o in out), "with events", sum(bool(o['events']) for o in out))
if not bad and not missing:
    with open(HERE.parent / 'sample-review.jsonl', 'w', encoding='utf-8') as f:
        for o in out: f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("written")
