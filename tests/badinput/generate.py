"""Generate the bad-input corpus into a folder at test time (nothing big is committed).

Each `Case` writes one hostile or broken input and says what `parley ingest` must record for it:
the status (stored / skipped / failed) and words its reason must contain. All texts are written
for these tests (news-like, with realistic damage). `python tests/badinput/generate.py DIR`
writes the corpus for a manual run.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

GOOD_STORY = (
    "Foreign ministers meet in Geneva over border dispute\n\n"
    "GENEVA, March 4 (Wire) - French Foreign Minister Claire Dumont met her German counterpart in Geneva on "
    "Tuesday to discuss the border dispute, the two governments said in a joint statement.\n\n"
    "The talks lasted two hours. Germany said it would send a delegation to Paris next month, and France "
    "praised the German proposal for a ceasefire monitoring mission.\n\n"
    "Officials from both countries declined to comment on the timetable.\n"
)

GOOD_HTML = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ministers meet in Geneva</title>"
    "<meta property='article:published_time' content='2024-03-05T09:00:00Z'></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Ministers meet in Geneva</h1>"
    "<p>GENEVA, March 4 (Wire) - Japan's foreign minister met the foreign minister of South Korea in Geneva on Tuesday "
    "to discuss North Korea's missile launches, officials said.</p>"
    "<p>South Korea accused North Korea of violating United Nations resolutions, and Japan condemned the launches.</p>"
    "<p>The two ministers agreed to meet again in Seoul in the autumn, the ministries said in a statement after the talks.</p>"
    "</article><footer>Copyright 2024 Wire. All rights reserved.</footer></body></html>"
)

NO_EVENTS = (
    "Heavy rain expected across the region this weekend\n\n"
    "Forecasters said on Friday that heavy rain would fall across the coastal region over the weekend, with up to "
    "80 millimetres expected in the hills. Temperatures will stay mild, around 14 degrees, and winds will ease by Monday.\n\n"
    "Drivers were advised to allow extra time for journeys and to check road conditions before setting out.\n"
)

FRENCH = (
    "<html><head><title>Les ministres se rencontrent à Genève</title></head><body><article>"
    "<p>Le ministre français des Affaires étrangères a rencontré mardi son homologue allemand à Genève pour discuter "
    "du différend frontalier, ont indiqué les deux gouvernements dans un communiqué commun.</p>"
    "<p>Les discussions ont duré deux heures. L'Allemagne a annoncé l'envoi d'une délégation à Paris le mois prochain, "
    "et la France a salué la proposition allemande d'une mission de surveillance du cessez-le-feu.</p></article></body></html>"
)
GERMAN = (
    "Minister treffen sich in Genf\n\n"
    "Der französische Außenminister hat am Dienstag in Genf seinen deutschen Amtskollegen getroffen, um über den "
    "Grenzstreit zu sprechen, teilten beide Regierungen in einer gemeinsamen Erklärung mit. Die Gespräche dauerten "
    "zwei Stunden. Deutschland kündigte an, im nächsten Monat eine Delegation nach Paris zu entsenden.\n"
)
SPANISH = (
    "Los ministros de Asuntos Exteriores se reunieron el martes en Ginebra para discutir la disputa fronteriza, "
    "según informaron ambos gobiernos en un comunicado conjunto. Las conversaciones duraron dos horas y Alemania "
    "anunció que enviará una delegación a París el próximo mes.\n"
)
CHINESE = (
    "<html><head><meta charset='utf-8'><title>外长在日内瓦会晤</title></head><body><article><p>"
    "法国外交部长星期二在日内瓦会见了德国外交部长，讨论边界争端问题。两国政府在联合声明中表示，会谈持续了两个小时。"
    "德国宣布将于下个月派代表团前往巴黎，法国对德国提出的停火监督任务建议表示赞赏。双方同意保持沟通渠道畅通，"
    "并在秋季再次举行会谈。官员们拒绝就具体时间表发表评论。</p></article></body></html>"
)
RUSSIAN_CP1251 = (
    "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><title>Встреча министров</title></head>"
    "<body><p>Министр иностранных дел Франции во вторник встретился в Женеве со своим немецким коллегой, чтобы обсудить "
    "пограничный спор, говорится в совместном заявлении двух правительств. Переговоры продолжались два часа.</p></body></html>"
)
RTL_ENGLISH = (
    "Talks in Amman end without agreement\n\n"
    "AMMAN, May 2 - Jordan's foreign minister, \u202bأيمن الصفدي\u202c, met Egypt's foreign minister in Amman on Thursday "
    "to discuss the crisis in Gaza, the ministry said. The \u200fministers\u200f urged an immediate ceasefire and said "
    "they would meet again next week. \u202eThis text is reversed by an override mark.\u202c\n"
)
EMOJI_ENGLISH = (
    "Leaders hold summit 🌍🤝\n\n"
    "BRUSSELS 🇪🇺 - The President of France met the Chancellor of Germany in Brussels on Monday 📅 to discuss trade, "
    "officials said 🗣️. Both leaders praised 👏 the new agreement and pledged to cooperate on energy 🔋⚡.\n\n"
    "👍 Like   🔁 Share   💬 12 comments\n"
)
BOILERPLATE_ONLY = (
    "<html><head><title>Home</title></head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    "<li><a href='/sport'>Sport</a></li></ul></nav><div class='cookie'>This website uses cookies. Accept all cookies</div>"
    "<footer><p>Copyright 2024 Example Media. All rights reserved.</p><p>Follow us on Twitter</p></footer></body></html>"
)
HOSTILE_HTML = (
    "<html><head><title>Ministers meet <script>alert('title')</script></title></head><body><article>"
    "<h1 onmouseover=\"alert(1)\">Summit</h1>"
    "<p>GENEVA - The foreign minister of Japan met the foreign minister of South Korea <img src=x onerror=alert(2)> "
    "in Geneva on Tuesday to discuss North Korea, officials said. <a href=\"javascript:alert(3)\">More</a></p>"
    "<p>'); DROP TABLE events; -- South Korea condemned the missile launches, the ministry said.</p>"
    "</article></body></html>"
)


def _good_text(tag: str) -> str:
    # Distinct content per good page: the store keys documents by content hash.
    return GOOD_STORY.replace("Geneva on", f"Geneva ({tag}) on", 1)


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return build


def _huge_page(folder: Path, name: str = "huge_50mb.html", size: int = 50_000_000) -> None:
    para = ("<p>" + "The minister met the envoy in the capital on Monday and the talks went on. " * 12 + "</p>\n").encode()
    with open(folder / name, "wb") as fh:
        fh.write(b"<html><body>")
        written = 12
        while written < size:
            fh.write(para)
            written += len(para)
        fh.write(b"</body></html>")


def _deep_divs(folder: Path) -> None:
    body = GOOD_HTML.split("<article>")[1].split("</article>")[0]
    html = "<html><head><title>Deep</title></head><body>" + "<div>" * 100_000 + body.replace("Geneva on", "Geneva (deep) on") + "</div>" * 100_000 + "</body></html>"
    (folder / "deep_nesting.html").write_text(html, encoding="utf-8")


def _deep_unclosed(folder: Path) -> None:
    story = "".join(f"<p>{p}</p>" for p in _good_text("unclosed").split("\n\n"))
    (folder / "deep_unclosed_spans.html").write_text("<html><body>" + "<span><b><i>" * 30_000 + story, encoding="utf-8")


def _gzip_bomb(folder: Path) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        block = b"\0" * 1_000_000
        for _ in range(200):  # 200 MB of zeros in ~200 KB
            gz.write(block)
    (folder / "gzip_bomb.html.gz").write_bytes(buf.getvalue())


def _gzip_bomb_text(folder: Path) -> None:
    # A bomb of text, not NULs: passes the binary check, must stop at the ratio guard.
    (folder / "gzip_bomb_text.txt.gz").write_bytes(gzip.compress(b"war and peace " * 3_000_000, 9))


def _truncated_gzip(folder: Path) -> None:
    data = gzip.compress((GOOD_HTML * 20).encode())
    (folder / "truncated.html.gz").write_bytes(data[: len(data) // 2])


def _good_gzip(folder: Path) -> None:
    (folder / "good_gzipped.txt.gz").write_bytes(gzip.compress(_good_text("gzip").encode()))


def _warc_bomb(folder: Path) -> None:
    """A WARC response whose gzip-encoded HTTP body expands to 100 MB."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    payload = io.BytesIO()
    with gzip.GzipFile(fileobj=payload, mode="wb", compresslevel=9) as gz:
        for _ in range(100):
            gz.write(b"<p>" + b"a" * 1_000_000 + b"</p>")
    body = payload.getvalue()
    with open(folder / "warc_bomb.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/bomb", "response", payload=io.BytesIO(body), http_headers=headers))
        good = ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in _good_text("warc").split("\n\n")) + "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(good)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/good", "response", payload=io.BytesIO(good), http_headers=headers))


def _symlink_loop(folder: Path) -> None:
    os.symlink(folder / "loop_b.html", folder / "loop_a.html")
    os.symlink(folder / "loop_a.html", folder / "loop_b.html")


def _dir_symlink_loop(folder: Path) -> None:
    (folder / "dirloop").mkdir()
    os.symlink(folder / "dirloop", folder / "dirloop" / "again")
    (folder / "dirloop" / "inside.txt").write_text(_good_text("dirloop"), encoding="utf-8")


def _broken_symlink(folder: Path) -> None:
    os.symlink(folder / "does_not_exist.html", folder / "broken_link.html")


def _dir_named_html(folder: Path) -> None:
    (folder / "x.html").mkdir()


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.html")


def _device(folder: Path) -> None:
    os.symlink("/dev/zero", folder / "zero.html")


def _long_line(folder: Path) -> None:
    line = "The minister met the envoy in the capital and the talks went on without a pause " * 30_000  # ~2.4 MB, no newline
    (folder / "long_line.txt").write_text("Endless line\n\n" + line, encoding="utf-8")


def _many_paragraphs(folder: Path) -> None:
    (folder / "many_tiny_paragraphs.html").write_text("<html><body>" + "<p>Yes.</p>" * 100_000 + "</body></html>", encoding="utf-8")


def _huge_attribute(folder: Path) -> None:
    (folder / "huge_attribute.html").write_text(
        "<html><body><div data-x='" + "A" * 5_000_000 + "'>" + GOOD_HTML.split("<body>")[1].replace("Geneva on", "Geneva (attr) on"),
        encoding="utf-8",
    )


def _random_binary(folder: Path) -> None:
    rng = random.Random(8)
    (folder / "binary_junk.html").write_bytes(bytes(rng.randrange(256) for _ in range(50_000)))


@dataclass(frozen=True)
class Case:
    name: str  # the input's file name (what `parley documents` shows)
    build: Callable[[Path], None]
    status: str  # expected status row
    reason: str = ""  # words the reason must contain (lower case)
    needs: str = ""  # "warc" (read/sources.py), "nonroot", "fifo"


def cases() -> list[Case]:
    utf16 = "\ufeff" + GOOD_HTML.replace("Geneva on", "Geneva (utf16) on")
    mixed = ("Café talks stall\n\n" + _good_text("mixed")).encode("utf-8") + " Le café était fermé, said the ministry.\n".encode("cp1252")
    invalid_utf8 = _good_text("invalid").encode("utf-8").replace(b"two hours", b"two \xff\xfe\xc3 hours")
    nul_text = _good_text("nul").encode().replace(b"talks", b"ta\x00lks", 2)
    controls = _good_text("ctrl").replace("Tuesday", "Tues\x1b[31mday\x07").replace("joint", "jo\x0bint\x08")
    return [
        Case("good_story.txt", _write("good_story.txt", _good_text("plain").encode()), "stored"),
        Case("good_page.html", _write("good_page.html", GOOD_HTML.encode()), "stored"),
        Case("good_gzipped.txt.gz", _good_gzip, "stored"),
        Case("empty.html", _write("empty.html", b""), "skipped", "empty"),
        Case("whitespace_only.txt", _write("whitespace_only.txt", b" \n\t\r\n   \n"), "skipped", "empty"),
        Case("binary_junk.html", _random_binary, "skipped", "binary"),
        Case("png_named.html", _write("png_named.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40), "skipped", "binary"),
        Case("invalid_utf8.txt", _write("invalid_utf8.txt", invalid_utf8), "stored"),
        Case("mixed_encodings.txt", _write("mixed_encodings.txt", mixed), "stored"),
        Case("utf16_bom.html", _write("utf16_bom.html", utf16.encode("utf-16")), "stored"),
        Case("utf16_be_bom.txt", _write("utf16_be_bom.txt", b"\xfe\xff" + _good_text("utf16be").encode("utf-16-be")), "stored"),
        Case("utf8_bom.txt", _write("utf8_bom.txt", b"\xef\xbb\xbf" + _good_text("bom").encode()), "stored"),
        Case("latin1_declared.html", _write("latin1_declared.html", GOOD_HTML.replace("utf-8", "iso-8859-1").replace("Geneva on", "Genève on").encode("latin-1")), "stored"),
        Case("no_body.html", _write("no_body.html", b"<html><head><title>Only a head</title><meta name='x' content='y'></head></html>"), "skipped", "no main text"),
        Case("only_script.html", _write("only_script.html", b"<html><body><script>var a = '<p>Not text</p>';</script><style>p{}</style></body></html>"), "skipped", "no main text"),
        # trafilatura's recall fallback may keep a nav/cookie line: stored with no events is fine too.
        Case("boilerplate_only.html", _write("boilerplate_only.html", BOILERPLATE_ONLY.encode()), "skipped|stored", "no main text|0 events"),
        Case("huge_50mb.html", _huge_page, "skipped", "max_page_bytes"),
        Case("deep_nesting.html", _deep_divs, "stored"),
        Case("deep_unclosed_spans.html", _deep_unclosed, "stored"),
        Case("gzip_bomb.html.gz", _gzip_bomb, "skipped", "bomb"),
        Case("gzip_bomb_text.txt.gz", _gzip_bomb_text, "skipped", "bomb"),
        Case("truncated.html.gz", _truncated_gzip, "failed", "truncated gzip"),
        Case("not_really.html.gz", _write("not_really.html.gz", GOOD_HTML.encode()), "failed", "gzip"),
        Case("french.html", _write("french.html", FRENCH.encode()), "skipped", "french (fr,"),
        Case("german.txt", _write("german.txt", GERMAN.encode()), "skipped", "german (de,"),
        Case("spanish.txt", _write("spanish.txt", SPANISH.encode("cp1252")), "skipped", "spanish (es,"),
        Case("chinese.html", _write("chinese.html", CHINESE.encode()), "skipped", "chinese (zh,"),
        Case("russian_cp1251.html", _write("russian_cp1251.html", RUSSIAN_CP1251.encode("cp1251")), "skipped", "russian (ru,"),
        Case("no_events.txt", _write("no_events.txt", NO_EVENTS.encode()), "stored", "0 events"),
        Case("nul_bytes.txt", _write("nul_bytes.txt", nul_text), "stored"),
        Case("control_chars.txt", _write("control_chars.txt", controls.encode()), "stored"),
        Case("rtl_marks.txt", _write("rtl_marks.txt", RTL_ENGLISH.encode()), "stored"),
        Case("emoji.txt", _write("emoji.txt", EMOJI_ENGLISH.encode()), "stored"),
        Case("long_line.txt", _long_line, "stored"),
        Case("many_tiny_paragraphs.html", _many_paragraphs, "stored"),
        Case("huge_attribute.html", _huge_attribute, "stored"),
        Case("html_in.txt", _write("html_in.txt", GOOD_HTML.replace("Geneva on", "Geneva (txt) on").encode()), "stored"),
        Case("header_only.txt", _write("header_only.txt", b"URL: https://example.org/a\nTITLE: nothing\n\n\n"), "skipped", "no text"),
        Case("hostile_markup.html", _write("hostile_markup.html", HOSTILE_HTML.encode()), "stored"),
        Case("notes.pdf", _write("notes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), "skipped", "not a page type"),
        Case("x.html", _dir_named_html, "skipped", "folder"),
        Case("loop_a.html", _symlink_loop, "failed", "symlink loop"),
        Case("broken_link.html", _broken_symlink, "failed", "broken symlink"),
        Case("dirloop/inside.txt", _dir_symlink_loop, "stored"),
        Case("zero.html", _device, "skipped", "not a regular file"),
        Case("pipe.html", _fifo, "skipped", "named pipe", needs="fifo"),
        Case("unreadable.html", _unreadable, "failed", "permission denied", needs="nonroot"),
        Case("warc_bomb.warc.gz#1", _warc_bomb, "skipped", "max_page_bytes", needs="warc"),
    ]


def _unreadable(folder: Path) -> None:
    p = folder / "unreadable.html"
    p.write_bytes(GOOD_HTML.encode())
    p.chmod(0)


def available(case: Case) -> str | None:
    """Why `case` cannot run here, or None."""
    if case.needs == "nonroot" and hasattr(os, "geteuid") and os.geteuid() == 0:
        return "running as root: permission bits do not stop root"
    if case.needs == "fifo" and not hasattr(os, "mkfifo"):
        return "no named pipes on this platform"
    if case.needs == "warc":
        try:
            import parley.read.sources  # noqa: F401
            import warcio  # noqa: F401
        except ImportError:
            return "parley.read.sources (WARC input) not there yet"
    return None


def build(folder: Path, *, include_huge: bool = True) -> list[Case]:
    """Write every runnable case into `folder`; return them."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for case in cases():
        if available(case) is not None or (not include_huge and case.name == "huge_50mb.html"):
            continue
        case.build(folder)
        out.append(case)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "badinput-corpus")
    built = build(target)
    print(f"{len(built)} bad-input cases written to {target}")
