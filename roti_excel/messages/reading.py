"""Messages of the reading stage (sheets, columns, cells): key -> (English, Indonesian).
Values in braces are filled when the message is shown (see roti_excel.messages.values):
{col} and {sheet} are schema names and show in the workbook's language, {choices} the
drop-down words of that language."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- one cell --------------------------------------------------------------------------
    "cell_bad": (
        "{col} is {found}; enter {expected}{example}",
        "{col} berisi {found}; isi {expected}{example}"),
    "cell_required": (
        "{col} is empty; it is required{example}",
        "{col} kosong; wajib diisi{example}"),
    "example_such_as": (" such as {ex}", " seperti {ex}"),
    "example_eg": (", e.g. {ex}", ", mis. {ex}"),
    "typed": ("'{value}'", "'{value}'"),
    "expect_number": ("a number", "angka"),
    "expect_percentage": ("a percentage between 0\u00a0% and 100\u00a0%",
                          "persentase antara 0\u00a0% dan 100\u00a0%"),
    "expect_nonnegative": ("a number of 0 or more", "angka 0 atau lebih"),
    "expect_positive": ("a number above 0", "angka lebih dari 0"),
    "expect_date": ("a date (YYYY-MM-DD)", "tanggal (YYYY-MM-DD)"),
    "too_large": (
        "{col} is {value}, too large to be real; enter a number below {limit}",
        "{col} berisi {value}, terlalu besar untuk nyata; isi angka di bawah {limit}"),
    "too_small": (
        "{col} is {value}, too close to 0 to be meant; enter 0 or a number of at least "
        "0.000000001",
        "{col} berisi {value}, terlalu dekat ke 0 untuk disengaja; isi 0 atau angka minimal "
        "0,000000001"),
    "fraction_range": (
        "{col} is {value}, outside 0\u00a0%..100\u00a0%; enter a percentage such as 80%{hint}",
        "{col} berisi {value}, di luar 0\u00a0%..100\u00a0%; isi persentase seperti 80%{hint}"),
    "fraction_meant": (
        " (if you meant {value}\u00a0%, type {value}%)",
        " (bila maksudnya {value}\u00a0%, ketik {value}%)"),
    "choice_bad": (
        "{col} is '{value}'; enter one of: {choices}",
        "{col} berisi '{value}'; isi salah satu: {choices}"),
    "date_is_number": (
        "{col} is the number {value}, not a date; enter a date such as {example} (a whole "
        "number is a date only in a cell formatted as a date)",
        "{col} berisi angka {value}, bukan tanggal; isi tanggal seperti {example} (angka bulat "
        "hanya menjadi tanggal di sel berformat tanggal)"),
    "date_not_a_day": (
        "{col} is {value}, a time of day or a date number of 0 or below, not a date; enter a "
        "date such as {example}",
        "{col} berisi {value}, yaitu jam atau angka tanggal 0 ke bawah, bukan tanggal; isi "
        "tanggal seperti {example}"),
    # -- the workbook and its sheets ---------------------------------------------------------
    "required_sheet_missing": (
        "required sheet '{sheet}' (Indonesian: '{other}') is missing; add it (see the template)",
        "lembar wajib '{sheet}' (bahasa Inggris: '{other}') tidak ada; tambahkan (lihat "
        "template)"),
    "no_cost_lines": (
        "{sheet} has no cost lines; enter each cost of the program (a Code and a Unit cost per "
        "line): without costs there is no ROI",
        "{sheet} tidak berisi baris biaya; isi setiap biaya program (Kode dan Biaya satuan per "
        "baris): tanpa biaya tidak ada ROI"),
    "measures_without_data": (
        "the measures listed have no data: fill the Impact sheet (before and after values per "
        "measure) or the Estimates sheet, or clear the Measures sheet if the program claims no "
        "monetary benefit",
        "ukuran yang didaftar tidak punya data: isi lembar Dampak (nilai sebelum dan sesudah "
        "per ukuran) atau lembar Estimasi, atau kosongkan lembar Ukuran bila program tidak "
        "mengklaim manfaat uang"),
    "not_monetised": (
        "no benefit data (no Measures with Impact or Estimates rows): the report shows the "
        "levels, costs and intangibles and computes no ROI (not monetised); fill Measures and "
        "Impact or Estimates to compute one",
        "tidak ada data manfaat (tidak ada Ukuran dengan baris Dampak atau Estimasi): laporan "
        "menampilkan level, biaya, dan manfaat tak berwujud tanpa menghitung ROI (tidak "
        "dimonetisasi); isi Ukuran dan Dampak atau Estimasi untuk menghitungnya"),
    "column_twice": (
        "column '{name}' appears twice; keep one",
        "kolom '{name}' muncul dua kali; sisakan satu"),
    "column_missing": (
        "required column '{col}' is missing; add a column headed '{col_en}' (or '{col_id}') to "
        "the header row {row}",
        "kolom wajib '{col}' tidak ada; tambahkan kolom berjudul '{col_id}' (atau '{col_en}') "
        "di baris judul {row}"),
    "no_header": (
        "no header row found; put the column names ({columns}) in one row near the top",
        "baris judul tidak ditemukan; tulis nama kolom ({columns}) dalam satu baris di bagian "
        "atas"),
    "sheet_twice": (
        "sheets '{first}' and '{second}' are both the {sheet} sheet; keep one",
        "lembar '{first}' dan '{second}' sama-sama lembar {sheet}; sisakan satu"),
    "sheet_hidden": (
        "sheet '{name}' is hidden; its data IS used. Unhide it (right-click a sheet tab > "
        "Unhide) to check it, or delete it if it should not be read",
        "lembar '{name}' tersembunyi; datanya TETAP dipakai. Tampilkan (klik kanan tab lembar > "
        "Unhide/Tampilkan) untuk memeriksanya, atau hapus bila tidak boleh dibaca"),
    "sheet_very_hidden": (
        "sheet '{name}' is very hidden (not listed under Unhide; a macro or the author hid it); "
        "its data IS used. Unhide it (right-click a sheet tab > Unhide) to check it, or delete "
        "it if it should not be read",
        "lembar '{name}' sangat tersembunyi (tidak muncul di Unhide; disembunyikan makro atau "
        "pembuatnya); datanya TETAP dipakai. Tampilkan untuk memeriksanya, atau hapus bila "
        "tidak boleh dibaca"),
    "workbook_unreadable": (
        "the workbook could not be read ({reason}); open it in Excel or LibreOffice and save it "
        "again as .xlsx",
        "workbook tidak dapat dibaca ({reason}); buka di Excel atau LibreOffice lalu simpan "
        "ulang sebagai .xlsx"),
    # -- rows and areas -----------------------------------------------------------------------
    "group_unknown": (
        "Group '{name}' is not listed in the Groups sheet (listed: {listed}); add it there or "
        "correct the name",
        "Kelompok '{name}' tidak ada di lembar Kelompok (terdaftar: {listed}); tambahkan di "
        "sana atau perbaiki namanya"),
    "none_listed": ("none", "tidak ada"),
    "merged_in_data": (
        "merged cells {cells} in the data (header row {first} to row {last}): only the first "
        "cell of a merged range holds its value, the others are read as blank; unmerge them "
        "(Home > Merge & Center off) and fill each cell",
        "sel gabungan {cells} di dalam data (baris judul {first} sampai baris {last}): hanya "
        "sel pertama yang berisi nilai, sisanya terbaca kosong; pisahkan (Home > Merge & Center "
        "dimatikan) dan isi setiap sel"),
    "uncomputed_one": (
        "formula in {cells} has no stored value (file saved by a program that does not "
        "calculate), so the value read would be blank; open and save it in Excel or "
        "LibreOffice so the values are calculated",
        "rumus di {cells} tidak punya nilai tersimpan (file disimpan oleh program yang tidak "
        "menghitung), sehingga terbaca kosong; buka dan simpan di Excel atau LibreOffice agar "
        "nilainya dihitung"),
    "uncomputed_many": (
        "formulas in {cells} have no stored value (file saved by a program that does not "
        "calculate), so the values read would be blank; open and save it in Excel or "
        "LibreOffice so the values are calculated",
        "rumus di {cells} tidak punya nilai tersimpan (file disimpan oleh program yang tidak "
        "menghitung), sehingga terbaca kosong; buka dan simpan di Excel atau LibreOffice agar "
        "nilainya dihitung"),
    "error_cells_one": (
        "cell {cells} holds a spreadsheet error instead of a value; correct the formula or type "
        "the value, then save again",
        "sel {cells} berisi error spreadsheet, bukan nilai; perbaiki rumusnya atau ketik "
        "nilainya, lalu simpan lagi"),
    "error_cells_many": (
        "cells {cells} hold a spreadsheet error instead of a value; correct the formula or type "
        "the value, then save again",
        "sel {cells} berisi error spreadsheet, bukan nilai; perbaiki rumusnya atau ketik "
        "nilainya, lalu simpan lagi"),
    "hidden_rows_one": (
        "row {rows} is hidden inside the table (header row {first} to row {last}); hidden rows "
        "are counted like the others: unhide them (select the rows around, right-click > "
        "Unhide) and delete the rows that are not data",
        "baris {rows} tersembunyi di dalam tabel (baris judul {first} sampai baris {last}); "
        "baris tersembunyi tetap dihitung: tampilkan (pilih baris di sekitarnya, klik kanan > "
        "Unhide/Tampilkan) lalu hapus baris yang bukan data"),
    "hidden_rows_many": (
        "rows {rows} are hidden inside the table (header row {first} to row {last}); hidden "
        "rows are counted like the others: unhide them (select the rows around, right-click > "
        "Unhide) and delete the rows that are not data",
        "baris {rows} tersembunyi di dalam tabel (baris judul {first} sampai baris {last}); "
        "baris tersembunyi tetap dihitung: tampilkan (pilih baris di sekitarnya, klik kanan > "
        "Unhide/Tampilkan) lalu hapus baris yang bukan data"),
    "total_row": (
        "row {row} is a total row ('{label}'): delete it; roti-excel adds up the lines itself, "
        "and this row would be counted as one more",
        "baris {row} adalah baris total ('{label}'): hapus baris ini; roti-excel menjumlahkan "
        "sendiri, dan baris ini akan terhitung sebagai satu baris lagi"),
    # -- Program and Groups ---------------------------------------------------------------
    "field_unknown": (
        "unknown field '{field}' is ignored; known fields: {fields}",
        "isian '{field}' tidak dikenal dan diabaikan; isian yang dikenal: {fields}"),
    "program_name_empty": (
        "Program name is empty; enter the training program's name, e.g. Protos 70 operator "
        "training",
        "Nama program kosong; isi nama program pelatihan, mis. Pelatihan operator Protos 70"),
    "category_band_bad": (
        "Category bands item '{part}' is not 'number label'; enter e.g. '2.5 Poor; 3.25 Fair; "
        "4 Good'",
        "butir Batas kategori '{part}' bukan 'angka label'; isi mis. '2,5 Kurang; 3,25 Cukup; "
        "4 Baik'"),
    "group_twice": (
        "Group '{name}' is listed twice; keep one row",
        "Kelompok '{name}' tercantum dua kali; sisakan satu baris"),
    "discount_missing": (
        "Benefit horizon is {horizon} months but Discount rate is empty; benefits after month "
        "12 must be discounted: add a Discount rate row with the yearly rate finance uses, e.g. "
        "10%, or set the horizon to 12",
        "Horizon manfaat {horizon} bulan tetapi Tingkat diskonto kosong; manfaat setelah bulan "
        "ke-12 harus didiskonto: tambahkan baris Tingkat diskonto dengan tarif tahunan yang "
        "dipakai bagian keuangan, mis. 10%, atau ubah horizon menjadi 12"),
    "period_reversed": (
        "Evaluation start {start} is after Evaluation end {end}; check both dates (type them as "
        "YYYY-MM-DD, e.g. 2025-03-10, so day and month cannot be swapped)",
        "Awal evaluasi {start} jatuh setelah Akhir evaluasi {end}; periksa kedua tanggal (ketik "
        "dengan format YYYY-MM-DD, mis. 2025-03-10, agar hari dan bulan tidak tertukar)"),
    # -- Questions and surveys -------------------------------------------------------------
    "code_twice": (
        "question code '{code}' is used twice; codes must be unique",
        "kode pertanyaan '{code}' dipakai dua kali; kode harus unik"),
    "dimension_wrong_level": (
        "Dimension '{dim}' does not belong to level {level}; enter one of: {choices}",
        "Dimensi '{dim}' bukan milik level {level}; isi salah satu: {choices}"),
    "scale_reversed": (
        "Scale min {lo} is not below Scale max {hi}; enter e.g. 1 and 5",
        "Skala min {lo} tidak lebih kecil dari Skala maks {hi}; isi mis. 1 dan 5"),
    "labels_count": (
        "Labels give {n} names for a {lo}-{hi} scale ({points} points); the labels are not used",
        "Label berisi {n} nama untuk skala {lo}-{hi} ({points} titik); label tidak dipakai"),
    "column_not_a_code": (
        "column '{header}' is not a level {level} question code in Questions (codes: {codes}); "
        "add the question there or rename the column",
        "kolom '{header}' bukan kode pertanyaan level {level} di Pertanyaan (kode: {codes}); "
        "tambahkan pertanyaannya di sana atau ganti nama kolomnya"),
    "none_yet": ("none yet", "belum ada"),
    "answer_off_scale": (
        "answer {value} to {code} is outside its scale {lo}-{hi}; it is left out of the "
        "averages (enter a value on the scale, or leave it blank)",
        "jawaban {value} untuk {code} di luar skalanya {lo}-{hi}; tidak ikut dirata-rata (isi "
        "nilai pada skala, atau kosongkan)"),
    "count_code_unknown": (
        "Code '{code}' is not a level 3 question in Questions; add it there",
        "Kode '{code}' bukan pertanyaan level 3 di Pertanyaan; tambahkan di sana"),
    "count_column_not_point": (
        "column '{header}' is not a point of {code}'s scale {lo}-{hi}; head the columns 1, "
        "2, ... or with the question's labels",
        "kolom '{header}' bukan titik skala {code} {lo}-{hi}; beri judul kolom 1, 2, ... atau "
        "label pertanyaannya"),
    # -- Learning --------------------------------------------------------------------------
    "post_test_empty": (
        "Post-test is empty for {who}; counted as absent. Enter the score, or set Status to "
        "absent",
        "Post-test kosong untuk {who}; dihitung tidak hadir. Isi nilainya, atau isi Status "
        "tidak hadir"),
    "score_above_max": (
        "{col} {score} is above Max score {top}; correct the score or the maximum",
        "{col} {score} melebihi Nilai maksimum {top}; perbaiki nilainya atau nilai "
        "maksimumnya"),
    # -- Rates, Measures, Impact, Estimates --------------------------------------------------
    "rate_twice": (
        "Rate '{name}' is listed twice; keep one row",
        "Tarif '{name}' tercantum dua kali; sisakan satu baris"),
    "measure_twice": (
        "Measure '{name}' is listed twice for this group; keep one row",
        "Ukuran '{name}' tercantum dua kali untuk kelompok ini; sisakan satu baris"),
    "value_both": (
        "Measure '{name}' has both Value per unit and Rate; fill exactly one (a money value per "
        "unit such as 7291.67, or the name of a row in Rates)",
        "Ukuran '{name}' berisi Nilai per satuan dan Tarif sekaligus; isi salah satu saja "
        "(nilai uang per satuan seperti 7291,67, atau nama baris di Tarif)"),
    "value_neither": (
        "Measure '{name}' has neither Value per unit nor Rate; fill exactly one (a money value "
        "per unit such as 7291.67, or the name of a row in Rates)",
        "Ukuran '{name}' tidak berisi Nilai per satuan maupun Tarif; isi salah satu (nilai uang "
        "per satuan seperti 7291,67, atau nama baris di Tarif)"),
    "rate_unknown": (
        "Rate '{name}' is not in the Rates sheet (listed: {listed}); add it there or correct "
        "the name",
        "Tarif '{name}' tidak ada di lembar Tarif (terdaftar: {listed}); tambahkan di sana atau "
        "perbaiki namanya"),
    "measure_unknown": (
        "Measure '{name}' is not in the Measures sheet for this group (listed: {listed}); add it "
        "there or correct the name",
        "Ukuran '{name}' tidak ada di lembar Ukuran untuk kelompok ini (terdaftar: {listed}); "
        "tambahkan di sana atau perbaiki namanya"),
    "estimate_factor_empty": (
        "{col} is empty; Isolation = estimate applies it to the measure's Impact rows: enter a "
        "percentage such as 80%",
        "{col} kosong; Isolasi = estimasi menerapkannya pada baris Dampak ukuran ini: isi "
        "persentase seperti 80%"),
    "impact_value_empty": (
        "{col} is empty for {measure} in this row; the period counts as no improvement (0). "
        "Enter the value if it is known",
        "{col} kosong untuk {measure} di baris ini; periode ini dihitung tanpa perbaikan (0). "
        "Isi nilainya bila diketahui"),
    "control_values_empty": (
        "{measure} uses Isolation = control group, but Control before or Control after is "
        "empty; enter both control values",
        "{measure} memakai Isolasi = kelompok kontrol, tetapi Kontrol sebelum atau Kontrol "
        "sesudah kosong; isi kedua nilai kontrol"),
    "annual_empty": (
        "Annual improvement is empty for {who}; it counts as no improvement (0)",
        "Perbaikan per tahun kosong untuk {who}; dihitung tanpa perbaikan (0)"),
    "this_respondent": ("this respondent", "responden ini"),
    "trend_too_few": (
        "{measure} uses Isolation = trend line but has {n} before value(s){whose}; enter at "
        "least two before periods, or choose another isolation method",
        "{measure} memakai Isolasi = garis tren tetapi hanya punya {n} nilai sebelum{whose}; "
        "isi minimal dua periode sebelum, atau pilih metode isolasi lain"),
    "for_group": (" for {group}", " untuk {group}"),
    "repeated": (
        "{count} cells like this; the first, {first}: {message}",
        "{count} sel seperti ini; yang pertama, {first}: {message}"),
    # -- plausibility ---------------------------------------------------------------------
    "implausible_value": (
        "{col} is {value}, out of all proportion to the other lines (their median is "
        "{median}); check the value: a price or an amount typed in this column?",
        "{col} berisi {value}, jauh tidak sebanding dengan baris lain (mediannya {median}); "
        "periksa nilainya: apakah harga atau jumlah uang terketik di kolom ini?"),
    "implausible_line": (
        "this cost line comes to {amount}, {share}\u00a0% of all the costs and over 100 times the "
        "typical line; check its Unit cost, Quantity and Duration",
        "baris biaya ini berjumlah {amount}, {share}\u00a0% dari seluruh biaya dan lebih dari 100 "
        "kali baris yang lazim; periksa Biaya satuan, Kuantitas, dan Durasinya"),
    "roster_mismatch": (
        "Participants says {participants} for {group}, but the Learning sheet lists {listed}; "
        "correct one of them (shared costs are split by Participants)",
        "Jumlah peserta {group} tertulis {participants}, tetapi lembar Pembelajaran mendaftar "
        "{listed}; perbaiki salah satunya (biaya bersama dibagi menurut Jumlah peserta)"),
    "total_formula_row": (
        "row {row} is a total row (the formula in {cell} adds up or averages the lines above): "
        "delete it; roti-excel adds up the lines itself, and this row would be counted as one "
        "more",
        "baris {row} adalah baris total (rumus di {cell} menjumlahkan atau merata-ratakan baris "
        "di atasnya): hapus baris ini; roti-excel menjumlahkan sendiri, dan baris ini akan "
        "terhitung sebagai satu baris lagi"),
    "renamed_workbook": (
        "the file is named {suffix} but is an Excel workbook (.xlsx); it was read as one. "
        "Rename it to .xlsx so Excel opens it without a warning",
        "nama file berakhiran {suffix} tetapi isinya workbook Excel (.xlsx); file dibaca "
        "sebagai .xlsx. Ganti akhiran namanya menjadi .xlsx agar Excel membukanya tanpa "
        "peringatan"),
    "questions_missing": (
        "the {sheet} sheet is missing, so the answer columns {codes} have no questions; add "
        "the {sheet} sheet with one row per question code (see the template)",
        "lembar {sheet} tidak ada, sehingga kolom jawaban {codes} tidak punya pertanyaan; "
        "tambahkan lembar {sheet} dengan satu baris per kode pertanyaan (lihat template)"),
    "no_suffix": ("(no suffix)", "(tanpa akhiran)"),
    "duplicate_cost_line": (
        "this cost line repeats line {row} exactly (same group, code, description and "
        "figures); delete it if it was pasted twice, or tell them apart in Description",
        "baris biaya ini sama persis dengan baris {row} (kelompok, kode, keterangan, dan angka "
        "sama); hapus bila tertempel dua kali, atau bedakan di Keterangan"),
}
