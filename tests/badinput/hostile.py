"""Builders for the inputs of issue #16 (each broke a guarantee once), shared by
tests/test_reliability.py and scripts/fuzz.py. Every text is written for these tests."""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from pathlib import Path

from .warcs import gz_members, http_response, page_html, warc_record

STORY = [
    "GENEVA, March 4 (Wire) - The French foreign minister met the German foreign minister in Geneva on Tuesday to "
    "discuss the border dispute, the two governments said in a joint statement.",
    "The talks lasted two hours. Germany said it would send a delegation to Paris next month, and France praised "
    "the German proposal for a ceasefire monitoring mission.",
    "Officials from both countries declined to comment on the timetable for further meetings.",
]
STORY_HTML = "".join(f"<p>{p}</p>" for p in STORY)


def good_warc_page(i: int = 1) -> bytes:
    return page_html(f"Ministers meet in Geneva ({i})", [*STORY, f"Report number {i}."])


def warc_without_target_uri() -> bytes:
    """One response record with no WARC-Target-URI (warcio raised AttributeError on it)."""
    return warc_record(http_response(good_warc_page(1)), uri=None)


def warc_gz_huge_header_line(line_bytes: int = 2 << 30, block_bytes: int = 16 << 20) -> bytes:
    """A .warc.gz (one gzip member) whose record has one header line of `line_bytes` (2 GiB by
    default) and is ~2 MB on disk.

    Built without compressing 2 GiB: after a full flush deflate starts afresh, so every block of
    the same bytes compresses to the same output, which is repeated; the CRC covers all of it.
    """
    head = b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: "
    tail = b"\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    block = b"a" * block_bytes
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)]
    packed = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(line_bytes // block_bytes):
        out.append(packed)
        crc = zlib.crc32(block, crc)
    out.append(deflate.compress(tail) + deflate.flush())
    crc = zlib.crc32(tail, crc)
    size = len(head) + block_bytes * (line_bytes // block_bytes) + len(tail)
    out.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
    return b"".join(out)


def warc_gz_truncated() -> bytes:
    """A .warc.gz whose only record is cut off: the file ends inside the record's content."""
    full = gz_members([warc_record(http_response(good_warc_page(7) * 5), uri="http://news.example/cut")])
    return full[: len(full) * 2 // 3]


def feed_with_duplicate_guid() -> bytes:
    items = "".join(
        f"<item><guid>urn:news:1</guid><title>Ministers meet ({n})</title><description>{STORY[0]} Item {n}. {STORY[1]}</description></item>"
        for n in (1, 2)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def nested_lists(levels: int = 130) -> bytes:
    return f"<html><head><title>Talks</title></head><body>{'<ul><li>' * levels}<article><h1>Talks in Geneva</h1>{STORY_HTML}</article>{'</li></ul>' * levels}</body></html>".encode()


def nested_tables(levels: int = 100) -> bytes:
    return f"<html><head><title>Talks</title></head><body>{'<table><tr><td>' * levels}<article><h1>Talks in Geneva</h1>{STORY_HTML}</article>{'</td></tr></table>' * levels}</body></html>".encode()


def declared_charset_page(label: str) -> bytes:
    """An ASCII page (plus one cp1252 quote, so it is not valid UTF-8) declaring `label`."""
    return (
        f"<html><head><meta charset='{label}'><title>Talks in Geneva</title></head><body><article>"
        f"<h1>Talks in Geneva</h1>{STORY_HTML}<p>\x93We will meet again,\x94 the minister said.</p></article></body></html>"
    ).encode("latin-1")


def utf16_without_bom(big_endian: bool = False) -> bytes:
    text = "Talks in Geneva\n\n" + "\n\n".join(STORY) + "\n"
    return text.encode("utf-16-be" if big_endian else "utf-16-le")


def symlink_loops(folder: Path) -> Path:
    """A folder with one page and two symlink loops (glob's `**` followed them forever)."""
    (folder / "a" / "b").mkdir(parents=True, exist_ok=True)
    (folder / "a" / "b" / "note.txt").write_text("Talks in Geneva\n\n" + "\n\n".join(STORY) + "\n", encoding="utf-8")
    os.symlink("..", folder / "a" / "b" / "up")
    os.symlink("../..", folder / "a" / "top")
    return folder


def non_utf8_name(folder: Path) -> str:
    """A page whose file name holds the byte 0xE9 (Latin-1 e-acute): not UTF-8."""
    raw = os.fsencode(str(folder)) + b"/b_\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(("Geneva talks\n\n" + "\n\n".join(STORY) + "\nFiled under a Latin-1 name.\n").encode())
    return os.fsdecode(raw)


MALFORMED_URLS = ("http://1.2.3.4:99999/", "http://[::1")
SHARED_ADDRESS_URLS = ("http://100.100.100.200/latest/meta-data/", "http://100.64.0.1/")
