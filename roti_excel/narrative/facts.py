"""The facts each narrative template phrases, computed from the results: already-formatted
strings, counts and flags. The templates never do arithmetic."""

from __future__ import annotations

import math
from typing import Any

from roti_excel import schema
from roti_excel.domain import Band, FindingKind, Isolation, PeriodNote
from roti_excel.method import application as application_level
from roti_excel.method import learning as learning_level
from roti_excel.method.evaluate import Results
from roti_excel.method.findings import ROI_REVIEW_PCT
from roti_excel.method.impact import EstimateResult, MeasureResult, PeriodResult
from roti_excel.method.roi import Financials
from roti_excel.method.stats import favourable_threshold
from roti_excel.model import Question
from roti_excel.narrative.numbers import Formatter, format_date

Facts = dict[str, Any]

# Cost codes whose absence means the costs may not be fully loaded (method/findings.py).
FULL_LOAD_CODES = ("L", "TE")

BAND_LABELS: dict[str, dict[Band | None, str]] = {
    "en": {Band.HIGH: "High", Band.THIN_POSITIVE: "Thin positive", Band.NEGATIVE: "Negative",
           None: "Not computed"},
    "id": {Band.HIGH: "Tinggi", Band.THIN_POSITIVE: "Positif tipis", Band.NEGATIVE: "Negatif",
           None: "Tidak dapat dihitung"},
}


def financial_facts(f: Financials, fmt: Formatter) -> Facts:
    """Money, ratios and the band of one Financials (the total or a group)."""
    roi, bcr, payback = f.roi_pct, f.bcr, f.payback_months
    return {
        "name": f.name,
        "band": f.band or "none",
        "band_label": BAND_LABELS[fmt.lang][f.band],
        "has_costs": f.costs > 0,
        "benefits": fmt.money(f.benefits),
        "costs": fmt.money(f.costs),
        "net": fmt.money(f.net_benefits),
        "net_abs": fmt.money(abs(f.net_benefits)),
        "net_positive": f.net_benefits > 0,
        "bcr": fmt.opt(bcr, 2),
        # "Each Rp1 spent returned Rp1.58": the BCR written as money per unit of cost
        "one": fmt.money(1, 0),
        "bcr_money": "" if bcr is None else fmt.money(bcr, 2),
        "roi": fmt.opt_pct(roi),
        "payback": fmt.opt(payback, 1),
        "has_payback": payback is not None,
        "payback_within_horizon": payback is not None and payback <= f.horizon_months,
        "break_even": f.band == Band.THIN_POSITIVE and roi is not None and abs(roi) < 1e-9,
        "objective": f"{fmt.compact(f.objective_pct)} %",
        "horizon": fmt.compact(f.horizon_months),
    }


def program_facts(results: Results, fmt: Formatter) -> Facts:
    program = results.evaluation.program
    start, end = program.evaluation_start, program.evaluation_end
    return {
        "program": program.name.strip(),
        "organization": program.organization.strip(),
        "currency": program.currency,
        "period_start": format_date(start, fmt.lang) if start else "",
        "period_end": format_date(end, fmt.lang) if end else "",
        # without Level 4 data the benefits are 0 by default, not measured as 0
        "benefits_measured": results.impact.evaluated,
        "missing_costs": _missing_cost_labels(results, fmt.lang),
        "no_isolation": [_measure_label(m) for m in results.impact.measures
                         if m.measure.isolation == Isolation.NONE],
    }


def total_facts(results: Results, fmt: Formatter) -> Facts:
    costs = results.costs.total
    return {**program_facts(results, fmt), **financial_facts(results.total, fmt),
            "direct": fmt.money(costs.direct), "indirect": fmt.money(costs.indirect),
            "groups_count": len(results.groups)}


def _scale(questions: tuple[Question, ...], fmt: Formatter) -> tuple[str, Question | None]:
    """"1-5" when all questions share one scale, else ""; and that shared question."""
    scales = {(q.scale_min, q.scale_max) for q in questions}
    if len(scales) != 1:
        return "", None
    lo, hi = scales.pop()
    return f"{fmt.compact(lo)}-{fmt.compact(hi)}", questions[0]


def _choice_label(choices: tuple[schema.Choice, ...], key: str, lang: str) -> str:
    found = next((c for c in choices if c.key == key), None)
    return found.label(lang).lower() if found else key


def reaction_facts(results: Results, fmt: Formatter) -> Facts:
    r = results.reaction
    scale, question = _scale(results.evaluation.questions_at(1), fmt)
    favourable_from = ""
    if question is not None:
        favourable_from = fmt.compact(favourable_threshold(question.scale_min,
                                                           question.scale_max))
    return {
        "evaluated": r.evaluated,
        "mean": fmt.opt(r.overall.mean, 2),
        "has_mean": r.overall.mean is not None,
        "favourable": fmt.opt_pct(r.overall.favourable_pct),
        "has_favourable": r.overall.favourable_pct is not None,
        "respondents": fmt.compact(r.respondents),
        "rows": r.rows,
        "weighted": not math.isclose(r.respondents, r.rows),
        "scale": scale,
        "favourable_from": favourable_from,
        "scale_max": fmt.compact(question.scale_max) if question else "",
        "dimensions": [{"label": _choice_label(schema.DIMENSIONS, d.label, fmt.lang),
                        "mean": fmt.opt(d.mean, 2), "favourable": fmt.opt_pct(d.favourable_pct)}
                       for d in r.by_dimension if d.mean is not None],
        "trainers": len(r.by_trainer),
        "out_of_scale": len(r.out_of_scale),
    }


def learning_facts(results: Results, fmt: Formatter) -> Facts:
    lr = results.learning
    s = lr.overall
    maxima = {row.max_score for row in results.evaluation.learning if learning_level.sat(row)}
    max_score = maxima.pop() if len(maxima) == 1 else None
    return {
        "evaluated": lr.evaluated,
        "participants": s.participants,
        "sat": s.sat,
        "absent": s.absent,
        "likely_absent": s.likely_absent,
        "has_scores": s.mean is not None,
        "mean": fmt.opt(s.mean, 1),
        "median": "" if s.median is None else fmt.compact(s.median),
        "min": "" if s.min is None else fmt.compact(s.min),
        "max": "" if s.max is None else fmt.compact(s.max),
        "max_score": "" if max_score is None else fmt.compact(max_score),
        "has_pass_rate": s.pass_rate_pct is not None,
        "pass_rate": fmt.opt_pct(s.pass_rate_pct),
        "with_pass_mark": s.with_pass_mark,
        "passed": round((s.pass_rate_pct or 0) * s.with_pass_mark / 100),
        "has_gain": s.mean_gain is not None,
        "gain": fmt.opt(s.mean_gain, 1),
        "has_normalised_gain": s.normalised_gain is not None,
        "normalised_gain": "" if s.normalised_gain is None else fmt.pct(100 * s.normalised_gain),
        "with_pre": s.with_pre,
        "groups": [{"name": g.label, "mean": fmt.opt(g.mean, 1),
                    "pass_rate": fmt.opt_pct(g.pass_rate_pct)}
                   for g in lr.by_group if g.mean is not None],
    }


def application_facts(results: Results, fmt: Formatter) -> Facts:
    ap = results.application
    ev = results.evaluation
    questions = ev.questions_at(3)
    scale, _ = _scale(questions, fmt)
    category = ""
    if questions and ap.overall_mean is not None:
        category = application_level.category(ap.overall_mean, questions[0],
                                              ev.program.category_bands, fmt.lang)
    known = [x for x in ap.response if x.sent]
    sent = math.fsum(x.sent or 0 for x in known)
    got = math.fsum(x.respondents for x in known)
    overall_rate = fmt.pct(100 * got / sent) if known and len(known) == len(ap.response) \
        and sent else ""
    return {
        "evaluated": ap.evaluated,
        "mean": fmt.opt(ap.overall_mean, 2),
        "has_mean": ap.overall_mean is not None,
        "category": category,
        "scale": scale,
        "aspects": [{"label": _choice_label(schema.DIMENSIONS, a.label, fmt.lang),
                     "mean": fmt.opt(a.mean, 2), "category": a.category}
                    for a in ap.by_aspect if a.mean is not None],
        "response": [{"group": x.group, "respondents": fmt.compact(x.respondents),
                      "sent": "" if x.sent is None else fmt.compact(x.sent),
                      "rate": fmt.opt_pct(x.rate_pct)} for x in ap.response],
        "respondents": fmt.compact(math.fsum(x.respondents for x in ap.response)),
        "overall_rate": overall_rate,
    }


def _measure_label(m: MeasureResult) -> str:
    return m.measure.name + (f" ({m.group})" if m.group else "")


def impact_facts(results: Results, fmt: Formatter) -> Facts:
    im = results.impact
    measures = []
    for m in im.measures:
        improvement = m.improvement
        measure = m.measure
        measures.append({
            "label": _measure_label(m),
            "unit": measure.unit.strip(),
            "better_when": measure.better_when,
            "improved": improvement > 0,
            "unchanged": improvement == 0,
            "improvement": fmt.num(abs(improvement), 2),
            "money": fmt.money(m.benefits),
            "value_per_unit": fmt.money(m.value_per_unit, 2),
            "isolation": measure.isolation,
            "contribution": "" if measure.contribution is None
            else fmt.pct(100 * measure.contribution, 0),
            "confidence": "" if measure.confidence is None
            else fmt.pct(100 * measure.confidence, 0),
            "periods": sum(1 for p in m.periods if p.included),
            "estimates": sum(1 for e in m.estimates if e.included),
        })
    return {
        "evaluated": im.evaluated,
        "measures": measures,
        "benefits": fmt.money(results.total.benefits),
        "horizon": fmt.compact(results.evaluation.program.horizon_months),
        "intangibles": len(results.evaluation.intangibles),
    }


def _missing_cost_labels(results: Results, lang: str) -> list[str]:
    if not any(f.kind == FindingKind.MISSING_COST for f in results.findings):
        return []
    return [f"{_choice_label(schema.COST_CODES, code, lang)} ({code})"
            for code in FULL_LOAD_CODES if code not in results.costs.codes_present]


def data_quality_facts(results: Results, fmt: Formatter) -> Facts:
    kinds = [f.kind for f in results.findings]
    items: list[PeriodResult | EstimateResult] = []
    for m in results.impact.measures:
        items.extend(m.periods)
        items.extend(m.estimates)
    outliers = [item.note is PeriodNote.OUTLIER_EXCLUDED for item in items if item.outlier]
    excluded = sum(outliers)
    kept = len(outliers) - excluded
    over = [x.group for x in results.application.response
            if x.rate_pct is not None and x.rate_pct > 100 + 1e-9]
    return {
        **total_facts(results, fmt),
        "zeroed": kinds.count(FindingKind.ZEROED),
        "beyond_horizon": kinds.count(FindingKind.HORIZON),
        "outliers_excluded": excluded,
        "outliers_kept": kept,
        "out_of_scale": len(results.reaction.out_of_scale),
        "likely_absent": kinds.count(FindingKind.LIKELY_ABSENT),
        "allocation_equal": FindingKind.ALLOCATION in kinds,
        "roi_review": FindingKind.ROI_REVIEW in kinds,
        "review_threshold": fmt.pct(ROI_REVIEW_PCT, 0),
        "no_costs": FindingKind.NO_COSTS in kinds,
        "over_responses": over,
        "costs_zero": results.total.costs <= 0,
    }
