"""read: turn inputs into Pages, or status rows saying why not.

Needs paths, globs, folders, WARC archives, feed files or URLs; adds a `Page` (raw bytes decoded,
kind, url, header fields) per input, or an `IngestStatus` naming the input and the reason.
`files` reads the file system, `sources` the other input kinds (WARC, RSS/Atom, HTTP).
"""

from __future__ import annotations

from .._lazy import lazy_getattr

from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from ..records import IngestStatus, Page
    from ..settings import Settings

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"read_inputs": "files", "read_path": "files", "page_from_bytes": "files", "iter_inputs": "sources"}
__all__ = sorted([*_EXPORTS, "run"])


def run(inputs: Iterable[str], settings: "Settings", *, allow_private: bool = False) -> Iterator["Page | IngestStatus"]:
    """The read stage: a `Page` (or a status row saying why not) per input, in input order.

    Unlike the analysis stages it starts from inputs, not a Document; `settings` bound what is
    read (max_page_bytes, languages, ...)."""
    from .sources import FetchOptions, iter_inputs

    return iter_inputs(list(inputs), settings, FetchOptions(allow_private=allow_private))

__getattr__ = lazy_getattr(__name__, _EXPORTS)
