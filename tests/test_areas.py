"""Data areas: merged ranges and formulas without a stored value judged by where they are
(roti_excel.reading.data_areas, after the reader), and the guard facts they rely on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from roti_excel import load
from roti_excel.issues import Issue
from roti_excel.reading.guard import inspect_file
from tests.hostile import COSTS_SHEET, merged_unit_cost, replace, thesis_changed

MERGE = b'</sheetData><mergeCells count="1"><mergeCell ref="%s"/></mergeCells>'


def loaded_issues(tmp_path: Path, change: dict[str, Callable[[bytes], bytes]]) -> list[Issue]:
    path = tmp_path / "input.xlsx"
    thesis_changed(change)(path, tmp_path / "scratch")
    return load(path).issues


def costs_issues(issues: list[Issue]) -> list[tuple[str, str | None, str]]:
    return [(i.severity, i.cell, i.message) for i in issues if i.sheet == "Costs"]


def merged_at(ref: bytes) -> dict[str, Callable[[bytes], bytes]]:
    return {COSTS_SHEET: replace(b"</sheetData>", MERGE % ref)}


class TestMergedCells:
    def test_merged_header_cells_are_an_error(self, tmp_path: Path) -> None:
        """A merged range in the header row is in the data area: an error naming it."""
        issues = costs_issues(loaded_issues(tmp_path, merged_at(b"D2:E2")))
        assert [(s, c) for s, c, _ in issues] == [("error", "D2")]
        assert "merged cells D2:E2 in the data" in issues[0][2]
        assert "unmerge them (Home > Merge & Center off) and fill each cell" in issues[0][2]

    def test_blank_read_from_a_merged_cell_is_not_reported_again(self, tmp_path: Path) -> None:
        """D4:D5 merged as Excel leaves it (D5 emptied): the merged error only, not also
        'Unit cost is empty' for D5."""
        issues = costs_issues(loaded_issues(tmp_path, {COSTS_SHEET: merged_unit_cost}))
        assert [(s, c) for s, c, _ in issues] == [("error", "D4")]

    def test_several_ranges_named_in_one_error(self, tmp_path: Path) -> None:
        """Ranges inside the table are listed in one message; one outside is left out."""
        change = {COSTS_SHEET: replace(
            b"</sheetData>", b'</sheetData><mergeCells count="3"><mergeCell ref="A1:F1"/>'
            b'<mergeCell ref="B7:B8"/><mergeCell ref="E10:F10"/></mergeCells>')}
        issues = costs_issues(loaded_issues(tmp_path, change))
        assert len(issues) == 1
        assert "merged cells B7:B8, E10:F10 in the data" in issues[0][2]

    def test_merged_beside_the_table_is_not_reported(self, tmp_path: Path) -> None:
        """A range in a column the table does not use (H), in its rows, is not reported."""
        assert costs_issues(loaded_issues(tmp_path, merged_at(b"H3:I4"))) == []

    def test_merged_below_the_last_row_is_not_reported(self, tmp_path: Path) -> None:
        """Below the last data row (18) a merged range changes nothing read."""
        assert costs_issues(loaded_issues(tmp_path, merged_at(b"A20:F20"))) == []

    def test_merged_on_a_sheet_the_reader_ignores(self, tmp_path: Path) -> None:
        """Merged cells on a sheet the reader does not read (Instructions) raise nothing."""
        path = tmp_path / "instructions.xlsx"
        book = xlsxwriter.Workbook(str(path))
        book.add_worksheet("Instructions").merge_range("A1:F3", "How to fill this workbook")
        book.close()
        assert inspect_file(path).sheets[0].merged == ("A1:F3",)
        issues = load(path).issues
        assert issues  # the required sheets are missing
        assert not any("merged" in i.message for i in issues)


class TestUncomputedFormulas:
    def test_inside_and_outside_reported_once_each(self, tmp_path: Path) -> None:
        """D4 (Unit cost) is an error; H3 (beside the table) keeps a warning naming only
        H3; the guard's warning naming both is gone, and so is the reader's 'Unit cost is
        empty' for D4."""
        change = {COSTS_SHEET: lambda xml: replace(
            b'<c r="F3"><v>1</v></c></row>',
            b'<c r="F3"><v>1</v></c><c r="H3"><f>D3*E3</f></c></row>')(replace(
                b'<c r="D4"><v>77000</v></c>', b'<c r="D4"><f>1000*77</f></c>')(xml))}
        issues = costs_issues(loaded_issues(tmp_path, change))
        assert [(s, c) for s, c, _ in issues] == [("error", "D4"), ("warning", "H3")]
        assert issues[0][2].startswith("formula in D4 has no stored value")
        assert "so the values are calculated" in issues[0][2]
        assert issues[1][2].startswith("formula in H3 has no stored value")

    def test_empty_value_is_uncomputed_unless_text(self, tmp_path: Path) -> None:
        """openpyxl writes <v/> (or <v></v>) for every formula: no value. Excel writes a
        formula giving "" as t="str" with an empty <v>: a value."""
        cells = (b'<row r="20"><c r="A20"><f>1+1</f><v/></c><c r="B20"><f>2+2</f><v></v></c>'
                 b'<c r="C20" t="str"><f>""</f><v></v></c><c r="D20" t="n"><f>3</f><v />'
                 b"</c></row>")
        path = tmp_path / "input.xlsx"
        thesis_changed({COSTS_SHEET: replace(b"</sheetData>", cells + b"</sheetData>")})(
            path, tmp_path / "scratch")
        costs = inspect_file(path).sheets[2]
        assert costs.name == "Costs"
        assert (costs.uncomputed, costs.uncomputed_total) == (("A20", "B20", "D20"), 3)

    def test_cells_remembered_are_capped(self, tmp_path: Path) -> None:
        """At most 10,000 cells are kept per sheet; all are counted."""
        rows = b"".join(b'<row r="%d"><c r="H%d"><f>1</f></c></row>' % (r, r)
                        for r in range(20, 10_021))
        path = tmp_path / "input.xlsx"
        thesis_changed({COSTS_SHEET: replace(b"</sheetData>", rows + b"</sheetData>")})(
            path, tmp_path / "scratch")
        costs = inspect_file(path).sheets[2]
        assert len(costs.uncomputed) == 10_000
        assert costs.uncomputed_total == 10_001
        warning = next(i for i in load(path).issues if "no stored value" in i.message)
        assert warning.severity == "warning"
        assert "(and 9,996 more)" in warning.message



class TestErrorCells:
    def test_error_in_the_table_is_an_error_at_its_cell(self, tmp_path: Path) -> None:
        """Quantity 30 shown as #DIV/0! (calamine reads it blank, and a blank Quantity is 1):
        an error naming the cell and what it shows, never a silent default."""
        issues = costs_issues(loaded_issues(tmp_path, {COSTS_SHEET: replace(
            b'<c r="E3"><v>30</v></c>', b'<c r="E3" t="e"><f>A9/0</f><v>#DIV/0!</v></c>')}))
        assert issues == [("error", "E3", "cell E3 (#DIV/0!) holds a spreadsheet error "
                           "instead of a value; correct the formula or type the value, then "
                           "save again")]

    def test_error_outside_the_table_is_not_read_and_not_reported(self, tmp_path: Path) -> None:
        """An error in a cell no table reads changes nothing."""
        issues = costs_issues(loaded_issues(tmp_path, {COSTS_SHEET: replace(
            b'<c r="E3"><v>30</v></c>',
            b'<c r="E3"><v>30</v></c><c r="Z3" t="e"><v>#REF!</v></c>')}))
        assert issues == []

    def test_guard_lists_error_cells(self, tmp_path: Path) -> None:
        """The guard's facts carry each error cell with the error it shows."""
        path = tmp_path / "input.xlsx"
        thesis_changed({COSTS_SHEET: replace(
            b'<c r="E3"><v>30</v></c>', b"<c r='E3' t = 'e'><v>#N/A</v></c>")})(
            path, tmp_path / "scratch")
        costs = next(s for s in inspect_file(path).sheets if s.name == "Costs")
        assert costs.errors == (("E3", "#N/A"),)


class TestHiddenRows:
    def test_hidden_row_in_the_table_is_an_error(self, tmp_path: Path) -> None:
        """An unused quote hidden under the cost lines would be counted unseen: an error
        naming the row and how to unhide it."""
        issues = costs_issues(loaded_issues(tmp_path, {COSTS_SHEET: replace(
            b'<row r="5" ', b'<row r="5" hidden="1" ')}))
        assert [(s, c) for s, c, _ in issues] == [("error", "A5")]
        assert issues[0][2].startswith("row 5 is hidden inside the table (header row 2 to row")
        assert "right-click > Unhide" in issues[0][2]

    def test_hidden_row_below_the_table_is_not_read(self, tmp_path: Path) -> None:
        """A hidden empty row far below the data changes nothing."""
        issues = costs_issues(loaded_issues(tmp_path, {COSTS_SHEET: replace(
            b"</sheetData>", b'<row r="900" hidden="1"/></sheetData>')}))
        assert issues == []
