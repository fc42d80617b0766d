"""The event lexicon: which words trigger which PLOVER event, and where their target is.

Each `Trigger` is one reviewable row. `lemma` is matched against spaCy lemmas; `particle` is a
preposition/particle the verb must carry ("call on" vs "call for"); `objects` says where the
target sits: "dobj" (direct object), or a preposition whose object is the target ("with", "on",
"against", "to", "from", "at", "upon"). `needs_object` limits a noun or verb to a class of objects
(e.g. "impose" only counts with "sanctions"). The CAMEO code is the one exported for GDELT users.
Types, quad classes and scores follow ../shared/eval/plover/PLOVER-TYPES.md; where the manual is
inconsistent we document the choice in `PLOVER_TYPES` below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class TypeInfo:
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    score: float  # PLOVER cooperation-conflict score
    cameo_root: str
    goldstein: float
    symmetric: bool = False  # either direction counts (scoring and merging)


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


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN
    type: str
    cameo: str
    objects: tuple[str, ...] = ("dobj",)
    particle: str | None = None  # required particle/preposition on the verb
    mode: str | None = None
    context: str | None = None
    needs_object: tuple[str, ...] = ()  # the direct object's lemma must be one of these
    light_verbs: tuple[str, ...] = ()  # for nouns: extra verbs that make the noun an occurrence
    subject_is_target: bool = False  # "X was visited by"... handled by passive; this is for "host"


V, N = "VERB", "NOUN"
WITH = ("with",)
TO = ("to",)

TRIGGERS: tuple[Trigger, ...] = (
    # --- CONSULT ---------------------------------------------------------------------------
    Trigger("meet", V, "CONSULT", "043", ("dobj", "with"), mode="in-person"),
    Trigger("talk", V, "CONSULT", "040", ("with", "to"), mode=None),
    Trigger("speak", V, "CONSULT", "040", ("with", "to"), mode=None),
    Trigger("confer", V, "CONSULT", "040", WITH),
    Trigger("consult", V, "CONSULT", "040", ("dobj", "with")),
    Trigger("negotiate", V, "CONSULT", "046", WITH),
    Trigger("discuss", V, "CONSULT", "040", WITH),
    Trigger("visit", V, "CONSULT", "042", ("dobj",), mode="visit"),
    Trigger("host", V, "CONSULT", "043", ("dobj",), mode="visit"),
    Trigger("receive", V, "CONSULT", "043", ("dobj",), mode="visit", needs_object=("delegation", "counterpart", "minister", "president", "envoy", "ambassador", "secretary", "leader", "premier", "chancellor", "king", "emir", "prince")),
    Trigger("phone", V, "CONSULT", "041", ("dobj",), mode="phone"),
    Trigger("telephone", V, "CONSULT", "041", ("dobj",), mode="phone"),
    Trigger("call", V, "CONSULT", "041", ("dobj",), mode="phone"),
    Trigger("meeting", N, "CONSULT", "043", WITH + ("between",), mode="in-person"),
    Trigger("talk", N, "CONSULT", "040", WITH + ("between",)),
    Trigger("negotiation", N, "CONSULT", "046", WITH + ("between",)),
    Trigger("consultation", N, "CONSULT", "040", WITH + ("between",)),
    Trigger("dialogue", N, "CONSULT", "040", WITH + ("between",)),
    Trigger("summit", N, "CONSULT", "043", WITH + ("between",), mode="in-person"),
    Trigger("conversation", N, "CONSULT", "040", WITH + ("between",)),
    Trigger("call", N, "CONSULT", "041", WITH + ("between", "to"), mode="phone"),
    Trigger("videoconference", N, "CONSULT", "040", WITH + ("between",), mode="video"),
    Trigger("teleconference", N, "CONSULT", "040", WITH + ("between",), mode="video"),
    Trigger("conference", N, "CONSULT", "040", WITH + ("between",), mode="in-person"),
    Trigger("visit", N, "CONSULT", "042", TO, mode="visit"),
    Trigger("trip", N, "CONSULT", "042", TO, mode="visit"),
    # --- REQUEST -----------------------------------------------------------------------------
    Trigger("call", V, "REQUEST", "100", ("on", "upon"), particle="on"),
    Trigger("call", V, "REQUEST", "100", ("on", "upon"), particle="upon"),
    Trigger("call", V, "REQUEST", "100", (), particle="for"),
    Trigger("urge", V, "REQUEST", "100"),
    Trigger("ask", V, "REQUEST", "100"),
    Trigger("request", V, "REQUEST", "100", ("dobj", "from")),
    Trigger("demand", V, "REQUEST", "100", ("dobj", "from")),
    Trigger("press", V, "REQUEST", "100"),
    Trigger("appeal", V, "REQUEST", "100", TO),
    Trigger("implore", V, "REQUEST", "100"),
    Trigger("plead", V, "REQUEST", "100", WITH),
    Trigger("demand", N, "REQUEST", "100", ("on", "from")),
    Trigger("appeal", N, "REQUEST", "100", TO),
    # --- ACCUSE ------------------------------------------------------------------------------
    Trigger("accuse", V, "ACCUSE", "112"),
    Trigger("blame", V, "ACCUSE", "112", ("dobj", "on")),
    Trigger("criticize", V, "ACCUSE", "111"),
    Trigger("criticise", V, "ACCUSE", "111"),
    Trigger("condemn", V, "ACCUSE", "111"),
    Trigger("denounce", V, "ACCUSE", "111"),
    Trigger("slam", V, "ACCUSE", "111"),
    Trigger("rebuke", V, "ACCUSE", "111"),
    Trigger("censure", V, "ACCUSE", "111"),
    Trigger("chastise", V, "ACCUSE", "111"),
    Trigger("allege", V, "ACCUSE", "112", ()),
    Trigger("investigate", V, "ACCUSE", "092", context="legal"),
    Trigger("probe", V, "ACCUSE", "092", context="legal"),
    Trigger("accusation", N, "ACCUSE", "112", ("against",)),
    Trigger("criticism", N, "ACCUSE", "111", ("of",)),
    # --- AGREE -------------------------------------------------------------------------------
    Trigger("agree", V, "AGREE", "030", WITH),
    Trigger("sign", V, "AGREE", "057", WITH, needs_object=("agreement", "deal", "treaty", "accord", "pact", "memorandum", "contract", "declaration", "protocol")),
    Trigger("pledge", V, "AGREE", "030", TO),
    Trigger("promise", V, "AGREE", "030", ("dobj", "to")),
    Trigger("offer", V, "AGREE", "030", ("dative", "to")),
    Trigger("vow", V, "AGREE", "030", TO),
    Trigger("commit", V, "AGREE", "030", TO),
    Trigger("accept", V, "AGREE", "030", ()),
    Trigger("agreement", N, "AGREE", "057", WITH + ("between",), light_verbs=("sign", "reach", "conclude", "strike", "seal", "ink")),
    Trigger("deal", N, "AGREE", "057", WITH + ("between",), light_verbs=("sign", "reach", "conclude", "strike", "seal", "ink")),
    Trigger("treaty", N, "AGREE", "057", WITH + ("between",), light_verbs=("sign", "conclude", "ratify", "ink")),
    # --- COOPERATE ---------------------------------------------------------------------------
    Trigger("cooperate", V, "COOPERATE", "060", WITH),
    Trigger("collaborate", V, "COOPERATE", "060", WITH),
    Trigger("partner", V, "COOPERATE", "060", WITH),
    Trigger("exercise", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military"),
    Trigger("drill", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military"),
    Trigger("patrol", N, "COOPERATE", "062", WITH + ("between",), mode="joint patrol", context="military"),
    Trigger("relation", N, "COOPERATE", "064", WITH + ("between",), context="diplomatic", light_verbs=("establish", "restore", "normalize", "normalise", "resume")),
    Trigger("tie", N, "COOPERATE", "064", WITH + ("between",), context="diplomatic", light_verbs=("establish", "restore", "normalize", "normalise", "resume")),
    # --- SUPPORT -----------------------------------------------------------------------------
    Trigger("support", V, "SUPPORT", "051"),
    Trigger("back", V, "SUPPORT", "051"),
    Trigger("endorse", V, "SUPPORT", "051"),
    Trigger("praise", V, "SUPPORT", "051"),
    Trigger("commend", V, "SUPPORT", "051"),
    Trigger("hail", V, "SUPPORT", "051"),
    Trigger("applaud", V, "SUPPORT", "051"),
    Trigger("welcome", V, "SUPPORT", "051"),
    Trigger("thank", V, "SUPPORT", "051"),
    Trigger("apologize", V, "SUPPORT", "055", TO),
    Trigger("apologise", V, "SUPPORT", "055", TO),
    Trigger("defend", V, "SUPPORT", "051"),
    Trigger("support", N, "SUPPORT", "051", ("for",), light_verbs=("express", "voice", "reaffirm", "offer", "pledge", "declare")),
    # --- AID ---------------------------------------------------------------------------------
    Trigger("aid", V, "AID", "070"),
    Trigger("assist", V, "AID", "070"),
    Trigger("donate", V, "AID", "070", TO),
    Trigger("provide", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "help", "support", "weapon", "arms", "loan", "fund", "funding", "supply", "ammunition", "equipment", "vaccine", "food", "relief", "money", "grant", "missile", "tank")),
    Trigger("send", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "help", "weapon", "arms", "supply", "ammunition", "equipment", "vaccine", "food", "relief", "money", "missile", "tank")),
    Trigger("deliver", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "weapon", "arms", "supply", "ammunition", "equipment", "vaccine", "food", "relief", "missile", "tank")),
    Trigger("give", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "weapon", "arms", "loan", "money", "grant", "fund")),
    Trigger("grant", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "loan", "money", "fund", "asylum")),
    Trigger("aid", N, "AID", "070", TO + ("for",), light_verbs=("provide", "send", "deliver", "give", "grant", "ship", "dispatch", "announce")),
    # --- CONCEDE -----------------------------------------------------------------------------
    Trigger("ease", V, "CONCEDE", "081", ("on",), needs_object=("sanction", "restriction", "embargo", "blockade", "ban", "curb")),
    Trigger("lift", V, "CONCEDE", "081", ("on",), needs_object=("sanction", "restriction", "embargo", "blockade", "ban", "curb", "curfew")),
    Trigger("yield", V, "CONCEDE", "083", TO),
    Trigger("concede", V, "CONCEDE", "083", TO),
    Trigger("relent", V, "CONCEDE", "083", TO),
    # --- RETREAT -----------------------------------------------------------------------------
    Trigger("withdraw", V, "RETREAT", "087", ("from",), mode="withdraw"),
    Trigger("retreat", V, "RETREAT", "087", ("from",), mode="withdraw"),
    Trigger("pull", V, "RETREAT", "087", ("from",), particle="out", mode="withdraw"),
    Trigger("release", V, "RETREAT", "0841", ("to",), mode="release", needs_object=("prisoner", "hostage", "detainee", "captive", "soldier", "sailor", "citizen", "national", "journalist", "crew", "fisherman", "activist", "worker", "tourist")),
    Trigger("free", V, "RETREAT", "0841", ("to",), mode="release", needs_object=("prisoner", "hostage", "detainee", "captive", "soldier", "sailor", "citizen", "national", "journalist", "crew", "fisherman")),
    Trigger("disarm", V, "RETREAT", "085", (), mode="disarm"),
    Trigger("withdrawal", N, "RETREAT", "087", ("from",), mode="withdraw"),
    Trigger("ceasefire", N, "RETREAT", "087", WITH, mode="ceasefire", light_verbs=("declare", "announce", "observe", "agree")),
    # --- REJECT ------------------------------------------------------------------------------
    Trigger("reject", V, "REJECT", "120"),
    Trigger("refuse", V, "REJECT", "120"),
    Trigger("rebuff", V, "REJECT", "120"),
    Trigger("dismiss", V, "REJECT", "120"),
    Trigger("veto", V, "REJECT", "120"),
    Trigger("turn", V, "REJECT", "120", particle="down"),
    Trigger("deny", V, "REJECT", "120"),
    Trigger("decline", V, "REJECT", "120"),
    # --- THREATEN ----------------------------------------------------------------------------
    Trigger("threaten", V, "THREATEN", "130"),
    Trigger("warn", V, "THREATEN", "130", ("dobj", "of")),
    Trigger("threat", N, "THREATEN", "130", ("against", "to")),
    Trigger("ultimatum", N, "THREATEN", "139", TO),
    # --- PROTEST -----------------------------------------------------------------------------
    Trigger("protest", V, "PROTEST", "140", ("against", "dobj"), mode="demo"),
    Trigger("demonstrate", V, "PROTEST", "141", ("against",), mode="demo"),
    Trigger("rally", V, "PROTEST", "141", ("against",), mode="demo"),
    Trigger("march", V, "PROTEST", "141", ("against", "on"), mode="demo"),
    Trigger("riot", V, "PROTEST", "145", ("against",), mode="riot"),
    Trigger("boycott", V, "PROTEST", "143", ("dobj",), mode="boycott"),
    Trigger("protest", N, "PROTEST", "140", ("against", "outside", "at"), mode="demo"),
    Trigger("demonstration", N, "PROTEST", "141", ("against", "outside", "at"), mode="demo"),
    # --- SANCTION ----------------------------------------------------------------------------
    Trigger("sanction", V, "SANCTION", "163"),
    Trigger("embargo", V, "SANCTION", "163"),
    Trigger("expel", V, "SANCTION", "1663", ("from",), mode="expel", needs_object=("diplomat", "ambassador", "envoy", "attache", "staff", "official")),
    Trigger("recall", V, "SANCTION", "161", ("from",), mode="withdraw", needs_object=("ambassador", "envoy", "diplomat")),
    Trigger("sever", V, "SANCTION", "161", WITH, mode="discontinue", needs_object=("tie", "relation", "link")),
    Trigger("cut", V, "SANCTION", "161", WITH, mode="discontinue", needs_object=("tie", "relation", "link", "aid")),
    Trigger("suspend", V, "SANCTION", "166", WITH, mode="discontinue", needs_object=("aid", "talk", "cooperation", "tie", "relation", "trade", "flight", "agreement", "deal", "dialogue", "exchange", "contact")),
    Trigger("sanction", N, "SANCTION", "163", ("on", "against"), light_verbs=("impose", "slap", "announce", "levy", "extend", "tighten", "approve", "unveil")),
    Trigger("embargo", N, "SANCTION", "163", ("on", "against"), light_verbs=("impose", "announce", "extend")),
    Trigger("tariff", N, "SANCTION", "163", ("on",), context="economic", light_verbs=("impose", "slap", "announce", "levy", "raise")),
    # --- MOBILIZE ----------------------------------------------------------------------------
    Trigger("mobilize", V, "MOBILIZE", "150", ("against",), mode="troops"),
    Trigger("mobilise", V, "MOBILIZE", "150", ("against",), mode="troops"),
    Trigger("deploy", V, "MOBILIZE", "150", ("to", "near", "along", "against"), mode="troops", needs_object=("troop", "soldier", "force", "warship", "ship", "carrier", "missile", "jet", "fighter", "bomber", "tank", "unit", "battalion", "brigade", "division", "destroyer", "submarine", "battery", "system")),
    Trigger("mass", V, "MOBILIZE", "150", ("on", "near", "along"), mode="troops", needs_object=("troop", "soldier", "force", "tank")),
    # --- COERCE ------------------------------------------------------------------------------
    Trigger("arrest", V, "COERCE", "173", mode="arrest"),
    Trigger("detain", V, "COERCE", "173", mode="arrest"),
    Trigger("jail", V, "COERCE", "173", mode="arrest"),
    Trigger("imprison", V, "COERCE", "173", mode="arrest"),
    Trigger("seize", V, "COERCE", "171", mode="seize"),
    Trigger("confiscate", V, "COERCE", "171", mode="seize"),
    Trigger("deport", V, "COERCE", "174", mode="deport"),
    Trigger("censor", V, "COERCE", "175", mode="censor"),
    Trigger("blockade", V, "COERCE", "1721", mode="restrict"),
    Trigger("hack", V, "COERCE", "176", mode="cyber", context="cyber"),
    Trigger("cyberattack", N, "COERCE", "176", ("on", "against"), mode="cyber", context="cyber", light_verbs=("launch", "carry", "conduct", "stage", "mount")),
    # --- ASSAULT -----------------------------------------------------------------------------
    Trigger("attack", V, "ASSAULT", "190"),
    Trigger("bomb", V, "ASSAULT", "195", mode="aerial"),
    Trigger("shell", V, "ASSAULT", "194", mode="heavy-weapons"),
    Trigger("strike", V, "ASSAULT", "190"),
    Trigger("invade", V, "ASSAULT", "192", mode="heavy-weapons", context="territory"),
    Trigger("kill", V, "ASSAULT", "190"),
    Trigger("shoot", V, "ASSAULT", "190", ("dobj", "at"), mode="firearms"),
    Trigger("fire", V, "ASSAULT", "190", ("at", "on", "into"), needs_object=("missile", "rocket", "shell", "shot", "round", "mortar", "drone", "artillery", "bullet")),
    Trigger("assassinate", V, "ASSAULT", "186", mode="assassinate"),
    Trigger("abduct", V, "ASSAULT", "181", mode="abduct"),
    Trigger("kidnap", V, "ASSAULT", "181", mode="abduct"),
    Trigger("torture", V, "ASSAULT", "182", mode="torture"),
    Trigger("raid", V, "ASSAULT", "190"),
    Trigger("ambush", V, "ASSAULT", "190"),
    Trigger("clash", V, "ASSAULT", "190", WITH),
    Trigger("fight", V, "ASSAULT", "190", ("dobj", "with", "against")),
    Trigger("attack", N, "ASSAULT", "190", ("on", "against"), light_verbs=("launch", "carry", "conduct", "stage", "mount", "claim")),
    Trigger("airstrike", N, "ASSAULT", "195", ("on", "against"), mode="aerial", light_verbs=("launch", "carry", "conduct", "order")),
    Trigger("strike", N, "ASSAULT", "190", ("on", "against"), light_verbs=("launch", "carry", "conduct", "order")),
    Trigger("invasion", N, "ASSAULT", "192", ("of",), mode="heavy-weapons", context="territory", light_verbs=("launch", "begin", "start")),
    Trigger("bombardment", N, "ASSAULT", "195", ("of",), mode="heavy-weapons"),
)

# Verbs that make an event noun an occurrence ("held talks", "had a call", "attended the
# meeting"). A noun without one of these, a possessor or a time/place adjunct is a topic, not an
# event ("promoting many visits").
OCCURRENCE_VERBS = frozenset(
    "have hold conduct make pay attend host join begin start open resume conclude end wrap "
    "convene chair organize organise arrange take undertake complete finish co-host cohost "
    "participate take_part".split()
)
# Words that mark a CONSULT's mode when they modify it.
MODE_WORDS = {
    "online": "video", "virtual": "video", "video": "video", "videoconference": "video",
    "video-link": "video", "videolink": "video", "teleconference": "video",
    "phone": "phone", "telephone": "phone", "telephonic": "phone",
    "joint": None,
}

_BY_KEY: dict[tuple[str, str], list[Trigger]] = {}
for _t in TRIGGERS:
    _BY_KEY.setdefault((_t.lemma, _t.pos), []).append(_t)


def triggers_for(lemma: str, pos: str) -> list[Trigger]:
    return _BY_KEY.get((lemma.lower(), "VERB" if pos in ("VERB", "AUX") else "NOUN" if pos in ("NOUN", "PROPN") else pos), [])


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern[str]:
    """A cheap surface pattern over every trigger's inflected forms, for candidate selection."""
    stems = sorted({t.lemma for t in TRIGGERS}, key=len, reverse=True)
    # Lemma prefixes catch inflections (met/meets/meeting are covered by irregular forms below).
    irregular = ["met", "spoke", "spoken", "sent", "gave", "given", "fought", "shot", "struck", "froze", "held", "paid", "sought", "withdrew", "withdrawn", "bought"]
    parts = [re.escape(s[:-1]) + r"\w*" if len(s) > 4 and s.endswith("e") else re.escape(s) + r"\w*" for s in stems]
    return re.compile(r"\b(?:" + "|".join(parts + irregular) + r")\b", re.IGNORECASE)
