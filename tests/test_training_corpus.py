"""The annotated training corpus (training/corpus/*.jsonl): it validates, and no text shares an
8-word run with a gold or blind page (issue #14). The checker is training/check_corpus.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("check_corpus", REPO / "training" / "check_corpus.py")
check_corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("check_corpus", check_corpus)  # dataclasses look their module up by name
_spec.loader.exec_module(check_corpus)

CORPUS_FILES = check_corpus.corpus_files()


@pytest.fixture(scope="module")
def reference_index():
    return check_corpus.reference_shingles()


def _record(**changes):
    sentence = "Kenya recalled its ambassador to Somalia on Tuesday."
    event = {
        "type": "SANCTION", "mode": "withdraw", "trigger": "recalled",
        "source": {"text": "Kenya", "code": "KEN", "sector": "GOV"},
        "target": {"text": "Somalia", "code": "SOM", "sector": "GOV"},
        "modality": "asserted", "date": "2021-03-16", "historical": False,
    }
    event.update(changes.pop("event", {}))
    record = {
        "id": "t1", "origin": "own", "license": "MIT", "style": "wire", "published": "2021-03-18",
        "news_date": "2021-03-16", "annotator": "test", "text": "NAIROBI -- " + sentence + " Nobody else spoke.",
        "sentences": [{"text": "NAIROBI --", "events": []}, {"text": sentence, "events": [event]},
                      {"text": "Nobody else spoke.", "events": []}],
    }
    record.update(changes)
    return record


def test_checker_accepts_a_valid_text_and_computes_offsets():
    report = check_corpus.check_records([(1, _record())], "mem.jsonl")
    assert report.errors == []
    assert (report.sentences, report.no_event_sentences, report.events) == (3, 2, 1)
    row = report.offsets["mem.jsonl"][0]["sentences"][1]["events"][0]
    text = _record()["text"]
    assert text[slice(*row["trigger"])] == "recalled"
    assert text[row["target"]["start"]:row["target"]["end"]] == "Somalia"


def test_occurrence_picks_the_second_mention_of_a_repeated_span():
    sentence = "Kenya told Somalia that Kenya would reopen the border."
    event = {"type": "AGREE", "mode": None, "trigger": "would reopen",
             "source": {"text": "Kenya", "code": "KEN", "sector": "GOV", "occurrence": 2},
             "target": {"text": "Somalia", "code": "SOM", "sector": "GOV"},
             "modality": "asserted", "date": None, "historical": False}
    record = _record(text=sentence, sentences=[{"text": sentence, "events": [event]}])
    report = check_corpus.check_records([(1, record)], "mem.jsonl")
    assert report.errors == [] and report.warnings == []
    source = report.offsets["mem.jsonl"][0]["sentences"][0]["events"][0]["source"]
    assert source["start"] == sentence.index("that Kenya") + len("that ")
    event["source"]["occurrence"] = 3
    assert any("occurrence 3" in e for e in check_corpus.check_records([(1, record)], "mem.jsonl").errors)


@pytest.mark.parametrize("changes, complaint", [
    ({"event": {"trigger": "withdrew"}}, "trigger"),
    ({"event": {"type": "SANCTIONS"}}, "PLOVER types"),
    ({"event": {"mode": "phone"}}, "not a mode of SANCTION"),
    ({"event": {"target": {"text": "Somalia", "code": "SOMALIA", "sector": "GOV"}}}, "alpha-3"),
    ({"event": {"source": {"text": "Kenyans", "code": "KEN", "sector": "GOV"}}}, "not in its sentence"),
    ({"event": {"modality": "future"}}, "modality"),
    ({"event": {"date": "16 March 2021"}}, "date"),
    ({"text": "NAIROBI -- Kenya recalled its ambassador to Somalia on Tuesday. Extra words. Nobody else spoke."},
     "in no sentence"),
    ({"license": "CC-BY"}, "license"),
])
def test_checker_names_each_kind_of_mistake(changes, complaint):
    report = check_corpus.check_records([(1, _record(**changes))], "mem.jsonl")
    assert any(complaint in error for error in report.errors), report.errors


def test_overlap_check_finds_an_eight_word_run_from_a_gold_page(reference_index):
    gold = json.loads((REPO / "examples" / "gold" / "jpn_kor_phone_call.gold.json").read_text(encoding="utf-8"))
    borrowed = " ".join(gold["events"][0]["evidence"].split()[:9])
    texts = [("borrowed", "Our own opening words. " + borrowed + " and our own ending."),
             ("ours", "Our own opening words about a phone call between two ministers on a Tuesday.")]
    found = check_corpus.overlap_report(texts, reference_index)
    assert len(found) >= 1 and all(line.startswith("borrowed ") for line in found)


@pytest.mark.skipif(not CORPUS_FILES, reason="no training/corpus/*.jsonl files yet")
def test_every_corpus_file_validates():
    seen: set[str] = set()
    errors = [e for path in CORPUS_FILES for e in check_corpus.check_file(path, seen_ids=seen).errors]
    assert errors == []


@pytest.mark.skipif(not CORPUS_FILES, reason="no training/corpus/*.jsonl files yet")
def test_no_corpus_text_shares_eight_words_with_a_gold_or_blind_page(reference_index):
    overlaps = check_corpus.overlap_report(check_corpus.corpus_texts(CORPUS_FILES), reference_index)
    assert overlaps == []


def test_corpus_dev_writes_every_pending_text_as_a_gold_page(tmp_path):
    """`training/corpus_dev.py --corpus training/corpus/pending --split all`: the files no trainer
    reads become a second dev set, one page per text, asserted two-sided events only."""
    import subprocess

    out = tmp_path / "pdev"
    pending = REPO / "training" / "corpus" / "pending"
    run = subprocess.run([sys.executable, str(REPO / "training" / "corpus_dev.py"), str(out), "--corpus", str(pending), "--split", "all"],
                         capture_output=True, text=True, check=True)
    records = [json.loads(line) for path in sorted(pending.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(list(out.glob("*.gold.json"))) == len(records) == len(list(out.glob("*.txt"))), run.stdout
    page = json.loads((out / (records[0]["id"].replace(":", "-") + ".gold.json")).read_text(encoding="utf-8"))
    assert all(e["source"]["country"] != e["target"]["country"] for e in page["events"])
