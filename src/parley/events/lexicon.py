"""The event lexicon: which words trigger which PLOVER event, and where their target is.

Each `Trigger` is one reviewable row. `lemma` is matched against spaCy lemmas; `particle` is a
preposition/particle the verb must carry ("call on" vs "call for"); `objects` says where the
target sits: "dobj" (direct object), or a preposition whose object is the target ("with", "on",
"against", "to", "from", "at", "upon"). `needs_object` limits a noun or verb to a class of objects
(e.g. "impose" only counts with "sanctions"). The CAMEO code is the one exported for GDELT users.
The PLOVER types themselves (quad classes, scores, CAMEO roots, Goldstein, modes, contexts) are in
`parley.events.ontology`; `PLOVER_TYPES` is imported here for the modules that read it from the
lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .coding import Coding
from .ontology import PLOVER_TYPES  # noqa: F401 (also read from here by modules outside events)


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
    # For nouns (and verbs' objects): a modifier lemma that must / must not be present, to tell
    # "hunger strike" (PROTEST) from "air strike" (ASSAULT), "joint patrol" from "police patrol".
    needs_modifier: tuple[str, ...] = ()
    forbids_modifier: tuple[str, ...] = ()
    # The subject's head lemma must / must not be one of these: "tanks arrived in Ukraine" is a
    # delivery (AID), "the minister arrived in Kyiv" a visit (CONSULT).
    needs_subject: tuple[str, ...] = ()
    forbids_subject: tuple[str, ...] = ()
    # A "from" object that rules the reading out ("withdrew from the treaty" is no retreat).
    forbids_from: tuple[str, ...] = ()
    # A direct object that rules the reading out: "released a statement" frees no one.
    forbids_object: tuple[str, ...] = ()
    # The verb's clausal complement must be one of these verbs ("ordered the paper to suspend
    # publication" is censorship, "ordered the army to withdraw" a request).
    needs_complement: tuple[str, ...] = ()
    # Some prepositional object of the verb must be one of these ("held civilians as shields").
    needs_pobj: tuple[str, ...] = ()
    # The particle must stand alone, with no object of its own: "the government gave in" yields,
    # "gave in his resignation letter" hands something over.
    particle_alone: bool = False
    # A that-clause stating a fact rules the reading out: "insisted that the canal is not up for
    # discussion" asserts; "insisted that the North give up its weapons" demands.
    forbids_statement: bool = False


V, N = "VERB", "NOUN"
# Measures that "order" introduces as their light verb ("ordered sanctions on"): no request.
ORDERED_MEASURES = ("tariff", "duty", "sanction", "embargo")
# What a trade ban or duty falls on (object lemmas): goods and the trade in them.
TRADED_GOODS = ("import", "export", "trade", "good", "product", "produce", "app", "food", "seafood", "fish", "meat", "beef",
                "pork", "poultry", "wine", "grain", "wheat", "barley", "rice", "fruit", "vegetable", "timber", "coal", "steel",
                "oil", "sale", "shipment", "investment", "commodity", "cargo")
# Things a government "releases" that are no person set free: publications, data, substances, money.
_PUBLISHED = ("statement", "report", "document", "video", "footage", "data", "figure", "result", "detail", "image", "photo",
              "photograph", "picture", "transcript", "recording", "audio", "list", "information", "record", "file", "paper",
              "study", "survey", "poll", "book", "album", "film", "song", "version", "update", "budget", "forecast", "plan",
              "guideline", "guidance", "roadmap", "communique", "letter", "note", "memo", "text", "draft", "water", "gas",
              "oil", "emission", "chemical", "fund", "money", "cash", "tranche", "payment", "reserve", "stock", "balloon")
# Things and people a state sends to help another: when they "arrive" somewhere, that is the
# delivery of aid (CAMEO 07), not a visit.
# Equipment a state gives another ("handed a patrol boat to Palau", "delivered two helicopters").
_MATERIEL = ("boat", "ship", "vessel", "aircraft", "plane", "helicopter", "jet", "vehicle", "truck", "ambulance", "drone", "radar", "bomber", "fighter", "frigate", "corvette")
# People a state sends back to their own ("returned 14 Thai fishermen"): a release (RETREAT).
_RETURNED_PEOPLE = ("fisherman", "fishermen", "sailor", "crew", "crewman", "seaman", "migrant", "national", "citizen", "soldier", "detainee", "captive", "worker", "tourist", "student", "pilot")
# Where a firing exercise puts its rounds: open water, not a target ("into the sea off Taiwan").
_OPEN_WATERS = ("water", "waters", "sea", "ocean", "strait", "gulf", "bay")
# Verbs that tell an accord reached (not signed): its noun is the AGREE.
_SETTLE = ("reach", "conclude", "strike", "seal", "announce", "agree", "clinch", "finalize", "finalise", "hammer")
_DOCUMENTS = ("deal", "agreement", "treaty", "accord", "pact", "convention", "protocol", "talks", "negotiation", "organization", "organisation", "council", "body", "race", "election", "competition")
_PROJECTILES = ("drone", "missile", "rocket", "projectile", "shell", "mortar", "grenade", "bomb", "torpedo", "artillery", "salvo", "barrage")
_DELIVERED = ("tank", "howitzer", "artillery", "drone", "munition", "weapon", "missile", "ammunition", "shell", "shipment", "consignment", "aid", "equipment",
              "system", "battery", "jet", "fighter", "aircraft", "helicopter", "vehicle", "convoy", "supply",
              "delivery", "troop", "soldier", "instructor", "trainer", "adviser", "advisor", "peacekeeper",
              "personnel", "force", "contingent", "vaccine", "medicine", "food", "relief")
# News outlets a government can silence, and the verbs that silence them (COERCE censor).
_MEDIA_OUTLETS = ("newspaper", "paper", "daily", "weekly", "magazine", "station", "radio", "television", "broadcaster", "channel", "outlet", "publication", "website")
_STOP_VERBS = ("suspend", "stop", "cease", "close", "halt", "shut", "end")
# People whose being sent somewhere is an inquiry (CAMEO 09): inspectors, not observers of a vote.
_INSPECTORS = ("inspector", "investigator", "inspection", "fact-finder")
WITH = ("with",)
# Verbs that start or carry out a joint exercise or patrol, beside the occurrence verbs ("launched joint
# patrols", "staged drills", "carried out a joint exercise").
JOINT_ACTIVITY_VERBS = ("launch", "stage", "carry")
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
    # PLOVER's REQUEST joins CAMEO's APPEAL (02: call for, urge, ask) and DEMAND (10: demand,
    # press, insist): the trigger keeps which, so GDELT users get the code and Goldstein score.
    Trigger("call", V, "REQUEST", "020", ("on", "upon"), particle="on"),
    Trigger("call", V, "REQUEST", "020", ("on", "upon"), particle="upon"),
    Trigger("call", V, "REQUEST", "020", (), particle="for"),
    Trigger("urge", V, "REQUEST", "020"),
    Trigger("ask", V, "REQUEST", "020"),
    Trigger("request", V, "REQUEST", "020", ("dobj", "from")),
    Trigger("demand", V, "REQUEST", "100", ("dobj", "from")),
    Trigger("press", V, "REQUEST", "100"),
    Trigger("appeal", V, "REQUEST", "020", TO),
    Trigger("implore", V, "REQUEST", "020"),
    Trigger("plead", V, "REQUEST", "020", WITH),
    Trigger("demand", N, "REQUEST", "100", ("on", "from")),
    Trigger("appeal", N, "REQUEST", "020", TO),
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
    Trigger("accusation", N, "ACCUSE", "112", ("against",), light_verbs=("exchange", "trade")),
    Trigger("criticism", N, "ACCUSE", "111", ("of",)),
    # --- AGREE -------------------------------------------------------------------------------
    Trigger("agree", V, "AGREE", "030", WITH + ("on", "upon", "to")),
    Trigger("sign", V, "SUPPORT", "057", WITH, needs_object=("agreement", "deal", "treaty", "accord", "pact", "memorandum", "contract", "declaration", "protocol")),
    Trigger("pledge", V, "AGREE", "030", TO),
    Trigger("promise", V, "AGREE", "030", ("dobj", "to")),
    Trigger("offer", V, "AGREE", "030", ("dative", "to")),
    Trigger("vow", V, "AGREE", "030", TO),
    Trigger("commit", V, "AGREE", "030", TO),
    Trigger("accept", V, "AGREE", "030", ()),
    # "reached / struck / announced a deal" is AGREE, "signed" one SUPPORT (manual, section 3)
    Trigger("agreement", N, "AGREE", "030", WITH + ("between",), light_verbs=_SETTLE),
    Trigger("agreement", N, "SUPPORT", "057", WITH + ("between",), light_verbs=("sign", "ink")),
    Trigger("deal", N, "AGREE", "030", WITH + ("between",), light_verbs=_SETTLE),
    Trigger("deal", N, "SUPPORT", "057", WITH + ("between",), light_verbs=("sign", "ink")),
    Trigger("accord", N, "AGREE", "030", WITH + ("between",), light_verbs=_SETTLE),
    Trigger("accord", N, "SUPPORT", "057", WITH + ("between",), light_verbs=("sign", "ink")),
    Trigger("pact", N, "AGREE", "030", WITH + ("between",), light_verbs=_SETTLE),
    Trigger("pact", N, "SUPPORT", "057", WITH + ("between",), light_verbs=("sign", "ink")),
    # "reached a consensus / an understanding": an agreement without a document
    Trigger("consensus", N, "AGREE", "030", WITH + ("between", "on"), light_verbs=("reach", "achieve", "forge", "find")),
    Trigger("understanding", N, "AGREE", "030", WITH + ("between",), light_verbs=("reach", "achieve")),
    Trigger("treaty", N, "SUPPORT", "057", WITH + ("between",), light_verbs=("sign", "conclude", "ratify", "ink")),
    # --- COOPERATE ---------------------------------------------------------------------------
    Trigger("cooperate", V, "COOPERATE", "060", WITH),
    Trigger("collaborate", V, "COOPERATE", "060", WITH),
    Trigger("partner", V, "COOPERATE", "060", WITH),
    # joint exercises are also "launched", "staged" and "carried out" (beside the occurrence verbs)
    Trigger("exercise", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military", light_verbs=JOINT_ACTIVITY_VERBS),
    Trigger("drill", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military", light_verbs=JOINT_ACTIVITY_VERBS),
    Trigger("patrol", N, "COOPERATE", "062", WITH + ("between",), mode="joint patrol", context="military", needs_modifier=("joint",), light_verbs=JOINT_ACTIVITY_VERBS),
    Trigger("patrol", N, "MOBILIZE", "153", ("in", "along", "near"), mode="police", forbids_modifier=("joint",), light_verbs=("order", "step", "increase", "launch", "begin", "deploy", "intensify")),
    Trigger("relation", N, "SUPPORT", "054", WITH + ("between",), context="diplomatic", light_verbs=("establish", "restore", "normalize", "normalise", "resume", "upgrade")),
    Trigger("tie", N, "SUPPORT", "054", WITH + ("between",), context="diplomatic", light_verbs=("establish", "restore", "normalize", "normalise", "resume", "upgrade")),
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
    # "expressed solidarity with", "conveyed its gratitude to" (manual: thank, express solidarity)
    Trigger("solidarity", N, "SUPPORT", "051", ("with", "to", "for"), light_verbs=("express", "voice", "reaffirm", "declare", "show", "extend", "offer", "pledge")),
    Trigger("gratitude", N, "SUPPORT", "051", ("to", "for"), light_verbs=("express", "voice", "convey", "extend", "show")),
    Trigger("appreciation", N, "SUPPORT", "051", ("to", "for"), light_verbs=("express", "voice", "convey", "extend")),
    # --- AID ---------------------------------------------------------------------------------
    Trigger("aid", V, "AID", "070"),
    Trigger("assist", V, "AID", "070"),
    Trigger("donate", V, "AID", "070", TO),
    Trigger("provide", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "help", "support", "weapon", "arms", "loan", "fund", "funding", "supply", "ammunition", "equipment", "vaccine", "food", "relief", "money", "grant", "missile", "tank", "shelter", "asylum", "training")),
    # intelligence handed one way to a state at war is military aid (CAMEO 072); shared both
    # ways it is cooperation (064, "share" below)
    Trigger("provide", V, "AID", "072", TO + ("dative",), context="military", needs_object=("intelligence", "photograph", "imagery", "reconnaissance")),
    Trigger("send", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "help", "weapon", "arms", "supply", "ammunition", "equipment", "vaccine", "food", "relief", "money", "missile", "tank")),
    Trigger("deliver", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "weapon", "arms", "supply", "ammunition", "equipment", "vaccine", "food", "relief", "missile", "tank", "medicine") + _MATERIEL),
    Trigger("give", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "weapon", "arms", "loan", "money", "grant", "fund") + _MATERIEL),
    # "handed a patrol boat to Palau": materiel given (with "over", the row further down)
    Trigger("hand", V, "AID", "070", ("to", "dative"), needs_object=("aid", "supply", "equipment", "vaccine", "dose", "weapon") + _MATERIEL),
    Trigger("grant", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "loan", "money", "fund", "asylum")),
    # CAMEO 081 "ease administrative sanctions": clemency or a pardon for convicted people.
    Trigger("grant", V, "CONCEDE", "081", TO + ("dative",), context="legal", needs_object=("clemency", "pardon", "amnesty", "reprieve")),
    Trigger("aid", N, "AID", "070", TO + ("for",), light_verbs=("provide", "send", "deliver", "give", "grant", "ship", "dispatch", "announce", "rush", "airlift", "approve", "pledge", "channel")),
    # --- CONCEDE -----------------------------------------------------------------------------
    Trigger("ease", V, "RETREAT", "085", ("on",), needs_object=("sanction", "embargo", "blockade", "boycott"), context="economic"),
    Trigger("ease", V, "CONCEDE", "081", ("on", "in"), needs_object=("restriction", "ban", "curb", "curfew", "measure", "emergency", "control", "rule", "law")),
    Trigger("lift", V, "RETREAT", "085", ("on", "to", "against"), needs_object=("sanction", "embargo", "blockade", "boycott", "siege")),
    Trigger("lift", V, "CONCEDE", "081", ("on", "in", "against"), needs_object=("restriction", "ban", "curb", "curfew", "emergency", "measure", "law", "control", "rule")),
    Trigger("yield", V, "CONCEDE", "083", TO),
    Trigger("concede", V, "CONCEDE", "083", TO),
    Trigger("relent", V, "CONCEDE", "083", TO),
    # --- RETREAT -----------------------------------------------------------------------------
    # "withdrew the US from the nuclear deal" is not a military withdrawal (see _select)
    Trigger("withdraw", V, "RETREAT", "087", ("from",), mode="withdraw", forbids_from=_DOCUMENTS),
    Trigger("retreat", V, "RETREAT", "087", ("from",), mode="withdraw"),
    Trigger("pull", V, "RETREAT", "087", ("from",), particle="out", mode="withdraw"),
    Trigger("pull", V, "RETREAT", "087", ("from",), particle="back", mode="withdraw"),
    Trigger("release", V, "RETREAT", "0841", ("to",), mode="release", forbids_object=_PUBLISHED, needs_object=("prisoner", "hostage", "detainee", "captive", "soldier", "sailor", "citizen", "national", "journalist", "crew", "fisherman", "activist", "worker", "tourist")),
    Trigger("free", V, "RETREAT", "0841", ("to",), mode="release", forbids_object=_PUBLISHED, needs_object=("prisoner", "hostage", "detainee", "captive", "soldier", "sailor", "citizen", "national", "journalist", "crew", "fisherman")),
    Trigger("disarm", V, "RETREAT", "0873", (), mode="disarm"),
    Trigger("withdrawal", N, "RETREAT", "087", ("from",), mode="withdraw", light_verbs=("complete", "speed", "begin", "announce", "start", "order", "accelerate", "finish")),
    Trigger("ceasefire", N, "RETREAT", "0871", WITH, mode="ceasefire", light_verbs=("declare", "announce", "observe", "call")),
    Trigger("truce", N, "RETREAT", "0871", WITH, mode="ceasefire", light_verbs=("declare", "announce", "observe", "call")),
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
    Trigger("threaten", V, "THREATEN", "130", ("dobj", "against", "with")),
    Trigger("warn", V, "THREATEN", "130", ("dobj", "of")),
    Trigger("threat", N, "THREATEN", "130", ("against", "to"), light_verbs=("exchange", "trade")),
    Trigger("ultimatum", N, "THREATEN", "139", TO, light_verbs=("issue", "give", "deliver", "send", "present", "set")),
    # --- PROTEST -----------------------------------------------------------------------------
    Trigger("protest", V, "PROTEST", "140", ("against", "dobj", "outside", "at", "past"), mode="demo"),
    Trigger("demonstrate", V, "PROTEST", "141", ("against", "outside", "at", "past"), mode="demo"),
    Trigger("rally", V, "PROTEST", "141", ("against", "outside", "at", "past"), mode="demo"),
    Trigger("march", V, "PROTEST", "141", ("against", "on", "outside", "past"), mode="demo"),
    Trigger("riot", V, "PROTEST", "145", ("against",), mode="riot"),
    Trigger("boycott", V, "PROTEST", "143", ("dobj",), mode="boycott"),
    Trigger("protest", N, "PROTEST", "140", ("against", "outside", "at"), mode="demo", light_verbs=("stage", "hold", "organize", "organise", "lead", "call")),
    Trigger("demonstration", N, "PROTEST", "141", ("against", "outside", "at"), mode="demo", light_verbs=("stage", "hold", "organize", "organise", "lead", "call")),
    # --- SANCTION ----------------------------------------------------------------------------
    Trigger("sanction", V, "SANCTION", "163"),
    Trigger("embargo", V, "SANCTION", "163"),
    Trigger("expel", V, "SANCTION", "1663", ("from",), mode="expel", needs_object=("diplomat", "ambassador", "envoy", "attache", "staff", "official")),
    Trigger("recall", V, "SANCTION", "161", ("from",), mode="withdraw", needs_object=("ambassador", "envoy", "diplomat")),
    Trigger("sever", V, "SANCTION", "161", WITH, mode="discontinue", needs_object=("tie", "relation", "link")),
    Trigger("cut", V, "SANCTION", "161", WITH, mode="discontinue", needs_object=("tie", "relation", "link", "aid")),
    Trigger("suspend", V, "SANCTION", "166", WITH, mode="discontinue", needs_object=("aid", "talk", "cooperation", "tie", "relation", "trade", "flight", "agreement", "deal", "dialogue", "exchange", "contact")),
    Trigger("sanction", N, "SANCTION", "163", ("on", "against"), light_verbs=("impose", "slap", "announce", "levy", "extend", "tighten", "approve", "unveil", "order")),
    Trigger("embargo", N, "SANCTION", "163", ("on", "against"), light_verbs=("impose", "announce", "extend", "order")),
    Trigger("tariff", N, "SANCTION", "163", ("on",), context="economic", light_verbs=("impose", "slap", "announce", "levy", "raise", "order")),
    Trigger("duty", N, "SANCTION", "163", ("on",), context="economic", light_verbs=("impose", "slap", "levy", "order")),
    # --- MOBILIZE ----------------------------------------------------------------------------
    # Rallying lobbies, voters or public opinion is politics, not the mobilisation of forces.
    Trigger("mobilize", V, "MOBILIZE", "150", ("against",), mode="troops", forbids_object=("group", "supporter", "voter", "opinion", "resource", "fund", "support", "community", "public", "people", "youth", "member", "base", "constituency", "lobby")),
    Trigger("mobilise", V, "MOBILIZE", "150", ("against",), mode="troops", forbids_object=("group", "supporter", "voter", "opinion", "resource", "fund", "support", "community", "public", "people", "youth", "member", "base", "constituency", "lobby")),
    Trigger("deploy", V, "MOBILIZE", "150", ("to", "near", "along", "against"), mode="troops", needs_object=("troop", "soldier", "force", "warship", "ship", "carrier", "missile", "jet", "fighter", "bomber", "tank", "unit", "battalion", "brigade", "division", "destroyer", "submarine", "battery", "system", "officer", "police", "personnel", "peacekeeper", "reservist", "reinforcement", "policeman")),
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
    # "struck a deal", "strike a balance", "struck a conciliatory tone": no attack
    Trigger("strike", V, "ASSAULT", "190", forbids_object=("deal", "agreement", "accord", "pact", "bargain", "compromise", "balance", "tone", "note", "chord", "pose", "gold", "oil", "truce", "ceasefire", "arrangement")),
    Trigger("invade", V, "ASSAULT", "192", mode="heavy-weapons", context="territory"),
    Trigger("kill", V, "ASSAULT", "190"),
    Trigger("shoot", V, "ASSAULT", "190", ("dobj", "at"), mode="firearms"),
    # "fired missiles into the waters off Taiwan": a firing exercise at the target is MOBILIZE,
    # firing at it ASSAULT (manual, MOBILIZE near misses); before the ASSAULT rows, as more specific
    Trigger("fire", V, "MOBILIZE", "150", ("into", "toward", "towards", "near", "off", "over"), mode="weapons", needs_object=("missile", "rocket", "shell", "round", "artillery"), needs_pobj=_OPEN_WATERS),
    Trigger("launch", V, "MOBILIZE", "150", ("into", "toward", "towards", "near", "off", "over"), mode="weapons", needs_object=_PROJECTILES, needs_pobj=_OPEN_WATERS),
    Trigger("fire", V, "ASSAULT", "190", ("at", "on", "into"), needs_object=("missile", "rocket", "shell", "shot", "round", "mortar", "drone", "artillery", "bullet")),
    # CAMEO 056 forgive, under diplomatic cooperation.
    Trigger("forgive", V, "SUPPORT", "056", ("dobj",)),
    Trigger("assassinate", V, "ASSAULT", "186", mode="assassinate"),
    Trigger("abduct", V, "ASSAULT", "181", mode="abduct"),
    Trigger("kidnap", V, "ASSAULT", "181", mode="abduct"),
    Trigger("torture", V, "ASSAULT", "182", mode="torture"),
    Trigger("raid", V, "ASSAULT", "190"),
    Trigger("ambush", V, "ASSAULT", "190"),
    Trigger("clash", V, "ASSAULT", "190", WITH),
    Trigger("fight", V, "ASSAULT", "190", ("dobj", "with", "against")),
    Trigger("attack", N, "ASSAULT", "190", ("on", "against"), light_verbs=("launch", "carry", "conduct", "stage", "mount", "claim")),
    # "launched 300 drones and missiles at Israel", "fired rockets into Israel"
    Trigger("launch", V, "ASSAULT", "190", ("at", "against", "on", "toward", "towards", "into"), mode="heavy-weapons", needs_object=_PROJECTILES),
    Trigger("airstrike", N, "ASSAULT", "195", ("on", "against"), mode="aerial", light_verbs=("launch", "carry", "conduct", "order")),
    Trigger("strike", N, "ASSAULT", "190", ("on", "against"), light_verbs=("launch", "carry", "conduct", "order"), forbids_modifier=("hunger", "general", "labor", "labour", "national", "nationwide", "open-ended", "worker", "teacher", "day", "week", "rail", "transport")),
    Trigger("strike", N, "PROTEST", "143", ("against", "over", "at"), mode="strike", needs_modifier=("general", "labor", "labour", "national", "nationwide", "open-ended", "worker", "teacher", "day", "week", "rail", "transport", "four-day", "one-day", "indefinite", "24-hour", "48-hour")),
    Trigger("strike", N, "PROTEST", "142", ("against", "over", "at"), mode="hunger", needs_modifier=("hunger",)),
    Trigger("invasion", N, "ASSAULT", "192", ("of",), mode="heavy-weapons", context="territory", light_verbs=("launch", "begin", "start")),
    Trigger("bombardment", N, "ASSAULT", "195", ("of",), mode="heavy-weapons"),
    # --- broader coverage from the CAMEO -> PLOVER table's verbs (CAMEO2PLOVER-2021.txt) -----
    # CONSULT
    Trigger("arrive", V, "AID", "072", ("in", "at"), context="military", needs_subject=_DELIVERED),
    Trigger("arrive", V, "CONSULT", "042", ("in",), mode="visit", needs_object=(), forbids_subject=_DELIVERED),
    Trigger("mediate", V, "CONSULT", "045", ("between", "in"), context="diplomatic"),
    Trigger("mediation", N, "CONSULT", "045", ("between", "in"), context="diplomatic", light_verbs=("undertake", "launch", "begin", "conduct", "start", "resume", "renew")),
    Trigger("negotiation", N, "CONSULT", "046", WITH + ("between",), light_verbs=("renew", "resume", "open", "launch")),
    Trigger("welcome", N, "CONSULT", "043", ("to",), mode="visit", light_verbs=("give", "extend", "accord")),
    Trigger("host", N, "CONSULT", "043", ("to",), mode="visit", light_verbs=("play",)),
    # SUPPORT
    Trigger("forgive", V, "SUPPORT", "056"),
    Trigger("recognize", V, "SUPPORT", "054", context="diplomatic", needs_object=("independence", "government", "state", "statehood", "sovereignty", "republic", "regime", "country", "victory", "right", "result")),
    Trigger("recognise", V, "SUPPORT", "054", context="diplomatic", needs_object=("independence", "government", "state", "statehood", "sovereignty", "republic", "regime", "country", "victory", "right", "result")),
    Trigger("upgrade", V, "SUPPORT", "054", WITH, context="diplomatic", needs_object=("tie", "relation", "link")),
    Trigger("establish", V, "SUPPORT", "054", WITH, context="diplomatic", needs_object=("tie", "relation", "link")),
    Trigger("restore", V, "SUPPORT", "054", WITH, context="diplomatic", needs_object=("tie", "relation", "link")),
    Trigger("apology", N, "SUPPORT", "055", TO, light_verbs=("offer", "issue", "make", "extend")),
    Trigger("praise", N, "SUPPORT", "051", ("for",), light_verbs=("offer", "heap", "express")),
    # COOPERATE
    Trigger("share", V, "COOPERATE", "064", WITH, context="intelligence", needs_object=("information", "intelligence", "data", "expertise", "technology", "know-how", "experience", "resource", "evidence", "finding")),
    Trigger("exchange", V, "COOPERATE", "064", WITH, context="intelligence", needs_object=("information", "intelligence", "data", "expertise", "technology", "prisoner", "experience", "view")),
    Trigger("extradite", V, "COOPERATE", "063", ("to",), context="legal"),
    Trigger("cooperation", N, "COOPERATE", "060", WITH + ("between",), light_verbs=("step", "expand", "deepen", "boost", "strengthen", "begin", "launch", "increase")),
    Trigger("game", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military", needs_modifier=("war",), light_verbs=("launch", "hold", "stage", "conduct", "begin", "start")),
    Trigger("maneuver", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military", needs_modifier=("joint", "military", "naval")),
    # AID
    Trigger("hand", V, "AID", "070", ("to", "dative"), particle="over", needs_object=("aid", "medicine", "food", "supply", "equipment", "good", "vaccine", "money", "fund", "weapon", "relief", "kg", "ton", "tonne", "dose") + _MATERIEL),
    Trigger("contribute", V, "AID", "074", ("to",), needs_object=("troop", "soldier", "force", "fund", "money", "aid", "million", "billion", "peacekeeper")),
    Trigger("evacuate", V, "AID", "073", ("from",), context="humanitarian", needs_object=("wounded", "civilian", "refugee", "injured", "resident", "sick", "child", "people", "citizen", "national", "evacuee")),
    Trigger("asylum", N, "AID", "075", TO, context="asylum", light_verbs=("grant", "give", "offer", "provide")),
    Trigger("loan", N, "AID", "071", TO + ("for",), context="economic", light_verbs=("provide", "give", "grant", "extend", "approve", "offer")),
    Trigger("grant", N, "AID", "071", TO + ("for",), context="economic", light_verbs=("provide", "give", "offer", "award", "extend")),
    Trigger("assistance", N, "AID", "070", TO + ("for",), light_verbs=("provide", "send", "deliver", "give", "grant", "offer", "extend", "pledge")),
    # CONCEDE
    Trigger("accede", V, "CONCEDE", "083", TO),
    Trigger("accept", V, "CONCEDE", "083", ("from", "by"), needs_object=("demand", "condition", "term", "request", "ultimatum", "ruling", "judgment", "judgement", "verdict")),
    # the manual's yielding verbs (section 2.17): the party yielded to is the target
    Trigger("bow", V, "CONCEDE", "083", TO),
    Trigger("give", V, "CONCEDE", "083", TO, particle="in", particle_alone=True),
    Trigger("cave", V, "CONCEDE", "083", TO),
    Trigger("capitulate", V, "CONCEDE", "083", TO),
    Trigger("acquiesce", V, "CONCEDE", "083", TO + ("in",)),
    # dropping charges is clemency (section 2.17: CONCEDE, CAMEO 081)
    Trigger("drop", V, "CONCEDE", "081", ("against", "on"), needs_object=("charge", "case", "prosecution", "indictment", "fine")),
    Trigger("allow", V, "CONCEDE", "080", ("dobj",)),
    Trigger("permit", V, "CONCEDE", "080", ("dobj",)),
    Trigger("cancel", V, "CONCEDE", "081", ("on",), needs_object=("restriction", "ban", "curfew", "curb", "emergency", "decree", "law", "measure")),
    Trigger("scrap", V, "CONCEDE", "081", ("on",), needs_object=("restriction", "ban", "curfew", "curb", "emergency", "decree", "law", "measure")),
    Trigger("shorten", V, "CONCEDE", "081", ("in",), needs_object=("curfew",)),
    Trigger("relax", V, "CONCEDE", "081", ("on", "in"), needs_object=("restriction", "ban", "curfew", "curb", "emergency", "measure", "rule", "control")),
    Trigger("loosen", V, "CONCEDE", "081", ("on", "in"), needs_object=("restriction", "ban", "curfew", "curb", "emergency", "measure", "rule", "control", "grip")),
    # CAMEO 083 "accede to demands for political reform": a government widening its citizens'
    # freedoms ("took steps to enhance political freedoms", "expanded press freedom").
    *(Trigger(v, V, "CONCEDE", "083", ("in", "for"), context="political", needs_object=("freedom", "liberty", "liberties", "freedoms"))
      for v in ("enhance", "expand", "broaden", "widen", "extend", "restore")),
    Trigger("call", V, "CONCEDE", "0832", ("with",), particle="off", needs_object=("strike", "protest", "boycott", "demonstration", "march", "rally", "sit-in")),
    # RETREAT
    Trigger("release", V, "RETREAT", "0841", ("to",), mode="release", forbids_object=_PUBLISHED),
    Trigger("return", V, "RETREAT", "0842", ("to", "dative"), mode="return", needs_object=("weapon", "equipment", "property", "land", "territory", "prisoner", "hostage", "body", "remains", "asset", "helicopter", "aircraft", "ship", "vessel", "artifact", "island", "area") + _RETURNED_PEOPLE),
    Trigger("hand", V, "RETREAT", "0841", ("to", "dative"), particle="over", mode="release", needs_object=("suspect", "prisoner", "hostage", "national", "detainee", "citizen", "bomber", "fugitive", "body", "territory", "control", "power", "weapon", "two", "three")),
    Trigger("resign", V, "RETREAT", "0831", (), mode="resign"),
    Trigger("step", V, "RETREAT", "0831", (), particle="down", mode="resign"),
    Trigger("resignation", N, "RETREAT", "0831", (), mode="resign", light_verbs=("announce", "submit", "tender", "offer", "hand")),
    Trigger("surrender", V, "RETREAT", "0874", ("to",), mode="disarm"),
    Trigger("demobilize", V, "RETREAT", "0873", (), mode="disarm"),
    Trigger("demobilise", V, "RETREAT", "0873", (), mode="disarm"),
    Trigger("evacuate", V, "RETREAT", "087", ("from", "in"), mode="withdraw", needs_object=("settlement", "base", "position", "troop", "force", "outpost", "garrison")),
    Trigger("open", V, "RETREAT", "086", ("to",), mode="access", needs_object=("border", "crossing", "bridge", "airspace", "port", "corridor", "frontier", "checkpoint")),
    Trigger("reopen", V, "RETREAT", "086", ("to",), mode="access", needs_object=("border", "crossing", "bridge", "airspace", "port", "corridor", "frontier", "checkpoint")),
    Trigger("re-open", V, "RETREAT", "086", ("to",), mode="access", needs_object=("border", "crossing", "bridge", "airspace", "port", "corridor", "frontier", "checkpoint")),
    Trigger("receive", V, "RETREAT", "0862", ("from",), mode="access", needs_object=("observer", "inspector", "monitor", "mission", "peacekeeper")),
    Trigger("compensation", N, "RETREAT", "0842", TO, mode="return", light_verbs=("pay", "offer", "give")),
    Trigger("access", N, "RETREAT", "0863", ("for", "to"), mode="access", light_verbs=("allow", "grant", "give", "improve", "open")),
    # REQUEST
    Trigger("insist", V, "REQUEST", "100", ("on",), forbids_statement=True),
    Trigger("pressure", V, "REQUEST", "100"),
    Trigger("pressure", N, "REQUEST", "100", ("on",), light_verbs=("put", "exert", "step", "increase", "apply")),
    # forces that "push into" a town advance; they request nothing
    Trigger("push", V, "REQUEST", "100", ("dobj",), needs_object=(), forbids_subject=("troop", "force", "army", "soldier", "tank", "rebel", "militant", "fighter", "unit", "insurgent", "guerrilla", "column")),
    # "ordered 35 Russian diplomats to leave": an expulsion; "ordered a tariff on ...": the measure
    # is the event (the noun's light verb), no request
    Trigger("order", V, "SANCTION", "1663", ("dobj",), mode="expel", needs_object=("diplomat", "ambassador", "envoy", "attache", "staff", "consul", "official"), needs_complement=("leave", "depart", "quit")),
    Trigger("order", V, "REQUEST", "100", ("dobj",), needs_object=(), forbids_object=ORDERED_MEASURES),
    Trigger("seek", V, "REQUEST", "100", ("from", "in"), needs_object=("refuge", "asylum", "support", "aid", "help", "assistance", "backing", "release", "extradition", "talks", "meeting", "clarification", "explanation", "compensation", "apology", "loan")),
    Trigger("reminder", N, "REQUEST", "100", ("to",), light_verbs=("issue", "send", "give")),
    Trigger("demand", N, "REQUEST", "100", ("on", "from"), light_verbs=("reiterate", "repeat", "make", "issue", "renew", "press", "insist")),
    Trigger("request", N, "REQUEST", "020", ("to", "from"), light_verbs=("make", "send", "submit", "file", "issue", "renew")),
    # ACCUSE
    Trigger("complain", V, "ACCUSE", "114", ("to", "about", "over", "dobj"), mode="allege"),
    Trigger("charge", V, "ACCUSE", "112", ("dobj",), mode="allege", forbids_modifier=()),
    Trigger("sue", V, "ACCUSE", "115", mode="allege", context="legal"),
    Trigger("indict", V, "ACCUSE", "112", mode="allege", context="legal"),
    Trigger("protest", N, "ACCUSE", "114", WITH + ("to",), mode="allege", context="diplomatic", light_verbs=("lodge", "file", "register", "send", "deliver")),
    Trigger("investigation", N, "ACCUSE", "090", ("against", "into", "of"), mode="investigate", light_verbs=("open", "launch", "begin", "start", "order", "complete", "conduct", "announce", "put")),
    Trigger("inquiry", N, "ACCUSE", "090", ("against", "into", "of"), mode="investigate", light_verbs=("open", "launch", "begin", "start", "order", "complete", "conduct", "announce")),
    Trigger("probe", N, "ACCUSE", "090", ("against", "into", "of"), mode="investigate", light_verbs=("open", "launch", "begin", "start", "order", "complete", "conduct", "announce")),
    Trigger("hearing", N, "ACCUSE", "090", ("against", "into", "of"), mode="investigate", context="legal", light_verbs=("open", "begin", "start", "hold", "conduct")),
    Trigger("lawsuit", N, "ACCUSE", "115", ("against",), mode="allege", context="legal", light_verbs=("file", "bring", "launch")),
    Trigger("condemnation", N, "ACCUSE", "111", ("of",), light_verbs=("express", "issue", "voice")),
    # "voiced concern over the coup in Myanmar" (manual, ACCUSE disapprove: express concern; with
    # no party responsible named there is no target, and no interaction)
    Trigger("concern", N, "ACCUSE", "111", ("over", "about", "at", "regarding", "with"), mode="disapprove", light_verbs=("express", "voice", "raise", "register", "convey", "reiterate", "reaffirm")),
    # REJECT
    Trigger("renege", V, "REJECT", "120", ("on",)),
    Trigger("oppose", V, "REJECT", "120"),
    Trigger("defy", V, "REJECT", "128", mode="yield"),
    Trigger("violate", V, "REJECT", "128", ("dobj",), mode="yield", forbids_modifier=(), needs_object=("ban", "law", "order", "resolution", "rule", "norm", "sanction", "embargo", "decree", "curfew")),
    Trigger("violate", V, "ASSAULT", "196", ("dobj",), context="military", needs_object=("ceasefire", "truce", "cease-fire", "armistice", "airspace")),
    Trigger("refusal", N, "REJECT", "120", TO, light_verbs=("announce", "reiterate", "repeat")),
    Trigger("fail", V, "REJECT", "120", ("with",), needs_object=()),
    # THREATEN
    Trigger("warning", N, "THREATEN", "130", TO, light_verbs=("issue", "give", "send", "deliver")),
    Trigger("swear", V, "THREATEN", "130", ("against",)),
    # PROTEST
    Trigger("rally", N, "PROTEST", "141", ("against", "outside", "at", "in"), mode="demo"),
    Trigger("march", N, "PROTEST", "141", ("against", "outside", "at", "in", "on"), mode="demo"),
    Trigger("riot", N, "PROTEST", "145", ("against", "outside", "at", "in"), mode="riot"),
    Trigger("sit-in", N, "PROTEST", "144", ("against", "outside", "at", "in"), mode="obstruct"),
    Trigger("boycott", N, "PROTEST", "143", ("of", "against"), mode="boycott", light_verbs=("call", "announce", "launch", "begin", "stage", "organize", "organise", "declare")),
    # (the police or the army closing a street is no protest)
    Trigger("block", V, "PROTEST", "144", ("to", "into", "in", "from"), mode="obstruct", needs_object=("road", "street", "bridge", "highway", "transport", "traffic", "entrance", "railway", "access", "route", "motorway", "port", "junction"), forbids_subject=("police", "policeman", "troop", "soldier", "army", "force", "authority", "government", "military", "official", "officer", "guard")),
    Trigger("barricade", V, "PROTEST", "144", ("in",), mode="obstruct"),
    Trigger("picket", V, "PROTEST", "141", ("dobj",), mode="demo"),
    Trigger("shun", V, "PROTEST", "143", (), mode="strike", needs_object=("work", "school", "class", "election", "poll", "vote")),
    Trigger("stop", V, "PROTEST", "143", (), mode="strike", needs_object=("work",)),
    Trigger("signature", N, "PROTEST", "141", ("against", "for"), mode="demo", light_verbs=("collect", "gather")),
    Trigger("petition", N, "PROTEST", "141", ("against", "to"), mode="demo", light_verbs=("sign", "submit", "launch", "deliver", "present")),
    # SANCTION
    Trigger("break", V, "SANCTION", "161", WITH, mode="withdraw", needs_object=("tie", "relation", "link")),
    Trigger("break", V, "SANCTION", "161", WITH, particle="off", mode="withdraw", needs_object=("tie", "relation", "link", "talk", "negotiation", "contact")),
    Trigger("halt", V, "SANCTION", "162", ("to", "for", "with"), mode="discontinue", needs_object=("aid", "assistance", "talk", "negotiation", "mediation", "cooperation", "trade", "flight", "export", "import", "delivery", "shipment", "supply", "contact", "program", "programme", "dialogue", "loan", "link", "exercise")),
    Trigger("suspend", V, "SANCTION", "162", ("to", "for", "with", "in"), mode="discontinue", needs_object=("aid", "assistance", "talk", "cooperation", "tie", "relation", "trade", "flight", "agreement", "deal", "dialogue", "exchange", "contact", "delivery", "program", "programme", "part", "negotiation", "mediation", "membership", "loan", "export", "link", "participation")),
    Trigger("stop", V, "SANCTION", "162", ("to", "for", "with"), mode="discontinue", needs_object=("aid", "assistance", "talk", "negotiation", "mediation", "cooperation", "trade", "flight", "export", "import", "delivery", "shipment", "supply", "contact", "dialogue", "loan")),
    Trigger("end", V, "SANCTION", "164", ("to", "for", "with", "between"), mode="withdraw", needs_object=("aid", "assistance", "talk", "negotiation", "mediation", "cooperation", "contact", "dialogue", "effort", "mission", "relation", "tie")),
    Trigger("reduce", V, "SANCTION", "162", ("to", "for"), mode="discontinue", needs_object=("aid", "assistance", "supply", "presence", "tie", "relation", "staff", "delivery")),
    Trigger("cut", V, "SANCTION", "162", ("to", "for", "with"), particle="off", mode="discontinue", needs_object=("aid", "assistance", "supply", "electricity", "power", "gas", "oil", "water", "tie", "relation", "link", "contact", "trade", "fund", "funding")),
    Trigger("cancel", V, "SANCTION", "164", ("to", "with"), mode="withdraw", needs_object=("visit", "trip", "talk", "meeting", "summit", "tour", "agreement", "deal", "contract", "exercise", "order", "flight")),
    Trigger("call", V, "SANCTION", "164", ("to", "with"), particle="off", mode="withdraw", needs_object=("visit", "trip", "talk", "meeting", "summit", "tour", "exercise", "negotiation")),
    Trigger("prohibit", V, "SANCTION", "162", ("to", "for"), mode="discontinue", needs_object=("aid", "assistance", "trade", "export", "import", "flight", "sale", "entry", "investment", "transfer")),
    Trigger("deny", V, "SANCTION", "166", ("to",), mode="expel", needs_object=("entry", "visa", "access", "landing", "overflight")),
    Trigger("close", V, "SANCTION", "166", WITH + ("to",), mode="withdraw", needs_object=("border", "embassy", "consulate", "airspace", "crossing", "port", "mission", "office")),
    Trigger("expel", V, "SANCTION", "166", ("from",), mode="expel", needs_object=("inspector", "observer", "monitor", "agency", "peacekeeper", "mission", "aid", "worker", "correspondent", "journalist")),
    Trigger("force", V, "SANCTION", "166", ("of", "from"), particle="out", mode="expel", needs_object=("agency", "inspector", "observer", "monitor", "mission", "peacekeeper", "organization", "organisation", "unhcr", "embassy")),
    Trigger("suspension", N, "SANCTION", "162", ("with", "to", "of"), mode="discontinue", light_verbs=("announce", "order", "declare", "approve")),
    Trigger("sanction", N, "SANCTION", "163", ("on", "against"), light_verbs=("impose", "slap", "announce", "levy", "extend", "tighten", "approve", "unveil", "introduce", "adopt", "agree", "order")),
    # MOBILIZE
    Trigger("alert", N, "MOBILIZE", "152", ("in", "along", "near"), mode="troops", light_verbs=("remain", "put", "place", "stay", "be", "keep", "raise", "heighten", "declare")),
    Trigger("strengthen", V, "MOBILIZE", "154", ("in", "along", "near", "on"), mode="troops", needs_object=("force", "troop", "presence", "garrison", "army", "defence", "defense", "deployment")),
    Trigger("reinforce", V, "MOBILIZE", "154", ("in", "along", "near", "on"), mode="troops", needs_object=("force", "troop", "presence", "garrison", "army", "position", "border", "defence", "defense", "deployment")),
    Trigger("send", V, "MOBILIZE", "154", ("to", "into", "near", "along"), mode="troops", needs_object=("troop", "soldier", "warship", "battalion", "brigade", "division", "carrier", "tank", "reinforcement", "force")),
    Trigger("mobilize", V, "MOBILIZE", "154", ("against", "for", "dobj"), mode="troops", forbids_object=("group", "supporter", "voter", "opinion", "resource", "fund", "support", "community", "public", "people", "youth", "member", "base", "constituency", "lobby")),
    Trigger("mobilise", V, "MOBILIZE", "154", ("against", "for", "dobj"), mode="troops", forbids_object=("group", "supporter", "voter", "opinion", "resource", "fund", "support", "community", "public", "people", "youth", "member", "base", "constituency", "lobby")),
    Trigger("deployment", N, "MOBILIZE", "154", ("to", "in", "along", "near"), mode="troops", light_verbs=("order", "announce", "begin", "step", "increase")),
    # COERCE
    # Trade restrictions on another state are sanctions (CAMEO 163), curfews and bans at home
    # coercion: "imposed export controls on South Korea" vs "imposed a curfew".
    Trigger("impose", V, "SANCTION", "163", ("on", "against"), mode="discontinue", context="economic", needs_object=("export", "import", "trade", "tariff", "embargo", "duty", "levy")),
    Trigger("reimpose", V, "SANCTION", "163", ("on", "against"), context="economic", needs_object=("sanction", "embargo", "tariff", "export", "import", "trade")),
    Trigger("impose", V, "COERCE", "172", ("on", "in", "against"), mode="restrict", needs_object=("restriction", "curfew", "ban", "blockade", "curb", "control", "limit", "emergency", "law", "rule", "blackout", "quarantine", "lockdown")),
    Trigger("institute", V, "COERCE", "1723", ("on", "in"), mode="curfew", needs_object=("curfew",)),
    Trigger("extend", V, "COERCE", "1723", ("on", "in"), mode="curfew", needs_object=("curfew", "emergency", "blockade", "ban", "restriction", "detention")),
    Trigger("tighten", V, "COERCE", "191", ("on", "in", "of", "against"), mode="restrict", needs_object=("blockade", "restriction", "control", "siege", "curb", "grip")),
    Trigger("reimpose", V, "COERCE", "191", ("on", "in", "against"), mode="restrict", needs_object=("blockade", "restriction", "curfew", "ban", "closure", "siege", "control")),
    Trigger("declare", V, "COERCE", "1724", ("in", "on"), mode="martial-law", needs_object=("emergency", "siege", "law", "curfew")),
    # a ban on the target's goods is a trade measure (manual: SANCTION economic); on its people, COERCE
    Trigger("ban", V, "SANCTION", "163", ("dobj", "from", "on"), context="economic", needs_object=TRADED_GOODS),
    Trigger("ban", V, "COERCE", "1722", ("from",), mode="ban"),
    Trigger("outlaw", V, "COERCE", "1722", (), mode="ban"),
    Trigger("prevent", V, "COERCE", "172", ("dobj",), mode="restrict", needs_object=("demonstration", "protest", "rally", "march", "meeting", "gathering", "journalist", "reporter", "entry")),
    Trigger("disperse", V, "COERCE", "172", ("dobj",), mode="restrict", needs_object=("demonstrator", "protester", "protestor", "crowd", "rally", "protest", "demonstration", "march", "gathering")),
    Trigger("demolish", V, "COERCE", "1712", ("in",), mode="destroy"),
    Trigger("bulldoze", V, "COERCE", "1712", ("in",), mode="destroy"),
    Trigger("raze", V, "COERCE", "1712", ("in",), mode="destroy"),
    Trigger("set", V, "COERCE", "1712", ("to",), mode="destroy", needs_object=("fire",)),
    Trigger("deface", V, "COERCE", "176", mode="cyber", context="cyber"),
    Trigger("hack", V, "COERCE", "176", ("into",), mode="cyber", context="cyber"),
    Trigger("force", V, "COERCE", "174", ("from", "of"), particle="out", mode="deport"),
    Trigger("expel", V, "COERCE", "174", ("from",), mode="deport"),
    Trigger("curfew", N, "COERCE", "1723", ("on", "in"), mode="curfew", light_verbs=("impose", "declare", "institute", "extend", "order", "enforce", "reimpose")),
    Trigger("blockade", N, "COERCE", "191", ("on", "of", "against", "in"), mode="restrict", light_verbs=("impose", "declare", "tighten", "reimpose", "enforce", "extend", "maintain")),
    Trigger("crackdown", N, "COERCE", "172", ("on", "against"), mode="restrict", light_verbs=("launch", "order", "begin", "step", "intensify")),
    Trigger("arrest", N, "COERCE", "173", ("of",), mode="arrest", light_verbs=("make", "order", "carry")),
    # ASSAULT
    Trigger("beat", V, "ASSAULT", "182", mode="beat"),
    Trigger("abuse", V, "ASSAULT", "1821", mode="sexual", needs_modifier=("sexually",)),
    Trigger("rape", V, "ASSAULT", "1821", mode="sexual"),
    Trigger("wound", V, "ASSAULT", "190"),
    Trigger("injure", V, "ASSAULT", "190"),
    Trigger("massacre", V, "ASSAULT", "202", mode="massacre"),
    Trigger("execute", V, "ASSAULT", "186", mode="execute", needs_object=()),
    Trigger("capture", V, "ASSAULT", "192", ("in", "on"), mode="heavy-weapons", context="military", needs_object=("village", "town", "city", "stronghold", "base", "territory", "position", "area", "region", "part", "post", "outpost", "camp", "hill", "airport", "port", "district")),
    Trigger("retake", V, "ASSAULT", "192", ("in", "on"), mode="heavy-weapons", context="military"),
    Trigger("overrun", V, "ASSAULT", "192", ("in", "on"), mode="heavy-weapons", context="military"),
    Trigger("occupy", V, "COERCE", "192", ("in",), mode="seize", context="territory"),
    Trigger("explode", V, "ASSAULT", "183", ("in", "at", "near"), mode="explosives", needs_object=("bomb", "device", "explosive", "mine", "grenade", "car")),
    Trigger("detonate", V, "ASSAULT", "183", ("in", "at", "near"), mode="explosives"),
    Trigger("blow", V, "ASSAULT", "183", ("in", "at", "near"), particle="up", mode="explosives"),
    Trigger("bombing", N, "ASSAULT", "183", ("on", "against", "in", "of"), mode="explosives"),
    Trigger("bomb", N, "ASSAULT", "183", ("on", "against", "in"), mode="explosives", light_verbs=("explode", "detonate", "plant", "set", "throw", "hurl", "drop")),
    Trigger("explosion", N, "ASSAULT", "183", ("in", "at"), mode="explosives"),
    Trigger("attack", N, "ASSAULT", "190", ("on", "against"), light_verbs=("launch", "carry", "conduct", "stage", "mount", "claim", "kill", "wound")),
    Trigger("raid", N, "ASSAULT", "190", ("on", "against"), light_verbs=("launch", "carry", "conduct", "stage", "mount")),
    Trigger("offensive", N, "ASSAULT", "190", ("on", "against", "in"), mode="heavy-weapons", light_verbs=("launch", "mount", "begin", "start", "step")),
    Trigger("fire", N, "ASSAULT", "190", ("on", "against", "at"), mode="firearms", light_verbs=("open", "launch", "exchange", "trade")),
    Trigger("invasion", N, "ASSAULT", "192", ("of",), mode="heavy-weapons", context="territory", light_verbs=("launch", "begin", "start", "mount")),
    Trigger("cleansing", N, "ASSAULT", "203", ("against", "of", "in"), mode="cleansing", context="religion_ethnicity", light_verbs=("engage", "carry", "conduct")),
    Trigger("torture", N, "ASSAULT", "1822", ("of",), mode="torture"),
    Trigger("assassination", N, "ASSAULT", "186", ("of",), mode="assassinate", light_verbs=("attempt", "carry", "order", "plot")),
    Trigger("attempt", N, "ASSAULT", "185", ("on",), mode="assassinate", needs_modifier=("assassination",)),
    Trigger("fighting", N, "ASSAULT", "190", WITH + ("between", "against"), context="military"),
    # --- round 4: verbs, nouns and light verbs of news wording (CAMEO2PLOVER-2021.txt) --------
    # ACCUSE 114 "complain officially": summoning another state's envoy, formal complaints and
    # cases brought at a court or international body.
    Trigger("summon", V, "ACCUSE", "114", ("dobj",), mode="allege", context="diplomatic", needs_object=("ambassador", "envoy", "diplomat", "charge", "chargé", "attache", "attaché", "representative", "emissary")),
    Trigger("complaint", N, "ACCUSE", "114", ("against",), mode="allege", light_verbs=("file", "lodge", "submit", "bring", "register", "send", "deliver")),
    Trigger("case", N, "ACCUSE", "115", ("against",), mode="allege", context="legal", light_verbs=("file", "bring", "lodge", "launch")),
    # SANCTION: convictions and sentences (PLOVER mode "convict"), diplomatic downgrades,
    # diplomats declared persona non grata (CAMEO 1663).
    Trigger("convict", V, "SANCTION", "160", ("dobj",), mode="convict", context="legal"),
    Trigger("sentence", V, "SANCTION", "160", ("dobj",), mode="convict", context="legal"),
    Trigger("conviction", N, "SANCTION", "160", ("of",), mode="convict", context="legal", light_verbs=("hand", "secure", "win", "obtain", "uphold")),
    Trigger("declare", V, "SANCTION", "1663", ("dobj",), mode="expel", context="diplomatic", needs_object=("persona", "grata")),
    Trigger("downgrade", V, "SANCTION", "161", WITH, mode="withdraw", context="diplomatic", needs_object=("tie", "relation", "link", "presence")),
    # MOBILIZE: sending and massing forces, a general mobilisation
    Trigger("dispatch", V, "MOBILIZE", "150", ("to", "into", "near", "along"), mode="troops", needs_object=("troop", "soldier", "warship", "battalion", "brigade", "division", "carrier", "tank", "reinforcement", "force", "police", "policeman", "unit", "jet", "fighter")),
    Trigger("amass", V, "MOBILIZE", "150", ("on", "near", "along"), mode="troops", needs_object=("troop", "soldier", "force", "tank", "armour", "armor", "weapon")),
    Trigger("mobilization", N, "MOBILIZE", "150", ("of", "against"), mode="troops", light_verbs=("order", "announce", "begin", "increase", "declare", "step")),
    Trigger("mobilisation", N, "MOBILIZE", "150", ("of", "against"), mode="troops", light_verbs=("order", "announce", "begin", "increase", "declare", "step")),
    # AID: packages, relief and bailouts approved or delivered; supplies rushed or shipped
    Trigger("approve", V, "AID", "071", TO + ("for",), context="economic", needs_object=("loan", "aid", "relief", "bailout", "assistance", "grant", "funding", "fund", "package", "tranche", "credit")),
    Trigger("package", N, "AID", "070", TO + ("for",), needs_modifier=("aid", "bailout", "relief", "rescue", "assistance", "humanitarian", "loan"), light_verbs=("approve", "announce", "sign", "provide", "offer", "unveil", "give", "grant", "pledge", "deliver", "send")),
    Trigger("relief", N, "AID", "071", TO + ("for",), context="economic", light_verbs=("approve", "grant", "provide", "offer", "give", "extend", "deliver", "send")),
    Trigger("bailout", N, "AID", "071", TO + ("for",), context="economic", light_verbs=("approve", "grant", "provide", "offer", "give", "extend")),
    Trigger("rush", V, "AID", "070", TO + ("into", "dative"), needs_object=("aid", "assistance", "supply", "food", "medicine", "relief", "equipment", "tent", "water", "truckload")),
    Trigger("airlift", V, "AID", "070", TO + ("into", "dative"), needs_object=("aid", "assistance", "supply", "food", "medicine", "relief", "equipment", "tent", "water")),
    Trigger("ship", V, "AID", "070", TO + ("dative",), needs_object=("aid", "assistance", "supply", "food", "medicine", "relief", "weapon", "arms", "ammunition", "vaccine", "equipment")),
    Trigger("donation", N, "AID", "070", TO + ("for",), light_verbs=("make", "send", "announce", "pledge", "deliver", "give")),
    # COOPERATE: joint training and manoeuvres, joint ventures
    Trigger("training", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military", needs_modifier=("joint",)),
    Trigger("manoeuvre", N, "COOPERATE", "062", WITH + ("between",), mode="joint exercise", context="military", needs_modifier=("joint", "military", "naval")),
    Trigger("venture", N, "COOPERATE", "061", WITH + ("between",), context="economic", needs_modifier=("joint",), light_verbs=("form", "launch", "set", "create", "establish", "announce", "sign")),
    # RETREAT: giving back what was taken
    Trigger("hand", V, "RETREAT", "0842", ("to", "dative"), particle="back", mode="return"),
    Trigger("give", V, "RETREAT", "0842", ("to", "dative"), particle="back", mode="return"),
    # ASSAULT
    Trigger("gun", V, "ASSAULT", "190", particle="down", mode="firearms"),
    Trigger("assault", V, "ASSAULT", "180"),
    Trigger("assault", N, "ASSAULT", "190", ("on", "against"), light_verbs=("launch", "carry", "conduct", "stage", "mount", "begin")),
    Trigger("shelling", N, "ASSAULT", "194", ("of", "on"), mode="heavy-weapons"),
    Trigger("hijack", V, "ASSAULT", "181", mode="abduct"),
    Trigger("murder", V, "ASSAULT", "190"),
    # --- round 7: classes of PLOVER misses ------------------------------------------------
    # CONSULT 045 "mediate": a third party's mediation between two sides ("undertook a mediation
    # mission between Syria and the PLO"); a mediation only opposed or halted is no occurrence.
    Trigger("mediate", V, "CONSULT", "045", ("between", "dobj"), mode="mediate"),
    Trigger("mediation", N, "CONSULT", "045", ("between",), mode="mediate", light_verbs=("undertake", "launch", "begin", "start", "offer", "lead", "conduct", "pursue", "step")),
    Trigger("mission", N, "CONSULT", "045", ("between",), mode="mediate", needs_modifier=("mediation", "peace"), light_verbs=("undertake", "launch", "begin", "start", "lead", "conduct", "send", "dispatch")),
    Trigger("effort", N, "CONSULT", "045", ("between",), mode="mediate", needs_modifier=("mediation", "peace"), light_verbs=("undertake", "launch", "begin", "start", "lead", "step", "pursue", "intensify")),
    # REJECT: "is opposed to French mediation", "opposes the resolution"
    Trigger("oppose", V, "REJECT", "120", ("dobj", "to")),
    Trigger("opposed", V, "REJECT", "120", ("to",)),
    # PROTEST: rallies, riots and demonstrations named as nouns ("staged rallies against",
    # "Palestinian riots against Israeli policies")
    Trigger("rally", N, "PROTEST", "141", ("against", "outside", "at"), mode="demo", light_verbs=("stage", "hold", "organize", "organise", "lead", "call")),
    Trigger("riot", N, "PROTEST", "145", ("against", "over", "at"), mode="riot", light_verbs=("stage", "spark", "lead")),
    # "hit" is an attack only when a weapon hits ("rockets hit the town", "was hit by a drone")
    Trigger("hit", V, "ASSAULT", "190", ("dobj",), needs_subject=_PROJECTILES + ("airstrike", "strike", "shelling", "gunfire", "bullet", "explosive", "device")),
    # --- round 8: construction classes of PLOVER misses ------------------------------------
    # COERCE 175 censorship: a news outlet ordered or forced to stop publishing or broadcasting
    Trigger("order", V, "COERCE", "175", ("dobj",), mode="censor", needs_object=_MEDIA_OUTLETS, needs_complement=_STOP_VERBS),
    Trigger("force", V, "COERCE", "175", ("dobj",), mode="censor", needs_object=_MEDIA_OUTLETS, needs_complement=_STOP_VERBS),
    # people held or used "as human shields" (CAMEO 17, coercion of the people so held)
    Trigger("hold", V, "COERCE", "170", ("dobj",), mode="restrict", needs_pobj=("shield",)),
    Trigger("use", V, "COERCE", "170", ("dobj",), mode="restrict", needs_pobj=("shield",)),
    # ACCUSE 090 investigate: inspectors or investigators sent to a country
    Trigger("send", V, "ACCUSE", "090", ("to", "into", "in"), mode="investigate", needs_object=_INSPECTORS),
    Trigger("dispatch", V, "ACCUSE", "090", ("to", "into", "in"), mode="investigate", needs_object=_INSPECTORS),
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


def words_naming(sdoc: Any, type_: str) -> list[Any]:
    """The verbs and nouns of a parsed sentence whose lemma is a trigger of `type_`, as a verb or
    as a noun (a verb trigger names its act as a noun too: "a deadly clash"). Where the sentence
    model's type is told, when it is told by one word only."""
    return [t for t in sdoc if t.pos_ in ("VERB", "NOUN") and any(x.type == type_ for pos in ("VERB", "NOUN") for x in triggers_for(t.lemma_, pos))]


def cue_forms() -> tuple[list[str], list[str]]:
    """The surface forms of every trigger, for candidate selection: (prefixes that any word
    characters may follow, whole words)."""
    stems = sorted({t.lemma for t in TRIGGERS}, key=len, reverse=True)
    # Lemma prefixes catch inflections (met/meets/meeting are covered by irregular forms below).
    irregular = ["met", "spoke", "spoken", "sent", "gave", "given", "fought", "shot", "struck", "froze", "held", "paid", "sought", "withdrew", "withdrawn", "bought",
                 "broke", "broken", "blew", "blown", "swore", "sworn", "forgave", "forgiven", "overran", "retook", "retaken", "began", "begun", "led", "beaten", "shut", "stepped", "stopped", "wounded", "cut", "set", "freed", "mobilized", "mobilised", "must", "question"]
    # A final consonant + "y" turns to "i" ("defied", "denied", "occupied", "rallied").
    prefixes = [s[:-1] if (len(s) > 4 and s.endswith("e")) or re.search(r"[^aeiou]y$", s) else s for s in stems]
    return prefixes, irregular


def _trie_pattern(prefixes: list[str], words: list[str]) -> str:
    """One regex for "any prefix, then any word characters" or "any word", with the forms
    merged letter by letter: the same strings as the plain alternation of them all, but the
    engine tries one branch per letter instead of ~360 branches at every word boundary."""
    trie: dict[str, Any] = {}
    for form, open_end in [(p, True) for p in prefixes] + [(w, False) for w in words]:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node["" if not open_end else "*"] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch not in ("*", "")]
        branches += [r"\w*"] * ("*" in node) + [""] * ("" in node)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(trie)


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern[str]:
    """A cheap surface pattern over every trigger's inflected forms, for candidate selection."""
    prefixes, words = cue_forms()
    return re.compile(r"\b" + _trie_pattern(prefixes, words) + r"\b", re.IGNORECASE)


# Goldstein (1992) scores of the CAMEO root categories, as GDELT assigns them to a root code.
# An event's score is that of its trigger's root (an appeal, 02, is +3.0; a demand, 10, -5.0).
CAMEO_ROOT_GOLDSTEIN: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0, "10": -5.0,
    "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}


def cameo_quad_class(root: str) -> int:
    """GDELT's QuadClass of a CAMEO root: 01-05 verbal cooperation, 06-09 material cooperation,
    10-14 verbal conflict, 15-20 material conflict (PLOVER's own quad of a type can differ)."""
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4


def gdelt_columns(event_type: str, coding: Coding | str | None = None) -> dict[str, object]:
    """CAMEO code, CAMEO root, QuadClass and Goldstein score for an event, for GDELT users.

    The CAMEO code is the coding trigger row's (the event's `Coding`, or its stored `coder`
    string); for derived intentions, constructions, the model or no coding it is the type's root.
    The Goldstein score is that of the code's root (`CAMEO_ROOT_GOLDSTEIN`)."""
    if isinstance(coding, str):
        coding = Coding.from_string(coding)
    info = PLOVER_TYPES[event_type]
    cameo = info.cameo_root
    if coding is not None and coding.kind == "rule" and coding.type == event_type and coding.lemma:
        for t in _BY_KEY.get((coding.lemma, coding.pos.upper()), []):
            if t.type == event_type:
                cameo = t.cameo
                break
    return {"cameo_code": cameo, "cameo_root": cameo[:2], "quad_class": info.quad_class, "goldstein": CAMEO_ROOT_GOLDSTEIN.get(cameo[:2], info.goldstein)}
