"""The public Python API: `import parley` gives the documented, typed functions behind the CLI."""

from __future__ import annotations

import inspect
import subprocess
import sys
import typing

import parley

PUBLIC = {
    "ingest", "extract", "events", "documents", "actors", "evaluate", "analyse_text",
    "last_contact", "timeline", "trend", "channels", "events_frame", "export",
    "ParleyError", "InputError", "StageError", "StoreError", "QueryError",
}


def test_public_api_list() -> None:
    assert set(parley.__all__) == PUBLIC
    for name in parley.__all__:
        assert hasattr(parley, name), name


def test_functions_are_typed_and_documented() -> None:
    for name in parley.__all__:
        obj = getattr(parley, name)
        if inspect.isclass(obj):
            assert issubclass(obj, Exception)
            continue
        hints = typing.get_type_hints(obj)
        params = [p for p in inspect.signature(obj).parameters.values() if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
        assert "return" in hints, name
        assert all(p.name in hints for p in params), name
        assert (obj.__doc__ or "").strip() or name in ("documents", "actors"), name


def test_import_is_light() -> None:
    code = "import sys, parley; print(any(m in sys.modules for m in ('spacy', 'datasette', 'pyarrow')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_export_through_the_api(tmp_path) -> None:
    from test_web import build_db

    db = build_db(tmp_path)
    out = tmp_path / "e.jsonl"
    n = parley.export(str(db), str(out), "jsonl")
    assert n == len(parley.events(str(db))) == len(out.read_text().splitlines())
    if parley.timeline.__module__ and _has_questions():
        assert parley.trend(str(db), "USA", "CHN")
        assert parley.last_contact(str(db), "USA", "CHN", before="2024-04-16") is not None


def _has_questions() -> bool:
    from parley.web.app import questions

    return questions() is not None
