"""A corpus of the mistakes HR officers really make, each made the way a person would: the
bundled example workbook (English or Indonesian) copied, edited cell by cell as in Excel (a
row typed under the table, text typed into a number column, a row hidden, a sheet deleted, a
header renamed), saved and read back. Every case states

1. the verdict: an error (no evaluation), a warning (evaluated, with the warning) or
   accepted (evaluated, the figures right);
2. the place: the user's own tab name ("Biaya", not "Costs", in the Indonesian workbook)
   and the cell, or the range of a problem repeated down a column;
3. the language: the message in the workbook's language, and for an Indonesian user no
   English words of it (taken from the catalogue's English wording);
4. the ROI, when there is one: the example's own when the mistake must not change it, else
   the new value computed here by hand from the numbers changed.

Sheets and columns are found by their names in the header row (tests/corpus.py), never by
hard-coded letters, and values are read from the example rather than copied here."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from roti_excel import evaluate, schema
from roti_excel.api import Loaded
from roti_excel.issues import Issue
from roti_excel.messages.values import number, show
from roti_excel.method.evaluate import Results
from tests.corpus import LANGS, Book, english_fragments, issue_key, load_book

ERROR, WARNING, ACCEPTED = "error", "warning", "accepted"


# -- the example as it is, and what a case expects -------------------------------------------

@dataclass(frozen=True)
class Baseline:
    """The unedited example, saved once through openpyxl as every case is: its results and
    the warnings it has of its own (the grey helper columns' formulas lose their stored
    values in openpyxl, and one answer of the thesis is off its scale)."""

    results: Results
    seen: frozenset[tuple[str, str | None]]  # (key, sheet key): see `where`
    findings: frozenset[str]

    @property
    def roi(self) -> float:
        assert self.results.total.roi_pct is not None
        return self.results.total.roi_pct

    @property
    def benefits(self) -> float:
        return self.results.total.benefits

    @property
    def costs(self) -> float:
        return self.results.total.costs


Check = Callable[[Loaded, Results], None]


def where(issue: Issue) -> tuple[str, str | None]:
    """An issue's key and the schema sheet it is on, whatever the tab is called."""
    sheet = schema.match_sheet(issue.sheet) if issue.sheet else None
    return issue_key(issue), sheet.key if sheet is not None else issue.sheet


@dataclass(frozen=True)
class Expect:
    verdict: str
    key: str = ""  # catalogue key of the message the user must see
    sheet: str | None = None  # the user's own tab name; None for the file itself
    cell: str | None = None  # cell or range; None for a whole sheet
    words: tuple[str, ...] = ()  # fragments of that message, in the workbook's language
    roi: float | None = None  # the right ROI; None: the example's own
    also: tuple[str, ...] = ()  # other keys the same mistake may raise as well
    check: Check | None = None  # further figures to check on the results


Make = Callable[[Book, Baseline], Expect]
MISTAKES: list[tuple[str, Make, tuple[str, ...]]] = []


def mistake(*langs: str) -> Callable[[Make], Make]:
    """Register a mistake, made in these languages' workbooks (default: both)."""
    def register(make: Make) -> Make:
        MISTAKES.append((make.__name__, make, langs or LANGS))
        return make
    return register


@pytest.fixture(scope="module")
def baselines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Baseline]:
    out = {}
    for lang in LANGS:
        book = Book.example(tmp_path_factory.mktemp(f"baseline_{lang}"), lang)
        loaded = load_book(book)
        assert loaded.ok and loaded.evaluation is not None, loaded.messages()
        results = evaluate(loaded.evaluation)
        assert not [i for i in loaded.issues if i.is_error]
        out[lang] = Baseline(results, frozenset(map(where, loaded.issues)),
                             frozenset(f.text.key for f in results.findings))
    return out


# -- helpers for the cases ------------------------------------------------------------------

def roi(benefits: float, costs: float) -> float:
    return (benefits - costs) / costs * 100


def cost_row(b: Book, code: str) -> int:
    """The first Costs line of this cost code (the example's cells say `C - Catering`)."""
    for r in b.data_rows("costs"):
        found = schema.match_choice(schema.COST_CODES, b.get("costs", "code", r))
        if found is not None and found.key == code:
            return r
    raise KeyError(code)


def line_amount(b: Book, r: int) -> float:
    """Unit cost x Quantity x Duration x Proration, blanks as their defaults."""
    amount = float(b.get("costs", "unit_cost", r))
    for column in ("quantity", "duration", "proration"):
        value = b.get("costs", column, r)
        amount *= 1.0 if value is None else float(value)
    return amount


def new_line_roi(b: Book, base: Baseline, r: int, **typed: float) -> float:
    """The ROI once cost line `r` holds the numbers `typed` (by column key)."""
    old = line_amount(b, r)
    values = {c: b.get("costs", c, r) for c in ("unit_cost", "quantity", "duration",
                                                "proration")}
    values.update(typed)
    new = math.prod(1.0 if v is None else float(v) for v in values.values())
    return roi(base.benefits, base.costs - old + new)


def choice(choices: tuple[schema.Choice, ...], key: str, lang: str) -> str:
    return next(c for c in choices if c.key == key).name(lang)


def groups(b: Book) -> list[str]:
    return [str(b.get("groups", "group", r)) for r in b.data_rows("groups")]


def level_1(b: Book) -> dict[str, tuple[float, float]]:
    """Level 1 question codes and their scales, from Questions."""
    out = {}
    for r in b.data_rows("questions"):
        level = schema.match_choice(schema.LEVEL, b.get("questions", "level", r))
        if level is not None and level.key == "1":
            lo, hi = b.get("questions", "scale_min", r), b.get("questions", "scale_max", r)
            out[str(b.get("questions", "code", r))] = (float(lo or 1), float(hi or 5))
    return out


def reaction_mean(b: Book, replaced: dict[tuple[str, int], float] | None = None) -> float:
    """The level 1 mean by hand: every answer on its question's scale, weighted by its
    row's Weight; `replaced` gives the scale point of the cells typed as words."""
    replaced = replaced or {}
    total = weights = 0.0
    for code, (lo, hi) in level_1(b).items():
        for r in b.data_rows("reaction"):
            value = replaced.get((code, r), b.get("reaction", code, r))
            weight = float(b.get("reaction", "weight", r) or 1)
            if isinstance(value, int | float) and lo <= value <= hi:
                total += weight * value
                weights += weight
    return total / weights


def reaction_mean_is(expected: float) -> Check:
    def check(loaded: Loaded, results: Results) -> None:
        assert results.reaction.overall.mean == pytest.approx(expected, rel=1e-12)
    return check


def measure_row(b: Book) -> tuple[int, str, str]:
    """The first measure: its row on Measures, its group and its name."""
    r = b.data_rows("measures")[0]
    return r, str(b.get("measures", "group", r)), str(b.get("measures", "measure", r))


def measure_benefits(base: Baseline, group: str, name: str) -> float:
    return next(m.benefits for m in base.results.impact.measures
                if m.group == group and m.measure.name == name)


# -- rows that are not data: totals, hidden rows, merged cells -------------------------------

@mistake()
def total_row_with_a_code(b: Book, base: Baseline) -> Expect:
    """TOTAL typed under the cost lines, given a code so that it "passes"."""
    r = b.add_row("costs", {"group": groups(b)[0], "code": "EC", "description": "TOTAL",
                            "unit_cost": base.costs})
    return Expect(ERROR, "total_row", b.tab("costs"), b.cell("costs", "description", r),
                  (b.words(f"row {r} is a total row ('TOTAL'): delete it",
                           f"baris {r} adalah baris total ('TOTAL'): hapus baris ini"),))


@mistake()
def total_row_without_a_code(b: Book, base: Baseline) -> Expect:
    label = b.words("Sum", "Jumlah")
    r = b.add_row("costs", {"description": label, "unit_cost": base.costs})
    return Expect(ERROR, "total_row", b.tab("costs"), b.cell("costs", "description", r),
                  (b.words(f"row {r} is a total row ('{label}')",
                           f"baris {r} adalah baris total ('{label}')"),),
                  also=("cell_required",))


@mistake()
def subtotal_in_the_group_column(b: Book, base: Baseline) -> Expect:
    r = b.add_row("costs", {"group": "Subtotal", "code": "M", "unit_cost": 54_000_000})
    return Expect(ERROR, "total_row", b.tab("costs"), b.cell("costs", "group", r),
                  (b.words(f"row {r} is a total row ('Subtotal')",
                           f"baris {r} adalah baris total ('Subtotal')"),),
                  also=("group_unknown",))


@mistake()
def average_row_under_the_reaction_answers(b: Book, base: Baseline) -> Expect:
    label = b.words("Average", "Rata-rata")
    answers = dict.fromkeys(level_1(b), 4.2)
    r = b.add_row("reaction", {"group": groups(b)[-1], "session": label, **answers})
    return Expect(ERROR, "total_row", b.tab("reaction"), b.cell("reaction", "session", r),
                  (b.words(f"row {r} is a total row ('{label}')",
                           f"baris {r} adalah baris total ('{label}')"),))


@mistake()
def average_row_under_the_impact_periods(b: Book, base: Baseline) -> Expect:
    last = b.last_row("impact")
    label = b.words("Average", "Rata-rata")
    r = b.add_row("impact", {"group": b.get("impact", "group", last),
                             "measure": b.get("impact", "measure", last),
                             "before_period": label, "before": 7705, "after": 6040})
    return Expect(ERROR, "total_row", b.tab("impact"), b.cell("impact", "before_period", r),
                  (b.words(f"row {r} is a total row ('{label}')",
                           f"baris {r} adalah baris total ('{label}')"),))


@mistake()
def average_row_under_the_test_scores(b: Book, base: Baseline) -> Expect:
    label = b.words("Average", "Rata-rata")
    r = b.add_row("learning", {"name": label, "post_test": 83.6, "max_score": 100})
    return Expect(ERROR, "total_row", b.tab("learning"), b.cell("learning", "name", r),
                  (b.words(f"row {r} is a total row ('{label}')",
                           f"baris {r} adalah baris total ('{label}')"),),
                  also=("cell_required",))


@mistake()
def hidden_row_inside_the_cost_lines(b: Book, base: Baseline) -> Expect:
    r = b.data_rows("costs")[4]
    b.ws("costs").row_dimensions[r].hidden = True
    return Expect(ERROR, "hidden_rows_one", b.tab("costs"), f"A{r}",
                  (b.words(f"row {r} is hidden inside the table",
                           f"baris {r} tersembunyi di dalam tabel"),))


@mistake()
def three_hidden_rows_inside_the_survey(b: Book, base: Baseline) -> Expect:
    rows = b.data_rows("reaction")[4:7]
    for r in rows:
        b.ws("reaction").row_dimensions[r].hidden = True
    shown = ", ".join(map(str, rows))
    return Expect(ERROR, "hidden_rows_many", b.tab("reaction"), f"A{rows[0]}",
                  (b.words(f"rows {shown} are hidden inside the table",
                           f"baris {shown} tersembunyi di dalam tabel"),))


@mistake()
def hidden_empty_row_below_the_table(b: Book, base: Baseline) -> Expect:
    """Hidden rows outside the data are not read and do not matter."""
    b.ws("costs").row_dimensions[b.last_row("costs") + 10].hidden = True
    return Expect(ACCEPTED)


@mistake()
def empty_row_inserted_between_cost_lines(b: Book, base: Baseline) -> Expect:
    b.ws("costs").insert_rows(b.data_rows("costs")[3])
    return Expect(ACCEPTED)


@mistake()
def company_name_typed_above_the_title(b: Book, base: Baseline) -> Expect:
    ws = b.ws("costs")
    ws.insert_rows(1)
    ws["A1"] = "PT HM Sampoerna Tbk"
    return Expect(ACCEPTED)


@mistake()
def group_name_merged_over_its_cost_lines(b: Book, base: Baseline) -> Expect:
    first = groups(b)[0]
    rows = [r for r in b.data_rows("costs") if b.get("costs", "group", r) == first]
    letter = b.col("costs", "group")
    span = f"{letter}{rows[0]}:{letter}{rows[-1]}"
    b.ws("costs").merge_cells(span)
    return Expect(ERROR, "merged_in_data", b.tab("costs"), f"{letter}{rows[0]}",
                  (b.words(f"merged cells {span} in the data",
                           f"sel gabungan {span} di dalam data"),))


# -- numbers -----------------------------------------------------------------------------

@mistake()
def quantity_typed_with_extra_zeros(b: Book, base: Baseline) -> Expect:
    """27000000 for 27: the line is out of all proportion; a warning, and the ROI is the one
    of the figures as typed (nothing is changed behind the user's back)."""
    r = cost_row(b, "C")
    right = new_line_roi(b, base, r, quantity=27_000_000)
    b.put("costs", "quantity", r, 27_000_000)
    return Expect(WARNING, "implausible_value", b.tab("costs"), b.cell("costs", "quantity", r),
                  (b.words("Quantity is 27,000,000, out of all proportion to the other lines",
                           "Kuantitas berisi 27.000.000, jauh tidak sebanding dengan baris "
                           "lain"),),
                  roi=right, also=("implausible_line",))


@mistake()
def unit_cost_typed_as_text_with_thousands(b: Book, base: Baseline) -> Expect:
    """"120.000" in Indonesian, "120,000" in English: the same number, the same ROI."""
    r = cost_row(b, "C")
    b.put("costs", "unit_cost", r, number(b.get("costs", "unit_cost", r), b.lang))
    return Expect(ACCEPTED)


@mistake()
def unit_cost_typed_as_text_new_price(b: Book, base: Baseline) -> Expect:
    """"1.500.000" (Indonesian) or "1,500,000" (English) is one and a half million."""
    r = cost_row(b, "C")
    right = new_line_roi(b, base, r, unit_cost=1_500_000)
    b.put("costs", "unit_cost", r, b.words("1,500,000", "1.500.000"))
    return Expect(ACCEPTED, roi=right)


@mistake()
def unit_cost_typed_with_the_currency(b: Book, base: Baseline) -> Expect:
    r = cost_row(b, "A")
    right = new_line_roi(b, base, r, unit_cost=1_500_000)
    b.put("costs", "unit_cost", r, b.words("IDR 1,500,000", "Rp 1.500.000"))
    return Expect(ACCEPTED, roi=right)


@mistake()
def quantity_typed_with_spaces(b: Book, base: Baseline) -> Expect:
    r = cost_row(b, "C")
    b.put("costs", "quantity", r, f" {int(b.get('costs', 'quantity', r))} ")
    return Expect(ACCEPTED)


@mistake()
def impact_value_typed_as_text_with_decimals(b: Book, base: Baseline) -> Expect:
    """5124.35 typed "5.124,35" (Indonesian) or "5,124.35" (English)."""
    r = b.data_rows("impact")[0]
    b.put("impact", "after", r, number(b.get("impact", "after", r), b.lang))
    return Expect(ACCEPTED)


@mistake()
def wage_typed_with_the_currency(b: Book, base: Baseline) -> Expect:
    r = b.data_rows("rates")[0]
    amount = number(b.get("rates", "amount", r), b.lang)
    b.put("rates", "amount", r, b.words(f"IDR {amount}", f"Rp {amount}"))
    return Expect(ACCEPTED)


@mistake()
def negative_unit_cost(b: Book, base: Baseline) -> Expect:
    r = cost_row(b, "C")
    price = int(b.get("costs", "unit_cost", r))
    b.put("costs", "unit_cost", r, -price)
    return Expect(ERROR, "cell_bad", b.tab("costs"), b.cell("costs", "unit_cost", r),
                  (b.words(f"Unit cost is -{price}; enter a number of 0 or more",
                           f"Biaya satuan berisi -{price}; isi angka 0 atau lebih"),))


@mistake()
def participants_typed_with_a_word(b: Book, base: Baseline) -> Expect:
    r = b.data_rows("groups")[0]
    typed = b.words(f"{b.get('groups', 'participants', r)} people",
                    f"{b.get('groups', 'participants', r)} orang")
    ref = b.put("groups", "participants", r, typed)
    return Expect(ERROR, "cell_bad", b.tab("groups"), ref,
                  (b.words(f"Participants is '{typed}'; enter a number",
                           f"Peserta berisi '{typed}'; isi angka"),))


# -- percentages -----------------------------------------------------------------------------

def _estimate(b: Book, r: int) -> None:
    b.put("measures", "isolation", r, choice(schema.ISOLATION, "estimate", b.lang))


@mistake()
def contribution_typed_as_70_not_70_percent(b: Book, base: Baseline) -> Expect:
    """The cell says 70; the rule does not guess: an error saying to type 70% (and not a
    second one calling the cell empty)."""
    r, _, _ = measure_row(b)
    _estimate(b, r)
    b.put("measures", "confidence", r, 0.8)
    ref = b.put("measures", "contribution", r, 70)
    return Expect(ERROR, "fraction_range", b.tab("measures"), ref,
                  (b.words("Contribution is 70, outside 0\u00a0%..100\u00a0%",
                           "Kontribusi berisi 70, di luar 0\u00a0%..100\u00a0%"),
                   b.words("(if you meant 70\u00a0%, type 70%)",
                           "(bila maksudnya 70\u00a0%, ketik 70%)")))


@mistake()
def roi_objective_typed_as_25(b: Book, base: Baseline) -> Expect:
    ref = b.put_field("roi_objective", 25)
    return Expect(ERROR, "fraction_range", "Program", ref,
                  (b.words("ROI objective is 25, outside 0\u00a0%..100\u00a0%",
                           "Target ROI berisi 25, di luar 0\u00a0%..100\u00a0%"),
                   b.words("(if you meant 25\u00a0%, type 25%)",
                           "(bila maksudnya 25\u00a0%, ketik 25%)")))


@mistake()
def proration_typed_as_50(b: Book, base: Baseline) -> Expect:
    r = cost_row(b, "T")
    ref = b.put("costs", "proration", r, 50)
    return Expect(ERROR, "fraction_range", b.tab("costs"), ref,
                  (b.words("Proration is 50, outside 0\u00a0%..100\u00a0%",
                           "Proporsi berisi 50, di luar 0\u00a0%..100\u00a0%"),))


@mistake()
def percentages_typed_as_text(b: Book, base: Baseline) -> Expect:
    """"70%" and "80 %" typed as text into cells formatted as General: 0.7 and 0.8, so the
    measure's benefits are credited at 56 %."""
    r, group, name = measure_row(b)
    _estimate(b, r)
    b.put("measures", "contribution", r, "70%")
    b.put("measures", "confidence", r, "80 %")
    credited = base.benefits - measure_benefits(base, group, name) * (1 - 0.7 * 0.8)
    return Expect(ACCEPTED, roi=roi(credited, base.costs))


# -- survey answers --------------------------------------------------------------------------

@mistake()
def likert_answers_typed_as_words(b: Book, base: Baseline) -> Expect:
    """What the form showed: "Sangat setuju", "Setuju", "SS"; "Strongly agree", "SA". Read
    as their points on the 1-5 scale: the ROI is unchanged, the level 1 mean moves by
    exactly those answers."""
    codes = list(level_1(b))
    rows = b.data_rows("reaction")
    typed = {(codes[0], rows[0]): (b.words("Strongly agree", "Sangat setuju"), 5),
             (codes[0], rows[4]): (b.words("Agree", "Setuju"), 4),
             (codes[1], rows[0]): (b.words("SA", "SS"), 5),
             (codes[2], rows[0]): (b.words(" strongly agree ", " sangat setuju "), 5)}
    assert reaction_mean(b) == pytest.approx(base.results.reaction.overall.mean, rel=1e-12)
    expected = reaction_mean(b, {cell: point for cell, (_, point) in typed.items()})
    for (code, r), (word, _) in typed.items():
        b.put("reaction", code, r, word)
    return Expect(ACCEPTED, check=reaction_mean_is(expected))


@mistake()
def likert_answer_typed_as_the_questions_own_label(b: Book, base: Baseline) -> Expect:
    """The question's Labels name its points: "Biasa" / "OK" is point 3 of that question."""
    code = next(iter(level_1(b)))
    b.put("questions", "labels", b.row_where("questions", "code", code),
          b.words("Awful;Bad;OK;Good;Great", "Buruk sekali;Buruk;Biasa;Bagus;Bagus sekali"))
    r = b.data_rows("reaction")[2]
    expected = reaction_mean(b, {(code, r): 3})
    b.put("reaction", code, r, b.words("OK", "Biasa"))
    return Expect(ACCEPTED, check=reaction_mean_is(expected))


@mistake()
def answer_counts_headed_by_the_labels(b: Book, base: Baseline) -> Expect:
    """Application counts headed "tidak bermanfaat ... sangat bermanfaat" (the questions'
    labels) instead of 1 ... 4: the same counts, the same level 3 result."""
    labels = {b.get("questions", "labels", r) for r in b.data_rows("questions")
              if b.get("questions", "labels", r)}
    assert len(labels) == 1, labels  # every level 3 question of the example shares them
    names = str(labels.pop()).split(";")
    ws, header = b.ws("application_counts"), b.header_row("application_counts")
    for point, name in enumerate(names, start=1):
        ws[f"{b.col('application_counts', str(point))}{header}"] = name
    mean = base.results.application.overall_mean

    def same_level_3(loaded: Loaded, results: Results) -> None:
        assert results.application.overall_mean == pytest.approx(mean, rel=1e-12)
    return Expect(ACCEPTED, check=same_level_3)


@mistake()
def garbage_word_down_a_whole_column(b: Book, base: Baseline) -> Expect:
    """"mantap" for every answer to one question: ONE message with the range, not 17."""
    code = list(level_1(b))[2]
    rows = b.data_rows("reaction")
    for r in rows:
        b.put("reaction", code, r, "mantap")
    letter = b.col("reaction", code)
    return Expect(ERROR, "cell_bad", b.tab("reaction"), f"{letter}{rows[0]}:{letter}{rows[-1]}",
                  (b.words(f"{len(rows)} cells like this; the first, {letter}{rows[0]}: "
                           f"Answer to {code} is 'mantap'; enter a number such as 4",
                           f"{len(rows)} sel seperti ini; yang pertama, {letter}{rows[0]}: "
                           f"Jawaban {code} berisi 'mantap'; isi angka seperti 4"),))


@mistake()
def dash_typed_for_no_answer(b: Book, base: Baseline) -> Expect:
    code = list(level_1(b))[1]
    ref = b.put("reaction", code, b.data_rows("reaction")[2], "-")
    return Expect(ERROR, "cell_bad", b.tab("reaction"), ref,
                  (b.words(f"Answer to {code} is '-'; enter a number such as 4",
                           f"Jawaban {code} berisi '-'; isi angka seperti 4"),))


@mistake()
def answer_typed_as_text_with_a_decimal_comma(b: Book, base: Baseline) -> Expect:
    """3.8 typed "3,8" (Indonesian) or "3.8" (English) as text: the same answer."""
    code = list(level_1(b))[1]
    r = next(r for r in b.data_rows("reaction")
             if not float(b.get("reaction", code, r)).is_integer())
    b.put("reaction", code, r, number(b.get("reaction", code, r), b.lang))
    return Expect(ACCEPTED, check=reaction_mean_is(base.results.reaction.overall.mean))


@mistake()
def survey_weight_of_zero(b: Book, base: Baseline) -> Expect:
    ref = b.put("reaction", "weight", b.data_rows("reaction")[0], 0)
    return Expect(ERROR, "cell_bad", b.tab("reaction"), ref,
                  (b.words("Weight is 0; enter a number above 0",
                           "Bobot berisi 0; isi angka lebih dari 0"),))


# -- dates -----------------------------------------------------------------------------------

def _day(value: object) -> dt.date:
    assert isinstance(value, dt.datetime | dt.date), value
    return value.date() if isinstance(value, dt.datetime) else value


@mistake()
def evaluation_dates_typed_in_words(b: Book, base: Baseline) -> Expect:
    """"1 Januari 2011" / "January 1, 2011": read as those days."""
    start = _day(b.get("program", "value", b.field_row("evaluation_start")))
    end = _day(b.get("program", "value", b.field_row("evaluation_end")))
    b.put_field("evaluation_start", show(start, b.lang))
    b.put_field("evaluation_end", show(end, b.lang))

    def same_days(loaded: Loaded, results: Results) -> None:
        program = results.evaluation.program
        assert (program.evaluation_start, program.evaluation_end) == (start, end)
    return Expect(ACCEPTED, check=same_days)


@mistake()
def survey_date_pasted_as_a_timestamp(b: Book, base: Baseline) -> Expect:
    """A survey tool's export: "2010/06/14 4:15:32 PM GMT+7"; the time is dropped."""
    r = b.data_rows("reaction")[0]
    day = _day(b.get("reaction", "date", r))
    b.put("reaction", "date", r, f"{day:%Y/%m/%d} 4:15:32 PM GMT+7")

    def same_day(loaded: Loaded, results: Results) -> None:
        assert results.evaluation.reaction.rows[0].date == day
    return Expect(ACCEPTED, check=same_day)


@mistake()
def evaluation_start_in_words_after_the_end(b: Book, base: Baseline) -> Expect:
    """"12 Maret 2025" is read, and found after the end of the evaluation."""
    ref = b.put_field("evaluation_start", b.words("March 12, 2025", "12 Maret 2025"))
    return Expect(ERROR, "period_reversed", "Program", ref,
                  (b.words("is after Evaluation end", "jatuh setelah Akhir evaluasi"),
                   b.words("type them as YYYY-MM-DD", "ketik dengan format YYYY-MM-DD")))


@mistake()
def evaluation_dates_typed_month_first(b: Book, base: Baseline) -> Expect:
    """03/10/2011 meant 10 March, read day first as 3 October: after the end."""
    ref = b.put_field("evaluation_start", "03/10/2011")
    b.put_field("evaluation_end", "30/09/2011")
    return Expect(ERROR, "period_reversed", "Program", ref,
                  (b.words("Evaluation start 2011-10-03 is after Evaluation end 2011-09-30",
                           "Awal evaluasi 2011-10-03 jatuh setelah Akhir evaluasi "
                           "2011-09-30"),))


@mistake()
def evaluation_end_typed_the_american_way(b: Book, base: Baseline) -> Expect:
    ref = b.put_field("evaluation_end", "12/31/2011")
    return Expect(ERROR, "cell_bad", "Program", ref,
                  (b.words("Evaluation end is '12/31/2011'; enter a date (YYYY-MM-DD)",
                           "Akhir evaluasi berisi '12/31/2011'; isi tanggal (YYYY-MM-DD)"),))


@mistake()
def session_date_as_a_bare_number(b: Book, base: Baseline) -> Expect:
    """40344 in a cell formatted General is a number, not a date."""
    ref = b.put("reaction", "date", b.data_rows("reaction")[0], 40344)
    b.ws("reaction")[ref].number_format = "General"
    return Expect(ERROR, "date_is_number", b.tab("reaction"), ref,
                  (b.words("Date is the number 40344, not a date",
                           "Tanggal berisi angka 40344, bukan tanggal"),))


# -- codes and names -------------------------------------------------------------------------

@mistake()
def unknown_cost_code(b: Book, base: Baseline) -> Expect:
    ref = b.put("costs", "code", cost_row(b, "C"), "XX")
    return Expect(ERROR, "choice_bad", b.tab("costs"), ref,
                  (b.words("Code is 'XX'; enter one of:", "Kode berisi 'XX'; isi salah satu:"),))


@mistake()
def cost_code_typed_as_the_other_languages_name(b: Book, base: Baseline) -> Expect:
    """"Konsumsi" in the English workbook, "Catering" in the Indonesian one."""
    other = "id" if b.lang == "en" else "en"
    b.put("costs", "code", cost_row(b, "C"), choice(schema.COST_CODES, "C", other))
    return Expect(ACCEPTED)


@mistake()
def group_name_misspelt_in_costs(b: Book, base: Baseline) -> Expect:
    listed = groups(b)
    typo = listed[0][:-2] + listed[0][-1]  # Maker -> Makr
    ref = b.put("costs", "group", cost_row(b, "C"), typo)
    shown = ", ".join(listed)
    return Expect(ERROR, "group_unknown", b.tab("costs"), ref,
                  (b.words(f"Group '{typo}' is not listed in the Groups sheet (listed: {shown})",
                           f"Kelompok '{typo}' tidak ada di lembar Kelompok (terdaftar: "
                           f"{shown})"),))


@mistake()
def rate_name_misspelt_in_measures(b: Book, base: Baseline) -> Expect:
    r, _, _ = measure_row(b)
    name = str(b.get("measures", "rate", r))
    ref = b.put("measures", "rate", r, name + "s")
    return Expect(ERROR, "rate_unknown", b.tab("measures"), ref,
                  (b.words(f"Rate '{name}s' is not in the Rates sheet (listed: {name})",
                           f"Tarif '{name}s' tidak ada di lembar Tarif (terdaftar: {name})"),))


# -- sheets and headers ----------------------------------------------------------------------

@mistake("en")
def costs_sheet_deleted(b: Book, base: Baseline) -> Expect:
    b.delete_sheet("costs")
    return Expect(ERROR, "required_sheet_missing", "Costs", None,
                  ("required sheet 'Costs' (Indonesian: 'Biaya') is missing",))


@mistake()
def questions_sheet_deleted_while_answers_remain(b: Book, base: Baseline) -> Expect:
    """One message per survey sheet naming its orphaned answer columns, at the first."""
    codes = list(level_1(b))
    ref = f"{b.col('reaction', codes[0])}{b.header_row('reaction')}"
    b.delete_sheet("questions")
    shown = ", ".join(codes)
    return Expect(ERROR, "questions_missing", b.tab("reaction"), ref,
                  (b.words(f"the Questions sheet is missing, so the answer columns {shown} "
                           "have no questions",
                           f"lembar Pertanyaan tidak ada, sehingga kolom jawaban {shown} "
                           "tidak punya pertanyaan"),))


@mistake()
def costs_sheet_hidden(b: Book, base: Baseline) -> Expect:
    tab = b.tab("costs")
    b.ws("costs").sheet_state = "hidden"
    return Expect(WARNING, "sheet_hidden", tab, None,
                  (b.words(f"sheet '{tab}' is hidden; its data IS used",
                           f"lembar '{tab}' tersembunyi; datanya TETAP dipakai"),))


@mistake()
def costs_sheet_copied_as_a_backup(b: Book, base: Baseline) -> Expect:
    """Right-click > Move or Copy leaves "Biaya (2)": two Costs sheets."""
    tab = b.tab("costs")
    b.wb.copy_worksheet(b.ws("costs")).title = f"{tab} (2)"
    return Expect(ERROR, "sheet_twice", f"{tab} (2)", None,
                  (b.words(f"sheets '{tab}' and '{tab} (2)' are both the {tab} sheet; keep one",
                           f"lembar '{tab}' dan '{tab} (2)' sama-sama lembar {tab}; sisakan "
                           "satu"),))


@mistake()
def xlsx_renamed_xls(b: Book, base: Baseline) -> Expect:
    """Read by its content, with a warning about the file itself (no sheet, no cell)."""
    b.path = b.path.with_suffix(".xls")
    return Expect(WARNING, "renamed_workbook", None, None,
                  (b.words("the file is named .xls but is an Excel workbook (.xlsx)",
                           "nama file berakhiran .xls tetapi isinya workbook Excel (.xlsx)"),))


@mistake()
def tab_name_with_a_trailing_space(b: Book, base: Baseline) -> Expect:
    b.ws("costs").title = b.tab("costs") + " "
    return Expect(ACCEPTED)


@mistake()
def header_with_a_trailing_unit(b: Book, base: Baseline) -> Expect:
    """"Unit cost (IDR)" / "Biaya satuan (Rp)" is the Unit cost column."""
    ref = f"{b.col('costs', 'unit_cost')}{b.header_row('costs')}"
    b.ws("costs")[ref] = b.words("Unit cost (IDR)", "Biaya satuan (Rp)")
    return Expect(ACCEPTED)


@mistake()
def required_header_renamed(b: Book, base: Baseline) -> Expect:
    """"Unit cost" renamed "Price" / "Harga": the column is missing; the message points
    at the end of the header row, where to add it."""
    ws, header = b.ws("costs"), b.header_row("costs")
    after = max(c.column for c in ws[header] if c.value is not None) + 1
    ws[f"{b.col('costs', 'unit_cost')}{header}"] = b.words("Price", "Harga")
    return Expect(ERROR, "column_missing", b.tab("costs"), f"{get_column_letter(after)}{header}",
                  (b.words("required column 'Unit cost' is missing",
                           "kolom wajib 'Biaya satuan' tidak ada"),))


@mistake()
def question_column_typed_twice(b: Book, base: Baseline) -> Expect:
    code = next(iter(level_1(b)))
    ws, header = b.ws("reaction"), b.header_row("reaction")
    after = max(c.column for c in ws[header] if c.value is not None) + 1
    ref = f"{get_column_letter(after)}{header}"
    ws[ref] = code
    ws[f"{get_column_letter(after)}{header + 1}"] = 4
    return Expect(ERROR, "column_twice", b.tab("reaction"), ref,
                  (b.words(f"column '{code}' appears twice; keep one",
                           f"kolom '{code}' muncul dua kali; sisakan satu"),))


# -- measures --------------------------------------------------------------------------------

@mistake()
def measure_listed_twice(b: Book, base: Baseline) -> Expect:
    r, _, name = measure_row(b)
    twin = b.last_row("measures") + 1
    b.copy_row("measures", r, twin)
    return Expect(ERROR, "measure_twice", b.tab("measures"), b.cell("measures", "measure", twin),
                  (b.words(f"Measure '{name}' is listed twice for this group; keep one row",
                           f"Ukuran '{name}' tercantum dua kali untuk kelompok ini; sisakan "
                           "satu baris"),))


@mistake()
def value_per_unit_and_rate_both_filled(b: Book, base: Baseline) -> Expect:
    r, _, name = measure_row(b)
    ref = b.put("measures", "value_per_unit", r, 7291.67)
    return Expect(ERROR, "value_both", b.tab("measures"), ref,
                  (b.words(f"Measure '{name}' has both Value per unit and Rate",
                           f"Ukuran '{name}' berisi Nilai per satuan dan Tarif sekaligus"),))


@mistake()
def control_group_without_control_values(b: Book, base: Baseline) -> Expect:
    """Isolation = control group, the control columns left empty: ONE message for the
    measure's rows, with their range."""
    r, group, name = measure_row(b)
    b.put("measures", "isolation", r, choice(schema.ISOLATION, "control group", b.lang))
    rows = [i for i in b.data_rows("impact") if b.get("impact", "group", i) == group
            and b.get("impact", "measure", i) == name]
    letter = b.col("impact", "control_before")
    first = f"{letter}{rows[0]}"
    return Expect(ERROR, "control_values_empty", b.tab("impact"), f"{first}:{letter}{rows[-1]}",
                  (b.words(f"{len(rows)} cells like this; the first, {first}: {name} uses "
                           "Isolation = control group, but Control before or Control after "
                           "is empty",
                           f"{len(rows)} sel seperti ini; yang pertama, {first}: {name} memakai "
                           "Isolasi = kelompok kontrol, tetapi Kontrol sebelum atau Kontrol "
                           "sesudah kosong"),))


@mistake()
def estimate_isolation_without_contribution(b: Book, base: Baseline) -> Expect:
    r, _, _ = measure_row(b)
    _estimate(b, r)
    b.put("measures", "confidence", r, 0.8)
    return Expect(ERROR, "estimate_factor_empty", b.tab("measures"),
                  b.cell("measures", "contribution", r),
                  (b.words("Contribution is empty; Isolation = estimate applies it",
                           "Kontribusi kosong; Isolasi = estimasi menerapkannya"),))


# -- the program -----------------------------------------------------------------------------

@mistake()
def program_name_left_blank(b: Book, base: Baseline) -> Expect:
    ref = b.put_field("program_name", None)
    return Expect(ERROR, "program_name_empty", "Program", ref,
                  (b.words("Program name is empty; enter the training program's name",
                           "Nama program kosong; isi nama program pelatihan"),))


@mistake()
def language_typed_as_indonesia(b: Book, base: Baseline) -> Expect:
    """"Indonesia" is id: the report and every message in Indonesian, the figures alike."""
    b.put_field("language", "Indonesia")

    def in_indonesian(loaded: Loaded, results: Results) -> None:
        assert loaded.language == "id"
        assert results.evaluation.program.language == "id"
        lines = loaded.messages()
        assert lines == [i.format(str(loaded.path), "id") for i in loaded.issues]
        assert not any(": warning: " in line for line in lines)
    return Expect(ACCEPTED, check=in_indonesian)


@mistake("id")
def language_typed_as_inggris(b: Book, base: Baseline) -> Expect:
    """"Inggris" on the Indonesian workbook: an English report and English messages."""
    b.put_field("language", "Inggris")

    def in_english(loaded: Loaded, results: Results) -> None:
        assert loaded.language == "en"
        assert loaded.messages() == [i.format(str(loaded.path), "en") for i in loaded.issues]
    return Expect(ACCEPTED, check=in_english)


@mistake()
def group_name_typed_in_capitals_with_a_space(b: Book, base: Baseline) -> Expect:
    """"MAKER " in Costs is the group Maker: its costs stay with it."""
    r = cost_row(b, "C")
    b.put("costs", "group", r, f"{str(b.get('costs', 'group', r)).upper()} ")
    costs = [g.costs for g in base.results.groups]

    def same_groups(loaded: Loaded, results: Results) -> None:
        assert [g.costs for g in results.groups] == pytest.approx(costs, rel=1e-12)
    return Expect(ACCEPTED, check=same_groups)


@mistake()
def horizon_of_24_months_without_discount_rate(b: Book, base: Baseline) -> Expect:
    b.put_field("benefit_horizon", 24)
    return Expect(ERROR, "discount_missing", "Program", b.field_cell("discount_rate"),
                  (b.words("Benefit horizon is 24 months but Discount rate is empty",
                           "Horizon manfaat 24 bulan tetapi Tingkat diskonto kosong"),))


# -- learning and groups ---------------------------------------------------------------------

@mistake()
def post_test_above_max_score(b: Book, base: Baseline) -> Expect:
    r = next(r for r in b.data_rows("learning") if b.get("learning", "post_test", r))
    top = int(b.get("learning", "max_score", r))
    ref = b.put("learning", "post_test", r, top + 5)
    return Expect(ERROR, "score_above_max", b.tab("learning"), ref,
                  (b.words(f"Post-test {top + 5} is above Max score {top}",
                           f"Post-test {top + 5} melebihi Nilai maksimum {top}"),))


@mistake()
def status_typed_in_another_spelling(b: Book, base: Baseline) -> Expect:
    """"Absen" (Indonesian) or "Absent " (English): absent, as before."""
    absent = choice(schema.STATUS, "absent", b.lang)
    r = b.row_where("learning", "status", absent)
    b.put("learning", "status", r, b.words("Absent ", "Absen"))
    before = base.results.learning.overall

    def same_learning(loaded: Loaded, results: Results) -> None:
        now = results.learning.overall
        assert (now.sat, now.absent, now.mean) == (before.sat, before.absent, before.mean)
    return Expect(ACCEPTED, check=same_learning)


@mistake()
def post_test_typed_as_text_with_a_decimal_comma(b: Book, base: Baseline) -> Expect:
    """85.5 typed "85,5" (Indonesian) or "85.5" (English) as text: the mean moves by it."""
    r = next(r for r in b.data_rows("learning") if b.get("learning", "post_test", r))
    old = float(b.get("learning", "post_test", r))
    b.put("learning", "post_test", r, b.words("85.5", "85,5"))
    before = base.results.learning.overall
    assert before.mean is not None
    expected = (before.mean * before.sat - old + 85.5) / before.sat

    def new_mean(loaded: Loaded, results: Results) -> None:
        assert results.learning.overall.mean == pytest.approx(expected, rel=1e-12)
    return Expect(ACCEPTED, check=new_mean)


@mistake()
def participant_row_pasted_twice(b: Book, base: Baseline) -> Expect:
    """The roster now lists one more than Groups says: a warning at the count."""
    r = b.data_rows("learning")[4]
    group = str(b.get("learning", "group", r))
    b.copy_row("learning", r, b.last_row("learning") + 1)
    g = b.row_where("groups", "group", group)
    said = int(b.get("groups", "participants", g))
    return Expect(WARNING, "roster_mismatch", b.tab("groups"), b.cell("groups", "participants", g),
                  (b.words(f"Participants says {said} for {group}, but the Learning sheet lists "
                           f"{said + 1}",
                           f"Jumlah peserta {group} tertulis {said}, tetapi lembar Pembelajaran "
                           f"mendaftar {said + 1}"),))


@mistake()
def participants_disagree_with_the_roster(b: Book, base: Baseline) -> Expect:
    """Groups says 5 more than the Learning sheet lists: a warning at the count; costs are
    all charged to a group, so the ROI does not move."""
    r = b.data_rows("groups")[0]
    group, said = groups(b)[0], int(b.get("groups", "participants", r))
    listed = sum(1 for i in b.data_rows("learning") if b.get("learning", "group", i) == group)
    ref = b.put("groups", "participants", r, said + 5)
    return Expect(WARNING, "roster_mismatch", b.tab("groups"), ref,
                  (b.words(f"Participants says {said + 5} for {group}, but the Learning sheet "
                           f"lists {listed}",
                           f"Jumlah peserta {group} tertulis {said + 5}, tetapi lembar "
                           f"Pembelajaran mendaftar {listed}"),))


# -- the judge -------------------------------------------------------------------------------

def _verdict(loaded: Loaded, expect: Expect, base: Baseline) -> Results | None:
    """Check the verdict; the results when there are any."""
    allowed = {expect.key, *expect.also}
    if expect.verdict == ERROR:
        assert not loaded.ok and loaded.evaluation is None
        errors = {issue_key(i) for i in loaded.issues if i.is_error}
        assert expect.key in errors and errors <= allowed, loaded.messages()
        return None
    assert loaded.ok and loaded.evaluation is not None, loaded.messages()
    new = {issue_key(i) for i in loaded.issues if where(i) not in base.seen}
    if expect.verdict == WARNING:
        assert expect.key in new and new <= allowed, loaded.messages()
    else:
        assert not new, loaded.messages()
    results = evaluate(loaded.evaluation)
    assert {f.text.key for f in results.findings} <= base.findings
    return results


def _the_issue(loaded: Loaded, expect: Expect, lang: str) -> Issue:
    """The issue the user must act on, at the expected place: the user's own tab name
    (in the workbook's language) and cell or range."""
    found = [i for i in loaded.issues if issue_key(i) == expect.key]
    assert found, loaded.messages()
    first = found[0]
    assert (first.sheet, first.cell) == (expect.sheet, expect.cell), loaded.messages()
    if first.cell and ":" in first.cell:
        assert len(found) == 1, "a problem repeated down a column is one message"
    if expect.sheet is not None:
        sheet = schema.match_sheet(expect.sheet)
        assert sheet is not None
        assert schema.normalise(expect.sheet) == schema.normalise(sheet.name(lang))
    return first


def _language(loaded: Loaded, issue: Issue, expect: Expect, lang: str) -> None:
    """The message as shown, in the workbook's language; no English of it for an
    Indonesian user."""
    lines = loaded.messages()
    line = issue.format(str(loaded.path), lang)
    assert line in lines
    place = [str(loaded.path)]
    if issue.sheet:
        place.append(f"{issue.sheet}!{issue.cell}" if issue.cell else issue.sheet)
    label = "" if issue.is_error else {"en": "warning: ", "id": "peringatan: "}[lang]
    assert line.startswith(": ".join(place) + f": {label}"), line
    for words in expect.words:
        assert words in line, (words, line)
    if lang == "id":
        english = english_fragments(issue)
        assert english, issue.key
        for words in english:
            assert not any(words in text for text in lines), (words, lines)


def judge(loaded: Loaded, expect: Expect, base: Baseline, lang: str) -> None:
    results = _verdict(loaded, expect, base)
    if expect.verdict != ACCEPTED:
        _language(loaded, _the_issue(loaded, expect, lang), expect, lang)
    if results is None:
        return
    assert results.total.roi_pct == pytest.approx(
        base.roi if expect.roi is None else expect.roi, rel=1e-12, abs=1e-9)
    if expect.check is not None:
        expect.check(loaded, results)


CASES = [pytest.param(make, lang, id=f"{lang}-{name}")
         for name, make, langs in MISTAKES for lang in langs]


@pytest.mark.parametrize(("make", "lang"), CASES)
def test_mistake(tmp_path: Path, baselines: dict[str, Baseline], make: Make, lang: str) -> None:
    book = Book.example(tmp_path, lang)
    base = baselines[lang]
    expect = make(book, base)
    judge(load_book(book), expect, base, lang)


def test_the_corpus_is_large_enough() -> None:
    """At least 40 mistakes, at least 20 made on each language's workbook."""
    assert len(MISTAKES) >= 40
    for lang in LANGS:
        assert sum(1 for _, _, langs in MISTAKES if lang in langs) >= 20, lang
