"""Objectives at every level (docs/method.md): each objective set before the program, the
result it is judged on, and whether it was met. A level with no objective or no result
is listed with met None."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # evaluate.Results holds the objectives; only its type is needed here
    from roti_excel.method.evaluate import Results


@dataclass(frozen=True)
class Objective:
    level: str  # reaction, learning, application, impact, roi
    what: str  # mean_score, pass_rate_pct, improvement, roi_pct
    objective: float | None
    result: float | None
    measure: str = ""  # level 4: the measure and its group
    group: str | None = None

    @property
    def met(self) -> bool | None:
        if self.objective is None or self.result is None:
            return None
        return meets(self.result, self.objective)


def meets(result: float, objective: float) -> bool:
    """At or above the objective; a result equal to it up to rounding (56 % against
    100 x 0.56 = 56.00000000000001) meets it."""
    return result >= objective - 1e-9 * max(1.0, abs(objective))


def objectives(results: Results) -> tuple[Objective, ...]:
    """One per level 1-3 and 5, one per measure with a Target improvement."""
    program = results.evaluation.program
    reaction, learning, application = results.reaction, results.learning, results.application
    impact, total = results.impact, results.total
    learning_goal = program.learning_objective
    return (
        Objective("reaction", "mean_score", program.reaction_objective,
                  reaction.overall.mean if reaction.evaluated else None),
        Objective("learning", "pass_rate_pct",
                  None if learning_goal is None else 100 * learning_goal,
                  learning.overall.pass_rate_pct if learning.evaluated else None),
        Objective("application", "mean_score", program.application_objective,
                  application.overall_mean if application.evaluated else None),
        *(Objective("impact", "improvement", m.measure.target_improvement,
                    m.improvement_over_horizon,
                    m.measure.name, m.group)
          for m in impact.measures if m.measure.target_improvement is not None),
        Objective("roi", "roi_pct", total.objective_pct, total.roi_pct),
    )
