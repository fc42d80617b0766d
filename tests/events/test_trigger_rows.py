"""Trigger rows (`parley.events.lexicon`): every PLOVER type has a hand-written positive and
near-miss sentence, and each row that needs an object, a subject, a modifier or a complement
has one of each (news-like sentences, invented facts).
"""

from __future__ import annotations

from typing import Any

import pytest

import parley
from parley.events.ontology import PLOVER_TYPES
from conftest import analysed_events
from conftest import has_event as _has
from conftest import asserted_events as _asserted
from conftest import event_pairs as _pairs
from conftest import typed_events as _typed
from conftest import show_events as _show


# (type, sentence, source country, target country or None when any target is fine)
POSITIVE = [
    ("AGREE", "Kenya and Uganda agreed on Tuesday to reopen their shared border crossing at Busia.", "KEN", "UGA"),
    ("CONSULT", "Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei in Brasilia on Monday.", "BRA", "ARG"),
    ("SUPPORT", "Germany on Friday praised Poland for its handling of the refugee crisis.", "DEU", "POL"),
    ("CONCEDE", "The Peruvian government lifted the curfew in Lima on Sunday after a week of calm.", "PER", None),
    ("COOPERATE", "Japan shared intelligence with Australia on maritime threats last month, officials said.", "JPN", "AUS"),
    ("AID", "Norway on Wednesday donated 20 million dollars in humanitarian aid to Sudan.", "NOR", "SDN"),
    ("RETREAT", "Ethiopia withdrew its troops from Somalia on Thursday, the defence ministry said.", "ETH", "SOM"),
    ("REQUEST", "The European Union called on Serbia to release the detained Kosovo police officers.", "EUR", "SRB"),
    ("ACCUSE", "Pakistan on Monday accused India of violating its airspace near Lahore.", "PAK", "IND"),
    ("REJECT", "Venezuela rejected a Colombian proposal for joint border patrols on Friday.", "VEN", "COL"),
    ("THREATEN", "Russia threatened to cut off gas supplies to Moldova over unpaid bills.", "RUS", "MDA"),
    ("PROTEST", "Thousands of Serbian students demonstrated against the government in Belgrade on Saturday.", "SRB", None),
    ("SANCTION", "Canada expelled two Chinese diplomats on Tuesday over alleged interference.", "CAN", "CHN"),
    ("MOBILIZE", "Azerbaijan deployed troops along its border with Armenia on Wednesday.", "AZE", "ARM"),
    ("COERCE", "Iranian police arrested three British nationals in Tehran on Sunday.", "IRN", "GBR"),
    ("ASSAULT", "Israeli jets bombed targets in southern Lebanon overnight, the army said.", "ISR", "LBN"),
]


# Sentences with a trigger word (or its look-alike) that must NOT be coded as that type.
NEGATIVE = [
    ("AGREE", "Analysts agree that the economy of Kenya will slow next year."),
    ("CONSULT", "The meeting room in the French embassy was renovated last year."),
    ("SUPPORT", "Support for the ruling party in Poland fell to 30 percent in a new poll."),
    ("CONCEDE", "The curfew imposed by Peru remains in force in three provinces."),
    ("COOPERATE", "The share price of the Japanese carmaker fell sharply on Monday."),
    ("AID", "The Norwegian aid worker said the roads to the camp were flooded."),
    ("RETREAT", "Ethiopia did not withdraw its troops from Somalia, the defence ministry said."),
    ("REQUEST", "The Serbian finance minister said demand for exports rose in March."),
    ("ACCUSE", "Pakistan's cricket team beat India by four wickets in Lahore on Monday."),
    ("REJECT", "Venezuela's central bank said inflation fell to 50 percent in June."),
    ("THREATEN", "Moldova said the cold winter was a threat to its grain harvest."),
    ("PROTEST", "The Serbian government said the protest law would be reviewed next year."),
    ("SANCTION", "Canada's health minister said the sanctions debate in parliament was over."),
    ("MOBILIZE", "Azerbaijan's troop numbers are listed in the annual report of a London institute."),
    ("COERCE", "Iran said the arrest warrant for the British national was a forgery."),
    ("ASSAULT", "Israel's central bank said a strike by port workers had cut exports."),
]


@pytest.mark.parametrize("etype,text,src,tgt", POSITIVE, ids=[p[0] for p in POSITIVE])
def test_each_type_positive(etype: str, text: str, src: str, tgt: str | None) -> None:
    evs = [e for e in _asserted(text) if e.type == etype]
    assert evs, f"{etype} not coded in: {text} -> {[(e.type, e.source.country, e.target.country) for e in _asserted(text, include_all=True)]}"
    pairs = {(e.source.country, e.target.country) for e in evs}
    if PLOVER_TYPES[etype].symmetric:
        pairs |= {(b, a) for a, b in pairs}
    assert any(s == src and (tgt is None or t == tgt) for s, t in pairs), pairs


@pytest.mark.parametrize("etype,text", NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_each_type_negative(etype: str, text: str) -> None:
    evs = [e for e in _asserted(text) if e.type == etype]
    assert not evs, [(e.type, e.source.country, e.target.country, e.coder) for e in evs]


def test_all_sixteen_types_covered() -> None:
    assert {p[0] for p in POSITIVE} == set(PLOVER_TYPES) == {n[0] for n in NEGATIVE}


# (type, sentence, source, target or None) that must be coded, and look-alikes that must not.
ROUND4_POSITIVE = [
    ("ACCUSE", "Beijing summoned the Japanese ambassador on Monday over the shrine visit.", "CHN", "JPN"),
    ("ACCUSE", "Ukraine filed a complaint against Russia at the International Court of Justice.", "UKR", "RUS"),
    ("ACCUSE", "Japan protested to China over the incursion by its coast guard ships.", "JPN", "CHN"),
    ("SANCTION", "Canada declared two Chinese diplomats persona non grata on Tuesday.", "CAN", "CHN"),
    ("SANCTION", "Bahrain downgraded diplomatic ties with Qatar after the row over the broadcast.", "BHR", "QAT"),
    ("SANCTION", "A Russian court sentenced the American journalist to 16 years in prison.", "RUS", "USA"),
    ("MOBILIZE", "Russia put its nuclear forces on high alert on Sunday.", "RUS", None),
    ("MOBILIZE", "Turkey dispatched troops to northern Syria on Friday.", "TUR", "SYR"),
    ("AID", "The International Monetary Fund on Monday approved debt relief for Somalia.", None, "SOM"),
    ("AID", "Egypt rushed aid supplies to Libya after the floods.", "EGY", "LBY"),
    ("COOPERATE", "Thailand and Indonesia began joint training off Phuket on Monday.", "THA", "IDN"),
    ("ASSAULT", "The Israeli town of Sderot was hit by rockets fired from Gaza on Tuesday.", "PSE", "ISR"),
    ("ASSAULT", "Militants from the outlawed Kurdistan Workers' Party attacked a village in eastern Turkey.", "TUR", "TUR"),
    ("ASSAULT", "Colombian rebels gunned down two Venezuelan soldiers near the border on Sunday.", "COL", "VEN"),
]


ROUND4_NEGATIVE = [
    ("ACCUSE", "The Japanese ambassador summoned the courage to speak at the gala in Beijing."),
    ("SANCTION", "Canada declared a state of celebration after the hockey final against Sweden."),
    ("SANCTION", "Bahrain's airline downgraded its profit forecast for Qatar routes."),
    ("MOBILIZE", "Russian shoppers were put off by high prices, a Moscow survey found."),
    ("AID", "Egypt's parliament approved the new budget on Monday."),
    ("AID", "Libya's investors expressed relief after the vote."),
    ("COOPERATE", "Thailand's football team began training in Jakarta for the cup against Indonesia."),
    ("ASSAULT", "Greece's economy was hit by sanctions on Russia, officials said."),
    ("PROTEST", "Beijing protested to Tokyo over the visit of the Japanese minister."),
]


# The manual's yielding wordings (section 2.17: accepting a ruling, a demand or the other side's
# terms, bowing to them, giving in, dropping charges: CONCEDE), and look-alikes that are not.
YIELDING_POSITIVE = [
    ("CONCEDE", "Honduran President Xiomara Castro bowed to Washington's terms on Friday and halted the deportations.", "HND", "USA"),
    ("CONCEDE", "Prosecutors in Fiji dropped all charges against two Australian sailors on Monday.", "FJI", "AUS"),
    ("CONCEDE", "After a week of pressure from Beijing, the Lithuanian government gave in.", "LTU", None),
    ("CONCEDE", "Colombia accepted the ruling of the International Court of Justice on Tuesday.", "COL", None),
]

YIELDING_NEGATIVE = [
    ("CONCEDE", "The Chilean minister gave in his resignation letter to the president on Monday."),
    ("CONCEDE", "Peruvian planes dropped leaflets over the border town on Sunday."),
    ("CONCEDE", "The Kenyan runner accepted an award from the Japanese government in Tokyo."),
]


@pytest.mark.parametrize("etype,text,src,tgt", ROUND4_POSITIVE + YIELDING_POSITIVE,
                         ids=[f"{p[0]}-{i}" for i, p in enumerate(ROUND4_POSITIVE + YIELDING_POSITIVE)])
def test_round4_positive(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    evs = [e for e in _asserted(text) if e.type == etype]
    assert evs, f"{etype} not coded in: {text} -> {[(e.type, e.source.country, e.target.country, e.coder) for e in _asserted(text, include_all=True)]}"
    pairs = {(e.source.country, e.target.country) for e in evs}
    if PLOVER_TYPES[etype].symmetric:
        pairs |= {(b, a) for a, b in pairs}
    assert any((src is None or s == src) and (tgt is None or t == tgt) for s, t in pairs), pairs


# Near misses the rules read right and the learned model (the default, parley-minilm-2.4)
# proposes anyway where the rules code nothing: the rules' reading is still asserted for them
# (with `event_model=v1`), and the model's error is a strict expected failure below, so a model
# that stops making it is noticed.
MODEL_ERRORS = {
    "Thailand's football team began training in Jakarta for the cup against Indonesia.": "COOPERATE THA->IDN (sport)",
}


@pytest.mark.parametrize("etype,text", ROUND4_NEGATIVE + YIELDING_NEGATIVE,
                         ids=[f"{n[0]}-{i}" for i, n in enumerate(ROUND4_NEGATIVE + YIELDING_NEGATIVE)])
def test_round4_negative(etype: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if text in MODEL_ERRORS:
        monkeypatch.setenv("PARLEY_EVENT_MODEL", "v1")
    evs = [e for e in _asserted(text, include_all=True) if e.type == etype]
    assert not evs, [(e.type, e.source.country, e.target.country, e.coder) for e in evs]


# (type, sentence, source, target or None): each must be coded (any modality)
ROW_POSITIVE = [
    # COERCE: censorship orders and human shields
    ("COERCE", "Myanmar's military government ordered the independent newspaper to suspend publication indefinitely.", "MMR", None),
    ("COERCE", "Syrian troops have been holding villagers as human shields near the Turkish border, activists said.", "SYR", None),
    # ACCUSE investigate
    ("ACCUSE", "The United Nations dispatched inspectors to Syria on Monday to examine the chemical plants.", None, "SYR"),
    # AID / COOPERATE
    ("AID", "Britain is providing satellite intelligence to Ukraine, British officials said.", "GBR", "UKR"),
    ("COOPERATE", "Turkish prosecutors shared evidence with Saudi Arabia about the killing, officials said.", "TUR", "SAU"),
    ("AID", "The first contingent of Kenyan troops arrived in Haiti on Tuesday, officials said.", "KEN", "HTI"),
    ("SUPPORT", "Chile's president said he was ready to forgive Peru for the incident at the border.", "CHL", "PER"),
    ("CONCEDE", "Vietnam's government has taken steps to expand political freedoms ahead of the party congress.", "VNM", None),
    ("CONCEDE", "The Egyptian government loosened restrictions on foreign media on Monday.", "EGY", None),
]


@pytest.mark.parametrize("etype,text,src,tgt", ROW_POSITIVE, ids=[f"{p[0]}-{i}" for i, p in enumerate(ROW_POSITIVE)])
def test_row_needing_its_context_is_coded(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    """A row whose object, subject, complement or modifier is there codes its type."""
    assert _has(text, etype, src, tgt), _show(text)


# (type, sentence): near misses that must NOT be coded as that type (any modality)
ROW_NEGATIVE = [
    ("COERCE", "Myanmar's military government ordered the army to suspend operations in Rakhine."),
    ("COERCE", "Myanmar's military government ordered the newspaper to pay a fine to the Thai embassy."),
    ("COERCE", "Syrian troops have been holding positions near the Turkish border, activists said."),
    ("ACCUSE", "The United Nations dispatched a delegation to Syria on Monday for talks."),
    ("AID", "Britain's spy agency said the intelligence provided by informants in Ukraine was unreliable."),
]


@pytest.mark.parametrize("etype,text", ROW_NEGATIVE, ids=[f"{n[0]}-{i}" for i, n in enumerate(ROW_NEGATIVE)])
def test_row_without_its_context_is_not_coded(etype: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same verb without the object, complement or subject its row needs codes nothing."""
    if text in MODEL_ERRORS:
        monkeypatch.setenv("PARLEY_EVENT_MODEL", "v1")
    assert not _has(text, etype), _show(text)


@pytest.mark.parametrize("text", sorted(MODEL_ERRORS), ids=lambda t: t[:30])
@pytest.mark.xfail(strict=True, reason="a known error of parley-minilm-2.4 (the default event_model; 2.3 made it too): see MODEL_ERRORS")
def test_known_model_errors_on_near_misses(text: str) -> None:
    etype = next(n[0] for n in ROUND4_NEGATIVE + ROW_NEGATIVE if n[1] == text)
    assert not _has(text, etype), (MODEL_ERRORS[text], _show(text))


def test_delivered_weapons_arriving_are_aid_a_minister_arriving_is_a_visit() -> None:
    assert ("FRA", "UKR") in _pairs("The first French Caesar howitzers arrived in Ukraine in June.", "AID")
    assert not _pairs("The first French Caesar howitzers arrived in Ukraine in June.", "CONSULT")
    assert _pairs("Indian Foreign Minister Subrahmanyam Jaishankar arrived in Moscow on Monday.", "CONSULT")


def test_launching_missiles_at_a_state_is_an_assault() -> None:
    assert ("PRK", "KOR") in _pairs("North Korea launched two ballistic missiles at South Korea on Sunday.", "ASSAULT")


def test_package_of_sanctions_against_a_state() -> None:
    assert ("GBR", "IRN") in _pairs("Britain on Monday adopted a new package of sanctions against Iran.", "SANCTION")


def test_clemency_is_a_concession_and_release_a_retreat() -> None:
    assert ("USA", "CUB") in _pairs("Washington granted clemency to three Cuban nationals on Friday.", "CONCEDE")
    # PLOVER's table: releasing persons is RETREAT (mode release), CAMEO 0841
    events = [e for e in _asserted("Venezuela released six detained American citizens on Saturday.") if e.type == "RETREAT"]
    assert events and events[0].mode == "release"
    assert not _pairs("Venezuela released six detained American citizens on Saturday.", "COERCE")


def test_withdrawing_from_a_treaty_is_not_a_military_retreat() -> None:
    assert not _pairs("Russia withdrew from the Open Skies treaty in December.", "RETREAT", include_all=True)


def test_month_named_march_is_not_a_protest() -> None:
    assert not _pairs("Canada first imposed sanctions on Belarus in March 2021.", "PROTEST", include_all=True)


@pytest.mark.parametrize("obj", ["a statement", "a video of two Israeli hostages", "its annual budget", "treated water into the sea"])
def test_releasing_a_publication_or_substance_frees_no_one(obj: str) -> None:
    assert not _pairs(f"Hamas released {obj} on Monday.", "RETREAT")


def test_releasing_people_is_still_a_release() -> None:
    assert ("IRN", "FRA") in _pairs("Iran released two French nationals on Friday after months in Evin prison.", "RETREAT")


def test_accidental_death_is_no_assault() -> None:
    assert not _typed("Two Syrian soldiers were killed in a car accident near Idlib on Friday.", "ASSAULT")


def test_market_rally_is_no_protest() -> None:
    assert not _typed("The Serbian central bank said the rally in bond prices would continue.", "PROTEST")


def test_water_cannon_is_not_an_armed_attack() -> None:
    text = "Police fired water cannon at protesters outside the parliament in Tbilisi on Sunday."
    assert not any(e.type == "ASSAULT" and e.trigger == "fired" for e in analysed_events(text))
    # missiles fired are still an assault
    assert _has("Russian forces fired missiles at the Ukrainian port of Odesa overnight.", "ASSAULT", "RUS", "UKR")


def test_political_mobilisation_is_not_military() -> None:
    assert not _has("Qatar has mobilized lobby groups in Washington to support its bid.", "MOBILIZE")
    assert _has("Armenia mobilized its reserve troops against Azerbaijan on Sunday.", "MOBILIZE", "ARM")


def test_striking_a_deal_is_no_attack() -> None:
    text = "The Pakistani prime minister struck a deal with India over water sharing on Monday."
    assert not _has(text, "ASSAULT"), _show(text)
    assert _has("Israeli jets struck Hamas positions in Gaza overnight.", "ASSAULT", "ISR")


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese government has expanded its navy in recent years.",
        "Uzbekistan tightened restrictions on foreign media on Monday.",
    ],
)
def test_no_concession_without_freedoms_widened(text: str) -> None:
    assert not _has(text, "CONCEDE"), _show(text)


def test_security_forces_blocking_streets_is_no_protest() -> None:
    assert not _has("Riot police blocked streets in Bangkok on Sunday.", "PROTEST")


def test_fire_with_no_one_aimed_at_is_not_coded() -> None:
    text = "Thai police opened fire on Monday to stop the spread of the riot."
    assert not _has(text, "ASSAULT"), _show(text)


def test_an_accord_reached_or_announced_is_agree_and_one_signed_is_support() -> None:
    """Manual section 3: "reached/struck/announced a deal" is AGREE, "signed" one is SUPPORT."""
    assert _pairs("Bulgaria and Moldova announced on Friday a repatriation agreement for the fishermen.", "AGREE") == {("BGR", "MDA")}
    assert _pairs("Egypt and Sudan reached an accord on the dam's filling on Tuesday.", "AGREE") == {("EGY", "SDN")}
    assert _pairs("Chile and Bolivia clinched a pact on lithium exports on Monday.", "AGREE") == {("CHL", "BOL")}
    signed = "Kenya and Ethiopia signed a defence pact on Friday."
    assert _pairs(signed, "SUPPORT") == {("KEN", "ETH")} and not _pairs(signed, "AGREE")


def test_solidarity_and_gratitude_expressed_are_support() -> None:
    """Manual, SUPPORT: thank, express solidarity. Each enumerated party expresses it."""
    text = "Leaders of Argentina, Mexico and Colombia expressed solidarity with the Brazilian government on Sunday."
    assert _pairs(text, "SUPPORT") == {("ARG", "BRA"), ("MEX", "BRA"), ("COL", "BRA")}
    assert _pairs("The Afghan foreign minister expressed gratitude to Turkmenistan for the new school.", "SUPPORT") == {("AFG", "TKM")}
    # near miss: condolences are no PLOVER act
    assert not _pairs("The Afghan foreign minister expressed condolences to Turkmenistan after the floods.", "SUPPORT")


def test_materiel_handed_or_delivered_is_aid() -> None:
    assert _pairs("Taiwan handed a patrol boat to Palau on Thursday.", "AID") == {("TWN", "PLW")}
    assert _pairs("Japan delivered two patrol vessels to Vietnam on Monday.", "AID") == {("JPN", "VNM")}
    # near miss: a hand-over of a suspect is a release, no aid
    assert not _pairs("Kenya handed over the suspect to Uganda on Monday.", "AID")


FIRING_EXERCISE = "China fired missiles into waters off Taiwan's main ports on Friday."


def test_a_firing_exercise_into_open_water_is_mobilize(monkeypatch: pytest.MonkeyPatch) -> None:
    """Manual, MOBILIZE: a firing exercise at the target is MOBILIZE; firing at it is ASSAULT.
    The rules' reading (the learned model's addition beside it is the named error below)."""
    monkeypatch.setenv("PARLEY_EVENT_MODEL", "v1")
    assert _pairs(FIRING_EXERCISE, "MOBILIZE") == {("CHN", "TWN")} and not _pairs(FIRING_EXERCISE, "ASSAULT")
    monkeypatch.delenv("PARLEY_EVENT_MODEL")
    assert _pairs("Russian forces fired missiles at Kyiv on Monday.", "ASSAULT") == {("RUS", "UKR")}


def test_concern_voiced_is_a_disapproval() -> None:
    """Manual, ACCUSE disapprove: express concern; with no party responsible, no interaction."""
    assert _pairs("Germany raised concerns with China on Monday over the treatment of Uighurs.", "ACCUSE") == {("DEU", "CHN")}
    assert _pairs("Indonesia and Malaysia voiced concern over the coup in Myanmar on Monday.", "ACCUSE") == {("IDN", "MMR"), ("MYS", "MMR")}
    assert not {p for p in _pairs("Japan expressed concern about the fighting on Monday.", "ACCUSE") if p[1] and p[1] != "JPN"}



@pytest.mark.xfail(strict=True, reason="parley-minilm-2.4 adds ASSAULT CHN->TWN beside the rules' MOBILIZE (2.3 did not)")
def test_a_firing_exercise_with_the_learned_model() -> None:
    """With the default learned model beside the rules: a named expected failure, so that a model
    that stops making this error is noticed."""
    assert _pairs(FIRING_EXERCISE, "MOBILIZE") == {("CHN", "TWN")} and not _pairs(FIRING_EXERCISE, "ASSAULT")
