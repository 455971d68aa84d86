"""Values that pass every type check but cannot be what was meant: a quantity of
27,000,000 among quantities of 1 to 49 (a price typed in the wrong column), a cost line
worth more than all the others together by two orders of magnitude, a Groups sheet whose
participants disagree with the Learning roster. Warnings at the cell, with the value as
typed: the user decides; nothing is changed."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from roti_excel import model, schema
from roti_excel.issues import Issue, warning
from roti_excel.messages import msg
from roti_excel.reading.parser import Parser

# A value this many times the median of the other lines (and above the floor) is out of
# all proportion; real cost sheets mix 1 trainer with 49 participants x 15 days, not 10^6.
RATIO = 100.0
QUANTITY_FLOOR = 1000.0


def _outsized(values: Sequence[float], floor: float) -> list[tuple[int, float]]:
    """(index, median) of each value out of all proportion to the others: above the floor
    and RATIO times the median of all (one pass: a cost sheet may have 200,000 lines; with
    four or more values one outlier barely moves the median)."""
    positive = [v for v in values if v > 0]
    if len(positive) < 4:
        return []
    median = statistics.median(positive)
    limit = max(floor, RATIO * median)
    return [(i, median) for i, v in enumerate(values) if v > limit]


def cost_issues(p: Parser, lines: Sequence[model.CostLine]) -> list[Issue]:
    """Quantities, durations and line amounts out of all proportion to the other lines."""
    out: list[Issue] = []
    for key, values in (("quantity", [x.quantity for x in lines]),
                        ("duration", [x.duration for x in lines])):
        col = schema.COSTS.column(key)
        for i, median in _outsized(values, QUANTITY_FLOOR):
            line = lines[i]
            out.append(warning(msg("implausible_value", col=col, value=values[i], median=median),
                               line.origin.sheet, p.cell_of(line.origin, key)))
    seen: dict[tuple[object, ...], int] = {}
    for line in lines:
        same = (line.group, line.code, line.description.strip(), line.unit_cost, line.quantity,
                line.duration, line.proration)
        if same in seen:
            out.append(warning(msg("duplicate_cost_line", row=str(seen[same])),
                               line.origin.sheet, line.origin.cell("A")))
        else:
            seen[same] = line.origin.row
    amounts = [x.amount for x in lines]
    total = sum(amounts)
    for i, _ in _outsized(amounts, 0.0):
        if amounts[i] > 0.9 * total:
            line = lines[i]
            out.append(warning(msg("implausible_line", amount=amounts[i],
                                   share=round(100 * amounts[i] / total)),
                               line.origin.sheet, p.cell_of(line.origin, "unit_cost")))
    return out


def roster_issues(p: Parser, groups: Sequence[model.Group],
                  learning: Sequence[model.LearningRow]) -> list[Issue]:
    """Participants in Groups that disagree with the number on the Learning roster."""
    table = p.table("groups")
    if table is None or not learning:
        return []
    rows = {schema.normalise(str(r.value("group"))): r for r in table.rows if r.value("group")}
    out: list[Issue] = []
    for g in groups:
        row = rows.get(schema.normalise(g.name))
        listed = sum(1 for r in learning if r.group == g.name)
        if row is not None and g.participants is not None and listed \
                and listed != g.participants:
            out.append(warning(msg("roster_mismatch", group=g.name, participants=g.participants,
                                   listed=listed), table.name,
                               p.ref(table, row, "participants")))
    return out
