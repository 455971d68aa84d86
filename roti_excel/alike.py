"""One message per problem, not per cell: the same problem down a column (38 answers typed
as dates, 300 labels for numbers, 40,000 Impact periods past the horizon) is shown once,
with its range, its count and the first cell's message, instead of a screen of
near-identical lines. Shared by the validation's issues and the method's findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from roti_excel.a1 import parse_a1

# Fewer than this many alike stay as they are: two lines are easier read than a summary.
GROUP_FROM = 3
_LETTERS = re.compile(r"^([A-Z]+)\d+$")

T = TypeVar("T")


def column_of(cell: str | None) -> str | None:
    """The column letters of an A1 cell ("D" of "D7"); None for anything else."""
    match = _LETTERS.match(cell or "")
    return match.group(1) if match else None


def span(cells: Sequence[str]) -> str:
    """The range from the first to the last row of `cells` (all in one column): D7:D90."""
    rows = sorted(r for r, _ in (parse_a1(c) or (0, 0) for c in cells))
    column = column_of(cells[0]) or ""
    return f"{column}{rows[0] + 1}:{column}{rows[-1] + 1}"


def grouped(items: Sequence[T], key: Callable[[T], Hashable | None],
            summary: Callable[[list[T]], T]) -> list[T]:
    """`items` with each set of alike ones (the same `key`, not None; at least GROUP_FROM
    of them) replaced by its `summary` where the first of them stood."""
    keys = [key(item) for item in items]
    groups: dict[Hashable, list[T]] = {}
    for item, k in zip(items, keys, strict=True):
        if k is not None:
            groups.setdefault(k, []).append(item)
    out: list[T] = []
    for item, k in zip(items, keys, strict=True):
        alike = groups.get(k) if k is not None else None
        if alike is None or len(alike) < GROUP_FROM:
            out.append(item)
        elif alike[0] is item:
            out.append(summary(alike))
    return out
