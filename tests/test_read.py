"""read stage: inputs become Pages or status rows, never exceptions."""

from __future__ import annotations

import gzip
from pathlib import Path

from parley.records import IngestStatus, Page
from parley.settings import Settings
from parley.read.files import expand_paths, read_inputs, read_path, split_text_header

S = Settings()


def test_text_page_with_header_lines(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("URL: https://example.org/news/1\nRETRIEVED-VIA: archive\n\nSeoul, Monday.\n\nBody text.\n", encoding="utf-8")
    page = read_path(str(p), S)
    assert isinstance(page, Page)
    assert page.url == "https://example.org/news/1"
    assert page.meta_value("retrieved-via") == "archive"
    assert page.content.startswith("Seoul, Monday.")


def test_dateline_is_not_taken_for_a_header() -> None:
    meta, body = split_text_header("WASHINGTON: Officials met on Monday.\n\nMore text.")
    assert meta == ()
    assert body.startswith("WASHINGTON:")


def test_gzip_and_folder_recursion(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hello</p></body></html>"))
    (tmp_path / "sub" / "c.txt").write_text("Some text", encoding="utf-8")
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_inputs([str(tmp_path)], S))
    kinds = sorted((Path(i.path).name, type(i).__name__) for i in items)
    assert kinds == [("b.html.gz", "Page"), ("c.txt", "Page"), ("notes.pdf", "IngestStatus")]
    pdf = next(i for i in items if isinstance(i, IngestStatus))
    assert pdf.status == "skipped" and ".pdf" in pdf.reason


def test_glob_and_missing(tmp_path: Path) -> None:
    (tmp_path / "x1.txt").write_text("one", encoding="utf-8")
    (tmp_path / "x2.txt").write_text("two", encoding="utf-8")
    assert len(list(expand_paths([str(tmp_path / "x*.txt")]))) == 2
    missing = read_path(str(tmp_path / "nope.txt"), S)
    assert isinstance(missing, IngestStatus) and missing.status == "failed" and "no such file" in missing.reason


def test_binary_empty_and_bomb(tmp_path: Path) -> None:
    (tmp_path / "bin.html").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    small = S.with_overrides(max_gzip_ratio=50)
    results = {Path(p).name: read_path(p, small) for p in map(str, tmp_path.iterdir())}
    assert "binary" in results["bin.html"].reason  # type: ignore[union-attr]
    assert "empty" in results["empty.txt"].reason  # type: ignore[union-attr]
    assert "bomb" in results["bomb.txt.gz"].reason  # type: ignore[union-attr]


def test_invalid_utf8_is_decoded_not_fatal(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\xe9 talks in S\xe3o Paulo".encode("latin-1"))
    page = read_path(str(p), S)
    assert isinstance(page, Page) and "talks" in page.content


def test_same_content_same_hash(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Identical body.", encoding="utf-8")
    b.write_text("Identical body.", encoding="utf-8")
    pa, pb = read_path(str(a), S), read_path(str(b), S)
    assert isinstance(pa, Page) and isinstance(pb, Page) and pa.content_hash == pb.content_hash
