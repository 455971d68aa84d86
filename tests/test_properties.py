"""Invariants of the method, checked over many generated cases (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roti_excel import evaluate, load, model
from roti_excel.domain import Direction, Isolation
from roti_excel.method.roi import band
from tests.workbooks import write_workbook

money = st.floats(min_value=1.0, max_value=1e12, allow_nan=False, allow_infinity=False)
factor = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False)


def _case(benefits: list[float], costs: list[float]) -> model.Evaluation:
    return model.Evaluation(
        model.Program("P"),
        costs=tuple(model.CostLine("EC", c) for c in costs),
        measures=(model.Measure("M", Direction.HIGHER, Isolation.NONE, value_per_unit=1.0),),
        impact=tuple(model.ImpactRow("M", 0.0, b) for b in benefits))


class TestScaling:
    @given(st.lists(money, min_size=1, max_size=5), st.lists(money, min_size=1, max_size=5),
           factor)
    def test_same_factor_keeps_ratios(self, benefits, costs, k):
        """Scaling every cost and benefit by k leaves BCR and ROI unchanged."""
        a = evaluate(_case(benefits, costs)).total
        b = evaluate(_case([x * k for x in benefits], [x * k for x in costs])).total
        assert b.bcr == pytest.approx(a.bcr, rel=1e-9)
        assert b.roi_pct == pytest.approx(a.roi_pct, rel=1e-9, abs=1e-9)

    @given(st.lists(money, min_size=1, max_size=5), st.lists(money, min_size=1, max_size=5))
    def test_doubling_benefits_never_lowers_roi(self, benefits, costs):
        """More benefits, same costs: ROI does not fall."""
        a = evaluate(_case(benefits, costs)).total
        b = evaluate(_case([2 * x for x in benefits], costs)).total
        assert b.roi_pct is not None and a.roi_pct is not None
        assert b.roi_pct >= a.roi_pct

    @given(money, money)
    def test_identities(self, benefits, costs):
        """net = B - C, BCR = B / C, ROI = (BCR - 1) x 100, payback x B / months = C, and
        a payback is printed only within the months the benefits cover."""
        t = evaluate(_case([benefits], [costs])).total
        assert t.net_benefits == benefits - costs
        assert t.roi_pct == pytest.approx((t.bcr - 1) * 100, rel=1e-9, abs=1e-6)
        assert t.payback_raw * benefits / t.months == pytest.approx(costs, rel=1e-9)
        assert (t.payback_months is not None) == (t.payback_raw <= t.months * (1 + 1e-12))


class TestBandsProperty:
    @given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
           st.floats(min_value=0, max_value=100, allow_nan=False))
    def test_band_is_monotone(self, roi, objective):
        """Bands follow the ROI: negative < thin positive < high, split at 0 and objective."""
        got = band(roi, objective)
        if roi < 0:
            assert got == "negative"
        elif roi < objective:
            assert got == "thin_positive"
        else:
            assert got == "high"


# numbers the contract accepts: 0, or at least 1e-9 away from it (docs/contract.md, Numbers)
SANE_COST = st.one_of(st.just(0.0), st.floats(min_value=1e-9, max_value=1e9))
SANE_VALUE = st.floats(min_value=-1e6, max_value=1e6).filter(lambda x: x == 0 or abs(x) >= 1e-9)


class TestReadRoundTrip:
    @settings(max_examples=15, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.tuples(st.sampled_from(["EC", "TM", "C", "NA", "TE"]), SANE_COST,
                              st.integers(min_value=1, max_value=100)), min_size=1, max_size=8),
           st.lists(st.tuples(SANE_VALUE, SANE_VALUE), min_size=1, max_size=12))
    def test_reading_twice_gives_the_same_model(self, tmp_path: Path, costs, impact):
        """Reading then re-reading a workbook gives an equal model with the written values.

        Values are compared to 1e-15: xlsxwriter stores 16 significant digits (Excel 15)."""
        path = write_workbook(tmp_path / "rt.xlsx", [("Program name", "RT")], {
            "Costs": [{"Code": c, "Unit cost": u, "Quantity": q} for c, u, q in costs],
            "Measures": [{"Measure": "M", "Better when": "higher", "Value per unit": 2,
                          "Isolation": "none"}],
            "Impact": [{"Measure": "M", "Before": b, "After": a} for b, a in impact]})
        first, second = load(path), load(path)
        assert first.ok and first.evaluation == second.evaluation
        assert first.evaluation is not None
        got = [(c.code, c.unit_cost, c.quantity) for c in first.evaluation.costs]
        assert got == [(c, pytest.approx(u, rel=1e-15), float(q)) for c, u, q in costs]
        assert [(r.before, r.after) for r in first.evaluation.impact] == [
            (pytest.approx(b, rel=1e-15), pytest.approx(a, rel=1e-15)) for b, a in impact]
