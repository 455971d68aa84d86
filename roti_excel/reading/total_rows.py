"""Rows that are not data: a total, subtotal or average row typed under a table would be
counted as one more line (the costs doubled, one respondent too many). A row is one when a
label cell of it says only that, in English or Indonesian ("TOTAL", "Jumlah", "Rata-rata"),
or says what it totals with nothing else: a group of the workbook, or the costs ("Subtotal
Packer", "Jumlah biaya Packer"). Names that merely start with such a word ("Total
downtime") are data."""

from __future__ import annotations

from roti_excel import schema
from roti_excel.issues import Issue, error
from roti_excel.messages import msg
from roti_excel.reading.raw_tables import RawTable
from roti_excel.schema import normalise

TOTAL_WORDS = frozenset(normalise(w) for w in (
    "total", "totals", "sub total", "subtotal", "sub-total", "grand total", "total biaya",
    "total cost", "total costs", "jumlah", "jumlah total", "jumlah biaya", "total keseluruhan",
    "keseluruhan", "sum", "average", "avg", "mean", "rata-rata", "rata rata", "rerata",
    "jml", "jml.",
))
# Every word above contains one of these: a text without any cannot be a total label (a
# quick test first: a survey's respondent codes are 100,000 distinct texts).
TOTAL_STEMS = ("total", "jumlah", "jml", "sum", "avg", "average", "mean", "rata",
               "keseluruhan")
# A total word that starts a label, and the words that may follow it besides the names of
# groups: what a subtotal says it adds up. Anything else makes the label a name.
_LEADS = tuple(normalise(w) for w in (
    "grand total", "sub total", "sub-total", "subtotal", "total", "totals", "jumlah", "jml.",
    "jml", "sum"))
_TOTALLED = frozenset(normalise(w) for w in (
    "biaya", "cost", "costs", "all", "semua", "seluruh", "keseluruhan", "group", "groups",
    "kelompok", "per", "untuk", "for", "of", "-", "="))


def holds_total_stem(text: str) -> bool:
    """Whether `text` (one label, or many joined) holds a total word's stem; plain substring
    searches, which run through a whole column's joined texts in milliseconds."""
    low = text.casefold()
    return any(stem in low for stem in TOTAL_STEMS)


# Sheets of free text or field/value pairs, where such a word is no sign of a total row.
_NOT_CHECKED = frozenset({"program", "questions", "intangibles"})
_LABEL_KINDS = (schema.Kind.TEXT, schema.Kind.CHOICE, schema.Kind.PERIOD)


def is_total_label(text: str, groups: frozenset[str] = frozenset()) -> bool:
    """Whether `text` labels a total row: a total word alone, or one followed only by what
    it totals (`groups`: the workbook's group names, normalised)."""
    label = normalise(text)
    if label in TOTAL_WORDS:
        return True
    label = " ".join(label.replace(":", " ").split())  # "Total: Shift A"
    lead = next((w for w in _LEADS if label.startswith(w + " ")), None)
    if lead is None:
        return False
    rest = f" {label[len(lead):].strip()} "
    for group in sorted(groups, key=len, reverse=True):  # "shift a" before "shift"
        rest = rest.replace(f" {group} ", " ")
    return all(word in _TOTALLED for word in rest.split())


def total_row_issues(table: RawTable, groups: frozenset[str] = frozenset()) -> list[Issue]:
    """An error per total row of `table`, at its label cell, in row order (`groups`: the
    workbook's group names, normalised, which a subtotal's label may name)."""
    if table.sheet.key in _NOT_CHECKED:
        return []
    found: dict[int, tuple[str, str]] = {}  # row index -> (cell, label as typed)
    for col in table.sheet.columns:
        index = table.columns.get(col.key)
        if index is None or col.kind not in _LABEL_KINDS:
            continue
        column = table.raw_column(index)
        # each different text judged once (a column repeats its groups and dates), and a
        # column none of whose texts holds a total word is passed over in one search
        texts = [v for v in set(column) if type(v) is str and v]
        if not holds_total_stem("\n".join(texts)):
            continue
        labels = {v for v in texts if holds_total_stem(v) and is_total_label(v, groups)}
        if not labels:
            continue
        for i, value in enumerate(column):
            if value in labels and i not in found:
                found[i] = (f"{table.letters(index)}{table.rows[i].number}", value.strip())
    return [error(msg("total_row", row=str(table.rows[i].number), label=label), table.name,
                  cell)
            for i, (cell, label) in sorted(found.items())]
