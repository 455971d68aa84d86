"""Validation: every problem at once, each naming sheet and cell and what to enter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roti_excel import load
from tests.workbooks import simple_program, thesis_workbook, write_workbook

COSTS = [{"Code": "EC", "Unit cost": 50_000_000}]
MEASURES = [{"Measure": "Output", "Better when": "higher", "Value per unit": 1000,
             "Isolation": "none"}]
IMPACT = [{"Measure": "Output", "Before": 100, "After": 200}]


def _load(tmp_path: Path, program: Any = None, **sheets: Any):
    base: dict[str, Any] = {"Costs": COSTS, "Measures": MEASURES, "Impact": IMPACT}
    base.update({k.replace("_", " "): v for k, v in sheets.items() if v is not None})
    for k, v in sheets.items():
        if v is None:
            base.pop(k.replace("_", " "), None)
    path = write_workbook(tmp_path / "in.xlsx", program or simple_program(), base)
    return load(path)


def _messages(loaded) -> list[str]:
    return [m.split(": ", 1)[1] for m in loaded.messages()]


class TestValidWorkbooks:
    def test_minimal_workbook_is_valid(self, tmp_path):
        """Program, Costs, Measures and Impact alone are enough."""
        loaded = _load(tmp_path)
        assert loaded.ok, loaded.messages()

    def test_thesis_has_only_the_known_warning(self, tmp_path):
        """The thesis example has one warning: the P1 = 0 reaction row."""
        loaded = load(thesis_workbook(tmp_path / "t.xlsx"))
        assert loaded.ok
        assert [i.cell for i in loaded.issues] == ["E4"]

    def test_header_below_title_rows(self, tmp_path):
        """The header row is found below three title rows."""
        path = write_workbook(tmp_path / "t.xlsx", simple_program(),
                              {"Costs": COSTS, "Measures": MEASURES, "Impact": IMPACT},
                              title_rows=3)
        assert load(path).ok

    def test_header_spellings(self, tmp_path):
        """Case, spaces, a unit in brackets and Indonesian names all match."""
        loaded = _load(tmp_path, Costs=[{"  KODE ": "TM", "Unit cost (IDR)": 100_000,
                                          "jumlah": 30}])
        assert loaded.ok, loaded.messages()
        assert loaded.evaluation is not None
        assert loaded.evaluation.costs[0].amount == 3_000_000

    def test_indonesian_sheet_and_choice_names(self, tmp_path):
        """Sheet Biaya, Better when 'lebih tinggi' and Isolation 'tidak ada' are accepted."""
        path = write_workbook(tmp_path / "id.xlsx", [("Nama program", "Pelatihan")], {
            "Biaya": [{"Kode": "TM - Materi pelatihan", "Biaya satuan": "1.500.000"}],
            "Ukuran": [{"Ukuran": "Output", "Lebih baik jika": "lebih tinggi",
                        "Nilai per satuan": 10, "Isolasi": "tidak ada"}],
            "Dampak": [{"Ukuran": "Output", "Sebelum": 1, "Sesudah": 2}]})
        loaded = load(path)
        assert loaded.ok, loaded.messages()
        assert loaded.evaluation is not None
        assert loaded.evaluation.costs[0].unit_cost == 1_500_000


class TestEveryProblemAtOnce:
    def test_many_errors_reported_together(self, tmp_path):
        """Four unrelated errors in three sheets are all reported, with cells."""
        loaded = _load(
            tmp_path,
            Costs=[{"Code": "XX", "Unit cost": "abc"}, {"Code": "TM", "Unit cost": -5}],
            Measures=[{"Measure": "Output", "Better when": "sideways", "Value per unit": 1,
                       "Isolation": "none"}])
        assert not loaded.ok and loaded.evaluation is None
        text = "\n".join(loaded.messages())
        assert "Costs!A3: Code is 'XX'; enter one of: " in text
        assert "Costs!B3: Unit cost is 'abc'; enter a number such as 1500000" in text
        assert "Costs!B4: Unit cost is -5; enter a number of 0 or more" in text
        assert "Measures!B3: Better when is 'sideways'; enter one of: lower, higher" in text

    def test_format_is_file_sheet_cell_message(self, tmp_path):
        """Each line reads FILE: SHEET!CELL: message."""
        loaded = _load(tmp_path, Costs=[{"Code": "TM", "Unit cost": "x"}])
        line = loaded.messages()[0]
        assert line.startswith(f"{tmp_path / 'in.xlsx'}: Costs!B3: ")

    def test_errors_before_warnings(self, tmp_path):
        """Errors come first even when a warning was found earlier."""
        loaded = _load(tmp_path, Impact=[{"Measure": "Output", "Before": 1},
                                         {"Measure": "Nope", "Before": 1, "After": 2}])
        severities = [i.severity for i in sorted(loaded.issues, key=lambda i: i.severity)]
        lines = loaded.messages()
        assert "warning" in severities
        assert "warning:" not in lines[0] and "warning:" in lines[-1]


class TestRules:
    @pytest.mark.parametrize(("sheets", "expected"), [
        ({"Costs": [{"Code": "TM", "Unit cost": 1, "Proration": 1.5}]},
         "Costs!C3: Proration is 1.5, outside 0\u00a0%..100\u00a0%; enter a percentage such as 80% "
         "(if you meant 1.5\u00a0%, type 1.5%)"),
        ({"Costs": [{"Code": "TM", "Unit cost": 1, "Quantity": -1}]},
         "Costs!C3: Quantity is -1; enter a number of 0 or more"),
        ({"Measures": [{"Measure": "Output", "Better when": "higher", "Isolation": "none"}]},
         "has neither Value per unit nor Rate; fill exactly one"),
        ({"Measures": [{"Measure": "Output", "Better when": "higher", "Value per unit": 1,
                        "Rate": "Wage", "Isolation": "none"}]},
         "Rate 'Wage' is not in the Rates sheet"),
        ({"Measures": [{"Measure": "Output", "Better when": "higher", "Value per unit": 1,
                        "Isolation": "estimate", "Contribution": 0.5}]},
         "Confidence is empty; Isolation = estimate applies it to the measure's Impact rows"),
        ({"Measures": [{"Measure": "Output", "Better when": "higher", "Value per unit": 1,
                        "Isolation": "estimate", "Contribution": 60, "Confidence": 0.8}]},
         "Contribution is 60, outside 0\u00a0%..100\u00a0%; enter a percentage such as 80% "
         "(if you meant 60\u00a0%, type 60%)"),
        ({"Impact": [{"Measure": "Sales", "Before": 1, "After": 2}]},
         "Impact!A3: Measure 'Sales' is not in the Measures sheet"),
        ({"Measures": [{"Measure": "Output", "Better when": "higher", "Value per unit": 1,
                        "Isolation": "trend line"}]},
         "uses Isolation = trend line but has 1 before value(s)"),
        ({"Measures": [{"Measure": "Output", "Better when": "higher", "Value per unit": 1,
                        "Isolation": "control group"}]},
         "Control before or Control after is empty; enter both control values"),
        ({"Costs": [{"Code": "TM"}]}, "Costs!B2: required column 'Unit cost' is missing"),
        ({"Learning": [{"Participant": "P1", "Post-test": 12, "Max score": 10}]},
         "Learning!B3: Post-test 12 is above Max score 10"),
        ({"Learning": [{"Participant": "P1", "Post-test": 8, "Status": "sick"}]},
         "Status is 'sick'; enter one of: attended, absent"),
        ({"Questions": [{"Code": "P1", "Level": 2, "Dimension": "Material"}]},
         "Questions!B3: Level is '2'; enter one of: 1, 3"),
        ({"Questions": [{"Code": "P1", "Level": 3, "Dimension": "Material"}]},
         "Dimension 'material' does not belong to level 3"),
        ({"Questions": [{"Code": "P1", "Level": 1, "Dimension": "Material"}],
          "Reaction": [{"Session": "A", "P1": 4, "P9": 3}]},
         "column 'P9' is not a level 1 question code in Questions"),
        ({"Reaction": [{"Date": "yesterday"}]}, "Date is 'yesterday'; enter a date"),
        ({"Groups": [{"Group": "Maker"}], "Costs": [{"Group": "Makr", "Code": "TM",
                                                    "Unit cost": 1}]},
         "Group 'Makr' is not listed in the Groups sheet (listed: Maker)"),
        ({"Costs": None}, "required sheet 'Costs' (Indonesian: 'Biaya') is missing"),
        ({"Impact": None}, "the measures listed have no data"),
    ])
    def test_rule(self, tmp_path, sheets, expected):
        """Each rule gives an error naming the cell and what to enter."""
        loaded = _load(tmp_path, **{k.replace(" ", "_"): v for k, v in sheets.items()})
        assert not loaded.ok
        assert any(expected in m for m in loaded.messages()), loaded.messages()

    def test_program_name_required(self, tmp_path):
        """An empty Program name is an error on the Program sheet."""
        loaded = _load(tmp_path, program=[("Currency", "IDR")])
        assert any("Program: Program name is empty" in m or ("Program!" in m and "Program name"
                   in m) for m in loaded.messages()), loaded.messages()

    def test_bad_program_field_value(self, tmp_path):
        """ROI objective 25 (not 25 %) is an error pointing at its Value cell."""
        loaded = _load(tmp_path, program=simple_program(**{"ROI objective": 25}))
        assert any("Program!B4: ROI objective is 25, outside 0\u00a0%..100\u00a0%" in m
                   for m in loaded.messages()), loaded.messages()

    def test_impact_with_one_side_empty_is_a_warning(self, tmp_path):
        """A missing After value is a warning; the period counts as 0."""
        loaded = _load(tmp_path, Impact=[{"Measure": "Output", "Before": 1, "After": 3},
                                         {"Measure": "Output", "Before": 5}])
        assert loaded.ok
        assert any("Impact!C4: warning: After is empty" in m for m in loaded.messages())

    def test_zero_score_without_status_is_absent(self, tmp_path):
        """A 0 post-test with no status is a likely absentee, not a score."""
        from roti_excel import evaluate

        loaded = _load(tmp_path, Learning=[{"Participant": "A", "Post-test": 8},
                                           {"Participant": "B", "Post-test": 0}])
        assert loaded.ok and loaded.evaluation is not None
        lr = evaluate(loaded.evaluation).learning
        assert lr.overall.sat == 1 and lr.overall.likely_absent == 1 and lr.overall.mean == 8

    def test_numbers_typed_as_text(self, tmp_path):
        """'1.500.000', 'Rp 2,000,000' and '7291,67' are read as numbers."""
        loaded = _load(tmp_path, Costs=[{"Code": "TM", "Unit cost": "1.500.000"},
                                        {"Code": "C", "Unit cost": "Rp 2,000,000"},
                                        {"Code": "A", "Unit cost": "7291,67"}])
        assert loaded.ok and loaded.evaluation is not None
        assert [c.unit_cost for c in loaded.evaluation.costs] == [1_500_000, 2_000_000, 7291.67]

    def test_hidden_data_sheet_is_used_and_warned(self, tmp_path):
        """A hidden Costs sheet is read, with a warning saying so; a hidden sheet the
        reader ignores gets no warning."""
        import openpyxl

        path = write_workbook(tmp_path / "h.xlsx", simple_program(),
                              {"Costs": COSTS, "Measures": MEASURES, "Impact": IMPACT,
                               "Notes": [{"Anything": 1}]})
        wb = openpyxl.load_workbook(path)
        wb["Costs"].sheet_state = "hidden"
        wb["Notes"].sheet_state = "hidden"
        wb.save(path)
        loaded = load(path)
        assert loaded.ok
        hidden = [i for i in loaded.issues if "hidden" in i.message]
        assert [(i.sheet, i.severity) for i in hidden] == [("Costs", "warning")]
        assert "its data IS used" in hidden[0].message

    def test_input_is_not_modified(self, tmp_path):
        """Validation never changes the input file."""
        path = write_workbook(tmp_path / "x.xlsx", simple_program(),
                              {"Costs": [{"Code": "XX", "Unit cost": "abc"}]})
        before = path.read_bytes()
        load(path)
        assert path.read_bytes() == before
