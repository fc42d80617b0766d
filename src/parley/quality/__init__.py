"""quality: how good and how fast parley is - scoring against gold, and the benchmarks.

Needs gold folders or the PLOVER gold records (../shared/eval) and pages; adds reports.
`evaluate` scores events (`parley eval`), `bench` measures throughput (`parley bench`), and
`extractbench` scores main-text extraction (`python -m parley.quality.extractbench`).
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"evaluate_path": "evaluate", "evaluate_gold_set": "evaluate", "evaluate_plover": "evaluate", "run_bench": "bench", "run_benchmark": "extractbench"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
