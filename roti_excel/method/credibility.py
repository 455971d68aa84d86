"""The credibility status of a result (docs/method.md): credible when every monetised
measure is isolated and the costs are fully loaded; provisional, with its reasons, when
not; not monetised when the program claims no monetary benefit."""

from __future__ import annotations

import math

from roti_excel.domain import Caveat, Status
from roti_excel.method.impact import MeasureResult
from roti_excel.method.roi import Credibility
from roti_excel.model import CostLine

# docs/method.md: an ROI above this is reviewed before it is reported
ROI_REVIEW_PCT = 500.0
# The lines whose absence means the costs are not fully loaded: learner salaries, evaluation.
FULL_LOAD_CODES = ("L", "TE")


def label(m: MeasureResult) -> str:
    return m.measure.name + (f" ({m.group})" if m.group else "")


def missing_codes(lines: list[CostLine]) -> tuple[str, ...]:
    """Which of L and TE has no line. A line of 0 counts when its Description says why
    (the cost was nil); an empty one of 0 does not."""
    stated = {x.code for x in lines if x.amount != 0 or x.description.strip()}
    return tuple(code for code in FULL_LOAD_CODES if code not in stated)


def assess(measures: tuple[MeasureResult, ...], lines: list[CostLine],
           roi_pct: float | None, *, monetised: bool, extrapolated: bool) -> Credibility:
    """The status and caveats of one result (the total, or one group with its own and the
    shared cost lines). `extrapolated`: Annualise put the result in another band than the
    months measured give, so the band rests on the assumption."""
    if not monetised:
        return Credibility(Status.NOT_MONETISED)
    caveats: list[Caveat] = []
    benefits = math.fsum(m.benefits for m in measures)
    unisolated = [m for m in measures if m.unisolated != 0]
    share = 0.0
    if unisolated:
        caveats.append(Caveat.NO_ISOLATION)
        credited = math.fsum(m.unisolated for m in unisolated)
        share = credited / benefits if benefits > 0 else 1.0
        share = min(max(share, 0.0), 1.0)
    missing = missing_codes(lines)
    if missing:
        caveats.append(Caveat.NOT_FULLY_LOADED)
    weak = tuple((label(m), m.trend.r2) for m in measures if m.trend is not None and m.trend.weak)
    if weak:
        caveats.append(Caveat.WEAK_TREND)
    if roi_pct is not None and roi_pct > ROI_REVIEW_PCT:
        caveats.append(Caveat.ROI_REVIEW)
    if extrapolated:
        caveats.append(Caveat.EXTRAPOLATED)
    if any(m.annualise != 1.0 for m in measures):
        caveats.append(Caveat.ANNUALISED)
    status = Status.PROVISIONAL if any(c.makes_provisional for c in caveats) \
        else Status.CREDIBLE
    return Credibility(status, tuple(caveats), share, tuple(label(m) for m in unisolated),
                       missing, weak)


def with_groups(total: Credibility, groups: list[Credibility]) -> Credibility:
    """The total is no more credible than its groups: a group's provisional reasons (an L
    line only one unit has, a unit's ROI above 500 %) make the total provisional too."""
    if total.status is Status.NOT_MONETISED:
        return total
    found = set(total.caveats)
    for g in groups:
        found.update(c for c in g.provisional_reasons)
    caveats = tuple(c for c in Caveat if c in found)
    missing = tuple(dict.fromkeys([*total.missing_codes,
                                   *(code for g in groups for code in g.missing_codes)]))
    weak = tuple(dict.fromkeys([*total.weak_trends, *(w for g in groups for w in g.weak_trends)]))
    status = Status.PROVISIONAL if any(c.makes_provisional for c in caveats) \
        else Status.CREDIBLE
    return Credibility(status, caveats, total.unisolated_share, total.unisolated, missing, weak)
