"""Level 4 Impact: improvement per period after isolation, converted to money, within the
benefit horizon; per-person estimates adjusted for contribution and confidence."""

from __future__ import annotations

import math
from dataclasses import dataclass

from roti_excel.domain import Isolation, OutlierRule, PeriodNote
from roti_excel.method import isolation, period
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
    money: float  # adjusted x value per unit x discount, 0 when not included
    included: bool
    outlier: bool
    note: PeriodNote  # why not counted in full; MISSING_VALUE periods count as 0
    # trend line only: x of this row's before value (None when missing) and after value
    before_x: float | None = None
    after_x: float | None = None
    discount: float = 1.0  # what the period's benefit is worth today (beyond month 12)


@dataclass(frozen=True)
class EstimateResult:
    estimate: Estimate
    factor: float  # contribution x confidence
    horizon_factor: float  # share of the first-year value the horizon counts (discounted)
    adjusted: float  # annual x factor x horizon_factor
    money: float
    included: bool
    outlier: bool
    note: PeriodNote


@dataclass(frozen=True)
class Trend:
    """A trend line fitted to the before periods, and whether it was credited: a weak fit
    (R² below the Program's minimum) credits the plain before-after change when that is
    smaller (docs/method.md, isolation details)."""

    intercept: float
    slope: float
    r2: float
    weak: bool
    credited: bool  # False: the plain before-after change was credited instead


@dataclass(frozen=True)
class Coverage:
    """Who answered the Estimates sheet for a measure: non-respondents count as no
    improvement (Phillips principle 1)."""

    respondents: int
    participants: float | None  # the group's Participants; None when not stated

    @property
    def non_respondents(self) -> float | None:
        if self.participants is None:
            return None
        return max(self.participants - self.respondents, 0.0)

    @property
    def share(self) -> float | None:
        return self.respondents / self.participants if self.participants else None


@dataclass(frozen=True)
class MeasureResult:
    measure: Measure
    group: str | None
    value_per_unit: float
    periods: tuple[PeriodResult, ...]
    estimates: tuple[EstimateResult, ...]
    trend: Trend | None = None
    covered: int = 0  # after-periods counted within the horizon (months measured)
    annualise: float = 1.0  # the periods' benefits x this (Annualise = yes)
    coverage: Coverage | None = None  # estimates only
    horizon_share: float = 1.0  # horizon / 12: an estimate's undiscounted share

    @property
    def improvement(self) -> float:
        return math.fsum(p.adjusted for p in self.periods if p.included) + math.fsum(
            e.adjusted for e in self.estimates if e.included)

    @property
    def period_money(self) -> float:
        """The periods' benefits as measured (discounted), before Annualise."""
        return math.fsum(p.money for p in self.periods)

    @property
    def benefits(self) -> float:
        return self.period_money * self.annualise + math.fsum(e.money for e in self.estimates)

    @property
    def measured_benefits(self) -> float:
        """The benefits without Annualise: what the months measured show."""
        return self.period_money + math.fsum(e.money for e in self.estimates)

    @property
    def plain_annualise(self) -> float:
        """Annualise without discounting: horizon / months measured (1 when not scaled)."""
        if self.annualise == 1.0 or self.covered <= 0:
            return 1.0
        return self.horizon_share * 12 / self.covered

    @property
    def undiscounted(self) -> float:
        """The benefits with no discount (equal to `benefits` within 12 months)."""
        periods = math.fsum(p.money / p.discount for p in self.periods if p.discount > 0)
        estimates = math.fsum(e.money / e.horizon_factor * self.horizon_share
                              for e in self.estimates if e.horizon_factor > 0)
        return periods * self.plain_annualise + estimates

    @property
    def improvement_over_horizon(self) -> float:
        """The improvement in the measure's unit claimed over the horizon (what a Target
        improvement is judged on): measured periods scaled when annualised, estimates over
        the horizon's months; never discounted (units are not money)."""
        periods = math.fsum(p.adjusted for p in self.periods if p.included)
        estimates = math.fsum(e.adjusted / e.horizon_factor * self.horizon_share
                              for e in self.estimates if e.included and e.horizon_factor > 0)
        return periods * self.plain_annualise + estimates

    @property
    def unisolated(self) -> float:
        """Benefits credited with no isolation: the periods of a measure isolated by none
        (Estimates rows carry their own contribution and confidence)."""
        return self.period_money * self.annualise if self.measure.isolation == Isolation.NONE \
            else 0.0

    @property
    def months(self) -> float:
        """Months of benefits claimed: the months measured, the horizon when annualised,
        and the horizon for estimates (a share of a first-year value)."""
        horizon = self.horizon_share * 12
        measured = horizon if self.annualise != 1.0 else min(float(self.covered), horizon)
        return max(measured if self.periods else 0.0, horizon if self.estimates else 0.0)


@dataclass(frozen=True)
class ImpactResult:
    evaluated: bool
    measures: tuple[MeasureResult, ...]

    def of(self, group: str | None = None, *, all_groups: bool = False
           ) -> tuple[MeasureResult, ...]:
        return tuple(m for m in self.measures if all_groups or m.group == group)

    def benefits(self, group: str | None = None, *, all_groups: bool = False) -> float:
        return math.fsum(m.benefits for m in self.of(group, all_groups=all_groups))


def value_per_unit(ev: Evaluation, measure: Measure) -> float:
    if measure.value_per_unit is not None:
        return measure.value_per_unit
    rate = ev.rate(measure.rate or "")
    return rate.value if rate is not None else 0.0


# Fewer before values than this make a weak trend whatever their R² (docs/method.md).
TREND_MIN_POINTS = 3

# one period before its outlier check: the row, its change, baseline, improvement, note
_Draft = tuple[ImpactRow, float, float | None, float, PeriodNote]


def _fit(ev: Evaluation, rows: list[ImpactRow]
         ) -> tuple[Trend, list[float], list[float | None], list[float]]:
    """The trend line of the before values: (trend, projections, before x, after x)."""
    known = [(i, r) for i, r in enumerate(rows) if r.before is not None]
    xs_before, xs_after = isolation.period_positions(
        [r.before_period for _, r in known], [r.after_period for r in rows])
    ys = [r.before or 0.0 for _, r in known]
    line = isolation.least_squares(xs_before, ys)
    r2 = isolation.r_squared(xs_before, ys, line)
    before_x: list[float | None] = [None] * len(rows)
    for (i, _), x in zip(known, xs_before, strict=True):
        before_x[i] = x
    # Two points always fit exactly (R² 1): a fit proves something only from three on.
    weak = r2 < ev.program.trend_r2_minimum or len(ys) < TREND_MIN_POINTS
    trend = Trend(line[0], line[1], r2, weak, credited=True)
    return trend, [line[0] + line[1] * x for x in xs_after], before_x, list(xs_after)


def _drafts(measure: Measure, rows: list[ImpactRow], horizon: int,
            projections: list[float] | None) -> list[_Draft]:
    """Each row's change and its improvement after control-group or trend isolation."""
    direction = measure.better_when
    drafts: list[_Draft] = []
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
        elif projections is not None:
            baseline = projections[i]
            improvement = isolation.trend_improvement(baseline, row.after, direction)
        drafts.append((row, change, baseline, improvement, note))
    return drafts


def _weak_trend_rule(trend: Trend, drafts: list[_Draft]) -> tuple[Trend, list[_Draft]]:
    """A weak trend credits the more conservative of the trend-based and the plain
    before-after improvement, over the periods counted."""
    if not trend.weak:
        return trend, drafts
    counted = [d for d in drafts if d[4] is PeriodNote.COUNTED]
    by_trend = math.fsum(d[3] for d in counted)
    plain = math.fsum(d[1] for d in counted)
    if by_trend <= plain:
        return trend, drafts
    return (Trend(trend.intercept, trend.slope, trend.r2, weak=True, credited=False),
            [(row, change, baseline, change, note) for row, change, baseline, _, note in drafts])


def _periods(ev: Evaluation, measure: Measure, rows: list[ImpactRow], unit_value: float
             ) -> tuple[tuple[PeriodResult, ...], Trend | None]:
    horizon = period.horizon_months(ev.program)
    trend: Trend | None = None
    projections: list[float] | None = None
    before_x: list[float | None] = [None] * len(rows)
    after_x: list[float | None] = [None] * len(rows)
    if measure.isolation == Isolation.TREND_LINE:
        trend, projections, before_x, xs_after = _fit(ev, rows)
        after_x = list(xs_after)
    drafts = _drafts(measure, rows, horizon, projections)
    if trend is not None:
        trend, drafts = _weak_trend_rule(trend, drafts)
    factor = 1.0
    if measure.isolation == Isolation.ESTIMATE:
        factor = isolation.estimate_factor(measure.contribution or 0.0, measure.confidence or 0.0)
    fences = outlier_fences([d[3] * factor for d in drafts if d[4] is PeriodNote.COUNTED])
    exclude = ev.program.outlier_rule == OutlierRule.EXCLUDE
    out: list[PeriodResult] = []
    for i, (row, change, baseline, improvement, note) in enumerate(drafts):
        adjusted = improvement * factor
        outlier = note is PeriodNote.COUNTED and is_outlier(adjusted, fences)
        if outlier and exclude:
            note = PeriodNote.OUTLIER_EXCLUDED
        included = note in (PeriodNote.COUNTED, PeriodNote.MISSING_VALUE)
        worth = period.discount(ev.program, i)
        out.append(PeriodResult(row, change, baseline, improvement, factor, adjusted,
                                adjusted * unit_value * worth if included else 0.0, included,
                                outlier, note, before_x[i], after_x[i], worth))
    return tuple(out), trend


def _estimates(ev: Evaluation, rows: list[Estimate],
               unit_value: float) -> tuple[EstimateResult, ...]:
    horizon_factor = period.estimate_horizon_factor(ev.program)
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


def _coverage(ev: Evaluation, group: str | None, rows: list[Estimate]) -> Coverage | None:
    """Respondents with an estimate against the group's participants (the program's, when
    the estimates name no group)."""
    if not rows:
        return None
    answered = {e.respondent.strip().casefold() for e in rows
                if e.annual_improvement is not None}
    found = next((g for g in ev.groups if g.name == group), None)
    if group is None:
        counts = [g.participants for g in ev.groups]
        participants = math.fsum(c for c in counts if c is not None) \
            if counts and all(c is not None for c in counts) else None
    else:
        participants = found.participants if found is not None else None
    return Coverage(len(answered), participants)


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
        covered = sum(1 for p in periods if p.note is not PeriodNote.BEYOND_HORIZON)
        results.append(MeasureResult(
            measure, group, unit_value, periods, _estimates(ev, estimate_rows, unit_value),
            trend, covered, period.annualise_factor(ev.program, covered) if periods else 1.0,
            _coverage(ev, group, estimate_rows), ev.program.horizon_months / 12))
    return ImpactResult(bool(results), tuple(results))
