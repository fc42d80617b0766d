"""Hand-built WARC records (bytes), so tests and the fuzzer can damage any part of one."""

from __future__ import annotations

import gzip
import uuid


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK", extra: str = "") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    return head.encode("latin-1") + body


def warc_record(block: bytes, *, uri: str | None = "http://news.example/1", rec_type: str = "response", extra: list[tuple[str, str]] | None = None, date: str = "2024-03-05T09:00:00Z") -> bytes:
    headers = [("WARC-Type", rec_type), ("WARC-Record-ID", f"<urn:uuid:{uuid.UUID(int=len(block))}>"), ("WARC-Date", date)]
    if uri is not None:
        headers.append(("WARC-Target-URI", uri))
    if rec_type in ("response", "request"):
        headers.append(("Content-Type", f"application/http; msgtype={rec_type}"))
    headers += extra or []
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("latin-1") + block + b"\r\n\r\n"


def gz_members(records: list[bytes]) -> bytes:
    """A .warc.gz: one gzip member per record, as crawlers write them."""
    return b"".join(gzip.compress(r) for r in records)


def page_html(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>".encode()
