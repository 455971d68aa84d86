"""Mistakes the corpus review found handled badly, now handled: a deleted sheet named in the
user's language, the equal split of shared costs pointing at a cell, a renamed Program
name row, a counts header reported once, a refused Measures or Rates row not blamed again
on the rows naming it, a file with no suffix, one error for a bad Value per unit, a cost
line pasted twice."""
from __future__ import annotations

import pytest

from roti_excel import evaluate, load
from tests.corpus import Book, load_book
from tests.test_mistakes_corpus import (  # noqa: F401
    ERROR,
    WARNING,
    Baseline,
    Expect,
    choice,
    judge,
    level_1,
    measure_row,
)
from tests.test_mistakes_corpus import baselines as corpus_baselines


@pytest.fixture(scope="module")
def base_of(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Baseline]:
    """The unedited examples' issues and figures (as the corpus builds them)."""
    return corpus_baselines.__wrapped__(tmp_path_factory)  # type: ignore[attr-defined]


def run(tmp_path, base_of, lang, make):
    b = Book.example(tmp_path, lang)
    e = make(b, base_of[lang])
    judge(load_book(b), e, base_of[lang], lang)

def test_D1_costs_deleted_id(tmp_path, base_of):
    def make(b, base):
        b.delete_sheet("costs")
        return Expect(ERROR, "required_sheet_missing", "Biaya", None, ("lembar wajib 'Biaya'",))
    run(tmp_path, base_of, "id", make)

@pytest.mark.parametrize("lang", ["en", "id"])
def test_D2a_groups_deleted_shared_split_has_a_place(tmp_path, lang):
    b = Book.example(tmp_path, lang)
    r = b.add_row("costs", {"code": "TE", "description": "Shared evaluation",
                            "unit_cost": 2_000_000})
    b.delete_sheet("groups")
    loaded = load_book(b)
    res = evaluate(loaded.evaluation)
    f = [f.as_issue() for f in res.findings if f.text.key == "shared_split_equally"]
    assert len(f) == 1
    assert (f[0].sheet, f[0].cell) == (b.tab("costs"), b.cell("costs", "group", r))

def test_D2b_blank_participants_shared_split_points_at_the_blank(tmp_path):
    b = Book.example(tmp_path, "id")
    b.add_row("costs", {"code": "TE", "description": "Shared evaluation", "unit_cost": 2_000_000})
    r = b.data_rows("groups")[1]
    ref = b.put("groups", "participants", r, None)
    res = evaluate(load_book(b).evaluation)
    f = [f.as_issue() for f in res.findings if f.text.key == "shared_split_equally"]
    assert (f[0].sheet, f[0].cell) == ("Kelompok", ref)

@pytest.mark.parametrize("lang", ["en", "id"])
def test_D3_program_name_row_renamed_location(tmp_path, lang):
    b = Book.example(tmp_path, lang)
    row = b.field_row("program_name")
    b.ws("program")[f"A{row}"] = b.words("Training name", "Nama pelatihan")
    loaded = load_book(b)
    err = next(i for i in loaded.issues if i.key == "program_name_empty")
    assert err.cell != "B2", "B2 is the template's help row"
    assert err.cell in (f"A{row}", f"B{row}")

def test_D4_counts_column_5_on_a_1_4_scale(tmp_path):
    b = Book.example(tmp_path, "id")
    ws, h = b.ws("application_counts"), b.header_row("application_counts")
    ws[f"G{h}"] = "5"
    ws[f"G{h+1}"] = 0
    loaded = load_book(b)
    errs = [i for i in loaded.issues if i.is_error]
    assert [(i.key, i.sheet, i.cell) for i in errs] == [
        ("count_column_not_point", "Jumlah penerapan", f"G{h}")], loaded.messages()

@pytest.mark.parametrize("lang", ["en", "id"])
def test_D5_bad_better_when_only_blames_its_cell(tmp_path, base_of, lang):
    def make(b, base):
        r, _, _ = measure_row(b)
        ref = b.put("measures", "better_when", r, "turun")
        return Expect(ERROR, "choice_bad", b.tab("measures"), ref,
                      (b.words("Better when is 'turun'", "Lebih baik jika berisi 'turun'"),))
    run(tmp_path, base_of, lang, make)

def test_D5b_bad_rate_amount_only_blames_its_cell(tmp_path, base_of):
    def make(b, base):
        ref = b.put("rates", "amount", b.data_rows("rates")[0], "abc")
        return Expect(ERROR, "cell_bad", b.tab("rates"), ref, ("'abc'",))
    run(tmp_path, base_of, "id", make)

def test_D6_no_suffix_message_in_indonesian(tmp_path):
    b = Book.example(tmp_path, "id")
    loaded = load(b.save(tmp_path / "pelatihan"))
    assert not any("(none)" in m for m in loaded.messages()), loaded.messages()

def test_D7_value_per_unit_abc_one_error_and_grammar(tmp_path):
    b = Book.example(tmp_path, "en")
    r, _, _ = measure_row(b)
    b.put("measures", "rate", r, None)
    b.put("measures", "value_per_unit", r, "abc")
    loaded = load_book(b)
    assert [i.key for i in loaded.issues if i.is_error] == ["cell_bad"], loaded.messages()
    from roti_excel.messages.catalogue import CATALOGUE
    assert "neither Value per unit and Rate" not in CATALOGUE["value_neither"][0]

def test_D8_duplicated_cost_line_is_not_silent(tmp_path):
    b = Book.example(tmp_path, "id")
    r = b.add_row("costs", {})
    b.copy_row("costs", b.data_rows("costs")[2], r)
    loaded = load_book(b)
    assert not loaded.ok or any(not i.is_error and i.cell and i.cell.endswith(str(r))
                                for i in loaded.issues), \
        (loaded.messages(), evaluate(loaded.evaluation).total.roi_pct)
