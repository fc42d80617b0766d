"""Dates as the chrome of a foreign site writes them, around an English article.

A page-date line such as "Geplaatst: 4 december 1997", "प्रकाशित: 22 जनवरी 2020",
"เผยแพร่: 15 มี.ค. 2565", "発行：令和元年10月23日", "Diterbitkan: Jumaat, 1 Mac 2013" (Malay) or
"Publish Date: 1396/12/01" states the article's
day in the site's language or calendar. `english_dates` rewrites such a line in English (month and
weekday names, a Thai Buddhist-era year, a Japanese era year, a Chinese, Japanese or Korean
year-month-day, a Vietnamese "ngày 3 tháng 3 năm 2022", a Solar Hijri day as the Gregorian one,
Arabic-Indic digits, the legal "the 14th day of October, 1998") so the English date reader can
read it. It is applied to short date lines only, never to article text.
"""

from __future__ import annotations

import re

# One row per month: the names (and the abbreviations a date line uses) in each language, lower
# case; genitive forms where a language writes the day before the month in the genitive (Polish,
# Czech, Russian, Ukrainian). A name shared by several languages names the same month in all.
# Portuguese "marco" (março without its cedilla) and Polish "marca" are left out: "Marco" is a
# name and "Marca" a newspaper, both met in bylines.
_ROWS: tuple[tuple[int, str], ...] = (
    (1, "ιανουαρίου ιανουάριος ינואר בינואר يناير januari januar janvier janv enero janeiro gennaio ocak stycznia ledna января січня қаңтар जनवरी มกราคม ม.ค."),
    (2, "φεβρουαρίου φεβρουάριος פברואר בפברואר فبراير شباط februari februar février févr fevr febrero fevereiro febbraio şubat subat lutego února února февраля лютого ақпан फ़रवरी फरवरी กุมภาพันธ์ ก.พ."),
    (3, "mac μαρτίου μάρτιος מרץ במרץ מרס במרס مارس آذار maart märz maerz mars marts marzo março maret mart března марта березня наурыз मार्च มีนาคม มี.ค."),
    (4, "απριλίου απρίλιος אפריל באפריל أبريل إبريل نيسان avril abril aprile nisan kwietnia dubna апреля квітня сәуір अप्रैल เมษายน เม.ย."),
    (5, "μαΐου μάιος מאי במאי مايو أيار mei mai maj mayo maio maggio mayıs mayis maja května мая травня мамыр मई พฤษภาคม พ.ค."),
    (6, "jun ιουνίου ιούνιος יוני ביוני يونيو يونيه حزيران juni juin junio junho giugno haziran czerwca června июня червня маусым जून มิถุนายน มิ.ย."),
    (7, "julai ιουλίου ιούλιος יולי ביולי يوليو يوليه تموز juli juillet juil julio julho luglio temmuz lipca července июля липня шілде जुलाई กรกฎาคม ก.ค."),
    (8, "ogos αυγούστου αύγουστος אוגוסט באוגוסט أغسطس آب augustus août aout agosto agustus ağustos agustos augusti sierpnia srpna августа серпня тамыз अगस्त สิงหาคม ส.ค."),
    (9, "σεπτεμβρίου σεπτέμβριος ספטמבר בספטמבר سبتمبر أيلول septembre septiembre setiembre setembro settembre eylül eylul września wrzesnia září сентября вересня қыркүйек सितंबर सितम्बर กันยายน ก.ย."),
    (10, "οκτωβρίου οκτώβριος אוקטובר באוקטובר أكتوبر oktober octobre octubre outubro ottobre ekim października pazdziernika října октября жовтня қазан अक्टूबर अक्तूबर ตุลาคม ต.ค."),
    (11, "νοεμβρίου νοέμβριος נובמבר בנובמבר نوفمبر novembre noviembre novembro kasım kasim listopada listopadu ноября листопада қараша नवंबर नवम्बर พฤศจิกายน พ.ย."),
    (12, "disember δεκεμβρίου δεκέμβριος דצמבר בדצמבר ديسمبر dezember décembre decembre diciembre dezembro dicembre desember aralık aralik grudnia prosince декабря грудня желтоқсан दिसंबर दिसम्बर ธันวาคม ธ.ค."),
)
_ENGLISH = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December")
# Malay names that are also an English word or name ("Mac"): read only between a day and a year
# ("Diterbitkan: Jumaat, 1 Mac 2013").
_BETWEEN_DAY_AND_YEAR = frozenset({"mac"})
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
# Weekday names before the day ("jueves, 18 de diciembre de 2014"), read where a month was.
_WEEKDAY_ROWS = (
    ("Monday", "isnin δευτέρα الاثنين lunes segunda-feira lundi montag maandag lunedì senin pazartesi понедельник"),
    ("Tuesday", "τρίτη الثلاثاء martes terça-feira mardi dienstag dinsdag martedì selasa salı вторник"),
    ("Wednesday", "τετάρτη الأربعاء miércoles quarta-feira mercredi mittwoch woensdag mercoledì rabu çarşamba среда"),
    ("Thursday", "khamis πέμπτη الخميس jueves quinta-feira jeudi donnerstag donderdag giovedì kamis perşembe четверг"),
    ("Friday", "jumaat παρασκευή الجمعة viernes sexta-feira vendredi freitag vrijdag venerdì jumat cuma пятница"),
    ("Saturday", "σάββατο السبت sábado samedi samstag zaterdag sabato sabtu cumartesi суббота"),
    ("Sunday", "ahad κυριακή الأحد domingo dimanche sonntag zondag domenica minggu pazar воскресенье"),
)
_WEEKDAYS = {name: english for english, names in _WEEKDAY_ROWS for name in names.split()}
_WEEKDAY = re.compile("(?<![\\w-])(" + "|".join(re.escape(n) for n in sorted(_WEEKDAYS, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_WEEKDAY_BEFORE_DIGITS = re.compile(_WEEKDAY.pattern + r"(?=,?\s+\d)", re.IGNORECASE)
# Arabic-Indic and Persian digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# "2012年11月16日", "令和元年10月23日" (Japanese eras: Reiwa 1 = 2019, Heisei 1 = 1989, Showa 1 = 1926;
# 元 = the first year), Korean "2021년 3월 3일".
_ERA_START = {"令和": 2019, "平成": 1989, "昭和": 1926}
_CJK_DATE = re.compile(r"(?:(?P<year>(?:19|20)\d{2})|(?P<era>令和|平成|昭和)(?P<eyear>\d{1,2}|元))\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]?")
# Vietnamese "Thứ Năm, ngày 3 tháng 3 năm 2022": weekday, then day, month and year by their words.
_VIETNAMESE_DATE = re.compile(r"(?:(?:th\u1ee9\s+\w+|ch\u1ee7\s+nh\u1eadt),?\s+)?ng\u00e0y\s+(\d{1,2})\s+th\u00e1ng\s+(\d{1,2}),?\s+n\u0103m\s+((?:19|20)\d{2})", re.IGNORECASE)
# "1396/12/01": a Solar Hijri (Persian) date; years 1300-1499 are 1921-2121.
_SOLAR_HIJRI = re.compile(r"(?<!\d)(1[34]\d\d)([/.-])(\d{1,2})\2(\d{1,2})(?!\d)")
# "12 رمضان 1431 هـ - 22 أغسطس 2010 م": a lunar Hijri date beside the Gregorian one, left out.
_LUNAR_HIJRI = re.compile(
    r"\d{1,2}\s+(?:محرم|صفر|ربيع\s+\S+|جمادى\s+\S+|رجب|شعبان|رمضان|شوال|ذو\s+\S+)\s+1[34]\d\d\s*(?:هـ|ه)?\s*[-–|/]?\s*")
# "the 14th day of October, 1998": the legal and treaty form.
_DAY_OF = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+([A-Z][a-z]+),?\s+(?=(?:19|20)\d{2})")


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian (year, month, day) of a Solar Hijri date, counted from its 1 Farvardin (the
    March equinox day): 20 March of the Gregorian year 621 later in a Solar Hijri leap year of the
    33-year cycle, else 21 March. Exact for the years around 1375-1410; at most a day off over
    1300-1499, where the astronomical calendar departs from the cycle."""
    from datetime import date, timedelta

    leap = year % 33 in (1, 5, 9, 13, 17, 22, 26, 30)
    new_year = date(year + 621, 3, 20 if leap else 21)
    day_of_year = (month - 1) * 31 + day - 1 if month <= 7 else 186 + (month - 7) * 30 + day - 1
    out = new_year + timedelta(days=day_of_year)
    return out.year, out.month, out.day


_VIETNAMESE_WEEKDAYS = {"th\u1ee9 hai": "Monday", "th\u1ee9 ba": "Tuesday", "th\u1ee9 t\u01b0": "Wednesday", "th\u1ee9 n\u0103m": "Thursday",
                        "th\u1ee9 s\u00e1u": "Friday", "th\u1ee9 b\u1ea3y": "Saturday", "ch\u1ee7 nh\u1eadt": "Sunday"}
_VIETNAMESE_WEEKDAY = re.compile(r"\b(th\u1ee9\s+(?:hai|ba|t\u01b0|n\u0103m|s\u00e1u|b\u1ea3y)|ch\u1ee7\s+nh\u1eadt)\b", re.IGNORECASE)


def writes_day_first(line: str) -> bool:
    """The line names its weekday or month in another language than English: its numeric dates
    put the day first (month first is a US English habit; CJK year-first dates are read apart)."""
    if _WEEKDAY.search(line) or _VIETNAMESE_WEEKDAY.search(line):
        return True
    return any(m.group(1).lower() not in _SAME_IN_ENGLISH for m in _NAME.finditer(line))


def english_dates(line: str) -> str:
    """`line` rewritten for the English date reader (module docstring); a line with nothing
    foreign in it is returned unchanged."""
    out = line.translate(_DIGITS)
    if not re.search(r"\d", out):
        return line  # no day or year written: nothing to read (and most lines of prose are such)
    out = _LUNAR_HIJRI.sub("", out)
    out = _CJK_DATE.sub(_cjk_date, out)
    out = _VIETNAMESE_DATE.sub(lambda m: f" {int(m.group(1))} {_ENGLISH[int(m.group(2)) - 1]} {m.group(3)} " if 1 <= int(m.group(2)) <= 12 else m.group(0), out)
    out = _SOLAR_HIJRI.sub(_solar_hijri_date, out)
    out = _DAY_OF.sub(r"\1 \2 ", out)
    if _NUMERIC_DATE.search(out):
        # "Thứ ba, 09/05/2023", "jueves, 09/05/2013": a weekday before a numeric date
        out = _VIETNAMESE_WEEKDAY.sub(lambda m: _VIETNAMESE_WEEKDAYS[" ".join(m.group(1).lower().split())], out)
        out = _WEEKDAY_BEFORE_DIGITS.sub(lambda m: _WEEKDAYS[m.group(1).lower()], out)
    thai = False

    def swap(m: re.Match[str]) -> str:
        nonlocal thai
        if m.group(1).lower() in _BETWEEN_DAY_AND_YEAR and not (
                re.search(r"(?<!\d)\d{1,2}\s+$", m.string[: m.start()]) and re.match(r"\s+(?:19|20)\d{2}(?!\d)", m.string[m.end():])):
            return m.group(0)
        thai = thai or bool(_THAI_MONTH.match(m.group(1)))
        return " " + _ENGLISH[FOREIGN_MONTHS[m.group(1).lower()] - 1] + " "

    named = _NAME.sub(lambda m: m.group(0) if m.group(0)[:1].isupper() and m.group(1).lower() in _SAME_IN_ENGLISH else swap(m), out)
    if named != out:
        out = _WEEKDAY.sub(lambda m: _WEEKDAYS[m.group(1).lower()], named)
        # "12. März 2015": the German and Scandinavian day is an ordinal number with a full stop
        out = re.sub(r"(?<!\d)(\d{1,2})\.\s+(?=(?:" + "|".join(_ENGLISH) + r")\b)", r"\1 ", out)
        # "3 de mayo de 2019": Spanish and Portuguese join day, month and year with "de"
        out = re.sub(r"(?<!\d)(\d{1,2})\s+de\s+(" + "|".join(_ENGLISH) + r")\s+(?:de|del)\s+(?=\d{4})", r"\1 \2 ", out, flags=re.IGNORECASE)
        if thai:
            out = _BUDDHIST_YEAR.sub(lambda y: str(int(y.group(1)) - BUDDHIST_ERA_OFFSET), out)
    return line if out == line else re.sub(r"\s{2,}", " ", out).strip()


def _cjk_date(m: re.Match[str]) -> str:
    year = int(m.group("year")) if m.group("year") else _ERA_START[m.group("era")] + (0 if m.group("eyear") == "元" else int(m.group("eyear")) - 1)
    month = int(m.group("month"))
    return f" {int(m.group('day'))} {_ENGLISH[month - 1]} {year} " if 1 <= month <= 12 else m.group(0)


def _solar_hijri_date(m: re.Match[str]) -> str:
    month, day = int(m.group(3)), int(m.group(4))
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return m.group(0)
    y, mo, d = solar_hijri_to_gregorian(int(m.group(1)), month, day)
    return f"{y}-{mo:02d}-{d:02d}"
