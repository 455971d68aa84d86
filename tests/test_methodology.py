"""The Methodology sheet: per level the instrument, timing, source and response rate; per
measure the isolation and conversion with Value source and Notes; the conservative rules as
they applied."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from roti_excel.method.evaluate import Results, evaluate
from roti_excel.report import workbook as report
from tests import test_credibility as c
from tests.cases import rich_evaluation
from tests.test_brief import results_and_file


def cells(path: Path, sheet: str) -> dict[str, object]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {cell.coordinate: cell.value for row in ws.iter_rows() for cell in row
            if cell.value is not None}


def row_of(values: dict[str, object], text: str) -> int:
    found = [int("".join(ch for ch in ref if ch.isdigit())) for ref, v in values.items()
             if v == text]
    assert found, f"{text!r} not on the sheet"
    return found[0]


@pytest.fixture
def thesis(tmp_path: Path) -> tuple[Results, Path]:
    results, _ = results_and_file(tmp_path)
    return results, report.write(results, tmp_path / "report.xlsx")


def test_after_the_summary(thesis: tuple[Results, Path]) -> None:
    names = openpyxl.load_workbook(thesis[1]).sheetnames
    assert names[:3] == ["Brief", "Summary", "Methodology"]


def test_levels_instrument_timing_source_and_response(thesis: tuple[Results, Path]) -> None:
    results, path = thesis
    v = cells(path, "Methodology")
    r1, r2, r4 = (row_of(v, k) for k in ("1 Reaction", "2 Learning", "4 Impact"))
    questions = len(results.evaluation.questions_at(1))
    assert v[f"B{r1}"] == f"Reaction questionnaire: {questions} questions, scale 1–5"
    assert v[f"E{r1}"] == f"{results.reaction.respondents:g}"
    o = results.learning.overall
    assert v[f"E{r2}"] == f"{o.sat} of {o.participants} sat the test"
    assert v[f"F{r2}"] == pytest.approx(o.sat / o.participants)
    assert f"{o.absent} absent" in str(v[f"G{r2}"])
    assert v[f"C{r4}"] == "before 2009-01 – 2009-12; after 2011-01 – 2011-12"


def test_measures_isolation_conversion_value_source_and_notes(
        thesis: tuple[Results, Path]) -> None:
    results, path = thesis
    v = cells(path, "Methodology")
    maker = row_of(v, "Working time (Maker)")
    measure = next(m for m in results.evaluation.measures if m.group == "Maker")
    assert v[f"B{maker}"] == "none"
    assert str(v[f"D{maker}"]).startswith(
        "Rp7,291.67 per unit (hours): rate Operator wage, Rp3,500,000 / ")
    assert "Rp3,500,000 / 30 days / 2 shifts / 8 hours" in str(v[f"D{maker}"])
    assert v[f"E{maker}"] == measure.value_source
    assert v[f"G{maker}"] == measure.notes


def test_rules_say_what_they_did_here(thesis: tuple[Results, Path]) -> None:
    v = cells(thesis[1], "Methodology")
    applied = {v[f"A{row_of(v, rule)}"]: v[f"C{row_of(v, rule)}"] for rule in (
        "Isolate the program's effect", "Costs fully loaded (L learner salaries, TE "
        "evaluation)", "Later years discounted", "Participants' time is a cost")}
    assert str(applied["Isolate the program's effect"]).startswith(
        "not applied to Working time (Maker), Working time (Packer)")
    assert applied["Costs fully loaded (L learner salaries, TE evaluation)"] == (
        "no line for L: the costs are not fully loaded and the result is provisional")
    assert applied["Later years discounted"] == "not needed: the horizon is 12 months or less"
    assert "Scenarios" in str(applied["Participants' time is a cost"])


def test_estimates_case(tmp_path: Path) -> None:
    results = c.results_of(c.estimates_case(tmp_path, c.TestEstimates.ROWS))
    v = cells(report.write(results, tmp_path / "r.xlsx"), "Methodology")
    row = row_of(v, "Isolate the program's effect")
    assert v[f"C{row}"] == "1 of 1 measure isolated, every monetised one among them"
    r4 = row_of(v, "4 Impact")
    assert v[f"F{r4}"] == pytest.approx(9 / 20)  # 9 estimates from 20 participants
    assert v[f"D{r4}"] == "participants' estimates (Estimates sheet)"
    # the workbook's own sheet, not the Indonesian template's name for it
    v = cells(report.write(results, tmp_path / "id.xlsx", "id"), "Metodologi")
    assert v[f"D{row_of(v, '4 Dampak')}"] == "estimasi peserta (lembar Estimates)"


def test_outlier_rule_names_the_measures_it_could_not_test(thesis: tuple[Results, Path],
                                                           tmp_path: Path) -> None:
    """"0 found" reads as checked: a measure with fewer values than the rule needs (8) is
    named as not tested; the thesis's 12 months a measure are all tested."""
    extreme = "Extreme values (outside Q1 - 3 IQR .. Q3 + 3 IQR)"
    v = cells(thesis[1], "Methodology")
    assert v[f"C{row_of(v, extreme)}"] == "flagged and kept: 0 found"
    results = c.results_of(c.estimates_case(tmp_path, c.TestEstimates.ROWS[:5]))
    v = cells(report.write(results, tmp_path / "r.xlsx"), "Methodology")
    m = results.impact.measures[0]
    assert v[f"C{row_of(v, extreme)}"] == (
        f"flagged and kept: 0 found; not tested, fewer than 8 values: {m.measure.name} "
        f"({m.group})")


def test_level_4_timing_spans_each_way_of_writing_periods(tmp_path: Path) -> None:
    """The rich case's measures label periods as months (2020-01) and as P1/Q1: one span
    each, not "2020-01 – P4" sorted across both."""
    v = cells(report.write(evaluate(rich_evaluation()), tmp_path / "r.xlsx"), "Methodology")
    assert v[f"C{row_of(v, '4 Impact')}"] == (
        "before 2020-01 – 2020-08, P0 – P4; after 2021-01 – 2021-08, Q0 – Q4")


def test_indonesian(thesis: tuple[Results, Path], tmp_path: Path) -> None:
    path = report.write(thesis[0], tmp_path / "id.xlsx", "id")
    v = cells(path, "Metodologi")
    assert "Metodologi: bagaimana setiap angka diperoleh" in v.values()
    assert "Aturan konservatif dan penerapannya" in v.values()
