"""Finite numbers only: whatever number a cell holds (an xlsx can store inf, nan or 1e308,
which no one types), `run` either refuses it at its cell or writes a report and a JSON
summary in which every number is finite and the JSON parses strictly."""

from __future__ import annotations

import json
import math
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roti_excel.api import process
from roti_excel.input_template import thesis_case
from tests.workbooks import thesis_workbook

# Stand-ins written by xlsxwriter, then replaced in the sheet XML by the value under test.
COST_MARK, IMPACT_MARK = 4321.123, 8765.125


def workbook_with(path: Path, unit_cost: str, before: str) -> Path:
    """The thesis workbook with the first cost line's unit cost and the first impact row's
    Before stored as the given XML number texts (e.g. "inf", "NaN", "1e308")."""
    costs = [dict(r) for r in thesis_case.SHEETS["Costs"]]
    impact = [dict(r) for r in thesis_case.SHEETS["Impact"]]
    costs[0]["Unit cost"] = COST_MARK
    impact[0]["Before"] = IMPACT_MARK
    plain = thesis_workbook(path.with_name("plain_" + path.name), Costs=costs, Impact=impact)
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(f"<v>{COST_MARK}</v>".encode(), f"<v>{unit_cost}</v>".encode())
                data = data.replace(f"<v>{IMPACT_MARK}</v>".encode(), f"<v>{before}</v>".encode())
            zout.writestr(info, data)
    return path


def strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in the JSON summary")
    return json.loads(text, parse_constant=refuse)


def report_numbers(path: Path) -> list[float]:
    """Every number stored in the report: values and formulas' cached results."""
    book = openpyxl.load_workbook(path, data_only=True)
    return [cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row
            if isinstance(cell.value, float | int) and not isinstance(cell.value, bool)]


def check(tmp_path: Path, unit_cost: str, before: str) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis reuses tmp_path
    source = workbook_with(folder / "in.xlsx", unit_cost, before)
    report, summary = folder / "in_report.xlsx", folder / "in_report.json"
    outcome = process(source, report, summary)
    if not outcome.ok:
        assert not report.exists() and not summary.exists()
        errors = [m for m in outcome.messages if ": warning: " not in m]
        assert errors, outcome.messages
        assert all("Costs!D3" in m or "Impact!D3" in m for m in errors), errors
        return
    strict_json(summary.read_text(encoding="utf-8"))
    assert all(math.isfinite(x) for x in report_numbers(report))


NUMBER_TEXTS = ["inf", "-inf", "INF", "NaN", "nan", "1e308", "-1e308", "1.7976931348623157e308",
                "5e-324", "1e-12", "0", "-0", "1e15", "999999999999999"]


class TestNonFiniteCells:
    @pytest.mark.parametrize("text", NUMBER_TEXTS)
    def test_unit_cost(self, tmp_path: Path, text: str) -> None:
        """A unit cost stored as `text`: refused at Costs!D3, or a clean report."""
        check(tmp_path, text, repr(IMPACT_MARK))

    @pytest.mark.parametrize("text", NUMBER_TEXTS)
    def test_before_value(self, tmp_path: Path, text: str) -> None:
        """An impact Before stored as `text`: refused at Impact!D3, or a clean report."""
        check(tmp_path, repr(COST_MARK), text)

    def test_overflow_refused_not_written(self, tmp_path: Path) -> None:
        """The issue's case: a unit cost of 1e308 is an error, nothing is written."""
        source = workbook_with(tmp_path / "in.xlsx", "1e308", repr(IMPACT_MARK))
        outcome = process(source, tmp_path / "r.xlsx", tmp_path / "r.json")
        assert not outcome.ok
        assert any("Costs!D3: Unit cost is 1e+308, too large to be real" in m
                   for m in outcome.messages)

    @settings(max_examples=12, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.floats(), st.floats())
    def test_any_two_floats(self, tmp_path: Path, cost: float, before: float) -> None:
        """Any float in either cell: refused at its cell, or a report and JSON with finite
        numbers only."""
        check(tmp_path, repr(cost), repr(before))


@pytest.mark.libreoffice
@pytest.mark.parametrize(("unit_cost", "before"), [
    ("999999999999999", repr(IMPACT_MARK)),  # just below the 1e15 limit for money
    ("1e-9", repr(IMPACT_MARK)),  # the smallest nonzero value accepted
    (repr(COST_MARK), "999999999"),  # a Before near the limit for counts
    ("0", "0"),
], ids=["cost near limit", "tiny cost", "before near limit", "zeros"])
def test_extreme_accepted_values_recalculate_in_libreoffice(
        tmp_path: Path, unit_cost: str, before: str) -> None:
    """Values at the edges of what is accepted: the report LibreOffice recalculates holds
    the same figures the tool stored, every one finite (no overflow in a formula)."""
    from tests.test_report_libreoffice import compare

    source = workbook_with(tmp_path / "in.xlsx", unit_cost, before)
    report, summary = tmp_path / "in_report.xlsx", tmp_path / "in_report.json"
    outcome = process(source, report, summary)
    assert outcome.ok, outcome.messages
    strict_json(summary.read_text(encoding="utf-8"))
    assert compare(report, tmp_path) > 100
