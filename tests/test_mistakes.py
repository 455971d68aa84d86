"""Mistakes HR users really make that used to change the ROI without a word: a total row
under the cost lines, an average row under the survey, an empty Costs sheet, an evaluation
that ends before it starts. Each is now an error at its cell; no report is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roti_excel import load
from roti_excel.input_template import thesis_case
from tests.workbooks import thesis_workbook, write_workbook


def errors_of(tmp_path: Path, **sheets: Any) -> list[str]:
    loaded = load(thesis_workbook(tmp_path / "in.xlsx", **sheets))
    assert not loaded.ok
    return [i.format() for i in loaded.issues if i.is_error]


def with_row(sheet: str, row: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {sheet: [*thesis_case.SHEETS[sheet], row]}


class TestTotalRows:
    @pytest.mark.parametrize("label", ["TOTAL", "Total", " jumlah ", "Grand total",
                                       "Total biaya", "Subtotal"])
    def test_total_row_under_the_costs(self, tmp_path: Path, label: str) -> None:
        """A total row "fixed" by giving it a code would double the costs: an error at its
        label, whatever the language and case."""
        rows = len(thesis_case.SHEETS["Costs"])
        errors = errors_of(tmp_path, **with_row("Costs", {
            "Group": "Maker", "Code": "EC", "Description": label, "Unit cost": 215_593_000}))
        assert errors == [f"Costs!C{rows + 3}: row {rows + 3} is a total row "
                          f"('{label.strip()}'): delete it; roti-excel adds up the lines "
                          "itself, and this row would be counted as one more"]

    def test_average_row_under_the_survey(self, tmp_path: Path) -> None:
        """"Rata-rata" under the reaction answers would be one respondent too many."""
        rows = len(thesis_case.SHEETS["Reaction"])
        errors = errors_of(tmp_path, **with_row("Reaction", {
            "Group": "Maker", "Session": "Rata-rata", "P1": 4}))
        assert errors == [f"Reaction!B{rows + 3}: row {rows + 3} is a total row "
                          "('Rata-rata'): delete it; roti-excel adds up the lines itself, "
                          "and this row would be counted as one more"]

    def test_names_that_start_with_total_are_data(self, tmp_path: Path) -> None:
        """"Total quality management books" is a cost line, not a total."""
        loaded = load(thesis_workbook(tmp_path / "in.xlsx", **with_row("Costs", {
            "Group": "Maker", "Code": "TM", "Description": "Total quality management books",
            "Unit cost": 100_000})))
        assert loaded.ok


class TestEmptyCosts:
    def test_no_cost_lines_is_an_error(self, tmp_path: Path) -> None:
        """Costs is required; a sheet with only its header has no ROI to give."""
        assert errors_of(tmp_path, Costs=[{"Group": None, "Code": None, "Unit cost": None}]) \
            == ["Costs: Costs has no cost lines; enter each cost of the program (a Code and a "
                "Unit cost per line): without costs there is no ROI"]


class TestEvaluationPeriod:
    def test_start_after_end(self, tmp_path: Path) -> None:
        """03/10/2025 read as 3 October, after the end on 30 September: an error that says
        how to type dates so it cannot happen."""
        program = [(f, v) for f, v in thesis_case.PROGRAM
                   if f not in ("Evaluation start", "Evaluation end")]
        program += [("Evaluation start", "03/10/2025"), ("Evaluation end", "30/09/2025")]
        loaded = load(write_workbook(tmp_path / "in.xlsx", program, thesis_case.SHEETS))
        errors = [i for i in loaded.issues if i.is_error]
        assert [(i.sheet, i.message) for i in errors] == [(
            "Program", "Evaluation start 2025-10-03 is after Evaluation end 2025-09-30; check "
            "both dates (type them as YYYY-MM-DD, e.g. 2025-03-10, so day and month cannot "
            "be swapped)")]
        assert errors[0].cell is not None and errors[0].cell.startswith("B")
