"""read: turn paths (files, folders, globs) into Pages, or status rows saying why not.

Handles .html/.htm/.txt and their .gz. A .txt may open with `KEY: value` header lines (at least
`URL:`) closed by one blank line; they become page metadata. Anything else yields a `skipped`
status, never an exception, so a batch always goes on.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import gzip
import hashlib
import io
import os
import re
import stat
import zlib
from pathlib import Path
from typing import Iterator

from . import charsets
from ..records import IngestStatus, Page
from ..settings import Settings

PAGE_SUFFIXES = (".html", ".htm", ".txt", ".xhtml")
_HEADER_LINE = re.compile(r"^([A-Z][A-Za-z0-9-]{0,40}):[ \t]*(.*)$")


def expand_paths(inputs: list[str]) -> Iterator[str]:
    """Files as given; folders recursively (sorted, deterministic); globs expanded. Symlinked
    folders below a folder or a `**` are not entered, so a symlink loop cannot recurse forever."""
    for item in inputs:
        if os.path.isdir(item):
            found = False
            # os.walk does not follow directory symlinks, so a symlink loop cannot recurse forever.
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    found = True
                    yield os.path.join(root, name)
            if not found:
                yield item  # an empty folder still gets a status row (see read_path)
        elif any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(bounded_glob(item))
            if not matches:
                yield item  # reported as missing below
            for m in matches:
                if os.path.isdir(m):
                    yield from expand_paths([m])
                else:
                    yield m
        else:
            yield item


def _glob_match(parts: list[str], pats: list[str]) -> bool:
    """Do path components match pattern components (`**` = any number of folders)?"""
    if not pats:
        return not parts
    head = pats[0]
    if head == "**":
        if _glob_match(parts, pats[1:]):
            return True
        return bool(parts) and not parts[0].startswith(".") and _glob_match(parts[1:], pats)
    if not parts:
        return False
    # As glob does: wildcards do not match a leading dot.
    if parts[0].startswith(".") and not head.startswith("."):
        return False
    return fnmatch.fnmatchcase(parts[0], head) and _glob_match(parts[1:], pats[1:])


def bounded_glob(pattern: str) -> Iterator[str]:
    """`glob(pattern, recursive=True)` without following symlinked folders.

    Python's glob follows symlinks inside `**`, so two symlink loops make it run forever. This
    walks from the pattern's fixed prefix with os.walk (which never enters a symlinked folder),
    no deeper than the pattern reaches when it has no `**`.
    """
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not any(ch in parts[fixed] for ch in "*?["):
        fixed += 1
    base = os.sep.join(parts[:fixed]) if fixed else ""
    if pattern.startswith(os.sep) and not base:
        base = os.sep
    pats = [p for p in parts[fixed:] if p != ""]
    top = base or os.curdir
    if not os.path.isdir(top):
        return
    max_depth = None if "**" in pats else len(pats)
    for root, dirs, files in os.walk(top):
        dirs.sort()
        rel_root = os.path.relpath(root, top)
        rel_parts = [] if rel_root == os.curdir else rel_root.split(os.sep)
        if max_depth is not None and len(rel_parts) >= max_depth:
            dirs[:] = []
        for name in dirs + sorted(files):
            rel = rel_parts + [name]
            if _glob_match(rel, pats):
                yield os.path.join(base, *rel) if base else os.path.join(*rel)


def _kind(path: str) -> str | None:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith(".txt"):
        return "text"
    return None


class CorruptInput(ValueError):
    """The bytes claim a format (gzip) they do not hold: a `failed` row, not a `skipped` one."""


def _bounded_gunzip(data: bytes, settings: Settings) -> bytes:
    """Decompress in chunks, stopping at max_page_bytes or max_gzip_ratio (a bomb never expands)."""
    limit = min(settings.max_page_bytes, max(len(data), 1) * settings.max_gzip_ratio)
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            while True:
                chunk = gz.read(65536)
                if not chunk:
                    break
                out.write(chunk)
                if out.tell() > limit:
                    raise ValueError(f"decompressed size exceeds {limit} bytes (compression bomb guard, max_gzip_ratio/max_page_bytes)")
    except EOFError:
        raise CorruptInput("truncated gzip file (ends before the end of the compressed stream)") from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise CorruptInput(f"corrupt gzip file: {exc}") from None
    return out.getvalue()


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    # Bytes that are not UTF-8 are read as cp1252 (latin-1 for its 5 unassigned bytes), one at a time,
    # so a page mixing UTF-8 and Windows-1252 keeps both halves readable.
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in bad), exc.end


codecs.register_error("parley-cp1252", _cp1252_fallback)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Characters XML/HTML parsers (lxml) refuse, and terminal control codes: never part of news text.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode as browsers do, never raising: a BOM (UTF-8, UTF-16); else UTF-16 sniffed (every
    other byte NUL); else UTF-8 when the bytes are valid UTF-8; else
    the declared charset (transport, then `<meta charset>`) looked up in the WHATWG label table
    (`parley.read.charsets`; labels browsers do not know, like `idna`, `cp037` or `utf-32`, are
    ignored); else UTF-8 with a per-byte cp1252 fallback."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="parley-cp1252")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    # UTF-16 declared for bytes that are not UTF-16 (sniffed above) is read as UTF-8, as the HTML
    # prescan reads a <meta> that says UTF-16: markup readable as ASCII cannot be UTF-16.
    transport = charsets.codec(declared, from_meta=True)
    sniffed = charsets.sniff_utf16(data)
    if sniffed:
        return data.decode(sniffed, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    name = transport
    if name is None:
        m = _META_CHARSET.search(data[:4096])
        name = charsets.codec(m.group(1).decode("ascii", errors="replace"), from_meta=True) if m else None
    if name and name != "utf-8":
        return data.decode(name, errors="replace")
    return data.decode("utf-8", errors="parley-cp1252")


def clean_chars(text: str) -> str:
    """Drop NULs, C0/C1-free control codes and non-characters that break parsers and terminals."""
    return _BAD_CHARS.sub("", text)


def looks_binary(data: bytes) -> bool:
    """Binary when NULs or control bytes are more than a trace (a few stray NULs are text damage)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or charsets.sniff_utf16(sample):
        return False
    nuls = sample.count(0)
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return nuls / len(sample) > 0.01 or controls / len(sample) > 0.05


def split_text_header(text: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """Split `KEY: value` header lines closed by a blank line off a .txt page.

    Only treated as a header when it includes a URL line: a news text may start with
    "WASHINGTON: ..." and that is body, not metadata.
    """
    lines = text.split("\n")
    meta: list[tuple[str, str]] = []
    for i, line in enumerate(lines[:30]):
        if line.strip() == "":
            if meta and any(k.upper() == "URL" for k, _ in meta):
                return tuple(meta), "\n".join(lines[i + 1 :])
            break
        m = _HEADER_LINE.match(line.rstrip("\r"))
        if not m:
            break
        meta.append((m.group(1), m.group(2).strip()))
    return (), text


def page_from_bytes(path: str, data: bytes, kind: str, settings: Settings, url: str | None = None, declared: str | None = None) -> Page:
    """A Page from raw bytes; `declared` is the transport's charset (HTTP Content-Type), if any."""
    if len(data) > settings.max_page_bytes:
        raise ValueError(f"page is {len(data)} bytes, over the max_page_bytes limit of {settings.max_page_bytes}")
    if not data.strip():
        raise ValueError("empty file")
    if looks_binary(data):
        raise ValueError("binary content, not a text or HTML page")
    text = clean_chars(decode_bytes(data, declared)).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("only whitespace and control characters")
    meta: tuple[tuple[str, str], ...] = ()
    if kind == "text":
        meta, text = split_text_header(text)
        url = url or next((v for k, v in meta if k.upper() == "URL"), None)
        # A .txt that is really HTML (saved page) is treated as HTML.
        head = text.lstrip()[:200].lower()
        if head.startswith(("<!doctype html", "<html")):
            kind = "html"
        if not text.strip():
            raise ValueError("header lines only, no text")
    from ..extract.language import unwanted_language

    lang = unwanted_language(text, settings.languages, is_html=kind == "html", min_chars=settings.min_language_chars)
    if lang is not None:
        raise ValueError(
            f"language is {lang.name} ({lang.code}, p={lang.probability:.2f}), not one of {','.join(settings.languages)} "
            f"(set PARLEY_LANGUAGES={lang.code} or any to analyse it)"
        )
    digest = hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()
    return Page(path=path, content=text, media_type=kind, url=url or None, meta=meta, content_hash=digest)  # type: ignore[arg-type]


def _stat_problem(path: str) -> IngestStatus | None:
    """Why `path` is not a regular file parley can read, or None when it is one."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return IngestStatus(path, "failed", "symlink loop", stage="read")
        if os.path.islink(path):
            return IngestStatus(path, "failed", "broken symlink (its target does not exist)", stage="read")
        if exc.errno == errno.ENOENT:
            return IngestStatus(path, "failed", "no such file", stage="read")
        return IngestStatus(path, "failed", f"cannot read: {exc.strerror or exc}", stage="read")
    if stat.S_ISDIR(st.st_mode):
        return IngestStatus(path, "skipped", "a folder with no files in it", stage="read")
    if not stat.S_ISREG(st.st_mode):
        kind = "a named pipe" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file"
        # Reading a FIFO or /dev/zero would block or never end.
        return IngestStatus(path, "skipped", f"not a regular file ({kind})", stage="read")
    return None


def read_path(path: str, settings: Settings) -> Page | IngestStatus:
    """Read one file into a Page, or a status row saying why it was skipped or failed. Never raises."""
    problem = _stat_problem(path)
    if problem is not None:
        return problem
    kind = _kind(path)
    if kind is None:
        return IngestStatus(path, "skipped", f"not a page type parley reads ({Path(path).suffix or 'no extension'})", stage="read")
    try:
        size = os.path.getsize(path)
        if size > settings.max_page_bytes:
            return IngestStatus(path, "skipped", f"file is {size} bytes, over the max_page_bytes limit of {settings.max_page_bytes}", stage="read")
        with open(path, "rb") as fh:
            # Bounded even if the file grows between stat and read.
            data = fh.read(settings.max_page_bytes + 1)
        if path.lower().endswith(".gz"):
            data = _bounded_gunzip(data, settings)
        return page_from_bytes(path, data, kind, settings)
    except FileNotFoundError:
        return IngestStatus(path, "failed", "file vanished before it could be read", stage="read")
    except PermissionError as exc:
        return IngestStatus(path, "failed", f"permission denied: {exc.strerror}", stage="read")
    except OSError as exc:
        return IngestStatus(path, "failed", f"cannot read: {exc.strerror or exc}", stage="read")
    except CorruptInput as exc:
        return IngestStatus(path, "failed", str(exc), stage="read")
    except ValueError as exc:
        return IngestStatus(path, "skipped", str(exc), stage="read")
    except (MemoryError, RecursionError) as exc:  # a pathological page must not end the batch
        return IngestStatus(path, "failed", f"page too costly to read: {type(exc).__name__}", stage="read")


def read_inputs(inputs: list[str], settings: Settings) -> Iterator[Page | IngestStatus]:
    for path in expand_paths(inputs):
        yield read_path(path, settings)
