"""Behaviour pinned: the JSON summary, the messages and the report (cell values, formulas,
cached values, sheet names, chart kinds) of the bundled workbooks and of in-memory cases
equal the goldens in tests/golden/, taken before the package was restructured.

An intended change of output regenerates them (`python -m tests.golden.regenerate`) and the
goldens' diff shows it in review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.cases import Case, cases, outputs
from tests.snapshot import canonical


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_outputs_equal_the_golden(case: Case, tmp_path: Path) -> None:
    expected = json.loads(case.golden.read_text(encoding="utf-8"))
    actual = json.loads(canonical(outputs(case, tmp_path)))
    for key in sorted(set(expected) | set(actual)):
        assert actual.get(key) == expected.get(key), f"{case.name}: {key} differs"
