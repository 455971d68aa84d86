"""roti_excel.reading.cell_values: one raw cell -> a typed value by its schema column, or an
issue naming the sheet, the cell, what was found and what to enter."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roti_excel import schema
from roti_excel.issues import Issue, error
from roti_excel.reading.cell_values import CellAt, Converter
from roti_excel.reading.raw_tables import Cell, RawRow, RawTable, read_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import GridWorkbook

UNIT_COST = schema.COSTS.column("unit_cost")  # NONNEGATIVE, required, example 1500000
QUANTITY = schema.COSTS.column("quantity")  # NONNEGATIVE, default 1
PRORATION = schema.COSTS.column("proration")  # FRACTION, default 100 %
CODE = schema.COSTS.column("code")  # CHOICE of cost codes, required
DESCRIPTION = schema.COSTS.column("description")  # TEXT
VALUE_PER_UNIT = schema.MEASURES.column("value_per_unit")  # NUMBER, example 7291.67
CONTROL_BEFORE = schema.IMPACT.column("control_before")  # NUMBER, no example
BEFORE = schema.IMPACT.column("before")  # NUMBER, required, blank allowed
BEFORE_PERIOD = schema.IMPACT.column("before_period")  # PERIOD
WEIGHT = schema.REACTION.column("weight")  # POSITIVE, default 1
DATE = schema.REACTION.column("date")  # DATE, example 2010-03-15
CONTRIBUTION = schema.ESTIMATES.column("contribution")  # FRACTION, required, example 60%
STATUS = schema.LEARNING.column("status")  # CHOICE, optional, no default
POST_TEST = schema.LEARNING.column("post_test")  # NONNEGATIVE, required, blank allowed
LEVEL = schema.QUESTIONS.column("level")  # CHOICE 1 or 3
QUESTION_CODE = schema.QUESTIONS.column("code")  # TEXT, required, example P1
FIELDS = {f.key: f for f in schema.PROGRAM_FIELDS}


def convert(col: schema.Column, value: Any, sheet: str = "Sheet",
            ref: str = "D7") -> tuple[Any, list[Issue]]:
    """The value and issues of one cell through the cell-by-cell path."""
    issues: list[Issue] = []
    got = Converter(sheet, issues).value(col, CellAt(Cell(value, ref)))
    return got, issues


def ok(col: schema.Column, value: Any) -> Any:
    got, issues = convert(col, value)
    assert issues == []
    return got


def message(col: schema.Column, value: Any) -> str:
    got, issues = convert(col, value)
    assert got is None
    assert len(issues) == 1
    assert issues[0].severity == "error"
    return issues[0].message


def one_column_table(col: schema.Column, raw: list[Any], *, sheet: schema.Sheet = schema.COSTS,
                     index: int = 3, name: str = "Sheet") -> RawTable:
    """A table with `col` at the 0-based `index`, header in row 2, one data row per raw
    value (values as the reader gives them: "" for an empty cell)."""
    table = RawTable(sheet, name, 2, {col.key: index}, {})
    for number, value in enumerate(raw, start=3):
        table.rows.append(RawRow(table, number, [""] * index + [value]))
    return table


def both_paths(col: schema.Column, table: RawTable, index: int = 3
               ) -> tuple[tuple[list[Any], list[Issue]], tuple[list[Any], list[Issue]]]:
    """(values, issues) column-wise and cell by cell (each row, as a Located)."""
    by_column: list[Issue] = []
    column = Converter(table.name, by_column).column(col, table, index)
    by_cell: list[Issue] = []
    conv = Converter(table.name, by_cell)
    cells = [conv.value(col, row) for row in table.rows]
    return (column, by_column), (cells, by_cell)


class TestNumbers:
    def test_float_passes_unchanged(self) -> None:
        """A number cell is returned as it is, negatives included for a plain number."""
        assert ok(UNIT_COST, 1_500_000.0) == 1_500_000.0
        assert ok(VALUE_PER_UNIT, -7291.67) == -7291.67

    def test_int_becomes_float(self) -> None:
        """An int (some readers give one for a whole number) comes back as a float."""
        got = ok(UNIT_COST, 30)
        assert got == 30.0
        assert type(got) is float

    def test_bool_is_not_a_number(self) -> None:
        """TRUE in a number column is an error, not 1."""
        assert message(UNIT_COST, value=True) == "Unit cost is True; enter a number such as 1500000"

    def test_date_is_not_a_number(self) -> None:
        """A date in a number column is an error showing the date."""
        assert message(UNIT_COST, dt.date(2011, 1, 1)) == (
            "Unit cost is 2011-01-01; enter a number such as 1500000")

    @pytest.mark.parametrize("text", ["lots", "USD 5", "1e3", ".5", "1,50,000", "12-3"])
    def test_text_that_is_not_a_number_is_an_error(self, text: str) -> None:
        """Text that is not a number says what was found (quoted), what to enter and the
        column's example."""
        assert message(UNIT_COST, text) == (
            f"Unit cost is '{text}'; enter a number such as 1500000")

    def test_without_example_the_message_has_no_such_as(self) -> None:
        """A column without an example asks for a number and stops there."""
        assert message(CONTROL_BEFORE, "n/a") == "Control before is 'n/a'; enter a number"

    def test_percent_text_is_not_a_plain_number(self) -> None:
        """`60%` is only read as a percentage in a percentage column."""
        assert message(UNIT_COST, "60%") == "Unit cost is '60%'; enter a number such as 1500000"

    def test_nonnegative_accepts_zero_and_rejects_negative(self) -> None:
        """0 is a valid unit cost; a negative one asks for a number of 0 or more."""
        assert ok(UNIT_COST, 0.0) == 0.0
        assert message(UNIT_COST, -5.0) == (
            "Unit cost is -5; enter a number of 0 or more such as 1500000")

    def test_positive_rejects_zero_and_negative(self) -> None:
        """A positive column (Weight) takes any number above 0, and neither 0 nor less."""
        assert ok(WEIGHT, 0.5) == 0.5
        assert message(WEIGHT, 0.0) == "Weight is 0; enter a number above 0 such as 10"
        assert message(WEIGHT, -1.0) == "Weight is -1; enter a number above 0 such as 10"

    @pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 1e308])
    def test_non_finite_and_huge_are_errors_on_both_paths(self, value: float) -> None:
        """What an xlsx can store but no one typed (inf, nan, 1e308) is an error at its cell
        on the column-wise path too, never a value."""
        table = one_column_table(UNIT_COST, [value, 1500.0])
        (column, issues), (cells, _) = both_paths(UNIT_COST, table)
        assert column == cells == [None, 1500.0]
        assert [i.cell for i in issues] == ["D3"]

    def test_magnitude_limits(self) -> None:
        """Money below 1e15, counts below 1e9, and nothing but 0 closer to 0 than 1e-9."""
        assert message(UNIT_COST, 1e15) == (
            "Unit cost is 1e+15, too large to be real; enter a number below "
            "1,000,000,000,000,000")
        assert convert(UNIT_COST, 1e15 - 1) == (1e15 - 1, [])
        assert message(QUANTITY, 27_000_000_000.0) == (
            "Quantity is 2.7e+10, too large to be real; enter a number below 1,000,000,000")
        assert message(UNIT_COST, 1e-12) == (
            "Unit cost is 1e-12, too close to 0 to be meant; enter 0 or a number of at least "
            "0.000000001")
        assert convert(UNIT_COST, 0.0) == (0.0, [])

    def test_infinity_is_an_error_on_the_cell_path(self) -> None:
        """An infinite value (an xlsx can store `inf`) is not a number to enter."""
        assert message(VALUE_PER_UNIT, float("inf")) == (
            "Value per unit is inf; enter a number such as 7291.67")
        assert message(UNIT_COST, float("nan")) == (
            "Unit cost is nan; enter a number such as 1500000")


class TestTextNumbers:
    @pytest.mark.parametrize(("text", "number"), [
        ("1500000", 1_500_000.0),
        ("1,500,000", 1_500_000.0),  # English thousands
        ("1.500.000", 1_500_000.0),  # Indonesian thousands
        ("1,500", 1500.0),
        ("1.500", 1500.0),  # one thousand five hundred in Indonesian usage
        ("7291,67", 7291.67),  # Indonesian decimal comma
        ("7291.67", 7291.67),
        ("1,5", 1.5),
        ("0,500", 0.5),  # a leading 0 is never a thousands group
        ("0.500", 0.5),
        ("1234.567", 1234.567),  # four digits before the dot: a decimal point
        ("1.500,50", 1500.5),  # both separators: the last one is the decimal one
        ("1,500.50", 1500.5),
        ("1.500.000,5", 1_500_000.5),
        ("Rp 1.500.000", 1_500_000.0),
        ("Rp. 1.500", 1500.0),
        ("rp1500", 1500.0),
        ("IDR 2,000", 2000.0),
        ("1 500 000", 1_500_000.0),
        ("1\u00a0500", 1500.0),
        ("  42  ", 42.0),
        ("+12", 12.0),
    ])
    def test_supported_spellings(self, text: str, number: float) -> None:
        """Numbers typed as text in English or Indonesian style, with or without the
        currency in front, read as the number meant."""
        assert ok(UNIT_COST, text) == pytest.approx(number, rel=1e-15)

    def test_negative_text_on_a_plain_number_column(self) -> None:
        """A minus sign is kept, thousands dots and all."""
        assert ok(VALUE_PER_UNIT, "-1.500") == -1500.0
        assert ok(VALUE_PER_UNIT, "-7291,67") == -7291.67

    def test_negative_text_is_range_checked(self) -> None:
        """A text number goes through the same range check as a number cell."""
        assert message(UNIT_COST, "-1.500") == (
            "Unit cost is -1500; enter a number of 0 or more such as 1500000")


class TestFractions:
    @pytest.mark.parametrize(("value", "fraction"), [
        (0.6, 0.6), (0.0, 0.0), (1.0, 1.0), (1, 1.0), ("0.6", 0.6), ("0,6", 0.6),
        ("60%", 0.6), ("60 %", 0.6), (" 60% ", 0.6), ("60,5%", 0.605), ("100%", 1.0),
        ("0%", 0.0),
    ])
    def test_accepted(self, value: Any, fraction: float) -> None:
        """A fraction in [0, 1] or a percentage typed with % reads as the fraction."""
        assert ok(CONTRIBUTION, value) == pytest.approx(fraction, rel=1e-15)

    @pytest.mark.parametrize("value", [60, 60.0, "60"])
    def test_a_whole_percentage_is_an_error_with_a_hint(self, value: Any) -> None:
        """A contribution of 60 is not guessed to mean 60 %: it is an error that shows how
        to type 60 %."""
        assert message(CONTRIBUTION, value) == (
            "Contribution is 60, outside 0\u00a0%..100\u00a0%; enter a percentage such as 80% "
            "(if you meant 60\u00a0%, type 60%)")

    @pytest.mark.parametrize(("value", "shown"), [(150.0, "150"), (-0.1, "-0.1"),
                                                  ("-5%", "-0.05")])
    def test_out_of_range_without_a_hint(self, value: Any, shown: str) -> None:
        """Above 100 or below 0 is an error with no 'if you meant' hint."""
        assert message(CONTRIBUTION, value) == (
            f"Contribution is {shown}, outside 0\u00a0%..100\u00a0%; "
            "enter a percentage such as 80%")

    @pytest.mark.parametrize("value", ["abc", "60 persen", True])
    def test_not_a_percentage(self, value: Any) -> None:
        """Something that is no number asks for a percentage between 0 % and 100 %."""
        found = f"'{value}'" if isinstance(value, str) else str(value)
        assert message(CONTRIBUTION, value) == (
            f"Contribution is {found}; enter a percentage between 0\u00a0% and 100\u00a0% "
            "such as 60%")


class TestChoices:
    @pytest.mark.parametrize("value", [
        "TM", "tm", " TM ", "Training materials", "TRAINING  MATERIALS",
        "Materi pelatihan", "TM - Training materials", "TM \u2013 Materi pelatihan",
        "TM: anything",
    ])
    def test_cost_code_spellings(self, value: str) -> None:
        """The key, the English or Indonesian label in any case, or a drop-down entry
        `KEY - label`, all give the key."""
        assert ok(CODE, value) == "TM"

    @pytest.mark.parametrize(("value", "key"), [
        ("attended", "attended"), ("hadir", "attended"), ("Present", "attended"),
        ("absent", "absent"), ("tidak hadir", "absent"), ("ABSEN", "absent"),
    ])
    def test_english_and_indonesian(self, value: str, key: str) -> None:
        """Status reads in English, Indonesian and the listed aliases."""
        assert ok(STATUS, value) == key

    @pytest.mark.parametrize(("value", "key"), [
        (1.0, "1"), (3.0, "3"), (3, "3"), ("1.0", "1"), ("level 3", "3"), ("reaksi", "1"),
        ("behaviour", "3"),
    ])
    def test_numbers_as_choices(self, value: Any, key: str) -> None:
        """A level typed as the number 1 (read as 1.0) matches the choice '1'."""
        assert ok(LEVEL, value) == key

    def test_unknown_value_names_the_allowed_ones(self) -> None:
        """An unknown value is an error listing the allowed values in English."""
        assert message(STATUS, "maybe") == "Status is 'maybe'; enter one of: attended, absent"
        assert message(LEVEL, 2.0) == "Level is '2'; enter one of: 1, 3"
        allowed = ", ".join(c.en for c in schema.COST_CODES)
        assert message(CODE, "XX") == f"Code is 'XX'; enter one of: {allowed}"

    def test_bool_is_not_a_choice(self) -> None:
        """TRUE in a choice column matches nothing."""
        assert message(LEVEL, value=True) == "Level is 'True'; enter one of: 1, 3"


class TestDates:
    @pytest.mark.parametrize("value", [
        dt.date(2010, 3, 15), dt.datetime(2010, 3, 15), dt.datetime(2010, 3, 15, 9, 30),
        "2010-03-15", " 2010-03-15 ", "15/03/2010", "15-03-2010", "2010/03/15", "15.03.2010",
    ])
    def test_accepted(self, value: Any) -> None:
        """A date cell, a date-time (time dropped) and ISO or day-first text give the date."""
        got = ok(DATE, value)
        assert got == dt.date(2010, 3, 15)
        assert type(got) is dt.date

    @pytest.mark.parametrize(("value", "shown"), [
        ("03/15/2010", "'03/15/2010'"),  # month first is not guessed
        ("tomorrow", "'tomorrow'"),
    ])
    def test_rejected(self, value: Any, shown: str) -> None:
        """Anything else asks for YYYY-MM-DD with the column's example."""
        assert message(DATE, value) == (
            f"Date is {shown}; enter a date (YYYY-MM-DD) such as 2010-03-15")

    def test_number_without_a_date_format(self) -> None:
        """A serial number in a cell not formatted as a date is not guessed; the message
        shows it as typed (40252, not 40252.0) and says why."""
        assert message(DATE, 40252.0) == (
            "Date is the number 40252, not a date; enter a date such as 2010-03-15 (a whole "
            "number is a date only in a cell formatted as a date)")

    @pytest.mark.parametrize(("value", "shown"), [
        (dt.time(0, 0), "00:00"),  # a date cell of serial 0 or below reads as midnight
        (dt.time(9, 30), "09:30"),
        (0.25, "0.25"),
    ])
    def test_time_of_day_or_serial_below_one(self, value: Any, shown: str) -> None:
        """A date cell holding 0, a negative serial or a fraction of a day is not a date."""
        assert message(DATE, value) == (
            f"Date is {shown}, a time of day or a date number of 0 or below, not a date; "
            "enter a date such as 2010-03-15")

    def test_time_in_a_period_column(self) -> None:
        """A period read as a time of day is an error, not the label "00:00:00"."""
        issues: list[Issue] = []
        period = schema.IMPACT.column("before_period")
        got = Converter("Impact", issues).value(period, CellAt(Cell(dt.time(0, 0), "C3")))
        assert got == ""
        assert [(i.cell, i.message) for i in issues] == [
            ("C3", "Before period is 00:00, a time of day or a date number of 0 or below, not "
                   "a date; enter a date such as 2009-01")]


class TestPeriods:
    @pytest.mark.parametrize(("value", "label"), [
        (dt.date(2009, 1, 1), "2009-01"),  # the first of a month stands for the month
        (dt.datetime(2009, 1, 1), "2009-01"),
        (dt.date(2009, 1, 15), "2009-01-15"),
        (dt.datetime(2009, 1, 15, 12, 30), "2009-01-15"),
        ("2009-01", "2009-01"),
        ("Januari 2009", "Januari 2009"),
        (200901.0, "200901"),
    ])
    def test_labels(self, value: Any, label: str) -> None:
        """A period is a free label; dates become a month (on the 1st) or an ISO day."""
        assert ok(BEFORE_PERIOD, value) == label

    def test_blank_is_empty_text(self) -> None:
        """A blank period is '' without an issue."""
        assert ok(BEFORE_PERIOD, None) == ""


class TestText:
    @pytest.mark.parametrize(("value", "text"), [
        ("Training books", "Training books"),
        (12.0, "12"),  # a whole number shows without .0
        (12.5, "12.5"),
        (7, "7"),
        (True, "True"),
        (dt.date(2011, 1, 31), "2011-01-31"),
        (dt.datetime(2011, 1, 31), "2011-01-31"),
        (dt.datetime(2011, 1, 31, 8, 0), "2011-01-31T08:00:00"),
    ])
    def test_any_value_becomes_text(self, value: Any, text: str) -> None:
        """Whatever a text cell holds is kept, as text; text never has an issue."""
        assert ok(DESCRIPTION, value) == text


class TestBlanksAndDefaults:
    def test_required_blank_is_an_error_with_the_example(self) -> None:
        """An empty required cell says it is required and gives the example."""
        assert message(UNIT_COST, None) == "Unit cost is empty; it is required, e.g. 1500000"
        assert message(CONTRIBUTION, None) == "Contribution is empty; it is required, e.g. 60%"
        assert message(CODE, None) == "Code is empty; it is required"

    def test_required_text_blank_is_empty_text_and_an_error(self) -> None:
        """A required text column gives '' and the error."""
        got, issues = convert(QUESTION_CODE, None)
        assert got == ""
        assert [i.message for i in issues] == ["Code is empty; it is required, e.g. P1"]

    @pytest.mark.parametrize("col", [BEFORE, POST_TEST])
    def test_blank_allowed_is_none_without_an_issue(self, col: schema.Column) -> None:
        """A required column whose blanks the row rules judge gives None and no issue."""
        assert ok(col, None) is None

    @pytest.mark.parametrize(("col", "default"), [
        (QUANTITY, 1.0), (PRORATION, 1.0), (WEIGHT, 1.0), (FIELDS["benefit_horizon"], 12.0),
        (FIELDS["roi_objective"], 0.25), (FIELDS["language"], "en"),
        (FIELDS["outlier_rule"], "flag"), (FIELDS["currency"], "IDR"),
    ])
    def test_blank_gives_the_default(self, col: schema.Column, default: Any) -> None:
        """An empty cell of a column with a default gives the default (numbers as floats)."""
        got = ok(col, None)
        assert got == default
        assert type(got) is type(default)

    @pytest.mark.parametrize(("col", "blank"), [
        (CONTROL_BEFORE, None), (STATUS, None), (DATE, None), (DESCRIPTION, ""),
    ])
    def test_optional_blank_is_empty(self, col: schema.Column, blank: Any) -> None:
        """An empty optional cell without a default gives None ('' for text), no issue."""
        assert ok(col, blank) == blank


class TestMessages:
    def test_issue_names_sheet_and_cell(self) -> None:
        """The issue carries the converter's sheet name and the cell's A1 reference."""
        _, issues = convert(UNIT_COST, "lots", sheet="Biaya", ref="D7")
        assert issues == [error("Unit cost is 'lots'; enter a number such as 1500000",
                                "Biaya", "D7")]
        assert issues[0].format("in.xlsx") == (
            "in.xlsx: Biaya!D7: Unit cost is 'lots'; enter a number such as 1500000")

    def test_row_gives_the_cell_of_the_column(self) -> None:
        """Converting through a row, the issue names the column's letter and the row."""
        table = one_column_table(UNIT_COST, [1.0, "lots"], index=3, name="Costs")
        issues: list[Issue] = []
        Converter("Costs", issues).value(UNIT_COST, table.rows[1])
        assert [(i.sheet, i.cell) for i in issues] == [("Costs", "D4")]

    def test_issues_gather_instead_of_stopping(self) -> None:
        """Each bad cell adds its issue to the shared list; nothing is raised."""
        issues: list[Issue] = [error("earlier", "Program", "B2")]
        conv = Converter("Costs", issues)
        conv.value(UNIT_COST, CellAt(Cell("lots", "D3")))
        conv.value(CODE, CellAt(Cell(None, "B4")))
        conv.value(UNIT_COST, CellAt(Cell(5.0, "D5")))
        assert [(i.sheet, i.cell) for i in issues] == [("Program", "B2"), ("Costs", "D3"),
                                                        ("Costs", "B4")]


class TestCellAt:
    def test_gives_its_value_and_ref_for_any_key(self) -> None:
        """A single cell answers every key with its own value and reference."""
        at = CellAt(Cell(4.0, "F9"))
        assert (at.value("unit_cost"), at.ref("unit_cost")) == (4.0, "F9")
        assert (at.value("anything"), at.ref("anything")) == (4.0, "F9")


# -- column-wise and cell by cell give the same ---------------------------------------

ALL_COLUMNS = [c for s in schema.SHEETS for c in s.columns] + list(schema.PROGRAM_FIELDS)
SPELLINGS = sorted({s for c in ALL_COLUMNS for ch in c.choices for s in ch.spellings()})
TEXTS = ["1.500.000", "1,500,000", "7291,67", "Rp 1.500", "1.500", "0,5", "-1.500", "60%",
         "60 %", "150%", "-5%", "60", "0.6", "abc", "2010-03-15", "15/03/2010", "03/15/2010",
         "2009-01", "TM - Training materials", "x - y", "n/a", "1e3", "True"]
# values as the reader gives them, NaN, infinities and the magnitude limits included
raw_values = st.one_of(
    st.just(""), st.sampled_from([" ", "\t ", "\u00a0"]),
    st.floats(),
    st.sampled_from([0.0, -0.0, 0.5, 1.0, 1.5, 3.0, 60.0, -1.0, 12.0, 1e20, 1e308, -1e308,
                     1e15, 1e15 - 1, 1e9, 1e9 - 1, 1e-9, 1e-10, -1e-10, 5e-324]),
    st.integers(min_value=-10**6, max_value=10**6),
    st.booleans(),
    st.dates(), st.datetimes(), st.sampled_from([dt.date(2009, 1, 1), dt.time(9, 30)]),
    st.sampled_from(TEXTS), st.sampled_from(SPELLINGS),
    st.sampled_from(TEXTS + SPELLINGS).map(lambda s: f" {s.upper()} "),
    st.text(max_size=6),
)


class TestColumnPath:
    @settings(max_examples=300, deadline=None)
    @given(st.sampled_from(ALL_COLUMNS), st.lists(raw_values, max_size=8),
           st.integers(min_value=1, max_value=3))
    def test_same_values_and_issues_as_cell_by_cell(self, col: schema.Column, raw: list[Any],
                                                    repeat: int) -> None:
        """Column-wise conversion gives the values and issues (same messages, cells and
        order) that converting each row's cell gives; repeated values included."""
        table = one_column_table(col, raw * repeat)
        (column, column_issues), (cells, cell_issues) = both_paths(col, table)
        assert column == cells
        assert column_issues == cell_issues

    @settings(max_examples=100, deadline=None)
    @given(st.sampled_from(ALL_COLUMNS), st.lists(raw_values, min_size=1, max_size=6))
    def test_a_cell_converts_like_its_row(self, col: schema.Column, raw: list[Any]) -> None:
        """The cell a row gives for a column (row.get) converts as the row does."""
        table = one_column_table(col, raw)
        by_row: list[Issue] = []
        by_cell: list[Issue] = []
        for row in table.rows:
            cell = row.get(col.key)
            assert cell is not None
            assert (Converter("Sheet", by_row).value(col, row)
                    == Converter("Sheet", by_cell).value(col, CellAt(cell)))
        assert by_row == by_cell

    def test_repeated_bad_value_is_reported_at_every_cell(self) -> None:
        """The same unknown choice in three rows gives three issues, one per cell, in row
        order; a known value repeated gives none."""
        table = one_column_table(CODE, ["XX", "TM", "XX", "tm", "XX"], index=1)
        issues: list[Issue] = []
        got = Converter("Costs", issues).column(CODE, table, 1)
        assert got == [None, "TM", None, "TM", None]
        assert [i.cell for i in issues] == ["B3", "B5", "B7"]

    def test_blank_required_cells_are_reported_at_their_rows(self) -> None:
        """Empty and whitespace-only required cells each give an error at their cell."""
        table = one_column_table(UNIT_COST, [5.0, "", "  ", 7.0])
        issues: list[Issue] = []
        got = Converter("Costs", issues).column(UNIT_COST, table, 3)
        assert got == [5.0, None, None, 7.0]
        assert [(i.cell, i.message) for i in issues] == [
            ("D4", "Unit cost is empty; it is required, e.g. 1500000"),
            ("D5", "Unit cost is empty; it is required, e.g. 1500000")]

    def test_text_numbers_and_defaults_in_a_column(self) -> None:
        """Text numbers, ints and blanks in a column read as they do cell by cell."""
        table = one_column_table(QUANTITY, [30.0, "1.500", 2, "", "Rp 2.000"])
        issues: list[Issue] = []
        got = Converter("Costs", issues).column(QUANTITY, table, 3)
        assert got == [30.0, 1500.0, 2.0, 1.0, 2000.0]
        assert issues == []

    def test_row_shorter_than_the_column_is_blank(self) -> None:
        """A row that ends before the column reads as an empty cell there."""
        table = RawTable(schema.COSTS, "Costs", 2, {"quantity": 4}, {})
        table.rows.append(RawRow(table, 3, ["", "TM"]))
        table.rows.append(RawRow(table, 4, ["", "TM", "", 9.0, 3.0]))
        assert Converter("Costs", []).column(QUANTITY, table, 4) == [1.0, 3.0]

    def test_thesis_workbook_every_column(self, thesis_workbook_path: Path) -> None:
        """In the thesis workbook every column of every sheet reads the same both ways,
        without an issue."""
        book = read_workbook(thesis_workbook_path)
        compared = 0
        for table in book.tables.values():
            for col in table.sheet.columns:
                if col.key not in table.columns:
                    continue
                (column, column_issues), (cells, cell_issues) = both_paths(
                    col, table, table.columns[col.key])
                assert column == cells, (table.name, col.key)
                assert column_issues == cell_issues == [], (table.name, col.key)
                compared += 1
        assert compared > 50

    def test_workbook_with_bad_cells(self, grid_workbook: GridWorkbook) -> None:
        """Cells read from a file with typing slips: same values and issues both ways, each
        issue at the cell a person would look at."""
        path = grid_workbook({"Costs": [
            ["Costs of the program"],
            ["Code", "Unit cost", "Quantity", "Proration"],
            ["TM", "1.500.000", 30, 0.5],
            ["tm", "lots", "", "50%"],
            ["XX", -5, "2,5", 60],
            ["Catering", "Rp 77.000", " ", 1],
        ]})
        table = read_workbook(path).tables["costs"]
        by_key: dict[str, list[Any]] = {}
        all_issues: list[Issue] = []
        for key in ("code", "unit_cost", "quantity", "proration"):
            col = schema.COSTS.column(key)
            (column, issues), (cells, cell_issues) = both_paths(col, table, table.columns[key])
            assert (column, issues) == (cells, cell_issues), key
            by_key[key] = column
            all_issues += issues
        assert by_key == {
            "code": ["TM", "TM", None, "C"],
            "unit_cost": [1_500_000.0, None, None, 77_000.0],
            "quantity": [30.0, 1.0, 2.5, 1.0],
            "proration": [0.5, 0.5, None, 1.0],
        }
        assert [(i.sheet, i.cell) for i in all_issues] == [
            ("Costs", "A5"), ("Costs", "B4"), ("Costs", "B5"), ("Costs", "D5")]
