"""Language of a page, so parley only analyses pages in the languages it can code (English).

py3langid (a pure-Python port of langid.py, 97 languages, no downloads) classifies the page's
visible text. Short texts are not judged: a 40-character headline is too little evidence, and
a wrong "skipped: not English" loses a page, while analysing a foreign page only finds nothing.
A page is skipped only when the classifier is confident and the language is not wanted, and its
text blocks of a wanted language (an English article inside Hindi menus and footer) do not add
up to the same least amount of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Names for the codes a news crawl meets most; anything else is reported by its code alone.
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "nl": "Dutch", "no": "Norwegian",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}

# Classifying the first part of a page is enough and keeps a 20 MB page cheap.
_SAMPLE_CHARS = 20_000
# Linear-time patterns only: page text is hostile, and a backtracking regex is a denial of service.
_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&#?[0-9a-zA-Z]{1,8};")
_BLOCKS = ("script", "style", "noscript", "template")


@dataclass(frozen=True)
class Detection:
    code: str
    probability: float
    chars: int  # how much visible text the judgement rests on (see evidence_chars)

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code, self.code)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def preload() -> None:
    """Load the language model now (about a second), so no page pays for it."""
    _identifier()


def visible_text(content: str, is_html: bool) -> str:
    """Roughly the words a reader sees: tags, scripts, styles, comments, entities and URLs out."""
    sample = content[: _SAMPLE_CHARS * 5] if is_html else content[:_SAMPLE_CHARS]
    if is_html:
        sample = _ENTITY.sub(" ", _TAG.sub(" ", _drop_blocks(sample)))
        cut = sample.rfind("<")
        if cut >= 0 and ">" not in sample[cut:]:
            sample = sample[:cut]  # a tag (a 5 MB attribute) still open at the end of the sample
    words = [w for w in sample.split() if not ("/" in w or "www." in w or "http" in w)]
    return " ".join(words)[:_SAMPLE_CHARS]


def _drop_blocks(html: str) -> str:
    """Remove script/style/... elements and comments in one pass (plain searches, no regex)."""
    low = html.lower()
    opens = {"<" + b: "</" + b for b in _BLOCKS} | {"<!--": "-->"}
    nxt = {o: low.find(o) for o in opens}  # cached next position of each opener: linear overall
    out: list[str] = []
    i = 0
    while True:
        for o, pos in nxt.items():
            if 0 <= pos < i:
                nxt[o] = low.find(o, i)
        live = [(pos, o) for o, pos in nxt.items() if pos >= 0]
        if not live:
            out.append(html[i:])
            break
        pos, o = min(live)
        out.append(html[i:pos])
        close = low.find(opens[o], pos + 1)
        if close < 0:
            break  # unclosed: the rest is script or comment
        i = close + len(opens[o])
    return " ".join(out)


def detect(content: str, *, is_html: bool = False) -> Detection:
    text = visible_text(content, is_html)
    if not text:
        return Detection("und", 0.0, 0)
    code, prob = _identifier().classify(text)
    return Detection(str(code), float(prob), evidence_chars(text))


def wanted_probability(content: str, languages: set[str], *, is_html: bool) -> tuple[Detection, float]:
    """The top language and the total probability of the wanted ones.

    Judging by the wanted languages' share as well as the top language's confidence keeps close
    relatives (zh/wuu, ms/id) from making a clearly foreign page look uncertain.
    """
    text = visible_text(content, is_html)
    if not text:
        return Detection("und", 0.0, 0), 1.0
    ranked = _identifier().rank(text)
    code, prob = ranked[0]
    return Detection(str(code), float(prob), evidence_chars(text)), float(sum(p for c, p in ranked if c in languages))


_WIDE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def evidence_chars(text: str) -> int:
    """How much evidence `text` is: the length of its distinct words (a page repeating "Yes." 
    100,000 times is four characters of evidence), a CJK/kana/hangul character counting four."""
    distinct = " ".join(dict.fromkeys(text.split()))
    return len(distinct) + 3 * len(_WIDE.findall(distinct))


def unwanted_language(
    content: str, languages: tuple[str, ...], *, is_html: bool, min_chars: int, max_wanted_probability: float = 0.01, min_top_probability: float = 0.5
) -> Detection | None:
    """The detected language when the page is confidently not in `languages`; None to analyse it.

    `languages` containing "any" (or being empty) turns the check off. Too little text to judge,
    or any real chance of a wanted language, means the page is analysed.
    """
    wanted = {x.strip().lower() for x in languages if x.strip()}
    if not wanted or "any" in wanted:
        return None
    found, p_wanted = wanted_probability(content, wanted, is_html=is_html)
    if found.chars < min_chars or found.code in wanted or p_wanted > max_wanted_probability or found.probability < min_top_probability:
        return None
    if _wanted_blocks_chars(content, wanted, is_html) >= min_chars:
        return None  # an article in a wanted language inside foreign menus, labels and footer
    return found


# A block shorter than this (a menu item, a label, a date) is not judged on its own.
_MIN_BLOCK_CHARS = 80


def _wanted_blocks_chars(content: str, wanted: set[str], is_html: bool) -> int:
    """How much of the page's text is in blocks (text between tags, or lines) that are each in a
    wanted language: a page's chrome in another script can outweigh its article as a whole."""
    sample = content[: _SAMPLE_CHARS * 5] if is_html else content[:_SAMPLE_CHARS]
    blocks = _TAG.split(_drop_blocks(sample)) if is_html else sample.split("\n")
    total = 0
    for block in blocks:
        text = " ".join(_ENTITY.sub(" ", block).split())
        if len(text) < _MIN_BLOCK_CHARS:
            continue
        code, _ = _identifier().classify(text)
        if code in wanted:
            total += evidence_chars(text)
    return total
