"""The Costs sheet: one cost line per row (unit cost x quantity x duration x proration)."""

from __future__ import annotations

from roti_excel import model
from roti_excel.reading.parser import Parser, or_default


def read_costs(p: Parser) -> tuple[model.CostLine, ...]:
    out: list[model.CostLine] = []
    for table, row, v, _ in p.rows("costs"):
        if v["code"] is None or v["unit_cost"] is None:
            continue
        out.append(model.CostLine(
            v["code"], v["unit_cost"], or_default(v["quantity"], 1.0),
            or_default(v["duration"], 1.0), or_default(v["proration"], 1.0),
            p.group(table, row, v["group"]), v["description"], p.origin(table, row)))
    return tuple(out)
