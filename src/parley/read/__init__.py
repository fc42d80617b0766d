"""read: turn inputs into Pages, or status rows saying why not.

Needs paths, globs, folders, WARC archives, feed files or URLs; adds a `Page` (raw bytes decoded,
kind, url, header fields) per input, or an `IngestStatus` naming the input and the reason.
`files` reads the file system, `sources` the other input kinds (WARC, RSS/Atom, HTTP).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"read_inputs": "files", "read_path": "files", "page_from_bytes": "files", "iter_inputs": "sources"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
