"""The facts each narrative template phrases, computed from the results: already-formatted
strings, counts and flags. The templates never do arithmetic."""

from __future__ import annotations

import math
from typing import Any

from roti_excel import schema
from roti_excel.domain import Band, Caveat, FindingKind, PeriodNote, Status
from roti_excel.method import application as application_level
from roti_excel.method import learning as learning_level
from roti_excel.method.credibility import ROI_REVIEW_PCT
from roti_excel.method.evaluate import Results
from roti_excel.method.impact import EstimateResult, MeasureResult, PeriodResult
from roti_excel.method.objectives import meets
from roti_excel.method.roi import Financials
from roti_excel.method.stats import favourable_threshold
from roti_excel.model import Question
from roti_excel.narrative.numbers import PCT_SPACE, Formatter, format_date

Facts = dict[str, Any]

BAND_LABELS: dict[str, dict[Band | None, str]] = {
    "en": {Band.HIGH: "High", Band.THIN_POSITIVE: "Thin positive", Band.NEGATIVE: "Negative",
           None: "Not computed"},
    "id": {Band.HIGH: "Tinggi", Band.THIN_POSITIVE: "Positif tipis", Band.NEGATIVE: "Negatif",
           None: "Tidak dapat dihitung"},
}


def financial_facts(f: Financials, fmt: Formatter) -> Facts:
    """Money, ratios, the band and the credibility status of one Financials (the total or
    a group)."""
    roi, bcr, payback = f.roi_pct, f.bcr, f.payback_months
    return {
        "name": f.name,
        "band": f.band or "none",
        "band_label": BAND_LABELS[fmt.lang][f.band],
        "has_costs": f.costs > 0,
        "monetised": f.monetised,
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
        "not_recovered": f.recovered is False,
        "break_even": f.band == Band.THIN_POSITIVE and roi is not None and abs(roi) < 1e-9,
        "objective": f"{fmt.compact(f.objective_pct)}{PCT_SPACE}%",
        "months": fmt.compact(f.months),
        "months_text": months_text(f.months, fmt),
        "discounted": f.undiscounted is not None and abs(f.undiscounted - f.benefits) > 1e-6,
        "undiscounted": fmt.money(f.undiscounted if f.undiscounted is not None else f.benefits),
        # how far the benefits may fall before the ROI turns negative (thin positive)
        "margin": fmt.pct(100 * f.net_benefits / f.benefits) if f.benefits > 0
        and f.net_benefits >= 0 else "",
        **credibility_facts(f, fmt),
    }


def months_text(months: float, fmt: Formatter) -> str:
    """"1 month", "6 months" (en); "6 bulan" (id)."""
    number = fmt.compact(months)
    if fmt.lang == "id":
        return f"{number} bulan"
    return f"{number} month" + ("" if months == 1 else "s")


STATUS_LABELS: dict[str, dict[Status, str]] = {
    "en": {Status.CREDIBLE: "credible", Status.PROVISIONAL: "provisional",
           Status.NOT_MONETISED: "not monetised"},
    "id": {Status.CREDIBLE: "kredibel", Status.PROVISIONAL: "sementara",
           Status.NOT_MONETISED: "tidak dimonetisasi"},
}


def credibility_facts(f: Financials, fmt: Formatter) -> Facts:
    """The status and each of its reasons, as the templates phrase them."""
    c = f.credibility
    return {
        "status": c.status.value,
        "status_label": STATUS_LABELS[fmt.lang][c.status],
        "credible": c.status is Status.CREDIBLE,
        "provisional": c.status is Status.PROVISIONAL,
        "not_monetised": c.status is Status.NOT_MONETISED,
        "unisolated": list(c.unisolated),
        "unisolated_share": fmt.pct(100 * c.unisolated_share, 0),
        "all_unisolated": c.unisolated_share >= 1 - 1e-9,
        "missing_codes": [f"{choice_label(schema.COST_CODES, code, fmt.lang)} ({code})"
                          for code in c.missing_codes],
        "missing_l": "L" in c.missing_codes,
        "missing_te": "TE" in c.missing_codes,
        "weak_trends": [{"label": name, "r2": fmt.num(r2, 2)} for name, r2 in c.weak_trends],
        "roi_review": Caveat.ROI_REVIEW in c.caveats,
        "review_threshold": fmt.pct(ROI_REVIEW_PCT, 0),
        "annualised": Caveat.ANNUALISED in c.caveats,
        "extrapolated": Caveat.EXTRAPOLATED in c.caveats,
        "measured_roi": fmt.opt_pct(f.measured_roi_pct),
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
        "horizon": fmt.compact(program.horizon_months),
        "measured_months": fmt.compact(max((m.covered for m in results.impact.measures
                                            if m.periods), default=0)),
        # the months of the measures Annualise scaled: "3" or "3 and 6"
        "annualised_months": _and(sorted({fmt.compact(m.covered) for m in
                                          results.impact.measures if m.annualise != 1.0}),
                                  fmt.lang),
    }


def _and(items: list[str], lang: str) -> str:
    """"3", "3 and 6", "1, 3 and 6" (id: "dan")."""
    word = " dan " if lang == "id" else " and "
    return word.join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


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


def choice_label(choices: tuple[schema.Choice, ...], key: str, lang: str) -> str:
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
        "dimensions": [{"label": choice_label(schema.DIMENSIONS, d.label, fmt.lang),
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
    overall = application_level.overall_rate(ap.response)
    return {
        "evaluated": ap.evaluated,
        "mean": fmt.opt(ap.overall_mean, 2),
        "has_mean": ap.overall_mean is not None,
        "category": category,
        "scale": scale,
        "aspects": [{"label": choice_label(schema.DIMENSIONS, a.label, fmt.lang),
                     "mean": fmt.opt(a.mean, 2),
                     "category": a.category_in(ev.program.category_bands, fmt.lang)}
                    for a in ap.by_aspect if a.mean is not None],
        "response": [{"group": x.group, "respondents": fmt.compact(x.respondents),
                      "sent": "" if x.sent is None else fmt.compact(x.sent),
                      "rate": fmt.opt_pct(x.shown_pct), "over": x.over}
                     for x in ap.response],
        "respondents": fmt.compact(math.fsum(x.respondents for x in ap.response)),
        "overall_rate": "" if overall is None else fmt.pct(100 * overall),
    }


def measure_label(m: MeasureResult) -> str:
    return m.measure.name + (f" ({m.group})" if m.group else "")


def _estimate_facts(m: MeasureResult, fmt: Formatter) -> Facts:
    """The factors the Estimates rows applied (lowest to highest) and who answered."""
    factors = [e.factor for e in m.estimates]
    cov = m.coverage
    return {
        "factor_low": fmt.pct(100 * min(factors), 0) if factors else "",
        "factor_high": fmt.pct(100 * max(factors), 0) if factors else "",
        "respondents": cov.respondents if cov else 0,
        # "9 of 5 participants" would be nonsense: the count is then flagged instead
        "participants": fmt.compact(cov.participants)
        if cov and cov.participants and cov.respondents <= cov.participants else "",
        "non_respondents": fmt.compact(cov.non_respondents or 0) if cov else "",
        "has_non_respondents": bool(cov and cov.non_respondents),
    }


def _measure_facts(m: MeasureResult, fmt: Formatter) -> Facts:
    improvement = m.improvement
    measure = m.measure
    target = measure.target_improvement
    trend = m.trend
    return {
        "label": measure_label(m),
        "unit": measure.unit.strip(),
        "better_when": measure.better_when,
        "improved": improvement > 0,
        "unchanged": improvement == 0,
        "improvement": fmt.num(abs(improvement), 2),
        "money": fmt.money(m.benefits),
        "value_per_unit": fmt.money(m.value_per_unit, 2),
        "isolation": measure.isolation,
        # the measure's own factors apply only to its Impact rows
        "contribution": "" if measure.contribution is None or not m.periods
        else fmt.pct(100 * measure.contribution, 0),
        "confidence": "" if measure.confidence is None or not m.periods
        else fmt.pct(100 * measure.confidence, 0),
        "periods": sum(1 for p in m.periods if p.included),
        # the estimates given, as "2 of 30 participants gave an estimate" counts them (a
        # blank row counts as no improvement, not as an estimate)
        "estimates": sum(1 for e in m.estimates
                         if e.included and e.estimate.annual_improvement is not None),
        **_estimate_facts(m, fmt),
        "r2": fmt.num(trend.r2, 2) if trend else "",
        "weak_trend": bool(trend and trend.weak),
        "trend_credited": bool(trend and trend.credited),
        "annualised": m.annualise != 1.0,
        "covered": m.covered,
        "has_target": target is not None,
        "target": "" if target is None else fmt.compact(target, 2),
        "target_met": target is not None and meets(m.improvement_over_horizon, target),
        "notes": measure.notes.strip(),
    }


def impact_facts(results: Results, fmt: Formatter) -> Facts:
    im = results.impact
    return {
        "evaluated": im.evaluated,
        "measures": [_measure_facts(m, fmt) for m in im.measures],
        "benefits": fmt.money(results.total.benefits),
        "months_text": months_text(results.total.months, fmt),
        "horizon": fmt.compact(results.evaluation.program.horizon_months),
        "discounted": financial_facts(results.total, fmt)["discounted"],
        "undiscounted": fmt.money(results.total.undiscounted or results.total.benefits),
        "intangibles": len(results.evaluation.intangibles),
    }


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
        "no_costs": FindingKind.NO_COSTS in kinds,
        "non_respondents": fmt.compact(math.fsum(
            m.coverage.non_respondents or 0 for m in results.impact.measures if m.coverage)),
        "has_non_respondents": FindingKind.COVERAGE in kinds,
        "over_responses": over,
        "costs_zero": results.total.costs <= 0,
    }
