"""Write review3/causes.json: the cause of each of the 40 disagreements in review3/agreement.md,
the verdict by the manual (as revised with this study) and the corrections to apply."""
import json
from pathlib import Path

C = []


def cause(name, verdict, sentences, note, corrections=()):
    C.append({"cause": name, "verdict": verdict, "sentences": sentences, "note": note,
              **({"corrections": [{"sentence": s, "fix": f} for s, f in corrections]} if corrections else {})})


cause("Invitations: AGREE or REQUEST `meet`", "manual (§2.17, fixed)",
      ["own-annot17-032:3"],
      "Newer files coded \"X invited Y to visit\" as REQUEST `meet`, older ones as AGREE, and the manual had no row. "
      "Decided by CAMEO: an invitation offers the invitee a meeting, a visit or a seat at talks, which is CAMEO 036 "
      "(\"offer, promise, agree to or otherwise indicate willingness to meet, visit or engage in talks\") and so PLOVER "
      "AGREE, like the 2.17 row for offers of a meeting; REQUEST is for asking the target to act for the asker (CAMEO 10). "
      "Declining an invitation is REJECT `meet`; accepting it is AGREE; an invitation to send forces or help in "
      "(\"invited the Eritrean troops in\") asks for assistance and stays REQUEST `assist`. Review right. The rule was "
      "applied to the whole corpus (training/corpus/review3/src/invitations.py: 22 events changed).",
      [("own-annot17-032:3", "REQUEST meet -> AGREE (mode null) (invitation rule; applied with the corpus-wide change)")])

cause("Codes of states that no longer exist and of places without a code; target of a withdrawal",
      "manual (§4 and §2.17, fixed)",
      ["own-annot17-003:0", "own-annot17-003:2", "own-annot18-169:0"],
      "Nothing said which code a state that no longer exists takes (the review used YUG), who the target of forces "
      "leaving a place is (GOV or UNK), or how to code Nagorno-Karabakh. Rules added to §4: a state that no longer exists "
      "takes the code of its continuing state in today's list (Yugoslavia and Serbia and Montenegro -> SRB, the Soviet Union "
      "-> RUS), as the whole corpus and parley's actor tables already do; a place with no code of its own (Nagorno-Karabakh, "
      "South Ossetia, Abkhazia, Transnistria) takes the code of the state it is recognised as part of, with the sector of "
      "the actor (its de facto authorities REB). Row added to 2.17: forces leaving a place target the state the place "
      "belongs to (its own code if it has one), sector GOV, as \"left Estonia\" does; UNK is for unnamed people (§9). "
      "The original is right in all three (the review's NATO sector MIL is also wrong: IGOs take GOV, §4).")

cause("Fighting over several days; repeated acts over a period", "manual (§1, fixed)",
      ["own-annot17-068:0", "own-annot18-117:5", "own-annot19-064:2"],
      "§1 test 4 (one occasion) left multi-day fighting open and the corpus split about evenly (\"two days of fighting\" "
      "and \"fought a short war\" coded, \"five days of fighting\" and \"fought a brief border war\" not). Row added to §1: "
      "one bounded episode of fighting between named parties told with a verb of its own (\"the two armies fought a brief "
      "border war in 1962\", \"five days of fighting along their border killed 30 people\") is one ASSAULT each way, dated "
      "at its start, because background history is annotated (§1) and the text tells the episode as one whole; a war or "
      "fighting noun with no verb of its own (\"since the 2008 war\", \"the deal that ended the war\") is a period (no "
      "event), and repeated acts over years (\"took in Albanians fleeing in the 1990s\") are an aggregate. Review right in all "
      "three.",
      [("own-annot17-068:0", "add ASSAULT THA MIL -> KHM MIL and KHM MIL -> THA MIL, trigger \"fighting\", 2025-07"),
       ("own-annot18-117:5", "add ASSAULT IND MIL -> CHN MIL and CHN MIL -> IND MIL, span \"The two armies\", trigger \"fought a brief border war\", 1962, historical"),
       ("own-annot19-064:2", "remove the AID asylum (repeated acts over a decade; the 1991 date was a guess)")])

cause("Warnings and vows with the harm only implied", "manual (THREATEN near misses and §2.17, fixed)",
      ["own-annot18-109:2", "own-annot18-136:2"],
      "The THREATEN near miss (\"will respond\": no harm named) did not say what an allusion does (\"warned Baghdad not to "
      "repeat the mistakes of 1990\", \"could not stand idly by\"). Clarified: the harm must be named in words (\"retaliate\", "
      "\"sanctions\", \"force\"); an allusion the reader must complete from history is no THREATEN (2.17 last row: world "
      "knowledge is not annotation). A warning not to do something is the REQUEST it states. Review right in both; "
      "136:2 has no REQUEST either (no act is asked of a named party).",
      [("own-annot18-109:2", "remove the THREATEN (keep the REQUEST change)"),
       ("own-annot18-136:2", "remove the THREATEN (\"could not stand idly by\")")])

cause("\"Made peace\", \"normalised relations\"", "manual (§2.17, fixed)",
      ["own-annot19-039:2", "own-annot19-087:4"],
      "No row covered either phrase; the corpus had RETREAT and SUPPORT for normalisation and SUPPORT and AGREE for making "
      "peace. Rows added: establishing, restoring or normalising diplomatic relations is SUPPORT each way (CAMEO 054, grant "
      "diplomatic recognition; each state recognises the other); \"made peace\" is AGREE, one event per pair (the words tell "
      "a settlement reached, not a signature: the signed/agreed row, CAMEO 03 vs 057). Review right in both.",
      [("own-annot19-039:2", "four SUPPORTs -> AGREE EGY-ISR (1979) and AGREE JOR-ISR (1994), one per pair"),
       ("own-annot19-087:4", "RETREAT each way -> SUPPORT each way")])

cause("Removal from office by a legislature", "manual (§2.17, fixed)",
      ["own-annot17-022:3"],
      "No type for impeachment or removal (review coded COERCE null, the original nothing). Row added, following the "
      "corpus's one earlier case (voa-7846440:0): bringing impeachment charges is ACCUSE `allege`; the vote or verdict that "
      "removes an officeholder is SANCTION `convict` from the legislature or court to the officeholder (a penalty imposed "
      "after charges); an officeholder dismissed by his own government is one actor's business (§9). Review right that "
      "there is an event; the type is SANCTION.",
      [("own-annot17-022:3", "add SANCTION convict \"lawmakers\" PER LEG -> \"him\" PER GOV, trigger \"removed him from office\", 2022-12-07, historical")])

cause("Present-tense accusations by a named accuser", "manual (§1, clarified)",
      ["own-annot20-121:5"],
      "The §1 row makes accusations with neither a named accuser nor an occasion a state; the review read \"Turkish "
      "prosecutors accuse him of links…\" (named accuser, no occasion) as a state too. Clarified: both must be missing; a "
      "named accuser's charge in the present tense is an ACCUSE (date null when the text gives none). Original right.")

cause("Original missed or mis-coded (review right by the manual)", "review",
      ["own-annot17-025:5", "own-annot17-123:4", "own-annot17-136:0", "own-annot17-154:1", "own-annot18-015:4",
       "own-annot18-085:5", "own-annot18-137:6", "own-annot18-158:7", "own-annot19-021:3", "own-annot19-026:3",
       "own-annot19-107:4", "own-annot19-132:2", "own-annot19-132:7", "own-annot19-156:0", "own-annot19-159:6",
       "own-annot20-129:6"],
      "Mentions of an event told earlier that state it again (§9 mention test: \"when they were taken\", \"had been told "
      "they must land\", \"will stay until the last soldier leaves\", \"the first time Chinese troops had crossed into "
      "Russia for an exercise\", like \"the call, the first since May\"; \"Crews unloaded the supplies\"; the prime "
      "minister's words of the refusal told in the lead), acts stated outright but skipped (jets shooting down Iranian "
      "drones, \"refused to join\", \"protested outside the government building\", \"accusing Benin\", an agentless "
      "killing of more than 100 people, an interviewer's statement that envoys were in Sanaa), hypothetical acts told by "
      "the narrator or an op-ed writer (§6: \"has not said whether he will grant her clemency\", \"before he throws away a "
      "seventy-year alliance\"), and targets of different sectors kept in one event (§3: individuals GOV and companies BUS; "
      "the parliament LEG and government buildings GOV). On own-annot19-107:4 the original's AGREE for \"announced the "
      "drops\" is right (§6 announced future giving); only the ASSAULT is missing.",
      [("own-annot17-025:5", "add COERCE seize IRN GOV (no span) -> \"The crew\" GBR MIL, trigger \"were taken\", 2007-03, historical (the seizure of sentence 0)"),
       ("own-annot17-123:4", "add hypothetical CONCEDE \"President Ferdinand Marcos Jr.\" PHL GOV -> \"her\" PHL CVL, trigger \"grant her clemency\""),
       ("own-annot17-136:0", "add CONSULT visit \"Saudi\" SAU GOV -> YEM REB and \"Omani envoys\" OMN GOV -> YEM REB, trigger \"were in Sanaa\", 2023-04"),
       ("own-annot17-154:1", "split the RETREAT: \"170 individuals\" BLR GOV and \"three companies\" BLR BUS"),
       ("own-annot18-015:4", "add ASSAULT aerial \"US\" USA MIL -> IRN MIL and \"British jets\" GBR MIL -> IRN MIL, trigger \"shot down\", 2024-04-14"),
       ("own-annot18-085:5", "split the COERCE seize: \"the Crimean parliament\" UKR LEG and \"government buildings\" UKR GOV"),
       ("own-annot18-137:6", "add COERCE restrict BLR GOV (no span) -> \"the crew\" IRL BUS, trigger \"had been told they must land\", 2021-05-23"),
       ("own-annot18-158:7", "add planned PROTEST demo \"The sit-in organisers\" NER CVL -> FRA MIL, trigger \"will stay\""),
       ("own-annot19-021:3", "add COOPERATE \"Chinese troops\" CHN MIL -> \"Russia\" RUS MIL, trigger \"exercise\", 2007-08"),
       ("own-annot19-026:3", "add AID humanitarian \"Crews\" NZL MIL -> \"Tonga\" TON GOV and AUS MIL -> TON GOV, trigger \"unloaded the supplies\", 2022-01-20"),
       ("own-annot19-107:4", "add ASSAULT unknown source -> \"more than 100 Palestinians\" PSE CVL, trigger \"were killed\", 2024-02-29"),
       ("own-annot19-132:2", "add ACCUSE allege \"Niger\" NER GOV -> \"Benin\" BEN GOV, trigger \"accusing\", 2023, historical"),
       ("own-annot19-132:7", "add REJECT yield \"Niger's prime minister\" NER GOV -> BEN GOV, trigger \"would stay closed\", 2024-05-15"),
       ("own-annot19-156:0", "add REJECT \"the main rebel movement\" TCD REB -> TCD GOV, trigger \"refused to join\", 2022-08-08"),
       ("own-annot19-159:6", "add PROTEST demo \"Macedonian nationalists\" MKD CVL -> MKD GOV, trigger \"protested\", 2017-08-01"),
       ("own-annot20-129:6", "add hypothetical REJECT \"he\" PHL GOV -> USA GOV, trigger \"throws away\"")])

cause("Review missed or misread (original right by the manual)", "original",
      ["own-annot17-057:3", "own-annot17-155:3", "own-annot18-092:5", "own-annot19-147:3", "own-annot19-165:0",
       "own-annot20-043:6"],
      "Statements of policy or status quo coded as acts (\"did not mean Washington recognised Maduro's re-election\", "
      "\"will keep its border with Mali open\": §1 standing policy, §10); a safety order to a state's own airlines coded "
      "as COERCE (no force used against them); a reaction noun (\"drawing fury from Israel\") coded as three ACCUSEs "
      "(feelings, §9); a noun that introduces an earlier promise (\"a promised air bridge\") skipped (§1 anaphoric row); "
      "and the date of \"London ignored the deadline\" (the 2019 deadline of the sentence before) left null with "
      "historical false.")

cause("Judgement calls", "both defensible",
      ["own-annot17-073:2", "own-annot17-120:5", "own-annot17-126:1", "own-annot19-027:2", "own-annot19-158:6"],
      "Whom a refusal of mediation is aimed at when the offerer is not named (Ottawa or unknown); whom \"Salmon farmers "
      "welcomed the news\" supports when the news is a joint outcome of their own state and another (left open in §11); "
      "whether refusing safe passage targets the asylum state or the person; whether a minister sent to a ceremony is a "
      "visit; whether \"The previous round was held in Copenhagen\" with no party named is a CONSULT with unknown sides. "
      "No rule change.")

cause("Corrections applied to the corpus", "—", [],
      "Applied after this report (script `training/corpus/review3/src/apply_corrections.py`, checker clean): all the "
      "corrections listed below, additions included (unlike review2, whose additions were listed only), each changed event "
      "with a `note` citing review3: 24 sentences, 24 events added, 5 removed, 4 retyped, 2 targets narrowed (one also LEG). The same "
      "script re-checked the other corpus sentences with the phrasings of the new rules it could find by search: three "
      "\"restored/normalised relations\" RETREATs retyped SUPPORT (own-annot19-027:3, own-annot17-091:2, "
      "own-annot19-103:0) and two \"the two countries fought a war\" sentences given their ASSAULTs (own-annot17-036:2, "
      "own-annot18-038:6). Separately, `training/corpus/review3/src/invitations.py` applied the invitation rule to the "
      "whole corpus (67 invitation events; 22 changed to AGREE). Corpus events 18757 -> 18780. Other sentences were not "
      "re-checked against the new rules. The figures above compare the review with the corpus before these corrections.")

Path(__file__).resolve().parent.parent.joinpath("causes.json").write_text(
    json.dumps(C, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(sum(len(c["sentences"]) for c in C), "sentences,", sum(len(c.get("corrections", [])) for c in C), "corrections")
