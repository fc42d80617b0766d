"""parley's web interface (`parley serve`): Datasette plus parley's pages, charts and JSON API.

    from parley.web import make_datasette, serve
    serve("parley.db", host="127.0.0.1", port=8001)

See app.py for the design and docs/api.md for the JSON API.
"""

from __future__ import annotations

from .app import make_datasette, serve

__all__ = ["make_datasette", "serve"]
