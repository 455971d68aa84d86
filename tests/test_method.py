"""The method of docs/method.md: golden thesis figures, published cases, isolation, bands."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from roti_excel import evaluate, load, model
from roti_excel.domain import Band, Direction, FindingKind, Isolation, OutlierRule
from roti_excel.method.roi import band
from roti_excel.method.stats import outlier_fences
from tests.cases import article_case, roi_case
from tests.workbooks import thesis_workbook


@pytest.fixture(scope="module")
def thesis(tmp_path_factory: pytest.TempPathFactory):
    path = thesis_workbook(tmp_path_factory.mktemp("thesis") / "thesis.xlsx")
    loaded = load(path)
    assert loaded.ok, loaded.messages()
    assert loaded.evaluation is not None
    return evaluate(loaded.evaluation)


class TestThesisGoldenFigures:
    """The thesis case of docs/method.md, through the reader, to the cent."""

    @pytest.mark.parametrize(
        ("group", "hours", "benefits", "trd", "tri", "bcr", "roi", "payback"),
        [
            ("Maker", 26502.89, 193_250_239.58, 114_981_000, 7_650_000, 1.5759, 57.5868, 7.61),
            ("Packer", 20993.00, 153_073_958.33, 85_312_000, 7_650_000, 1.6466, 64.6629, 7.29),
        ],
    )
    # pytest passes each column of the parametrize table above by name
    def test_per_unit(self, thesis, group, hours, benefits, trd, tri, bcr, roi,  # noqa: PLR0913
                      payback):
        """Each unit's hours, benefits, TRD/TRI, BCR, ROI and payback match the thesis."""
        fin = next(g for g in thesis.groups if g.name == group)
        measure = next(m for m in thesis.impact.measures if m.group == group)
        cost = next(c for c in thesis.costs.groups if c.name == group)
        assert measure.improvement == pytest.approx(hours, abs=0.005)
        assert round(fin.benefits, 2) == benefits
        assert cost.direct == trd and cost.indirect == tri
        assert round(fin.bcr, 4) == bcr
        assert round(fin.roi_pct, 4) == roi
        assert round(fin.payback_months, 2) == payback
        assert fin.band == Band.HIGH

    def test_both_units(self, thesis):
        """The total over both units: 346,324,197.92 against 215,593,000, ROI 60.6380 %
        ((346,324,197.92 - 215,593,000) / 215,593,000 = 60.63796 %)."""
        t = thesis.total
        assert round(t.benefits, 2) == 346_324_197.92
        assert t.costs == 215_593_000
        assert round(t.bcr, 4) == 1.6064
        assert round(t.roi_pct, 4) == 60.6380
        assert t.roi_pct == pytest.approx((346_324_197.92 - 215_593_000) / 215_593_000 * 100)
        assert round(t.payback_months, 2) == 7.47

    def test_negative_month_is_kept(self, thesis):
        """Maker's month 9 got worse (-494.25 h); it stays in, not dropped."""
        maker = next(m for m in thesis.impact.measures if m.group == "Maker")
        assert any(p.adjusted == pytest.approx(-494.25) and p.included for p in maker.periods)

    def test_wage_rate(self, thesis):
        """3,500,000 / 30 / 2 / 8 = 7,291.67 per hour (Table 4.15)."""
        assert thesis.impact.measures[0].value_per_unit == pytest.approx(3_500_000 / 480)

    def test_no_isolation_is_reported(self, thesis):
        """With Isolation = none the findings say so, per measure."""
        kinds = [f.kind for f in thesis.findings]
        assert kinds.count("no_isolation") == 2
        assert "missing_cost" in kinds  # no learner salaries (L) line in the thesis


class TestPublishedCases:
    def test_ai_training_article(self):
        """Cost 50 M, benefits 30 + 20 + 40 M -> ROI 80 %."""
        r = evaluate(article_case(50e6, 30e6, 20e6, 40e6))
        assert r.total.roi_pct == pytest.approx(80.0)
        assert r.total.benefits == 90e6

    def test_hr_article(self):
        """Cost 50 M, benefits 120 M -> ROI 140 %, BCR 2.4."""
        r = evaluate(article_case(50e6, 120e6))
        assert r.total.roi_pct == pytest.approx(140.0)
        assert r.total.bcr == pytest.approx(2.4)
        assert r.total.net_benefits == 70e6


class TestBands:
    @pytest.mark.parametrize(("roi", "expected"), [
        (25.0, Band.HIGH), (24.999, Band.THIN_POSITIVE), (0.0, Band.THIN_POSITIVE),
        (-0.001, Band.NEGATIVE), (1000.0, Band.HIGH), (-100.0, Band.NEGATIVE)])
    def test_boundaries(self, roi, expected):
        """Objective itself is high; exactly 0 (break-even) is thin positive."""
        assert band(roi, 25.0) == expected

    def test_break_even_through_evaluate(self):
        """Benefits equal to costs give ROI 0 and the thin positive band."""
        r = evaluate(roi_case(100.0, 100.0))
        assert r.total.roi_pct == 0.0 and r.total.band == Band.THIN_POSITIVE

    def test_objective_from_program(self):
        """A 70 % objective makes ROI 60 % thin positive."""
        r = evaluate(roi_case(160.0, 100.0, objective=0.70))
        assert r.total.band == Band.THIN_POSITIVE

    def test_zero_costs_give_no_ratios(self):
        """Costs of 0: BCR, ROI, payback and band are None and a finding says why."""
        ev = model.Evaluation(model.Program("No costs"), measures=(
            model.Measure("Output", Direction.HIGHER, Isolation.NONE, value_per_unit=1.0),),
            impact=(model.ImpactRow("Output", 0.0, 10.0),))
        r = evaluate(ev)
        assert (r.total.bcr, r.total.roi_pct, r.total.payback_months, r.total.band) == (
            None, None, None, None)
        assert any(f.kind == "no_costs" for f in r.findings)

    def test_roi_above_500_is_flagged(self):
        """ROI over 500 % is flagged for review."""
        r = evaluate(roi_case(700.0, 100.0))
        assert any(f.kind == "roi_review" for f in r.findings)


def _one_measure(isolation: str, rows: tuple[model.ImpactRow, ...], better: str = "higher",
                 **kw: float) -> model.Evaluation:
    return model.Evaluation(
        model.Program("Isolation case"), costs=(model.CostLine("EC", 100.0),),
        measures=(model.Measure("M", Direction(better), Isolation(isolation), value_per_unit=10.0,
                                **kw),),
        impact=rows)


class TestIsolation:
    def test_control_group(self):
        """Improvement = trained change minus control change, per period."""
        rows = (model.ImpactRow("M", 100, 130, control_before=100, control_after=110),
                model.ImpactRow("M", 100, 120, control_before=100, control_after=125))
        r = evaluate(_one_measure("control group", rows))
        m = r.impact.measures[0]
        assert [p.improvement for p in m.periods] == [20.0, -5.0]
        assert r.total.benefits == 150.0

    def test_control_group_lower_is_better(self):
        """For lower-is-better, a fall counts as improvement in both groups."""
        rows = (model.ImpactRow("M", 50, 30, control_before=50, control_after=45),)
        r = evaluate(_one_measure("control group", rows, better="lower"))
        assert r.impact.measures[0].periods[0].improvement == 15.0

    def test_trend_line(self):
        """OLS over the before periods, projected over the after periods."""
        # before: 10, 12, 14 at months 0..2 (slope 2); after at months 3..5: 20, 20, 20
        rows = tuple(model.ImpactRow("M", b, a, before_period=f"2020-0{i + 1}",
                                     after_period=f"2020-0{i + 4}")
                     for i, (b, a) in enumerate([(10, 20), (12, 20), (14, 20)]))
        r = evaluate(_one_measure("trend line", rows))
        m = r.impact.measures[0]
        assert [p.baseline for p in m.periods] == pytest.approx([16.0, 18.0, 20.0])
        assert [p.improvement for p in m.periods] == pytest.approx([4.0, 2.0, 0.0])
        assert r.total.benefits == pytest.approx(60.0)

    def test_trend_line_with_gap_year(self):
        """Months are real months: a gap between before and after is projected across."""
        rows = (model.ImpactRow("M", 10, 40, before_period="2009-01", after_period="2011-01"),
                model.ImpactRow("M", 11, 40, before_period="2009-02", after_period="2011-02"))
        m = evaluate(_one_measure("trend line", rows)).impact.measures[0]
        # slope 1 per month: 2011-01 is 24 months after 2009-01 -> projected 34
        assert m.periods[0].baseline == pytest.approx(34.0)

    def test_estimate_isolation(self):
        """Improvement x contribution x confidence."""
        rows = (model.ImpactRow("M", 0, 100),)
        r = evaluate(_one_measure("estimate", rows, contribution=0.6, confidence=0.8))
        p = r.impact.measures[0].periods[0]
        assert p.factor == pytest.approx(0.48) and p.adjusted == pytest.approx(48.0)
        assert r.total.benefits == pytest.approx(480.0)

    def test_per_person_estimates(self):
        """Estimates: annual improvement x contribution x confidence x value per unit."""
        ev = model.Evaluation(
            model.Program("Estimates"), costs=(model.CostLine("EC", 1000.0),),
            measures=(model.Measure("Errors", Direction.LOWER, Isolation.ESTIMATE,
                                    value_per_unit=50.0, contribution=1.0, confidence=1.0),),
            estimates=(model.Estimate("Errors", "Ani", 40.0, 0.5, 0.9),
                       model.Estimate("Errors", "Budi", 20.0, 0.25, 0.8),
                       model.Estimate("Errors", "Citra", None, 0.5, 0.5)))
        r = evaluate(ev)
        assert r.total.benefits == pytest.approx((40 * 0.45 + 20 * 0.2) * 50)
        assert sum(1 for f in r.findings if f.kind == "zeroed") == 1


class TestConservativeRules:
    def test_horizon_trims_later_periods(self):
        """With a 2-month horizon only the first two periods count; the third is listed."""
        ev = model.Evaluation(
            model.Program("Horizon", horizon_months=2), costs=(model.CostLine("EC", 1.0),),
            measures=(model.Measure("M", Direction.HIGHER, Isolation.NONE, value_per_unit=1.0),),
            impact=tuple(model.ImpactRow("M", 0, v) for v in (1, 2, 4)))
        r = evaluate(ev)
        assert r.total.benefits == 3.0
        assert [f.kind for f in r.findings].count("horizon") == 1

    def test_missing_value_counts_zero(self):
        """A period with a missing after value counts as 0 and is reported as zeroed."""
        ev = _one_measure("none", (model.ImpactRow("M", 0, 5), model.ImpactRow("M", 3, None)))
        r = evaluate(ev)
        assert r.total.benefits == 50.0
        assert any(f.kind == "zeroed" for f in r.findings)

    @pytest.mark.parametrize(("rule", "benefits"), [("flag", 10 * (12 + 1000)),
                                                    ("exclude", 10 * 12)])
    def test_outliers(self, rule, benefits):
        """Outside 3 x IQR of 8 or more values: flagged always, excluded only when the rule
        says exclude."""
        rows = tuple(model.ImpactRow("M", 0, v) for v in (1, 2, 1, 2, 1, 2, 1, 2, 1000))
        ev = model.Evaluation(
            model.Program("Outliers", outlier_rule=OutlierRule(rule)),
            costs=(model.CostLine("EC", 1.0),),
            measures=(model.Measure("M", Direction.HIGHER, Isolation.NONE, value_per_unit=10.0),),
            impact=rows)
        r = evaluate(ev)
        assert r.total.benefits == benefits
        assert [f.kind for f in r.findings].count("outlier") == 1

    def test_shared_costs_allocated_by_participants(self):
        """A blank-group cost is shared by participants: 30 and 10 take 75 % and 25 %."""
        ev = model.Evaluation(
            model.Program("Shared"), groups=(model.Group("A", 30), model.Group("B", 10)),
            costs=(model.CostLine("NA", 400.0), model.CostLine("T", 100.0, group="A")),
            measures=(model.Measure("M", Direction.HIGHER, Isolation.NONE, value_per_unit=1.0),),
            impact=(model.ImpactRow("M", 0, 1, group="A"),))
        r = evaluate(ev)
        a, b = r.costs.groups
        assert (a.total, b.total) == (400.0, 100.0)
        assert math.isclose(a.share, 0.75)
        assert r.total.costs == 500.0

    def test_cost_line_amount(self):
        """Amount = unit cost x quantity x duration x proration."""
        assert model.CostLine("C", 120_000, 30, 15, 0.5).amount == 27_000_000

    def test_costs_are_fully_loaded_warning(self, thesis):
        """No L line: a finding says costs may not be fully loaded."""
        assert any("learner salaries" in f.message for f in thesis.findings)


class TestLevels1To3OnThesis:
    def test_reaction_leaves_out_of_scale(self, thesis):
        """The P1 = 0.0 row is flagged and not averaged in."""
        r = thesis.reaction
        assert len(r.out_of_scale) == 1 and r.out_of_scale[0].value == 0
        p1 = next(q for q in r.by_question if q.label == "P1")
        assert p1.mean is not None and p1.mean > 3

    def test_learning_excludes_absentees(self, thesis):
        """Absentees are counted but never averaged in."""
        o = thesis.learning.overall
        assert o.participants == 49 and o.absent == 6 and o.sat == 43
        assert o.min >= 80

    def test_application_from_counts(self, thesis):
        """Level 3 comes from counts; each question's shares sum to 100 %."""
        a = thesis.application
        assert a.source == "counts"
        for d in a.by_question:
            assert sum(s for _, s in d.shares) == pytest.approx(100.0)
            assert d.category


def test_thesis_example_path_is_workbook(tmp_path: Path):
    """thesis_workbook writes a real file the loader accepts."""
    assert load(thesis_workbook(tmp_path / "t.xlsx")).ok


class TestOutlierRule:
    def test_fewer_than_eight_values_have_no_outliers(self):
        """0-3 incidents over six months: quartiles of so few values say nothing."""
        assert outlier_fences([0, 1, 3, 0, 2, 1, 3]) is None

    def test_equal_middle_half_has_no_outliers(self):
        """IQR 0 (most months alike) would make any other month "extreme"."""
        assert outlier_fences([2, 2, 2, 2, 2, 2, 2, 2, 5]) is None

    def test_fences_of_a_spread_series(self):
        """Q1 1, Q3 2: fences 1 - 3 and 2 + 3."""
        assert outlier_fences([1, 2, 1, 2, 1, 2, 1, 2]) == (-2.0, 5.0)

    def test_finding_quotes_the_values_typed_at_the_after_cell(self):
        """The warning names the After cell and the numbers typed there, not an adjusted
        improvement at column A."""
        rows = tuple(model.ImpactRow("M", 0, v, origin=model.Origin("Impact", 3 + i),
                                     after_cell=f"F{3 + i}")
                     for i, v in enumerate((1, 2, 1, 2, 1, 2, 1, 2, 1000)))
        ev = model.Evaluation(
            model.Program("Outliers"), costs=(model.CostLine("EC", 1.0),),
            measures=(model.Measure("M", Direction.HIGHER, Isolation.NONE, value_per_unit=10.0),),
            impact=rows)
        (finding,) = [f for f in evaluate(ev).findings if f.kind == FindingKind.OUTLIER]
        assert (finding.sheet, finding.cell) == ("Impact", "F11")
        assert finding.message.startswith("M: After 1,000 (Before 0) gives an improvement")
