"""The one A1 helper: references and 0-based (row, column) indices."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roti_excel.a1 import BEYOND, a1, column_index, column_letter, parse_a1, parse_range


class TestColumns:
    @pytest.mark.parametrize(("index", "letters"), [
        (0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    def test_known_columns(self, index: int, letters: str) -> None:
        """Letters and indices of Excel's columns, both ways."""
        assert column_letter(index) == letters
        assert column_index(letters) == index
        assert column_index(letters.lower()) == index

    def test_negative_index_is_refused(self) -> None:
        """A negative column is a programming error, not a column."""
        with pytest.raises(ValueError, match="column index must be >= 0"):
            column_letter(-1)

    def test_more_than_four_letters_is_beyond_excel(self) -> None:
        """A lying reference in a damaged file reads as past any limit."""
        assert column_index("ABCDE") == BEYOND


class TestReferences:
    @given(st.integers(0, 1_048_575), st.integers(0, 16_383))
    def test_round_trip(self, row: int, col: int) -> None:
        """Every cell of a sheet: a1 and parse_a1 are inverses."""
        assert parse_a1(a1(row, col)) == (row, col)

    def test_absolute_and_spaced_references(self) -> None:
        """$B$3 and ' B3 ' are B3."""
        assert parse_a1("$B$3") == parse_a1(" B3 ") == (2, 1)

    @pytest.mark.parametrize("text", ["", "B", "3", "B3C", "=B3", "B-3", "ABCDEFGHI1"])
    def test_not_a_reference(self, text: str) -> None:
        """Anything that is not a cell reference reads as None, never as a cell."""
        assert parse_a1(text) is None

    def test_ten_digit_row_is_beyond_excel(self) -> None:
        """A row past 999,999,999 reads as past any limit."""
        assert parse_a1("A1234567890") == (BEYOND, 0)

    def test_ranges(self) -> None:
        """A range gives its two corners; a single cell is a range of one."""
        assert parse_range("B3:D4") == ((2, 1), (3, 3))
        assert parse_range("C5") == ((4, 2), (4, 2))
        assert parse_range("B3:x") is None
