"""Small statistics shared by the levels: weighted means, quartiles, the outlier rule."""

from __future__ import annotations

import math
from collections.abc import Sequence

# docs/method.md, conservative rules: flag values outside Q1 - k*IQR .. Q3 + k*IQR
OUTLIER_IQR_FACTOR = 3.0
# Quartiles of fewer values say nothing about what is extreme (0-3 incidents a month over
# 6 months made "outliers" of ordinary months).
OUTLIER_MIN_VALUES = 8


def quantile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (Excel's QUARTILE.INC / PERCENTILE.INC)."""
    if not sorted_values:
        raise ValueError("quantile of no values")
    pos = (len(sorted_values) - 1) * q
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def median(values: Sequence[float]) -> float | None:
    return quantile(sorted(values), 0.5) if values else None


def outliers_testable(count: int) -> bool:
    """Whether `count` values are enough to call one of them extreme."""
    return count >= OUTLIER_MIN_VALUES


def outlier_fences(values: Sequence[float]) -> tuple[float, float] | None:
    """(low, high) fences of the 3 x IQR rule; None when there are too few values, or when
    the middle half are all equal (IQR 0: any other value would be "extreme")."""
    if not outliers_testable(len(values)):
        return None
    ordered = sorted(values)
    q1, q3 = quantile(ordered, 0.25), quantile(ordered, 0.75)
    iqr = q3 - q1
    if iqr <= 0:
        return None
    return q1 - OUTLIER_IQR_FACTOR * iqr, q3 + OUTLIER_IQR_FACTOR * iqr


def is_outlier(value: float, fences: tuple[float, float] | None) -> bool:
    return fences is not None and not fences[0] <= value <= fences[1]


def favourable_threshold(scale_min: float, scale_max: float) -> float:
    """Lowest favourable answer: the top two points of a short scale (4 and 5 on 1-5,
    3 and 4 on 1-4), the top 30 % of a longer one."""
    points = scale_max - scale_min + 1
    if points <= 7:
        return scale_max - 1
    return scale_min + 0.7 * (scale_max - scale_min)
