"""The report's faster formula preparation gives exactly what xlsxwriter's own does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from xlsxwriter.worksheet import Worksheet

from roti_excel.report.fast_sheet import FastFormulaWorksheet

GOLDEN = Path(__file__).parent / "golden"


def golden_formulas() -> list[str]:
    """Every formula of the golden reports (both languages, every case)."""
    found: set[str] = set()
    for path in GOLDEN.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("report_en", "report_id"):
            for sheet in (data.get(key) or {}).get("sheets", []):
                found.update(cell[0] for cell in sheet["cells"].values()
                             if isinstance(cell[0], str) and cell[0].startswith("="))
    return sorted(found)


class TestPrepareFormula:
    def test_every_report_formula_prepares_as_xlsxwriter_does(self) -> None:
        """All of the distinct formulas the golden reports hold (over 900)."""
        formulas = golden_formulas()
        assert len(formulas) > 900
        fast, plain = FastFormulaWorksheet(), Worksheet()
        assert [fast._prepare_formula(f) for f in formulas] == [
            plain._prepare_formula(f) for f in formulas]

    @pytest.mark.parametrize("formula", [
        "=FILTER(A1:A9,B1:B9>0)", "=XLOOKUP(1,A:A,B:B)", "=SINGLE(A1)", "=ASINGLE(A1)",
        "={SUM(A1:A3)}", "=_xlfn.SORT(A1:A3)", "=SUM(A1:A3)", "=filter(A1)", "=LAMBDA(x,x)(1)"])
    def test_dynamic_functions_take_xlsxwriters_path(self, formula: str) -> None:
        """Names xlsxwriter rewrites (and its own quirks) give its result, and so does
        everything else."""
        assert FastFormulaWorksheet()._prepare_formula(formula) == (
            Worksheet()._prepare_formula(formula))
