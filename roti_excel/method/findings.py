"""The conservative principles of METHOD.md as findings for the data-quality sheet:
what was zeroed, excluded, trimmed or assumed, and what looks wrong."""

from __future__ import annotations

from dataclasses import dataclass

from roti_excel.method.costs import CostSummary
from roti_excel.method.impact import BEYOND_HORIZON, MISSING_VALUE, OUTLIER_EXCLUDED, ImpactResult
from roti_excel.method.learning import LearningResult
from roti_excel.method.roi import Financials
from roti_excel.model import Evaluation

# METHOD.md principle 7
ROI_REVIEW_PCT = 500.0


@dataclass(frozen=True)
class Finding:
    """One adjustment or caution. kind is a stable key the narrative templates use."""

    kind: str
    message: str
    sheet: str = ""
    cell: str = ""


def findings(ev: Evaluation, learning: LearningResult,
             impact: ImpactResult, costs: CostSummary, total: Financials) -> tuple[Finding, ...]:
    out: list[Finding] = []
    for m in impact.measures:
        name = f"{m.measure.name}" + (f" ({m.group})" if m.group else "")
        sheet = m.measure.origin.sheet
        if m.measure.isolation == "none":
            out.append(Finding("no_isolation", f"{name}: no isolation applied; the whole change "
                               "is credited to the program", sheet, m.measure.origin.cell("A")))
        for p in m.periods:
            where = (p.row.origin.sheet, p.row.origin.cell("A"))
            if p.note == MISSING_VALUE:
                out.append(Finding("zeroed", f"{name}: a before or after value is missing; "
                                   "the period counts as 0", *where))
            elif p.note == BEYOND_HORIZON:
                period = p.row.after_period or p.row.origin.row
                out.append(Finding("horizon", f"{name}: period {period}"
                                   f" is beyond the {ev.program.horizon_months:g}-month benefit "
                                   "horizon and is not counted", *where))
            if p.outlier:
                verb = "excluded" if p.note == OUTLIER_EXCLUDED else "kept (Outlier rule = flag)"
                out.append(Finding("outlier", f"{name}: improvement {p.adjusted:,.2f} is outside "
                                   f"3 x IQR; {verb}", *where))
        for e in m.estimates:
            where = (e.estimate.origin.sheet, e.estimate.origin.cell("A"))
            if e.note == MISSING_VALUE:
                out.append(Finding("zeroed", f"{name}: no estimate from {e.estimate.respondent};"
                                   " counted as 0", *where))
            if e.outlier:
                verb = "excluded" if e.note == OUTLIER_EXCLUDED else "kept (Outlier rule = flag)"
                out.append(Finding("outlier", f"{name}: estimate of {e.estimate.respondent} is "
                                   f"outside 3 x IQR; {verb}", *where))
    for code, what in (("L", "learner salaries (L)"), ("TE", "evaluation (TE)")):
        if code not in costs.codes_present:
            out.append(Finding("missing_cost", f"no {what} cost line: costs may not be fully "
                               "loaded; add it if it was incurred",
                               ev.sheet_names.get("costs", "")))
    if costs.allocation_basis == "equal":
        out.append(Finding("allocation", "shared costs were split equally: not every group "
                           "states its Participants", ev.sheet_names.get("groups", "")))
    for a in learning.likely_absent:
        out.append(Finding("likely_absent", f"{a.name or a.participant}: post-test 0 with no "
                           "status, counted as absent", a.sheet, a.cell))
    if total.costs <= 0:
        out.append(Finding("no_costs", "total costs are 0: BCR, ROI and payback cannot be "
                           "computed; enter the cost lines", ev.sheet_names.get("costs", "")))
    elif (total.roi_pct or 0) > ROI_REVIEW_PCT:
        out.append(Finding("roi_review", f"ROI of {total.roi_pct:,.1f} % is above "
                           f"{ROI_REVIEW_PCT:g} %: review the benefit data and isolation before "
                           "reporting it"))
    return tuple(out)
