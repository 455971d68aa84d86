"""The JSON summary (docs/contract.md): what `run --json`, `batch` and `watch` write for each
report, and what the portfolio is built from. Money unrounded."""

from __future__ import annotations

from typing import Any

from roti_excel.domain import Severity
from roti_excel.method.evaluate import Results


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
                        "respondents": sum(x.respondents for x in ap.response),
                        "aspects": {a.label: {"mean": a.mean, "category": a.category}
                                    for a in ap.by_aspect}}
        if ap.evaluated else {"evaluated": False},
        "impact": {"evaluated": im.evaluated,
                   "measures": [{"measure": m.measure.name, "group": m.group,
                                 "isolation": m.measure.isolation,
                                 "improvement": m.improvement, "value_per_unit": m.value_per_unit,
                                 "benefits": m.benefits} for m in im.measures]},
    }


def summary(results: Results) -> dict[str, Any]:
    """The JSON summary of CONTRACT.md: exactly its keys, money unrounded."""
    ev = results.evaluation
    program = ev.program
    issues = [i.as_dict() for i in ev.warnings]
    issues += [{"severity": Severity.WARNING, "sheet": f.sheet or None, "cell": f.cell or None,
                "message": f.message} for f in results.findings]
    participants = {g.name: g.participants for g in ev.groups}
    return {
        "program": program.name, "currency": program.currency, "language": program.language,
        "objective_pct": program.roi_objective * 100,
        "total": results.total.as_dict(),
        "groups": [{"name": g.name, **g.as_dict(), "participants": participants.get(g.name)}
                   for g in results.groups],
        "levels": _level_summary(results),
        "intangibles": [{"group": i.group, "benefit": i.benefit, "evidence": i.evidence,
                         "direction": i.direction} for i in ev.intangibles],
        "issues": issues,
        # optional fields beyond the contract's minimum
        "organization": program.organization,
        "horizon_months": program.horizon_months,
    }
