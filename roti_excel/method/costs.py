"""Fully loaded costs: line amounts, TRD / TRI / TR per group, shared costs allocated."""

from __future__ import annotations

import math
from dataclasses import dataclass

from roti_excel.model import CostLine, Evaluation
from roti_excel.schema import DIRECT_CODE_KEYS


def is_direct(code: str) -> bool:
    return code in DIRECT_CODE_KEYS


@dataclass(frozen=True)
class CostTotals:
    """TRD, TRI and TR of one group (own lines plus its share of shared lines) or of all."""

    name: str
    own_direct: float
    own_indirect: float
    shared_direct: float
    shared_indirect: float
    share: float  # fraction of the shared costs carried (1 for the total)

    @property
    def direct(self) -> float:
        return self.own_direct + self.shared_direct

    @property
    def indirect(self) -> float:
        return self.own_indirect + self.shared_indirect

    @property
    def total(self) -> float:
        return self.direct + self.indirect


@dataclass(frozen=True)
class CostSummary:
    lines: tuple[CostLine, ...]
    groups: tuple[CostTotals, ...]
    total: CostTotals
    allocation_basis: str  # "participants", "equal" or "" (no groups / no shared costs)
    codes_present: frozenset[str]

    def by_code(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for line in self.lines:
            out[line.code] = out.get(line.code, 0.0) + line.amount
        return out


def _sum(lines: list[CostLine], *, direct: bool) -> float:
    return math.fsum(line.amount for line in lines if is_direct(line.code) == direct)


def allocation_shares(ev: Evaluation) -> tuple[dict[str, float], str]:
    """Each group's share of the shared (blank-group) costs: by participants when every
    group states them, otherwise equal shares."""
    groups = ev.groups
    if not groups:
        return {}, ""
    counts = [g.participants for g in groups]
    if all(c is not None for c in counts) and math.fsum(c or 0 for c in counts) > 0:
        total = math.fsum(c or 0 for c in counts)
        return {g.name: (g.participants or 0) / total for g in groups}, "participants"
    return {g.name: 1 / len(groups) for g in groups}, "equal"


def compute(ev: Evaluation) -> CostSummary:
    lines = list(ev.costs)
    shared = [line for line in lines if line.group is None]
    shares, basis = allocation_shares(ev)
    shared_d, shared_i = _sum(shared, direct=True), _sum(shared, direct=False)
    groups = tuple(
        CostTotals(g.name, _sum(own := [x for x in lines if x.group == g.name], direct=True),
                   _sum(own, direct=False), shared_d * shares[g.name],
                   shared_i * shares[g.name], shares[g.name])
        for g in ev.groups)
    grouped = [x for x in lines if x.group is not None]
    total = CostTotals("total", _sum(grouped, direct=True), _sum(grouped, direct=False),
                       shared_d, shared_i, 1.0)
    return CostSummary(tuple(lines), groups, total, basis if shared else "",
                       frozenset(line.code for line in lines))
