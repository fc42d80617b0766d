"""The dyad policy: which (source, target) pairs a rule may record, and with what confidence."""

from __future__ import annotations

from ..records import Actor
from .words import ARMED_NON_STATE, CUSTODY_PENDING, DOMESTIC_TYPES, EXPLICIT_HOW, NON_STATE_CODES, ONE_SIDED_TYPES


def dyad_allowed(type_: str, s: Actor, t: Actor, how: str) -> bool:
    """The dyad policy (see the module docstring).

    * No target at all: kept only for the one-sided types (a ceasefire, a strike, a resignation,
      a deployment) and for a stated commitment (AGREE: "promised to democratize Serbia"), as
      PLOVER codes them; the target has resolution "none". Any other type records an
      interaction, and a record with one side missing would pass for one, so it is not made.
    * A target the clause names but whose country is unknown ("ordered former president Carlos
      Menem to appear") is kept when it is the trigger's own argument: the event happened, only
      the country is unresolved (target country null).
    * Either way the confidence is at most 0.5, so an interstate view can drop them by
      `target.country is null` or a confidence threshold.
    * A same-country dyad is kept when both sides are explicit, distinct actors of the clause
      (police vs protesters, a government vs rebels, a judge vs a former president), or for the
      domestic types (PROTEST, CONCEDE, COERCE) coded to a state's own country when no one
      else is named (PLOVER's convention for internal events). Never when a side is a guess
      (the nearest actor, a country taken from the sentence's context, an interlocutor): those
      mostly pair a state with itself ("condemned North Korea's launch" -> PRK->PRK).
    """
    if t.resolution == "unresolved" or CUSTODY_PENDING in (s.resolution, t.resolution):
        # the addressee, or the custodian, comes from the page, or the event is dropped
        return True
    if t.resolution == "none":
        return type_ in ONE_SIDED_TYPES or type_ == "AGREE"
    if t.country is None:
        # a named party of unknown country ("former president Carlos Menem"): kept, with its
        # country unresolved, unless the source is a guess too
        return how in EXPLICIT_HOW and t.start >= 0
    if s.country != t.country:
        return True
    if how == "nearest-actor":
        return False  # a guessed side never makes a same-country pair
    if type_ in DOMESTIC_TYPES and s.country not in NON_STATE_CODES:
        return how in EXPLICIT_HOW | {"domestic", "event-place", "in-clause"}
    if type_ == "ASSAULT" and s.sector in ARMED_NON_STATE and t.sector != s.sector and t.start >= -1:
        # an armed group striking at home: the place (or a state actor) it attacked is the target
        return how in EXPLICIT_HOW | {"event-place", "in-clause"}
    if how not in EXPLICIT_HOW or s.start < 0 or t.start < 0:
        return False
    if s.sector != t.sector:
        return True
    if s.name or t.name:
        return bool(s.name and t.name and s.name != t.name)
    return s.text.lower() != t.text.lower()


def is_place(a: Actor) -> bool:
    """A bare place name (a country, a region, a town), not an institution or a person.

    The resolver gives a bare country name sector GOV (it may stand for the state), so this
    test, not the sector, decides where a place may be a target. Policy: a place in the act's
    own locative phrase is the target ("attacked targets in Jericho", "bombed targets in
    southern Lebanon": PLOVER codes the place's country as the affected party); a place met
    as a landmark, two or more phrases down with a locative one ("a village near the border
    with Niger", "a plan for talks in Geneva"), is not, unless the act is aimed at a place (a
    deployment or threat "along the border with Armenia")."""
    if a.office == "place":
        return True
    if a.role or a.person_id:
        return False
    from ..reference.gazetteer import lookup_country

    return lookup_country(a.text) is not None


def actor_key(a: Actor) -> str:
    return a.person_id or a.name or (a.text + "|" + (a.country or ""))


def confidence_for(how: str, s: Actor, t: Actor) -> float:
    base = {"domestic": 0.5, "complement": 0.75, "object-modifier": 0.75, "reaction": 0.7, "prep-object": 0.7, "event-place": 0.6, "one-sided": 0.6, "parse": 0.85, "between": 0.85, "compound-actor": 0.8, "dyad-in-name": 0.7, "host-country": 0.6, "nearest-actor": 0.6, "addressee-pending": 0.55}.get(how, 0.6)
    if s.name or t.name:
        base += 0.05
    return round(min(base, 0.95), 2)
