"""Everything computed for one evaluation: each level, costs, the financials per group and in
total, and the findings of the conservative rules."""

from __future__ import annotations

from dataclasses import dataclass

from roti_excel.issues import Issue
from roti_excel.method import application, impact, learning, reaction
from roti_excel.method import costs as cost_level
from roti_excel.method import findings as flags
from roti_excel.method.costs import CostSummary
from roti_excel.method.roi import Financials
from roti_excel.model import Evaluation


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
    def warnings(self) -> tuple[Issue, ...]:
        return self.evaluation.warnings


def evaluate(ev: Evaluation) -> Results:
    """Every level computed from a validated evaluation."""
    program = ev.program
    objective = program.roi_objective * 100
    horizon = program.horizon_months
    l1, l2, l3 = reaction.compute(ev), learning.compute(ev), application.compute(ev)
    l4 = impact.compute(ev)
    cost = cost_level.compute(ev)
    groups = tuple(Financials(g.name, l4.benefits(g.name), t.total, horizon, objective)
                   for g, t in zip(ev.groups, cost.groups, strict=True))
    total = Financials("total", l4.benefits(all_groups=True), cost.total.total, horizon, objective)
    found = flags.findings(ev, l2, l4, cost, total)
    return Results(ev, l1, l2, l3, l4, cost, groups, total, found)
