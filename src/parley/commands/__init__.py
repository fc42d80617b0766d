"""CLI command modules. Each module here defines `register(main: click.Group) -> None`.

Keeping commands for each area (questions, web, exports, scale) in their own module keeps
`parley.cli` small and lets each area own its commands.
"""

from __future__ import annotations

import importlib
import pkgutil

import click


def register_all(main: click.Group) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(main)
