"""The learned dyad ranker (parley.events.dyads): its candidates, its choice, its artifact.

The ranker's logic is tested with weights written here by hand (what a weight makes it do), the
shipped artifact only for its shape and its effect on the setting."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import parley
from parley.events.dyads import (
    ARTIFACT, Candidate, DyadRanker, TargetFiller, candidates, fill_options, fillable, pair_features, rerankable, shipped, shipped_filler,
)
from parley.settings import Settings

# An accusation, then a reply whose sentence names the reply's speaker and a third state: the
# ranker sees the accused's accuser in the sentence before.
PASSAGE = (
    "Colombia's defence minister accused Ecuador on Monday of sheltering rebel commanders near the border. "
    "Quito rejected it on Tuesday, a day after talks in Lima had ended."
)


def _doc(text: str = PASSAGE):
    return parley.analyse_text(text, settings=Settings().with_overrides(dyad_ranker="off"))


def _reply(doc):
    return next(e for e in doc.events if e.type == "REJECT" and e.modality == "asserted")


def test_candidates_are_the_parties_of_the_sentence_and_the_two_before() -> None:
    doc = _doc()
    reply = _reply(doc)
    by_code = {c.code: c for c in candidates(doc, reply, list(doc.events))}
    assert {"ECU", "COL"} <= set(by_code)
    assert by_code["ECU"].features.get("own") == 1.0 and by_code["ECU"].features.get("rel=subj") == 1.0
    assert by_code["COL"].features.get("prev1") == 1.0 and "own" not in by_code["COL"].features
    # the rules' own pair is marked on its candidates
    assert by_code[reply.source.country].features["cur_src"] == 1.0


def test_hand_weights_decide_and_the_rules_pair_is_kept_on_a_tie() -> None:
    doc = _doc()
    events = list(doc.events)
    reply = _reply(doc)
    before = (reply.source.country, reply.target.country)
    # no weights: every pair ties with the rules' pair, which stays
    flat = DyadRanker("test", {}, 0.0)
    kept = next(e for e in flat.rerank(doc, events) if e.type == "REJECT" and e.modality == "asserted")
    assert (kept.source.country, kept.target.country) == before and ">ranked" not in kept.coder
    # a weight for a target named in the sentence before, and against the rules' pair
    leaning = DyadRanker("test", {"t:prev1": 5.0, "s:rel=subj": 5.0, "pair:current": -1.0}, 0.0)
    moved = next(e for e in leaning.rerank(doc, events) if e.type == "REJECT" and e.modality == "asserted")
    assert (moved.source.country, moved.target.country) == ("ECU", "COL")
    assert ">ranked" in moved.coder and moved.confidence <= 0.6
    # the same weights under a margin larger than the gain: the rules' pair stays
    cautious = DyadRanker("test", leaning.weights, 100.0)
    stayed = next(e for e in cautious.rerank(doc, events) if e.type == "REJECT" and e.modality == "asserted")
    assert (stayed.source.country, stayed.target.country) == before


def test_an_enumeration_is_left_as_the_rules_laid_it_out() -> None:
    doc = _doc("Germany, France and Italy condemned Russia on Friday for the strike on the power plant.")
    accusations = [e for e in doc.events if e.type == "ACCUSE" and e.modality == "asserted"]
    assert len(accusations) >= 2
    assert not any(rerankable(e, list(doc.events)) for e in accusations)
    pushy = DyadRanker("test", {"pair:current": -10.0}, 0.0)
    assert [(e.source.country, e.target.country) for e in pushy.rerank(doc, list(doc.events)) if e.type == "ACCUSE"] == [
        (e.source.country, e.target.country) for e in doc.events if e.type == "ACCUSE"]


def test_pair_features_name_each_side_and_the_rules_pair() -> None:
    doc = _doc()
    reply = _reply(doc)
    cands = {c.code: c for c in candidates(doc, reply, list(doc.events))}
    f = pair_features("REJECT", ("ECU", "COL"), cands["ECU"], cands["COL"])
    assert f["pair:current"] == 1.0 and f["s:own"] == 1.0 and f["t:prev1"] == 1.0
    g = pair_features("REJECT", ("ECU", "COL"), cands["COL"], cands["ECU"])
    assert g["pair:current"] == 0.0 and g["pair:reversed"] == 1.0
    # the symmetric types take either order as the rules' pair
    h = pair_features("CONSULT", ("ECU", "COL"), cands["COL"], cands["ECU"])
    assert h["pair:current"] == 1.0 and h["pair:reversed"] == 0.0


def test_the_shipped_artifact_is_versioned_and_a_broken_one_is_a_clear_error(tmp_path: Path) -> None:
    ranker = shipped()
    assert ranker is not None and ranker.version.startswith("parley-dyads-")
    data = json.loads(ARTIFACT.read_text(encoding="utf-8"))
    assert data["weights"] and data["margin"] >= 0 and data["examples"] > 1000
    broken = tmp_path / "ranker.json"
    broken.write_text('{"version": "x"}', encoding="utf-8")
    with pytest.raises(ValueError, match="ranker.json: not a parley dyad-ranker artifact"):
        DyadRanker.load(broken)


def test_the_setting_switches_the_ranker(monkeypatch: pytest.MonkeyPatch) -> None:
    """With `dyad_ranker=on` every event the ranker moved says so in its coder; off, none does."""
    from parley.events import dyads

    monkeypatch.setattr(dyads, "shipped", lambda: DyadRanker("test", {"t:prev1": 5.0, "s:rel=subj": 5.0, "pair:current": -1.0}, 0.0))
    on = parley.analyse_text(PASSAGE, settings=Settings().with_overrides(dyad_ranker="on"))
    off = parley.analyse_text(PASSAGE, settings=Settings().with_overrides(dyad_ranker="off"))
    assert any(">ranked" in e.coder for e in on.events)
    assert not any(">ranked" in e.coder for e in off.events)


# A pledge of aid told with its giver only: the sentence before names the stricken country.
ONE_SIDED = (
    "A powerful earthquake struck northern Nepal on Saturday, killing hundreds. "
    "India pledged emergency supplies and rescue teams on Sunday."
)


def _pledge(doc):
    return next(e for e in doc.events if e.type == "AGREE" and e.source.country == "IND")


def test_the_filler_aims_a_one_sided_event_at_a_party_of_its_passage_or_leaves_it() -> None:
    doc = parley.analyse_text(ONE_SIDED, settings=Settings().with_overrides(target_fill="off"))
    events = list(doc.events)
    pledge = _pledge(doc)
    assert pledge.target.country is None and fillable(pledge, events)
    # the party named in the sentence before, weighted up: the pledge is aimed at Nepal
    towards = TargetFiller("test", {"t:prev1": 5.0}, 0.5)
    filled = _pledge(replace_events(doc, towards.fill(doc, events)))
    assert filled.target.country == "NPL" and ">filled" in filled.coder and filled.confidence <= 0.99
    # NONE weighted up, or a threshold above what the filler gives: it stays one-sided
    for filler in (TargetFiller("test", {"t:prev1": 5.0, "none": 10.0}, 0.5), TargetFiller("test", {"t:prev1": 0.5}, 0.9)):
        kept = _pledge(replace_events(doc, filler.fill(doc, events)))
        assert kept.target.country is None and ">filled" not in kept.coder
    # an interaction is not the filler's: its target is never replaced
    two_sided = parley.analyse_text(PASSAGE, settings=Settings().with_overrides(target_fill="off"))
    assert [e.target for e in towards.fill(two_sided, list(two_sided.events))] == [e.target for e in two_sided.events]


def test_the_setting_switches_the_filler(monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.events import dyads

    monkeypatch.setattr(dyads, "shipped_filler", lambda: TargetFiller("test", {"t:prev1": 5.0}, 0.5))
    on = parley.analyse_text(ONE_SIDED, settings=Settings().with_overrides(target_fill="on"))
    off = parley.analyse_text(ONE_SIDED, settings=Settings().with_overrides(target_fill="off"))
    assert _pledge(on).target.country == "NPL"
    assert _pledge(off).target.country is None


def test_the_shipped_filler_has_a_threshold_and_weights() -> None:
    filler = shipped_filler()
    assert filler is not None and filler.weights and 0.0 < filler.threshold < 1.0
    # its options: NONE first, then one per candidate, each a feature dict
    options = fill_options("AGREE", "rule:one-sided", [Candidate("NPL", None, {"prev1": 1.0})])  # type: ignore[arg-type]
    assert options[0]["none"] == 1.0 and options[1] == {"t:prev1": 1.0}


def replace_events(doc, events):
    from dataclasses import replace

    return replace(doc, events=tuple(events))


def test_a_party_inside_the_targets_own_act_is_never_taken_as_the_target() -> None:
    """"condemned ... Serbia's suppression of protests in Montenegro": Montenegro is where Serbia's
    act happened, the content of what is condemned, not the one condemned. Hand weights that pull
    the target to a far prepositional object take Montenegro when the flag is cleared, never with it."""
    text = "Albania on Friday condemned as a grave crime Serbia's suppression of ethnic Albanian protests in Montenegro."
    doc = _doc(text)
    events = list(doc.events)
    accuse = next(e for e in events if e.type == "ACCUSE" and e.modality == "asserted")
    assert (accuse.source.country, accuse.target.country) == ("ALB", "SRB") and rerankable(accuse, events)
    cands = candidates(doc, accuse, events)
    by_code = {c.code: c for c in cands}
    assert by_code["MNE"].in_target_act and not by_code["SRB"].in_target_act and not by_code["ALB"].in_target_act
    pulled = DyadRanker("test", {"t:rel=pobj-far": 9.0, "pair:current": -1.0}, 0.0)
    found = pulled.best_pair("ACCUSE", ("ALB", "SRB"), cands)
    assert found is not None and "MNE" not in (found[0].code, found[1].code)
    cleared = [replace(c, in_target_act=False) for c in cands]
    found = pulled.best_pair("ACCUSE", ("ALB", "SRB"), cleared)
    assert found is not None and found[1].code == "MNE"


def test_a_party_named_outside_the_targets_phrase_stays_a_candidate() -> None:
    """The same party also named as an argument of its own ("... and urged Montenegro to ...")
    is not the content of the target's act: it stays choosable."""
    text = "Albania denounced Serbia's crackdown in Montenegro and accused Montenegro of silence."
    doc = _doc(text)
    events = list(doc.events)
    denounced = next(e for e in events if e.type == "ACCUSE" and e.target.country == "SRB")
    by_code = {c.code: c for c in candidates(doc, denounced, events)}
    assert "MNE" in by_code and not by_code["MNE"].in_target_act
