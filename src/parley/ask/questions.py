"""questions: what analysts ask of a dyad - last contact, timeline, dialogue channels, trend.

All four read the canonical events (one row per real-world event, however many pages reported
it; see store/merge.py), asserted only, between two states in either direction, each at its own date
(background events count at their own date, never at the date of the page that mentioned them).

Levels. Each actor gets a level from its office (officeholder file or title), else its sector:
  leader   - head_of_state, head_of_government
  minister - foreign_minister, defense_minister, any other minister, deputy_leader
  military - military_chief, military_officer, or a MIL-sector actor without office
  official - any other office of state (deputy ministers, diplomats, officials, legislators ...)
  (none)   - a bare state ("China", "the US") or a non-state actor
An event's level is the lower of its two sides' levels (order leader > minister > military >
official), ignoring a side without a level; a contact in which neither side has a level is
"official" (state-to-state talks with no principal named are working-level talks). So Austin with
Wei Fenghe is "minister", Biden with Xi is "leader", a defense minister with a military chief is
"military". `--level X` selects events at exactly that level; `any` selects all.

Channels (`channels`). A contact (default type CONSULT) belongs to a channel when one side holds
the channel's office and the other side holds the same office, a leader's office, or no known
office (a counterpart the page does not name):
  leaders            head_of_state / head_of_government on one side
  foreign ministers  foreign_minister
  defense ministers  defense_minister
  military chiefs    military_chief (the other side may also be a defense minister)
  working-level      neither side is a leader, a minister or a military chief
A channel's silence is the time from its last contact to the as-of date (default: the newest
news date in the database, never the day the question is asked, so old pages are not all
"frozen"); it is "frozen" when the
silence is longer than the `frozen_after_days` setting (settings.py), "never" when no contact is
on record, else "open". A coarse date (a year, a month) counts at its last day, so silence is a
lower bound for coarse dates.

Undated reports. An event no page dated (no usable page date, no date words) is never counted
as a contact, a period's event or a channel's last contact: it could be any meeting of the dyad.
`undated_reports` lists them apart, and the CLI prints them under their own heading.

Trend (`trend`). Per period, over the canonical events of the dyad dated in it:
  index            = (sum of PLOVER scores) / n  - the mean cooperation-conflict score on
                     PLOVER's -10 (most conflictual) .. +10 (most cooperative) scale, each
                     canonical event counting once however many pages reported it;
  goldstein        = (sum of Goldstein scores) / n, the CAMEO-era equivalent (-10 .. +10), each
                     event scored by its trigger's CAMEO root (an appeal +3, a demand -5);
  q1..q4           = counts per QuadClass (1 verbal cooperation, 2 material cooperation,
                     3 verbal conflict, 4 material conflict);
  coop_share       = (q1 + q2) / n.
Scores per type are in lexicon.PLOVER_TYPES.

Periods (`timeline`, `trend`). An event falls in the period of its first day at the requested
granularity (month "2024-04", quarter "2024-Q2", year "2024"), unless its date is coarser than the
period: then it keeps its own coarser label ("2022" in a monthly timeline), rather than
pretending to a month it does not have.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from ..time.precision import PRECISION_SPAN_RANK, UNKNOWN_SPAN_RANK
from ..errors import QueryError
from ..events.lexicon import PLOVER_TYPES, gdelt_columns
from ..settings import Settings
from ..store.db import open_db
from ..store.merge import event_mentions
from .queries import _documents, check_country, check_date, check_type, event_json

Level = Literal["leader", "minister", "military", "official"]
LEVELS: tuple[str, ...] = ("leader", "minister", "military", "official")
_LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}
OFFICE_LEVEL: dict[str, Level] = {
    "head_of_state": "leader", "head_of_government": "leader",
    "deputy_leader": "minister", "foreign_minister": "minister", "defense_minister": "minister",
    "finance_minister": "minister", "interior_minister": "minister", "minister": "minister",
    "military_chief": "military", "military_officer": "military", "military": "military",
}
# Offices that are not the state's (a company head, a rebel): no level.
_NON_STATE = {"business", "armed_group", "rebel", "criminal", "activist", "protester", "civilian", "refugee", "media", "religious", "opposition", "party", "party_leader"}
_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "DIP", "SPY", "POL"}
PERIODS = ("month", "quarter", "year")
_PERIOD_RANK = {"month": 1, "quarter": 2, "year": 4}
DAYS_PER_MONTH = 365.25 / 12

CHANNELS: tuple[tuple[str, str], ...] = (
    ("leaders", "leaders"),
    ("foreign_ministers", "foreign ministers"),
    ("defense_ministers", "defense ministers"),
    ("military_chiefs", "military chiefs"),
    ("working_level", "working-level talks"),
)
_LEADER_OFFICES = {"head_of_state", "head_of_government"}
_PRINCIPAL_OFFICES = _LEADER_OFFICES | {"foreign_minister", "defense_minister", "military_chief", "minister", "deputy_leader", "finance_minister", "interior_minister"}


def actor_level(office: str | None, sector: str | None) -> Level | None:
    """The level of one actor (see the module docstring)."""
    if office:
        if office in OFFICE_LEVEL:
            return OFFICE_LEVEL[office]
        if office in _NON_STATE:
            return None
        return "official"
    if sector == "MIL":
        return "military"
    return None


def event_level(row: dict[str, Any]) -> Level:
    """The level of a contact: the lower of its sides' levels; 'official' when neither has one."""
    levels = [lv for lv in (actor_level(row["source_office"], row["source_sector"]), actor_level(row["target_office"], row["target_sector"])) if lv]
    if not levels:
        return "official"
    return max(levels, key=lambda lv: _LEVEL_RANK[lv])


def event_channels(row: dict[str, Any]) -> list[str]:
    """The dialogue channels a contact belongs to (see the module docstring)."""
    offices = (row["source_office"], row["target_office"])
    out: list[str] = []

    def fits(office: str, others: set[str]) -> bool:
        for mine, other in (offices, offices[::-1]):
            if mine == office and (other is None or other in others):
                return True
        return False

    if any(o in _LEADER_OFFICES for o in offices) and all(o is None or o in _LEADER_OFFICES for o in offices):
        out.append("leaders")
    if fits("foreign_minister", {"foreign_minister"} | _LEADER_OFFICES):
        out.append("foreign_ministers")
    if fits("defense_minister", {"defense_minister"} | _LEADER_OFFICES):
        out.append("defense_ministers")
    if fits("military_chief", {"military_chief", "defense_minister"} | _LEADER_OFFICES):
        out.append("military_chiefs")
    if not any(o in _PRINCIPAL_OFFICES for o in offices):
        out.append("working_level")
    return out


# -- shared helpers ------------------------------------------------------------------------------

def _day(value: str, what: str, end: bool = False) -> date:
    """A YYYY[-MM[-DD]] bound as a day: its first day, or its last with end=True."""
    v = check_date(value, what)
    assert v is not None
    if len(v) == 10:
        return date.fromisoformat(v)
    if len(v) == 7:
        first = date.fromisoformat(v + "-01")
        if not end:
            return first
        nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(int(v), 12, 31) if end else date(int(v), 1, 1)


def _check_level(level: str | None) -> str:
    lv = (level or "any").strip().lower()
    if lv != "any" and lv not in LEVELS:
        raise QueryError(f"level: '{level}' is not one of {', '.join(LEVELS)}, any")
    return lv


def _check_types(type_: str | None) -> set[str] | None:
    """None means every type."""
    if type_ is None or type_.strip().lower() == "any":
        return None
    return {t for t in (check_type(x) for x in type_.split(",")) if t}


def _check_dyad(a: str, b: str) -> tuple[str, str]:
    ca, cb = check_country(a, "first country"), check_country(b, "second country")
    assert ca and cb
    if ca == cb:
        raise QueryError(f"dyad: '{ca}' twice; give two different countries")
    return ca, cb


def dyad_events(db_path: str | Path, a: str, b: str, types: set[str] | None = None) -> list[dict[str, Any]]:
    """Asserted canonical events between a and b, either direction, oldest first."""
    ca, cb = _check_dyad(a, b)
    sql = (
        "select * from events where modality = 'asserted' and "
        "((source_country = ? and target_country = ?) or (source_country = ? and target_country = ?))"
    )
    params: list[Any] = [ca, cb, cb, ca]
    if types:
        sql += f" and type in ({','.join('?' * len(types))})"
        params += sorted(types)
    sql += " order by date_first is null, date_first, date_last, id"
    db = open_db(db_path, readonly=True)
    try:
        return list(db.query(sql, params))
    finally:
        db.close()


def undated_reports(db_path: str | Path, a: str, b: str, *, type: str | None = None) -> list[dict[str, Any]]:
    """The dyad's asserted events that no page dated: reported, but not counted as contacts."""
    return [
        {"id": e["id"], "type": e["type"], "source": e["source_name"] or e["source_country"],
         "target": e["target_name"] or e["target_country"], "mentions": e["mentions"], "sources": e["sources"],
         "document_id": e["document_id"], "evidence": e["evidence"]}
        for e in dyad_events(db_path, a, b, _check_types(type))
        if not e["date_first"]
    ]


def format_undated(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    lines = [f"Undated reports (not counted as contacts): {len(rows)}"]
    lines += [f"  - {r['type']} {r['source']}-{r['target']}: {r['evidence']}" for r in rows]
    return "\n".join(lines)


def gap_text(days: int) -> str:
    """Plain words for a gap, as a reporter would round it ("about 17 months")."""
    if days < 14:
        return f"{days} day" + ("" if days == 1 else "s")
    if days < 60:
        return f"about {round(days / 7)} weeks"
    months = days / DAYS_PER_MONTH
    if months < 24:
        return f"about {round(months)} months"
    return f"about {months / 12:.1f} years"


def _with_mentions(db_path: str | Path, row: dict[str, Any]) -> dict[str, Any]:
    db = open_db(db_path, readonly=True)
    try:
        docs = _documents(db, {row["document_id"]})
        out = event_json(row, docs.get(row["document_id"]))
        out["level"] = event_level(row)
        out["channels"] = event_channels(row)
        out["reports"] = event_mentions(db, row["id"])
    finally:
        db.close()
    return out


# -- the reference date ---------------------------------------------------------------------------

def newest_news_date(db_path: str | Path) -> date | None:
    """The last day of the newest news date in the database: the default "now" of the questions,
    so a database of 2024 pages is asked about 2024, not about the day the question is put."""
    db = open_db(db_path, readonly=True)
    try:
        found = [r["d"] for r in db.query("select max(news_date) as d from documents where news_date is not null")]
    finally:
        db.close()
    value = found[0] if found else None
    if not value:
        return None
    try:
        return _day(value[:10], "news date", end=True)
    except QueryError:
        return None


def _reference(db_path: str | Path, given: str | None, what: str, today: date | None) -> tuple[date, str]:
    """(reference day, where it came from): the date asked for, else the newest news date in the
    database, else today (an empty database)."""
    if given:
        return _day(given, what, end=what == "as-of"), f"--{what}"
    if today is not None:
        return today, "today"
    newest = newest_news_date(db_path)
    if newest is not None:
        return newest, "newest news date in the database"
    return date.today(), "today (no dated page in the database)"


# -- last contact --------------------------------------------------------------------------------

def last_contact(
    db_path: str | Path,
    a: str,
    b: str,
    *,
    before: str | None = None,
    level: str | None = "any",
    type: str | None = "CONSULT",
    today: date | None = None,
) -> dict[str, Any] | None:
    """The most recent qualifying event between a and b that began before `before` (default:
    the day after the newest news date in the database, so that day's contacts count), with the
    gap from it to the reference day (`before`, or that newest news date). A coarse date counts
    at its last day before the reference ("2022" -> 2022-12-31), so the gap is then a lower bound
    (`gap_is_lower_bound`). `reference` says which date was used and why. None when there is none."""
    lv = _check_level(level)
    types = _check_types(type)
    ref, why = _reference(db_path, before, "before", today)
    measured_to = ref
    if not before:
        ref = ref + timedelta(days=1)  # "as of" the newest news day: that day's contacts count
    best: tuple[tuple[date, int], dict[str, Any]] | None = None
    for row in dyad_events(db_path, a, b, types):
        if not row["date_first"]:
            continue
        first, last = date.fromisoformat(row["date_first"]), date.fromisoformat(row["date_last"])
        if first >= ref or (lv != "any" and event_level(row) != lv):
            continue
        latest = min(last, ref - timedelta(days=1))
        key = (latest, -PRECISION_SPAN_RANK.get(row["date_precision"], UNKNOWN_SPAN_RANK))
        if best is None or key > best[0]:
            best = (key, row)
    if best is None:
        return None
    (latest, _), row = best
    gap = (measured_to - latest).days if not before else (ref - latest).days
    return {
        "dyad": list(_check_dyad(a, b)),
        "before": ref.isoformat(),
        "reference": {"date": measured_to.isoformat(), "source": why},
        "level": lv,
        "type": ",".join(sorted(types)) if types else "any",
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_first": row["date_first"],
        "date_last": row["date_last"],
        "gap_days": gap,
        "gap_months": round(gap / DAYS_PER_MONTH, 1),
        "gap_text": gap_text(gap),
        "gap_is_lower_bound": row["date_precision"] != "day",
        "mentions": row["mentions"],
        "sources": row["sources"],
        "event": _with_mentions(db_path, row),
    }


def format_last_contact(result: dict[str, Any] | None, a: str, b: str) -> str:
    if result is None:
        return f"No qualifying contact between {a.upper()} and {b.upper()} on record."
    ev = result["event"]

    def who(x: dict[str, Any]) -> str:
        name = x.get("name") or x.get("text") or "?"
        return f"{name} ({x['role']}, {x['country']})" if x.get("role") else f"{name} ({x['country']})"

    lower = "at least " if result["gap_is_lower_bound"] else ""
    lines = [
        (f"Last {result['type']} contact {result['dyad'][0]}-{result['dyad'][1]} (level: {result['level']}) "
         + (f"before {result['before']}" if result["reference"]["source"] == "--before" else f"as of {result['reference']['date']} ({result['reference']['source']}; --before to change)")
         + f": {result['date']} ({result['date_precision']})"),
        f"  gap: {lower}{result['gap_days']} day(s) = {result['gap_months']} months ({result['gap_text']})",
        f"  {who(ev['source'])} - {who(ev['target'])}" + (f", {ev['mode']}" if ev.get("mode") else "") + (f", {ev['location']}" if ev.get("location") else ""),
        f"  level {ev['level']}; reported {result['mentions']} time(s) in {result['sources']} page(s):",
    ]
    for r in ev["reports"]:
        lines.append(f"    - {r['path']} [{r['evidence_start']}:{r['evidence_end']}] ({r['date_text'] or 'no date words'}): {r['evidence']}")
    return "\n".join(lines)


# -- periods -------------------------------------------------------------------------------------

def period_of(row: dict[str, Any], by: str) -> str | None:
    """The period label of an event (see 'Periods' in the module docstring); None when undated."""
    if by not in PERIODS:
        raise QueryError(f"by: '{by}' is not one of {', '.join(PERIODS)}")
    if not row["date_first"]:
        return None
    first = date.fromisoformat(row["date_first"])
    last = date.fromisoformat(row["date_last"])
    prec = row["date_precision"] or "year"
    if PRECISION_SPAN_RANK.get(prec, UNKNOWN_SPAN_RANK) > _PERIOD_RANK[by]:
        # Coarser than the period: keep an honest, coarser label.
        if first.year != last.year:
            return f"{first.year}/{last.year}" if prec != "decade" else f"{first.year // 10 * 10}s"
        if by == "month" and prec in ("season", "quarter") and (last.month - 1) // 3 == (first.month - 1) // 3:
            return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
        return str(first.year)
    if by == "year":
        return str(first.year)
    if by == "quarter":
        return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    return f"{first.year:04d}-{first.month:02d}"


def _period_sort(label: str) -> tuple[str, int]:
    # "2022" before "2022-01" ... a coarse period sorts first among its year; "2022/2024" by start.
    return (label[:4], len(label))


def _period_rows(db_path: str | Path, a: str, b: str, by: str, since: str | None, until: str | None, types: set[str] | None) -> dict[str, list[dict[str, Any]]]:
    lo = _day(since, "since") if since else None
    hi = _day(until, "until", end=True) if until else None
    out: dict[str, list[dict[str, Any]]] = {}
    for row in dyad_events(db_path, a, b, types):
        label = period_of(row, by)
        if label is None:
            continue
        if lo and date.fromisoformat(row["date_last"]) < lo:
            continue
        if hi and date.fromisoformat(row["date_first"]) > hi:
            continue
        out.setdefault(label, []).append(row)
    return dict(sorted(out.items(), key=lambda kv: _period_sort(kv[0])))


def timeline(db_path: str | Path, a: str, b: str, *, by: str = "month", since: str | None = None, until: str | None = None, type: str | None = None) -> list[dict[str, Any]]:
    """Events of the dyad per period: counts per type and the events themselves (oldest first)."""
    types = _check_types(type)
    rows = []
    for label, evs in _period_rows(db_path, a, b, by, since, until, types).items():
        counts: dict[str, int] = {}
        for e in evs:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
        rows.append({
            "period": label,
            "events": len(evs),
            "types": dict(sorted(counts.items())),
            "items": [
                {"id": e["id"], "date": e["date"], "type": e["type"], "level": event_level(e), "historical": bool(e["historical"]),
                 "source": e["source_name"] or e["source_country"], "target": e["target_name"] or e["target_country"],
                 "mentions": e["mentions"], "sources": e["sources"], "evidence": e["evidence"]}
                for e in evs
            ],
        })
    return rows


# -- channels ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChannelStatus:
    channel: str
    label: str
    status: Literal["open", "frozen", "never"]
    last_contact: str | None
    date_precision: str | None
    silent_days: int | None
    contacts: int
    event_id: str | None
    evidence: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel, "label": self.label, "status": self.status, "last_contact": self.last_contact,
            "date_precision": self.date_precision, "silent_days": self.silent_days,
            "silent_months": round(self.silent_days / DAYS_PER_MONTH, 1) if self.silent_days is not None else None,
            "contacts": self.contacts, "event_id": self.event_id, "evidence": self.evidence,
        }


def channels(db_path: str | Path, a: str, b: str, *, as_of: str | None = None, type: str | None = "CONSULT",
             settings: Settings | None = None, today: date | None = None) -> list[dict[str, Any]]:
    """The dyad's dialogue channels with last contact, silence and frozen status as of a date."""
    types = _check_types(type)
    threshold = (settings if settings is not None else Settings.from_env()).frozen_after_days
    ref, why = _reference(db_path, as_of, "as-of", today)
    per: dict[str, list[dict[str, Any]]] = {c: [] for c, _ in CHANNELS}
    for row in dyad_events(db_path, a, b, types):
        if not row["date_first"] or date.fromisoformat(row["date_first"]) > ref:
            continue
        for c in event_channels(row):
            per[c].append(row)
    out = []
    for key, label in CHANNELS:
        evs = per[key]
        if not evs:
            out.append(ChannelStatus(key, label, "never", None, None, None, 0, None, None).as_json())
            continue
        last = max(evs, key=lambda e: (min(date.fromisoformat(e["date_last"]), ref), -PRECISION_SPAN_RANK.get(e["date_precision"], UNKNOWN_SPAN_RANK)))
        silent = (ref - min(date.fromisoformat(last["date_last"]), ref)).days
        status: Literal["open", "frozen"] = "frozen" if silent > threshold else "open"
        out.append(ChannelStatus(key, label, status, last["date"], last["date_precision"], silent, len(evs), last["id"], last["evidence"]).as_json())
    for row in out:
        row["as_of"], row["as_of_source"] = ref.isoformat(), why
    return out


# -- trend ---------------------------------------------------------------------------------------

def trend(db_path: str | Path, a: str, b: str, *, by: str = "month", since: str | None = None, until: str | None = None,
          type: str | None = None) -> list[dict[str, Any]]:
    """Cooperation-conflict index per period (formula in the module docstring); `type` limits
    the events counted (a PLOVER type or a comma list)."""
    rows = []
    for label, evs in _period_rows(db_path, a, b, by, since, until, _check_types(type)).items():
        n = len(evs)
        infos = [PLOVER_TYPES[e["type"]] for e in evs]
        quads = {q: sum(1 for i in infos if i.quad_class == q) for q in (1, 2, 3, 4)}
        rows.append({
            "period": label,
            "events": n,
            "index": round(sum(i.score for i in infos) / n, 3),
            "goldstein": round(sum(float(gdelt_columns(e["type"], e["coder"] or "")["goldstein"]) for e in evs) / n, 3),  # type: ignore[arg-type]
            "q1_verbal_coop": quads[1], "q2_material_coop": quads[2],
            "q3_verbal_conflict": quads[3], "q4_material_conflict": quads[4],
            "coop_share": round((quads[1] + quads[2]) / n, 3),
        })
    return rows
