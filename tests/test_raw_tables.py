"""roti_excel.reading.raw_tables: workbook -> raw tables whose every value remembers its
sheet and A1 cell."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import xlsxwriter

from roti_excel import schema
from roti_excel.issues import error
from roti_excel.reading.raw_tables import (
    HEADER_SEARCH_ROWS,
    Cell,
    RawRow,
    RawTable,
    clean,
    read_workbook,
)

if TYPE_CHECKING:
    from tests.conftest import GridWorkbook

Rows = list[list[Any]]  # a sheet's cells, row by row
COSTS_HEADER = ["Group", "Code", "Description", "Unit cost", "Quantity"]


def costs_grid(*rows: list[Any], title_rows: int = 1) -> Rows:
    titles: Rows = [[f"Costs (title row {t + 1})"] for t in range(title_rows)]
    return [*titles, COSTS_HEADER, *rows]


def cells(row: RawRow, *keys: str) -> list[Cell | None]:
    return [row.get(k) for k in keys]


class TestHeaderRow:
    @pytest.mark.parametrize("title_rows", [0, 1, 3])
    def test_found_below_title_rows(self, grid_workbook: GridWorkbook,
                                    title_rows: int) -> None:
        """Title and instruction rows above the header are skipped; data starts below it."""
        grid = costs_grid(["", "TM", "Books", 100_000, 30], title_rows=title_rows)
        book = read_workbook(grid_workbook({"Costs": grid}))
        table = book.tables["costs"]
        assert table.header_row == title_rows + 1
        assert [r.number for r in table.rows] == [title_rows + 2]
        assert book.issues == []

    def test_row_naming_most_columns_wins(self, grid_workbook: GridWorkbook) -> None:
        """A title row that happens to name one column (Description) is not the header;
        the row naming the most columns is."""
        grid: Rows = [["Description"], ["Code", "Description", "Unit cost"], ["TM", "Books", 5]]
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        assert table.header_row == 2
        assert table.columns == {"code": 0, "description": 1, "unit_cost": 2}
        assert [r.number for r in table.rows] == [3]

    def test_searched_down_to_the_limit(self, grid_workbook: GridWorkbook) -> None:
        """A header on the last row searched (HEADER_SEARCH_ROWS) is found."""
        grid: Rows = [[f"note {r}"] for r in range(HEADER_SEARCH_ROWS - 1)]
        grid += [["Code", "Unit cost"], ["TM", 5]]
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        assert table.header_row == HEADER_SEARCH_ROWS
        assert [r.number for r in table.rows] == [HEADER_SEARCH_ROWS + 1]

    def test_header_below_the_limit_is_not_found(self, grid_workbook: GridWorkbook) -> None:
        """A header below the searched rows is not found: no table, and an error at A1
        that names the required columns."""
        grid: Rows = [[f"note {r}"] for r in range(HEADER_SEARCH_ROWS)]
        grid += [["Code", "Unit cost"], ["TM", 5]]
        book = read_workbook(grid_workbook({"Costs": grid}))
        assert "costs" not in book.tables
        assert book.issues == [error(
            "no header row found; put the column names (Code, Unit cost) in one row near "
            "the top", "Costs", "A1")]

    def test_numbers_do_not_make_a_header(self, grid_workbook: GridWorkbook) -> None:
        """Only text cells can be column names: a sheet of numbers has no header."""
        book = read_workbook(grid_workbook({"Costs": [[1, 2, 3], [4, 5, 6]]}))
        assert "costs" not in book.tables
        assert [(i.sheet, i.cell) for i in book.issues] == [("Costs", "A1")]


class TestHeaderSpellings:
    def test_english(self, grid_workbook: GridWorkbook) -> None:
        """English column names map to the schema keys, by position."""
        table = read_workbook(grid_workbook({"Costs": costs_grid()})).tables["costs"]
        assert table.columns == {"group": 0, "code": 1, "description": 2, "unit_cost": 3,
                                 "quantity": 4}

    def test_indonesian_sheet_and_columns(self, grid_workbook: GridWorkbook) -> None:
        """An Indonesian tab and headers read as the same sheet; the tab keeps its name."""
        grid: Rows = [["Kode", "Biaya satuan", "Jumlah", "Durasi", "Proporsi", "Kelompok"],
                      ["TM", 5, 1, 1, 1, ""]]
        book = read_workbook(grid_workbook({"Biaya": grid}))
        table = book.tables["costs"]
        assert table.name == "Biaya"
        assert table.sheet is schema.COSTS
        assert table.columns == {"code": 0, "unit_cost": 1, "quantity": 2, "duration": 3,
                                 "proration": 4, "group": 5}

    def test_mixed_case_spaces_units_and_aliases(self, grid_workbook: GridWorkbook) -> None:
        """Languages mix in one row; case, repeated or non-breaking spaces, a trailing unit
        in brackets and the listed aliases are ignored or accepted."""
        grid: Rows = [["  KODE ", "Unit   cost (IDR)", "qty [pcs]", "Durasi\u00a0(hari)",
                       "Proration (%)", "Keterangan"], ["TM", 5, 1, 1, 1, "x"]]
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        assert table.columns == {"code": 0, "unit_cost": 1, "quantity": 2, "duration": 3,
                                 "proration": 4, "description": 5}

    def test_own_name_beats_another_columns_alias(self, grid_workbook: GridWorkbook) -> None:
        """On Measures, `Unit` is the Unit column even though Group has the alias 'unit'."""
        grid = [["Group", "Measure", "Unit", "Better when", "Isolation"],
                ["", "Working time", "hours", "lower", "none"]]
        table = read_workbook(grid_workbook({"Measures": grid})).tables["measures"]
        assert table.columns["unit"] == 2
        assert table.columns["group"] == 0

    def test_first_of_two_headers_for_a_column_is_used(self,
                                                       grid_workbook: GridWorkbook) -> None:
        """Two headers naming one column (Unit cost, Biaya satuan): the leftmost is read."""
        grid: Rows = [["Code", "Unit cost", "Biaya satuan"], ["TM", 5, 7]]
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        assert table.columns == {"code": 0, "unit_cost": 1}
        assert table.rows[0].value("unit_cost") == 5.0


class TestCellReferences:
    def test_every_value_remembers_its_cell(self, grid_workbook: GridWorkbook) -> None:
        """Each data value comes with its A1 reference: column letter and sheet row."""
        grid = costs_grid(["Maker", "TM", "Books", 100_000, 30],
                          ["", "C", "Lunch", 77_000, ""])
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        first, second = table.rows
        assert (first.number, second.number) == (3, 4)
        assert cells(first, "group", "code", "unit_cost", "quantity") == [
            Cell("Maker", "A3"), Cell("TM", "B3"), Cell(100_000.0, "D3"), Cell(30.0, "E3")]
        assert cells(second, "group", "quantity") == [Cell(None, "A4"), Cell(None, "E4")]
        assert [second.ref(k) for k in ("code", "description", "unit_cost")] == [
            "B4", "C4", "D4"]

    def test_table_away_from_a1(self, grid_workbook: GridWorkbook) -> None:
        """A table that starts in column C, row 4 gives references where its cells are."""
        grid: Rows = [[], ["Costs"], [],
                      ["", "", "Code", "", "Unit cost"],
                      ["", "", "TM", "", 5]]
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        assert table.header_row == 4
        assert table.columns == {"code": 2, "unit_cost": 4}
        (row,) = table.rows
        assert cells(row, "code", "unit_cost") == [Cell("TM", "C5"), Cell(5.0, "E5")]

    def test_columns_past_z(self, grid_workbook: GridWorkbook) -> None:
        """Columns after Z get two letters (AA, AB, ...), in references and letters()."""
        header: list[Any] = [None] * 27 + ["Unit cost"]
        header[0] = "Code"
        data: list[Any] = [None] * 27 + [5]
        data[0] = "TM"
        table = read_workbook(grid_workbook({"Costs": [header, data]})).tables["costs"]
        assert table.rows[0].get("unit_cost") == Cell(5.0, "AB2")
        assert [table.letters(c) for c in (0, 25, 26, 27, 701, 702)] == [
            "A", "Z", "AA", "AB", "ZZ", "AAA"]

    def test_extra_cells_remember_their_cell(self, grid_workbook: GridWorkbook) -> None:
        """On a sheet with open columns, each extra value has its reference too."""
        grid: Rows = [["Reaction"], ["Session", "P1", "P2"], ["A", 4, ""]]
        (row,) = read_workbook(grid_workbook({"Reaction": grid})).tables["reaction"].rows
        assert row.extra == {"P1": Cell(4.0, "B3"), "P2": Cell(None, "C3")}


class TestRows:
    def test_blank_rows_are_skipped_and_numbers_kept(self, grid_workbook: GridWorkbook) -> None:
        """Empty rows and rows of only spaces are not data; the rows that are keep their
        spreadsheet numbers."""
        grid = costs_grid(["", "TM", "", 5, ""], [], ["  ", "", " ", None, "\t"],
                          ["", "C", "", 7, ""], [], [])
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        assert [r.number for r in table.rows] == [3, 6]
        assert [r.value("code") for r in table.rows] == ["TM", "C"]

    def test_row_filled_only_outside_the_table_is_skipped(
            self, grid_workbook: GridWorkbook) -> None:
        """A note in a column that is not read does not make a data row."""
        grid: Rows = [["Code", "Unit cost", "Supplier"], ["TM", 5, "Gramedia"],
                      ["", "", "note only"], [None, None, None, None, "far note"]]
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        assert [r.number for r in table.rows] == [2]

    def test_row_with_one_filled_column_counts(self, grid_workbook: GridWorkbook) -> None:
        """A row with any read column filled is data, so its blanks can be reported."""
        grid: Rows = [["Code", "Unit cost", "Quantity"], ["", "", 3]]
        (row,) = read_workbook(grid_workbook({"Costs": grid})).tables["costs"].rows
        assert (row.value("code"), row.value("unit_cost"), row.value("quantity")) == (
            None, None, 3.0)

    def test_values_are_typed_and_cleaned(self, grid_workbook: GridWorkbook) -> None:
        """Numbers read as floats, dates as dates, booleans as booleans; text is stripped
        and text of only spaces is blank."""
        grid: Rows = [["Session", "Date", "Trainer", "Respondent", "Weight"],
                      ["  Batch 1  ", dt.date(2010, 3, 15), "   ", True, 2]]
        (row,) = read_workbook(grid_workbook({"Reaction": grid})).tables["reaction"].rows
        values = [row.value(k) for k in ("session", "date", "trainer", "respondent",
                                          "weight")]
        assert values == ["Batch 1", dt.date(2010, 3, 15), None, True, 2.0]
        assert [type(v) for v in values] == [str, dt.date, type(None), bool, float]

    def test_formulas_are_not_evaluated(self, tmp_path: Path) -> None:
        """A formula cell reads as the value stored with it, never as a recalculation."""
        path = tmp_path / "formula.xlsx"
        wb = xlsxwriter.Workbook(str(path))
        ws = wb.add_worksheet("Costs")
        ws.write_row(0, 0, ["Code", "Unit cost", "Quantity"])
        ws.write_row(1, 0, ["TM", 5])
        ws.write_formula(1, 2, "=1+1", None, 7)  # stored result 7, evaluates to 2
        wb.close()
        (row,) = read_workbook(path).tables["costs"].rows
        assert row.get("quantity") == Cell(7.0, "C2")

    def test_column_the_sheet_lacks(self, grid_workbook: GridWorkbook) -> None:
        """A schema column the sheet has no header for has no value and no cell."""
        (row,) = read_workbook(grid_workbook({"Costs": [["Code", "Unit cost"], ["TM", 5]]})
                               ).tables["costs"].rows
        assert row.value("quantity") is None
        assert row.get("quantity") is None

    def test_raw_values_as_read(self, grid_workbook: GridWorkbook) -> None:
        """raw() and raw_column() give values uncleaned, and "" past a row's end."""
        grid: Rows = [["Code", "Description", "Unit cost"], ["TM", "  Books  ", 5],
                      ["C", "", 7]]
        table = read_workbook(grid_workbook({"Costs": grid})).tables["costs"]
        first = table.rows[0]
        assert [first.raw(c) for c in (0, 1, 2, 50)] == ["TM", "  Books  ", 5.0, ""]
        assert table.raw_column(1) == ["  Books  ", ""]
        assert table.raw_column(2) == [5.0, 7.0]
        assert table.raw_column(2, table.rows[1:]) == [7.0]
        assert table.raw_column(9) == ["", ""]

    def test_raw_column_follows_added_rows(self) -> None:
        """A table built in memory: raw_column sees rows appended after an earlier call."""
        table = RawTable(schema.COSTS, "Costs", 1, {"code": 0}, {})
        table.rows.append(RawRow(table, 2, ["TM"]))
        assert table.raw_column(0) == ["TM"]
        table.rows.append(RawRow(table, 3, ["C", 4.0]))
        assert table.raw_column(0) == ["TM", "C"]
        assert table.raw_column(1) == ["", 4.0]


class TestSheets:
    def test_unknown_sheets_are_ignored_in_order(self, grid_workbook: GridWorkbook) -> None:
        """Sheets the schema does not know (Instructions, Lists, notes) are listed as
        ignored, in workbook order, and read as nothing."""
        path = grid_workbook({"Instructions": [["Code", "Unit cost"]],
                              "Costs": [["Code", "Unit cost"], ["TM", 5]],
                              "My notes": [["anything"]], "Lists": [["EC"]]})
        book = read_workbook(path)
        assert book.ignored_sheets == ["Instructions", "My notes", "Lists"]
        assert list(book.tables) == ["costs"]
        assert book.path == path

    def test_missing_optional_sheet(self, grid_workbook: GridWorkbook) -> None:
        """A sheet the workbook lacks is simply absent: no table and no issue."""
        book = read_workbook(grid_workbook({"Costs": [["Code", "Unit cost"], ["TM", 5]]}))
        assert "learning" not in book.tables
        assert "program" not in book.tables
        assert book.issues == []

    def test_sheet_without_rows(self, grid_workbook: GridWorkbook) -> None:
        """A sheet with a header and no data is a table with no rows."""
        table = read_workbook(grid_workbook({"Learning": [["Participant", "Post-test"]]})
                              ).tables["learning"]
        assert table.rows == []

    def test_sheet_named_twice(self, grid_workbook: GridWorkbook) -> None:
        """Two tabs for one sheet (Costs and Biaya): the first is read, and an error on the
        second says to keep one."""
        book = read_workbook(grid_workbook({
            "Costs": [["Code", "Unit cost"], ["TM", 5]],
            "Biaya": [["Kode", "Biaya satuan"], ["C", 7]]}))
        assert book.tables["costs"].name == "Costs"
        assert book.issues == [error(
            "sheets 'Costs' and 'Biaya' are both the Costs sheet; keep one", "Biaya")]

    def test_hidden_sheet_is_read_with_a_warning(self, grid_workbook: GridWorkbook) -> None:
        """A hidden sheet's data is used, and a warning says so and how to unhide it."""
        book = read_workbook(grid_workbook(  # a workbook's first sheet cannot be hidden
            {"Program": [["Field", "Value"]], "Costs": [["Code", "Unit cost"], ["TM", 5]]},
            hidden={"Costs"}))
        table = book.tables["costs"]
        assert table.hidden
        assert len(table.rows) == 1
        assert not book.tables["program"].hidden
        (issue,) = book.issues
        assert (issue.severity, issue.sheet, issue.cell) == ("warning", "Costs", None)
        assert issue.message.startswith("sheet 'Costs' is hidden; its data IS used. Unhide it")

    def test_very_hidden_sheet_says_so(self, grid_workbook: GridWorkbook) -> None:
        """A very hidden sheet (not listed under Unhide) is named as such in the warning."""
        book = read_workbook(grid_workbook(
            {"Program": [["Field", "Value"]], "Costs": [["Code", "Unit cost"], ["TM", 5]]},
            very_hidden={"Costs"}))
        assert book.tables["costs"].hidden
        assert not book.tables["program"].hidden
        (issue,) = book.issues
        assert issue.message.startswith(
            "sheet 'Costs' is very hidden (not listed under Unhide; a macro or the author "
            "hid it); its data IS used.")

    def test_hidden_unknown_sheet_is_quietly_ignored(self, grid_workbook: GridWorkbook) -> None:
        """A hidden sheet the schema does not know gives no warning."""
        book = read_workbook(grid_workbook(
            {"Costs": [["Code", "Unit cost"]], "Lists": [["EC"]]}, hidden={"Lists"}))
        assert book.ignored_sheets == ["Lists"]
        assert book.issues == []


class TestMissingColumns:
    def test_required_column_missing(self, grid_workbook: GridWorkbook) -> None:
        """A missing required column is an error naming it in both languages and the
        header row, at the cell right of the header; the rest is still read."""
        grid: Rows = [["Costs"], ["Code", "Quantity"], ["TM", 3]]
        book = read_workbook(grid_workbook({"Costs": grid}))
        assert book.issues == [error(
            "required column 'Unit cost' is missing; add a column headed 'Unit cost' (or "
            "'Biaya satuan') to the header row 2", "Costs", "C2")]
        table = book.tables["costs"]
        assert table.columns == {"code": 0, "quantity": 1}
        assert [r.value("quantity") for r in table.rows] == [3.0]

    def test_each_missing_required_column_is_named(self, grid_workbook: GridWorkbook) -> None:
        """Every missing required column gets its own error, in schema order."""
        grid = [["Participant", "Name"], ["1", "Ani"]]
        book = read_workbook(grid_workbook({"Learning": grid}))
        assert [i.message.split(";")[0] for i in book.issues] == [
            "required column 'Post-test' is missing"]
        grid = [["Measure", "Unit"], ["Time", "hours"]]
        book = read_workbook(grid_workbook({"Measures": grid}))
        assert [i.message.split(";")[0] for i in book.issues] == [
            "required column 'Better when' is missing", "required column 'Isolation' is missing"]

    def test_optional_column_missing_is_fine(self, grid_workbook: GridWorkbook) -> None:
        """Optional columns may be left out without an issue."""
        book = read_workbook(grid_workbook({"Costs": [["Code", "Unit cost"], ["TM", 5]]}))
        assert book.issues == []
        assert set(book.tables["costs"].columns) == {"code", "unit_cost"}


class TestUnknownColumns:
    def test_closed_sheet_ignores_them(self, grid_workbook: GridWorkbook) -> None:
        """On a sheet with fixed columns an unknown header is neither read nor reported."""
        grid: Rows = [["Code", "Supplier", "Unit cost"], ["TM", "Gramedia", 5]]
        book = read_workbook(grid_workbook({"Costs": grid}))
        table = book.tables["costs"]
        assert table.columns == {"code": 0, "unit_cost": 2}
        assert table.extra_columns == {}
        assert table.rows[0].extra == {}
        assert book.issues == []

    def test_open_sheet_keeps_them_by_header_text(self, grid_workbook: GridWorkbook) -> None:
        """On Reaction and Application, other headers (question codes) are kept by their
        text, as written."""
        grid: Rows = [["Group", "Session", "P1", " p2 ", "Comments"], ["", "A", 4, 5, "ok"]]
        table = read_workbook(grid_workbook({"Reaction": grid})).tables["reaction"]
        assert table.columns == {"group": 0, "session": 1}
        assert table.extra_columns == {"P1": 2, "p2": 3, "Comments": 4}

    def test_number_headers_become_text(self, grid_workbook: GridWorkbook) -> None:
        """Scale points typed as numbers (1, 2, 3) are headers '1', '2', '3'."""
        grid = [["Code", 1, 2, 3, 2.5], ["A1", 0, 4, 6, 1]]
        table = read_workbook(grid_workbook({"Application counts": grid})
                              ).tables["application_counts"]
        assert table.extra_columns == {"1": 1, "2": 2, "3": 3, "2.5": 4}
        assert table.rows[0].extra["3"] == Cell(6.0, "D2")

    def test_duplicate_open_column_is_an_error(self, grid_workbook: GridWorkbook) -> None:
        """The same open header twice is an error at the second; the first is read."""
        grid: Rows = [["Reaction"], ["Session", "P1", "P2", "P1"], ["A", 4, 5, 3]]
        book = read_workbook(grid_workbook({"Reaction": grid}))
        assert book.issues == [error("column 'P1' appears twice; keep one", "Reaction", "D2")]
        assert book.tables["reaction"].extra_columns == {"P1": 1, "P2": 2}

    def test_row_with_only_open_values_counts(self, grid_workbook: GridWorkbook) -> None:
        """A row that has only answers under question codes is a data row."""
        grid: Rows = [["Respondent", "A1", "A2"], ["", 3, ""], ["", "", ""]]
        table = read_workbook(grid_workbook({"Application": grid})).tables["application"]
        assert [r.number for r in table.rows] == [2]


class TestClean:
    @pytest.mark.parametrize(("raw", "value"), [
        ("  text  ", "text"), ("", None), ("   ", None), (None, None), (1.5, 1.5), (3, 3),
        (True, True), (dt.date(2011, 1, 31), dt.date(2011, 1, 31)),
        (dt.datetime(2011, 1, 31, 8), dt.datetime(2011, 1, 31, 8)),
        (dt.time(9, 30), dt.time(9, 30)), (dt.timedelta(hours=2), dt.timedelta(hours=2)),
        (Decimal("1.5"), "1.5"),
    ])
    def test_values(self, raw: Any, value: Any) -> None:
        """Text is stripped and blank text is None; known types pass; anything else
        becomes text."""
        assert clean(raw) == value

    @pytest.mark.parametrize(("value", "blank"), [
        (None, True), ("", True), (" \t", True), (0.0, False), (False, False), ("0", False),
    ])
    def test_cell_blank(self, value: Any, *, blank: bool) -> None:
        """A cell is blank when empty or only spaces; 0 and FALSE are values."""
        assert Cell(value, "A1").blank is blank


class TestBundledWorkbooks:
    def test_bundled_example_reads_every_sheet(self, bundled_example: Path) -> None:
        """The shipped English example has a table for every schema sheet, no issue, and
        ignores its Instructions and Lists sheets."""
        book = read_workbook(bundled_example)
        assert book.issues == []
        assert set(book.tables) == {s.key for s in schema.SHEETS}
        assert book.ignored_sheets == ["Instructions", "Lists"]
        for table in book.tables.values():
            assert table.name == table.sheet.en
            assert not table.hidden
            assert all(r.number > table.header_row for r in table.rows)

    def test_indonesian_example_reads_the_same(self, bundled_example: Path) -> None:
        """The Indonesian example (its sibling) has the same columns and rows under
        Indonesian tab names."""
        en = read_workbook(bundled_example)
        id_ = read_workbook(bundled_example.with_name("roti_example_id.xlsx"))
        assert id_.issues == []
        assert id_.tables["costs"].name == "Biaya"
        for key, table in en.tables.items():
            other = id_.tables[key]
            assert other.name == table.sheet.id, key
            assert other.columns == table.columns, key
            assert other.extra_columns == table.extra_columns, key
            assert [r.number for r in other.rows] == [r.number for r in table.rows], key

    def test_thesis_workbook_costs(self, thesis_workbook_path: Path) -> None:
        """The thesis workbook's Costs sheet: header in row 2 under a title, the first
        cost line in row 3, with its unit cost in D3."""
        book = read_workbook(thesis_workbook_path)
        assert book.issues == []
        assert book.ignored_sheets == []
        costs = book.tables["costs"]
        assert costs.header_row == 2
        assert costs.rows[0].number == 3
        assert costs.rows[0].get("unit_cost") == Cell(100_000.0, "D3")
        assert costs.rows[0].get("code") == Cell("TM", "B3")
