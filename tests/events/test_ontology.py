"""The PLOVER ontology table (`parley.events.ontology`) against the reference facts in
../shared/eval/plover/PLOVER-TYPES.md, and every trigger row against the ontology."""

from __future__ import annotations

import re
from pathlib import Path

from parley.events.lexicon import TRIGGERS
from parley.events.ontology import CONTEXTS, MANUAL_CONTEXTS, MODES, PLOVER_TYPES, QUAD_CLASSES


def test_sixteen_types_each_with_a_quad_class_whose_sign_matches_its_score() -> None:
    assert len(PLOVER_TYPES) == 16
    for name, info in PLOVER_TYPES.items():
        assert info.quad_class in QUAD_CLASSES, name
        assert (info.score > 0) == (info.quad_class in (1, 2)), name


def test_goldstein_and_quad_class_follow_the_reference_table(shared: Path) -> None:
    text = (shared / "eval" / "plover" / "PLOVER-TYPES.md").read_text(encoding="utf-8")
    scale = text.split("**Goldstein scale by CAMEO root**", 1)[1].split("QuadClass", 1)[0]
    goldstein = {root: float(value) for root, value in re.findall(r"\b(\d\d) (-?\d+(?:\.\d+)?)", scale)}
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| ([A-Z]+) \| ([a-z ]+) \|", text, re.MULTILINE)}
    for name, info in PLOVER_TYPES.items():
        assert info.goldstein == goldstein[info.cameo_root], name
        if name not in ("SANCTION",):  # the manual calls SANCTION verbal in one table: see ontology.py
            assert QUAD_CLASSES[info.quad_class] == rows[name], name
    assert len(MANUAL_CONTEXTS) == 37


def test_every_trigger_row_mode_and_context_is_in_the_ontology() -> None:
    for t in TRIGGERS:
        assert t.type in PLOVER_TYPES, t
        assert t.mode is None or t.mode in MODES[t.type], t
        assert t.context is None or t.context in CONTEXTS, t
