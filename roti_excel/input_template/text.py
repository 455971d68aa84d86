"""Words of the input template that are not column names: the Instructions sheet, the
hints of input and error messages, in English and Indonesian.

Sheet and column names always come from :mod:`roti_excel.schema`; this module only
builds sentences around them.
"""

from __future__ import annotations

from functools import partial
from typing import Literal

from roti_excel import schema
from roti_excel.schema import Column, Kind, Sheet

Style = Literal["title", "heading", "text", "level", "item", "note"]
Line = tuple[Style, str]

ROI = "ROI"
BENEFIT_SHEETS = ("measures", "impact", "estimates")

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "required": "required",
        "optional": "optional",
        "or": "or",
        "benefits_required": "one is required: {m} with {i}, or {e}",
        "placeholder_code": "Type a level {level} question code from {q} in the orange "
                            "header cell below, e.g. {code}; one column per question",
        "placeholder_more": "Another question code, e.g. {code}",
        "answer_title": "Answer",
        "answer_prompt": "Answer to the question whose code is in the header cell: a score on "
                         "its scale",
        "scale_point": "Number of answers {point} (a point of the scale); keep one column "
                       "per point of your scale",
        "scale_point_more": "Number of answers {point}",
        "answer": "Answer to question {code} of {q}",
        "count": "Number of respondents who answered {code}",
        "program_hint": "Fill in the {v} column; bold fields are required. The {h} column "
                        "is only help.",
        "list_error": "Pick a value from the list. The code alone (e.g. {code}) or the English "
                      "or Indonesian name is accepted too.",
        "title_sep": " \u2014 ",
    },
    "id": {
        "required": "wajib",
        "optional": "opsional",
        "or": "atau",
        "benefits_required": "salah satu wajib: {m} dengan {i}, atau {e}",
        "placeholder_code": "Ketik kode pertanyaan level {level} dari {q} di sel judul "
                            "oranye di bawah ini, mis. {code}; satu kolom per pertanyaan",
        "placeholder_more": "Kode pertanyaan berikutnya, mis. {code}",
        "answer_title": "Jawaban",
        "answer_prompt": "Jawaban pertanyaan yang kodenya di sel judul: nilai pada skalanya",
        "scale_point": "Banyaknya jawaban {point} (titik skala); satu kolom per titik skala",
        "scale_point_more": "Banyaknya jawaban {point}",
        "answer": "Jawaban pertanyaan {code} dari {q}",
        "count": "Banyaknya responden yang menjawab {code}",
        "program_hint": "Isi kolom {v}; isian bercetak tebal wajib diisi. Kolom {h} "
                        "hanya keterangan.",
        "list_error": "Pilih dari daftar. Kode saja (mis. {code}) atau nama dalam bahasa "
                      "Inggris atau Indonesia juga diterima.",
        "title_sep": " \u2014 ",
    },
}

_KIND_HINT: dict[str, dict[Kind, str]] = {
    "en": {
        Kind.TEXT: "",
        Kind.NUMBER: "Enter a number",
        Kind.NONNEGATIVE: "Enter a number of 0 or more",
        Kind.POSITIVE: "Enter a number above 0",
        Kind.FRACTION: "Type a percentage from 0% to 100%, e.g. {ex} (stored as a fraction)",
        Kind.DATE: "Enter a date as YYYY-MM-DD",
        Kind.CHOICE: "Pick from the list",
        Kind.PERIOD: "A period label such as 2009-01, or a date",
    },
    "id": {
        Kind.TEXT: "",
        Kind.NUMBER: "Isi angka",
        Kind.NONNEGATIVE: "Isi angka 0 atau lebih",
        Kind.POSITIVE: "Isi angka lebih dari 0",
        Kind.FRACTION: "Ketik persentase 0% sampai 100%, mis. {ex} (disimpan sebagai pecahan)",
        Kind.DATE: "Isi tanggal dengan format YYYY-MM-DD",
        Kind.CHOICE: "Pilih dari daftar",
        Kind.PERIOD: "Label periode seperti 2009-01, atau tanggal",
    },
}
_EXAMPLE = {"en": ", e.g. {ex}", "id": ", mis. {ex}"}


def word(lang: str, key: str, **fields: str) -> str:
    return _WORDS[_lang(lang)][key].format(**fields)


def _lang(lang: str) -> str:
    return "id" if lang == "id" else "en"


def kind_hint(col: Column, lang: str) -> str:
    """What to enter in a column, in a short sentence: `Enter a number of 0 or more, e.g. 30.`"""
    lang = _lang(lang)
    hint = _KIND_HINT[lang][col.kind]
    if col.kind is Kind.FRACTION:
        return hint.format(ex=col.example or "25%") + "."
    if col.kind is Kind.TEXT:
        return ""
    if col.kind in (Kind.CHOICE, Kind.PERIOD):
        return hint + "."
    example = _EXAMPLE[lang].format(ex=col.example) if col.example else ""
    return f"{hint}{example}."


def column_help(col: Column, lang: str) -> str:
    """The help line of a column: its schema help, marked when the column is required."""
    text = col.help(lang)
    if col.required:
        text = f"{text} ({word(lang, 'required')})"
    return text


def sheet_status(sheet: Sheet, lang: str) -> str:
    """`required`, `optional`, or how the benefit sheets are required together."""
    if sheet.key in schema.REQUIRED_SHEETS:
        return word(lang, "required")
    if sheet.key in BENEFIT_SHEETS:
        m, i, e = (schema.sheet(k).name(lang) for k in BENEFIT_SHEETS)
        return word(lang, "benefits_required", m=m, i=i, e=e)
    return word(lang, "optional")


def sheet_title(sheet: Sheet, lang: str) -> str:
    sep = word(lang, "title_sep")
    return f"{sheet.name(lang)} ({sheet_status(sheet, lang)}){sep}{sheet.help(lang)}"


def _n(key: str, lang: str) -> str:
    return schema.sheet(key).name(lang)


def _c(sheet_key: str, col_key: str, lang: str) -> str:
    return schema.sheet(sheet_key).column(col_key).name(lang)


def _field(key: str, lang: str) -> str:
    return next(f for f in schema.PROGRAM_FIELDS if f.key == key).name(lang)


def instructions(lang: str) -> list[Line]:
    """The Instructions sheet, one (style, text) per row."""
    return _instructions_id() if lang == "id" else _instructions_en()


def _fraction_columns(lang: str) -> str:
    names: list[str] = []
    for s in schema.SHEETS:
        for c in s.columns:
            if c.kind is Kind.FRACTION and c.name(lang) not in names:
                names.append(c.name(lang))
    names += [f.name(lang) for f in schema.PROGRAM_FIELDS if f.kind is Kind.FRACTION]
    return ", ".join(names)


def _sheet_order(lang: str) -> list[Line]:
    return [("item", f"{i}. {s.name(lang)} ({sheet_status(s, lang)}): {s.help(lang)}")
            for i, s in enumerate(schema.SHEETS, 1)]


def _instructions_en() -> list[Line]:
    n = partial(_n, lang="en")
    code = schema.COST_CODES[2]
    return [
        ("title", "Training evaluation and ROI: input workbook"),
        ("text", "Fill in this workbook about one training program. roti-excel checks it and "
                 "writes a report that evaluates the program at five levels and computes its "
                 "return on investment (ROI), for finance and management."),
        ("heading", "The five levels"),
        ("level", f"1 {n('reaction')}: did the participants like the training?"),
        ("note", f"Survey scores per respondent or per session in {n('reaction')}; the "
                 f"questions in {n('questions')} (level 1)."),
        ("level", f"2 {n('learning')}: did they learn what was taught?"),
        ("note", f"Pre-test (optional) and post-test score per participant in {n('learning')}."),
        ("level", f"3 {n('application')}: do they apply it on the job?"),
        ("note", f"Follow-up survey answers in {n('application')}, or only the counts per "
                 f"answer in {n('application_counts')}; the questions in {n('questions')} "
                 "(level 3)."),
        ("level", f"4 {n('impact')}: did business measures improve?"),
        ("note", f"The measures and their money value in {n('measures')} (with {n('rates')} "
                 f"for derived values such as an hourly wage); before and after values in "
                 f"{n('impact')}, or people's estimates in {n('estimates')}."),
        ("level", f"5 {ROI}: was it worth the money?"),
        ("note", f"Benefits of level 4 against the fully loaded {n('costs')}: ROI % = "
                 "(benefits - costs) / costs x 100. Computed by the tool; nothing to enter."),
        ("heading", "Order to fill in the sheets"),
        *_sheet_order("en"),
        ("text", f"Only {n('program')}, {n('costs')} and one source of benefits are required: "
                 f"{n('measures')} with {n('impact')}, or {n('estimates')} (which name measures "
                 f"of {n('measures')}). Leave the other sheets empty or delete them; the report "
                 "says which levels were not evaluated."),
        ("heading", "How to enter values"),
        ("item", f"Percentages: type 25% (it is stored as 0.25). A value above 100% is an error. "
                 f"Percentage columns: {_fraction_columns('en')}."),
        ("item", "Money and numbers: plain numbers in the program's currency, without a "
                 "currency sign, e.g. 1500000."),
        ("item", "Dates: YYYY-MM-DD, e.g. 2011-01-31."),
        ("item", f"Lists: pick from the drop-down. The code alone (e.g. {code.key}) or the name "
                 f"in English or Indonesian (e.g. {code.en} or {code.id}) is accepted too."),
        ("item", "A blank cell takes the default given in the help line (e.g. a blank "
                 f"{_c('costs', 'quantity', 'en')} counts as 1)."),
        ("item", "Row 3 of each sheet is the header row: keep the column names. Enter data from "
                 "row 4 down. You may add rows and your own extra columns; they are ignored."),
        ("item", f"{n('reaction')} and {n('application')}: after the fixed columns comes one "
                 f"column per question; type its code from {n('questions')} (e.g. P1) in the "
                 "empty orange header cell, and add more columns to the right as needed. "
                 f"{n('application_counts')}: one column per scale point (1, 2, ...)."),
        ("heading", "Colours and help"),
        ("item", "Yellow cells are for input. Dark blue headers are required columns, light "
                 "blue ones optional; orange header cells wait for your question codes; grey "
                 "columns are computed for you and not read."),
        ("item", "Select a cell to see what to enter; a header's comment repeats its help."),
        ("heading", "The report"),
        ("item", "roti-excel validate <file>.xlsx lists every problem as FILE: SHEET!CELL: "
                 "message, errors first."),
        ("item", "roti-excel run <file>.xlsx writes the report <file>_report.xlsx beside this "
                 "workbook (add --json for <file>_report.json). This workbook is never changed."),
        ("item", f"The report language is the {_field('language', 'en')} field of "
                 f"{n('program')} (en or id)."),
    ]


def _instructions_id() -> list[Line]:
    n = partial(_n, lang="id")
    code = schema.COST_CODES[2]
    return [
        ("title", "Evaluasi pelatihan dan ROI: workbook input"),
        ("text", "Isi workbook ini tentang satu program pelatihan. roti-excel memeriksanya dan "
                 "membuat laporan yang mengevaluasi program pada lima level dan menghitung "
                 "return on investment (ROI), untuk bagian keuangan dan manajemen."),
        ("heading", "Lima level evaluasi"),
        ("level", f"1 {n('reaction')}: apakah peserta puas dengan pelatihan?"),
        ("note", f"Nilai survei per responden atau per sesi di {n('reaction')}; pertanyaannya "
                 f"di {n('questions')} (level 1)."),
        ("level", f"2 {n('learning')}: apakah peserta menguasai materi?"),
        ("note", f"Nilai pre-test (opsional) dan post-test per peserta di {n('learning')}."),
        ("level", f"3 {n('application')}: apakah peserta menerapkannya di tempat kerja?"),
        ("note", f"Jawaban survei tindak lanjut di {n('application')}, atau hanya jumlah "
                 f"jawaban di {n('application_counts')}; pertanyaannya di {n('questions')} "
                 "(level 3)."),
        ("level", f"4 {n('impact')}: apakah ukuran bisnis membaik?"),
        ("note", f"Ukuran dan nilai uangnya di {n('measures')} (dengan {n('rates')} untuk nilai "
                 f"turunan seperti upah per jam); nilai sebelum dan sesudah di {n('impact')}, "
                 f"atau estimasi orang di {n('estimates')}."),
        ("level", f"5 {ROI}: apakah sepadan dengan biayanya?"),
        ("note", f"Manfaat level 4 dibandingkan {n('costs')} lengkap: ROI % = (manfaat - biaya) "
                 "/ biaya x 100. Dihitung oleh alat ini; tidak ada yang perlu diisi."),
        ("heading", "Urutan pengisian sheet"),
        *_sheet_order("id"),
        ("text", f"Hanya {n('program')}, {n('costs')} dan satu sumber manfaat yang wajib: "
                 f"{n('measures')} dengan {n('impact')}, atau {n('estimates')} (yang menyebut "
                 f"ukuran dari {n('measures')}). Sheet lain boleh dikosongkan atau dihapus; "
                 "laporan menyebut level mana yang tidak dievaluasi."),
        ("heading", "Cara mengisi nilai"),
        ("item", f"Persentase: ketik 25% (disimpan sebagai 0,25). Nilai di atas 100% adalah "
                 f"kesalahan. Kolom persentase: {_fraction_columns('id')}."),
        ("item", "Uang dan angka: angka biasa dalam mata uang program, tanpa simbol mata uang, "
                 "mis. 1500000."),
        ("item", "Tanggal: YYYY-MM-DD, mis. 2011-01-31."),
        ("item", f"Daftar pilihan: pilih dari drop-down. Kode saja (mis. {code.key}) atau nama "
                 f"dalam bahasa Indonesia atau Inggris (mis. {code.id} atau {code.en}) juga "
                 "diterima."),
        ("item", "Sel kosong memakai nilai bawaan yang disebut di baris keterangan (mis. "
                 f"{_c('costs', 'quantity', 'id')} kosong dihitung 1)."),
        ("item", "Baris 3 setiap sheet adalah baris judul kolom: jangan ubah nama kolom. Isi data "
                 "mulai baris 4. Baris dan kolom tambahan Anda sendiri boleh; kolom tambahan "
                 "diabaikan."),
        ("item", f"{n('reaction')} dan {n('application')}: setelah kolom tetap ada satu kolom "
                 f"per pertanyaan; ketik kodenya dari {n('questions')} (mis. P1) di sel judul "
                 "oranye yang kosong, dan tambahkan kolom di sebelah kanan bila perlu. "
                 f"{n('application_counts')}: satu kolom per titik skala (1, 2, ...)."),
        ("heading", "Warna dan bantuan"),
        ("item", "Sel kuning untuk diisi. Judul kolom biru tua wajib, biru muda opsional; sel "
                 "judul oranye menunggu kode pertanyaan Anda; kolom abu-abu dihitung otomatis "
                 "dan tidak dibaca."),
        ("item", "Pilih sebuah sel untuk melihat apa yang harus diisi; komentar pada judul kolom "
                 "mengulang keterangannya."),
        ("heading", "Laporan"),
        ("item", "roti-excel validate <file>.xlsx menampilkan setiap masalah sebagai FILE: "
                 "SHEET!SEL: pesan, kesalahan lebih dulu."),
        ("item", "roti-excel run <file>.xlsx menulis laporan <file>_report.xlsx di folder yang "
                 "sama (tambahkan --json untuk <file>_report.json). Workbook ini tidak pernah "
                 "diubah."),
        ("item", f"Bahasa laporan mengikuti isian {_field('language', 'id')} di {n('program')} "
                 "(en atau id)."),
    ]


def is_coded(choices: tuple[schema.Choice, ...]) -> bool:
    """Choices keyed by short codes (cost codes): the drop-down shows `TM - name`."""
    return bool(choices) and all(c.key.isupper() and c.key != c.en for c in choices)


def choice_entry(choice: schema.Choice, choices: tuple[schema.Choice, ...], lang: str) -> str:
    """A drop-down entry: the label in the language, `TM - Training materials` for codes.
    :func:`schema.match_choice` reads every entry back as its choice."""
    label = choice.label(lang)
    return f"{choice.key} - {label}" if is_coded(choices) else label


def choice_entries(col: Column, lang: str) -> list[str]:
    return [choice_entry(c, col.choices, lang) for c in col.choices]
