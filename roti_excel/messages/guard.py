"""Messages of the guard stage: key -> (English, Indonesian). Values in braces are filled
when the message is shown (see roti_excel.messages.values)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Fragments shared by many messages (values of the others).
    "damaged": (
        "the workbook is damaged",
        "workbook rusak"),
    "new_copy": (
        "open it in Excel and save it again as Excel Workbook (.xlsx), or ask the sender for a "
        "new copy",
        "buka di Excel lalu simpan ulang sebagai Excel Workbook (.xlsx), atau minta salinan "
        "baru kepada pengirimnya"),
    "size_gb": ("{n} GB", "{n} GB"),
    "size_mb": ("{n} MB", "{n} MB"),
    "size_kb": ("{n} KB", "{n} KB"),
    "size_bytes": ("{n} bytes", "{n} byte"),
    "count_million": ("{n} million", "{n} juta"),
    "count_billion": ("{n} billion", "{n} miliar"),
    "list_more": (
        "{items} (and {more} more)",
        "{items} (dan {more} lainnya)"),

    # The file itself.
    "file_not_found": (
        "file not found; check the file name and the folder",
        "file tidak ditemukan; periksa nama file dan foldernya"),
    "file_permission_denied": (
        "cannot open the file (permission denied); check that you may read it, or copy it to "
        "your own folder and use the copy",
        "file tidak dapat dibuka (tidak ada izin); pastikan Anda boleh membacanya, atau salin "
        "file ke folder Anda sendiri dan pakai salinannya"),
    "file_permission_denied_open": (
        "cannot open the file (permission denied); close it in Excel if it is open there, "
        "check that you may read it, or copy it to your own folder and use the copy",
        "file tidak dapat dibuka (tidak ada izin); tutup file di Excel bila sedang terbuka, "
        "pastikan Anda boleh membacanya, atau salin file ke folder Anda sendiri dan pakai "
        "salinannya"),
    "file_cannot_open": (
        "cannot open the file ({reason}); copy it to a local folder and use the copy",
        "file tidak dapat dibuka ({reason}); salin file ke folder di komputer Anda dan pakai "
        "salinannya"),
    "file_cannot_read": (
        "cannot read the file ({reason}); copy it to a local folder and use the copy",
        "file tidak dapat dibaca ({reason}); salin file ke folder di komputer Anda dan pakai "
        "salinannya"),
    "file_is_folder": (
        "this is a folder, not a file; choose the Excel workbook inside it",
        "ini folder, bukan file; pilih workbook Excel yang ada di dalamnya"),
    "file_not_regular": (
        "this is not an ordinary file; save the workbook as a normal .xlsx file and choose "
        "that",
        "ini bukan file biasa; simpan workbook sebagai file .xlsx biasa lalu pilih file itu"),
    "file_empty": (
        "the file is empty (0 bytes): it was not saved or not copied completely; get the "
        "workbook again",
        "file kosong (0 byte): file tidak tersimpan atau tidak tersalin sampai selesai; ambil "
        "lagi workbook-nya"),
    "file_too_large": (
        "the file is {size}, more than the {limit} allowed; delete unused sheets, pictures and "
        "empty rows, or split the data over several workbooks",
        "ukuran file {size}, lebih dari batas {limit}; hapus lembar, gambar, dan baris kosong "
        "yang tidak dipakai, atau bagi datanya ke beberapa workbook"),
    "file_damaged_unzip": (
        "{damaged} or incomplete: it cannot be unzipped. It may not have been copied "
        "completely: get it again, or open it in Excel (which can repair it) and save as .xlsx",
        "{damaged} atau tidak lengkap: isinya tidak dapat dibuka. Mungkin file tidak tersalin "
        "sampai selesai: ambil lagi filenya, atau buka di Excel (yang dapat memperbaikinya) "
        "lalu simpan ulang sebagai .xlsx"),
    "file_invalid_xml": (
        "{damaged}: it holds invalid XML ({detail}); {new_copy}",
        "{damaged}: isinya XML yang tidak valid ({detail}); {new_copy}"),

    # What the file really is.
    "password_protected": (
        "password-protected workbook: remove the password (File > Info > Protect Workbook > "
        "Encrypt with Password, clear the box) and save again",
        "workbook dilindungi kata sandi: hapus kata sandinya (File > Info > Protect Workbook > "
        "Encrypt with Password, kosongkan isiannya) lalu simpan lagi"),
    "legacy_xls": (
        "legacy .xls workbook (Excel 97-2003): open it and save as Excel Workbook (.xlsx)",
        "workbook .xls versi lama (Excel 97-2003): buka lalu simpan sebagai Excel Workbook "
        "(.xlsx)"),
    "text_renamed": (
        "this is a text/CSV file renamed {suffix}; open it in Excel and save as .xlsx (Excel "
        "Workbook)",
        "ini file teks/CSV yang namanya diganti menjadi {suffix}; buka di Excel lalu simpan "
        "sebagai .xlsx (Excel Workbook)"),
    "html_renamed": (
        "this is a web page (HTML) renamed {suffix}, as some systems export; open it in Excel "
        "and save as .xlsx (Excel Workbook)",
        "ini halaman web (HTML) yang namanya diganti menjadi {suffix}, seperti hasil ekspor "
        "beberapa sistem; buka di Excel lalu simpan sebagai .xlsx (Excel Workbook)"),
    "xml_2003": (
        "this is an Excel 2003 XML spreadsheet; open it in Excel and save as .xlsx (Excel "
        "Workbook)",
        "ini spreadsheet XML Excel 2003; buka di Excel lalu simpan sebagai .xlsx (Excel "
        "Workbook)"),
    "xml_renamed": (
        "this is an XML file renamed {suffix}, not an Excel workbook; check you chose the "
        "right file",
        "ini file XML yang namanya diganti menjadi {suffix}, bukan workbook Excel; pastikan "
        "Anda memilih file yang benar"),
    "not_a_workbook": (
        "not an Excel workbook; check you chose the right file, or open it in Excel and save "
        "as .xlsx (Excel Workbook)",
        "bukan workbook Excel; pastikan Anda memilih file yang benar, atau buka di Excel lalu "
        "simpan sebagai .xlsx (Excel Workbook)"),
    "xlsb": (
        "this is an Excel Binary Workbook (.xlsb); open it in Excel and save as .xlsx (Excel "
        "Workbook)",
        "ini Excel Binary Workbook (.xlsb); buka di Excel lalu simpan sebagai .xlsx (Excel "
        "Workbook)"),
    "ods": (
        "this is an OpenDocument file (.ods, from LibreOffice); open it and save as .xlsx "
        "(Excel Workbook)",
        "ini file OpenDocument (.ods, dari LibreOffice); buka lalu simpan sebagai .xlsx "
        "(Excel Workbook)"),
    "word_document": (
        "this is a Word document, not an Excel workbook; choose the workbook",
        "ini dokumen Word, bukan workbook Excel; pilih workbook-nya"),
    "powerpoint": (
        "this is a PowerPoint presentation, not an Excel workbook; choose the workbook",
        "ini presentasi PowerPoint, bukan workbook Excel; pilih workbook-nya"),
    "no_content_types": (
        "not an Excel workbook: this zip file has no [Content_Types].xml (a damaged workbook "
        "or another kind of file); open it in Excel and save as .xlsx, or choose the right file",
        "bukan workbook Excel: file zip ini tidak berisi [Content_Types].xml (workbook rusak "
        "atau jenis file lain); buka di Excel lalu simpan sebagai .xlsx, atau pilih file yang "
        "benar"),
    "no_workbook_part": (
        "not an Excel workbook: xl/workbook.xml is missing (a damaged workbook or another kind "
        "of Office file); open it in Excel and save as .xlsx, or choose the right file",
        "bukan workbook Excel: xl/workbook.xml tidak ada (workbook rusak atau jenis file Office "
        "lain); buka di Excel lalu simpan sebagai .xlsx, atau pilih file yang benar"),

    # The zip container and its parts.
    "too_many_parts_listed": (
        "the file holds {parts} parts ({size} of contents list), more than any real workbook: "
        "it is damaged or not a workbook; {new_copy}",
        "file berisi {parts} bagian ({size} daftar isi), lebih banyak dari workbook sungguhan "
        "mana pun: file rusak atau bukan workbook; {new_copy}"),
    "too_many_parts": (
        "the file holds {parts} parts, more than the {limit} any real workbook has: it is "
        "damaged or not a workbook; {new_copy}",
        "file berisi {parts} bagian, lebih dari {limit} bagian yang dimiliki workbook "
        "sungguhan mana pun: file rusak atau bukan workbook; {new_copy}"),
    "unpacks_too_large": (
        "the workbook unpacks to {size}, more than the {limit} allowed (too large, or a 'zip "
        "bomb'); delete unused sheets, pictures and empty rows, or split the data over several "
        "workbooks",
        "isi workbook setelah dibuka sebesar {size}, lebih dari batas {limit} (terlalu besar, "
        "atau sebuah 'zip bomb'); hapus lembar, gambar, dan baris kosong yang tidak dipakai, "
        "atau bagi datanya ke beberapa workbook"),
    "parts_too_large": (
        "parts too large once unpacked: {parts}, over the {limit} allowed for one part; delete "
        "unused rows, sheets or pictures, or split the data over several workbooks",
        "bagian yang terlalu besar setelah dibuka: {parts}, melebihi batas {limit} untuk satu "
        "bagian; hapus baris, lembar, atau gambar yang tidak dipakai, atau bagi datanya ke "
        "beberapa workbook"),
    "part_size": ("{part} ({size})", "{part} ({size})"),
    "parts_compressed": (
        "parts compressed far more than in any real workbook: {parts} (a 'zip bomb'); the file "
        "is not read: ask the sender for the original file",
        "bagian yang dipadatkan jauh melebihi workbook sungguhan mana pun: {parts} (sebuah "
        "'zip bomb'); file tidak dibaca: minta file aslinya kepada pengirim"),
    "part_ratio": ("{part} ({ratio} to 1)", "{part} ({ratio} banding 1)"),
    "part_zip_bomb": (
        "{damaged}: the part {part} unpacks to more than {size} (a 'zip bomb'); {new_copy}",
        "{damaged}: bagian {part} setelah dibuka lebih dari {size} (sebuah 'zip bomb'); "
        "{new_copy}"),
    "part_mismatch": (
        "{damaged}: the part {part} does not match the size or checksum that the zip declares "
        "for it (a damaged or crafted file, possibly a 'zip bomb'); {new_copy}",
        "{damaged}: bagian {part} tidak cocok dengan ukuran atau checksum yang tercatat untuknya "
        "di zip (file rusak atau sengaja direkayasa, mungkin sebuah 'zip bomb'); {new_copy}"),
    "part_misplaced": (
        "{damaged}: the part {part} cannot be found where the zip's contents list says; "
        "{new_copy}",
        "{damaged}: bagian {part} tidak ada di tempat yang disebut daftar isi zip-nya; "
        "{new_copy}"),
    "part_twice": (
        "{damaged}: the part {part} appears twice (a file readers may read differently); "
        "{new_copy}",
        "{damaged}: bagian {part} ada dua kali (file seperti ini bisa dibaca berbeda oleh "
        "program yang berbeda); {new_copy}"),
    "part_compression": (
        "{damaged}: the part {part} uses a compression Excel never writes; {new_copy}",
        "{damaged}: bagian {part} memakai jenis kompresi yang tidak pernah dipakai Excel; "
        "{new_copy}"),
    "zip_password": (
        "the workbook's parts are encrypted with a zip password; open it in Excel and save it "
        "as a normal .xlsx without a password",
        "isi workbook dienkripsi dengan kata sandi zip; buka di Excel lalu simpan sebagai "
        ".xlsx biasa tanpa kata sandi"),

    # XML.
    "xml_dtd": (
        "the workbook contains XML that Excel never writes (a DTD or entity declaration in "
        "{part}, as used in XML attacks), so it is not read; {new_copy}",
        "workbook berisi XML yang tidak pernah dibuat Excel (deklarasi DTD atau entity di "
        "{part}, seperti yang dipakai dalam serangan XML), jadi tidak dibaca; {new_copy}"),
    "part_invalid_xml": (
        "{damaged}: {part} is not valid XML ({detail}); {new_copy}",
        "{damaged}: {part} bukan XML yang valid ({detail}); {new_copy}"),
    "element_too_large": (
        "{damaged}: {part} has a single element over {size}; {new_copy}",
        "{damaged}: {part} berisi satu elemen yang lebih dari {size}; {new_copy}"),

    # The workbook and its sheets.
    "macro_enabled": (
        "macro-enabled workbook: macros are never run; only the values stored in the file are "
        "read",
        "workbook berisi makro: makro tidak pernah dijalankan; hanya nilai yang tersimpan di "
        "file yang dibaca"),
    "external_links": (
        "the workbook links to other workbooks; external links are not followed: the values "
        "stored in this file are used. To refresh them, open it in Excel, update the links "
        "(Data > Edit Links) and save",
        "workbook ini terhubung ke workbook lain; tautan ke luar tidak diikuti: yang dipakai "
        "adalah nilai yang tersimpan di file ini. Untuk memperbaruinya, buka di Excel, "
        "perbarui tautannya (Data > Edit Links) lalu simpan"),
    "no_sheets": (
        "{damaged}: it has no sheets; {new_copy}",
        "{damaged}: tidak ada satu lembar pun di dalamnya; {new_copy}"),
    "sheet_name_twice": (
        "{damaged}: two sheets are named '{sheet}'; {new_copy}",
        "{damaged}: ada dua lembar yang bernama '{sheet}'; {new_copy}"),
    "sheet_part_missing": (
        "{damaged}: sheet '{sheet}' is missing from the file; {new_copy}",
        "{damaged}: lembar '{sheet}' tidak ada di dalam file; {new_copy}"),
    "cells_past_excel": (
        "sheet '{sheet}' has cells at {cell}, past Excel's last cell {last}: the file is "
        "damaged; copy the data to a new workbook and save that",
        "lembar '{sheet}' berisi sel di {cell}, melewati sel terakhir Excel {last}: file "
        "rusak; salin datanya ke workbook baru lalu simpan workbook baru itu"),
    "beyond_last_cell": (
        "beyond the last row or column",
        "luar baris atau kolom terakhir"),
    "cells_too_many": (
        "sheet '{sheet}' claims cells up to {cell} ({cells} cells); delete the unused "
        "rows/columns or copy the data to a new workbook",
        "lembar '{sheet}' mencakup sel sampai {cell} ({cells} sel); hapus baris/kolom yang "
        "tidak dipakai atau salin datanya ke workbook baru"),
    "table_too_long": (
        "sheet '{sheet}' reaches row {rows}, beyond the {limit} rows roti-excel takes on "
        "this sheet (its stated capacity, so that a run stays within a minute and 1 GB); if "
        "the rows below your data are empty, delete them; otherwise split the program into "
        "several workbooks (for example per group or per period), or for surveys enter one "
        "row per session with its average answers and a Weight",
        "lembar '{sheet}' mencapai baris {rows}, melebihi {limit} baris yang diterima "
        "roti-excel pada lembar ini (kapasitasnya, agar proses selesai dalam semenit dan "
        "1 GB); bila baris di bawah data Anda kosong, hapus baris itu; bila tidak, bagi "
        "program ke beberapa workbook (misalnya per kelompok atau per periode), atau untuk "
        "survei isi satu baris per sesi berisi rata-rata jawaban dan Bobot"),
    "merged_too_many": (
        "sheet '{sheet}' has more than {limit} merged ranges; unmerge them (select all, Home > "
        "Merge & Center > Unmerge Cells) and save again",
        "lembar '{sheet}' berisi lebih dari {limit} kelompok sel gabungan (merge); batalkan "
        "penggabungannya (pilih semua, Home > Merge & Center > Unmerge Cells) lalu simpan lagi"),
    "merged_too_large": (
        "sheet '{sheet}' has merged cells {range} covering too many cells (all merged ranges "
        "together may cover at most {limit}); unmerge them (Home > Merge & Center > Unmerge "
        "Cells) and save again",
        "lembar '{sheet}' berisi sel gabungan {range} yang mencakup terlalu banyak sel (semua "
        "sel gabungan bersama-sama paling banyak {limit} sel); batalkan penggabungannya (Home "
        "> Merge & Center > Unmerge Cells) lalu simpan lagi"),
    "merged_cells": (
        "merged cells {ranges} — unmerge them (Home > Merge & Center > Unmerge Cells) so each "
        "value sits in its own cell",
        "sel gabungan (merge) {ranges} — batalkan penggabungannya (Home > Merge & Center > "
        "Unmerge Cells) agar setiap nilai ada di selnya sendiri"),
    "text_too_long": (
        "text too long in {cells}: a cell may hold at most {limit} characters; shorten the "
        "text or split it over several cells",
        "teks terlalu panjang di {cells}: satu sel paling banyak berisi {limit} karakter; "
        "perpendek teksnya atau bagi ke beberapa sel"),
    "text_length": ("{cell} ({length} characters)", "{cell} ({length} karakter)"),
    "text_length_over": (
        "{cell} (over {length} characters)",
        "{cell} (lebih dari {length} karakter)"),
    "formula_no_value": (
        "formula in {cells} has no stored value (file saved by a program that does not "
        "calculate); open and save it in Excel or LibreOffice",
        "rumus di {cells} tidak punya nilai tersimpan (file disimpan oleh program yang tidak "
        "menghitung rumus); buka lalu simpan file ini di Excel atau LibreOffice"),
    "formulas_no_value": (
        "formulas in {cells} have no stored value (file saved by a program that does not "
        "calculate); open and save it in Excel or LibreOffice",
        "rumus-rumus di {cells} tidak punya nilai tersimpan (file disimpan oleh program yang "
        "tidak menghitung rumus); buka lalu simpan file ini di Excel atau LibreOffice"),
    "text_cell_unclear": (
        "{damaged}: text cell {cell} of sheet '{sheet}' does not say which text it holds; "
        "{new_copy}",
        "{damaged}: sel teks {cell} di lembar '{sheet}' tidak menyebut teks mana isinya; "
        "{new_copy}"),
    "text_number_missing": (
        "{damaged}: sheet '{sheet}' uses {used} but the file holds {count} texts; {new_copy}",
        "{damaged}: lembar '{sheet}' memakai {used} padahal file hanya berisi {count} teks; "
        "{new_copy}"),
    "text_number": ("text number {n}", "teks nomor {n}"),
    "text_number_huge": (
        "a text number past any file's",
        "nomor teks yang melebihi file mana pun"),
}
