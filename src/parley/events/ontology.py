"""The PLOVER ontology: event types with their quad class, score, CAMEO root and Goldstein value,
the modes and contexts an event may carry. Facts from ../shared/eval/plover/PLOVER-TYPES.md (the
PLOVER manual, draft 2.0, and the NGEC codebook); where the manual is inconsistent, the choice is
documented next to the row. Mostly a data table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeInfo:
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    score: float  # PLOVER cooperation-conflict score
    cameo_root: str
    goldstein: float
    symmetric: bool = False  # either direction counts (scoring and merging)


QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# SANCTION: the manual calls it verbal conflict in one table and material in another; we use
# material conflict (4), as GDELT's QuadClass for CAMEO 16 does. ACCUSE: the manual gives +3 for
# the type while its modes score negative; we use -3 (an accusation is conflictual).
PLOVER_TYPES: dict[str, TypeInfo] = {
    "AGREE": TypeInfo(1, 2.5, "03", 4.0, symmetric=True),
    "CONSULT": TypeInfo(1, 2.5, "04", 1.0, symmetric=True),
    "SUPPORT": TypeInfo(1, 5.0, "05", 3.5),
    "CONCEDE": TypeInfo(1, 4.5, "08", 5.0),
    "COOPERATE": TypeInfo(2, 9.5, "06", 6.0, symmetric=True),
    "AID": TypeInfo(2, 10.0, "07", 7.0),
    "RETREAT": TypeInfo(2, 6.5, "08", 5.0),
    "REQUEST": TypeInfo(3, 0.0, "10", -5.0),
    "ACCUSE": TypeInfo(3, -3.0, "11", -2.0),
    "REJECT": TypeInfo(3, -2.0, "12", -4.0),
    "THREATEN": TypeInfo(3, -3.5, "13", -6.0),
    "PROTEST": TypeInfo(4, -5.0, "14", -6.5),
    "SANCTION": TypeInfo(4, -6.0, "16", -4.0),
    "MOBILIZE": TypeInfo(4, -5.5, "15", -7.2),
    "COERCE": TypeInfo(4, -7.0, "17", -7.0),
    "ASSAULT": TypeInfo(4, -9.0, "18", -9.0),
}


# The manual's modes per type, and the ones parley adds (a CONSULT's medium and mediation, joint
# military activity, bans and destruction as coercion).
MANUAL_MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "rights", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "assassinate", "execute", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional", "cleansing", "massacre"),
}
PARLEY_MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("in-person", "video", "mediate"),
    "COOPERATE": ("joint exercise", "joint patrol"),
    "COERCE": ("ban", "destroy"),
}
MODES: dict[str, frozenset[str]] = {t: frozenset(MANUAL_MODES.get(t, ()) + PARLEY_MODES.get(t, ())) for t in PLOVER_TYPES}

MANUAL_CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
    "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
    "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum",
    "migration", "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
)
# Contexts parley's trigger rows use beyond the manual's 37 (aid deliveries, party politics).
PARLEY_CONTEXTS = ("humanitarian", "political")
CONTEXTS = frozenset(MANUAL_CONTEXTS + PARLEY_CONTEXTS)


def pair_key(type_: str, source: str | None, target: str | None) -> tuple[str | None, str | None]:
    """An event's pair of country codes as one event is told apart from another: in either order
    for a symmetric type (sorted, an absent side first), as written for the others."""
    if PLOVER_TYPES[type_].symmetric:
        return tuple(sorted((source, target), key=lambda x: x or ""))  # type: ignore[return-value]
    return source, target
