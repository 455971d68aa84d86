"""One message per problem, not per cell: the same problem down a column (38 answers typed
as dates, 300 labels for numbers) is shown once, with its range, its count and the first
cell's message, instead of a screen of near-identical lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roti_excel.a1 import parse_a1
from roti_excel.issues import Issue
from roti_excel.messages import msg

# Fewer than this many alike stay as they are: two lines are easier read than a summary.
GROUP_FROM = 3
_LETTERS = re.compile(r"^([A-Z]+)\d+$")


def _column(cell: str | None) -> str | None:
    match = _LETTERS.match(cell or "")
    return match.group(1) if match else None


def _group_key(issue: Issue) -> tuple[object, ...] | None:
    column = _column(issue.cell)
    if not issue.key or column is None:
        return None
    return (issue.severity, issue.key, issue.sheet, column)


def _summary(alike: Sequence[Issue]) -> Issue:
    first = alike[0]
    rows = sorted(r for r, _ in (parse_a1(i.cell or "") or (0, 0) for i in alike))
    column = _column(first.cell) or ""
    span = f"{column}{rows[0] + 1}:{column}{rows[-1] + 1}"
    # grouped issues all have a catalogue key, so a text
    text = msg("repeated", count=len(alike), first=first.cell or "",
               message=first.text or first.message)
    return Issue(first.severity, text.render("en"), first.sheet, span, first.file, text)


_TOTAL_KEYS = ("total_row", "total_formula_row")


def _row(issue: Issue) -> tuple[str | None, int] | None:
    cell = parse_a1(issue.cell or "")
    return (issue.sheet, cell[0]) if cell else None


def drop_total_row_noise(issues: Sequence[Issue]) -> list[Issue]:
    """A total row is to be deleted: other complaints about its cells (an empty Code, an
    unknown group "Subtotal") would read as "fill this row in" beside "delete this row"."""
    totals = {_row(i) for i in issues if i.key in _TOTAL_KEYS}
    totals.discard(None)
    if not totals:
        return list(issues)
    return [i for i in issues if i.key in _TOTAL_KEYS or _row(i) not in totals]


def group_repeats(issues: Sequence[Issue]) -> list[Issue]:
    """The issues with each run of alike ones (same problem, sheet and column, at least
    GROUP_FROM of them) replaced by one summary where the first of them stood."""
    groups: dict[tuple[object, ...], list[Issue]] = {}
    for issue in issues:
        key = _group_key(issue)
        if key is not None:
            groups.setdefault(key, []).append(issue)
    out: list[Issue] = []
    for issue in issues:
        key = _group_key(issue)
        alike = groups.get(key) if key is not None else None
        if alike is None or len(alike) < GROUP_FROM:
            out.append(issue)
        elif alike[0] is issue:
            out.append(_summary(alike))
    return out
