"""The JSON summary (docs/contract.md): what `run --json`, `batch` and `watch` write for each
report, and what the portfolio is built from. Money unrounded."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TypedDict

from roti_excel.errors import OutputError
from roti_excel.fingerprint import input_sha256, report_version
from roti_excel.method.evaluate import Results
from roti_excel.method.roi import Financials
from roti_excel.model import Question


class FinancialSummary(TypedDict):
    """Money unrounded; bcr, roi_pct, payback_months and band are None without costs or
    when no monetary benefit is claimed; payback_months is None too when the costs are not
    recovered within the months the benefits cover (payback_recovered False)."""

    benefits: float
    costs: float
    net_benefits: float | None  # None when no monetary benefit is claimed
    bcr: float | None
    roi_pct: float | None
    payback_months: float | None
    band: str | None  # high, thin_positive or negative
    status: str  # credible, provisional or not_monetised
    caveats: list[str]  # no_isolation, not_fully_loaded, weak_trend, roi_review,
    # extrapolated, annualised (domain.Caveat)
    benefit_months: float
    payback_recovered: bool | None
    benefits_undiscounted: float


class ObjectiveSummary(TypedDict):
    level: str
    what: str
    objective: float | None
    result: float | None
    met: bool | None
    measure: str
    group: str | None


class GroupSummary(FinancialSummary):
    name: str
    participants: float | None


class IssueSummary(TypedDict):
    severity: str
    sheet: str | None
    cell: str | None
    message: str  # in the workbook's language
    key: str  # the message's catalogue key ("" when it has none): stable for scripts


class Summary(TypedDict):
    program: str
    currency: str
    language: str
    objective_pct: float
    total: FinancialSummary
    groups: list[GroupSummary]
    levels: dict[str, Any]
    intangibles: list[dict[str, Any]]
    issues: list[IssueSummary]
    organization: str
    horizon_months: float
    period_start: str | None  # the evaluation period, ISO dates (None when not entered)
    period_end: str | None
    objectives: list[ObjectiveSummary]
    input_file: str  # the input's file name ("" for an evaluation built in memory)
    input_sha256: str  # of the input file's bytes
    report_version: str  # the first 8 hex digits of input_sha256, as the brief shows it


def _level_summary(results: Results) -> dict[str, Any]:
    r, lr, ap, im = results.reaction, results.learning, results.application, results.impact
    return {
        "reaction": {"evaluated": r.evaluated, "respondents": r.respondents,
                     "mean": r.overall.mean, "favourable_pct": r.overall.favourable_pct,
                     "out_of_scale": len(r.out_of_scale)} if r.evaluated else {"evaluated": False},
        "learning": {"evaluated": lr.evaluated, "participants": lr.overall.participants,
                     "sat": lr.overall.sat, "absent": lr.overall.absent,
                     "mean_post": lr.overall.mean, "pass_rate_pct": lr.overall.pass_rate_pct,
                     "mean_gain": lr.overall.mean_gain,
                     "normalised_gain": lr.overall.normalised_gain}
        if lr.evaluated else {"evaluated": False},
        "application": {"evaluated": ap.evaluated, "mean": ap.overall_mean,
                        "scale": _scale(results.evaluation.questions_at(3)),
                        "respondents": sum(x.respondents for x in ap.response),
                        "aspects": {a.label: {"mean": a.mean, "category": a.category}
                                    for a in ap.by_aspect}}
        if ap.evaluated else {"evaluated": False},
        "impact": {"evaluated": im.evaluated,
                   "measures": [{"measure": m.measure.name, "group": m.group,
                                 "isolation": str(m.measure.isolation),
                                 "improvement": m.improvement, "value_per_unit": m.value_per_unit,
                                 "benefits": m.benefits} for m in im.measures]},
    }


def _scale(questions: tuple[Question, ...]) -> str | None:
    """"1-4" when every question shares that answer scale (means are then comparable with
    another program's on the same scale); None when they differ."""
    scales = {(q.scale_min, q.scale_max) for q in questions}
    if len(scales) != 1:
        return None
    low, high = scales.pop()
    return f"{low:g}-{high:g}"


def summary(results: Results) -> Summary:
    """The JSON summary of docs/contract.md: exactly its keys, money unrounded, every word
    as its plain string."""
    ev = results.evaluation
    program = ev.program
    lang = str(program.language)
    issues: list[IssueSummary] = [
        {"severity": i.severity.value, "sheet": i.sheet, "cell": i.cell,
         "message": i.in_language(lang), "key": i.key}
        for i in (*ev.warnings, *(f.as_issue() for f in results.shown_findings))]
    participants = {g.name: g.participants for g in ev.groups}
    return {
        "program": program.name, "currency": program.currency,
        "language": str(program.language),
        "objective_pct": program.roi_objective * 100,
        "total": _financials(results.total),
        "groups": [{"name": g.name, **_financials(g), "participants": participants.get(g.name)}
                   for g in results.groups],
        "levels": _level_summary(results),
        "intangibles": [{"group": i.group, "benefit": i.benefit, "evidence": i.evidence,
                         "direction": i.direction} for i in ev.intangibles],
        "issues": issues,
        # optional fields beyond the contract's minimum
        "organization": program.organization,
        "horizon_months": program.horizon_months,
        "period_start": _iso(program.evaluation_start),
        "period_end": _iso(program.evaluation_end),
        "objectives": [{"level": o.level, "what": o.what, "objective": o.objective,
                        "result": o.result, "met": o.met, "measure": o.measure,
                        "group": o.group} for o in results.objectives],
        "input_file": ev.source,
        "input_sha256": input_sha256(ev),
        "report_version": report_version(ev),
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _financials(f: Financials) -> FinancialSummary:
    return {"benefits": f.benefits, "costs": f.costs,
            "net_benefits": f.net_benefits if f.monetised else None,
            "bcr": f.bcr, "roi_pct": f.roi_pct, "payback_months": f.payback_months,
            "band": None if f.band is None else f.band.value,
            "status": f.status.value,
            "caveats": [c.value for c in f.credibility.caveats],
            "benefit_months": f.months, "payback_recovered": f.recovered,
            "benefits_undiscounted": f.benefits if f.undiscounted is None else f.undiscounted}


def summary_json(data: Summary) -> str:
    """The summary as strict JSON (never NaN or Infinity, which are not JSON): the text
    `run --json` writes. Raises OutputError for a figure that is not a finite number, so
    that nothing is written rather than a file no JSON reader accepts."""
    try:
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError as exc:
        raise OutputError(f"the summary holds a figure that is not a finite number ({exc}); "
                          "nothing was written") from exc
