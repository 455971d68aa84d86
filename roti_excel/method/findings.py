"""The conservative principles of docs/method.md as findings for the data-quality sheet:
what was zeroed, excluded, trimmed or assumed, and what looks wrong."""

from __future__ import annotations

from dataclasses import dataclass

from roti_excel.domain import FindingKind, PeriodNote
from roti_excel.issues import Issue, warning
from roti_excel.method.costs import CostSummary
from roti_excel.method.credibility import ROI_REVIEW_PCT, missing_codes
from roti_excel.method.impact import ImpactResult, MeasureResult
from roti_excel.method.learning import LearningResult
from roti_excel.method.roi import Financials
from roti_excel.model import Evaluation, Program


@dataclass(frozen=True)
class Finding:
    """One adjustment or caution. kind is a stable key the narrative templates use."""

    kind: FindingKind
    message: str
    sheet: str = ""
    cell: str = ""

    def as_issue(self) -> Issue:
        """The finding as the warning `run` prints and the JSON summary lists."""
        return warning(self.message, self.sheet or None, self.cell or None)


def findings(ev: Evaluation, learning: LearningResult, impact: ImpactResult,
             costs: CostSummary, results: tuple[Financials, ...]) -> tuple[Finding, ...]:
    """The findings of one evaluation; `results` are the total then each group."""
    total = results[0]
    out: list[Finding] = []
    for m in impact.measures:
        out.extend(_measure_findings(m, ev.program))
    what = {"L": "learner salaries (L)", "TE": "evaluation (TE)"}
    for code in missing_codes(list(costs.lines)):
        out.append(Finding(
            FindingKind.MISSING_COST, f"no {what[code]} cost line: the costs are not fully "
            "loaded and the result is provisional; add the line (a line of 0 with a "
            "Description saying why counts when the cost was nil)",
            ev.sheet_names.get("costs", "")))
    if costs.allocation_basis == "equal":
        out.append(Finding(
            FindingKind.ALLOCATION, "shared costs were split equally: not every group "
            "states its Participants", ev.sheet_names.get("groups", "")))
    for a in learning.likely_absent:
        out.append(Finding(
            FindingKind.LIKELY_ABSENT, f"{a.name or a.participant}: post-test 0 with no "
            "status, counted as absent", a.sheet, a.cell))
    if total.costs <= 0:
        out.append(Finding(
            FindingKind.NO_COSTS, "total costs are 0: BCR, ROI and payback cannot be "
            "computed; enter the cost lines", ev.sheet_names.get("costs", "")))
    for fin in results:
        if (fin.roi_pct or 0) > ROI_REVIEW_PCT:
            whose = "" if fin is total else f"{fin.name}: "
            out.append(Finding(
                FindingKind.ROI_REVIEW, f"{whose}ROI of {fin.roi_pct:,.1f} % is above "
                f"{ROI_REVIEW_PCT:g} %: review the benefit data and isolation before reporting "
                "it; the result is provisional"))
    return tuple(out)


def _measure_findings(m: MeasureResult, program: Program) -> list[Finding]:
    """What concerns one measure as a whole, then each of its periods and estimates."""
    name = f"{m.measure.name}" + (f" ({m.group})" if m.group else "")
    return [*_method_findings(m, name, program), *_period_findings(m, name, program),
            *_estimate_findings(m, name)]


def _method_findings(m: MeasureResult, name: str, program: Program) -> list[Finding]:
    """No isolation, a weak trend, Annualise, and who gave no estimate."""
    out: list[Finding] = []
    where_measure = (m.measure.origin.sheet, m.measure.origin.cell("A"))
    if m.unisolated != 0:  # the same test as the no_isolation caveat
        out.append(Finding(
            FindingKind.NO_ISOLATION, f"{name}: no isolation applied to its Impact rows; the "
            "whole change is credited to the program and the result is provisional",
            *where_measure))
    if m.trend is not None and m.trend.weak:
        credited = ("the trend-based improvement, being the smaller, is credited"
                    if m.trend.credited else "the plain before-after change, being the "
                    "smaller, is credited instead of the trend")
        out.append(Finding(
            FindingKind.WEAK_TREND, f"{name}: the trend line fits the before periods weakly "
            f"(R² {m.trend.r2:.2f}, below the minimum {program.trend_r2_minimum:g}); "
            f"{credited}; the result is provisional", *where_measure))
    if m.annualise != 1.0:
        out.append(Finding(
            FindingKind.ANNUALISED, f"{name}: {m.covered} measured month(s) scaled to the "
            f"{program.horizon_months:g}-month horizon (Annualise = yes): an assumption, "
            "stated on the first page", *where_measure))
    cov = m.coverage
    if cov is not None and cov.non_respondents:
        out.append(Finding(
            FindingKind.COVERAGE, f"{name}: {cov.respondents} of {cov.participants:g} "
            f"participants gave an estimate; the other {cov.non_respondents:g} count as no "
            "improvement", *where_measure))
    return out


def _period_findings(m: MeasureResult, name: str, program: Program) -> list[Finding]:
    """Zeroed and beyond-horizon periods, and outliers."""
    horizon_months = program.horizon_months
    out: list[Finding] = []
    for p in m.periods:
        where = (p.row.origin.sheet, p.row.origin.cell("A"))
        if p.note is PeriodNote.MISSING_VALUE:
            out.append(Finding(FindingKind.ZEROED, f"{name}: a before or after value is "
                               "missing; the period counts as 0", *where))
        elif p.note is PeriodNote.BEYOND_HORIZON:
            period = p.row.after_period or p.row.origin.row
            out.append(Finding(
                FindingKind.HORIZON, f"{name}: period {period} is beyond the "
                f"{horizon_months:g}-month benefit horizon and is not counted", *where))
        if p.outlier:  # at the After cell, with the values as typed
            out.append(Finding(
                FindingKind.OUTLIER, f"{name}: After {_typed(p.row.after)} (Before "
                f"{_typed(p.row.before)}) gives an improvement outside 3 x IQR of the other "
                f"periods; {_verb(p.note)}", p.row.origin.sheet,
                p.row.after_cell or p.row.origin.cell("A")))
    return out


def _estimate_findings(m: MeasureResult, name: str) -> list[Finding]:
    """Estimates missing or extreme."""
    out: list[Finding] = []
    for e in m.estimates:
        where = (e.estimate.origin.sheet, e.estimate.origin.cell("A"))
        if e.note is PeriodNote.MISSING_VALUE:
            out.append(Finding(FindingKind.ZEROED, f"{name}: no estimate from "
                               f"{e.estimate.respondent}; counted as 0", *where))
        if e.outlier:  # at the Annual improvement cell, with the value as typed
            out.append(Finding(
                FindingKind.OUTLIER, f"{name}: estimate {_typed(e.estimate.annual_improvement)}"
                f" of {e.estimate.respondent} is outside 3 x IQR of the others; "
                f"{_verb(e.note)}", e.estimate.origin.sheet,
                e.estimate.improvement_cell or e.estimate.origin.cell("A")))
    return out


def _typed(value: float | None) -> str:
    """A value as the user typed it: 2, not 2.00; 7291.67 as is."""
    if value is None:
        return "(empty)"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _verb(note: PeriodNote) -> str:
    return "excluded" if note is PeriodNote.OUTLIER_EXCLUDED else "kept (Outlier rule = flag)"
