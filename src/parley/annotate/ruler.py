"""An exact, faster matcher for spaCy's attribute_ruler (tag -> part of speech, morphology, lemma
exceptions).

The ruler of the English model holds about 180 patterns of one or two tokens, each asking for a
fine tag, a lowercase word, a dependency label or whitespace. spaCy's general `Matcher` starts
every pattern at every token, so on parley's candidate sentences the ruler cost more than the
tagger and the parser together (`parley bench`, docs/scale.md). Here each pattern is filed under
a value its first token must have (its word, else its label, else its tag), so a token is tried
only against the few patterns that can start there. What counts as a match is the Matcher's
rule for these pattern forms, and the matches go back to the ruler in the order its own `match`
returns them, so `AttributeRuler.set_annotations` sets exactly what it set before. A ruler with
any other pattern form (operators, extensions, other attributes) keeps spaCy's matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# The token attributes the patterns may ask about, in the order `Doc.to_array` reads them: ids of
# strings (0 when unset, as the Matcher reads them) and 0/1 for IS_SPACE.
_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
# Which attribute files a pattern, most selective first.
_INDEX_ORDER = ("LOWER", "DEP", "TAG", "IS_SPACE")


@dataclass(frozen=True)
class _Check:
    """One condition on one token of a pattern: the attribute at `offset` from the pattern's
    start equals, is in, is not in or matches `value` (string ids, as the Matcher compares them)."""

    offset: int
    attr: str
    op: str  # "eq", "in", "not_in" or "regex"
    value: Any

    def test(self, strings: Any) -> Callable[[int], Any]:
        """The condition as a function of the attribute's id; `strings` spells an id for a regex."""
        if self.op == "eq":
            return self.value.__eq__  # type: ignore[no-any-return]
        if self.op == "in":
            return self.value.__contains__  # type: ignore[no-any-return]
        if self.op == "not_in":
            return lambda seen: seen not in self.value
        known: dict[int, bool] = {}  # words recur: one regex search per distinct word

        def search(seen: int) -> bool:
            hit = known.get(seen)
            if hit is None:
                hit = known[seen] = bool(self.value.search(strings[seen]))
            return hit

        return search


@dataclass(frozen=True)
class _Pattern:
    """A compiled pattern: its ruler row (the ordinal of its Matcher key), the key, its length
    and its conditions."""

    row: int
    key: int
    length: int
    checks: tuple[_Check, ...]


def _check(offset: int, attr: str, value: Any) -> _Check | None:
    if attr not in _ATTRS:
        return None
    from spacy.strings import get_string_id

    if isinstance(value, bool):
        return _Check(offset, attr, "eq", int(value)) if attr == "IS_SPACE" else None
    if isinstance(value, str):
        return _Check(offset, attr, "eq", get_string_id(value)) if attr != "IS_SPACE" else None
    if not isinstance(value, dict) or len(value) != 1 or attr == "IS_SPACE":
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        return _Check(offset, attr, op.lower(), frozenset(get_string_id(v) for v in arg))
    if op == "REGEX" and isinstance(arg, str):
        return _Check(offset, attr, "regex", re.compile(arg))
    return None


def _compile(row: int, key: int, pattern: Any) -> _Pattern | None:
    if not isinstance(pattern, list) or not pattern or not all(isinstance(spec, dict) and spec for spec in pattern):
        return None
    checks = [_check(offset, attr, value) for offset, spec in enumerate(pattern) for attr, value in spec.items()]
    if any(c is None for c in checks):
        return None
    return _Pattern(row, key, len(pattern), tuple(checks))  # type: ignore[arg-type]


def _filing(p: _Pattern) -> tuple[_Check | None, frozenset[Any]]:
    """The first token's condition a pattern is filed under and the values it files it by (an
    unfiled pattern: None and no values)."""
    for attr in _INDEX_ORDER:
        for c in p.checks:
            if c.offset == 0 and c.attr == attr and c.op in ("eq", "in"):
                return c, (frozenset([c.value]) if c.op == "eq" else c.value)
    return None, frozenset()


# A pattern as tried at a token: the pattern and its conditions left to test, as (offset,
# attribute position, test).
_Tried = tuple[_Pattern, tuple[tuple[int, int, Callable[[Any], Any]], ...]]


class RuleMatcher:
    """The patterns of one attribute ruler, filed by a value their first token must have: a
    token is tried only against the patterns filed under its own values, whose filing condition
    then holds already, and the few patterns filed under none."""

    def __init__(self, patterns: list[_Pattern], strings: Any) -> None:
        self.filed: list[dict[Any, list[_Tried]]] = [{} for _ in _ATTRS]
        self.unfiled: list[_Tried] = []
        for p in patterns:
            by, values = _filing(p)
            tried = (p, tuple((c.offset, _ATTRS.index(c.attr), c.test(strings)) for c in p.checks if c is not by))
            if by is None:
                self.unfiled.append(tried)
            for v in values:
                self.filed[_ATTRS.index(by.attr)].setdefault(v, []).append(tried)  # type: ignore[union-attr]

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """(row, key, start, end) of every match, sorted as `AttributeRuler.match` sorts them."""
        from spacy.attrs import IDS

        rows = doc.to_array([IDS[a] for a in _ATTRS]).tolist() if len(doc) else []
        n = len(rows)
        found: set[tuple[int, int, int, int]] = set()
        for i, values in enumerate(rows):
            for tried in [self.unfiled] + [self.filed[a].get(values[a], ()) for a in range(len(_ATTRS))]:  # type: ignore[list-item]
                for p, rest in tried:
                    end = i + p.length
                    if end <= n and (not rest or all(test(rows[i + off][a]) for off, a, test in rest)):
                        found.add((p.row, p.key, i, end))
        return sorted(found)


def compile_ruler(ruler: Any) -> RuleMatcher | None:
    """A `RuleMatcher` for the patterns of spaCy's `AttributeRuler` `ruler`, or None when one of
    them has a form this matcher does not read (the ruler then keeps spaCy's matcher)."""
    compiled: list[_Pattern] = []
    for row in range(len(ruler.attrs)):
        key = ruler.vocab.strings[str(row)]
        _, patterns = ruler.matcher.get(key)
        for pattern in patterns:
            found = _compile(row, key, pattern)
            if found is None:
                return None
            compiled.append(found)
    return RuleMatcher(compiled, ruler.vocab.strings)


def speed_up(nlp: Any) -> None:
    """Give the pipeline's attribute_ruler the faster matcher when its patterns allow it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    fast = compile_ruler(ruler)
    if fast is not None:
        # AttributeRuler.__call__ asks self.match for the matches, then sets them itself.
        ruler.match = fast.match
