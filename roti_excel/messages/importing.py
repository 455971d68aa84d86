"""Messages of `roti-excel import`: key -> (English, Indonesian). Each names the source file,
and the row and column of the export where there is one."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "import_empty": ("{file}: the file is empty; download the responses again",
                     "{file}: file kosong; unduh ulang jawabannya"),
    "import_not_text": (
        "{file}: this is not a CSV text file (it looks like {kind}); download the responses "
        "as CSV or as an Excel workbook (.xlsx)",
        "{file}: ini bukan file teks CSV (tampaknya {kind}); unduh jawaban sebagai CSV atau "
        "workbook Excel (.xlsx)"),
    "import_encoding": (
        "{file}: the text is not UTF-8 (byte {byte} at position {position}); save the export "
        "as 'CSV UTF-8' and import it again",
        "{file}: teksnya bukan UTF-8 (byte {byte} di posisi {position}); simpan ekspor "
        "sebagai 'CSV UTF-8' lalu impor lagi"),
    "import_too_large": (
        "{file}: {size} MB is more than the {limit} MB an import takes; split the export "
        "(for example by date) and import the parts one after another",
        "{file}: {size} MB melebihi batas impor {limit} MB; bagi ekspornya (misalnya per "
        "tanggal) lalu impor satu per satu"),
    "import_unreadable": ("{file}: the workbook cannot be read ({reason})",
                          "{file}: workbook tidak dapat dibaca ({reason})"),
    "import_kind": (
        "{file}: not a Google Forms or Microsoft Forms export: its first columns are {found}; "
        "a Google Forms export starts with 'Timestamp' (or 'Stempel waktu'), a Microsoft "
        "Forms one with 'ID', 'Start time', 'Completion time'",
        "{file}: bukan ekspor Google Forms atau Microsoft Forms: kolom pertamanya {found}; "
        "ekspor Google Forms diawali 'Stempel waktu' (atau 'Timestamp'), ekspor Microsoft "
        "Forms diawali 'ID', 'Start time', 'Completion time'"),
    "import_no_questions": ("{file}: no question columns after the form's own columns",
                            "{file}: tidak ada kolom pertanyaan setelah kolom bawaan formulir"),
    "import_no_rows": ("{file}: the export has a header but no responses",
                       "{file}: ekspor berisi judul kolom tetapi tidak ada jawaban"),
    "import_off_scale": (
        "{file}: row {row}, column '{column}': '{answer}' is not an answer of this "
        "question's scale ({labels}); correct it in the form's responses or leave the row "
        "out with --skip-bad-rows",
        "{file}: baris {row}, kolom '{column}': '{answer}' bukan jawaban pada skala "
        "pertanyaan ini ({labels}); perbaiki di jawaban formulir atau lewati barisnya dengan "
        "--skip-bad-rows"),
    "import_duplicate": (
        "{file}: row {row}: the same respondent as row {first}; delete one of the two "
        "responses or leave the row out with --skip-bad-rows",
        "{file}: baris {row}: responden yang sama dengan baris {first}; hapus salah satu "
        "jawaban atau lewati barisnya dengan --skip-bad-rows"),
    "import_bad_time": (
        "{file}: row {row}, column '{column}': '{value}' is not a date and time; the "
        "response's date is left blank",
        "{file}: baris {row}, kolom '{column}': '{value}' bukan tanggal dan waktu; tanggal "
        "jawaban dikosongkan"),
    "import_skipped_row": ("{file}: row {row} left out (--skip-bad-rows)",
                           "{file}: baris {row} dilewati (--skip-bad-rows)"),
    "import_free_text": (
        "{file}: column '{column}' holds free text ({n} different answers), not answers on a "
        "scale: not imported",
        "{file}: kolom '{column}' berisi teks bebas ({n} jawaban berbeda), bukan jawaban "
        "skala: tidak diimpor"),
    "import_dimension_unset": (
        "{sheet}!D{row}: the Dimension of {code} is not set; choose it from the drop-down "
        "before running the workbook",
        "{sheet}!D{row}: Dimensi {code} belum diisi; pilih dari daftar sebelum workbook "
        "dijalankan"),
    "import_dates_day_first": (
        "{file}: every date in '{column}' reads either way; read day first (dd/mm/yyyy)",
        "{file}: setiap tanggal di '{column}' dapat dibaca dua arah; dibaca hari dulu "
        "(dd/mm/yyyy)"),
    "import_no_sheet": ("{file}: the workbook has no {sheet} sheet; import into the "
                        "roti-excel template (roti-excel template)",
                        "{file}: workbook tidak punya lembar {sheet}; impor ke template "
                        "roti-excel (roti-excel template)"),
    "import_map_title": ("roti-excel import of {files}: {read} response(s) read, {skipped} "
                         "left out",
                         "impor roti-excel dari {files}: {read} jawaban dibaca, {skipped} "
                         "dilewati"),
    "import_map_header": ("Source column|Sheet|Code|Scale",
                          "Kolom sumber|Lembar|Kode|Skala"),
    "import_not_moodle": (
        "{file}: not a Moodle grades export: its first columns are {found}; a quiz grades "
        "report has a 'Grade/10.00' column, a gradebook 'Quiz: <name> (Real)' columns",
        "{file}: bukan ekspor nilai Moodle: kolom pertamanya {found}; laporan nilai kuis "
        "punya kolom 'Nilai/10,00', buku nilai punya kolom 'Kuis: <nama> (Nyata)'"),
    "import_quiz_count": (
        "{count} tests found ({found}); give one (the post-test) or two (the pre-test, then "
        "the post-test), or name them with --pre and --post",
        "{count} tes ditemukan ({found}); berikan satu (post-test) atau dua (pre-test, lalu "
        "post-test), atau sebut namanya dengan --pre dan --post"),
    "import_quiz_name": (
        "{count} tests match '{name}' (tests found: {found}); give a part of the name of "
        "exactly one with --pre and --post",
        "{count} tes cocok dengan '{name}' (tes yang ada: {found}); berikan bagian nama "
        "tepat satu tes dengan --pre dan --post"),
    "import_two_attempts": (
        "{file}: row {row}: a second attempt of the person of row {first}; export the "
        "highest graded attempt only, or leave the row out with --skip-bad-rows",
        "{file}: baris {row}: percobaan kedua dari orang di baris {first}; ekspor hanya "
        "percobaan dengan nilai tertinggi, atau lewati barisnya dengan --skip-bad-rows"),
    "import_only_in": (
        "{file}: row {row}: {name} is not in {other}; the row is imported with that test "
        "blank",
        "{file}: baris {row}: {name} tidak ada di {other}; barisnya diimpor dengan tes itu "
        "kosong"),
    "import_map_learning_header": ("Source|Sheet|Column|Max score",
                                   "Sumber|Lembar|Kolom|Nilai maks"),
    "import_scale_ambiguous": (
        "{file}: column '{column}': its answers fit a 4-point and a 5-point scale; read as "
        "1-{high} ({code}); if the form offered another number of answers, correct Scale "
        "max and Labels of {code} in Questions",
        "{file}: kolom '{column}': jawabannya cocok dengan skala 4 dan 5 titik; dibaca "
        "1-{high} ({code}); bila formulir menawarkan jumlah jawaban lain, perbaiki Skala "
        "maks dan Label {code} di Pertanyaan"),
    "import_nothing_written": ("nothing written: correct the exports and import again",
                               "tidak ada yang ditulis: perbaiki ekspor lalu impor lagi"),
}
