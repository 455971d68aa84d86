"""The facts of the data-driven actions (docs/method.md, "Recommended actions come from the
data"): what would make a provisional result credible, the likely barriers on the job,
a pass rate or reaction below its objective, measures short of their target, how far a
thin-positive result may fall, a payback beyond the benefit period, and whether the
measurement was long enough."""

from __future__ import annotations

from roti_excel import schema
from roti_excel.domain import Band
from roti_excel.method.application import Distribution
from roti_excel.method.evaluate import Results
from roti_excel.narrative.facts import Facts, choice_label
from roti_excel.narrative.numbers import Formatter

# How many level-3 items are named as barriers at most: the lowest ones matter.
BARRIERS_NAMED = 3
# docs/method.md, interpretation bands: behaviour and productivity need 6 to 12 months.
FULL_WINDOW_MONTHS = 12


def _barrier_limit(results: Results, d: Distribution) -> float:
    """Below this mean an item is a likely barrier: the application objective, else the
    midpoint of its scale."""
    objective = results.evaluation.program.application_objective
    if objective is not None:
        return objective
    q = next((q for q in results.evaluation.questions_at(3) if q.code == d.label), None)
    if q is None:  # an aspect: the scale of its first question
        q = next((q for q in results.evaluation.questions_at(3) if q.dimension == d.label),
                 None)
    return (q.scale_min + q.scale_max) / 2 if q else 0.0


def _barriers(results: Results, fmt: Formatter) -> list[Facts]:
    """The lowest level-3 questions below the limit, lowest first."""
    low = [d for d in results.application.by_question
           if d.mean is not None and d.mean < _barrier_limit(results, d)]
    low.sort(key=lambda d: d.mean or 0.0)
    return [{"text": d.text or d.label, "mean": fmt.num(d.mean or 0.0, 2)}
            for d in low[:BARRIERS_NAMED]]


def _objective_gaps(results: Results, fmt: Formatter) -> Facts:
    """Reaction and learning results below their objectives, and measures short of target."""
    program = results.evaluation.program
    reaction = results.reaction.overall.mean
    pass_rate = results.learning.overall.pass_rate_pct
    missed = [o for o in results.objectives if o.met is False]
    reaction_low = any(o.level == "reaction" for o in missed)
    pass_low = any(o.level == "learning" for o in missed)
    units = {(m.measure.name, m.group): m.measure.unit.strip() for m in results.impact.measures}
    short = [{"label": o.measure + (f" ({o.group})" if o.group else ""),
              "improvement": fmt.num(o.result or 0.0, 2),
              "target": fmt.compact(o.objective or 0.0, 2),
              "unit": units.get((o.measure, o.group), "")}
             for o in missed if o.level == "impact"]
    return {
        "reaction_low": reaction_low,
        "reaction_mean": fmt.opt(reaction, 2),
        "reaction_objective": fmt.compact(program.reaction_objective or 0.0, 2),
        "pass_low": pass_low,
        "pass_rate": fmt.opt_pct(pass_rate),
        "learning_objective": fmt.pct(100 * (program.learning_objective or 0.0), 0),
        "targets_missed": short,
    }


def action_facts(results: Results, fmt: Formatter) -> Facts:
    """Everything the actions template needs beyond the total's financial facts."""
    total = results.total
    # the months the benefits cover: measured periods, or the horizon estimates stand for
    measured = round(total.months)
    return {
        "barriers": _barriers(results, fmt),
        "application_objective_set":
            results.evaluation.program.application_objective is not None,
        **_objective_gaps(results, fmt),
        "thin": total.band == Band.THIN_POSITIVE,
        "short_window": total.band == Band.NEGATIVE and measured < FULL_WINDOW_MONTHS,
        "measured": measured,
        "te_label": choice_label(schema.COST_CODES, "TE", fmt.lang),
        "l_label": choice_label(schema.COST_CODES, "L", fmt.lang),
    }
