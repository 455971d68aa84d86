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
                                       "Total biaya", "Subtotal", "Subtotal Packer",
                                       "Total Packer", "Sub-total Packer",
                                       "Jumlah biaya Packer", "Jml", "Total: Maker",
                                       "Total all groups"])
    def test_total_row_under_the_costs(self, tmp_path: Path, label: str) -> None:
        """A total row "fixed" by giving it a code would double the costs: an error at its
        label, whatever the language and case; also a subtotal that says what it adds up
        (a group of the workbook, the costs) and nothing else, which was counted with no
        message."""
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

    @pytest.mark.parametrize("label", ["Total downtime", "Total Packer training manuals",
                                       "Jumlah peserta tambahan"])
    def test_names_that_start_with_total_and_say_more_are_data(self, tmp_path: Path,
                                                               label: str) -> None:
        loaded = load(thesis_workbook(tmp_path / "in.xlsx", **with_row("Costs", {
            "Group": "Packer", "Code": "TM", "Description": label, "Unit cost": 100_000})))
        assert loaded.ok, [i.format() for i in loaded.issues if i.is_error]

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


class TestTotalFormulaRows:
    """A total row with no label, only a formula: read as one more line unless caught."""

    def _with_sum(self, tmp_path: Path, formula: str, label: str | None = None) -> list[str]:
        import openpyxl

        from roti_excel.resources import resource_dir

        path = tmp_path / "sum.xlsx"
        wb = openpyxl.load_workbook(resource_dir("input_templates") / "roti_example_en.xlsx")
        ws = wb["Costs"]
        header = next(r for r in range(1, 10) if ws.cell(r, 2).value == "Code")
        last = max(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 2).value)
        unit = next(c for c in range(1, 12) if ws.cell(header, c).value == "Unit cost")
        letter = openpyxl.utils.get_column_letter(unit)
        ws.cell(last + 1, 2, "EC")
        if label:
            ws.cell(last + 1, 3, label)
        ws.cell(last + 1, unit, formula.format(col=letter, first=header + 1, last=last))
        wb.save(path)
        loaded = load(path)
        assert not loaded.ok
        return [i.format() for i in loaded.issues if i.is_error]

    @pytest.mark.parametrize("formula", ["=SUM({col}{first}:{col}{last})",
                                         "=SUBTOTAL(9,{col}{first}:{col}{last})",
                                         "=average({col}{first}:{col}{last})"])
    def test_a_sum_row_under_the_costs(self, tmp_path: Path, formula: str) -> None:
        # openpyxl stores no computed value, so the cell is also reported as uncomputed;
        # Excel's own file would hold the total's value and give the one error
        errors = self._with_sum(tmp_path, formula)
        totals = [e for e in errors if "is a total row (the formula in" in e]
        assert len(totals) == 1, errors

    def test_labelled_and_summed_is_reported_once(self, tmp_path: Path) -> None:
        errors = self._with_sum(tmp_path, "=SUM({col}{first}:{col}{last})", "TOTAL")
        assert [e for e in errors if "total row" in e] == [
            e for e in errors if "the formula in" in e] and len(
            [e for e in errors if "total row" in e]) == 1, errors


def test_a_total_row_gets_one_message_not_fill_in_requests(tmp_path: Path) -> None:
    """A total row without a code is one error, "delete this total row", not also "Code is
    empty" beside it."""
    rows = len(thesis_case.SHEETS["Costs"])
    errors = errors_of(tmp_path, **with_row("Costs", {
        "Group": "Subtotal", "Description": "TOTAL", "Unit cost": 215_593_000}))
    assert len(errors) == 1 and f"row {rows + 3} is a total row" in errors[0], errors


def test_every_total_word_passes_the_quick_test() -> None:
    """The quick test that skips most cells must let every total word through."""
    from roti_excel.reading.total_rows import TOTAL_WORDS, holds_total_stem

    assert all(holds_total_stem(word) for word in TOTAL_WORDS)
    assert all(holds_total_stem(w) for w in ("TOTAL", "Rata-rata", "Jumlah Biaya"))
    assert not holds_total_stem("Peserta 17\nMaker\nR000123")
