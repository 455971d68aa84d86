"""The thesis example's words in Indonesian, the language the thesis was written in: what an
Indonesian HR officer would have typed in the Indonesian template (descriptions, questions
and their labels, units, notes, intangibles). Names (people, units, machines) stay as they
are. Keyed by the English text of :mod:`thesis_case`; text not listed is used as is."""

from __future__ import annotations

INDONESIAN: dict[str, str] = {
    # Program
    "Prodtech machine-operator training (Protos 70, GD X2NV, Focke 350)":
        "Pelatihan operator mesin Prodtech (Protos 70, GD X2NV, Focke 350)",
    "Prita Kristantia, ITS Surabaya (undergraduate thesis, 2012)":
        "Prita Kristantia, ITS Surabaya (tugas akhir S1, 2012)",
    # Groups
    "Cigarette-maker unit operators; course Prodtech Protos 70 (3 weeks in class + 3 months "
    "on the job): operate, move, remove, assemble and set the Protos 70 machine (VE 70, SE 70, "
    "MAX 70) safely":
        "Operator unit pembuat rokok (maker); kursus Prodtech Protos 70 (3 minggu di kelas + 3 "
        "bulan di tempat kerja): mengoperasikan, memindahkan, melepas, merakit, dan menyetel "
        "mesin Protos 70 (VE 70, SE 70, MAX 70) dengan aman",
    "Cigarette-packer unit operators; courses Prodtech GD X2NV (12 participants) and Prodtech "
    "Focke 350 (7 participants), each 3 weeks in class + 3 months on the job: operate and "
    "maintain the packing machines":
        "Operator unit pengemas rokok (packer); kursus Prodtech GD X2NV (12 peserta) dan "
        "Prodtech Focke 350 (7 peserta), masing-masing 3 minggu di kelas + 3 bulan di tempat "
        "kerja: mengoperasikan dan merawat mesin pengemas",
    # Costs
    "Training books (per book)": "Buku pelatihan (per buku)",
    "Audio-visual equipment (per unit per week)": "Peralatan audio visual (per unit per minggu)",
    "Catering (per participant per day)": "Konsumsi (per peserta per hari)",
    "Accommodation (per participant per day)": "Akomodasi (per peserta per hari)",
    "Trainer salary (per trainer per month)": "Gaji trainer (per trainer per bulan)",
    "Training administration staff salary (per person per month)":
        "Gaji staf administrasi pelatihan (per orang per bulan)",
    "Training needs analysis (per analyst per month)":
        "Analisis kebutuhan pelatihan (per analis per bulan)",
    "Training evaluation (per evaluator per month)":
        "Evaluasi pelatihan (per evaluator per bulan)",
    # Questions, level 1
    "Slide presentation delivered by the trainer is clear, easy to understand and interesting":
        "Presentasi slide yang disampaikan trainer jelas, mudah dipahami, dan menarik",
    "Training module is easy to understand and systematic":
        "Modul pelatihan mudah dipahami dan sistematis",
    "Training activities in class and in the working area help me to understand the training "
    "material":
        "Kegiatan pelatihan di kelas dan di area kerja membantu saya memahami materi pelatihan",
    "Knowledge and skill from this training will help me to make my work easier":
        "Pengetahuan dan keterampilan dari pelatihan ini akan memudahkan pekerjaan saya",
    "Training time allocation is enough to understand the material and increase my skill":
        "Alokasi waktu pelatihan cukup untuk memahami materi dan meningkatkan keterampilan saya",
    "Trainer is able to explain and deliver the material well":
        "Trainer mampu menjelaskan dan menyampaikan materi dengan baik",
    "Trainer is able to create an interesting, not boring training session":
        "Trainer mampu menciptakan sesi pelatihan yang menarik dan tidak membosankan",
    "Trainer is able to increase learning spirit by asking questions / feedback":
        "Trainer mampu meningkatkan semangat belajar dengan pertanyaan / umpan balik",
    "Trainer is able to use the time to deliver the material effectively":
        "Trainer mampu menggunakan waktu untuk menyampaikan materi secara efektif",
    # Questions, level 3 (the thesis's six-month forms)
    "Benefit of the training material to your knowledge (Protos 70 form: to your skills and "
    "knowledge)":
        "Manfaat materi pelatihan bagi pengetahuan Anda (formulir Protos 70: bagi keterampilan "
        "dan pengetahuan Anda)",
    "not useful;less useful;useful;very useful":
        "tidak bermanfaat;kurang bermanfaat;bermanfaat;sangat bermanfaat",
    "Fit of the knowledge given with carrying out your job (Protos 70 form: with the work on "
    "the production floor)":
        "Kesesuaian pengetahuan yang diberikan dengan pelaksanaan pekerjaan Anda (formulir "
        "Protos 70: dengan pekerjaan di lantai produksi)",
    "Your confidence in fixing problems on the machine":
        "Keyakinan Anda dalam memperbaiki masalah pada mesin",
    "Your ability to carry out your job": "Kemampuan Anda melaksanakan pekerjaan",
    "Meeting the output target set by your superior (Protos 70 form: level of production output "
    "you achieve)":
        "Pencapaian target output dari atasan (formulir Protos 70: tingkat output produksi "
        "yang Anda capai)",
    "Meeting the work quality set by your superior (Protos 70 form: quality of the output you "
    "produce)":
        "Pencapaian kualitas kerja dari atasan (formulir Protos 70: kualitas output yang Anda "
        "hasilkan)",
    "Accuracy / precision in carrying out your job (Protos 70 form only)":
        "Ketelitian / ketepatan dalam melaksanakan pekerjaan (hanya formulir Protos 70)",
    "Supporting facilities and work equipment": "Fasilitas pendukung dan peralatan kerja",
    "Fit of tasks and responsibilities with your abilities":
        "Kesesuaian tugas dan tanggung jawab dengan kemampuan Anda",
    "Involvement of colleagues from other sections in carrying out the work (GD X2NV and "
    "Focke 350 forms only)":
        "Keterlibatan rekan dari bagian lain dalam melaksanakan pekerjaan (hanya formulir GD "
        "X2NV dan Focke 350)",
    # Rates and Measures
    "Operator wage": "Upah operator",
    "Working time": "Waktu kerja mesin",
    "hours": "jam",
    "Table 4.15 wage": "Upah Tabel 4.15",
    "Monthly machine working time of the Maker unit (Protos 70), Tables 4.7-4.9; trained "
    "operators handle breakdowns themselves, so fewer hours are needed. Hours saved x hourly "
    "operator wage (section 4.3). The thesis applied no isolation.":
        "Waktu kerja mesin bulanan unit Maker (Protos 70), Tabel 4.7-4.9; operator yang sudah "
        "dilatih menangani kerusakan sendiri, sehingga jam yang dibutuhkan berkurang. Jam yang "
        "dihemat x upah operator per jam (subbab 4.3). Tugas akhir ini tidak menerapkan isolasi.",
    "Monthly machine working time of the Packer unit (GD X2NV and Focke 350), Tables 4.10-4.12 "
    "(Table 4.18 repeats them with typos and is not used). Hours saved x hourly operator wage "
    "(section 4.3). The thesis applied no isolation.":
        "Waktu kerja mesin bulanan unit Packer (GD X2NV dan Focke 350), Tabel 4.10-4.12 (Tabel "
        "4.18 mengulanginya dengan salah ketik dan tidak dipakai). Jam yang dihemat x upah "
        "operator per jam (subbab 4.3). Tugas akhir ini tidak menerapkan isolasi.",
    # Intangibles
    "Operators repair machine breakdowns themselves (first-line maintenance) instead of "
    "waiting for technicians":
        "Operator memperbaiki sendiri kerusakan mesin (perawatan lini pertama) tanpa menunggu "
        "teknisi",
    "Sections 5.3 and 5.4, conclusion 6.1 item 4; 6-month evaluation forms (Lampiran D, E, F)":
        "Subbab 5.3 dan 5.4, kesimpulan 6.1 butir 4; formulir evaluasi 6 bulan (Lampiran D, E, "
        "F)",
    "positive": "positif",
    "Almost no work accidents after the training (1 of 13 Protos 70 respondents reported one)":
        "Hampir tidak ada kecelakaan kerja setelah pelatihan (1 dari 13 responden Protos 70 "
        "melaporkannya)",
    "Section 5.3; Protos 70 6-month evaluation item 4 (pages under Lampiran F): 1 yes, 12 no":
        "Subbab 5.3; evaluasi 6 bulan Protos 70 butir 4 (halaman Lampiran F): 1 ya, 12 tidak",
    "Almost no work accidents after the training (Focke 350: 1 of 9, cause human error/rushing; "
    "GD X2NV: 0 of 6)":
        "Hampir tidak ada kecelakaan kerja setelah pelatihan (Focke 350: 1 dari 9, penyebab "
        "kelalaian/terburu-buru; GD X2NV: 0 dari 6)",
    "Section 5.3; Lampiran E item 4 (1 yes, 8 no); Lampiran D item 4, OCR-garbled (0 yes, 6 no)":
        "Subbab 5.3; Lampiran E butir 4 (1 ya, 8 tidak); Lampiran D butir 4, hasil pindaian "
        "rusak (0 ya, 6 tidak)",
    "Operators master their current job (about 87.5 % of Protos 70 respondents)":
        "Operator menguasai pekerjaannya sekarang (sekitar 87,5 % responden Protos 70)",
    "Gambar 4.5 (six-month evaluation Protos 70); conclusion 6.1 item 3":
        "Gambar 4.5 (evaluasi enam bulan Protos 70); kesimpulan 6.1 butir 3",
    "Operators master their current job (about 90 % GD X2NV and 88.9 % Focke 350 respondents)":
        "Operator menguasai pekerjaannya sekarang (sekitar 90 % responden GD X2NV dan 88,9 % "
        "Focke 350)",
    "Gambar 4.8 and 4.11 (six-month evaluation GD X2NV, Focke 350); conclusion 6.1 item 3":
        "Gambar 4.8 dan 4.11 (evaluasi enam bulan GD X2NV, Focke 350); kesimpulan 6.1 butir 3",
    "Higher machine uptime: mean monthly uptime 60.93 % in 2009 vs 61.82 % in 2011 (not "
    "converted: the working-time saving already carries it)":
        "Uptime mesin lebih tinggi: rata-rata uptime bulanan 60,93 % pada 2009 vs 61,82 % pada "
        "2011 (tidak dikonversi: penghematan waktu kerja sudah mencakupnya)",
    "Tables 4.7-4.9; section 5.4; conclusion 6.1 item 4":
        "Tabel 4.7-4.9; subbab 5.4; kesimpulan 6.1 butir 4",
    "Higher machine uptime: mean monthly uptime 66.94 % in 2009 vs 69.82 % in 2011 (not "
    "converted: the working-time saving already carries it)":
        "Uptime mesin lebih tinggi: rata-rata uptime bulanan 66,94 % pada 2009 vs 69,82 % pada "
        "2011 (tidak dikonversi: penghematan waktu kerja sudah mencakupnya)",
    "Tables 4.10-4.12; section 5.4; conclusion 6.1 item 4":
        "Tabel 4.10-4.12; subbab 5.4; kesimpulan 6.1 butir 4",
    "Expected but not measured: lower downtime, lower maintenance cost and fewer product "
    "rejects":
        "Diharapkan tetapi tidak diukur: downtime lebih rendah, biaya perawatan lebih rendah, "
        "dan produk cacat lebih sedikit",
    "Section 5.5, point 1 (benefits not converted to money)":
        "Subbab 5.5, poin 1 (manfaat yang tidak dikonversi ke uang)",
}


def in_indonesian(value: object) -> object:
    """The Indonesian of an example text, or the value unchanged."""
    return INDONESIAN.get(value, value) if isinstance(value, str) else value
