"""Isolating the program's effect (Phillips principle 5), one period at a time.

Every function returns the improvement in the measure's unit, signed so that a positive
number is good news whatever the measure's direction."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from roti_excel.domain import Direction
from roti_excel.months import month_in_words


def signed_change(before: float, after: float, better_when: Direction) -> float:
    """after - before for "higher is better", before - after for "lower is better"."""
    return before - after if better_when == Direction.LOWER else after - before


def control_group(before: float, after: float, control_before: float, control_after: float,
                  better_when: Direction) -> float:
    """The trained group's change minus the control group's change."""
    return (signed_change(before, after, better_when)
            - signed_change(control_before, control_after, better_when))


def least_squares(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """(intercept, slope) of the ordinary least-squares line; needs two distinct xs."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if n < 2 or sxx == 0:
        raise ValueError("a trend line needs at least two different before periods")
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    return my - slope * mx, slope


def r_squared(xs: Sequence[float], ys: Sequence[float], line: tuple[float, float]) -> float:
    """How much of the before values' variation the line explains (Excel's RSQ); 0 for
    values that do not vary at all: there is no variation to explain, so the fit proves
    nothing (and RSQ itself is a division by 0)."""
    my = sum(ys) / len(ys)
    total = sum((y - my) ** 2 for y in ys)
    if total == 0:
        return 0.0
    residual = sum((y - (line[0] + line[1] * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    return max(0.0, 1.0 - residual / total)


def trend_improvement(projected: float, actual: float, better_when: Direction) -> float:
    """Actual against the projection of the pre-program trend."""
    return signed_change(projected, actual, better_when)


def estimate_factor(contribution: float, confidence: float) -> float:
    return contribution * confidence


_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*$")


def month_index(period: str) -> int | None:
    """`2009-01`, `2009/1`, `Januari 2009` or an ISO date -> months since year 0; None if
    not a month."""
    match = _MONTH.match(period)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        return year * 12 + month - 1 if 1 <= month <= 12 else None
    named = month_in_words(period)  # "Januari 2009", "Jan-2009"
    if named is not None:
        return named[0] * 12 + named[1] - 1
    try:
        day = dt.date.fromisoformat(period.strip())
    except ValueError:
        return None
    return day.year * 12 + day.month - 1


def period_positions(before: Sequence[str],
                     after: Sequence[str]) -> tuple[list[float], list[float]]:
    """x positions for the trend line: months from the first before period (1) when every
    period is a month, otherwise the before periods as 1..n followed directly by the after
    periods."""
    months = [month_index(p) for p in (*before, *after)]
    if all(m is not None for m in months) and len(set(months[: len(before)])) == len(before):
        # counted from the first before month (1), not from year 0: "x 24,276" told nobody
        # anything
        first = min(m for m in months[: len(before)] if m is not None) if before else 0
        xs = [float(m - first + 1) for m in months if m is not None]
        return xs[: len(before)], xs[len(before):]
    n = len(before)
    return [float(i + 1) for i in range(n)], [float(n + i + 1) for i in range(len(after))]
