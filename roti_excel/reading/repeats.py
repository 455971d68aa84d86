"""Validation issues as shown: repeats down a column grouped (see `roti_excel.alike`), and
the noise around a total row dropped."""

from __future__ import annotations

from collections.abc import Sequence

from roti_excel.a1 import parse_a1
from roti_excel.alike import column_of, grouped, span
from roti_excel.issues import Issue
from roti_excel.messages import msg


def _group_key(issue: Issue) -> tuple[object, ...] | None:
    column = column_of(issue.cell)
    if not issue.key or column is None:
        return None
    return (issue.severity, issue.key, issue.sheet, column)


def _summary(alike: Sequence[Issue]) -> Issue:
    first = alike[0]
    # grouped issues all have a catalogue key, so a text
    text = msg("repeated", count=len(alike), first=first.cell or "",
               message=first.text or first.message)
    return Issue(first.severity, text.render("en"), first.sheet,
                 span([i.cell or "" for i in alike]), first.file, text)


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
    return grouped(issues, _group_key, _summary)
