"""The benefit period (docs/method.md): which months count, what a horizon beyond the first
year is worth today, and what Annualise may claim. Months are 0-based: month 0 is the
first month after the program."""

from __future__ import annotations

import math

from roti_excel.model import Program


def discount(program: Program, month: int) -> float:
    """What one unit of benefit in `month` is worth today: year k's benefits are divided
    by (1 + rate)^(k - 1); the first year is not discounted."""
    rate = program.discount_rate or 0.0
    year = month // 12
    return 1.0 if year == 0 or rate == 0 else 1.0 / (1.0 + rate) ** year


def horizon_months(program: Program) -> int:
    """The monthly periods the horizon holds: whole months only (a horizon of 12.5 counts
    12 periods; half a period is never claimed as a whole one)."""
    return math.floor(program.horizon_months)


def discounted_months(program: Program, months: float) -> float:
    """The first `months` months, each weighted by its discount (a part month counts in
    part): 12 for a year, less than 24 for two years at a positive rate."""
    whole = math.ceil(months)
    return math.fsum(discount(program, m) * min(1.0, months - m) for m in range(whole))


def annualise_factor(program: Program, covered: int) -> float:
    """How much the measured benefits of `covered` months are scaled to reach the horizon:
    1 unless Annualise is yes and fewer months than the horizon were measured."""
    if not program.annualise or covered <= 0 or covered >= program.horizon_months:
        return 1.0
    return discounted_months(program, program.horizon_months) / discounted_months(
        program, covered)


def estimate_horizon_factor(program: Program) -> float:
    """The share of a first-year estimate the horizon counts: H/12 up to a year, and each
    later year's months discounted beyond it."""
    return discounted_months(program, program.horizon_months) / 12
