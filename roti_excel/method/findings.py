"""The conservative principles of docs/method.md as findings for the data-quality sheet:
what was zeroed, excluded, trimmed or assumed, and what looks wrong."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from roti_excel import schema
from roti_excel.alike import column_of, grouped, span
from roti_excel.domain import FindingKind, PeriodNote
from roti_excel.issues import Issue, warning
from roti_excel.messages import Text, msg
from roti_excel.method.costs import CostSummary
from roti_excel.method.credibility import ROI_REVIEW_PCT, missing_codes
from roti_excel.method.impact import ImpactResult, MeasureResult
from roti_excel.method.learning import LearningResult
from roti_excel.method.roi import Financials
from roti_excel.model import Evaluation, Program


@dataclass(frozen=True)
class Finding:
    """One adjustment or caution. kind is a stable key the narrative templates use; text
    words it in either language."""

    kind: FindingKind
    text: Text
    sheet: str = ""
    cell: str = ""

    @property
    def message(self) -> str:
        """The finding in English (see `in_language`)."""
        return self.text.render("en")

    def in_language(self, lang: str) -> str:
        return self.text.render(lang)

    def as_issue(self) -> Issue:
        """The finding as the warning `run` prints and the JSON summary lists."""
        return warning(self.text, self.sheet or None, self.cell or None)


def _alike_key(f: Finding) -> tuple[object, ...] | None:
    """Alike: one rule, worded alike, down one column, about one measure (a finding's
    measure is its "name")."""
    column = column_of(f.cell)
    name = dict(f.text.params).get("name")
    return None if column is None else (f.kind, f.text.key, f.sheet, column, str(name))


def _alike_summary(alike: list[Finding]) -> Finding:
    first = alike[0]
    return Finding(first.kind, msg("repeated", count=len(alike), first=first.cell,
                                   message=first.text),
                   first.sheet, span([f.cell for f in alike]))


def shown(found: Sequence[Finding]) -> list[Finding]:
    """The findings as `run` prints them, the JSON summary lists them and Data quality shows
    them: a set of alike ones (the same rule and wording, sheet, column and measure, at
    least three: 40,000 Impact periods past the horizon) as one, with its count, its range
    and the first one's words. The method's own list keeps one per period, estimate or person."""
    return grouped(found, _alike_key, _alike_summary)


def findings(ev: Evaluation, learning: LearningResult, impact: ImpactResult,
             costs: CostSummary, results: tuple[Financials, ...]) -> tuple[Finding, ...]:
    """The findings of one evaluation; `results` are the total then each group."""
    total = results[0]
    out: list[Finding] = []
    for m in impact.measures:
        out.extend(_measure_findings(m, ev.program))
    out.extend(_cost_findings(ev, costs, results))
    if costs.allocation_basis == "equal":
        out.append(Finding(FindingKind.ALLOCATION, msg("shared_split_equally"),
                           *_allocation_place(ev)))
    for a in learning.likely_absent:
        out.append(Finding(FindingKind.LIKELY_ABSENT,
                           msg("likely_absent", who=a.name or a.participant), a.sheet, a.cell))
    if total.costs <= 0:
        out.append(Finding(FindingKind.NO_COSTS, msg("no_costs"),
                           ev.sheet_names.get("costs", "")))
    for fin in results:
        if (fin.roi_pct or 0) > ROI_REVIEW_PCT:
            whose = "" if fin is total else f"{fin.name}: "
            out.append(Finding(FindingKind.ROI_REVIEW, msg(
                "roi_review", whose=whose, roi=round(fin.roi_pct or 0.0, 1),
                limit=ROI_REVIEW_PCT)))
    return tuple(out)


def _allocation_place(ev: Evaluation) -> tuple[str, str]:
    """Where to look when shared costs were split equally: the first blank Participants
    cell of Groups, or (no Groups sheet) the blank Group cell of the first shared line."""
    blank = next((g for g in ev.groups if g.participants is None and g.participants_cell), None)
    if blank is not None and "groups" in ev.sheet_names:
        return ev.sheet_names["groups"], blank.participants_cell
    shared = next((x for x in ev.costs if x.group is None), None)
    if shared is not None:
        return shared.origin.sheet, shared.origin.cell("A")
    return ev.sheet_names.get("groups", ""), ""


def _cost_findings(ev: Evaluation, costs: CostSummary,
                   results: tuple[Financials, ...]) -> list[Finding]:
    """L and TE lines missing (or 0 with no word of why), for all and for each group."""
    out: list[Finding] = []
    codes = {c.key: c for c in schema.COST_CODES}
    sheet = ev.sheet_names.get("costs", "")
    missing = missing_codes(list(costs.lines))
    for code in missing:
        # a line of 0 with no word of why reads as forgotten, not as a nil cost
        bare = next((x for x in costs.lines if x.code == code), None)
        if bare is not None:
            out.append(Finding(FindingKind.MISSING_COST, msg(
                "zero_line_unexplained", what=_CodeName(codes[code])),
                bare.origin.sheet, bare.origin.cell("A")))
        else:
            out.append(Finding(FindingKind.MISSING_COST,
                               msg("missing_cost_line", what=_CodeName(codes[code])), sheet))
    for fin in results[1:]:  # a group whose own and shared lines lack L or TE
        for code in fin.credibility.missing_codes:
            if code not in missing:
                out.append(Finding(FindingKind.MISSING_COST, msg(
                    "missing_cost_line_group", group=fin.name, what=_CodeName(codes[code])),
                    sheet))
    return out


@dataclass(frozen=True)
class _CodeName:
    """A cost code as its name then code: "learner salaries and benefits (L)"."""

    choice: schema.Choice

    def name(self, lang: str) -> str:
        return f"{self.choice.name(lang).lower()} ({self.choice.key})"


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
        out.append(Finding(FindingKind.NO_ISOLATION, msg("no_isolation", name=name),
                           *where_measure))
    if m.trend is not None and m.trend.weak:
        key = "weak_trend_trend" if m.trend.credited else "weak_trend_plain"
        out.append(Finding(FindingKind.WEAK_TREND, msg(
            key, name=name, r2=round(m.trend.r2, 2), minimum=program.trend_r2_minimum),
            *where_measure))
    if m.annualise != 1.0:
        out.append(Finding(FindingKind.ANNUALISED, msg(
            "annualised", name=name, months=m.covered, horizon=program.horizon_months),
            *where_measure))
    cov = m.coverage
    if cov is not None and cov.participants and cov.respondents > cov.participants:
        out.append(Finding(FindingKind.COVERAGE, msg(
            "coverage_over", name=name, respondents=cov.respondents,
            participants=cov.participants), *where_measure))
    elif cov is not None and cov.non_respondents:
        out.append(Finding(FindingKind.COVERAGE, msg(
            "coverage", name=name, respondents=cov.respondents,
            participants=cov.participants or 0.0, others=cov.non_respondents),
            *where_measure))
    return out


def _period_findings(m: MeasureResult, name: str, program: Program) -> list[Finding]:
    """Zeroed and beyond-horizon periods, and outliers."""
    horizon_months = program.horizon_months
    out: list[Finding] = []
    for p in m.periods:
        where = (p.row.origin.sheet, p.row.origin.cell("A"))
        if p.note is PeriodNote.MISSING_VALUE:
            out.append(Finding(FindingKind.ZEROED, msg("period_missing", name=name), *where))
        elif p.note is PeriodNote.BEYOND_HORIZON:
            period = p.row.after_period or str(p.row.origin.row)
            out.append(Finding(FindingKind.HORIZON, msg(
                "period_beyond_horizon", name=name, period=period, horizon=horizon_months),
                *where))
        if p.outlier:  # at the After cell, with the values as typed
            key = ("period_outlier_excluded" if p.note is PeriodNote.OUTLIER_EXCLUDED
                   else "period_outlier_kept")
            out.append(Finding(FindingKind.OUTLIER, msg(
                key, name=name, after=_typed(p.row.after), before=_typed(p.row.before)),
                p.row.origin.sheet, p.row.after_cell or p.row.origin.cell("A")))
    return out


def _estimate_findings(m: MeasureResult, name: str) -> list[Finding]:
    """Estimates missing or extreme."""
    out: list[Finding] = []
    for e in m.estimates:
        where = (e.estimate.origin.sheet, e.estimate.origin.cell("A"))
        if e.note is PeriodNote.MISSING_VALUE:
            out.append(Finding(FindingKind.ZEROED, msg(
                "estimate_missing", name=name, respondent=e.estimate.respondent), *where))
        if e.outlier:  # at the Annual improvement cell, with the value as typed
            key = ("estimate_outlier_excluded" if e.note is PeriodNote.OUTLIER_EXCLUDED
                   else "estimate_outlier_kept")
            out.append(Finding(FindingKind.OUTLIER, msg(
                key, name=name, value=_typed(e.estimate.annual_improvement),
                respondent=e.estimate.respondent), e.estimate.origin.sheet,
                e.estimate.improvement_cell or e.estimate.origin.cell("A")))
    return out


def _typed(value: float | None) -> float | Text:
    """A value as the user typed it (shown 2, not 2.00; 7291.67 as is), or "(empty)"."""
    return msg("empty_value") if value is None else value
