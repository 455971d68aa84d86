"""Evaluations built in memory, for tests that pin the method rather than the reader."""

from __future__ import annotations

from roti_excel import model


def article_case(cost: float, *benefits: float, objective: float = 0.25) -> model.Evaluation:
    """One cost line and one measure per benefit, each worth its amount in money."""
    measures = tuple(model.Measure(f"Benefit {i}", "higher", "none", value_per_unit=1.0)
                     for i in range(len(benefits)))
    impact = tuple(model.ImpactRow(f"Benefit {i}", 0.0, b) for i, b in enumerate(benefits))
    return model.Evaluation(
        model.Program("Article case", roi_objective=objective),
        costs=(model.CostLine("EC", cost),), measures=measures, impact=impact)


def roi_case(benefits: float, costs: float, objective: float = 0.25) -> model.Evaluation:
    return article_case(costs, benefits, objective=objective)
