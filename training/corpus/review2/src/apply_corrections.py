"""Apply the clear corrections of the second agreement study (review2/agreement.md) to the corpus.
Only removals, type/mode changes, historical flags and one code; additions are listed, not applied."""
import json, glob
FILES = {}
for f in glob.glob('training/corpus/*.jsonl'):
    for i, l in enumerate(open(f, encoding='utf-8').read().splitlines()):
        if l.strip():
            FILES.setdefault(f, []).append(json.loads(l))
INDEX = {t['id']: t for ts in FILES.values() for t in ts}
log = []
def evs(ref):
    tid, idx = ref.rsplit(':', 1)
    return INDEX[tid]['sentences'][int(idx)]['events']
def change(ref, pred, **kw):
    n = 0
    for e in evs(ref):
        if pred(e):
            e.update(kw); n += 1
    assert n, (ref, kw); log.append(f'{ref}: changed {n} -> {kw}')
def remove(ref, pred):
    E = evs(ref); keep = [e for e in E if not pred(e)]
    assert len(keep) < len(E), ref
    log.append(f'{ref}: removed {len(E)-len(keep)}'); E[:] = keep
T = lambda t, **c: (lambda e: e['type'] == t and all(e.get(k) == v for k, v in c.items()))
change('own-annot12-037:12', lambda e: e['type'] == 'AID' and e['source']['code'] == 'JPN', type='AGREE', mode=None, date='2022-01-22')
change('own-annot12-086:7', T('AID'), type='AGREE', mode=None)
change('own-annot4-r28:2', T('CONCEDE'), type='AGREE', mode=None, modality='asserted', date='2016-10-03')
change('own-annot12-019:5', T('CONCEDE'), type='AGREE', mode=None)
remove('own-annot12-114:1', T('CONCEDE', modality='planned'))
remove('own-annot4-m22:2', T('RETREAT', modality='planned'))
remove('own-annot12-061:4', T('CONSULT', modality='planned'))
remove('synthetic-1124:6', T('ACCUSE'))
remove('synthetic-3615:8', lambda e: e['trigger'] in ('allegations', 'resignation'))
remove('synthetic-3557:7', T('ACCUSE'))
remove('synthetic-1275:0', T('RETREAT'))
remove('synthetic-1029:1', T('CONSULT'))
remove('synthetic-2385:0', T('RETREAT'))
remove('synthetic-2059:1', T('COERCE'))
remove('synthetic-3234:3', T('ASSAULT'))
remove('synthetic-4150:0', T('COERCE'))
remove('synthetic-594:3', T('ASSAULT', modality='negated'))
remove('synthetic-1182:4', T('ASSAULT'))
remove('voa-7638284:11', T('ACCUSE'))
remove('synthetic-3723:6', T('ACCUSE'))
change('own-annot13-143:2', T('MOBILIZE'), historical=True)
change('synthetic-657:5', lambda e: True, historical=False)
change('synthetic-86:3', T('RETREAT'), type='AID', mode='asylum')
for e in evs('synthetic-1772:5'):
    if e['source']['code'] == 'PNG':
        e['source']['code'] = 'NRU'; log.append('synthetic-1772:5: source PNG -> NRU')
for f, ts in FILES.items():
    open(f, 'w', encoding='utf-8').write(''.join(json.dumps(t, ensure_ascii=False) + '\n' for t in ts))
print('\n'.join(log)); print(len(log), 'corrections')
