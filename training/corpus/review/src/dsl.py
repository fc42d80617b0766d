import json, itertools
A = {}
NEWS = {}
def S(id_, news):
    global CUR; CUR = id_; NEWS[id_] = news
def X(t, code, sector, occ=None):
    d = {"text": t, "code": code, "sector": sector}
    if occ: d["occurrence"] = occ
    return d
U = {"text": None, "code": None, "sector": None}
def ev(idx, type_, mode, trigger, src, tgt, mod="asserted", date="N", hist=False, loc=None, note=None, tocc=None):
    if date == "N":
        date = NEWS[CUR] if mod == "asserted" else None
    e = {"type": type_, "mode": mode, "trigger": trigger, "source": src, "target": tgt,
         "modality": mod, "date": date, "historical": hist}
    if loc: e["location"] = loc
    if note: e["note"] = note
    if tocc: e["trigger_occurrence"] = tocc
    A.setdefault((CUR, idx), []).append(e)
def none(*idxs):
    for i in idxs: A.setdefault((CUR, i), [])
