"""Issue 12's size limits: no module in src/parley over 800 lines (a module whose docstring says it
is mostly a data table is exempt) and no function over 100 lines, decorators included."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "parley"
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 100


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_scan_sees_the_package() -> None:
    assert len(_modules()) > 20


def test_no_module_over_the_line_limit() -> None:
    too_long = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(text)) or ""
        if "mostly a data table" in doc.lower():
            continue
        n = len(text.splitlines())
        if n > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PACKAGE)}: {n} lines")
    assert not too_long, too_long


def test_no_function_over_the_line_limit() -> None:
    too_long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
                n = (node.end_lineno or node.lineno) - first + 1
                if n > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(PACKAGE)}::{node.name}: {n} lines")
    assert not too_long, too_long
