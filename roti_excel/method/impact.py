"""Level 4 Impact: improvement per period after isolation, converted to money, within the
benefit horizon; per-person estimates adjusted for contribution and confidence."""

from __future__ import annotations

import math
from dataclasses import dataclass

from roti_excel.domain import Isolation, OutlierRule, PeriodNote
from roti_excel.method import isolation
from roti_excel.method.stats import is_outlier, outlier_fences
from roti_excel.model import Estimate, Evaluation, ImpactRow, Measure, find_measure


@dataclass(frozen=True)
class PeriodResult:
    row: ImpactRow
    change: float  # signed change of the trained group (0 when a value is missing)
    baseline: float | None  # control group's signed change, or the trend projection
    improvement: float  # after control group / trend isolation
    factor: float  # contribution x confidence for estimate isolation, else 1
    adjusted: float  # improvement x factor
    money: float  # adjusted x value per unit, 0 when not included
    included: bool
    outlier: bool
    note: PeriodNote  # why not counted in full; MISSING_VALUE periods count as 0
    # trend line only: x of this row's before value (None when missing) and after value
    before_x: float | None = None
    after_x: float | None = None


@dataclass(frozen=True)
class EstimateResult:
    estimate: Estimate
    factor: float  # contribution x confidence
    horizon_factor: float  # months counted / 12
    adjusted: float  # annual x factor x horizon_factor
    money: float
    included: bool
    outlier: bool
    note: PeriodNote


@dataclass(frozen=True)
class MeasureResult:
    measure: Measure
    group: str | None
    value_per_unit: float
    periods: tuple[PeriodResult, ...]
    estimates: tuple[EstimateResult, ...]
    trend: tuple[float, float] | None  # (intercept, slope) for trend-line isolation

    @property
    def improvement(self) -> float:
        return math.fsum(p.adjusted for p in self.periods if p.included) + math.fsum(
            e.adjusted for e in self.estimates if e.included)

    @property
    def benefits(self) -> float:
        return math.fsum(p.money for p in self.periods) + math.fsum(e.money for e in self.estimates)


@dataclass(frozen=True)
class ImpactResult:
    evaluated: bool
    measures: tuple[MeasureResult, ...]

    def benefits(self, group: str | None = None, *, all_groups: bool = False) -> float:
        return math.fsum(m.benefits for m in self.measures if all_groups or m.group == group)


def value_per_unit(ev: Evaluation, measure: Measure) -> float:
    if measure.value_per_unit is not None:
        return measure.value_per_unit
    rate = ev.rate(measure.rate or "")
    return rate.value if rate is not None else 0.0


def _periods(ev: Evaluation, measure: Measure, rows: list[ImpactRow], unit_value: float
             ) -> tuple[tuple[PeriodResult, ...], tuple[float, float] | None]:
    direction = measure.better_when
    horizon = math.ceil(ev.program.horizon_months)
    trend: tuple[float, float] | None = None
    projections: list[float | None] = [None] * len(rows)
    before_x: list[float | None] = [None] * len(rows)
    after_x: list[float | None] = [None] * len(rows)
    if measure.isolation == Isolation.TREND_LINE:
        known = [(i, r) for i, r in enumerate(rows) if r.before is not None]
        xs_before, xs_after = isolation.period_positions(
            [r.before_period for _, r in known], [r.after_period for r in rows])
        trend = isolation.least_squares(xs_before, [r.before or 0.0 for _, r in known])
        projections = [trend[0] + trend[1] * x for x in xs_after]
        for (i, _), x in zip(known, xs_before, strict=True):
            before_x[i] = x
        after_x = list(xs_after)
    factor = 1.0
    if measure.isolation == Isolation.ESTIMATE:
        factor = isolation.estimate_factor(measure.contribution or 0.0, measure.confidence or 0.0)
    drafts: list[tuple[ImpactRow, float, float | None, float, PeriodNote]] = []
    for i, row in enumerate(rows):
        note = PeriodNote.BEYOND_HORIZON if i >= horizon else PeriodNote.COUNTED
        if row.before is None or row.after is None:
            drafts.append((row, 0.0, None, 0.0, note or PeriodNote.MISSING_VALUE))
            continue
        change = isolation.signed_change(row.before, row.after, direction)
        baseline: float | None = None
        improvement = change
        if measure.isolation == Isolation.CONTROL_GROUP:
            baseline = isolation.signed_change(row.control_before or 0.0, row.control_after or 0.0,
                                               direction)
            improvement = change - baseline
        elif measure.isolation == Isolation.TREND_LINE:
            baseline = projections[i]
            improvement = isolation.trend_improvement(baseline or 0.0, row.after, direction)
        drafts.append((row, change, baseline, improvement, note))
    fences = outlier_fences([d[3] * factor for d in drafts if d[4] is PeriodNote.COUNTED])
    exclude = ev.program.outlier_rule == OutlierRule.EXCLUDE
    out: list[PeriodResult] = []
    for i, (row, change, baseline, improvement, note) in enumerate(drafts):
        adjusted = improvement * factor
        outlier = note is PeriodNote.COUNTED and is_outlier(adjusted, fences)
        if outlier and exclude:
            note = PeriodNote.OUTLIER_EXCLUDED
        included = note in (PeriodNote.COUNTED, PeriodNote.MISSING_VALUE)
        out.append(PeriodResult(row, change, baseline, improvement, factor, adjusted,
                                adjusted * unit_value if included else 0.0, included, outlier,
                                note, before_x[i], after_x[i]))
    return tuple(out), trend


def _estimates(ev: Evaluation, rows: list[Estimate],
               unit_value: float) -> tuple[EstimateResult, ...]:
    horizon_factor = ev.program.horizon_months / 12
    fences = outlier_fences([e.annual_improvement for e in rows
                             if e.annual_improvement is not None])
    exclude = ev.program.outlier_rule == OutlierRule.EXCLUDE
    out: list[EstimateResult] = []
    for e in rows:
        factor = isolation.estimate_factor(e.contribution, e.confidence)
        annual = e.annual_improvement if e.annual_improvement is not None else 0.0
        outlier = e.annual_improvement is not None and is_outlier(annual, fences)
        note = PeriodNote.MISSING_VALUE if e.annual_improvement is None else (
            PeriodNote.OUTLIER_EXCLUDED if outlier and exclude else PeriodNote.COUNTED)
        included = note is not PeriodNote.OUTLIER_EXCLUDED
        adjusted = annual * factor * horizon_factor
        out.append(EstimateResult(e, factor, horizon_factor, adjusted,
                                  adjusted * unit_value if included else 0.0, included, outlier,
                                  note))
    return tuple(out)


def compute(ev: Evaluation) -> ImpactResult:
    # Series are keyed by the group of the data rows: a measure listed with a blank group
    # serves every group that reports data for it.
    keys: list[tuple[str | None, Measure]] = []
    data_rows: list[ImpactRow | Estimate] = [*ev.impact, *ev.estimates]
    for data_row in data_rows:
        measure = find_measure(ev.measures, data_row.measure, data_row.group)
        if measure is not None and (data_row.group, measure) not in keys:
            keys.append((data_row.group, measure))
    results: list[MeasureResult] = []
    for group, measure in keys:
        unit_value = value_per_unit(ev, measure)
        impact_rows = [r for r in ev.impact if r.group == group
                       and find_measure(ev.measures, r.measure, r.group) == measure]
        estimate_rows = [e for e in ev.estimates if e.group == group
                         and find_measure(ev.measures, e.measure, e.group) == measure]
        periods, trend = _periods(ev, measure, impact_rows, unit_value)
        results.append(MeasureResult(measure, group, unit_value, periods,
                                     _estimates(ev, estimate_rows, unit_value), trend))
    return ImpactResult(bool(results), tuple(results))
