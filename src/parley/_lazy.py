"""Lazy re-exports for the stage packages: a name is imported from its submodule on first use, so
importing one helper does not load the whole stage (spaCy, the lexicon, the gazetteer...)."""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable, Mapping


def lazy_getattr(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that loads `name` from `package.exports[name]`."""

    def __getattr__(name: str) -> Any:
        if name in exports:
            return getattr(import_module(f"{package}.{exports[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
