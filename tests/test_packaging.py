"""Honest dependencies: every package the project declares for run time is imported by the
package, and every third-party package the package imports is declared."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# distribution name -> the module it is imported as, where they differ
MODULE_OF = {"python-calamine": "python_calamine"}


def declared() -> set[str]:
    """The modules of [project] dependencies in pyproject.toml."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M)
    assert block, "no dependencies list in pyproject.toml"
    names = re.findall(r'^\s*"([A-Za-z0-9_.-]+)', block.group(1), re.M)
    return {MODULE_OF.get(name, name.replace("-", "_")).lower() for name in names}


def imported() -> set[str]:
    """Top-level names of every module roti_excel imports, the standard library left out."""
    found: set[str] = set()
    for path in (ROOT / "roti_excel").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return {name.lower() for name in found
            if name != "roti_excel" and name not in sys.stdlib_module_names}


class TestDependencies:
    def test_every_runtime_dependency_is_imported(self) -> None:
        """A dependency nothing imports belongs in an extra, not on every user's machine."""
        assert declared() - imported() == set()

    def test_every_import_is_declared(self) -> None:
        """`pip install .` on a fresh machine brings everything the package imports."""
        assert imported() - declared() == set()
