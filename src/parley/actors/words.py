"""The words the actor rules read: offices, group nouns, faith and people words, place nouns.

Data, not logic: each set says in its comment what a word in it tells the resolver.
"""

from __future__ import annotations

import re


HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mme", "dame", "lord", "sen.", "rep.", "gen.", "lt.", "col.", "adm.", "maj.", "capt."}
NP_DEPS_IN = {"compound", "amod", "nmod", "det", "poss", "case", "appos", "nummod", "punct", "prep", "pobj", "cc", "conj", "flat", "quantmod", "advmod"}
PRONOUNS = {"he", "she", "him", "her"}
# Offices held by one person (a title can stand for a known person of the page).
PERSON_OFFICES = {
    "head_of_state", "head_of_government", "deputy_leader", "foreign_minister", "defense_minister",
    "interior_minister", "finance_minister", "minister", "deputy_minister", "org_head", "diplomat",
    "spokesperson", "legislator", "military_officer", "military_chief", "prosecutor", "party_leader",
    "former_official",
}
# Collective actors named by a common noun ("police", "rebels", "protesters").
GROUP_OFFICES = {
    "military", "police", "intelligence", "judiciary", "party", "opposition", "rebel", "armed_group",
    "protester", "activist", "civilian", "refugee", "media", "business", "labor", "agriculture",
    "education", "medical", "religious", "criminal", "official",
}
# Nouns after a country adjective that name no actor ("Chinese food", "Russian language").
NOT_GROUP_HEADS = {
    "language", "food", "cuisine", "time", "year", "month", "week", "day", "border", "territory",
    "waters", "airspace", "soil", "economy", "currency", "market", "history", "culture", "style",
    "version", "word", "name", "law", "constitution", "election", "side", "origin", "descent",
}
# Faiths and their adjectives: they name no state, and are not unknown proper names either.
FAITH_WORDS = {
    "moslem", "moslems", "muslim", "muslims", "islamic", "islamist", "islamists", "christian", "christians",
    "jewish", "jew", "jews", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists", "catholic",
    "catholics", "protestant", "protestants", "orthodox", "shiite", "shiites", "shia", "shi'ite", "sunni",
    "sunnis", "evangelical", "evangelicals",
}
# Last words of names of institutions and installations, never of a person.
INSTITUTION_WORDS = {"facility", "facilities", "plant", "reactor", "university", "college", "institute", "commission",
                      "committee", "council", "ministry", "agency", "company", "corporation", "bank", "hospital",
                      "airport", "school", "forum", "association", "union", "party", "front", "movement", "army"}
# Modifiers that make a capital an area of the city ("eastern Beirut"), not its government.
AREA_WORDS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
               "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "northeast",
               "northwest", "southeast", "southwest", "rural", "coastal", "downtown", "suburban"}
# Prepositions that only place an event ("signed in Algiers"); "at"/"on"/"to" may aim it.
WHERE_PREPS = {"in", "near", "inside", "outside", "around"}
# Prepositions whose object, hung on a verb, is where the act happened or went ("based in Geneva",
# "clashed in Kabul"), never who took part. (The events stage's LOCATIVE_PREPS is another list:
# prepositions that place an event's location.)
VERB_SETTING_PREPS = {"in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "through", "on"}
# Nouns for a settlement or region: "the town of Samarra", "the Darfur region".
PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "state", "capital", "port", "area", "county"}
# Capitalised words of titles that name no entity ("the Federal Minister", "the Interior Minister").
TITLE_ADJECTIVES = {"federal", "national", "interior", "foreign", "home", "defence", "defense", "deputy", "chief",
                     "general", "supreme", "royal", "central", "provincial", "regional", "state", "acting", "senior"}
# Offices of unidentified attackers, coded to the country where they struck.
ATTACKER_OFFICES = {"armed_group", "rebel", "criminal"}
# Offices of crowds: with no country word, they belong to the place the sentence puts them in.
CROWD_OFFICES = {"protester", "activist", "civilian"}
# Actor codes that are no state: organisations, NGOs, stateless movements.
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "IMG", "ISM"}
# Heads of a phrase naming the parties just named together ("the two sides", "both ministers").
PAIR_HEADS = {"side", "minister", "leader", "country", "nation", "government", "delegation", "president",
               "official", "counterpart", "party", "commander", "army", "military", "diplomat", "envoy",
               "chief", "premier", "capital", "state", "negotiator", "team", "two", "navy", "junta",
               # the words news uses for a pair it has named ("the two neighbours", "both allies")
               "neighbour", "neighbor", "rival", "ally", "foe", "adversary", "partner", "enemy"}


# Heads that make a leader's name stand for the state ("the Bush administration").
GOVERNMENT_OF = {"administration", "government", "cabinet", "regime", "coalition"}
# "anti-Syria", "pro-Russian": a stance towards a country, not membership of it.
STANCE_PREFIX = re.compile(r"(?i)\b(?:anti|pro)-$")
# "Iranian-backed militias", "US-trained forces": a sponsor, not the group's own country
# ("Saudi-led coalition" keeps its leader's country).
SPONSOR_SUFFIX = re.compile(r"(?i)-(?:backed|supported|funded|financed|trained|armed|sponsored|allied|aligned|friendly|leaning)\b")
# Heads of a body that a person's name may modify ("the Umma party", "Djindjic's coalition").
NAMED_BODY_HEADS = {"party", "coalition", "movement", "front", "alliance", "bloc", "faction"}
LED_WORDS = {"led", "backed", "supported", "funded", "financed", "trained", "armed", "sponsored", "allied", "aligned"}
# Heads that name a people rather than a state's organ ("the Albanian population").
PEOPLE_HEADS = {"population", "minority", "minorities", "community", "communities", "diaspora", "enclave"}
# Heads naming a client of the possessor: "Israel's militia ally", "Iran's proxies" are not the
# possessor's own forces.
PATRON_HEADS = {"ally", "proxy", "client", "surrogate"}

# Head nouns of the proper names of organisations ("the Association of African Jurists", "the
# Third World Water Forum"). Such a name with no state in it and not in the gazetteer is a
# non-governmental body (PLOVER "country" NGO); a state word in it ("National Security Council")
# or a country ("Kenya Anti-Corruption Commission") keeps it a state body.
ORG_NAME_HEADS = {"association", "forum", "committee", "commission", "council", "foundation", "institute",
                   "federation", "union", "league", "society", "watch", "network", "coalition", "alliance",
                   "centre", "center", "trust", "fund", "congress", "confederation", "organisation",
                   "organization", "group", "initiative", "campaign"}
STATE_BODY_WORDS = {"national", "state", "federal", "supreme", "presidential", "royal", "central", "military",
                     "government", "governmental", "parliamentary", "provincial", "ministerial", "security",
                     "electoral", "election", "constitutional", "revolutionary", "senate", "house", "cabinet",
                     "municipal", "city", "county", "joint"}
# Words of an NGO's name that tell its sector (first hit wins); SOC otherwise, as organisations.csv.
NGO_SECTOR_WORDS = (
    ({"jurist", "jurists", "lawyer", "lawyers", "bar", "legal", "law", "judges"}, "JUD"),
    ({"journalist", "journalists", "press", "media", "reporters", "editors", "broadcasters"}, "JRN"),
    ({"doctor", "doctors", "medical", "health", "physicians", "nurses"}, "MED"),
    ({"refugee", "refugees", "migrant", "migrants"}, "REF"),
    ({"farmer", "farmers", "peasant", "peasants", "agricultural"}, "AGR"),
    ({"worker", "workers", "labour", "labor", "trade", "mineworkers", "teachers'", "employees"}, "LAB"),
    ({"business", "employers", "industry", "industries", "chamber", "commerce", "manufacturers"}, "BUS"),
    ({"student", "students", "teachers", "university", "universities", "academic", "education"}, "EDU"),
    ({"church", "churches", "islamic", "muslim", "christian", "catholic", "jewish", "clergy", "bishops"}, "REL"),
)
# "a human rights group", "an aid agency", "a press-freedom watchdog": a common-noun NGO.
NGO_COMMON_HEADS = {"group", "groups", "watchdog", "watchdogs", "charity", "charities", "organisation",
                     "organization", "organisations", "organizations", "ngo", "ngos", "agency", "agencies",
                     "campaigner", "campaigners"}
NGO_COMMON_MODS = {"rights", "aid", "humanitarian", "relief", "charity", "advocacy", "environmental",
                    "campaign", "non-governmental", "nongovernmental", "non-profit", "nonprofit", "watchdog",
                    "freedom", "press-freedom", "conservation", "development"}
# Faith words with a transnational PLOVER actor code (ISM, used in the PLOVER gold for Muslims
# with no state): other faiths have no such code and stay unresolved without a place.
ISLAM_WORDS = {"muslim", "muslims", "moslem", "moslems", "islamic", "islamist", "islamists"}
# Crowd nouns: a crowd with no country word is coded to the place the sentence puts it in.
CROWD_HEADS = {"people", "person", "crowd", "crowds", "resident", "villager", "inhabitant", "citizen",
                "inmate", "prisoner", "detainee", "worker", "student", "demonstrator", "protester", "protestor"}
CROWD_COUNTS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
                 "scores", "tens", "crowd", "crowds", "group", "number"}
INMATES = {"inmate", "prisoner", "detainee"}


# People-group nouns a faith word may modify ("Muslim hackers") besides the title table's groups.
FAITH_GROUP_HEADS = {"hacker", "extremist", "radical", "fighter", "militant", "insurgent", "gunman", "preacher",
                      "scholar", "cleric", "leader", "youth", "pilgrim", "worshipper", "believer", "convert", "jihadist"}
# Leaders of a people who are no state's government: elites (ELI), as PLOVER codes "Yoruba leaders".
ELITE_HEADS = {"leader", "elder", "chief", "chieftain", "notable", "dignitary", "figure"}
