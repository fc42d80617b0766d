"""Month names of the languages a site's chrome is often written in, around an English article.

A page-date line such as "Geplaatst: 4 december 1997", "प्रकाशित: 22 जनवरी 2020" or
"เผยแพร่: 15 มี.ค. 2565" states the article's day in the site's language. `english_months` rewrites
such a line's month names in English (and a Thai Buddhist-era year as the Common Era year) so the
English date reader can read it. It is applied to short date lines only, never to article text.
"""

from __future__ import annotations

import re

# One row per month: the names (and the abbreviations a date line uses) in each language, lower
# case; genitive forms where a language writes the day before the month in the genitive (Polish,
# Czech, Russian, Ukrainian). A name shared by several languages names the same month in all.
# Portuguese "marco" (março without its cedilla) and Polish "marca" are left out: "Marco" is a
# name and "Marca" a newspaper, both met in bylines.
_ROWS: tuple[tuple[int, str], ...] = (
    (1, "januari januar janvier janv enero janeiro gennaio ocak stycznia ledna января січня қаңтар जनवरी มกราคม ม.ค."),
    (2, "februari februar février févr fevr febrero fevereiro febbraio şubat subat lutego února února февраля лютого ақпан फ़रवरी फरवरी กุมภาพันธ์ ก.พ."),
    (3, "maart märz maerz mars marts marzo março maret mart března марта березня наурыз मार्च มีนาคม มี.ค."),
    (4, "avril abril aprile nisan kwietnia dubna апреля квітня сәуір अप्रैल เมษายน เม.ย."),
    (5, "mei mai maj mayo maio maggio mayıs mayis maja května мая травня мамыр मई พฤษภาคม พ.ค."),
    (6, "juni juin junio junho giugno haziran czerwca června июня червня маусым जून มิถุนายน มิ.ย."),
    (7, "juli juillet juil julio julho luglio temmuz lipca července июля липня шілде जुलाई กรกฎาคม ก.ค."),
    (8, "augustus août aout agosto agustus ağustos agustos augusti sierpnia srpna августа серпня тамыз अगस्त สิงหาคม ส.ค."),
    (9, "septembre septiembre setiembre setembro settembre eylül eylul września wrzesnia září сентября вересня қыркүйек सितंबर सितम्बर กันยายน ก.ย."),
    (10, "oktober octobre octubre outubro ottobre ekim października pazdziernika října октября жовтня қазан अक्टूबर अक्तूबर ตุลาคม ต.ค."),
    (11, "novembre noviembre novembro kasım kasim listopada listopadu ноября листопада қараша नवंबर नवम्बर พฤศจิกายน พ.ย."),
    (12, "dezember décembre decembre diciembre dezembro dicembre desember aralık aralik grudnia prosince декабря грудня желтоқсан दिसंबर दिसम्बर ธันวาคม ธ.ค."),
)
_ENGLISH = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December")
# Names spelled as in English but written in lower case ("4 december 1997" in Dutch, Swedish or
# Danish chrome), which the English reader takes only capitalised.
FOREIGN_MONTHS: dict[str, int] = {name: month for month, names in _ROWS for name in names.split()} | {
    name: month for month, name in ((4, "april"), (8, "august"), (9, "september"), (11, "november"), (12, "december"))}
_SAME_IN_ENGLISH = frozenset(n.lower() for n in _ENGLISH)
_THAI_MONTH = re.compile(r"[\u0e00-\u0e7f]")
_NAME = re.compile(
    "(?<![\\w.])(" + "|".join(re.escape(n) for n in sorted(FOREIGN_MONTHS, key=len, reverse=True)) + r")(?![\w])\.?",
    re.IGNORECASE,
)
# The Buddhist era counts 543 years ahead of the Common Era (2565 BE = 2022 CE).
_BUDDHIST_YEAR = re.compile(r"(?<!\d)(2[45]\d\d)(?!\d)")
BUDDHIST_ERA_OFFSET = 543


def english_months(line: str) -> str:
    """`line` with each foreign month name in English; with a Thai month, a Buddhist-era year
    (2400-2599) as its Common Era year. A line without such a name is returned unchanged."""
    thai = False

    def swap(m: re.Match[str]) -> str:
        nonlocal thai
        thai = thai or bool(_THAI_MONTH.match(m.group(1)))
        return " " + _ENGLISH[FOREIGN_MONTHS[m.group(1).lower()] - 1] + " "

    out = _NAME.sub(lambda m: m.group(0) if m.group(0)[:1].isupper() and m.group(1).lower() in _SAME_IN_ENGLISH else swap(m), line)
    if out == line:
        return line
    # "12. März 2015": the German and Scandinavian day is an ordinal number with a full stop
    out = re.sub(r"(?<!\d)(\d{1,2})\.\s+(?=(?:" + "|".join(_ENGLISH) + r")\b)", r"\1 ", out)
    # "3 de mayo de 2019": Spanish and Portuguese join day, month and year with "de"
    out = re.sub(r"(?<!\d)(\d{1,2})\s+de\s+(" + "|".join(_ENGLISH) + r")\s+(?:de|del)\s+(?=\d{4})", r"\1 \2 ", out, flags=re.IGNORECASE)
    if thai:
        out = _BUDDHIST_YEAR.sub(lambda y: str(int(y.group(1)) - BUDDHIST_ERA_OFFSET), out)
    return re.sub(r"\s{2,}", " ", out).strip()
