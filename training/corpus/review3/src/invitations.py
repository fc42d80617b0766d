"""Apply the invitation rule of docs/annotation.md 2.17 (third agreement study) to the whole corpus.

An invitation to meet, visit, attend or join is AGREE (mode null) from the inviter to the invitee
(CAMEO 036, express intent to meet or negotiate); declining one is REJECT `meet`, accepting one
AGREE; an invitation to send forces or help in stays REQUEST `assist`. Finds every event whose
trigger contains invite/invited/invitation (any form of "invit"), lists it with the rule that
applies, changes those that contradict the rule and prints counts by (type, mode) before and after.

Usage (repo root): python training/corpus/review3/src/invitations.py [--dry-run]
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2]
INVITATION = re.compile(r"invit", re.I)
ACCEPTED = re.compile(r"\baccept", re.I)
NOTE = "Invitation: AGREE (manual 2.17 invitations row, CAMEO 036; third agreement study)."


def expected(event: dict) -> tuple[str, str | None] | None:
    """(type, mode) the rule asks for, or None when the event is another act that only names an invitation."""
    if event["type"] == "REJECT":
        return ("REJECT", "meet")  # declining or blocking an invitation
    if ACCEPTED.search(event["trigger"]):
        return ("AGREE", None)
    if event["type"] == "REQUEST" and event["mode"] == "assist":
        return ("REQUEST", "assist")  # invited forces or help in: asks for assistance
    if event["type"] in ("REQUEST", "AGREE", "CONSULT"):
        return ("AGREE", None)
    return None  # e.g. an ACCUSE questioning whether an invitation was legitimate


def main(dry_run: bool) -> int:
    before, after, changed = collections.Counter(), collections.Counter(), []
    for path in sorted(CORPUS.glob("*.jsonl")):
        texts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        touched = False
        for text in texts:
            for index, sentence in enumerate(text["sentences"]):
                for event in sentence["events"]:
                    if not INVITATION.search(event["trigger"]):
                        continue
                    before[(event["type"], event["mode"])] += 1
                    want = expected(event)
                    status = "other act, kept" if want is None else (
                        "agrees" if (event["type"], event["mode"]) == want else "CHANGED")
                    print(f"{text['id']}:{index}\t{event['type']} {event['mode']}\t[{event['trigger']}]\t"
                          f"{event['modality']}\t{status}\t{sentence['text'][:90]}")
                    if status == "CHANGED":
                        changed.append(f"{text['id']}:{index} {event['type']} {event['mode']} -> {want[0]} {want[1]}")
                        event["type"], event["mode"] = want
                        event["note"] = f"{event['note']} {NOTE}" if event.get("note") else NOTE
                        touched = True
                    after[(event["type"], event["mode"])] += 1
        if touched and not dry_run:
            path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")

    def show(counts: collections.Counter) -> str:
        return ", ".join(f"{t} {m or 'null'} {n}" for (t, m), n in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")))
    print(f"\ninvitation events: {sum(before.values())}")
    print(f"before: {show(before)}")
    print(f"after:  {show(after)}")
    print(f"changed: {len(changed)}" + (" (dry run, nothing written)" if dry_run else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main("--dry-run" in sys.argv[1:]))
