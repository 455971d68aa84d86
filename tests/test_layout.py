"""The package's layout keeps its promises (docs/architecture.md): data flows one way,
xlsxwriter stays in the writers, and the domain's words are compared as enums."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "roti_excel"
MODULES = sorted(PACKAGE.rglob("*.py"))


def imports(path: Path) -> set[str]:
    """Every module `path` imports, absolute, at any depth of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import; the package imports absolutely"
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def stage(path: Path) -> str:
    """The folder under roti_excel/ a module lives in ("" for the top level)."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


class TestDataFlowsOneWay:
    @pytest.mark.parametrize(("upstream", "downstream"), [
        ("method", "roti_excel.reading"),
        ("reading", "roti_excel.method"),
        ("reading", "roti_excel.report"), ("method", "roti_excel.report"),
        ("reading", "roti_excel.narrative"), ("method", "roti_excel.narrative"),
        ("reading", "roti_excel.dropfolder"), ("method", "roti_excel.dropfolder"),
        ("narrative", "roti_excel.report"), ("report", "roti_excel.dropfolder"),
    ])
    def test_no_module_reaches_against_the_flow(self, upstream: str, downstream: str) -> None:
        """A stage never imports a stage after it (nor method/ the reader before it)."""
        offenders = [str(p.relative_to(PACKAGE)) for p in MODULES if stage(p) == upstream
                     and any(name.startswith(downstream) for name in imports(p))]
        assert not offenders, f"{upstream}/ imports {downstream}: {offenders}"

    def test_only_the_writers_know_xlsxwriter(self) -> None:
        """The report and the input template write workbooks; nothing else knows how."""
        offenders = [str(p.relative_to(PACKAGE)) for p in MODULES
                     if stage(p) not in ("report", "input_template")
                     and any(name.split(".")[0] == "xlsxwriter" for name in imports(p))]
        assert not offenders


WORDS = ("none", "control group", "trend line", "estimate", "high", "thin_positive",
         "negative", "error", "warning", "crashed", "timed out", "higher", "lower", "absent",
         "attended", "exclude", "missing_cost", "no_isolation", "roi_review")
COMPARED = re.compile(r"""(==|!=|\bin\b|\bis\b)\s*["']([a-z_ ]+)["']"""
                      r"""|["']([a-z_ ]+)["']\s*(==|!=)""")


class TestDomainWords:
    def test_words_are_not_compared_as_strings(self) -> None:
        """Outside the schema (where input text is parsed), isolation methods, bands,
        severities, statuses and finding kinds are compared as domain.py's enums."""
        offenders = []
        for path in MODULES:
            if path.name in ("schema.py", "domain.py"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for match in COMPARED.finditer(line):
                    word = match.group(2) or match.group(3)
                    if word in WORDS:
                        offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
        assert not offenders, "\n".join(offenders)


class TestTestsUsePublicNames:
    def test_no_test_imports_a_private_name(self) -> None:
        """Tests pin behaviour through public names, so a private helper can change freely."""
        offenders = []
        for path in sorted(Path(__file__).parent.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                        "roti_excel"):
                    offenders += [f"{path.name}: {node.module}.{alias.name}"
                                  for alias in node.names if alias.name.startswith("_")]
                if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                        and not node.attr.startswith("__") and isinstance(node.value, ast.Name) \
                        and node.value.id in ("narrative", "report", "api", "schema"):
                    offenders.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
        assert not offenders, offenders
