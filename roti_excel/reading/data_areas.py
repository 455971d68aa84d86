"""Data areas: what the guard saw in each sheet (merged ranges, formulas without a stored
value) judged against the tables the reader took from it.

A table's data area is its header row through its last data row, in its columns (the
schema columns found and, on open-column sheets, the extra ones). Inside it:

* a merged range is an error naming the ranges: only the first cell of a merged range
  holds the value, the others are read as blank;
* a formula with no stored value is an error naming the cells: the value read would be
  blank (files saved by a library such as openpyxl, which does not calculate).

Elsewhere a merged range changes nothing that is read and is not reported (on the sheets
the reader used or ignored); formula cells without a value keep the guard's warning, for
those cells only. So each cell is reported once: the guard's warnings that an error here
replaces are dropped, and so are the reader's complaints about a cell this module explains
(a blank read from a merged or uncomputed cell).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from roti_excel.a1 import a1, parse_a1, parse_range
from roti_excel.issues import Issue, error
from roti_excel.messages import msg
from roti_excel.reading.guard import GuardResult, SheetFacts
from roti_excel.reading.guard.common import SHOWN, listed
from roti_excel.reading.guard.sheetscan import merged_warning, uncomputed_warning
from roti_excel.reading.raw_tables import RawTable, RawWorkbook

Box = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first col), (last row, last col))

# Cells of merged ranges remembered per sheet to drop the reader's issues about them; past
# this (a hostile file), those issues are shown too, which costs nothing but repetition.
_BLIND_CELLS = 100_000


@dataclass(frozen=True)
class Area:
    """A table's data area, 0-based: header row through last data row, in its columns."""

    first_row: int
    last_row: int
    columns: frozenset[int]

    @classmethod
    def of(cls, table: RawTable) -> Area:
        # row numbers are 1-based (as shown in Excel), column indices 0-based
        last = max((row.number for row in table.rows), default=table.header_row)
        columns = (*table.columns.values(), *table.extra_columns.values())
        return cls(table.header_row - 1, last - 1, frozenset(columns))

    def holds(self, row: int, col: int) -> bool:
        return self.first_row <= row <= self.last_row and col in self.columns

    def meets(self, box: Box) -> bool:
        (r1, c1), (r2, c2) = box
        return (r1 <= self.last_row and r2 >= self.first_row
                and any(c1 <= col <= c2 for col in self.columns))


def _box(ref: str) -> Box | None:
    bounds = parse_range(ref)
    if bounds is None:
        return None
    (r1, c1), (r2, c2) = bounds
    return (min(r1, r2), min(c1, c2)), (max(r1, r2), max(c1, c2))


@dataclass
class _Findings:
    """What the check decided: guard warnings to drop, issues to add, and per sheet the
    cells read as blank that it reported (the reader's issues about them are dropped):
    uncomputed formula cells, and the table's cells in merged ranges but their first."""

    dropped: set[Issue] = field(default_factory=set)
    added: list[Issue] = field(default_factory=list)
    blind: dict[str, set[tuple[int, int]]] = field(default_factory=dict)

    def explains(self, issue: Issue) -> bool:
        """Whether `issue` is about a cell read as blank that this check reported."""
        cells = self.blind.get(issue.sheet or "")
        if not cells or issue.cell is None:
            return False
        return parse_a1(issue.cell) in cells


def check_areas(guarded: GuardResult, book: RawWorkbook, issues: Iterable[Issue]) -> list[Issue]:
    """Every issue of the guard and of the reader (`issues`, from parsing `book`), with
    merged ranges and uncomputed formulas judged by where they are: errors inside a table's
    data area, each cell reported once."""
    tables = {table.name: table for table in book.tables.values()}
    ignored = set(book.ignored_sheets)
    found = _Findings()
    for facts in guarded.sheets:
        table = tables.get(facts.name)
        area = Area.of(table) if table is not None else None
        if facts.merged and (area is not None or facts.name in ignored):
            _merged(facts, area, found)
        if facts.uncomputed and area is not None:
            _uncomputed(facts, area, found)
        if facts.errors and area is not None:
            _error_cells(facts, area, found)
        if facts.hidden_rows and area is not None:
            _hidden_rows(facts, area, found)
        if facts.aggregates and area is not None:
            _aggregate_rows(facts, area, found)
    kept = [issue for issue in guarded.issues if issue not in found.dropped]
    others = [issue for issue in issues if not found.explains(issue)
              and not _same_total_row(issue, found.added)]
    return [*kept, *found.added, *others]


def _row_of(issue: Issue) -> tuple[str | None, int | None]:
    cell = parse_a1(issue.cell or "")
    return issue.sheet, cell[0] if cell else None


def _same_total_row(issue: Issue, added: list[Issue]) -> bool:
    """A total row found by its label and by its formula is reported once (by formula)."""
    if issue.key != "total_row":
        return False
    return any(a.key == "total_formula_row" and _row_of(a) == _row_of(issue) for a in added)


def _merged(facts: SheetFacts, area: Area | None, found: _Findings) -> None:
    """Merged ranges on a sheet the reader used or ignored: the guard's warning is replaced
    by an error for the ranges in the table, and by nothing for the others."""
    found.dropped.add(merged_warning(facts.name, facts.merged))
    if area is None:
        return
    inside: list[str] = []
    blind = found.blind.setdefault(facts.name, set())
    for ref in facts.merged:
        box = _box(ref)
        if box is not None and area.meets(box):
            inside.append(ref)
            (r1, c1), (r2, c2) = box
            rows = range(max(r1, area.first_row), min(r2, area.last_row) + 1)
            cols = [col for col in sorted(area.columns) if c1 <= col <= c2]
            if len(blind) + len(rows) * len(cols) <= _BLIND_CELLS:
                blind.update((r, c) for r in rows for c in cols if (r, c) != (r1, c1))
    if not inside:
        return
    first = inside[0].split(":")[0]
    found.added.append(error(
        msg("merged_in_data", cells=listed(inside[:SHOWN], len(inside)),
            first=str(area.first_row + 1), last=str(area.last_row + 1)),
        facts.name, first if parse_a1(first) else None))


def _uncomputed(facts: SheetFacts, area: Area, found: _Findings) -> None:
    """Formula cells without a value: an error for those in the table; the guard's warning
    kept for the others only."""
    inside: list[str] = []
    outside: list[str] = []
    for ref in facts.uncomputed:
        cell = parse_a1(ref)
        (inside if cell is not None and area.holds(*cell) else outside).append(ref)
    if not inside:
        return
    found.dropped.add(uncomputed_warning(facts.name, facts.uncomputed, facts.uncomputed_total))
    found.blind.setdefault(facts.name, set()).update(
        cell for cell in map(parse_a1, inside) if cell is not None)
    key = "uncomputed_one" if len(inside) == 1 else "uncomputed_many"
    found.added.append(error(msg(key, cells=listed(inside[:SHOWN], len(inside))),
                             facts.name, inside[0]))
    # Cells past the ones the guard remembers are counted with the others: when every
    # remembered one is in the table, the error's advice covers them too.
    rest = facts.uncomputed_total - len(inside)
    if outside and rest > 0:
        found.added.append(uncomputed_warning(facts.name, outside, rest))



def _error_cells(facts: SheetFacts, area: Area, found: _Findings) -> None:
    """Cells of the table holding a spreadsheet error (#DIV/0!, #REF!, ...): an error
    naming each, since the reader would see them blank; elsewhere on the sheet they are
    not read and do not matter."""
    located = [(ref, shown, parse_a1(ref)) for ref, shown in facts.errors]
    inside = [(ref, shown, cell) for ref, shown, cell in located
              if cell is not None and area.holds(*cell)]
    if not inside:
        return
    found.blind.setdefault(facts.name, set()).update(cell for _, _, cell in inside)
    shown = [f"{ref} ({value})" for ref, value, _ in inside]
    key = "error_cells_one" if len(inside) == 1 else "error_cells_many"
    found.added.append(error(msg(key, cells=listed(shown[:SHOWN], len(inside))),
                             facts.name, inside[0][0]))


def _hidden_rows(facts: SheetFacts, area: Area, found: _Findings) -> None:
    """Hidden rows inside a table's data: read like the others, so an unused quote hidden
    under the cost lines would be counted unseen. An error naming them; hidden rows
    elsewhere on the sheet are not read and do not matter."""
    inside = [row for row in facts.hidden_rows if area.first_row <= row - 1 <= area.last_row]
    if not inside:
        return
    shown = [str(row) for row in inside]
    key = "hidden_rows_one" if len(inside) == 1 else "hidden_rows_many"
    found.added.append(error(
        msg(key, rows=listed(shown[:SHOWN], len(inside)),
            first=str(area.first_row + 1), last=str(area.last_row + 1)),
        facts.name, a1(inside[0] - 1, 0)))


def _aggregate_rows(facts: SheetFacts, area: Area, found: _Findings) -> None:
    """A SUM, AVERAGE or SUBTOTAL formula inside a table's data: a total row, read as one
    more line (costs counted twice, one respondent too many) even when its label cell says
    nothing. An error per row, at its formula."""
    rows: dict[int, str] = {}
    for ref in facts.aggregates:
        cell = parse_a1(ref)
        if cell is not None and area.holds(*cell) and cell[0] not in rows:
            rows[cell[0]] = ref
    for row, ref in sorted(rows.items()):
        found.added.append(error(msg("total_formula_row", row=str(row + 1), cell=ref),
                                 facts.name, ref))


__all__ = ["Area", "check_areas"]
