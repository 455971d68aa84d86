"""The Scenarios sheet: the what-ifs finance runs, on editable cells beside the reported
figures, with the rest of the report protected against an accidental edit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from roti_excel.method import scenarios as sc
from roti_excel.method.evaluate import Results, evaluate
from roti_excel.report import workbook as report
from tests import test_credibility as c
from tests.cases import rich_evaluation
from tests.test_brief import results_and_file


def find(ws: openpyxl.worksheet.worksheet.Worksheet, label: str, col: int = 1) -> int:
    """The row whose column `col` holds `label` (1-based)."""
    for row in ws.iter_rows(min_col=col, max_col=col):
        if row[0].value == label:
            return row[0].row
    raise AssertionError(f"{label!r} not found on {ws.title}")


@pytest.fixture
def thesis(tmp_path: Path) -> tuple[Results, Path]:
    results, _ = results_and_file(tmp_path)
    return results, report.write(results, tmp_path / "report.xlsx")


class TestMethod:
    def test_no_isolation_credits_the_whole_change(self, thesis: tuple[Results, Path]) -> None:
        results, _ = thesis
        shares = [m.share for m in sc.measure_assumptions(results.impact.measures)]
        assert shares == [pytest.approx(1.0), pytest.approx(1.0)]

    def test_estimates_credit_contribution_times_confidence(self, tmp_path: Path) -> None:
        results = c.results_of(c.estimates_case(tmp_path, c.TestEstimates.ROWS))
        (m,) = sc.measure_assumptions(results.impact.measures)
        assert m.share == pytest.approx(0.5 * 0.8)

    def test_control_group_credits_the_difference(self, tmp_path: Path) -> None:
        path = c.program_workbook(tmp_path, "control", {
            "Costs": c.FULL_COSTS,
            "Measures": [{"Measure": "Sales", "Better when": "higher", "Value per unit": 1000,
                          "Isolation": "control group"}],
            "Impact": [{"Measure": "Sales", "Before": 100, "After": 180,
                        "Control before": 100, "Control after": 130}]})
        (m,) = sc.measure_assumptions(c.results_of(path).impact.measures)
        assert m.share == pytest.approx((80 - 30) / 80)

    def test_defaults_give_the_reported_figures(self, thesis: tuple[Results, Path]) -> None:
        results, _ = thesis
        measures = sc.measure_assumptions(results.impact.measures)
        out = sc.outcome(results, measures, sc.defaults(measures, results.total.months))
        assert out.benefits == pytest.approx(results.total.benefits, rel=1e-12)
        assert out.roi == pytest.approx((results.total.roi_pct or 0) / 100, rel=1e-12)

    def test_the_thesis_wage_line_as_a_scenario(self, thesis: tuple[Results, Path]) -> None:
        """Adding the thesis's own wage figure (49 x 3,500,000 x 0.5) as a learner-salary
        cost gives the 14.9 % the issue found by editing the input."""
        results, _ = thesis
        measures = sc.measure_assumptions(results.impact.measures)
        base = sc.defaults(measures, results.total.months)
        out = sc.outcome(results, measures, replace(base, salary=49 * 3_500_000 * 0.5))
        assert out.roi == pytest.approx(0.149, abs=0.0005)
        assert sc.band(out.roi, 0.25) is sc.Band.THIN_POSITIVE

    def test_swings_largest_first_and_through_the_reported_roi(
            self, thesis: tuple[Results, Path]) -> None:
        results, _ = thesis
        swings = sc.swings(results, sc.measure_assumptions(results.impact.measures))
        spreads = [s.spread for s in swings]
        assert spreads == sorted(spreads, reverse=True)
        keys = {s.key for s in swings}
        assert keys == {"share", "value", "months", "salary", "benefits", "costs"}
        roi = (results.total.roi_pct or 0) / 100
        for s in swings:  # each range holds the reported value, so the ROI moves through it
            assert min(s.roi_low, s.roi_high) <= roi + 1e-12 <= max(s.roi_low, s.roi_high) \
                + 2e-12, s


class TestSheet:
    def test_present_after_level_5_and_absent_without_an_roi(self, thesis: tuple[Results, Path],
                                                            tmp_path: Path) -> None:
        names = openpyxl.load_workbook(thesis[1]).sheetnames
        assert names.index("Scenarios") == names.index("Level 5 ROI") + 1
        flat = c.results_of(c.TestNotMonetised().path(tmp_path))
        path = report.write(flat, tmp_path / "flat.xlsx")
        assert "Scenarios" not in openpyxl.load_workbook(path).sheetnames

    def test_scenario_equals_reported_at_the_defaults(self, thesis: tuple[Results, Path]) -> None:
        ws = openpyxl.load_workbook(thesis[1], data_only=True)["Scenarios"]
        for label in ("Monetary benefits", "Net benefits", "Benefit-cost ratio", "ROI",
                      "Result band", "Payback (months)"):
            row = find(ws, label)
            reported, scenario = ws.cell(row, 2).value, ws.cell(row, 3).value
            if isinstance(reported, float):
                assert scenario == pytest.approx(reported, rel=1e-12), label
            else:
                assert scenario == reported, label

    def test_changes_of_the_roi_are_percentage_points(self, thesis: tuple[Results, Path]
                                                      ) -> None:
        """"+68.8%" beside an ROI of 60.6% reads as a relative change; the sensitivity
        table's changes are points (ROI at the value - reported ROI, x 100), so headed."""
        results, path = thesis
        ws = openpyxl.load_workbook(path, data_only=True)["Scenarios"]
        header = find(ws, "Change of ROI at the low value (points)", 6)
        assert ws.cell(header, 7).value == "Change of ROI at the high value (points)"
        reported = (results.total.roi_pct or 0) / 100
        swings = sc.swings(results, sc.measure_assumptions(results.impact.measures))
        rows = range(header + 1, header + 1 + len(swings))
        assert len(rows) >= 4
        for r in rows:
            for roi_col, change_col in ((4, 6), (5, 7)):
                change = ws.cell(r, change_col)
                assert change.value == pytest.approx((ws.cell(r, roi_col).value - reported)
                                                     * 100, abs=1e-9)
                assert "%" not in change.number_format

    def test_totals_side_by_side_and_an_na_explained(self, tmp_path: Path) -> None:
        """The measures' table totals the reported benefits beside the scenario's, and a
        measure with nothing to vary (Overtime worsened: no positive change to credit)
        shows n/a with a note saying why."""
        results = evaluate(rich_evaluation())
        ws = openpyxl.load_workbook(report.write(results, tmp_path / "r.xlsx"),
                                    data_only=True)["Scenarios"]
        total = find(ws, "Total")
        benefits = sum(m.benefits for m in results.impact.measures)
        assert ws.cell(total, 3).value == pytest.approx(benefits)
        assert ws.cell(total, 8).value == pytest.approx(benefits)
        assert any(ws.cell(r, 4).value == "n/a" for r in range(1, total))
        assert str(ws.cell(total + 2, 1).value).startswith("n/a: the measure's change")

    def test_brief_points_to_the_scenarios(self, thesis: tuple[Results, Path]) -> None:
        ws = openpyxl.load_workbook(thesis[1])["Brief"]
        text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
        assert "use the Scenarios sheet" in text


class TestProtection:
    def test_every_sheet_protected_without_a_password(self, thesis: tuple[Results, Path]
                                                      ) -> None:
        wb = openpyxl.load_workbook(thesis[1])
        for ws in wb.worksheets:
            assert ws.protection.sheet, ws.title
            assert not ws.protection.password, ws.title

    def test_only_the_scenario_inputs_take_a_value(self, thesis: tuple[Results, Path]) -> None:
        wb = openpyxl.load_workbook(thesis[1])
        unlocked = {(ws.title, cell.coordinate) for ws in wb.worksheets
                    for row in ws.iter_rows() for cell in row
                    if cell.value is not None and not cell.protection.locked}
        assert unlocked and {title for title, _ in unlocked} == {"Scenarios"}
        ws = wb["Scenarios"]
        for _title, ref in unlocked:
            assert not str(ws[ref].value).startswith("="), ref  # inputs, never formulas
        # the reported figures and every formula of the other sheets are locked
        assert wb["Level 5 ROI"]["F8"].protection.locked
        assert all(cell.protection.locked for row in wb["Input copies"].iter_rows()
                   for cell in row if cell.value is not None)


# -- LibreOffice: a changed scenario recalculates as the method computes --------------------

@pytest.mark.libreoffice
def test_a_changed_scenario_recalculates_to_the_method(thesis: tuple[Results, Path],
                                                       tmp_path: Path) -> None:
    from tests.test_report_libreoffice import recalculated

    results, path = thesis
    wb = openpyxl.load_workbook(path)
    ws = wb["Scenarios"]
    maker = find(ws, "Maker", col=2)
    ws.cell(maker, 5).value = 0.5  # half of Maker's change credited to the program
    ws.cell(maker, 7).value = 6000.0  # a lower value per unit
    ws.cell(find(ws, "Benefit months"), 3).value = 10
    ws.cell(find(ws, "Learner-salary cost to add"), 3).value = 85_750_000
    ws.cell(find(ws, "Costs multiplier"), 3).value = 1.1
    edited = tmp_path / "edited" / "report.xlsx"
    edited.parent.mkdir()
    wb.save(edited)
    fresh = openpyxl.load_workbook(recalculated(edited, tmp_path), data_only=True)["Scenarios"]

    measures = sc.measure_assumptions(results.impact.measures)
    base = sc.defaults(measures, results.total.months)
    shares = (0.5, *base.shares[1:])
    values = (6000.0, *base.values[1:])
    expected = sc.outcome(results, measures, replace(
        base, shares=shares, values=values, months=10, salary=85_750_000, costs_factor=1.1))
    assert fresh.cell(find(fresh, "Monetary benefits"), 3).value == pytest.approx(
        expected.benefits, rel=1e-9)
    assert fresh.cell(find(fresh, "ROI"), 3).value == pytest.approx(expected.roi, rel=1e-9)
    assert fresh.cell(find(fresh, "Result band"), 3).value == "Negative"
    # the reported figures did not move
    assert fresh.cell(find(fresh, "ROI"), 2).value == pytest.approx(
        (results.total.roi_pct or 0) / 100, rel=1e-9)
