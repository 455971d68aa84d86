"""Evaluations built in memory, for tests that pin the method rather than the reader."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from roti_excel import model
from roti_excel.domain import Direction, Isolation, Language
from roti_excel.model import Origin


def article_case(cost: float, *benefits: float, objective: float = 0.25) -> model.Evaluation:
    """One cost line and one measure per benefit, each worth its amount in money."""
    measures = tuple(model.Measure(f"Benefit {i}", Direction.HIGHER, Isolation.NONE,
                                   value_per_unit=1.0) for i in range(len(benefits)))
    impact = tuple(model.ImpactRow(f"Benefit {i}", 0.0, b) for i, b in enumerate(benefits))
    return model.Evaluation(
        model.Program("Article case", roi_objective=objective),
        costs=(model.CostLine("EC", cost),), measures=measures, impact=impact)


def roi_case(benefits: float, costs: float, objective: float = 0.25) -> model.Evaluation:
    return article_case(costs, benefits, objective=objective)


# user text that a careless writer would turn into formulas, links or numbers
EVIL = ('=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3", "=1+1", "http://example.com/x", "=Costs!$A$1")
LONG = "x" * 40_000


def rich_evaluation(**program: Any) -> model.Evaluation:
    """No survey levels; every isolation method; shared costs; hostile and overlong text."""
    fields: dict[str, Any] = {"organization": "Org & Co", "currency": "USD",
                              "language": Language.EN, "roi_objective": 0.2, "horizon_months": 6,
                              "prepared_by": EVIL[1], **program}
    p = model.Program(EVIL[0], **fields)

    def at(sheet: str, row: int) -> Origin:
        return Origin(sheet, row)

    costs = (
        model.CostLine("EC", 1000.0, 2, 1.5, 1.0, "North", EVIL[2], at("Costs", 3)),
        model.CostLine("NA", 300.0, 1, 1, 0.5, "North", EVIL[5], at("Costs", 4)),
        model.CostLine("TM", 50.0, 30, 1, 1.0, "South", LONG, at("Costs", 5)),
        model.CostLine("L", 20.0, 40, 8, 1.0, None, EVIL[3], at("Costs", 6)),
        model.CostLine("TE", 700.0, 1, 1, 1.0, None, "evaluation", at("Costs", 7)),
    )
    measures = (
        model.Measure(EVIL[0], Direction.LOWER, Isolation.CONTROL_GROUP, "North", "errors",
                      "hard", 15.5, origin=at("Measures", 3)),
        model.Measure("Output", Direction.HIGHER, Isolation.TREND_LINE, "South", EVIL[4], "hard",
                      None, "Wage", origin=at("Measures", 4)),
        model.Measure("Overtime", Direction.LOWER, Isolation.ESTIMATE, "North", EVIL[6], "hard",
                      None, "wage", contribution=0.6, confidence=0.8, origin=at("Measures", 5)),
        model.Measure("Sales", Direction.HIGHER, Isolation.ESTIMATE, None, "USD", "hard", 0.25,
                      origin=at("Measures", 6)),
    )
    impact: list[model.ImpactRow] = []
    for i in range(8):  # control group; one missing value; two periods beyond the horizon
        impact.append(model.ImpactRow(EVIL[0], 50 + i, None if i == 3 else 40 - i, "North",
                                      f"2020-{i + 1:02d}", f"2021-{i + 1:02d}", 52 + i, 49 + i,
                                      at("Impact", 3 + i)))
    for i in range(7):  # trend line over real months
        impact.append(model.ImpactRow("Output", 100 + 3 * i + i % 2, 150 + 2 * i, "South",
                                      f"2020-{i + 1:02d}", f"2021-{i + 1:02d}",
                                      origin=at("Impact", 11 + i)))
    for i in range(5):  # estimate isolation; an extreme value
        impact.append(model.ImpactRow("Overtime", 30.0, 400.0 if i == 4 else 20.0 - i, "North",
                                      f"P{i}", f"Q{i}", origin=at("Impact", 18 + i)))
    estimates = (
        model.Estimate("Sales", "Ann", 10000.0, 0.5, 0.9, "South", "manager", at("Estimates", 3)),
        model.Estimate("Sales", "Bob", None, 0.5, 0.9, "South", "supervisor",
                       at("Estimates", 4)),
        model.Estimate("Sales", EVIL[4], 8000.0, 0.4, 0.7, "South", "participant",
                       at("Estimates", 5)),
    )
    return model.Evaluation(
        p, (model.Group("North", 10), model.Group("South", 30)),
        costs, rates=(model.Rate("Wage", 3000.0, 20, 1, 8, at("Rates", 3)),),
        measures=measures, impact=tuple(impact), estimates=estimates,
        intangibles=(model.Intangible(EVIL[0], "North", EVIL[2], "positive"),))


def no_costs_evaluation() -> model.Evaluation:
    return replace(rich_evaluation(), costs=())


def no_groups_evaluation() -> model.Evaluation:
    """Everything for the whole program: no Groups, every row with a blank group."""
    ev = rich_evaluation()
    return replace(ev, groups=(), costs=tuple(replace(c, group=None) for c in ev.costs),
                   measures=tuple(replace(m, group=None) for m in ev.measures),
                   impact=tuple(replace(r, group=None) for r in ev.impact),
                   estimates=tuple(replace(e, group=None) for e in ev.estimates))
