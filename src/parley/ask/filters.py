"""The one event filter: the CLI (`parley events`, `parley export`), the Python API
(`parley.events`, `parley.events_frame`, `parley.export`) and the web (`/events`, `/api/events`)
all build their WHERE clause here, so the same words select the same rows everywhere.

Vocabulary (docs/api.md lists it once for all three):

    country     either side is this country (ISO3)        source / target  one side
    dyad        A-B, either direction                      actor            words in a name
    type        PLOVER type                                mode / context   PLOVER mode, context
    quad_class  1..4 (CAMEO QuadClass)                     historical       yes/no
    confidence  at least this confidence (0..1)            since / until    YYYY[-MM[-DD]]
    text        words in the evidence sentence or a name   all              also negated, planned,
                                                                            hypothetical, questions

The default set is the *asserted* canonical events; `all` adds the rest. Every value is checked
(a bad one is a `QueryError` naming the parameter) and bound as a SQL parameter.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any, Mapping, get_args

from ..errors import QueryError
from ..records import Precision
from ..events.lexicon import PLOVER_TYPES

DEFAULT_SET = "asserted events (add all=1 / --all for negated, planned, hypothetical and questions)"
_CODE = re.compile(r"^[A-Z]{3}$")
_MAX_TEXT = 200


def check_country(code: str | None, what: str) -> str | None:
    if code is None:
        return None
    code = code.strip().upper()
    if not _CODE.match(code):
        raise QueryError(f"{what}: '{code}' is not a three-letter country code (ISO 3166 alpha-3, or IGO/UNO/EUR/NGO)")
    return code


def check_type(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().upper()
    if v not in PLOVER_TYPES:
        raise QueryError(f"type: '{value}' is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    return v


def check_date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    v = value.strip()
    try:
        if len(v) == 10:
            date.fromisoformat(v)
            return v
        if len(v) == 7:
            date.fromisoformat(v + "-01")
            return v
        if len(v) == 4 and v.isdigit():
            return v
    except ValueError:
        pass
    raise QueryError(f"{what}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def first_day(v: str) -> str:
    return v if len(v) == 10 else (v + "-01" if len(v) == 7 else v + "-01-01")


def last_day(v: str) -> str:
    if len(v) == 10:
        return v
    if len(v) == 7:
        y, m = int(v[:4]), int(v[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1).isoformat()
    return v + "-12-31"


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """'USA-CHN' (or 'USA,CHN') -> ('USA', 'CHN')."""
    if not value:
        return None
    parts = [p for p in value.replace(",", "-").replace(" ", "-").split("-") if p]
    if len(parts) != 2:
        raise QueryError(f"dyad: '{value}' is not two country codes like USA-CHN")
    a, b = check_country(parts[0], "dyad"), check_country(parts[1], "dyad")
    assert a and b
    return a, b


DATE_PRECISIONS: tuple[str, ...] = get_args(Precision)  # day, month, season, quarter, half, year, decade


def check_precisions(value: str | None) -> str | None:
    """A comma list of date precisions ("day,month"), normalised; QueryError naming a bad one."""
    if value is None:
        return None
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in DATE_PRECISIONS]
    if bad or not names:
        raise QueryError(f"precision: '{value}' is not a comma list of {', '.join(DATE_PRECISIONS)}")
    return ",".join(dict.fromkeys(names))


def _words(value: str | None, what: str) -> str | None:
    v = (value or "").strip()
    if not v:
        return None
    if len(v) > _MAX_TEXT:
        raise QueryError(f"{what}: longer than {_MAX_TEXT} characters")
    return v


def _flag(value: Any, what: str) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    v = str(value).strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise QueryError(f"{what}: '{value}' is not yes/no (1/0, true/false)")


def _like(text: str) -> str:
    # LIKE wildcards in the user's words are taken literally.
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class EventFilter:
    """A validated events filter. Build it with `EventFilter.of(...)` (Python names) or
    `EventFilter.from_params(...)` (query-string names); `where()` gives the SQL."""

    country: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    actor: str | None = None
    type: str | None = None
    mode: str | None = None
    context: str | None = None
    quad_class: int | None = None
    historical: bool | None = None
    confidence: float | None = None
    since: str | None = None
    until: str | None = None
    precision: str | None = None  # "day,month": only events dated this finely (a month chart's list)
    text: str | None = None
    include_all: bool = False

    # query-string name -> field (the web's short names; both spellings are accepted)
    PARAM_ALIASES = {"q": "text", "all": "include_all"}

    @classmethod
    def of(
        cls, *, country: str | None = None, source: str | None = None, target: str | None = None,
        dyad: tuple[str, str] | str | None = None, actor: str | None = None, type: str | None = None,
        mode: str | None = None, context: str | None = None, quad_class: int | str | None = None,
        historical: bool | str | None = None, confidence: float | str | None = None,
        since: str | None = None, until: str | None = None, precision: str | None = None, text: str | None = None,
        include_all: bool | str = False,
    ) -> "EventFilter":
        """Check every value; raise QueryError naming the first bad one."""
        if isinstance(dyad, str):
            pair = parse_dyad(dyad)
        elif dyad:
            a, b = check_country(dyad[0], "dyad"), check_country(dyad[1], "dyad")
            assert a and b
            pair = (a, b)
        else:
            pair = None
        qc = None
        if quad_class not in (None, ""):
            try:
                qc = int(str(quad_class))
            except ValueError:
                qc = 0
            if qc not in (1, 2, 3, 4):
                raise QueryError(f"quad_class: '{quad_class}' is not 1, 2, 3 or 4")
        conf = None
        if confidence not in (None, ""):
            try:
                conf = float(str(confidence))
            except ValueError:
                conf = -1.0
            if not 0.0 <= conf <= 1.0:
                raise QueryError(f"confidence: '{confidence}' is not a number from 0 to 1")
        return cls(
            country=check_country(country or None, "country"),
            source=check_country(source or None, "source"),
            target=check_country(target or None, "target"),
            dyad=pair,
            actor=_words(actor, "actor"),
            type=check_type(type or None),
            mode=_words(mode, "mode"),
            context=_words(context, "context"),
            quad_class=qc,
            historical=_flag(historical, "historical"),
            confidence=conf,
            since=check_date(since or None, "since"),
            until=check_date(until or None, "until"),
            precision=check_precisions(precision or None),
            text=_words(text, "text"),
            include_all=bool(_flag(include_all, "all")),
        )

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_params(cls, params: Mapping[str, Any], *, allowed_extra: tuple[str, ...] = ()) -> "EventFilter":
        """From query-string parameters; an unknown parameter is an error (a typo such as
        `targt=CHN` must not silently return every event)."""
        known = set(cls.names()) | set(cls.PARAM_ALIASES) | set(allowed_extra)
        unknown = sorted(k for k in params if k not in known and not k.startswith("_"))
        if unknown:
            raise QueryError(f"{unknown[0]}: unknown parameter (filters: {', '.join(param_names())})")
        values = {cls.PARAM_ALIASES.get(k, k): v for k, v in params.items() if k in known and k not in allowed_extra}
        try:
            return cls.of(**values)
        except QueryError as exc:
            # name the parameter as the request spelled it (q=, all=)
            for short, name in cls.PARAM_ALIASES.items():
                if short in params and str(exc).startswith(f"{name}:"):
                    raise QueryError(short + str(exc)[len(name):]) from None
            raise

    def params(self) -> dict[str, str]:
        """Back to query-string parameters (the web's short names)."""
        out: dict[str, str] = {}
        for k, v in asdict(self).items():
            if v in (None, False, ""):
                continue
            name = {"text": "q", "include_all": "all"}.get(k, k)
            if k == "dyad":
                v = "-".join(v)
            elif isinstance(v, bool):
                v = "1" if v else "0"
            out[name] = str(v)
        if self.historical is False:
            out["historical"] = "0"
        return out

    def where(self, table: str = "events") -> tuple[str, list[Any]]:
        """' where ...' (or '') and its parameters, for `events` or `mentions`."""
        where: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            where.append(clause)
            params.extend(values)

        if self.country:
            add("(source_country = ? or target_country = ?)", self.country, self.country)
        if self.source:
            add("source_country = ?", self.source)
        if self.target:
            add("target_country = ?", self.target)
        if self.dyad:
            a, b = self.dyad
            add("((source_country = ? and target_country = ?) or (source_country = ? and target_country = ?))", a, b, b, a)
        if self.actor:
            pat = _like(self.actor)
            add("(source_name like ? escape '\\' or source_text like ? escape '\\' or target_name like ? escape '\\' or target_text like ? escape '\\')", pat, pat, pat, pat)
        if self.type:
            add("type = ?", self.type)
        if self.mode:
            add("mode = ?", self.mode)
        if self.context:
            add("context = ?", self.context)
        if self.quad_class is not None:
            types = [t for t, info in PLOVER_TYPES.items() if info.quad_class == self.quad_class]
            add(f"type in ({','.join('?' * len(types))})", *types)
        if self.historical is not None:
            add("historical = ?", int(self.historical))
        if self.confidence is not None:
            add("confidence >= ?", self.confidence)
        if self.since:
            add("date_last >= ?", first_day(self.since))
        if self.until:
            add("date_first <= ?", last_day(self.until))
        if self.precision:
            wanted = self.precision.split(",")
            add(f"date_precision in ({','.join('?' * len(wanted))})", *wanted)
        if self.text:
            pat = _like(self.text)
            add("(evidence like ? escape '\\' or source_name like ? escape '\\' or target_name like ? escape '\\')", pat, pat, pat)
        if not self.include_all:
            add("modality = 'asserted'")
        return (" where " + " and ".join(where)) if where else "", params


def param_names() -> list[str]:
    """The query-string names of the filter (as the web and docs/api.md spell them)."""
    return [{"text": "q", "include_all": "all"}.get(n, n) for n in EventFilter.names()]
