"""reference: shared world knowledge the stages look up - countries, organisations, titles,
officeholders at their date, places.

Needs nothing but the packaged tables in `parley/data`; adds lookups: `gazetteer` (countries,
organisations, titles, ethnic groups), `people` (who held which office when), `places` (city and
region names to countries, territorial changes).
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"lookup_country": "gazetteer", "country": "gazetteer", "load_officeholders": "people", "place_country": "places"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
