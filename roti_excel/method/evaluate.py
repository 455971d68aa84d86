"""Everything computed for one evaluation: each level, costs, the financials per group and in
total, and the findings of the conservative rules."""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass

from roti_excel.issues import Issue
from roti_excel.method import application, credibility, impact, learning, reaction
from roti_excel.method import costs as cost_level
from roti_excel.method import findings as flags
from roti_excel.method.costs import CostSummary
from roti_excel.method.objectives import Objective, objectives
from roti_excel.method.roi import Financials
from roti_excel.model import CostLine, Evaluation


@dataclass(frozen=True)
class Results:
    evaluation: Evaluation
    reaction: reaction.ReactionResult
    learning: learning.LearningResult
    application: application.ApplicationResult
    impact: impact.ImpactResult
    costs: CostSummary
    groups: tuple[Financials, ...]
    total: Financials
    findings: tuple[flags.Finding, ...]

    @property
    def objectives(self) -> tuple[Objective, ...]:
        """Each level's objective, its result and whether it was met."""
        return objectives(self)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return self.evaluation.warnings

    @functools.cached_property
    def shown_findings(self) -> tuple[flags.Finding, ...]:
        """The findings as shown: alike ones grouped (see `findings.shown`), worked out once
        for the run's messages, the JSON summary and Data quality."""
        return tuple(flags.shown(self.findings))


def _financials(ev: Evaluation, name: str, measures: tuple[impact.MeasureResult, ...],
                costs: float, lines: list[CostLine]) -> Financials:
    """One result (a group, or the total) with its credibility."""
    program = ev.program
    monetised = bool(ev.measures or ev.impact or ev.estimates)
    benefits = math.fsum(m.benefits for m in measures)
    undiscounted = math.fsum(m.undiscounted for m in measures)
    months = max((m.months for m in measures), default=0.0)
    draft = Financials(name, benefits, costs, months, program.roi_objective * 100,
                       undiscounted, monetised)
    # the band on the months measured alone, without Annualise
    measured = dataclasses.replace(draft, benefits=math.fsum(m.measured_benefits
                                                             for m in measures))
    verdict = credibility.assess(measures, lines, draft.roi_pct, monetised=monetised,
                                 extrapolated=measured.band != draft.band)
    return dataclasses.replace(draft, credibility=verdict, measured_benefits=measured.benefits)


def evaluate(ev: Evaluation) -> Results:
    """Every level computed from a validated evaluation."""
    l1, l2, l3 = reaction.compute(ev), learning.compute(ev), application.compute(ev)
    l4 = impact.compute(ev)
    cost = cost_level.compute(ev)
    shared = [x for x in ev.costs if x.group is None]
    groups = tuple(
        _financials(ev, g.name, l4.of(g.name), t.total,
                    [*shared, *(x for x in ev.costs if x.group == g.name)])
        for g, t in zip(ev.groups, cost.groups, strict=True))
    total = _financials(ev, "total", l4.of(all_groups=True), cost.total.total, list(ev.costs))
    total = dataclasses.replace(total, credibility=credibility.with_groups(
        total.credibility, [g.credibility for g in groups]))
    found = flags.findings(ev, l2, l4, cost, (total, *groups))
    return Results(ev, l1, l2, l3, l4, cost, groups, total, found)
