"""What-ifs on the real assumptions (docs/report.md, Scenarios): per measure the share of its
change credited to the program and its value per unit, the months of benefits, a learner
salary cost to add, and multipliers on benefits and costs; and the ROI's sensitivity to each
assumption varied alone between a low and a high value.

The report writes the same arithmetic as live formulas; these functions give the values
those formulas store, so that the two can be compared (LibreOffice recalculation tests)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from roti_excel.domain import Band
from roti_excel.method.evaluate import Results
from roti_excel.method.impact import MeasureResult

BENEFIT_RANGE = (0.7, 1.3)  # the benefits and costs multipliers' low and high
VALUE_RANGE = (0.75, 1.25)  # a value per unit's low and high, as a share of the reported
SALARY_SHARE = 0.25  # a learner-salary line to add, as a share of the costs, when none is


@dataclass(frozen=True)
class MeasureAssumption:
    """One Level 4 series (a measure in a group): its reported benefits, the share of its
    change before isolation that was credited (None when that is not defined: no positive
    change), and its value per unit."""

    name: str
    group: str | None
    benefits: float
    share: float | None
    value_per_unit: float


@dataclass(frozen=True)
class Assumptions:
    """A scenario's inputs; the reported figures are the defaults."""

    shares: tuple[float | None, ...]
    values: tuple[float, ...]
    months: float
    salary: float = 0.0
    benefits_factor: float = 1.0
    costs_factor: float = 1.0


@dataclass(frozen=True)
class Outcome:
    benefits: float
    costs: float

    @property
    def roi(self) -> float | None:
        return (self.benefits - self.costs) / self.costs if self.costs > 0 else None


@dataclass(frozen=True)
class Swing:
    """One row of the sensitivity table: an assumption, its low and high values, and the
    ROI (a fraction) with it at each while every other assumption stays as reported."""

    key: str  # share, value, months, salary, benefits, costs
    index: int  # the measure's position for share and value, else -1
    low: float
    high: float
    roi_low: float
    roi_high: float

    @property
    def spread(self) -> float:
        return abs(self.roi_high - self.roi_low)


def credited_share(m: MeasureResult) -> float | None:
    """The benefits credited over the benefits the plain change would give: 1 with no
    isolation, contribution x confidence for estimates, the control group's or trend's
    effect otherwise. None when the plain change gives no positive benefit."""
    vpu = m.value_per_unit
    periods = math.fsum(p.change * vpu * p.discount for p in m.periods if p.included)
    estimates = math.fsum(
        (e.estimate.annual_improvement or 0.0) * e.horizon_factor * vpu
        for e in m.estimates if e.included)
    plain = periods * m.annualise + estimates
    if not plain > 0 or not math.isfinite(plain):
        return None
    share = m.benefits / plain
    return share if math.isfinite(share) and share > 0 else None


def measure_assumptions(measures: Sequence[MeasureResult]) -> tuple[MeasureAssumption, ...]:
    return tuple(MeasureAssumption(m.measure.name, m.group, m.benefits, credited_share(m),
                                   m.value_per_unit) for m in measures)


def defaults(measures: Sequence[MeasureAssumption], months: float) -> Assumptions:
    return Assumptions(tuple(m.share for m in measures),
                       tuple(m.value_per_unit for m in measures), months)


def measure_benefits(m: MeasureAssumption, share: float | None, value: float) -> float:
    """A series' benefits under a scenario: scaled by the share and value per unit against
    the reported ones (unchanged where either reported figure is 0 or undefined)."""
    out = m.benefits
    if m.share is not None and share is not None:
        out = out * (share / m.share)
    if m.value_per_unit != 0:
        out = out * (value / m.value_per_unit)
    return out


def outcome(results: Results, measures: Sequence[MeasureAssumption],
            a: Assumptions) -> Outcome:
    """The scenario's benefits and costs: benefits per month held as reported when the
    months change (no new discounting)."""
    total = results.total
    benefits = math.fsum(measure_benefits(m, s, v)
                         for m, s, v in zip(measures, a.shares, a.values, strict=True))
    if total.months > 0:
        benefits = benefits * (a.months / total.months)
    return Outcome(benefits * a.benefits_factor, (total.costs + a.salary) * a.costs_factor)


def band(roi: float | None, objective: float) -> Band | None:
    if roi is None:
        return None
    if roi >= objective:
        return Band.HIGH
    return Band.THIN_POSITIVE if roi >= 0 else Band.NEGATIVE


def has_salary_line(results: Results) -> bool:
    return any(c.code == "L" for c in results.evaluation.costs)


def swings(results: Results, measures: Sequence[MeasureAssumption]) -> list[Swing]:
    """Each assumption varied alone between its low and high value, largest effect first."""
    base = defaults(measures, results.total.months)
    total = results.total
    rows: list[tuple[str, int, float, float, Assumptions, Assumptions]] = []
    for i, m in enumerate(measures):
        if m.share is not None:
            low, high = m.share * 0.5, max(m.share, min(1.0, m.share * 1.5))
            rows.append(("share", i, low, high, _with(base, shares={i: low}),
                         _with(base, shares={i: high})))
        if m.value_per_unit != 0:
            low, high = (m.value_per_unit * f for f in VALUE_RANGE)
            rows.append(("value", i, low, high, _with(base, values={i: low}),
                         _with(base, values={i: high})))
    if total.months > 0:
        rows.append(("months", -1, total.months / 2, total.months,
                     replace(base, months=total.months / 2), base))
    if not has_salary_line(results):
        high = total.costs * SALARY_SHARE
        rows.append(("salary", -1, 0.0, high, base, replace(base, salary=high)))
    lo, hi = BENEFIT_RANGE
    rows.append(("benefits", -1, lo, hi, replace(base, benefits_factor=lo),
                 replace(base, benefits_factor=hi)))
    rows.append(("costs", -1, lo, hi, replace(base, costs_factor=lo),
                 replace(base, costs_factor=hi)))
    out = []
    for key, index, low, high, at_low, at_high in rows:
        r_low, r_high = outcome(results, measures, at_low).roi, \
            outcome(results, measures, at_high).roi
        if r_low is not None and r_high is not None:
            out.append(Swing(key, index, low, high, r_low, r_high))
    return sorted(out, key=lambda s: -s.spread)


def _with(a: Assumptions, *, shares: dict[int, float] | None = None,
          values: dict[int, float] | None = None) -> Assumptions:
    new_shares = tuple((shares or {}).get(i, s) for i, s in enumerate(a.shares))
    new_values = tuple((values or {}).get(i, v) for i, v in enumerate(a.values))
    return replace(a, shares=new_shares, values=new_values)
