"""Build sample-review.jsonl from the per-batch annotation files (review2, blind)."""
import json, glob, os, re, datetime
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
S = [json.loads(l) for l in open(os.path.join(ROOT, 'sample-blind.jsonl'))]
EV = {}
NULL = object()

def wd(news, day, back=True):
    """most recent weekday `day` on or before news (back) or next after it."""
    d = datetime.date.fromisoformat(news)
    names = ['monday','tuesday','wednesday','thursday','friday','saturday','sunday']
    t = names.index(day.lower())
    for k in range(0, 8):
        x = d - datetime.timedelta(days=k) if back else d + datetime.timedelta(days=k if k else 7)
        if x.weekday() == t:
            return x.isoformat()

def side(x):
    if x is None:
        return {"text": None, "code": None, "sector": None}
    d = {"text": x[0], "code": x[1], "sector": x[2]}
    if len(x) > 3:
        d["occurrence"] = x[3]
    return d

MOD = {'a': 'asserted', 'p': 'planned', 'h': 'hypothetical', 'n': 'negated'}

def ev(n, typ, mode, trig, src, tgt, m='a', d=NULL, h=False, loc=None, note=None, to=None):
    e = {"type": typ, "mode": mode, "trigger": trig}
    if to:
        e["trigger_occurrence"] = to
    e["source"] = side(src); e["target"] = side(tgt)
    e["location"] = loc
    e["modality"] = MOD[m]
    if d is NULL:
        d = S[n]['news_date'] if m in 'an' else None
    e["date"] = d
    e["historical"] = h
    if note:
        e["note"] = note
    EV.setdefault(n, []).append(e)

def none(*ns):
    for n in ns:
        EV.setdefault(n, [])

if __name__ == '__main__':
    for f in sorted(glob.glob(os.path.join(HERE, 'batch_*.py'))):
        exec(open(f).read(), globals())
    out = []
    bad = 0
    for n, x in enumerate(S):
        evs = EV.get(n)
        if evs is None:
            print('MISSING', n); evs = []
        for e in evs:
            for k in ('source', 'target'):
                t = e[k]['text']
                if t is not None and t not in x['text']:
                    print('SPAN', n, k, repr(t)); bad += 1
                if t is not None and not e[k]['code']:
                    print('CODE', n); bad += 1
            if e['trigger'] not in x['text']:
                print('TRIG', n, repr(e['trigger'])); bad += 1
            if e['location'] and e['location'] not in x['text']:
                print('LOC', n, repr(e['location'])); bad += 1
        out.append({"id": x['id'], "sentence_index": x['sentence_index'], "annotator": "review2",
                    "text": x['text'], "events": evs})
    with open(os.path.join(ROOT, 'sample-review.jsonl'), 'w') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print('annotated', len(EV), 'of', len(S), 'events', sum(len(v) for v in EV.values()), 'bad', bad)
